#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Type, get killed before saving, start again: Recap offers the unsaved
text and restores it exactly."""

import glob
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fault_util import fail, make_workspace, read  # noqa: E402
from recap_e2e import RecapSession  # noqa: E402

POST = "_posts/2022-11-03-testing-night.md"
TYPED = "Typed, then the power went out"


def draft_texts(state_home):
    """The texts of the complete drafts: the key file is written last."""
    infos = glob.glob(os.path.join(state_home, "recap", "recovery", "*.ini"))
    return [read(info[:-len(".ini")] + ".md") for info in infos]


def check_recovery(site, state_home):
    path = os.path.join(site, POST)
    original = read(path)

    with RecapSession(site=path, state_home=state_home) as session:
        # The whole text, front matter included, in the editor (folded while the form shows it).
        session.show_yaml()
        editor = session.find(role="text", name="Editor")
        session.wait_for(lambda: session.text_of(editor).startswith(original[:40]), "the editor shows the post")
        session.focus(editor)
        session.press("ctrl+End")
        session.type_text("\n" + TYPED)
        session.wait_for(lambda: TYPED in session.text_of(editor), "the typed text is in the editor")
        unsaved = session.text_of(editor)
        session.wait_for(lambda: unsaved in draft_texts(state_home), "the draft in the recovery area")
        session.kill()

    if read(path) != original:
        fail("the post changed without a save")

    with RecapSession(site=site, state_home=state_home) as session:
        restore = session.find(role="push button", contains="Restore")
        session.activate(restore)
        session.show_yaml()
        editor = session.find(role="text", name="Editor")
        session.wait_for(lambda: session.text_of(editor) == unsaved, "the editor shows the unsaved text")
        session.wait_for(lambda: session.window_title().startswith("*"), "the title shows unsaved changes")
        # Saved with the header's button: on GTK 4.18 under Xvfb, which has
        # no window manager, the keyboard focus did not come back to the
        # editor after the recovery dialog closed.
        session.activate(session.find(role="push button", name="Save"))
        session.wait_for(lambda: read(path) == unsaved, "the restored text saved")
        session.wait_for(lambda: not draft_texts(state_home), "the draft removed after the save")


def main():
    tmp, site, state_home = make_workspace()
    try:
        check_recovery(site, state_home)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok - edit, kill -9, restart, restore gives back the unsaved text")


if __name__ == "__main__":
    main()
