#!/usr/bin/env python3
"""Command round trips merged over simulate-agents processes (their --round-trips-out files:
"command ms confirmed-at" per line): p50/p99/max by command and over all, when the slow ones
(over 50 ms) came by 5 s of the window, and the target p99 <= 50 ms (exit 1 when missed).
Used by bench_simulate_agents.sh and bench_cluster.sh.
  round_trips.py FILE..."""
import math, sys
trips = {}
at = []  # (confirmed at, CLOCK_MONOTONIC s, ms)
for path in sys.argv[1:]:
    for line in open(path):
        what, ms, when = (line.split() + ["0"])[:3]
        trips.setdefault(what, []).append(float(ms))
        at.append((float(when), float(ms)))
def pct(v, p):
    v = sorted(v)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)] if v else 0.0
everything = [x for v in trips.values() for x in v]
for what in sorted(trips):
    v = trips[what]
    print(f"  {what:<12} n {len(v):6}  p50 {pct(v, 50):7.1f}  p99 {pct(v, 99):7.1f}  max {max(v):7.1f}")
p99 = pct(everything, 99)
print(f"  {'all':<12} n {len(everything):6}  p50 {pct(everything, 50):7.1f}  p99 {p99:7.1f}")
# When the slow ones came: over 50 ms per 5 s of the measured window, all clients together.
at = sorted(a for a in at if a[0] > 0)
if at:
    t0 = at[0][0]
    buckets = {}
    for when, ms in at:
        b = buckets.setdefault(int((when - t0) // 5), [0, 0])
        b[0] += 1
        b[1] += ms > 50
    print("  over 50 ms by 5 s of the window (slow/all): " +
          " ".join(f"{k * 5}s:{v[1]}/{v[0]}" for k, v in sorted(buckets.items())))
ok = bool(everything) and p99 <= 50
print(f"target command round trip p99 <= 50 ms: {'PASS' if ok else 'FAIL'} (p99 {p99:.1f} ms)")
sys.exit(0 if ok else 1)
