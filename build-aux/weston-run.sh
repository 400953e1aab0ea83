#!/bin/sh
# weston-run.sh COMMAND [ARG…]: runs COMMAND on a headless Weston, as
# xvfb-run does on a virtual X server. A GNOME session is Wayland: there
# GTK draws each frame itself and hands it over, where on X it makes the
# server draw part of it and waits on it at each change of the window's
# layout. Benchmarks of the window run on it so:
#   build-aux/weston-run.sh meson test -C _build --benchmark load-stall
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if ! command -v weston >/dev/null 2>&1; then
  echo "weston-run.sh: needs Weston (Debian: apt install weston)" >&2
  exit 1
fi

runtime=$(mktemp -d "${TMPDIR:-/tmp}/recap-weston.XXXXXX")
socket=recap-wayland
XDG_RUNTIME_DIR=$runtime weston --no-config --backend=headless-backend.so --socket=$socket \
  --width=1280 --height=800 --idle-time=0 >"$runtime/weston.log" 2>&1 &
weston_pid=$!
trap 'kill $weston_pid 2>/dev/null; wait $weston_pid 2>/dev/null; rm -rf "$runtime"' EXIT INT TERM

# The socket appears once Weston listens.
tries=0
until [ -S "$runtime/$socket" ]; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ] || ! kill -0 $weston_pid 2>/dev/null; then
    echo "weston-run.sh: Weston did not start:" >&2
    cat "$runtime/weston.log" >&2
    exit 1
  fi
  sleep 0.1
done

status=0
XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=$socket GDK_BACKEND=wayland "$@" || status=$?
exit $status
