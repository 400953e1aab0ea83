#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story through the accessibility tree: start tonight's meetup report
from the template, fill in title and tags, write a line, save; then merge
two spellings of a tag across the site; check the files on disk."""

import datetime
import glob
import os
import sys
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402

TESTING_NIGHT = "_posts/2022-11-03-testing-night.md"


def new_report(session):
    session.press("ctrl+n")
    dialog = session.find(role="frame", name="New Post")
    title = session.find(root=dialog, role="text", name="Title")
    session.fill(title, "Tonight at Lakeside Python")
    tags = session.find(root=dialog, role="text", name="Add to Tags")
    # A comma ends a tag, as Enter does.
    session.fill(tags, "meetup,")
    session.find(root=dialog, name="Remove “meetup”")
    session.fill(tags, "packaging,")
    session.find(root=dialog, name="Remove “packaging”")
    session.activate(session.find(root=dialog, role="push button", contains="Create"))

    session.show_yaml()
    editor = session.find(role="text", name="Editor")
    session.wait_for(lambda: "Tonight at Lakeside Python" in session.text_of(editor), "the new post in the editor")
    session.wait_for(lambda: session.window_title().endswith("Tonight at Lakeside Python"), "the new post open")
    session.press("ctrl+End")
    session.type_text("Forty people came.\n")
    session.press("ctrl+s")

    # Dated in the site's zone (the sample site's `timezone:`), not the
    # machine's: from 00:00 to 06:00 UTC that is still the day before.
    day = datetime.datetime.now(zoneinfo.ZoneInfo("America/Chicago")).date().isoformat()
    path = os.path.join(session.site, "_posts", day + "-tonight-at-lakeside-python.md")
    session.wait_for(lambda: os.path.exists(path) and "Forty people came." in open(path).read(),
                     "the saved report on disk")
    text = open(path).read()
    for expected in ('title: "Tonight at Lakeside Python"\n', "tags: [meetup, packaging]\n",
                     "layout: post\n", "## Talks\n", "Forty people came.\n"):
        if expected not in text:
            fail("the new report lacks %r:\n%s" % (expected, text))


def merge_tag_spellings(session):
    before = {path: open(path).read() for path in glob.glob(os.path.join(session.site, "**", "*.md"),
                                                            recursive=True)}
    session.activate(session.find(role="push button", name="Main Menu"))
    session.activate(session.find(contains="Rename Tag"))
    manager = session.find(role="frame", name="Tags, Categories and Authors")
    session.activate(session.find(root=manager, role="push button", name="Merge into “Python”"))

    path = session.path(TESTING_NIGHT)
    session.wait_for(lambda: "tags: Python meetup\n" in open(path).read(), "the tag merged on disk")
    for other, text in before.items():
        if other != path and open(other).read() != text:
            fail("merging the tag changed " + other)


def main():
    with RecapSession() as session:
        new_report(session)
        merge_tag_spellings(session)
    print("ok - new report from the template, and a tag merged across the site")


if __name__ == "__main__":
    main()
