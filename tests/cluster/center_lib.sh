# Sourced by the cluster harnesses and bench/bench_cluster.sh: a throwaway center on loopback,
# a PostgreSQL cluster (initdb/pg_ctl into $work/pg) and a nats-server with JetStream
# ($work/js), on free ports, and the helpers to start nodes and check things. The caller sets
# `work` (a fresh directory) and `build`, and calls center_cleanup from its EXIT trap.
#   center_start_pg; center_start_nats; db=$(center_database NAME)
#   start_node NAME ARGS...   an agentdesk-server on a free port (${port[NAME]}, ${pid[NAME]}),
#                             log in $work/NAME.log; waits for /health
#   check "what" CMD...       counts and prints ok / FAIL
server_bin="$build/server/agentdesk-server"
cli_bin="$build/cli/agentdesk-cli"
pgbin=$(pg_config --bindir 2>/dev/null || true)
[[ -x "$pgbin/initdb" ]] || pgbin=/usr/lib/postgresql/15/bin
passed=0 failed=0
pids=()
declare -A port pid

as_pg() {  # initdb and pg_ctl refuse to run as root
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}
center_cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1
  if [[ -n "${AGENTDESK_KEEP_WORK:-}" ]]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
check() {  # check "what" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1)) && printf '  ok    %s\n' "$what"
  else
    failed=$((failed + 1)) && printf '  FAIL  %s\n' "$what"
  fi
}
now_ms() { date +%s%3N; }
json() {  # json FILTER: a Python expression over `d` (the JSON on stdin)
  python3 -c "import json,sys
try:
    d=json.load(sys.stdin)
except Exception:
    sys.exit(1)
print($1)"
}

center_start_pg() {  # center_start_pg [MAX_CONNECTIONS]
  chmod 755 "$work"  # the postgres user goes through it when run as root
  mkdir -p "$work/pg"
  ((EUID == 0)) && chown postgres "$work/pg"
  as_pg "$pgbin/initdb" -D "$work/pg/data" -U agentdesk --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; return 1; }
  pg_port=$(free_port)
  pg_opts="-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c max_connections=${1:-80}"
  pg_start || { cat "$work/pg/log"; return 1; }
}
pg_start() { as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -t 30 -o "$pg_opts" start >/dev/null; }
center_database() {  # center_database NAME: creates it (UTF-8) and prints its URI
  psql -h 127.0.0.1 -p "$pg_port" -U agentdesk -d postgres -qc \
    "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
  echo "postgresql://agentdesk@127.0.0.1:$pg_port/$1"
}
center_start_nats() {
  mkdir -p "$work/js"
  [[ -n "${nats_port:-}" ]] || nats_port=$(free_port)
  nats-server -a 127.0.0.1 -p "$nats_port" -js -sd "$work/js" >>"$work/nats.log" 2>&1 &
  nats_pid=$!
  pids+=("$nats_pid")
  for _ in $(seq 50); do
    (echo >"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
center_key() {  # the nodes' shared key file
  [[ -f "$work/key" ]] || { head -c 32 /dev/urandom >"$work/key" && chmod 600 "$work/key"; }
  echo "$work/key"
}
start_node() {  # start_node NAME ARGS...: an agentdesk-server with these arguments
  local name=$1
  shift
  [[ -n "${port[$name]:-}" ]] || port[$name]=$(free_port)
  "$server_bin" --key-file "$(center_key)" --listen "127.0.0.1:${port[$name]}" "$@" \
    >>"$work/$name.log" 2>&1 &
  pid[$name]=$!
  pids+=("${pid[$name]}")
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:${port[$name]}/api/v1/health" >/dev/null && return 0
    kill -0 "${pid[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "node $name did not start:" && tail -n 20 "$work/$name.log" && return 1
}
url() { echo "http://127.0.0.1:${port[$1]}/api/v1"; }
token_of() {  # token_of NODE USER: a session token (retries while logins are throttled)
  local t="" _
  for _ in $(seq 60); do
    t=$(curl -sf -XPOST "$(url "$1")/sessions" -H 'content-type: application/json' \
      -d "{\"username\":\"$2\",\"password\":\"demo\"}" | json 'd["token"]' 2>/dev/null)
    [[ -n "$t" ]] && break
    sleep 1
  done
  echo "$t"
}
runs_acd() {  # runs_acd NODE TOKEN: does the node say it runs the ACD? (one curl, a grep)
  curl -s -m 2 -H "authorization: Bearer $2" "$(url "$1")/server/status" | grep -q '"here":true'
}
wait_acd() {  # wait_acd NODE TOKEN LIMIT_MS: prints the ms until it runs the ACD, or -1
  local start
  start=$(now_ms)
  while (($(now_ms) - start < $3)); do
    runs_acd "$1" "$2" && echo $(($(now_ms) - start)) && return 0
    sleep 0.05
  done
  echo -1
}
