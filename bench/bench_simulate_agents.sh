#!/usr/bin/env bash
# Load benchmark of one server node and the client core: `agentdesk-cli simulate-agents` with N
# synthetic counselors against a fresh demo server for M minutes of accelerated demo time.
# Prints the clients' figures (events/s handled, CPU and RSS, protocol errors), every command's
# round trip merged over the client processes (p50/p99 by command; target p99 <= 50 ms), and
# the server's CPU and RSS over the measured window. With --perf, and whenever the target is
# missed, `perf record` samples the server over the window and prints where its time went.
#   bench/bench_simulate_agents.sh [BUILD_DIR] [--count 200] [--minutes 5] [--time-scale 10]
#                                  [--rate CALLS_PER_MIN] [--clients K] [--perf]
set -euo pipefail
build=${1:-build}
shift || true
count=200 minutes=5 scale=10 rate="" clients="" want_perf=0
while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --time-scale) scale=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --perf) want_perf=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Keep 200 agents about 80 % busy: ~80 s per call (ring, talk 30-120 s, ACW 5-20 s) → 0.6 calls
# per agent-minute of demo time (the demo's ceiling is 600 calls a minute: 2,000 agents are
# about 40 % busy at it).
rate=${rate:-$(python3 -c "print(min(600, round($count * 0.6)))")}
# One client process per 500 agents: a single network thread for thousands of streams would
# measure the client, not the server.
clients=${clients:-$(((count + 499) / 500))}
server_bin="$build/server/agentdesk-server"
cli_bin="$build/cli/agentdesk-cli"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  kill "${server_pid:-}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
# Thousands of sockets on each side: the benchmark's own limit, not the server's code.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "bench_simulate_agents: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), open files $(ulimit -n)"
# No callers until every agent is logged in (below): logins check passwords with Argon2id, and
# calls ringing for half-logged-in agents would measure the ramp-up, not the center at work.
"$server_bin" --demo --demo-agents "$count" --demo-rate 0 --time-scale "$scale" \
  --max-connections $((count * 2 + 100)) \
  --db "$work/server.db" --listen 127.0.0.1:0 --log warn >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 300); do
  grep -q "serving http" "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/server.out" | head -1)
echo "server: $url (demo, $count synthetic agents, $rate calls/min of demo time, time x$scale)"
echo "clients: $clients agentdesk-cli processes"

duration=$(python3 -c "print($minutes * 60 / $scale)")
server_cpu() { awk '{print ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$server_pid/stat"; }
server_kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$server_pid/status"; }
per=$(((count + clients - 1) / clients))
first=1
for ((k = 0; k < clients; ++k)); do
  n=$((count - first + 1 < per ? count - first + 1 : per))
  "$cli_bin" --server "$url" simulate-agents --count "$n" --first "$first" \
    --duration "$duration" --time-scale "$scale" --talk 30-120 --acw 5-20 --report-every 5 \
    --round-trips-out "$work/trips.$k" --start-file "$work/start" \
    >"$work/cli.$k.out" 2>"$work/cli.$k.err" &
  pids+=($!)
  first=$((first + n))
done
# Every client measures from its own ramp-up line; the server's window starts with the last.
for ((k = 0; k < clients; ++k)); do
  until grep -q "^ramp-up" "$work/cli.$k.out" 2>/dev/null; do
    kill -0 "${pids[$k]}" 2>/dev/null || break
    sleep 0.2
  done
done
# Every agent is at work: the callers come (the trainer's PUT /demo/rate).
# A client that gave up may leave logins running: the server answers 503 until they finish.
token=""
for ((try = 0; try < 60 && ${#token} == 0; ++try)); do
  ((try == 0)) || sleep 1
  token=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"username":"trainer1","password":"demo"}' "$url/sessions" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])' 2>/dev/null || true)
done
[[ -n $token ]] || { echo "trainer1 cannot log in" >&2; exit 1; }
curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"callsPerMin\": $rate}" "$url/demo/rate" >/dev/null
echo "callers: $rate a minute of demo time from now (all clients ramped up)"
touch "$work/start"  # the clients' measured window begins
cpu0=$(server_cpu)
perf_pid=""
if ((want_perf)) && command -v perf >/dev/null; then
  perf record -q -g -F 499 -p "$server_pid" -o "$work/perf.data" -- sleep "$duration" \
    >/dev/null 2>&1 &
  perf_pid=$!
fi
status=0
for ((k = 0; k < clients; ++k)); do
  wait "${pids[$k]}" || status=$?
done
cpu1=$(server_cpu)
for ((k = 0; k < clients; ++k)); do
  echo "--- client $((k + 1)) of $clients"
  cat "$work/cli.$k.out"
  if [[ -s "$work/cli.$k.err" ]]; then
    echo "  its log, most frequent lines (ids and numbers as #):"
    sed -E 's/[0-9]+/#/g' "$work/cli.$k.err" | sort | uniq -c | sort -rn | head -8 || true
  fi
done
echo "--- server"
python3 -c "print(f'server cpu over the measured window: {$cpu1 - $cpu0:.2f} s ({100 * ($cpu1 - $cpu0) / $duration:.1f}% of one core)')"
echo "server rss $(($(server_kib VmRSS) / 1024)) MiB, peak $(($(server_kib VmHWM) / 1024)) MiB"
echo "--- command round trips over all clients (issue -> confirming event), ms"
missed=0
python3 "$(dirname "$0")/round_trips.py" "$work"/trips.* || missed=1
if ((missed)) && [[ -z $perf_pid ]] && command -v perf >/dev/null; then
  echo "(target missed: run again with --perf for where the server's time goes)"
fi
if [[ -n $perf_pid ]]; then
  wait "$perf_pid" || true
  echo "--- where the server's time went (perf, self time, top 25)"
  perf report -i "$work/perf.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null |
    grep -v '^#' | grep '%' | cut -c1-160 | head -25 || true
fi
((missed)) && status=1
exit $status
