#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story through the accessibility tree: publish a draft that already
carries its date in its name, keeping that date; one undo from the main menu
puts the draft back with its exact bytes; published again, the open post
follows its file (typing and saving lands in _posts/)."""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402

DRAFT = "_drafts/2019-10-13-Conference-Wrap-Up.md"
PUBLISHED = "_posts/2019-10-13-Conference-Wrap-Up.md"
TEXT = ("---\n"
        "layout: post\n"
        "title: \"Conference Wrap-Up\"\n"
        "date: 2019-10-13 06:00:00\n"
        "published: false\n"
        "tags: [djangocon]\n"
        "---\n\n"
        "Three days of talks, one of sprints.\n")
TYPED = "Slides are linked below."


def publish_keeping_the_date(session):
    session.activate(session.find(role="push button", name="Main Menu"))
    session.activate(session.find(contains="Publish Draft"))
    keep = session.find(role="push button", contains="Keep 2019-10-13")
    session.find(contains="_posts/2019-10-13-Conference-Wrap-Up.md")
    if not os.path.exists(session.path(DRAFT)):
        fail("the draft moved before the date was chosen")
    session.screenshot("publish-dialog")
    session.activate(keep)
    session.wait_for(lambda: os.path.exists(session.path(PUBLISHED)), "the post in _posts/")
    published = session.read(PUBLISHED)
    if published != TEXT.replace("published: false\n", ""):
        fail("publishing changed more than 'published: false':\n" + published)
    if os.path.exists(session.path(DRAFT)):
        fail("the draft is still there after publishing")
    session.screenshot("published")


def main():
    tmp = tempfile.mkdtemp(prefix="recap-e2e-publish-")
    site = os.path.join(tmp, "site")
    shutil.copytree(os.environ["RECAP_SAMPLE_SITE"], site, symlinks=True)
    with open(os.path.join(site, DRAFT), "w", encoding="utf-8") as f:
        f.write(TEXT)
    try:
        with RecapSession(site=site) as session:
            session.open_post("Conference Wrap-Up")
            session.show_yaml()
            editor = session.find(role="text", name="Editor")
            session.wait_for(lambda: session.text_of(editor) == TEXT, "the editor shows the draft")

            publish_keeping_the_date(session)

            # One undo, long after the toast: the draft is back byte for byte.
            session.activate(session.find(role="push button", name="Main Menu"))
            session.activate(session.find(contains="Undo Publish Draft"))
            session.wait_for(lambda: os.path.exists(session.path(DRAFT))
                             and not os.path.exists(session.path(PUBLISHED)), "the draft back")
            if session.read(DRAFT) != TEXT:
                fail("undo did not restore the draft's exact bytes:\n" + session.read(DRAFT))

            publish_keeping_the_date(session)
            # The open document edits the published file, not a vanished draft.
            session.focus(editor)
            session.press("ctrl+End")
            session.type_text(TYPED)
            session.press("ctrl+s")
            session.wait_for(lambda: TYPED in session.read(PUBLISHED), "the typed text saved into _posts/")
            if os.path.exists(session.path(DRAFT)):
                fail("saving the moved post re-created the draft")
            if session._search(session.app, None, None, "deleted") is not None:
                fail("the editor says the moved file was deleted")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok - publish a dated draft, keep its date, edit the moved post")


if __name__ == "__main__":
    main()
