#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story through the accessibility tree: open a post, find a word
with Ctrl+F, replace it everywhere with Ctrl+H and Replace All, type a list
that Enter continues and ends, save, and find exactly that in the file."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from recap_e2e import RecapSession, fail  # noqa: E402

POST = "_posts/2022-11-03-testing-night.md"
TYPED = "\n- first item\nsecond item\n\n\nAfter the list."
LIST = "\n- first item\n- second item\n\nAfter the list."


def main():
    with RecapSession() as session:
        original = session.read(POST)
        if original.count("fixture") != 4 or not original.endswith("\n"):
            fail("the sample post changed; update this test")
        expected = original.replace("fixture", "helper") + LIST

        posts = session.find(role="list", name="Posts")
        session.click_on(session.find(root=posts, name=session.post_title(POST)))
        editor = session.find(role="text", name="Editor")
        session.wait_for(lambda: session.text_of(editor) == original, "the editor shows the post")
        session.focus(editor)

        session.press("ctrl+f")
        find = session.find(name="Find")
        session.wait_for(lambda: find.get_state_set().contains(Atspi.StateType.FOCUSED), "the focus in the find entry")
        session.type_text("fixture")
        session.find(role="label", contains="of 4")
        if session.text_of(editor) != original:
            fail("finding changed the post")

        session.press("ctrl+h")
        replace = session.find(name="Replace With")
        session.click_on(replace)
        session.type_text("helper")
        session.click_on(session.find(role="push button", contains="All"))
        session.wait_for(lambda: session.text_of(editor) == original.replace("fixture", "helper"),
                         "every match replaced in the editor")
        session.screenshot("find-replace-story")

        session.press("Escape")
        session.wait_for(lambda: editor.get_state_set().contains(Atspi.StateType.FOCUSED),
                         "the focus back in the editor")
        session.press("ctrl+End")
        session.type_text(TYPED)
        session.wait_for(lambda: session.text_of(editor) == expected, "the list continued and ended in the editor")

        session.press("ctrl+s")
        session.wait_for(lambda: session.read(POST) == expected, "the file on disk with the replacements and the list")
    print("ok - find, replace everywhere, a continued list, saved")


if __name__ == "__main__":
    main()
