#!/usr/bin/env python3
# test-cli-site.py: recap-cli lint, rename-tag and set-event on a copy of the
# sample site: exact bytes changed, nothing else touched, exit statuses.
#
# Usage: test-cli-site.py RECAP_CLI SAMPLE_SITE
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import shutil
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
SAMPLE_SITE = sys.argv[2]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def snapshot(site):
    return {path: open(path, "rb").read()
            for path in glob.glob(os.path.join(site, "**", "*.md*"), recursive=True)}


def expect_only(site, before, changes):
    """Every file as before except @changes: {relative path: (old bytes, new bytes)}."""
    after = snapshot(site)
    for path, text in before.items():
        relative = os.path.relpath(path, site)
        expected = text.replace(*changes[relative]) if relative in changes else text
        if after[path] != expected:
            raise AssertionError(f"{relative}: {after[path]!r}\n  expected {expected!r}")


def test_lint(site):
    clean = run("lint", site)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip() == "0 problems in 14 posts", clean.stdout
    with open(os.path.join(site, "_posts", "2024-01-01-broken.md"), "w") as f:
        f.write("---\ntitle: [unclosed\n---\n")
    with open(os.path.join(site, "notes", "2024-02-02-dated.md"), "w") as f:
        f.write("# Dated note\n")
    found = run("lint", site)
    assert found.returncode == 1, found.stdout
    lines = found.stdout.splitlines()
    assert lines[0].startswith("_posts/2024-01-01-broken.md: Invalid front matter at line "), lines
    assert lines[1] == "notes/2024-02-02-dated.md: Dated file outside _posts", lines
    assert lines[-1] == "2 problems in 16 posts", lines


def test_rename_tag(site):
    before = snapshot(site)
    result = run("rename-tag", site, "meetup", "Meetup")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5 files changed", result.stdout
    expect_only(site, before, {
        "_posts/2021-02-18-first-online-meetup.md": (b"tags: [meetup, online]", b"tags: [Meetup, online]"),
        "_posts/2022-11-03-testing-night.md": (b"tags: python meetup", b"tags: python Meetup"),
        "_posts/2023-03-16-lightning-talks.md": (b"tags: [lightning-talks, meetup]",
                                                 b"tags: [lightning-talks, Meetup]"),
        "_posts/2024-03-14-async-for-the-rest-of-us.md": (b"tags: [asyncio, meetup]", b"tags: [asyncio, Meetup]"),
        "_posts/2025-01-23-annual-planning.md": (b"tags: [meetup, planning]", b"tags: [Meetup, planning]"),
    })


def test_set_event(site):
    before = snapshot(site)
    result = run("set-event", site, "Lakeside Python Sprint 2021", "_posts/2021-09-10-sprint-weekend.markdown",
                 os.path.join(site, "_posts", "2024-03-28-march-follow-up.md"))
    assert result.returncode == 0, result.stderr
    expect_only(site, before, {
        "_posts/2021-09-10-sprint-weekend.markdown": (b'event: "Lakeside Python Sprint Weekend 2021"',
                                                      b'event: "Lakeside Python Sprint 2021"'),
        "_posts/2024-03-28-march-follow-up.md": (b'event: "Lakeside Python March 2024"',
                                                 b'event: "Lakeside Python Sprint 2021"'),
    })
    before = snapshot(site)
    removed = run("set-event", site, "", "_posts/2021-09-10-sprint-weekend.markdown")
    assert removed.returncode == 0, removed.stderr
    expect_only(site, before, {
        "_posts/2021-09-10-sprint-weekend.markdown": (b'event: "Lakeside Python Sprint 2021"\n', b""),
    })
    missing = run("set-event", site, "X", "_posts/no-such-post.md")
    assert missing.returncode == 1 and "no-such-post.md" in missing.stderr, missing


def main():
    tests = [test_lint, test_rename_tag, test_set_event]
    print(f"1..{len(tests)}")
    failed = 0
    for number, test in enumerate(tests, 1):
        with tempfile.TemporaryDirectory(prefix="recap-cli-site-") as tmp:
            site = os.path.join(tmp, "site")
            shutil.copytree(SAMPLE_SITE, site)
            try:
                test(site)
                print(f"ok {number} {test.__name__}")
            except AssertionError as error:
                failed += 1
                print(f"not ok {number} {test.__name__}\n# {error}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
