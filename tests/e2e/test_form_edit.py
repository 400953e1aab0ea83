#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story through the accessibility tree: open a post, change its
title and add a tag in the front-matter form, save, and find exactly those
bytes changed in the file on disk."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402

POST = "_posts/2021-02-18-first-online-meetup.md"
OLD_TITLE = 'title:  "February 2021 meetup: our first one online"\n'
NEW_TITLE = 'title:  "Our first online meetup"\n'
OLD_TAGS = "tags: [meetup, online]\n"
NEW_TAGS = "tags: [meetup, online, pytest]\n"


def main():
    with RecapSession() as session:
        original = session.read(POST)
        if original.count(OLD_TITLE) != 1 or original.count(OLD_TAGS) != 1:
            fail("the sample post changed; update this test")
        expected = original.replace(OLD_TITLE, NEW_TITLE).replace(OLD_TAGS, NEW_TAGS)

        session.open_post(session.post_title(POST))

        title = session.find(role="text", name="Title")
        session.wait_for(lambda: session.text_of(title) == "February 2021 meetup: our first one online",
                         "the Title field shows the post's title")
        session.fill(title, "Our first online meetup")
        # The field's Apply button, shown while an edit is pending, does what Enter does.
        session.activate(session.find(role="push button", name="Apply"))
        # The source folds the YAML while the form shows it: screen readers
        # do not read it there; the window title follows the form's title.
        session.wait_for(lambda: "Our first online meetup" in session.window_title(),
                         "the new title in the window title")

        # A comma ends a tag, as Enter does.
        session.fill(session.find(role="text", name="Add to Tags"), "pytest,")
        session.find(name="Remove “pytest”")

        session.press("ctrl+s")
        session.wait_for(lambda: session.read(POST) == expected, "the file on disk with exactly the two edits")
    print("ok - title and tag edited through the form")


if __name__ == "__main__":
    main()
