#!/usr/bin/env python3
# test-oracle.py: Jekyll itself as the oracle. Builds each fixture site of
# tests/oracle/sites with Debian's jekyll and the _plugins/dump.rb plugin,
# then compares what Jekyll read of every markdown file, field by field,
# with `recap-cli list --json`, and prints the per-field agreement table.
# Exit 77 (skipped) only when jekyll is not installed.
#
# usage: test-oracle.py RECAP_CLI SITES_DIR DUMP_RB
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later

import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile

recap_cli, sites_dir, dump_rb = sys.argv[1:4]

# Fields compared for documents (posts, drafts, collections) and for pages:
# Jekyll gives pages no title, date, categories or tags.
DOC_FIELDS = ['collection', 'title', 'layout', 'author', 'authors', 'categories', 'tags',
              'date', 'day', 'draft', 'published', 'future', 'builds', 'inherited']
PAGE_FIELDS = ['collection', 'layout', 'author', 'published', 'builds', 'inherited']

# Differences kept on purpose: (site, path pattern, field, reason).
KEPT = [
    ('zoned', '_posts/2024-03-17-heading-title.md', 'title',
     'without a title Recap shows the first H1 (what jekyll-titles-from-headings and the '
     'preview show); plain Jekyll titleizes the slug, which Recap uses only without an H1'),
    ('zoned', '_drafts/undated-idea.md', 'date',
     'an undated draft: Jekyll dates it by the file\'s modification time at each build; '
     'Recap leaves it undated rather than invent a date that changes on every save'),
    ('zoned', '_drafts/undated-idea.md', 'day', 'as date'),
    ('plain', 'coll/_recipes/soup.md', 'date',
     'an undated collection document: Jekyll dates it by the time of the build; '
     'Recap leaves it undated'),
    ('plain', 'coll/_recipes/soup.md', 'day', 'as date'),
]

# The zone of the machine for sites without `timezone:` (the same for both).
RUN_ZONE = 'Asia/Tokyo'


def kept(site, path, field):
    return any(s == site and fnmatch.fnmatch(path, p) and f == field for s, p, f, _ in KEPT)


def run_jekyll(source, out_json, env):
    dest = tempfile.mkdtemp(prefix='oracle-site-')
    try:
        result = subprocess.run(['jekyll', 'build', '--quiet', '-s', source, '-d', dest],
                                env=dict(env, ORACLE_OUT=out_json), capture_output=True, text=True)
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    if result.returncode != 0:
        sys.exit(f'jekyll build failed for {source}:\n{result.stdout}{result.stderr}')
    with open(out_json, encoding='utf-8') as f:
        return {entry['path']: entry for entry in json.load(f)}


def run_recap(source, env):
    result = subprocess.run([recap_cli, 'list', '--json', source], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'recap-cli list failed for {source}:\n{result.stderr}')
    return {entry['path']: entry for entry in json.loads(result.stdout)}


def compare_site(site, jekyll, recap, table, failures):
    for path, want in sorted(jekyll.items()):
        got = recap.get(path)
        if got is None:
            failures.append(f'{site}/{path}: Jekyll reads it, recap-cli does not list it')
            continue
        if want['collection'] is None:
            fields = ['collection']
        else:
            fields = DOC_FIELDS if want['collection'] != 'pages' else PAGE_FIELDS
        for field in fields:
            row = table.setdefault(field, [0, 0, 0])
            row[0] += 1
            if got.get(field) == want.get(field):
                row[1] += 1
            elif kept(site, path, field):
                row[2] += 1
            else:
                failures.append(f'{site}/{path}: {field}: Jekyll {want.get(field)!r}, Recap {got.get(field)!r}')
    # What Recap lists as a document must be one for Jekyll too.
    for path, got in sorted(recap.items()):
        if got['collection'] is not None and path not in jekyll:
            failures.append(f'{site}/{path}: recap-cli says {got["collection"]}, Jekyll does not read it')


def main():
    if shutil.which('jekyll') is None:
        print('jekyll is not installed (apt-get install jekyll): skipped')
        return 77
    env = dict(os.environ, TZ=RUN_ZONE, LC_ALL='C.UTF-8', JEKYLL_ENV='development')
    table, failures = {}, []
    with tempfile.TemporaryDirectory(prefix='oracle-') as tmp:
        for site in sorted(os.listdir(sites_dir)):
            source = os.path.join(tmp, site)
            shutil.copytree(os.path.join(sites_dir, site), source)
            os.makedirs(os.path.join(source, '_plugins'))
            shutil.copy(dump_rb, os.path.join(source, '_plugins'))
            jekyll = run_jekyll(source, os.path.join(tmp, site + '.json'), env)
            recap = run_recap(source, env)
            compare_site(site, jekyll, recap, table, failures)

    print(f'{"field":<12} {"files":>6} {"agree":>6} {"kept":>5}')
    for field in DOC_FIELDS:
        total, agree, kept_count = table.get(field, [0, 0, 0])
        print(f'{field:<12} {total:>6} {agree:>6} {kept_count:>5}')
    for site, path, field, reason in KEPT:
        print(f'kept: {site}/{path} {field}: {reason}')
    for failure in failures:
        print('FAIL', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
