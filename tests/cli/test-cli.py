#!/usr/bin/env python3
# test-cli.py: recap-cli on a copy of the sample site (TAP output).
#
# Usage: test-cli.py RECAP_CLI SAMPLE_SITE
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

import tap  # beside this script: the shared TAP runner

CLI = sys.argv[1]
SAMPLE_SITE = sys.argv[2]
RESULTS = []

POST = """---
layout: post
title:  "Test night"   # shown in lists
author: tester
tags: [python, testing]
seo:
  type: Article
published: false
---
Body of the test post.
"""


def run(*args, **kwargs):
    # A reader that blocks (on a FIFO, say) fails the test instead of hanging it.
    try:
        return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=20, **kwargs)
    except subprocess.TimeoutExpired:
        raise AssertionError(f'recap-cli {" ".join(args)} did not finish')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def test(function):
    RESULTS.append(function)
    return function


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def post_paths(site):
    for root, dirs, names in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith(('.', '_site', '_layouts', '_includes', '_sass'))]
        for name in names:
            if name.endswith(('.md', '.markdown')):
                yield os.path.relpath(os.path.join(root, name), site)


@test
def help_texts(site):
    result = run('--help')
    check(result.returncode == 0, result.stderr)
    for command in ('list', 'get', 'set', 'set-list', 'unset', 'check'):
        check(command in result.stdout, f'{command} missing from --help')
        sub = run(command, '--help')
        check(sub.returncode == 0 and 'Usage:' in sub.stdout and command in sub.stdout, sub.stdout)
        check('Exit status' in sub.stdout, 'no exit status in help')
    # Summaries start in one column, however long a command's name.
    rows = [line for line in result.stdout.splitlines() if line.startswith('  ') and ' ' in line.strip()]
    starts = {len(line) - len(line.split(None, 1)[1]) for line in rows if not line.startswith('  recap-cli')}
    check(len(starts) == 1, f'command summaries not aligned: {sorted(starts)}')


@test
def usage_errors(site):
    check(run().returncode == 2, 'no command is a usage error')
    check(run('frobnicate').returncode == 2, 'an unknown command is a usage error')
    check(run('get', 'only-one-arg').returncode == 2, 'too few arguments')
    check(run('unset', 'a', 'b', 'c').returncode == 2, 'too many arguments')


@test
def get_values(site):
    post = os.path.join(site, 'test-post.md')
    check(run('get', post, 'title').stdout == 'Test night\n', 'scalar')
    check(run('get', post, 'tags').stdout == 'python\ntesting\n', 'list')
    check(run('get', post, 'seo.type').stdout == 'Article\n', 'nested')
    check(run('get', post, 'seo').stdout == 'type: Article\n', 'mapping as YAML')
    missing = run('get', post, 'nope')
    check(missing.returncode == 1 and 'nope' in missing.stderr, missing.stderr)


@test
def set_changes_only_the_value(site):
    post = os.path.join(site, 'test-post.md')
    before = read(post)
    result = run('set', post, 'title', 'Renamed: night')
    check(result.returncode == 0, result.stderr)
    expected = before.replace(b'"Test night"', b'"Renamed: night"')
    check(read(post) == expected, read(post))


@test
def set_same_value_does_not_write(site):
    post = os.path.join(site, 'test-post.md')
    inode = os.stat(post).st_ino
    check(run('set', post, 'author', 'tester').returncode == 0, 'set failed')
    check(os.stat(post).st_ino == inode, 'an unchanged file was rewritten')


@test
def set_values_starting_with_dash(site):
    post = os.path.join(site, 'test-post.md')
    check(run('set', post, 'author', '- dash').returncode == 0, 'dash value')
    check(run('get', post, 'author').stdout == '- dash\n', 'dash value read back')
    check(run('set', post, 'author', '--', '--help').returncode == 0, 'value after --')
    check(run('get', post, 'author').stdout == '--help\n', '-- value read back')


@test
def set_list_and_unset(site):
    post = os.path.join(site, 'test-post.md')
    check(run('set-list', post, 'tags', 'python', 'testing', 'cli').returncode == 0, 'set-list')
    check(b'tags: [python, testing, cli]\n' in read(post), read(post))
    check(run('set-list', post, 'tags').returncode == 0, 'empty set-list')
    check(b'tags: []\n' in read(post), read(post))
    check(run('unset', post, 'seo').returncode == 0, 'unset')
    check(b'seo:' not in read(post) and b'published: false' in read(post), read(post))
    missing = run('unset', post, 'seo')
    check(missing.returncode == 1 and 'seo' in missing.stderr, missing.stderr)


@test
def invalid_yaml_left_untouched(site):
    post = os.path.join(site, '_posts', '2020-01-01-broken.md')
    data = b'---\ntitle: Broken\n\tindented: tab\n---\nBody\n'
    write(post, data)
    for args in (('set', post, 'title', 'x'), ('set-list', post, 'tags', 'a'), ('unset', post, 'title')):
        result = run(*args)
        check(result.returncode == 1 and 'line 3, column 1' in result.stderr, result.stderr)
        check(read(post) == data, 'an invalid file was changed')
    os.remove(post)


SUITE_26DV = (b'---\n"top1" : \n  "key1" : &alias1 scalar1\n\'top2\' : \n  \'key2\' : &alias2 scalar2\n'
              b'top3: &node3 \n  *alias1 : scalar3\ntop4: \n  *alias2 : scalar4\ntop5   :    \n  scalar5\n'
              b'top6: \n  &anchor6 \'key6\' : scalar6\n---\nBody\n')


@test
def shared_anchors_refused(site):
    post = os.path.join(site, '_posts', '2020-01-04-anchored.md')
    data = b'---\ntitle: &t Old\nog_title: *t\ntags: &k [a, b]\nkeywords: *k\n---\nBody\n'
    write(post, data)
    for args, key in ((('set', post, 'title', 'New'), 'og_title'), (('set-list', post, 'tags', 'c'), 'keywords')):
        result = run(*args)
        check(result.returncode == 1 and key in result.stderr and 'anchor' in result.stderr, result.stderr)
        check(read(post) == data, 'a shared anchor was edited')
    check(run('check', post).returncode == 0, 'check refused an anchored file')
    alias = run('set', post, 'og_title', 'Own')
    check(alias.returncode == 0 and read(post) == data.replace(b'og_title: *t', b'og_title: Own'), read(post))
    write(post, SUITE_26DV)
    result = run('set', post, 'top1.key1', 'X')
    check(result.returncode == 1 and 'top3' in result.stderr, result.stderr)
    check(read(post) == SUITE_26DV, '26DV was changed')
    check(run('check', post).returncode == 0, 'check refused 26DV')
    os.remove(post)


@test
def toml_and_json_read_only(site):
    toml = os.path.join(site, '_posts', '2019-10-13-hugo.md')
    json_post = os.path.join(site, '_posts', '2020-05-01-hugo.md')
    posts = {toml: b'+++\ntitle = "Wrap-up"\ndate = 2019-10-13T06:00:00Z\ntags = ["a"]\n+++\nBody\n',
             json_post: b'{\n  "title": "Sprint",\n  "tags": ["a"]\n}\nBody\n'}
    for post, data in posts.items():
        write(post, data)
        kind = 'TOML' if post == toml else 'JSON'
        for args in (('set', post, 'title', 'x'), ('set', post, 'layout', 'post'),
                     ('set-list', post, 'tags', 'b'), ('unset', post, 'title'), ('check', post),
                     ('add-front-matter', post)):
            result = run(*args)
            check(result.returncode == 1 and f'{kind} front matter' in result.stderr, (args, result.stderr))
            check(read(post) == data, f'{args} changed a {kind} file')
        got = run('get', post, 'title')
        check(got.returncode == 0 and got.stdout in ('Wrap-up\n', 'Sprint\n'), got.stdout + got.stderr)
    listed = json.loads(run('list', '--json', site).stdout)
    titles = {p['path']: p['title'] for p in listed}
    check(titles.get('_posts/2019-10-13-hugo.md') == 'Wrap-up', titles)
    check(titles.get('_posts/2020-05-01-hugo.md') == 'Sprint', titles)
    summary = run('check', site)
    check(summary.returncode == 1 and '2 read-only' in summary.stdout, summary.stdout)
    for post in posts:
        os.remove(post)


@test
def unreadable_files(site):
    binary = os.path.join(site, 'binary.md')
    write(binary, b'---\ntitle: x\n---\n\x00\x01')
    result = run('set', binary, 'title', 'y')
    check(result.returncode == 1 and 'binary' in result.stderr, result.stderr)
    check(read(binary) == b'---\ntitle: x\n---\n\x00\x01', 'a binary file was changed')
    latin1 = os.path.join(site, 'latin1.md')
    write(latin1, b'---\ntitle: caf\xe9\n---\n')
    result = run('get', latin1, 'title')
    check(result.returncode == 1 and 'UTF-8' in result.stderr, result.stderr)
    # One size limit, the window's: 20 MB opens, 64 MiB and a byte does not.
    big = os.path.join(site, 'big.md')
    write(big, b'---\ntitle: big\n---\n' + b'x' * (20 * 1000 * 1000))
    result = run('get', big, 'title')
    check(result.returncode == 0 and result.stdout == 'big\n', result.stderr)
    huge = os.path.join(site, 'huge.md')
    write(huge, b'---\ntitle: huge\n---\n')
    os.truncate(huge, 64 * 1024 * 1024 + 1)
    result = run('set', huge, 'title', 'y')
    check(result.returncode == 1 and
          'huge.md” is larger than 64.0\u00a0MiB; Recap opens text files up to that size' in result.stderr,
          result.stderr)
    bom = os.path.join(site, 'bom-latin1.md')
    write(bom, b'\xef\xbb\xbf---\ntitle: ok\n---\n\xff\n')
    result = run('get', bom, 'title')
    check(result.returncode == 1 and 'line 4' in result.stderr, result.stderr)
    missing = run('get', os.path.join(site, 'missing.md'), 'title')
    check(missing.returncode == 3 and missing.stderr, 'a missing file: exit status 3')
    for path in (binary, latin1, big, huge, bom):
        os.remove(path)


@test
def non_regular_files_refused_without_blocking(site):
    fifo = os.path.join(site, 'x.md')
    os.mkfifo(fifo)
    try:
        for args in (('get', fifo, 'title'), ('check', fifo), ('set', fifo, 'title', 'y'),
                     ('set-list', fifo, 'tags', 'a')):
            result = run(*args)
            check(result.returncode == 3 and 'is not a regular file' in result.stderr,
                  f'{args[0]}: {result.stderr}')
        check(stat.S_ISFIFO(os.lstat(fifo).st_mode), 'the FIFO was replaced')
    finally:
        os.remove(fifo)


def as_other_user():
    """preexec_fn dropping root, for whom permissions never fail."""
    if os.geteuid() != 0:
        return None
    return lambda: (os.setgroups([]), os.setgid(65534), os.setuid(65534))


@test
def error_messages_name_the_real_cause(site):
    loop = os.path.join(site, 'loop.md')
    os.symlink('loop.md', loop)
    folder = os.path.join(site, 'dir.md')
    os.mkdir(folder)
    try:
        result = run('get', loop, 'title')
        check(result.returncode == 3 and 'Too many levels of symbolic links' in result.stderr, result.stderr)
        result = run('set', loop, 'title', 'y')
        check(result.returncode == 3 and 'Too many levels of symbolic links' in result.stderr, result.stderr)
        result = run('get', folder, 'title')
        check(result.returncode == 3 and 'Is a directory' in result.stderr, result.stderr)
    finally:
        os.remove(loop)
        os.rmdir(folder)

    # Reachable by any user, so that the reader's permission is what fails.
    shared = tempfile.mkdtemp(prefix='recap-cli-perm-')
    try:
        os.chmod(shared, 0o755)
        private = os.path.join(shared, 'private.md')
        write(private, POST.encode())
        os.chmod(private, 0)
        result = run('get', private, 'title', preexec_fn=as_other_user())
        check(result.returncode == 3 and 'Permission denied' in result.stderr, result.stderr)
    finally:
        shutil.rmtree(shared)


@test
def atomic_write_keeps_mode_and_links(site):
    post = os.path.join(site, 'test-post.md')
    os.chmod(post, 0o640)
    check(run('set', post, 'author', 'mode keeper').returncode == 0, 'set')
    check(stat.S_IMODE(os.stat(post).st_mode) == 0o640, oct(os.stat(post).st_mode))
    link = os.path.join(site, 'link.md')
    os.symlink('test-post.md', link)
    check(run('set', link, 'author', 'through a link').returncode == 0, 'set through a link')
    check(os.path.islink(link), 'the link was replaced')
    check(run('get', post, 'author').stdout == 'through a link\n', 'the target was not written')
    check(not [n for n in os.listdir(site) if n.startswith('.test-post')], 'a temporary file was left')
    os.remove(link)


@test
def list_text_and_json(site):
    result = run('list', site)
    check(result.returncode == 0, result.stderr)
    for path in post_paths(site):
        check(path in result.stdout, f'{path} not listed')
    as_json = run('list', site, '--json')
    check(as_json.returncode == 0, as_json.stderr)
    posts = json.loads(as_json.stdout)
    check(len(posts) == len(list(post_paths(site))), 'not every post in the JSON')
    keys = {'path', 'title', 'date', 'author', 'tags', 'categories', 'event', 'state', 'error', 'words',
            'layout', 'authors', 'day', 'collection', 'skipped', 'date_problem', 'draft', 'published',
            'future', 'builds', 'inherited'}
    check(all(set(post) == keys for post in posts), posts[0])
    test_post = next(post for post in posts if post['path'] == 'test-post.md')
    check(test_post['state'] == 'unpublished', test_post)


@test
def list_json_counts_words(site):
    post = os.path.join(site, '_posts', '2020-02-02-counted.md')
    write(post, b'---\ntitle: Many words not counted\n---\n# Hello there\n\n'
                b'See [the docs](https://example.org/a/long/path) now.\n\n```\ncode not counted\n```\n')
    posts = json.loads(run('list', '--json', site).stdout)
    counted = next(p for p in posts if p['path'].endswith('2020-02-02-counted.md'))
    # Hello there / See the docs now.
    check(counted['words'] == 6, counted)
    os.remove(post)


@test
def list_reports_errors(site):
    post = os.path.join(site, '_posts', '2020-01-02-broken.md')
    write(post, b'---\ntitle: [unclosed\n---\n')
    posts = json.loads(run('list', '--json', site).stdout)
    broken = next(p for p in posts if p['path'].endswith('2020-01-02-broken.md'))
    check(broken['error'] and 'line' in broken['error'], broken)
    os.remove(post)


@test
def check_finds_nothing_to_change(site):
    result = run('check', site)
    check(result.returncode == 0, result.stdout + result.stderr)
    check(' 0 would change' in result.stdout, result.stdout)


@test
def check_reports_invalid_files(site):
    post = os.path.join(site, '_posts', '2020-01-03-broken.md')
    write(post, b'---\na: b: c\n---\n')
    result = run('check', site)
    check(result.returncode == 1 and '2020-01-03-broken.md' in result.stderr, result.stderr)
    check('1 with invalid front matter' in result.stdout, result.stdout)
    os.remove(post)


def main():
    work = tempfile.mkdtemp(prefix='recap-cli-test-')
    site = os.path.join(work, 'site')
    shutil.copytree(SAMPLE_SITE, site, symlinks=True)
    write(os.path.join(site, 'test-post.md'), POST.encode())
    try:
        return tap.run(RESULTS, lambda function: function(site))
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
