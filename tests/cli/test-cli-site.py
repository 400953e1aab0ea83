#!/usr/bin/env python3
# test-cli-site.py: recap-cli lint, rename-tag, set-event, new, publish,
# unpublish, rename-post and add-front-matter on a copy of the sample site:
# exact bytes changed, nothing else touched, exit statuses.
#
# Usage: test-cli-site.py RECAP_CLI SAMPLE_SITE
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
SAMPLE_SITE = sys.argv[2]


def run(*args, cwd=None, env=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=cwd, env=env)


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
    assert lines[0].startswith("_posts/2024-01-01-broken.md:1:1: error: Invalid front matter at line "), lines
    assert lines[0].endswith(" [invalid-front-matter]"), lines
    assert lines[1] == "notes/2024-02-02-dated.md:1:1: warning: Dated file outside _posts [dated-outside-posts]", lines
    assert lines[-1] == "2 problems in 16 posts", lines
    quiet = run("-q", "lint", site)
    assert quiet.returncode == 1 and quiet.stdout.splitlines() == lines[:-1], quiet.stdout


def test_lint_formats_and_rules(site):
    """gcc lines point at the key's line; JSON carries the same; rules turn
    off by --disable or _config.yml's recap: key; exit statuses 0/1/2/3."""
    post = os.path.join(site, "_posts", "2024-05-05-layout.md")
    with open(post, "w") as f:
        f.write("---\ntitle: Layout\n# a comment\nlayout: nowhere\n---\n")
    found = run("lint", "--format=gcc", site)
    assert found.returncode == 1, found.stdout
    assert ("_posts/2024-05-05-layout.md:4:1: warning: Unknown layout “nowhere” [unknown-layout]"
            in found.stdout.splitlines()), found.stdout
    as_json = run("lint", "--format=json", site)
    assert as_json.returncode == 1, as_json.stdout
    problems = json.loads(as_json.stdout)
    assert {"path": "_posts/2024-05-05-layout.md", "line": 4, "column": 1, "severity": "warning",
            "rule": "unknown-layout", "message": "Unknown layout “nowhere”"} in problems, problems
    off = run("lint", "--disable=unknown-layout", "--format=json", site)
    assert off.returncode == 0 and json.loads(off.stdout) == [], off.stdout
    config = os.path.join(site, "_config.yml")
    with open(config, encoding="utf-8") as f:
        original = f.read()
    with open(config, "a", encoding="utf-8") as f:
        f.write("recap:\n  disable:\n    - unknown-layout\n")
    from_config = run("-q", "lint", site)
    assert from_config.returncode == 0 and from_config.stdout == "", from_config.stdout
    with open(config, "w", encoding="utf-8") as f:
        f.write(original + "recap: {disable: [no-such-rule]}\n")
    assert run("lint", site).returncode == 2
    with open(config, "w", encoding="utf-8") as f:
        f.write(original)
    assert run("lint", "--disable=nope", site).returncode == 2
    assert run("lint", "--format=xml", site).returncode == 2
    assert run("lint", os.path.join(site, "missing")).returncode == 3
    os.remove(post)


def test_check_json_and_version(site):
    result = run("check", "--json", site)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["files"] == [] and report["checked"] > 0, result.stdout
    broken = os.path.join(site, "_posts", "2020-01-03-broken.md")
    with open(broken, "w") as f:
        f.write("---\na: b: c\n---\n")
    result = run("check", "--json", site)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["invalid"] == 1, result.stdout
    assert report["files"][0]["path"].endswith("2020-01-03-broken.md"), report
    assert report["files"][0]["problem"] == "invalid", report
    os.remove(broken)
    assert run("check", os.path.join(site, "missing.md")).returncode == 3
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("recap-cli "), version.stdout
    usage = run("--help")
    assert "3 when a file or folder could not be read or written" in " ".join(usage.stdout.split()), usage.stdout


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


def test_tag_add_remove(site):
    testing = "_posts/2022-11-03-testing-night.md"
    planning = "_posts/2025-01-23-annual-planning.md"
    before = snapshot(site)
    added = run("tag", "add", testing, planning, "community", cwd=site)
    assert added.returncode == 0, added.stderr
    assert added.stdout.endswith("2 files changed\n"), added.stdout
    expect_only(site, before, {
        testing: (b"tags: python meetup", b"tags: python meetup community"),
        planning: (b"tags: [meetup, planning]", b"tags: [meetup, planning, community]"),
    })
    again = run("tag", "add", testing, "community", cwd=site)
    assert again.returncode == 0 and again.stdout == "0 files changed\n", again.stdout
    removed = run("tag", "remove", testing, planning, "community", cwd=site)
    assert removed.returncode == 0, removed.stderr
    assert snapshot(site) == before, "tag remove did not give back the exact bytes"
    category = run("category", "remove", planning, "meetup", cwd=site)
    assert category.returncode == 0, category.stderr
    expect_only(site, before, {planning: (b"categories: [ meetup ]", b"categories: []")})
    # All or nothing: one file it cannot take leaves the others as they are.
    before = snapshot(site)
    refused = run("tag", "add", testing, "_posts/no-such-post.md", "x", cwd=site)
    assert refused.returncode == 1 and "recap-cli: _posts/no-such-post.md: " in refused.stderr, refused
    assert snapshot(site) == before
    usage = run("tag", "rename", testing, "x", cwd=site)
    assert usage.returncode == 2, usage


def test_set_many(site):
    files = ["_posts/2025-01-23-annual-planning.md", "_posts/2021-09-10-sprint-weekend.markdown",
             "_posts/2024-03-28-march-follow-up.md"]
    before = snapshot(site)
    result = run("set-many", "layout", "report", *files, cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("3 files changed\n"), result.stdout
    changes = {path: (b"layout: post", b"layout: report") for path in files}
    expect_only(site, before, changes)
    published = run("set-many", "published", "true", files[2], cwd=site)
    assert published.returncode == 0, published.stderr
    changes[files[2]] = (b"layout: post\ntitle:  \"Follow-up: questions we didn't get to in March\"\n"
                         b"author: rivka-stein\ntags: [asyncio, q-and-a]\ncategories: [ meetup ]\n"
                         b"event: \"Lakeside Python March 2024\"\npublished: false",
                         b"layout: report\ntitle:  \"Follow-up: questions we didn't get to in March\"\n"
                         b"author: rivka-stein\ntags: [asyncio, q-and-a]\ncategories: [ meetup ]\n"
                         b"event: \"Lakeside Python March 2024\"\npublished: true")
    expect_only(site, before, changes)
    unset = run("unset-many", "event", *files, cwd=site)
    assert unset.returncode == 0 and unset.stdout.endswith("3 files changed\n"), unset.stdout
    assert all(b"\nevent:" not in open(os.path.join(site, path), "rb").read() for path in files)


WRAP_UP = (b"---\ntitle: Conference Wrap-Up\ndate: 2019-10-13 06:00:00\n"
           b"published: false\ntags: [djangocon]\n---\nThanks, everyone!\r\n")


def all_files(site):
    return {os.path.relpath(path, site): open(path, "rb").read()
            for path in glob.glob(os.path.join(site, "**", "*"), recursive=True) if os.path.isfile(path)}


def expect_refused(site, result, before, message):
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert message in result.stderr, result.stderr
    assert result.stdout == "", result.stdout
    assert all_files(site) == before, "files changed by a refused command"


def test_publish(site):
    draft = os.path.join(site, "_drafts", "2019-10-13-Conference-Wrap-Up.md")
    with open(draft, "wb") as f:
        f.write(WRAP_UP)
    result = run("publish", draft)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("_drafts/2019-10-13-Conference-Wrap-Up.md → "
                             "_posts/2019-10-13-Conference-Wrap-Up.md\n"), result.stdout
    assert not os.path.exists(draft)
    assert not glob.glob(os.path.join(site, "_posts", "*-2019-10-13-*"))
    published = open(os.path.join(site, "_posts", "2019-10-13-Conference-Wrap-Up.md"), "rb").read()
    assert published == WRAP_UP.replace(b"published: false\n", b""), published

    # Back to the drafts, then published on a given day: only the date's bytes change.
    result = run("unpublish", os.path.join(site, "_posts", "2019-10-13-Conference-Wrap-Up.md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("_posts/2019-10-13-Conference-Wrap-Up.md → "
                             "_drafts/Conference-Wrap-Up.md\n"), result.stdout
    result = run("publish", "--date=2020-02-29", os.path.join(site, "_drafts", "Conference-Wrap-Up.md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("→ _posts/2020-02-29-Conference-Wrap-Up.md\n"), result.stdout
    text = open(os.path.join(site, "_posts", "2020-02-29-Conference-Wrap-Up.md"), "rb").read()
    assert text.startswith(b"---\ntitle: Conference Wrap-Up\ndate: 2020-02-29 00:00:00 "), text
    assert text.endswith(b"\ntags: [djangocon]\n---\nThanks, everyone!\r\n"), text


def test_publish_refuses(site):
    before = all_files(site)
    undated = os.path.join(site, "_drafts", "dataclasses-or-attrs.md")
    expect_refused(site, run("publish", undated), before, "has no date to keep")
    expect_refused(site, run("publish", os.path.join(site, "_posts", "2023-08-24-summer-picnic.md")), before,
                   "not in a _drafts folder")
    expect_refused(site, run("unpublish", undated), before, "not in a _posts folder")
    bad_date = run("publish", "--date=2025-02-30", undated)
    assert bad_date.returncode == 2 and all_files(site) == before, bad_date
    today = run("publish", "--date=today", undated)
    assert today.returncode == 0, today.stderr
    assert today.stdout.startswith("_drafts/dataclasses-or-attrs.md → _posts/"), today.stdout


def test_rename_post(site):
    post = os.path.join(site, "_posts", "2023-08-24-summer-picnic.md")
    text = open(post, "rb").read()
    result = run("rename-post", post, "Picnic, in the park!")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "2023-08-24-summer-picnic.md → 2023-08-24-picnic-in-the-park.md\n", result.stdout
    renamed = os.path.join(site, "_posts", "2023-08-24-picnic-in-the-park.md")
    assert open(renamed, "rb").read() == text and not os.path.exists(post)
    with open(os.path.join(site, "_posts", "2023-08-24-taken.md"), "w") as f:
        f.write("other\n")
    before = all_files(site)
    expect_refused(site, run("rename-post", renamed, "taken"), before, "exists")


def test_new(site):
    result = run("new", site, "--template=meetup-report", "--title=Testing night, again")
    assert result.returncode == 0, result.stderr
    path = result.stdout.strip()
    assert path.startswith("_posts/") and path.endswith("-testing-night-again.md"), path
    text = open(os.path.join(site, path)).read()
    assert text.startswith('---\nlayout: post\ntitle: "Testing night, again"\ndate: '), text
    assert "## Talks" in text, text
    draft = run("new", site, "--template=conference-notes", "--title=PyCon notes", "--draft")
    assert draft.stdout == "_drafts/pycon-notes.md\n", draft
    again = run("new", site, "--title=PyCon notes", "--draft")
    assert again.stdout == "_drafts/pycon-notes-2.md\n", again
    assert open(os.path.join(site, "_drafts", "pycon-notes-2.md")).read().endswith("---\n\n")
    before = all_files(site)
    unknown = run("new", site, "--template=nope", "--title=x")
    assert unknown.returncode == 2 and all_files(site) == before, unknown
    untitled = run("new", site)
    assert untitled.returncode == 2 and all_files(site) == before, untitled


def test_new_in_site_zone(site):
    with open(os.path.join(site, "_config.yml"), "a") as f:
        f.write("\ntimezone: Pacific/Kiritimati\n")
    result = run("new", site, "--title=Zoned")
    assert result.returncode == 0, result.stderr
    text = open(os.path.join(site, result.stdout.strip())).read()
    date = next(line for line in text.splitlines() if line.startswith("date: "))
    assert date.endswith(" +1400"), date


def test_lint_other_generator(site):
    other = os.path.join(site, "..", "eleventy")
    os.makedirs(os.path.join(other, "content", "posts"))
    with open(os.path.join(other, "content", "posts", "2024-01-01-dated.md"), "wb") as f:
        f.write(b"\xef\xbb\xbf---\ntitle: Dated\n---\n")
    result = run("lint", other)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        f"{other}: note: no _config.yml, _posts or _drafts: not checked as a Jekyll site",
        "0 problems in 1 posts"], result.stdout


def test_add_front_matter(site):
    loose = os.path.join(site, "notes", "2023-05-04-sprint.md")
    with open(loose, "w") as f:
        f.write("# Sprint notes\n")
    before = all_files(site)
    expect_refused(site, run("add-front-matter", loose, os.path.join(site, "notes", "missing.md")), before,
                   "missing.md")
    # A refused file is named as it was given, as every other command does.
    relative = run("add-front-matter", os.path.join("notes", "missing.md"), cwd=site)
    expect_refused(site, relative, before, "recap-cli: notes/missing.md: ")
    venue = os.path.join(site, "notes", "venue-checklist.md")
    result = run("add-front-matter", loose, venue, os.path.join(site, "_posts", "2023-08-24-summer-picnic.md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{loose}\n{venue}\n2 files changed\n", result.stdout
    assert open(loose).read().startswith("---\ntitle: Sprint notes\ndate: 2023-05-04 "), open(loose).read()


def test_help_lists_commands(site):
    usage = run("--help")
    for command in ("new", "publish", "unpublish", "rename-post", "add-front-matter", "tag", "set-many"):
        assert f"\n  {command} " in usage.stdout, usage.stdout
    publish = run("publish", "--help")
    assert "--date=DATE" in publish.stdout, publish.stdout


def test_leaves_index_cache(site):
    """The index cache is written after the load, in a thread: recap-cli
    waits for it, so that its next run finds it, whole, and no temporary copy."""
    with tempfile.TemporaryDirectory(prefix="recap-cli-cache-") as cache_home:
        env = dict(os.environ, XDG_CACHE_HOME=cache_home)
        listed = run("lint", site, env=env)
        assert listed.returncode == 0, listed.stdout + listed.stderr
        folder = os.path.join(cache_home, "recap", "index")
        names = os.listdir(folder) if os.path.isdir(folder) else []
        assert len(names) == 1 and not names[0].startswith("."), names
        assert open(os.path.join(folder, names[0]), "rb").read(7) == b"RECAPIX", names


def main():
    tests = [test_lint, test_lint_formats_and_rules, test_check_json_and_version, test_rename_tag, test_set_event,
             test_publish, test_publish_refuses, test_rename_post, test_new, test_new_in_site_zone,
             test_lint_other_generator, test_add_front_matter, test_tag_add_remove, test_set_many,
             test_help_lists_commands, test_leaves_index_cache]
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
