#!/usr/bin/env bash
# SIP telephony on two nodes behind Kamailio's dispatcher (docs/scaling.md): a throwaway
# PostgreSQL cluster, a nats-server, two agentdesk-server nodes with --telephony sip on their own
# SIP ports, and Kamailio in front (tests/cluster/kamailio.cfg.in) probing both with OPTIONS
# each second. Callers (SIPp) call the proxy only:
#   baseline   a call through the proxy is answered by the node that runs the ACD; the other
#              node answers the probe with 503 and gets no call
#   kill -9    the owner dies: calls through the proxy are answered again by the other node,
#              within a few seconds (the takeover, then the next probe)
# Everything on 127.0.0.1, free ports, stopped at the end. Prints every check and
# "N passed, M failed"; exits non-zero when a check failed.
#   tests/cluster/sip_proxy_harness.sh [BUILD_DIR]      (AGENTDESK_KEEP_WORK=1 keeps the logs)
set -uo pipefail
build=$(cd "${1:-build}" && pwd)
here_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/agentdesk-sip-proxy-XXXXXX)
source "$here_dir/center_lib.sh"
cleanup() {
  [[ -n "${kam_pid:-}" ]] && kill "$kam_pid" 2>/dev/null && wait "$kam_pid" 2>/dev/null
  center_cleanup
}
trap cleanup EXIT
kamailio=$(command -v kamailio || echo /usr/sbin/kamailio)
[[ -x "$kamailio" ]] || { echo "kamailio is not installed (scripts/dev.sh installs it)"; exit 1; }
command -v sipp >/dev/null || { echo "sipp is not installed (sip-tester)"; exit 1; }

center_start_pg || exit 1
db=$(center_database center)
center_start_nats || exit 1
declare -A sip
sip[a]=$(free_port)
sip[b]=$(free_port)
sipnode() {  # sipnode NAME: a node with SIP telephony on its own port
  start_node "$1" --db "$db" --demo --demo-rate 0 --telephony sip \
    --sip-listen "127.0.0.1:${sip[$1]}" --sip-trunk 127.0.0.1 --prompts "$build/prompts" \
    --recordings "$work/rec-$1" --events "nats://127.0.0.1:$nats_port" --node "$1" --log info
}
sipnode a || exit 1
lead=$(token_of a lead1)
[[ -n "$lead" ]] || { echo "lead1 cannot log in"; exit 1; }
[[ $(wait_acd a "$lead" 10000) -ge 0 ]] || { echo "node a never ran the ACD"; exit 1; }
sipnode b || exit 1

kam_port=$(free_port)
printf '1 sip:127.0.0.1:%s\n1 sip:127.0.0.1:%s\n' "${sip[a]}" "${sip[b]}" >"$work/dispatcher.list"
sed -e "s|@PORT@|$kam_port|" -e "s|@LIST@|$work/dispatcher.list|" -e "s|@NAME@|proxy|" \
  "$here_dir/kamailio.cfg.in" >"$work/kamailio.cfg"
mkdir -p "$work/kam-run"
"$kamailio" -f "$work/kamailio.cfg" -DD -E -Y "$work/kam-run" -m 32 -M 4 >"$work/kamailio.log" 2>&1 &
kam_pid=$!
pids+=("$kam_pid")

call_via_proxy() {  # one call through the proxy to the general queue; true when answered
  (cd "$work" && timeout 10 sipp "127.0.0.1:$kam_port" -sf "$here_dir/../sip/scenarios/uac_call_via_proxy.xml" \
    -s general -i 127.0.0.1 -p "$(free_port)" -mp "$(free_port)" -m 1 -l 1 -timeout 5s \
    -timeout_error -nostdin >>"$work/sipp.log" 2>&1)
}
calls_on() { grep -c "enters queue general" "$work/$1.log"; }
wait_call() {  # wait_call LIMIT_MS: prints the ms until a call through the proxy is answered
  local start
  start=$(now_ms)
  while (($(now_ms) - start < $1)); do
    call_via_proxy && echo $(($(now_ms) - start)) && return 0
    sleep 0.2
  done
  echo -1
}

echo "== baseline"
took=$(wait_call 10000)
echo "  first call through the proxy answered after ${took} ms (the proxy's first probes)"
check "a call through the proxy is answered" test "$took" -ge 0
check "by the node that runs the ACD" test "$(calls_on a)" -ge 1
check "the node on standby got none" test "$(calls_on b)" -eq 0

echo "== kill -9 the owner"
kill -9 "${pid[a]}"
took=$(wait_call 15000)
echo "  calls answered again ${took} ms after kill -9 of node a"
check "calls through the proxy are answered again within 8 s" test "$took" -ge 0 -a "$took" -lt 8000
check "by the node that took over" test "$(calls_on b)" -ge 1
echo "$passed passed, $failed failed"
((failed == 0))
