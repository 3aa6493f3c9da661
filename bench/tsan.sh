#!/usr/bin/env bash
# TSan bench: builds build-tsan/ (AGENTDESK_SANITIZE=thread) and runs the server and client-core
# (crm) tests under ThreadSanitizer; prints how many tests ran and passed and how many
# ThreadSanitizer reports were found (docs/sanitizers.md). TSAN_TESTS=regex narrows the tests.
exec bash "$(dirname "$0")/../scripts/sanitize.sh" tsan "$@"
