#!/usr/bin/env python3
# check-translations.py: every language in po/LINGUAS is complete.
#
# Extracts the messages of po/POTFILES.in afresh (the keywords of meson's
# "glib" gettext preset), merges each po/LANG.po with them and asks msgfmt
# for statistics: a string added to the sources and not translated, or a
# translation left fuzzy, fails here. The merged desktop file and metainfo
# must carry each language too.
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']


def extract(source_root, pot):
    with open(os.path.join(source_root, 'po', 'POTFILES.in')) as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '-o', pot]
                   + ['--keyword=' + k for k in KEYWORDS] + files,
                   cwd=source_root, check=True)


def statistics(po, pot):
    with tempfile.NamedTemporaryFile(suffix='.po') as merged:
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged.name, po, pot],
                       check=True)
        result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged.name],
                                capture_output=True, text=True, check=True,
                                env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    return result.stderr.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--desktop', required=True)
    parser.add_argument('--metainfo', required=True)
    args = parser.parse_args()

    with open(os.path.join(args.source_root, 'po', 'LINGUAS')) as f:
        languages = [w for line in f for w in line.split('#')[0].split()]
    failures = []
    if len(languages) < 2:
        failures.append(f'po/LINGUAS lists {languages}: German and Spanish at least')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'recap.pot')
        extract(args.source_root, pot)
        for lang in languages:
            stats = statistics(os.path.join(args.source_root, 'po', lang + '.po'), pot)
            print(f'{lang}: {stats}')
            if 'untranslated' in stats or 'fuzzy' in stats:
                failures.append(f'{lang}: {stats}')

    desktop = open(args.desktop, encoding='utf-8').read()
    metainfo = open(args.metainfo, encoding='utf-8').read()
    for lang in languages:
        if not re.search(rf'^Comment\[{lang}\]=', desktop, re.M):
            failures.append(f'{args.desktop}: no Comment[{lang}]')
        if f'<summary xml:lang="{lang}">' not in metainfo:
            failures.append(f'{args.metainfo}: no summary in {lang}')

    for failure in failures:
        print('FAIL:', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
