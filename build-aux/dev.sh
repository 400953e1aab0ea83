#!/usr/bin/env bash
# Recap developer entry point: set up, build, and run or test.
#
#   ./build-aux/dev.sh run       build and launch Recap on the bundled sample site
#   ./build-aux/dev.sh test      build and run the whole test suite headless
#   ./build-aux/dev.sh sanitize  the core tests and fuzz seeds under ASan and UBSan
#   ./build-aux/dev.sh ci        test, then sanitize; one summary line for both
#   ./build-aux/dev.sh valgrind  the core tests under valgrind's memcheck
#
# Missing Debian packages are installed first (with sudo when not root).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-_build}
SANITIZE_BUILD_DIR=${SANITIZE_BUILD_DIR:-_build-asan}

PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgtksourceview-5-dev libwebkitgtk-6.0-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libjson-glib-dev libxml2-dev
  libjs-highlight.js
  libenchant-2-dev hunspell-en-us hunspell-de-de iso-codes
  libxtst-dev
  desktop-file-utils appstream
  xvfb xauth dbus at-spi2-core python3 python3-pyatspi python3-gi gir1.2-atspi-2.0
  adwaita-icon-theme fonts-cantarell
  poppler-utils xclip
  jekyll
  libsqlite3-dev libgit2-glib-1.0-dev git
)

missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed \
      || missing+=("$package")
  done
  echo "${missing[@]}"
}

# Installs the missing PACKAGES and any packages named as arguments.
install_packages() {
  local missing
  PACKAGES+=("$@")
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
  # Uninstalled: the schema is compiled into the build tree. Without
  # arguments: the sample site, open at a post that shows every pane.
  GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data" \
    exec "$BUILD_DIR/src/ui/recap" "${@:-$PWD/data/sample-site/_posts/2024-03-14-async-for-the-rest-of-us.md}"
}

# The JSON test log of a meson test run in build folder $1 (with wrapper $2).
test_log() {
  echo "$1/meson-logs/testlog${2:+-$2}.json"
}

# Prints "N passed, N failed" over the meson test logs given (default: the
# last run in BUILD_DIR) and fails when anything failed.
summarize() {
  [ $# -gt 0 ] || set -- "$(test_log "$BUILD_DIR")"
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
results = []
for log in sys.argv[1:]:
    results += [dict(json.loads(line), log=log) for line in open(log) if line.strip()]
passed = sum(r["result"] in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r["result"] == "SKIP" for r in results)
failed = len(results) - passed - skipped
for r in results:
    if r["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
        print(f"FAILED: {r['name']} in {r['log']} ({r['result']})")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or not results else 0)
PY
}

run_suite() {
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- meson test -C "$BUILD_DIR" --print-errorlogs "$@"
}

run_tests() {
  build
  local status=0
  run_suite "$@" || status=$?
  summarize || status=1
  return $status
}

# GLib-only code with AddressSanitizer (leaks included) and UBSan: any report
# aborts the test that made it. The suite includes the fuzzer's seed corpus.
run_sanitized() {
  install_packages
  if [ ! -f "$SANITIZE_BUILD_DIR/build.ninja" ]; then
    meson setup "$SANITIZE_BUILD_DIR" -Dui=false -Db_sanitize=address,undefined -Db_lundef=false
  fi
  meson compile -C "$SANITIZE_BUILD_DIR"
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C "$SANITIZE_BUILD_DIR" --suite core --print-errorlogs "$@"
}

sanitize() {
  local status=0
  run_sanitized "$@" || status=$?
  summarize "$(test_log "$SANITIZE_BUILD_DIR")" || status=1
  return $status
}

run_ci() {
  build
  local status=0
  run_suite || status=$?
  run_sanitized || status=$?
  summarize "$(test_log "$BUILD_DIR")" "$(test_log "$SANITIZE_BUILD_DIR")" || status=1
  return $status
}

# Definite leaks and memory errors fail; GLib's own caches are suppressed.
run_valgrind() {
  install_packages valgrind
  build
  local status=0
  meson test -C "$BUILD_DIR" --suite core --print-errorlogs --timeout-multiplier 10 \
    --wrap="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --suppressions=/usr/share/glib-2.0/valgrind/glib.supp" \
    "$@" || status=$?
  summarize "$(test_log "$BUILD_DIR" valgrind)" || status=1
  return $status
}

case "${1:-}" in
  run)      shift; run_app "$@" ;;
  # The whole suite, sanitizer run included; with meson test arguments
  # (e.g. --suite ui), just those tests.
  test)     shift; if [ $# -gt 0 ]; then run_tests "$@"; else run_ci; fi ;;
  sanitize) shift; sanitize "$@" ;;
  ci)       shift; run_ci ;;
  valgrind) shift; run_valgrind "$@" ;;
  *)        echo "usage: $0 run|test|sanitize|ci|valgrind [args…]" >&2; exit 2 ;;
esac
