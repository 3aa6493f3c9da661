#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz for a set time (docs/fuzzing.md).
#
#   bash bench/fuzz.sh [SECONDS] [HARNESS...]     # default 60 s each, every harness
#
# Configures build-fuzz/ with clang (-DAGENTDESK_FUZZ=ON, the libraries instrumented with
# -fsanitize=fuzzer-no-link,address,undefined), builds only the fuzz targets, and runs each
# harness on a copy of its seed corpus (tests/fuzz/corpus/<harness>, left untouched). Prints per
# harness: executions, executions per second, new corpus entries and crash files found. Exits 1
# when any harness found a crash (a crash file is a regression test once it is added to
# tests/fuzz/corpus/<harness>/ and the bug is fixed).
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (build jobs, default 1).
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-1}

if [[ $# -gt 0 ]]; then
    harnesses=("$@")
else
    harnesses=()
    for dir in "$root"/tests/fuzz/corpus/*/; do
        harnesses+=("$(basename "$dir")")
    done
fi

sanitize="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE= \
    -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer $sanitize" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DAGENTDESK_FUZZ=ON -DAGENTDESK_BUILD_BENCH=OFF -DAGENTDESK_BUILD_TESTS=ON >/dev/null
targets=()
for h in "${harnesses[@]}"; do
    targets+=("fuzz_$h")
done
cmake --build "$build" -- -j"$jobs" "${targets[@]}"

runs="$build/fuzz-runs"
rm -rf "$runs"
mkdir -p "$runs"
found=0
rows=()
for h in "${harnesses[@]}"; do
    work="$runs/$h"
    mkdir -p "$work/corpus" "$work/crashes"
    cp "$root/tests/fuzz/corpus/$h/"* "$work/corpus/"
    seeds=$(find "$work/corpus" -type f | wc -l)
    echo "== $h: ${seconds}s on $seeds seeds" >&2
    set +e
    (cd "$work" && ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
        UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/crashes/" \
        "$work/corpus" >"$work/log.txt" 2>&1)
    set -e
    statOf() { grep -a -m1 "^stat::$1:" "$work/log.txt" | awk '{print $2}'; }
    execs=$(statOf number_of_executed_units)
    rate=$(statOf average_exec_per_sec)
    added=$(statOf new_units_added)
    crashes=$(find "$work/crashes" -type f | sort)
    count=$(printf '%s' "$crashes" | grep -c . || true)
    if [[ $count -gt 0 ]]; then
        found=1
    fi
    rows+=("$(printf '%-15s %12s %8s %6s %8s  %s' "$h" "${execs:-?}" "${rate:-?}" \
        "${added:-?}" "$count" "$(echo "$crashes" | tr '\n' ' ')")")
done

echo
printf '%-15s %12s %8s %6s %8s  %s\n' harness executions exec/s new crashes "crash files (log: $runs/<harness>/log.txt)"
for row in "${rows[@]}"; do
    echo "$row"
done
exit $found
