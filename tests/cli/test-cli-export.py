#!/usr/bin/env python3
# test-cli-export.py: recap-cli export on a copy of the sample site (TAP output).
#
# Usage: test-cli-export.py RECAP_CLI SAMPLE_SITE
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import os
import shutil
import subprocess
import sys
import tempfile

import tap  # beside this script: the shared TAP runner

CLI = sys.argv[1]
SAMPLE_SITE = sys.argv[2]
RESULTS = []
TABLE_POST = '_posts/2022-11-03-testing-night.md'
IMAGE_POST = '_posts/2024-03-14-async-for-the-rest-of-us.md'
IMAGE = 'assets/images/meetup.png'


def run(*args):
    try:
        return subprocess.run([CLI, *args], capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        raise AssertionError(f'recap-cli {" ".join(args)} did not finish')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def test(function):
    RESULTS.append(function)
    return function


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@test
def html_to_stdout(site, work):
    result = run('export', os.path.join(site, TABLE_POST))
    check(result.returncode == 0, result.stderr)
    html = result.stdout.decode()
    check(html.startswith('<!DOCTYPE html>'), html[:100])
    check('<title>Testing night: pytest fixtures and friends</title>' in html, 'no title')
    check('<header class="front-matter"' in html, 'no header card')
    check('<table>' in html and '<td>Library app</td>' in html, 'no rendered table')
    check('--code-bg' in html and 'class="dark"' not in html, 'not the light stylesheet')
    check('<script' not in html, 'a script in the export')
    check('layout: post' not in html, 'front matter as text')


@test
def embedded_images(site, work):
    out = os.path.join(work, 'embedded.html')
    result = run('export', os.path.join(site, IMAGE_POST), '--format=html', '-o', out, '--images=embed')
    check(result.returncode == 0 and result.stdout == b'', result.stderr)
    html = read(out).decode()
    png = base64.b64encode(read(os.path.join(site, IMAGE))).decode()
    check(f'<img src="data:image/png;base64,{png}"' in html, 'image not embedded')
    check(not os.path.exists(os.path.join(work, 'embedded_files')), 'a folder for embedded images')


@test
def copied_images(site, work):
    out = os.path.join(work, 'copied report.html')
    result = run('export', os.path.join(site, IMAGE_POST), f'--output={out}', '--images=copy')
    check(result.returncode == 0, result.stderr)
    html = read(out).decode()
    check('<img src="copied%20report_files/meetup.png"' in html, html[html.find('<img'):][:120])
    copy = os.path.join(work, 'copied report_files', 'meetup.png')
    check(read(copy) == read(os.path.join(site, IMAGE)), 'copy differs')
    check(os.path.exists(os.path.join(site, IMAGE)), 'the image was moved')


@test
def liquid_baseurl_image(site, work):
    post = os.path.join(site, '_posts', '2024-06-01-liquid.md')
    with open(post, 'w') as f:
        f.write('---\ntitle: Liquid\n---\n![room]({{ site.baseurl }}/assets/images/meetup.png)\n'
                '![remote](https://example.org/x.png) ![missing](/assets/images/none.png)\n')
    html = run('export', post).stdout.decode()
    check('<img src="data:image/png;base64,' in html, 'Liquid baseurl image not embedded')
    check('<img src="https://example.org/x.png"' in html, 'remote image changed')
    check('<img src="/assets/images/none.png"' in html, 'missing image changed')


@test
def usage_errors(site, work):
    post = os.path.join(site, TABLE_POST)
    check(run('export', post, '--format=pdf').returncode == 2, '--format=pdf accepted')
    check(run('export', post, '--images=link').returncode == 2, '--images=link accepted')
    check(run('export', post, '--images=copy').returncode == 2, '--images=copy without -o accepted')
    missing = run('export', os.path.join(site, 'nope.md'))
    check(missing.returncode == 3 and b'nope.md' in missing.stderr, missing.stderr)


def main():
    work = tempfile.mkdtemp(prefix='recap-cli-export-')
    site = os.path.join(work, 'site')
    shutil.copytree(SAMPLE_SITE, site, symlinks=True)
    try:
        return tap.run(RESULTS, lambda function: function(site, work))
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    sys.exit(main())
