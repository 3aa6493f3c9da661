#!/usr/bin/env python3
"""Fails when the desktop app's translations are incomplete or have drifted from the code.

Runs lupdate over app/ and widgets/ into copies of translations/*.ts, so a tr() string that was
added to the code but never translated shows up as unfinished, then requires every message of
every language to be finished and non-empty. Prints each problem (context, source) and exits 1.
Usage: check_translations.py [LUPDATE]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ["ko", "en"]


def main() -> int:
    lupdate = sys.argv[1] if len(sys.argv) > 1 else (shutil.which("lupdate") or
                                                     "/usr/lib/qt6/bin/lupdate")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for lang in LANGS:
            src = os.path.join(ROOT, "translations", f"agentdesk_{lang}.ts")
            dst = os.path.join(tmp, f"agentdesk_{lang}.ts")
            shutil.copy(src, dst)
            copies.append(dst)
        subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-I", ROOT,
                        os.path.join(ROOT, "app"), os.path.join(ROOT, "widgets"), "-ts", *copies],
                       check=True)
        total = 0
        for lang, path in zip(LANGS, copies):
            for context in ET.parse(path).getroot().iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    total += 1
                    source = message.findtext("source") or ""
                    tr = message.find("translation")
                    kind = tr.get("type") if tr is not None else "missing"
                    has_text = tr is not None and ((tr.text or "").strip() or
                                                   tr.find("numerusform") is not None)
                    if kind in ("unfinished", "missing", "vanished", "obsolete") or not has_text:
                        problems.append(f"{lang}: {name}: {source!r} ({kind or 'empty'})")
    for p in problems:
        print(p)
    print(f"{total} messages checked in {len(LANGS)} languages, {len(problems)} untranslated")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
