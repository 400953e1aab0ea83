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


MENU_ITEMS = (Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM)


def _names(accessible):
    """@accessible's name. GTK 4.18 leaves a menu item's name empty and
    points to its label with a labelled-by relation, whose text is the name."""
    try:
        name = accessible.get_name() or ""
        if name or accessible.get_role() not in MENU_ITEMS:
            return name
        labels = [relation.get_target(i) for relation in accessible.get_relation_set()
                  if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY
                  for i in range(relation.get_n_targets())]
        return " ".join(_text(label) for label in labels if label.get_text_iface() is not None)
    except gi.repository.GLib.Error:
        return ""


def _text(accessible):
    # Through Atspi.Text explicitly: AT-SPI 2.56 (Debian 13) gave
    # Atspi.Accessible a get_text() of its own that shadows the interface's.
    text = accessible.get_text_iface()
    return Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text))


ROLE_ALIASES = {
    "button": "push button",  # AT-SPI 2.56 (Debian 13) for 2.46's (Debian 12)
    "alert": "dialog",  # an AdwAlertDialog (libadwaita >= 1.5) for an AdwMessageDialog
}


def _role(accessible):
    """The role's name as Debian 12 spells it, the same on Debian 13."""
    name = accessible.get_role_name()
    return ROLE_ALIASES.get(name, name)


def _first(root, predicate):
    """The first widget under @root for which @predicate is true, or None."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        try:
            if node is not root and predicate(node):
                return node
            stack.extend(node.get_child_at_index(i) for i in reversed(range(node.get_child_count())))
        except gi.repository.GLib.Error:
            continue
    return None


def _action(accessible):
    """The Action interface of @accessible if it has an action, else None."""
    action = accessible.get_action_iface()
    return action if action is not None and action.get_n_actions() > 0 else None


def _has_focus(accessible):
    return accessible.get_state_set().contains(Atspi.StateType.FOCUSED)


def _is_row_of(row, title):
    """Whether the sidebar @row is the post titled @title: GTK 4.8 names a
    row by its title, GTK 4.18 by all its text, title first."""
    name = _names(row)
    return name == title or name.startswith(title + " ")


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
        return _first(root, lambda node: ((role is None or _role(node) == role)
                                          and (name is None or _names(node) == name)
                                          and (contains is None or contains in _names(node))))

    def find(self, role=None, name=None, root=None, contains=None, timeout=TIMEOUT):
        """The first widget under @root with that role and name (or a name
        containing @contains: GTK 4.8 names buttons with mnemonics oddly)."""
        what = "%s named %r" % (role or "widget", name or contains)
        return self.wait_for(lambda: self._search(root or self.app, role, name, contains), what, timeout)

    def show_yaml(self):
        """The front matter as YAML in the editor, as the form header's
        switch shows it: while the form shows it, the source folds it and
        the editor's text (to screen readers too) is the body's."""
        self.activate(self.find(name="YAML"))

    def window_title(self):
        frame = self._search(self.app, "frame", None)
        return _names(frame) if frame else ""

    def text_of(self, accessible):
        return _text(accessible)

    def screenshot(self, name):
        """Saves the screen as NAME.png in $RECAP_E2E_SHOTS, when set: for
        looking at a story's steps, not for asserting on pixels."""
        folder = os.environ.get("RECAP_E2E_SHOTS")
        if folder:
            time.sleep(0.5)  # let the last frame draw; the picture is not checked
            subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")], check=False)

    # Acting

    def open_post(self, title):
        """Opens the post titled @title from the sidebar as a keyboard user
        does: Ctrl+K to the sidebar's search, Tab into the list, Home, Down
        until the post's row has the focus, Enter. Not with the pointer:
        GTK 4.18's AT-SPI extents put a row's label about 15 px above the
        row, and a click there opened the post above."""
        self.press("ctrl+k")
        search = self.find(role="entry", name="Search Posts")
        self.wait_for(lambda: _has_focus(search), "the keyboard focus in the sidebar's search")
        posts = self.find(role="list", name="Posts")
        self.wait_for(lambda: _first(posts, lambda node: _is_row_of(node, title)), "the row of %r" % title)
        self.press("Tab")
        self.press("Home")
        first = self.wait_for(lambda: posts.get_child_at_index(0).get_child_at_index(0),
                              "the first row of the list of posts")
        row = self.wait_for(lambda: _first(posts, lambda node: _has_focus(node)
                                           and _names(node) == _names(first)),
                            "the keyboard focus on the first post")
        # Each Down waits for the focus to move on: a row read before GTK
        # took the key would be passed over.
        while not _is_row_of(row, title):
            name = _names(row)
            self.press("Down")
            row = self.wait_for(lambda: _first(posts, lambda node: _has_focus(node)
                                               and _names(node) not in ("", name)),
                                "the keyboard focus on the row after %r, looking for %r" % (name, title))
        self.press("Return")

    def _click_on(self, accessible):
        """Clicks in the middle of @accessible with the pointer. Under Xvfb
        there is no window manager: windows sit at the screen's origin, so
        window coordinates are screen coordinates. A last resort: GTK
        4.18's extents lie 5 to 14 px up and left of GTK 4.8's (the
        sidebar's search entry 14 px left and 5 up, the header's buttons 12
        and 11), and a click there hit the widget above a small one."""
        extents = accessible.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        Atspi.generate_mouse_event(x, y, "b1c")
        time.sleep(0.2)

    def activate(self, accessible):
        """Runs the widget's first accessible action, as a screen reader's
        "activate" does: a button's click, a menu item's. A menu button
        has its action on the toggle button inside it."""
        action = _action(accessible)
        if action is None and accessible.get_child_count() > 0:
            action = _action(accessible.get_child_at_index(0))
        if action is None or not action.do_action(0):
            fail("could not activate %r" % _names(accessible))
        time.sleep(0.2)

    def focus(self, accessible):
        """Moves the keyboard focus to @accessible, as a screen reader does,
        and waits until it has it. GTK 4.8 does not implement
        Component.GrabFocus; there a pointer click puts it there."""
        if not _has_focus(accessible):
            try:
                grabbed = accessible.get_component_iface().grab_focus()
            except gi.repository.GLib.Error:
                grabbed = False
            if not grabbed:
                self._click_on(accessible)
        # GTK 4.8 gives an entry neither the focusable nor the focused state.
        if accessible.get_state_set().contains(Atspi.StateType.FOCUSABLE):
            self.wait_for(lambda: _has_focus(accessible), "the keyboard focus in %r" % _names(accessible))

    def fill(self, entry, text):
        """Sets the text of @entry through its EditableText interface, as a
        screen reader's edit does: without the keyboard focus there, which
        only a pointer click could give (GTK implements no
        Component.GrabFocus, and GTK 4.18's extents miss small entries).
        The call returns once the entry has the text."""
        editable = entry.get_editable_text_iface()
        if editable is None or not editable.set_text_contents(text):
            fail("could not set the text of %r" % _names(entry))

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


KEYSYMS = {"Return": 0xff0d, "End": 0xff57, "Home": 0xff50, "Escape": 0xff1b, "Tab": 0xff09,
           "Down": 0xff54}


def _keysym(name):
    if len(name) == 1:
        return ord(name)
    if name not in KEYSYMS:
        fail("unknown key " + name)
    return KEYSYMS[name]
