#!/usr/bin/env bash
# Builds the Debian packages of a release (docs/packaging.md):
#   bash scripts/package.sh        → build-pkg/packages/agentdesk_<version>_<arch>.deb,
#                                    agentdesk-server_<version>_<arch>.deb and their -dbgsym .ddeb
# An optimised build (-O2) with full debug information, installed under /usr; CPack strips the
# binaries and puts their symbols in the -dbgsym packages. lintian then checks both packages.
# Installs what it needs first, like scripts/dev.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

bash scripts/dev.sh packages

log "Configuring and building the release (build-pkg/)"
cmake -S . -B build-pkg -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g -DNDEBUG" -DCMAKE_INSTALL_PREFIX=/usr \
  -DAGENTDESK_BUILD_TESTS=OFF -DAGENTDESK_BUILD_BENCH=OFF -DAGENTDESK_WERROR=ON >/dev/null
cmake --build build-pkg -- -j"$(nproc)"

log "Packaging (cpack -G DEB)"
rm -rf build-pkg/packages
(cd build-pkg && cpack -G DEB -B "$PWD/packages" >packages.log) || { cat build-pkg/packages.log; exit 1; }

log "lintian"
status=0
for deb in build-pkg/packages/*.deb; do
  lintian --tag-display-limit 0 "$deb" || status=1
done

log "Packages"
for f in build-pkg/packages/*.deb build-pkg/packages/*.ddeb; do
  printf '%8s KB  %s\n' "$(( $(stat -c %s "$f") / 1024 ))" "$f"
done
exit "$status"
