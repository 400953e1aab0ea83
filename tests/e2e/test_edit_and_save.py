#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story, driven through the accessibility tree like a screen reader:
open the sample site, pick a post in the sidebar, type in the editor, press
Ctrl+S, and find the typed text in the file on disk."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402

POST = "_posts/2022-11-03-testing-night.md"
TYPED = "Written by the e2e test"


def main():
    with RecapSession() as session:
        original = session.read(POST)
        title = session.post_title(POST)

        session.open_post(title)

        session.show_yaml()
        editor = session.find(role="text", name="Editor")
        session.wait_for(lambda: session.text_of(editor).startswith(original[:40]),
                         "the editor shows the post")
        session.focus(editor)
        session.press("ctrl+End")
        session.type_text("\n" + TYPED + "\n")
        session.wait_for(lambda: TYPED in session.text_of(editor), "the typed text is in the editor")
        session.wait_for(lambda: session.window_title().startswith("*"),
                         "the title shows unsaved changes")

        session.press("ctrl+s")
        session.wait_for(lambda: TYPED in session.read(POST), "the file on disk has the typed text")

        saved = session.read(POST)
        if not saved.startswith(original.rstrip("\n")):
            fail("the saved file lost or changed its original text")
        if saved.count(TYPED) != 1:
            fail("the typed text was saved %d times" % saved.count(TYPED))
        session.wait_for(lambda: not session.window_title().startswith("*"),
                         "the title shows the post saved")
    print("ok - edit and save through the accessibility tree")


if __name__ == "__main__":
    main()
