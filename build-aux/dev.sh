#!/usr/bin/env bash
# Recap developer entry point: set up, build, and run or test.
#
#   ./build-aux/dev.sh run    build and launch Recap on the bundled sample site
#   ./build-aux/dev.sh test   build and run the whole test suite headless
#
# Missing Debian packages are installed first (with sudo when not root).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-_build}

PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgtksourceview-5-dev libwebkitgtk-6.0-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev
  desktop-file-utils appstream
  xvfb xauth dbus at-spi2-core python3 python3-pyatspi python3-gi gir1.2-atspi-2.0
  adwaita-icon-theme fonts-cantarell
)

missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed \
      || missing+=("$package")
  done
  echo "${missing[@]}"
}

install_packages() {
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  echo "Installing missing packages: $missing"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing
}

build() {
  install_packages
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR"
  fi
  meson compile -C "$BUILD_DIR"
}

run_app() {
  build
  # Uninstalled: the schema is compiled into the build tree.
  GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data" \
    exec "$BUILD_DIR/src/ui/recap" "$PWD/data/sample-site" "$@"
}

# Prints "N passed, N failed" from meson's test log and fails when anything failed.
summarize() {
  local log="$BUILD_DIR/meson-logs/testlog.json"
  /usr/bin/python3 - "$log" <<'PY'
import json, sys
results = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
passed = sum(r["result"] in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r["result"] == "SKIP" for r in results)
failed = len(results) - passed - skipped
for r in results:
    if r["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
        print(f"FAILED: {r['name']} ({r['result']})")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or not results else 0)
PY
}

run_tests() {
  build
  local status=0
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- meson test -C "$BUILD_DIR" --print-errorlogs "$@" || status=$?
  summarize || status=1
  return $status
}

case "${1:-}" in
  run)  shift; run_app "$@" ;;
  test) shift; run_tests "$@" ;;
  *)    echo "usage: $0 run|test [args…]" >&2; exit 2 ;;
esac
