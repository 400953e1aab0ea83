#!/usr/bin/env bash
# Recap developer entry point: set up, build, and run or test.
#
#   ./build-aux/dev.sh run       build and launch Recap on the bundled sample site
#   ./build-aux/dev.sh test      build and run the whole test suite headless
#   ./build-aux/dev.sh sanitize  the core tests and fuzz seeds under ASan and UBSan
#   ./build-aux/dev.sh ci        test, then sanitize; one summary line for both
#   ./build-aux/dev.sh valgrind  the core tests under valgrind's memcheck
#   ./build-aux/dev.sh deps      only install the missing packages
#   ./build-aux/dev.sh test-newest  `ci` in a cached Debian 13 (trixie) chroot,
#                                for the code paths of newer GTK and libadwaita
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
  libxtst-dev locales
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

# test-translations needs a German locale: glibc 2.41 (Debian 13) ignores
# LANGUAGE in C.UTF-8, the only locale a fresh system has.
make_test_locale() {
  locale -a | grep -qix 'de_DE.utf-*8' && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  # Without it the test falls back to C.UTF-8, which serves on Debian 12.
  "${sudo[@]}" localedef -i de_DE -c -f UTF-8 de_DE.UTF-8 ||
    echo "dev.sh: could not make the de_DE.UTF-8 locale; test-translations uses C.UTF-8" >&2
}

build() {
  install_packages
  make_test_locale
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
import json, os, re, sys
results = []
for log in sys.argv[1:]:
    if not os.path.exists(log):
        results.append({"name": "(no tests ran: did the build fail?)", "result": "ERROR", "log": log})
        continue
    results += [dict(json.loads(line), log=log) for line in open(log) if line.strip()]
passed = sum(r["result"] in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r["result"] == "SKIP" for r in results)
failed = len(results) - passed - skipped
for r in results:
    if r["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
        print(f"FAILED: {r['name']} in {r['log']} ({r['result']})")
        # The lines that say why, here at the end: CI keeps only the tail.
        why = [l for l in (r.get("stdout") or "").splitlines()
               if re.search(r"Bail out|not ok|ERROR|CRITICAL|WARNING|Timed out|Sanitizer", l)]
        for line in why[-6:]:
            print(f"  {line[:300]}")
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
# Full malloc stacks make ASan slow: test-front-matter-property took 284 s of
# its 300 s bound at load 15, so the bounds (hangs only) are tripled here.
run_sanitized() {
  install_packages
  if [ ! -f "$SANITIZE_BUILD_DIR/build.ninja" ]; then
    meson setup "$SANITIZE_BUILD_DIR" -Dui=false -Db_sanitize=address,undefined -Db_lundef=false
  fi
  # A failed build must not leave the last run's log to be summarized.
  rm -f "$(test_log "$SANITIZE_BUILD_DIR")"
  meson compile -C "$SANITIZE_BUILD_DIR" || return 1
  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:fast_unwind_on_malloc=0 \
  LSAN_OPTIONS=suppressions="$PWD/build-aux/lsan.supp":print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C "$SANITIZE_BUILD_DIR" --suite core --print-errorlogs --timeout-multiplier 3 "$@"
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

# Debian 13 has GTK 4.18, libadwaita 1.7, GtkSourceView 5.16 and GLib 2.84:
# the code behind GTK_CHECK_VERSION/ADW_CHECK_VERSION builds and runs there.
# The chroot is made once with debootstrap from this machine's Debian mirror
# and kept outside the checkout; the checkout is bind-mounted at /src and
# built in the chroot's own /build.
NEWEST_SUITE=trixie
NEWEST_ROOT=${RECAP_NEWEST_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/recap-$NEWEST_SUITE}/root

debian_mirror() {
  grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | head -n 1 | tr -d ' ' || true
}

make_newest_root() {
  [ -d "$NEWEST_ROOT" ] && return 0
  [ "$(id -u)" -eq 0 ] || { echo "test-newest needs root (debootstrap, chroot)" >&2; exit 2; }
  install_packages debootstrap
  local mirror
  mirror=$(debian_mirror)
  rm -rf "$NEWEST_ROOT.partial"
  mkdir -p "$(dirname "$NEWEST_ROOT")"
  debootstrap --variant=minbase "$NEWEST_SUITE" "$NEWEST_ROOT.partial" "${mirror:-http://deb.debian.org/debian}"
  # No services start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$NEWEST_ROOT.partial/usr/sbin/policy-rc.d"
  chmod +x "$NEWEST_ROOT.partial/usr/sbin/policy-rc.d"
  mv "$NEWEST_ROOT.partial" "$NEWEST_ROOT"
}

# Runs dev.sh with the arguments given inside the chroot, in a private
# mount namespace (the mounts go when it ends). With --isolated, also in a
# network namespace of its own, so that its Xvfb and D-Bus cannot meet the
# host's on abstract sockets; its loopback is brought up for the tests'
# local servers (test-preview's image server). /tmp is a private tmpfs, but
# TMPDIR is an emptied folder of the chroot's own file system: GLib 2.84
# refuses to trash on a tmpfs ("system internal mounts") and test-operations
# trashes its fixtures.
in_newest_root() {
  local unshare=(unshare --mount --propagation private) isolated=
  if [ "$1" = --isolated ]; then unshare+=(--net); isolated=1; shift; fi
  mkdir -p "$NEWEST_ROOT/src" "$NEWEST_ROOT/build"
  # Build folders made from another checkout at /src are stale in ways ninja
  # cannot see (objects newer than this checkout's files, built from other
  # contents: _build-asan failed to link), so another checkout starts afresh.
  if [ "$(cat "$NEWEST_ROOT/build/.checkout" 2>/dev/null)" != "$PWD" ]; then
    rm -rf "$NEWEST_ROOT/build/_build" "$NEWEST_ROOT/build/_build-asan"
    echo "$PWD" > "$NEWEST_ROOT/build/.checkout"
  fi
  "${unshare[@]}" -- /bin/sh -e -c '
    root=$1; src=$2; isolated=$3; shift 3
    if [ -n "$isolated" ]; then ip link set lo up; fi
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs tmpfs "$root/tmp"
    rm -rf "$root/build/tmp" && mkdir -m 1777 "$root/build/tmp"
    mount --bind "$src" "$root/src"
    exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb TMPDIR=/build/tmp \
      PATH=/usr/sbin:/usr/bin:/sbin:/bin \
      BUILD_DIR=/build/_build SANITIZE_BUILD_DIR=/build/_build-asan \
      /src/build-aux/dev.sh "$@"' sh "$NEWEST_ROOT" "$PWD" "$isolated" "$@"
}

# Without arguments `ci` there; with meson test arguments, `test` with them.
test_newest() {
  make_newest_root
  in_newest_root deps
  if [ $# -gt 0 ]; then in_newest_root --isolated test "$@"; else in_newest_root --isolated ci; fi
}

case "${1:-}" in
  run)      shift; run_app "$@" ;;
  # The whole suite, sanitizer run included; with meson test arguments
  # (e.g. --suite ui), just those tests.
  test)     shift; if [ $# -gt 0 ]; then run_tests "$@"; else run_ci; fi ;;
  sanitize) shift; sanitize "$@" ;;
  ci)       shift; run_ci ;;
  valgrind) shift; run_valgrind "$@" ;;
  deps)     install_packages ;;
  test-newest) shift; test_newest "$@" ;;
  *)        echo "usage: $0 run|test|sanitize|ci|valgrind|deps|test-newest [args…]" >&2; exit 2 ;;
esac
