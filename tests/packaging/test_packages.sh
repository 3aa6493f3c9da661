#!/usr/bin/env bash
# The two Debian packages, built from this build tree with CPack, unpacked into a temporary root
# and run from there (docs/packaging.md):
#   - lintian reports no errors on either package; systemd-analyze verify accepts the unit;
#   - the server starts from a configuration file and answers /health; a user added with
#     `agentdesk-server add-user --config` logs in with agentdesk-cli;
#   - the desktop app starts offscreen against it and finds its translations.
# Usage: test_packages.sh BUILD_DIR. Everything runs on 127.0.0.1 and under a temporary directory.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
server_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

echo "== cpack (from $build)"
(cd "$build" && cpack -G DEB -B "$work/packages" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
desktop_deb=$(ls "$work"/packages/agentdesk_*.deb)
server_deb=$(ls "$work"/packages/agentdesk-server_*.deb)
for f in "$work"/packages/*.deb "$work"/packages/*.ddeb; do
  echo "$(stat -c %s "$f") bytes  $(basename "$f")"
done
ls "$work"/packages/agentdesk-dbgsym_*.ddeb "$work"/packages/agentdesk-server-dbgsym_*.ddeb >/dev/null ||
  fail "no -dbgsym packages"
for deb in "$desktop_deb" "$server_deb"; do
  dpkg-deb --info "$deb" | grep -E "^ (Package|Version|Depends|Recommends|Installed-Size):"
done

echo "== lintian"
for deb in "$desktop_deb" "$server_deb"; do
  lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
  cat "$work/lintian.log"
  if grep -q "^E: " "$work/lintian.log"; then fail "lintian errors in $(basename "$deb")"; fi
done

echo "== unpack into a temporary root"
root="$work/root"
dpkg-deb -x "$desktop_deb" "$root"
dpkg-deb -x "$server_deb" "$root"
for f in usr/bin/agentdesk usr/bin/agentdesk-cli usr/bin/agentdesk-server \
         lib/systemd/system/agentdesk-server.service etc/agentdesk/server.conf \
         usr/share/doc/agentdesk/copyright usr/share/doc/agentdesk-server/changelog.gz \
         usr/share/agentdesk/prompts; do
  [ -e "$root/$f" ] || fail "$f is not in the packages"
done
if file "$root/usr/bin/agentdesk-server" | grep -q "not stripped"; then fail "agentdesk-server is not stripped"; fi

echo "== desktop entry and AppStream metadata"
desktop-file-validate "$root/usr/share/applications/kr.agentdesk.AgentDesk.desktop" | tee "$work/desktop.log"
if grep -q "error:" "$work/desktop.log"; then fail "desktop-file-validate reported errors"; fi
grep -q "^MimeType=x-scheme-handler/tel;" "$root/usr/share/applications/kr.agentdesk.AgentDesk.desktop" ||
  fail "the desktop entry does not handle tel: links"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/kr.agentdesk.AgentDesk.metainfo.xml" ||
  fail "appstreamcli validate refused the metainfo"
for size in 16x16 32x32 48x48 128x128 256x256 scalable; do
  ls "$root/usr/share/icons/hicolor/$size/apps/" | grep -q "^kr.agentdesk.AgentDesk\." ||
    fail "no $size icon"
done
for page in agentdesk agentdesk-cli agentdesk-server; do
  [ -e "$root/usr/share/man/man1/$page.1.gz" ] || fail "no manual page $page(1)"
done

echo "== systemd-analyze verify"
# The unit names /usr/bin/agentdesk-server: verify it inside the unpacked root, given the
# machine's own systemd units (the targets it is ordered against). Its manual page was checked
# above; `man` of this machine cannot see the root's.
cp -rn /lib/systemd/system/. "$root/lib/systemd/system/"
systemd-analyze verify --man=no --root="$root" /lib/systemd/system/agentdesk-server.service 2>&1 | tee "$work/verify.log"
if [ -s "$work/verify.log" ]; then fail "systemd-analyze verify printed the above"; fi

echo "== the server from its configuration file"
mkdir -p "$work/data"
sed -e "s|^listen = .*|listen = 127.0.0.1:0|" \
    -e "s|/var/lib/agentdesk|$work/data|g" "$root/etc/agentdesk/server.conf" >"$work/server.conf"
grep -v '^#' "$work/server.conf" | grep -v '^$'
printf 'pkg-pass-1\n' | "$root/usr/bin/agentdesk-server" add-user kim --name "김상담" \
    --role counselor --skills general --config "$work/server.conf"
"$root/usr/bin/agentdesk-server" --config "$work/server.conf" >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the server exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; fail "the server did not say where it serves"; }
echo "serving at $url"
curl -fsS "$url/api/v1/health" | tee "$work/health.json"; echo
grep -q '"status":"ok"' "$work/health.json" || fail "/health is not ok"
grep -qi "prompt" "$work/server.log" && grep -i "prompt" "$work/server.log" | head -2 || true

echo "== the installed administration commands on the service's database"
"$root/usr/bin/agentdesk-server" backup "$work/backup.db" --config "$work/server.conf" | tee "$work/backup.log"
grep -q "1 users" "$work/backup.log" || fail "the backup does not hold the added user"
today=$(date +%F)
"$root/usr/bin/agentdesk-server" export-notes --from "$today" --to "$today" "$work/notes.csv" \
    --config "$work/server.conf"
head -c 3 "$work/notes.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "the notes export has no BOM"

echo "== agentdesk-cli logs in"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
AGENTDESK_PASSWORD=pkg-pass-1 "$root/usr/bin/agentdesk-cli" --server "$url" login kim
"$root/usr/bin/agentdesk-cli" --server "$url" queues | head -5

echo "== the desktop app starts offscreen and finds its translations"
QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox" AGENTDESK_LOG=info \
  "$root/usr/bin/agentdesk" --server "$url" >"$work/app.log" 2>&1 &
app_pid=$!
found=""
for _ in $(seq 1 300); do
  if grep -q "UI language ko: translation loaded" "$work/app.log"; then found=yes; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
grep -E "UI language|error|critical" "$work/app.log" | head -5 || true
[ -n "$found" ] || { tail -20 "$work/app.log"; fail "the app did not load its Korean translation"; }
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
echo "PASSED"
