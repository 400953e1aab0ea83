#!/usr/bin/env python3
# check-set-title.py: `recap-cli set FILE title …` on every post of a copy of
# a site must change the bytes of the title entry and nothing else.
#
# Usage: check-set-title.py RECAP_CLI SITE_DIR [TITLE]
# Works on a temporary copy; SITE_DIR is never written. Prints the counts;
# exits 1 when any file changed outside its title entry.
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile

TITLE_KEY = re.compile(rb'^(title|"title"|\'title\')[ \t]*:')
FENCE = re.compile(rb'^(---|\.\.\.)[ \t\r]*$')


def front_matter_lines(data):
    """Lines (with their offsets) between the fences, or None."""
    body = data[3:] if data.startswith(b'\xef\xbb\xbf') else data
    start = len(data) - len(body)
    lines = body.splitlines(keepends=True)
    if not lines or not re.match(rb'^---[ \t\r]*\n', lines[0]):
        return None
    result, offset = [], start + len(lines[0])
    for line in lines[1:]:
        if FENCE.match(line.rstrip(b'\n')):
            return result, offset
        result.append((offset, line))
        offset += len(line)
    return None


def title_entry_span(data):
    """Byte span of the last top-level title entry (the one Jekyll reads)."""
    found = front_matter_lines(data)
    if found is None:
        return None
    lines, _ = found
    span, inside = None, False
    for offset, line in lines:
        if line[:1] not in (b' ', b'\t', b'\r', b'\n'):
            inside = TITLE_KEY.match(line) is not None
            if inside:
                span = [offset, offset]
        if inside:
            span[1] = offset + len(line)
    return span


def changed_region(old, new):
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(old), len(new)) - prefix and
           old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
        suffix += 1
    return prefix, len(old) - suffix, new[prefix:len(new) - suffix]


def only_title_changed(old, new):
    start, end, inserted = changed_region(old, new)
    span = title_entry_span(old)
    if span is not None:
        return span[0] <= start and end <= span[1]
    # A new title line (or a new block) is a pure insertion.
    return start == end and b'title:' in inserted


def main():
    cli, site = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else 'Recap: a "new" title #1 — ünïcode'
    work = tempfile.mkdtemp(prefix='recap-set-title-')
    copy = os.path.join(work, 'site')
    shutil.copytree(site, copy, symlinks=True)
    counts = {'files': 0, 'title only': 0, 'refused (file unchanged)': 0, 'bad': 0}
    try:
        for root, _, names in os.walk(copy):
            for name in sorted(names):
                if not name.endswith(('.md', '.markdown')):
                    continue
                path = os.path.join(root, name)
                counts['files'] += 1
                with open(path, 'rb') as f:
                    old = f.read()
                run = subprocess.run([cli, 'set', path, 'title', title], capture_output=True)
                with open(path, 'rb') as f:
                    new = f.read()
                got = subprocess.run([cli, 'get', path, 'title'], capture_output=True)
                rel = os.path.relpath(path, copy)
                if run.returncode != 0 and new == old:
                    counts['refused (file unchanged)'] += 1
                    print(f'refused: {rel}: {run.stderr.decode().strip()}')
                elif (run.returncode == 0 and only_title_changed(old, new) and
                      got.stdout.decode() == title + '\n'):
                    counts['title only'] += 1
                else:
                    counts['bad'] += 1
                    print(f'BAD: {rel}: rc={run.returncode} {run.stderr.decode().strip()}')
    finally:
        shutil.rmtree(work)
    print(', '.join(f'{key}: {value}' for key, value in counts.items()))
    return 1 if counts['bad'] else 0


if __name__ == '__main__':
    sys.exit(main())
