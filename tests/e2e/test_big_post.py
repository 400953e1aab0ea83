#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A screen reader reads a big post: a post of a megabyte goes into the
editor a part at a time (so that the window never stops for the whole
text), and the editor's text through the accessibility tree is then the
whole file, with the title showing no unsaved changes. Leaving it for
a small post, the editor reads as the small post (the source view changes
buffers out of the window, so GTK 4.8 does not copy the big text into one
event: the editor is a new accessible then); back, as the big one again."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402

POST = "_posts/2024-05-02-big-post.md"
SMALL = "_posts/2023-08-24-summer-picnic.md"
TITLE = "A big post"


def big_text():
    parts = ["---\ntitle: %s\n---\n" % TITLE]
    size, i = len(parts[0]), 0
    while size < 1024 * 1024:
        part = "## Part %d\n\nSome words about part %d, with *emphasis*.\n\n" % (i, i)
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)


def main():
    tmp = tempfile.mkdtemp(prefix="recap-e2e-big-")
    site = os.path.join(tmp, "site")
    shutil.copytree(os.environ["RECAP_SAMPLE_SITE"], site, symlinks=True)
    text = big_text()
    with open(os.path.join(site, POST), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    try:
        with RecapSession(site=site) as session:
            session.open_post(TITLE)
            session.show_yaml()
            editor = session.find(role="text", name="Editor")
            session.wait_for(lambda: session.text_of(editor) == text, "the editor reads as the whole file")
            if session.window_title().startswith("*"):
                fail("the title shows unsaved changes after the load")
            if session.read(POST) != text:
                fail("opening the post changed its file")

            # Out of the editor first: there Ctrl+K inserts a link.
            session.focus(session.find(role="entry", name="Search Posts"))
            small = session.read(SMALL)
            session.open_post(session.post_title(SMALL))
            session.wait_for(lambda: session.text_of(session.find(role="text", name="Editor")) == small,
                             "the editor reads as the small post")
            session.focus(session.find(role="entry", name="Search Posts"))
            session.open_post(TITLE)
            session.wait_for(lambda: session.text_of(session.find(role="text", name="Editor")) == text,
                             "the editor reads as the whole big file again")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok - a big post read through the accessibility tree")


if __name__ == "__main__":
    main()
