#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What python-frontmatter does for a site: walk it, split each file's
front matter and load it with PyYAML's C loader. Prints the seconds taken.

usage: python-frontmatter-baseline.py DIR"""

import os
import sys
import time

import yaml

SKIP = {"_site", "node_modules", "vendor", "_layouts", "_includes", "_sass"}


def split(text):
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    return text[3:end] if end >= 0 else None


def main():
    start = time.perf_counter()
    count = 0
    for folder, dirs, files in os.walk(sys.argv[1]):
        dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".")]
        for name in files:
            if name.endswith((".md", ".markdown")):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                yaml_text = split(text)
                if yaml_text is not None:
                    yaml.load(yaml_text, Loader=yaml.CSafeLoader)
                count += 1
    print(f"{time.perf_counter() - start:.6f} {count}")


if __name__ == "__main__":
    main()
