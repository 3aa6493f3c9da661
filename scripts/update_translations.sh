#!/usr/bin/env bash
# Picks up new and changed tr() strings of the desktop app into translations/*.ts (obsolete
# entries are dropped). Translate every new entry in both files afterwards: the test
# `translations_complete` fails while any entry is unfinished. English (the source language) is
# filled in from the source text.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -silent -no-obsolete -locations none -I . app widgets \
  -ts translations/agentdesk_ko.ts translations/agentdesk_en.ts
# The source strings are English: the English file takes each new source text as its
# translation (edit it there where the English UI should read differently).
python3 - translations/agentdesk_en.ts <<'PY'
import sys
import xml.etree.ElementTree as ET
path = sys.argv[1]
tree = ET.parse(path)
for message in tree.getroot().iter("message"):
    tr = message.find("translation")
    if tr is None or tr.get("type") != "unfinished":
        continue
    source = message.findtext("source")
    del tr.attrib["type"]
    if message.get("numerus") == "yes":
        tr.text = None
        for child in list(tr):
            tr.remove(child)
        for _ in range(2):
            ET.SubElement(tr, "numerusform").text = source
    else:
        tr.text = source
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
# lupdate's own layout again, so later runs make small diffs.
"$lupdate" -silent -no-obsolete -locations none -I . app widgets -ts translations/agentdesk_en.ts
