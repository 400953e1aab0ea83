# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real recap binary through AT-SPI, as assistive technology does.

Widgets are found by role and accessible name; keys go through the AT-SPI
registry (XTest under Xvfb). Needs a session bus and an X display: run under
dbus-run-session and xvfb-run (build-aux/dev.sh test does both)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 30  # seconds: a bound so that a broken feature fails instead of hanging


def fail(message):
    print("not ok - " + message, file=sys.stderr)
    raise SystemExit(1)


def _names(accessible):
    try:
        return accessible.get_name() or ""
    except gi.repository.GLib.Error:
        return ""


class RecapSession:
    def __init__(self, site=None, state_home=None, env=None):
        """By default on a fresh copy of the sample site; @site and
        @state_home let a session take over from a killed one."""
        self.binary = os.environ["RECAP_BINARY"]
        self.sample_site = os.environ["RECAP_SAMPLE_SITE"]
        self.tmp = tempfile.mkdtemp(prefix="recap-e2e-")
        self.own_site = site is None
        self.site = site or os.path.join(self.tmp, "site")
        # Drafts of unsaved edits go here, not into the user's state folder.
        self.state_home = state_home or os.path.join(self.tmp, "state")
        self.extra_env = env or {}
        self.process = None
        self.app = None

    def environment(self, **extra):
        """The environment recap runs in, with EXTRA on top: for a story
        that starts recap again itself."""
        env = dict(os.environ)
        env.update({
            "GSETTINGS_BACKEND": "memory",
            "GSK_RENDERER": "cairo",
            "GDK_BACKEND": "x11",
            "WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS": "1",
        })
        env["XDG_STATE_HOME"] = self.state_home
        env.update(self.extra_env)
        env.update(extra)
        env.pop("NO_AT_BRIDGE", None)
        return env

    def __enter__(self):
        if self.own_site:
            shutil.copytree(self.sample_site, self.site, symlinks=True)
        self.process = subprocess.Popen([self.binary, self.site], env=self.environment())
        self.app = self.wait_for(self._find_app, "the recap application on the accessibility bus")
        return self

    def kill(self):
        """Ends recap with SIGKILL, as a crash or a power cut would."""
        self.process.kill()
        self.process.wait()

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    # Files

    def path(self, relative):
        return os.path.join(self.site, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8", newline="") as f:
            return f.read()

    def post_title(self, relative):
        match = re.search(r'^title:\s*"?(.*?)"?\s*$', self.read(relative), re.M)
        if not match:
            fail("no title in " + relative)
        return match.group(1)

    # Waiting and finding

    def wait_for(self, predicate, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail("recap exited with status %s while waiting for %s" % (self.process.returncode, what))
            result = predicate()
            if result:
                return result
            time.sleep(0.1)
        fail("timed out waiting for " + what)

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == self.process.pid:
                return app
        return None

    def _search(self, root, role, name, contains=None):
        stack = [root]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            try:
                role_name = node.get_role_name()
                count = node.get_child_count()
            except gi.repository.GLib.Error:
                continue
            if ((role is None or role_name == role) and (name is None or _names(node) == name)
                    and (contains is None or contains in _names(node))):
                if node is not root:
                    return node
            stack.extend(node.get_child_at_index(i) for i in reversed(range(count)))
        return None

    def find(self, role=None, name=None, root=None, contains=None, timeout=TIMEOUT):
        """The first widget under @root with that role and name (or a name
        containing @contains: GTK 4.8 names buttons with mnemonics oddly)."""
        what = "%s named %r" % (role or "widget", name or contains)
        return self.wait_for(lambda: self._search(root or self.app, role, name, contains), what, timeout)

    def show_yaml(self):
        """The front matter as YAML in the editor, as the form header's
        switch shows it: while the form shows it, the source folds it and
        the editor's text (to screen readers too) is the body's."""
        self.click_on(self.find(name="YAML"))

    def window_title(self):
        frame = self._search(self.app, "frame", None)
        return _names(frame) if frame else ""

    def text_of(self, accessible):
        # Through Atspi.Text explicitly: AT-SPI 2.56 (Debian 13) gave
        # Atspi.Accessible a get_text() of its own that shadows the interface's.
        text = accessible.get_text_iface()
        return Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))

    def screenshot(self, name):
        """Saves the screen as NAME.png in $RECAP_E2E_SHOTS, when set: for
        looking at a story's steps, not for asserting on pixels."""
        folder = os.environ.get("RECAP_E2E_SHOTS")
        if folder:
            time.sleep(0.5)  # let the last frame draw; the picture is not checked
            subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")], check=False)

    # Acting

    def click(self, accessible):
        """Selects a list row the way a screen reader user does: through
        the list's Selection interface."""
        parent = accessible.get_parent()
        while parent is not None and parent.get_selection_iface() is None:
            accessible, parent = parent, parent.get_parent()
        if parent is None:
            fail("no selectable container around %r" % _names(accessible))
        if not parent.get_selection_iface().select_child(accessible.get_index_in_parent()):
            fail("could not select %r" % _names(accessible))

    def click_on(self, accessible):
        """Clicks in the middle of @accessible with the pointer. Under Xvfb
        there is no window manager: windows sit at the screen's origin, so
        window coordinates are screen coordinates."""
        extents = accessible.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        Atspi.generate_mouse_event(x, y, "b1c")
        time.sleep(0.2)

    def activate(self, accessible):
        """Runs the widget's first accessible action, as a screen reader's
        "activate" does; for menu items, whose popover has coordinates of
        its own that a pointer click from outside cannot aim at."""
        action = accessible.get_action_iface()
        if action is None or action.get_n_actions() == 0 or not action.do_action(0):
            fail("could not activate %r" % _names(accessible))
        time.sleep(0.2)

    def focus(self, accessible):
        """Moves the keyboard focus to @accessible, and waits until it has it.
        GTK 4.8 does not implement Component.GrabFocus; there the app must
        already have put the focus where a user expects it."""
        try:
            accessible.get_component_iface().grab_focus()
        except gi.repository.GLib.Error:
            pass
        self.wait_for(lambda: accessible.get_state_set().contains(Atspi.StateType.FOCUSED),
                      "the keyboard focus in %r" % _names(accessible))

    def press(self, combo):
        """Presses a combination such as "ctrl+s" or "ctrl+End"."""
        *modifiers, key = combo.split("+")
        keycodes = {"ctrl": 37, "shift": 50, "alt": 64}  # Xvfb's default keymap
        for modifier in modifiers:
            Atspi.generate_keyboard_event(keycodes[modifier], None, Atspi.KeySynthType.PRESS)
        Atspi.generate_keyboard_event(_keysym(key), None, Atspi.KeySynthType.SYM)
        for modifier in reversed(modifiers):
            Atspi.generate_keyboard_event(keycodes[modifier], None, Atspi.KeySynthType.RELEASE)
        time.sleep(0.2)

    def type_text(self, text):
        for line_number, line in enumerate(text.split("\n")):
            if line_number:
                self.press("Return")
            if line:
                Atspi.generate_keyboard_event(0, line, Atspi.KeySynthType.STRING)
        time.sleep(0.2)


KEYSYMS = {"Return": 0xff0d, "End": 0xff57, "Home": 0xff50, "Escape": 0xff1b, "Tab": 0xff09}


def _keysym(name):
    if len(name) == 1:
        return ord(name)
    if name not in KEYSYMS:
        fail("unknown key " + name)
    return KEYSYMS[name]
