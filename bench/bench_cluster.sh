#!/usr/bin/env bash
# The center past one machine, measured (docs/scaling.md): N synthetic counselors
# (agentdesk-cli simulate-agents) on ONE agentdesk-server node, then on TWO nodes (one runs the
# ACD, the other forwards to it over NATS; half the clients with each node's address first),
# both on one throwaway PostgreSQL cluster, with the same calls. Prints for each: command round
# trips (p50/p99), events handled per second by the clients, CPU per node; then the comparison
# in one table. Then the failover time over K kills: kill -9 the node that runs the ACD (with
# the N agents' sessions and their states stored), time until the other one runs it, start the
# killed node again, and again.
#   bench/bench_cluster.sh [BUILD_DIR] [--count 2000] [--minutes 2] [--time-scale 2]
#                          [--rate CALLS_PER_MIN] [--kills 20]
# Everything on 127.0.0.1, free ports; stopped and removed at the end.
set -uo pipefail
build=$(cd "${1:-build}" && pwd)
shift || true
count=2000 minutes=2 scale=2 rate="" kills=20
while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --time-scale) scale=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
rate=${rate:-$(python3 -c "print(min(600, round($count * 0.6)))")}  # as bench_simulate_agents
clients=$(((count + 499) / 500))
here_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/agentdesk-bench-cluster-XXXXXX)
source "$here_dir/../tests/cluster/center_lib.sh"
trap center_cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "bench_cluster: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$count agents, $rate calls/min of demo time at x$scale, $minutes min of demo time per setup, $clients client processes"
center_start_pg 200 || exit 1
center_start_nats || exit 1
node() {  # node NAME DB [ARGS...]
  local name=$1 db=$2
  shift 2
  start_node "$name" --db "$db" --demo --demo-agents "$count" --demo-rate 0 \
    --time-scale "$scale" --max-connections $((count * 2 + 100)) --log warn "$@"
}
cpu_s() { awk '{print ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$1/stat"; }

declare -A result
# run_load LABEL NODE...: the clients against these nodes for the window; figures in result[]
run_load() {
  local label=$1
  shift
  local nodes=("$@") k first=1 per=$(((count + clients - 1) / clients))
  local duration
  duration=$(python3 -c "print($minutes * 60 / $scale)")
  rm -f "$work/start" "$work"/trips.* "$work"/cli.*
  local cpids=()
  for ((k = 0; k < clients; ++k)); do
    local n=$((count - first + 1 < per ? count - first + 1 : per))
    local servers="" j
    for ((j = 0; j < ${#nodes[@]}; ++j)); do  # each client starts on the next node
      local node=${nodes[$(((k + j) % ${#nodes[@]}))]}
      servers+="${servers:+,}http://127.0.0.1:${port[$node]}"
    done
    "$cli_bin" --server "$servers" simulate-agents --count "$n" --first "$first" \
      --duration "$duration" --time-scale "$scale" --talk 30-120 --acw 5-20 \
      --round-trips-out "$work/trips.$k" --start-file "$work/start" \
      >"$work/cli.$k.out" 2>"$work/cli.$k.err" &
    cpids+=($!)
    pids+=($!)
    first=$((first + n))
  done
  for ((k = 0; k < clients; ++k)); do
    until grep -q "^ramp-up" "$work/cli.$k.out" 2>/dev/null; do
      kill -0 "${cpids[$k]}" 2>/dev/null || break
      sleep 0.5
    done
  done
  local trainer
  trainer=$(token_of "${nodes[0]}" trainer1)
  [[ -n "$trainer" ]] || { echo "trainer1 cannot log in"; exit 1; }
  curl -sf -XPUT -H "authorization: Bearer $trainer" -H 'content-type: application/json' \
    -d "{\"callsPerMin\": $rate}" "$(url "${nodes[0]}")/demo/rate" >/dev/null
  touch "$work/start"
  declare -A cpu0
  for node in "${nodes[@]}"; do cpu0[$node]=$(cpu_s "${pid[$node]}"); done
  for p in "${cpids[@]}"; do wait "$p"; done
  local cpus=""
  for node in "${nodes[@]}"; do
    cpus+="${cpus:+ / }$(python3 -c "print(f'{100 * ($(cpu_s "${pid[$node]}") - ${cpu0[$node]}) / $duration:.0f}')")%"
  done
  echo "--- $label: the clients"
  grep -hE "logins ok|events handled|calls offered|vanished|protocol errors" "$work"/cli.*.out | sed 's/^ */  /'
  echo "--- $label: command round trips over all clients (issue -> confirming event), ms"
  python3 "$here_dir/round_trips.py" "$work"/trips.* | tee "$work/trips.txt"
  local all events
  all=$(sed -n 's/^  all *n *\([0-9]*\) *p50 *\([0-9.]*\) *p99 *\([0-9.]*\).*/\2 \3/p' "$work/trips.txt")
  events=$(sed -n 's/.*events handled [0-9]* (\([0-9.]*\)\/s).*/\1/p' "$work"/cli.*.out | awk '{s+=$1} END {printf "%.0f", s}')
  result[$label]="$all $events $cpus"
  echo "--- $label: CPU per node over the window: $cpus of one core"
}

echo "== one node"
db1=$(center_database bench_one)
node one "$db1" || exit 1
run_load one one
kill "${pid[one]}"
wait "${pid[one]}" 2>/dev/null

echo "== two nodes (a runs the ACD, b forwards)"
db2=$(center_database bench_two)
node a "$db2" --events "nats://127.0.0.1:$nats_port" --node a || exit 1
lead=$(token_of a lead1)
[[ $(wait_acd a "$lead" 10000) -ge 0 ]] || { echo "node a never ran the ACD"; exit 1; }
node b "$db2" --events "nats://127.0.0.1:$nats_port" --node b || exit 1
run_load two a b

echo "== failover: kill -9 the node that runs the ACD, $kills times ($count agents' sessions stored)"
times=()
for ((i = 1; i <= kills; ++i)); do
  if runs_acd a "$lead"; then owner=a other=b; else owner=b other=a; fi
  kill -9 "${pid[$owner]}"
  wait "${pid[$owner]}" 2>/dev/null
  took=$(wait_acd "$other" "$lead" 15000)
  times+=("$took")
  printf '  kill %2d: %s ran the ACD after %5d ms\n' "$i" "$other" "$took"
  node "$owner" "$db2" --events "nats://127.0.0.1:$nats_port" --node "$owner" || exit 1
  sleep 2
done

echo "== comparison"
python3 - "${result[one]}" "${result[two]}" "${times[@]}" <<'PY'
import statistics, sys
one, two = sys.argv[1].split(), sys.argv[2].split()
times = [int(t) for t in sys.argv[3:]]
print(f"{'setup':<28}{'p50 ms':>8}{'p99 ms':>8}{'events/s':>10}   CPU per node (% of one core)")
print(f"{'one node':<28}{one[0]:>8}{one[1]:>8}{one[2]:>10}   {' '.join(one[3:])}")
print(f"{'two nodes (ACD on a)':<28}{two[0]:>8}{two[1]:>8}{two[2]:>10}   {' '.join(two[3:])} (a / b)")
ok = [t for t in times if t >= 0]
if ok:
    ok.sort()
    print(f"failover over {len(times)} kills: min {ok[0]} ms, median {statistics.median(ok):.0f} ms, "
          f"max {ok[-1]} ms; {sum(t < 4000 for t in ok)} of {len(times)} within 4 s"
          f"{'' if len(ok) == len(times) else f'; {len(times) - len(ok)} never took over'}")
sys.exit(0 if len(ok) == len(times) and max(ok) < 4000 else 1)
PY
