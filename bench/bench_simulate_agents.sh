#!/usr/bin/env bash
# Load benchmark of the client core: `agentdesk-cli simulate-agents --count N` against the demo
# server for M minutes of accelerated demo time. Prints the client's figures (events/s handled,
# CPU and RSS of the client process, protocol errors) and the server's CPU for comparison.
#   bench/bench_simulate_agents.sh [BUILD_DIR] [--count 200] [--minutes 5] [--time-scale 10]
#                                  [--rate CALLS_PER_MIN]
set -euo pipefail
build=${1:-build}
shift || true
count=200 minutes=5 scale=10 rate=""
while (($#)); do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --time-scale) scale=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Keep 200 agents about 80 % busy: ~80 s per call (ring, talk 30-120 s, ACW 5-20 s) → 0.6 calls
# per agent-minute of demo time.
rate=${rate:-$(python3 -c "print(min(600, round($count * 0.6)))")}
server_bin="$build/server/agentdesk-server"
cli_bin="$build/cli/agentdesk-cli"
work=$(mktemp -d)
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

echo "bench_simulate_agents: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$server_bin" --demo --demo-agents "$count" --demo-rate "$rate" --time-scale "$scale" \
  --db "$work/server.db" --listen 127.0.0.1:0 --log warn >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "serving http" "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/server.out" | head -1)
echo "server: $url (demo, $count synthetic agents, $rate calls/min of demo time, time x$scale)"

duration=$(python3 -c "print($minutes * 60 / $scale)")
server_cpu() { awk '{print ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$server_pid/stat"; }
"$cli_bin" --server "$url" simulate-agents --count "$count" --duration "$duration" \
  --time-scale "$scale" --talk 30-120 --acw 5-20 --report-every 5 | tee "$work/cli.out" &
cli_pid=$!
# The server's CPU over the measured window only (after the ramp-up line).
until grep -q "^ramp-up" "$work/cli.out" 2>/dev/null; do
  kill -0 $cli_pid 2>/dev/null || break
  sleep 0.2
done
cpu0=$(server_cpu)
status=0
wait $cli_pid || status=$?
cpu1=$(server_cpu)
python3 -c "print(f'server cpu over the measured window: {$cpu1 - $cpu0:.2f} s ({100 * ($cpu1 - $cpu0) / $duration:.1f}% of one core)')"
exit $status
