#!/usr/bin/env bash
# A real browser's EventSource against agentdesk-server's GET /api/v1/events.
#
#   tests/browser/eventsource_check.sh PATH_TO_agentdesk-server PATH_TO_chromium
#
# Starts a throw-away demo server on a free loopback port, logs in counselor1 (put ready) and
# trainer1 with curl, and opens tests/browser/eventsource_page.html (file://) in headless
# Chromium with --dump-dom. The page opens
#     new EventSource(base + '/api/v1/events?access_token=' + token)
# and records every event it gets. Once the page has logged its first `snapshot` (console
# message "ESCHECK-READY", seen in Chromium's stderr log), this script injects a call for
# customer C00001 as trainer1; counselor1's stream must then deliver `call.offered`.
# The page writes what it received into the DOM and releases its load event, Chromium dumps
# the DOM, and this script checks it: first event `snapshot`, a `call.offered` whose
# data.call.customerMatches[0].name is 김민준, and strictly increasing event ids.
#
# Exit status: 0 only when all of that was seen by Chromium; 1 (with a reason) otherwise;
# 2 for bad usage. Everything started here is stopped on exit. Runs in well under 60 s.
#
# Environment knobs, for checking that the check fails when it should:
#   EVENTSOURCE_CHECK_TOKEN=...      give the page this token instead of the real one
#   EVENTSOURCE_CHECK_SKIP_INJECT=1  do not inject the call (the page then times out)
#   EVENTSOURCE_CHECK_KEEP=1         keep the temporary directory (logs, dumped DOM)

set -uo pipefail

readonly NAME=eventsource_check
readonly EXPECTED_CUSTOMER='김민준'   # customer C00001 in the demo data set
readonly TOTAL_BUDGET_S=50            # hard limit for the whole run (cleanup adds a few s at most)
readonly READY_BUDGET_S=30            # Chromium start + EventSource connect + snapshot
readonly PAGE_DEADLINE_MS=25000       # the page gives up on its own after this

log() { printf '%s: %s\n' "$NAME" "$*"; }

if [[ $# -ne 2 ]]; then
    echo "usage: $0 PATH_TO_agentdesk-server PATH_TO_chromium" >&2
    exit 2
fi
SERVER_BIN=$1
CHROMIUM_BIN=$2
if [[ ! -x $SERVER_BIN ]]; then
    echo "$NAME: FAIL: server binary '$SERVER_BIN' is not executable" >&2
    exit 2
fi
if ! command -v "$CHROMIUM_BIN" >/dev/null 2>&1; then
    echo "$NAME: FAIL: chromium '$CHROMIUM_BIN' not found / not executable" >&2
    exit 2
fi
for tool in curl sed grep mktemp; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$NAME: FAIL: required tool '$tool' is missing" >&2
        exit 2
    fi
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/agentdesk-eventsource.XXXXXX") || exit 1
SERVER_PID=''
CHROME_PID=''
CHROME_PGID=''   # set when Chromium runs in its own process group (setsid)
START_S=$SECONDS

# shellcheck disable=SC2317  # stop_pid and cleanup run from the EXIT trap
stop_pid() {  # stop_pid PID [group]: TERM, wait up to 3 s, then KILL
    local pid=$1 group=${2:-}
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    if [[ -n $group ]]; then kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    else kill -TERM "$pid" 2>/dev/null; fi
    for _ in $(seq 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        if [[ -n $group ]]; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
        else kill -KILL "$pid" 2>/dev/null; fi
    fi
    wait "$pid" 2>/dev/null
    return 0
}

# shellcheck disable=SC2317
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_pid "$CHROME_PID" "$CHROME_PGID"
    # Chromium's helpers (zygote, renderers, crashpad) share the browser's process group.
    [[ -n $CHROME_PGID ]] && kill -KILL -- "-$CHROME_PGID" 2>/dev/null
    stop_pid "$SERVER_PID"
    if [[ ${EVENTSOURCE_CHECK_KEEP:-0} == 1 ]]; then
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP

show_file() {  # show_file LABEL PATH [LINES]
    [[ -s $2 ]] || return 0
    echo "---- $1 (last ${3:-25} lines) ----" >&2
    tail -n "${3:-25}" "$2" | cut -c1-400 >&2
    echo "----" >&2
}

fail() {
    echo "$NAME: FAIL: $*" >&2
    show_file "server log" "$WORK/server.err"
    show_file "chromium log (filtered)" "$WORK/chromium.filtered" 40
    show_file "dumped DOM" "$WORK/dom.html" 60
    exit 1
}

remaining() { echo $((TOTAL_BUDGET_S - (SECONDS - START_S))); }

# ---------------------------------------------------------------- server
# The page is opened from a file, whose origin browsers send as "null": only this test's server
# allows it (the server allows no web origin unless told).
"$SERVER_BIN" --demo --demo-rate 0 --db "$WORK/db.sqlite" --listen 127.0.0.1:0 \
    --cors-origin null >"$WORK/server.out" 2>"$WORK/server.err" </dev/null &
SERVER_PID=$!

PORT=''
for _ in $(seq 100); do
    PORT=$(sed -n 's#^agentdesk-server serving http://127\.0\.0\.1:\([0-9][0-9]*\)/api/v1.*#\1#p' \
        "$WORK/server.out" | head -n1)
    [[ -n $PORT ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || fail "agentdesk-server exited before printing its URL"
    sleep 0.1
done
[[ -n $PORT ]] || fail "agentdesk-server printed no 'serving http://127.0.0.1:PORT/api/v1' line within 10 s"
BASE="http://127.0.0.1:$PORT"
log "server $BASE/api/v1 (pid $SERVER_PID)"

# ---------------------------------------------------------------- REST setup with curl
HTTP_STATUS=''
HTTP_BODY=''
api() {  # api METHOD PATH TOKEN-or-empty JSON-BODY
    local auth=()
    [[ -n $3 ]] && auth=(-H "Authorization: Bearer $3")
    HTTP_STATUS=$(curl -sS --max-time 10 -o "$WORK/body" -w '%{http_code}' -X "$1" \
        -H 'Content-Type: application/json' "${auth[@]}" --data "$4" "$BASE$2" 2>"$WORK/curl.err") \
        || fail "curl $1 $2 failed: $(cat "$WORK/curl.err")"
    HTTP_BODY=$(cat "$WORK/body")
}

login() {  # login USER -> prints token
    api POST /api/v1/sessions '' "{\"username\":\"$1\",\"password\":\"demo\"}"
    [[ $HTTP_STATUS == 201 ]] || fail "login $1: expected 201, got $HTTP_STATUS: $HTTP_BODY"
    local token
    token=$(printf '%s' "$HTTP_BODY" | sed -n 's/.*"token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
    [[ -n $token ]] || fail "login $1: no token in response: $HTTP_BODY"
    LOGIN_TOKEN=$token
}

login counselor1
COUNSELOR_TOKEN=$LOGIN_TOKEN
login trainer1
TRAINER_TOKEN=$LOGIN_TOKEN

api PUT /api/v1/agents/me/state "$COUNSELOR_TOKEN" '{"state":"ready"}'
[[ $HTTP_STATUS == 202 ]] || fail "PUT /agents/me/state ready: expected 202, got $HTTP_STATUS: $HTTP_BODY"
log "counselor1 and trainer1 logged in; counselor1 is ready"

PAGE_TOKEN=${EVENTSOURCE_CHECK_TOKEN:-$COUNSELOR_TOKEN}
[[ $PAGE_TOKEN == "$COUNSELOR_TOKEN" ]] || log "NOTE: giving the page a different token (EVENTSOURCE_CHECK_TOKEN)"

# ---------------------------------------------------------------- Chromium
cp "$HERE/eventsource_page.html" "$HERE/eventsource_page.js" "$WORK/" || fail "cannot copy the page"
PAGE_URL="file://$WORK/eventsource_page.html?base=$BASE&token=$PAGE_TOKEN&deadlineMs=$PAGE_DEADLINE_MS"
log "$("$CHROMIUM_BIN" --version 2>/dev/null | head -n1)"
log "page ${PAGE_URL%%token=*}token=<redacted>&deadlineMs=$PAGE_DEADLINE_MS"

SETSID=()
command -v setsid >/dev/null 2>&1 && SETSID=(setsid --wait)
# --dump-dom prints the DOM once the page's load event fired (the page holds it until it has
# its results). --virtual-time-budget is not used: virtual time does not advance while the
# event stream is open, so it would never expire. --timeout is only a safety net: it stops
# loading and dumps whatever the page has if the page never finishes.
"${SETSID[@]}" "$CHROMIUM_BIN" \
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --no-default-browser-check \
    --user-data-dir="$WORK/profile" \
    --enable-logging=stderr --v=0 \
    --timeout=$(( (READY_BUDGET_S + 10) * 1000 )) \
    --dump-dom "$PAGE_URL" \
    >"$WORK/dom.html" 2>"$WORK/chromium.err" </dev/null &
CHROME_PID=$!
(( ${#SETSID[@]} )) && CHROME_PGID=$CHROME_PID
CHROME_START_S=$SECONDS

filter_chromium_log() {  # keep page console lines and real problems, drop the usual dbus noise
    grep -v -e 'dbus' -e 'unexpected operator' "$WORK/chromium.err" >"$WORK/chromium.filtered" 2>/dev/null
}

# Wait until the page's EventSource has delivered its first event (snapshot).
ready=''
while :; do
    if grep -q 'ESCHECK-READY' "$WORK/chromium.err" 2>/dev/null; then ready=yes; break; fi
    kill -0 "$CHROME_PID" 2>/dev/null || break   # finished early (e.g. stream refused)
    (( SECONDS - CHROME_START_S < READY_BUDGET_S && $(remaining) > 5 )) || break
    sleep 0.2
done
filter_chromium_log
if [[ -n $ready ]]; then
    log "page's EventSource got its snapshot $((SECONDS - CHROME_START_S)) s after Chromium started: $(grep -o 'ESCHECK-READY.*' "$WORK/chromium.err" | head -n1 | sed 's/".*//')"
    if [[ ${EVENTSOURCE_CHECK_SKIP_INJECT:-0} == 1 ]]; then
        log "NOTE: not injecting a call (EVENTSOURCE_CHECK_SKIP_INJECT=1)"
    else
        api POST /api/v1/demo/calls "$TRAINER_TOKEN" '{"customerId":"C00001","queue":"general"}'
        [[ $HTTP_STATUS == 202 ]] || fail "POST /demo/calls: expected 202, got $HTTP_STATUS: $HTTP_BODY"
        log "trainer1 injected a call for C00001 (202): $HTTP_BODY"
    fi
elif kill -0 "$CHROME_PID" 2>/dev/null; then
    fail "the page did not report a snapshot within $((SECONDS - CHROME_START_S)) s of starting Chromium"
else
    log "Chromium finished before the page reported a snapshot; checking what it dumped"
fi

# Wait for Chromium to dump the DOM and exit.
while kill -0 "$CHROME_PID" 2>/dev/null && (( $(remaining) > 0 )); do
    sleep 0.2
done
filter_chromium_log
if kill -0 "$CHROME_PID" 2>/dev/null; then
    fail "Chromium still running after $((SECONDS - START_S)) s (no DOM dump)"
fi
wait "$CHROME_PID"
chrome_rc=$?
CHROME_PID=''
[[ $chrome_rc == 0 ]] || fail "Chromium exited with status $chrome_rc"
[[ -s $WORK/dom.html ]] || fail "Chromium printed no DOM"

# ---------------------------------------------------------------- check the dumped DOM
mapfile -t facts < <(grep -o 'ESCHECK|[^<]*' "$WORK/dom.html" | sed 's/^ESCHECK|//')
(( ${#facts[@]} > 0 )) || fail "the dumped DOM holds no results from the page (did the page script run?)"

status=''
events=()
for f in "${facts[@]}"; do
    case $f in
        status\|*) status=${f#status|} ;;
        event\|*) events+=("${f#event|}") ;;
    esac
done

log "Chromium EventSource received ${#events[@]} event(s):"
for e in "${events[@]}"; do
    IFS='|' read -r n type id extra <<<"$e"
    line=$(printf '  %2s  %-14s id=%-18s %s' "$n" "$type" "$id" "$extra")
    printf '%s\n' "${line%"${line##*[![:space:]]}"}"
done
for f in "${facts[@]}"; do
    case $f in open\|* | error\|*) log "page: ${f//|/ }" ;; esac
done
title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$WORK/dom.html" | head -n1)
log "page title: $title"

shown_status=${status:-<none>}
if [[ $status != "done" ]]; then
    if [[ $status == stream-closed* ]]; then
        # EventSource hides the HTTP status; ask the server directly what it answers.
        probe=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' \
            "$BASE/api/v1/events?access_token=$PAGE_TOKEN" 2>/dev/null)
        shown_status+=" (curl: GET /api/v1/events with the page's token -> HTTP ${probe:-?})"
    fi
    fail "page finished with status '${shown_status//|/: }' instead of 'done'"
fi
(( ${#events[@]} > 0 )) || fail "no events received"

IFS='|' read -r _ first_type _ _ <<<"${events[0]}"
[[ $first_type == snapshot ]] || fail "first event is '$first_type', expected 'snapshot'"

offered=''
prev=''
for e in "${events[@]}"; do
    IFS='|' read -r n type id extra <<<"$e"
    [[ $id =~ ^[0-9]{1,18}$ ]] || fail "event $n ($type) has id '$id', expected a decimal integer"
    if [[ -n $prev ]] && (( 10#$id <= 10#$prev )); then
        fail "event ids are not strictly increasing: event $n ($type) id $id after $prev"
    fi
    prev=$id
    if [[ $type == call.offered ]]; then offered=$extra; fi
done
[[ -n $offered ]] || fail "no call.offered event received"
offered_customer=${offered##*customer=}
[[ $offered == *customer=* && $offered_customer == "$EXPECTED_CUSTOMER" ]] \
    || fail "call.offered data.call.customerMatches[0].name is '${offered_customer}', expected '$EXPECTED_CUSTOMER' ($offered)"

log "PASS: snapshot first, call.offered for $EXPECTED_CUSTOMER, ${#events[@]} ids strictly increasing ($((SECONDS - START_S)) s)"
exit 0
