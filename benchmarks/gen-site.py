#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic Jekyll site of N posts in the shapes real meetup sites
use (flow and block tag lists, quoted titles, dates with zones, events,
nested seo maps, drafts, loose notes), deterministic for a given seed.

usage: gen-site.py N DIR [--seed S]"""

import argparse
import os
import random

WORDS = ("python meetup talk speaker pizza sprint testing packaging async "
         "community newcomer slides demo library venue lightning pytest django "
         "data notebook review conference keynote hallway volunteer wheel "
         "typing fixtures deploy docker cloud question answer workshop").split()
TAGS = ["python", "Python", "meetup", "pycon", "PyCon", "django", "testing",
        "packaging", "asyncio", "data", "community", "sprints", "lightning-talks"]
AUTHORS = ["ana", "dev-patel", "rivka-stein", "marta-okafor", "Zoë Lindqvist", "tomasz"]
EVENTS = [f"Lakeside Python {m} {y}" for y in range(2015, 2026)
          for m in ("January", "March", "May", "September", "November")]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def body(rng):
    parts = []
    for _ in range(rng.randint(4, 9)):
        kind = rng.random()
        if kind < 0.15:
            parts.append("## " + sentence(rng, 4)[:-1])
        elif kind < 0.3:
            parts.append("\n".join("- " + sentence(rng, 6) for _ in range(rng.randint(2, 5))))
        elif kind < 0.35:
            parts.append("```python\nimport asyncio\nprint('hello')\n```")
        else:
            parts.append(" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5))))
    return "\n\n".join(parts) + "\n"


def front_matter(rng, title, date):
    tags = rng.sample(TAGS, rng.randint(1, 4))
    lines = ["---", "layout: post", f'title:  "{title}"',
             f"date:   {date} 19:00:00 -0{rng.randint(4, 6)}00",
             f"author: {rng.choice(AUTHORS)}"]
    if rng.random() < 0.5:
        lines.append("tags: [" + ", ".join(tags) + "]")
    else:
        lines.append("tags:")
        lines.extend("  - " + t for t in tags)
    lines.append("categories: [ meetup, talks ]")
    if rng.random() < 0.7:
        lines.append(f'event: "{rng.choice(EVENTS)}"')
    if rng.random() < 0.2:
        lines += ["seo:", "  type: Article"]
    if rng.random() < 0.05:
        lines.append("published: false")
    lines.append("---")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("dir")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for sub in ("_posts", "_drafts", "notes", "_layouts"):
        os.makedirs(os.path.join(args.dir, sub), exist_ok=True)
    with open(os.path.join(args.dir, "_config.yml"), "w") as f:
        f.write("title: Synthetic site\n")
    for layout in ("default", "post"):
        with open(os.path.join(args.dir, "_layouts", layout + ".html"), "w") as f:
            f.write("{{ content }}\n")
    for i in range(args.count):
        year = 2015 + i % 11
        date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        title = sentence(rng, rng.randint(3, 8))[:-1]
        kind = rng.random()
        if kind < 0.03:
            path = os.path.join(args.dir, "_drafts", f"draft-{i}.md")
        elif kind < 0.06:
            path = os.path.join(args.dir, "notes", f"note-{i}.md")
        else:
            path = os.path.join(args.dir, "_posts", str(year), f"{date}-post-{i}.md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            if kind >= 0.03 and kind < 0.06:
                f.write(f"# {title}\n\n" + body(rng))
            else:
                f.write(front_matter(rng, title, date) + "\n" + body(rng))


if __name__ == "__main__":
    main()
