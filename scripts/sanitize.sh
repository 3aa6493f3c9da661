#!/usr/bin/env bash
# Sanitizer builds and test runs (docs/sanitizers.md), each in a build directory of its own:
#   bash scripts/sanitize.sh asan   build-asan/, ASan+UBSan: the non-GUI tests
#   bash scripts/sanitize.sh tsan   build-tsan/, TSan: the server and client-core (crm) tests,
#                                   with a count of ThreadSanitizer reports (bench/tsan.sh)
# Needs what scripts/dev.sh installs. Builds are incremental (ccache). Exit status: non-zero when
# a test fails, which includes any sanitizer report (ASan/UBSan abort the test; TSan exits 66).
#   SANITIZE_JOBS=n   build jobs (default 2)
#   TSAN_TESTS=regex  tsan: only the tests whose name matches (a Python regex)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly SUPPRESSIONS="$PWD/tests/sanitizers"
readonly JOBS="${SANITIZE_JOBS:-2}"


log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

configure() {  # dir sanitize
  log "Configuring $1/ (AGENTDESK_SANITIZE=$2)"
  # No AGENTDESK_WERROR, and -Wno-maybe-uninitialized: GCC 12 warns falsely inside <regex>
  # under -fsanitize=address (pages of it in the build log otherwise).
  # -O1 -g1: the sanitizers' usual level (quicker to build than -O2 -g, line numbers in reports).
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG -Wno-maybe-uninitialized" \
    -DAGENTDESK_SANITIZE="$2" -DAGENTDESK_BUILD_BENCH=OFF >/dev/null
}

build() {  # dir targets...
  local dir="$1"
  shift
  log "Building in $dir/: $*"
  cmake --build "$dir" --target "$@" -- -j"$JOBS"
  # A header saved while the build ran (someone else editing the tree) leaves objects compiled
  # against two versions of it; mismatched vtables then crash tests (a SIGSEGV that TSan buries
  # under a hundred "signal-unsafe call" reports from Catch2's handler). Ninja sees the stale
  # objects: build again until it has nothing left to do.
  local round
  for round in 2 3 4; do
    [[ $(ninja -C "$dir" -n "$@") == *"no work to do"* ]] && return 0
    if ((round == 4)); then
      log "Sources are still changing; testing what was built (a crash may be a mixed build)"
      return 0
    fi
    log "Sources changed during the build; building in $dir/ again (round $round)"
    cmake --build "$dir" --target "$@" -- -j"$JOBS"
  done
}

# The CTest numbers of the tests to run, as `ctest -I` takes them ("0,0,0,n,n,…"): tests whose
# executable was built (this script builds only some) and whose name and labels pass the
# filters: select_tests dir executables-regex name-regex exclude-name-regex exclude-labels-regex
# (Python regexes). The name filter is applied here, not with `ctest -R`: ctest numbers the tests
# that -R leaves, so -I and -R together run the wrong ones.
select_tests() {
  ctest --test-dir "$1" --show-only=json-v1 | python3 -c '
import json, os, re, sys
exes, names, exclude, labels = (re.compile(a) for a in sys.argv[1:5])
picked = []
for n, t in enumerate(json.load(sys.stdin)["tests"], 1):
    cmd = t.get("command") or [""]
    tl = [v for p in t.get("properties", []) if p["name"] == "LABELS" for v in p["value"]]
    if (os.path.isfile(cmd[0]) and exes.search(os.path.basename(cmd[0]))
            and names.search(t["name"]) and not exclude.search(t["name"])
            and not any(labels.search(l) for l in tl)):
        picked.append(str(n))
if not picked:
    sys.exit("no tests selected")
print(",".join(["0,0,0"] + picked))
' "$2" "$3" "$4" "$5"
}

run_asan() {
  # agentdesk_tests (server) and agentdesk_unit_tests pull in agentdesk-server and
  # agentdesk_draft_typist, which tests start.
  # The corpus replays of tests/fuzz (fuzz_replay_*), when the tree has them, come along.
  configure build-asan address,undefined
  local targets=(agentdesk_unit_tests agentdesk_tests agentdesk_store_tests agentdesk_prompt_tests)
  mapfile -t -O ${#targets[@]} targets < <(ninja -C build-asan -t targets all |
    sed -n 's/^\(fuzz_replay_[a-z0-9_]*\): phony$/\1/p')
  build build-asan "${targets[@]}"
  log "Running the non-GUI tests under ASan+UBSan"
  export QT_QPA_PLATFORM=offscreen
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1:halt_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$SUPPRESSIONS/lsan.supp:print_suppressions=0"
  # Left out: the GUI tests (not built here), the translations check (Python), the Chromium
  # EventSource check, the SIP tests (label sip: real baresip/SIPp calls in real time, mostly
  # serial), and agentdesk_fd_limit_tests (it lowers RLIMIT_NOFILE for the whole process, and the
  # sanitizer runtimes need free descriptors of their own: UBSan's vptr check probes memory
  # through a pipe and reports a false "invalid vptr" without one).
  local tests
  tests=$(select_tests build-asan \
    '^(agentdesk_unit_tests|agentdesk_tests|agentdesk_store_tests|agentdesk_prompt_tests|fuzz_replay_.*)$' \
    '' '^gui:' '^sip$')
  # A test that fails is run once more (and both runs are in the log): under ASan on 2 busy
  # cores a real-process test has once stalled past its timeout, never reproduced in 40 runs
  # here. The watchdog (tests/support/test_watchdog.h) prints the stacks of such a stall; a
  # test that fails twice fails the run.
  ctest --test-dir build-asan --output-on-failure -j2 --timeout 600 -I "$tests" \
    --repeat until-pass:2
}

run_tsan() {
  configure build-tsan thread
  build build-tsan agentdesk_unit_tests agentdesk_tests
  log "Running the server and crm tests under TSan"
  local reports="$PWD/build-tsan/tsan-reports"
  rm -rf "$reports"
  mkdir -p "$reports"
  export QT_QPA_PLATFORM=offscreen
  # One file per process (tsan.<pid>) so reports can be counted; halt_on_error=0 so one run
  # finds them all (a process with reports still exits 66 and its test fails).
  export TSAN_OPTIONS="suppressions=$SUPPRESSIONS/tsan.supp:halt_on_error=0:second_deadlock_stack=1:log_path=$reports/tsan"
  local tests status=0 started=$SECONDS
  tests=$(select_tests build-tsan '^agentdesk_(unit_)?tests$' "${TSAN_TESTS:-}" '(?!)' '^sip$')
  ctest --test-dir build-tsan --output-on-failure -j2 --timeout 600 -I "$tests" \
    >"$reports/ctest.log" 2>&1 || status=$?
  local elapsed=$((SECONDS - started))
  tail -n 30 "$reports/ctest.log"
  local ran passed found
  ran=$(grep -c '^ *[0-9]*/[0-9]* Test *#' "$reports/ctest.log" || true)
  passed=$(grep -c '^ *[0-9]*/[0-9]* Test *#.* Passed ' "$reports/ctest.log" || true)
  found=$(cat "$reports"/tsan.* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer:' || true)
  if ((found > 0)); then
    log "ThreadSanitizer reports by kind (each in $reports/tsan.<pid>):"
    cat "$reports"/tsan.* | grep '^WARNING: ThreadSanitizer:' | sort | uniq -c | sort -rn
  fi
  printf 'tsan: %s tests ran, %s passed, %s ThreadSanitizer reports, %d s\n' \
    "$ran" "$passed" "$found" "$elapsed"
  return "$status"
}

case "${1:-}" in
  asan) run_asan ;;
  tsan) run_tsan ;;
  *)
    echo "usage: bash scripts/sanitize.sh asan|tsan" >&2
    exit 2
    ;;
esac
