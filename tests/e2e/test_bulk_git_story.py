#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story on a generated 2,000-post git site: filter the content
table to one tag and year, add a tag to those posts, undo (every byte
back), add it again and commit; `git log -p` shows only that change."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gi.repository import Atspi  # noqa: E402

from recap_e2e import RecapSession, fail  # noqa: E402

N_POSTS = 2000
TAGS = ["python", "rust", "meetup", "sprints", "testing", "packaging", "web", "data"]
YEARS = range(2019, 2025)
# A bound for what waits on the site reading 115 changed posts again and git
# rescanning 2,000: at load 10-14 on 2 cores it once took over 30 s.
SITE_WIDE = 180


def post_text(i):
    """Post @i: a year and a pair of tags that cycle at different rates, so
    that each (tag, year) pair matches a known set of posts."""
    year = YEARS[i % len(YEARS)]
    tags = [TAGS[i % len(TAGS)], TAGS[(i // len(TAGS)) % len(TAGS)]]
    if tags[0] == tags[1]:
        tags = tags[:1]
    return year, tags, (
        "---\n"
        "layout: post\n"
        'title: "Post number %d"\n'
        "date: %d-%02d-%02d 19:00:00 +0100\n"
        "tags: [%s]\n"
        "---\n\n"
        "Notes of evening %d.\n" % (i, year, i % 12 + 1, i % 28 + 1, ", ".join(tags), i))


def git(site, *args):
    return subprocess.run(["git", "-C", site, *args], check=True, capture_output=True, text=True).stdout


def make_site(root):
    """The site, committed; returns {relative path: bytes} of the posts
    that tag:python year:2023 selects."""
    site = os.path.join(root, "site")
    os.makedirs(os.path.join(site, "_posts"))
    with open(os.path.join(site, "_config.yml"), "w") as f:
        f.write("title: Generated\n")
    selected = {}
    for i in range(N_POSTS):
        year, tags, text = post_text(i)
        relative = "_posts/%d-%02d-%02d-post-%04d.md" % (year, i % 12 + 1, i % 28 + 1, i)
        with open(os.path.join(site, relative), "w", newline="") as f:
            f.write(text)
        if year == 2023 and "python" in tags:
            selected[relative] = text
    git(site, "init", "-q")
    git(site, "config", "user.name", "Rivka Stein")
    git(site, "config", "user.email", "rivka@example.org")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Generated site")
    return site, selected


def read(site, relative):
    with open(os.path.join(site, relative), newline="") as f:
        return f.read()


def select_all(session, n):
    session.activate(session.find(role="push button", contains="Edit Selection"))
    session.activate(session.find(contains="Select All"))
    session.find(contains="%d shown · %d selected" % (n, n), timeout=SITE_WIDE)


def add_tag(session):
    """Edit Selection → Add Tag…, "evening", Apply once the preview counted."""
    session.activate(session.find(role="push button", contains="Edit Selection"))
    session.activate(session.find(contains="Add Tag"))
    dialog = session.find(name="Add Tag", role="dialog")
    session.fill(session.find(root=dialog, role="text"), "evening")
    apply = session.find(root=dialog, role="push button", contains="Apply")
    session.wait_for(lambda: apply.get_state_set().contains(Atspi.StateType.SENSITIVE), "Apply enabled")
    session.activate(apply)


def main():
    with tempfile.TemporaryDirectory(prefix="recap-e2e-story-") as root:
        site, selected = make_site(root)
        if not selected:
            fail("the generator selected no posts")
        with RecapSession(site=site) as session:
            session.press("ctrl+t")
            search = session.find(name="Filter Posts")
            session.fill(search, "tag:python year:2023")
            status = "%d posts · %d shown" % (N_POSTS, len(selected))
            session.find(contains=status)
            select_all(session, len(selected))
            add_tag(session)
            for relative, text in selected.items():
                session.wait_for(lambda: read(site, relative) == text.replace("]\n", ", evening]\n", 1),
                                 "the tag added to " + relative)

            session.activate(session.find(role="push button", name="Main Menu"))
            session.activate(session.find(contains="Undo Add Tag"))
            for relative, text in selected.items():
                session.wait_for(lambda: read(site, relative) == text, "the exact bytes back in " + relative)
            if git(site, "status", "--porcelain"):
                fail("git sees changes after Undo:\n" + git(site, "status", "--porcelain"))

            # Undo read the files again, and the rows lost their selection
            select_all(session, len(selected))
            add_tag(session)
            session.screenshot("tags16-story-tag-added")
            session.activate(session.find(contains="%d changed" % len(selected), timeout=SITE_WIDE))
            session.activate(session.find(contains="Commit…"))
            dialog = session.find(role="frame", name="Commit")
            session.fill(session.find(root=dialog, role="text", name="Commit message"),
                         "Tag the 2023 Python evenings")
            session.activate(session.find(root=dialog, role="push button", contains="ommit"))
            session.wait_for(lambda: "Tag the 2023 Python evenings" in git(site, "log", "-1", "--format=%s"),
                             "the commit")

        patch = git(site, "log", "-1", "-p", "--format=")
        changed = sorted(line[6:] for line in patch.splitlines() if line.startswith("+++ b/"))
        if changed != sorted(selected):
            fail("the commit changes %s, not the %d selected posts" % (changed, len(selected)))
        lines = [line for line in patch.splitlines()
                 if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        if len(lines) != 2 * len(selected) or any("evening" not in line for line in lines if line[0] == "+"):
            fail("the commit holds more than the tag:\n" + patch[:2000])
        if git(site, "log", "-1", "--format=%an <%ae>").strip() != "Rivka Stein <rivka@example.org>":
            fail("the commit is not the user's")
    print("ok - %d posts: filtered to %d, tag added, undone to the byte, added again and committed"
          % (N_POSTS, len(selected)))


if __name__ == "__main__":
    main()
