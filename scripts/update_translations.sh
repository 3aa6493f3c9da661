#!/usr/bin/env bash
# Picks up new and changed tr() strings of the desktop app into translations/*.ts (obsolete
# entries are dropped). Translate every new entry in both files afterwards: the test
# `translations_complete` fails while any entry is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -silent -no-obsolete -locations none -I . app widgets \
  -ts translations/agentdesk_ko.ts translations/agentdesk_en.ts
