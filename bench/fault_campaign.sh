#!/usr/bin/env bash
# Fault campaign bench (docs/fault-campaign.md): 1000 randomized episodes of counselors writing
# notes through the real client core while the server is killed -9 and restarted, connections
# are cut, delayed and refused through a TCP proxy, and counselor processes are SIGKILLed; then
# an event stream cut 50 times. Prints the counts (lost and duplicated notes, lost events).
# Needs a build (scripts/dev.sh). Extra arguments go to the campaign, e.g. --seed N.
set -euo pipefail
cd "$(dirname "$0")/.."
exec build/tests/fault/agentdesk_fault_campaign --episodes "${EPISODES:-1000}" --sse-cuts 50 "$@"
