#!/usr/bin/env bash
# The one entry point for a newcomer and for CI, on Debian 12:
#   bash scripts/dev.sh demo   installs what is missing, builds, and opens the app on the demo contact center
#   bash scripts/dev.sh test   installs what is missing, builds, and runs the whole test suite
#   bash scripts/dev.sh packages  installs what is missing only (scripts/package.sh uses it)
# Safe to run again: packages already installed are skipped, builds are incremental (ccache).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  libboost1.74-dev nlohmann-json3-dev libsodium-dev libspdlog-dev libfmt-dev libsqlite3-dev
  libcurl4-openssl-dev libcmark-dev libxml2-dev catch2
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-webengine-dev qt6-charts-dev qt6-svg-dev libgl-dev
  chromium fonts-noto-cjk python3 openssl xvfb xauth imagemagick lintian file
  libssl-dev libre-dev librem-dev libsndfile1-dev espeak-ng sox sip-tester baresip-core
  librsvg2-bin desktop-file-utils appstream systemd
  libpq-dev postgresql-15
  libnats-dev nats-server
  kamailio  # the SIP proxy in front of two nodes (tests/cluster/sip_proxy_harness.sh)
  gdb  # the test watchdog prints a stalled test's stacks with it
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "Debian packages: all present"
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  log "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  log "Configuring and building (build/)"
  # The non-GUI tests (AGENTDESK_CORE_TESTS) are built and run in build-asan/ only, under
  # ASan+UBSan (run_tests): compiled once, not twice.
  # -g1: line tables (backtraces, sanitizer reports) at a fraction of full debug info's cost.
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGENTDESK_WERROR=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DAGENTDESK_CORE_TESTS=OFF >/dev/null
  cmake --build build -- -j"$(nproc)"
}

run_tests() {
  log "Running the test suite"
  export QT_QPA_PLATFORM=offscreen
  if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox"; fi
  ctest --test-dir build --output-on-failure -j2 --timeout 300
  log "Running the non-GUI tests under ASan+UBSan (build-asan/)"
  bash scripts/sanitize.sh asan
}

case "${1:-}" in
  packages)
    # The Debian packages the builds need (scripts/package.sh uses this).
    install_packages
    ;;
  demo)
    install_packages
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      log "No display: starting the demo contact center server only (Ctrl+C stops it). Users: counselor1..3, lead1, trainer1; password: demo"
      exec build/server/agentdesk-server --demo
    fi
    if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox"; fi
    log "Opening AgentDesk on the demo contact center. Users: counselor1..3, lead1, trainer1; password: demo"
    exec build/app/agentdesk --server demo
    ;;
  test)
    install_packages
    build
    run_tests
    ;;
  *)
    echo "usage: bash scripts/dev.sh demo|test|packages" >&2
    exit 2
    ;;
esac
