#!/usr/bin/python3
"""Check that every icon the UI names is in the Adwaita icon theme this
machine has, or among the app's own icons: an icon the theme dropped
(Adwaita 48 has no emblem-system-symbolic) shows as a broken image.

Usage: check-icons.py SOURCE_ROOT

Prints one line per missing icon and exits 1 if any is missing; 77 when no
Adwaita theme is installed.
"""

import glob
import os
import re
import sys

# An icon name in a .ui property or a C string literal.
ICON = re.compile(r'(?:"|>)([a-z0-9]+(?:-[a-z0-9]+)*-symbolic)(?:"|<)')


def theme_dirs():
    data_dirs = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
    return [os.path.join(d, "icons", "Adwaita") for d in data_dirs
            if os.path.isdir(os.path.join(d, "icons", "Adwaita"))]


def names_in(root, *dirs):
    names = set()
    for d in dirs:
        for path in glob.glob(os.path.join(root, d, "**", "*"), recursive=True):
            if path.endswith((".ui", ".c")):
                with open(path, encoding="utf-8") as f:
                    names.update(ICON.findall(f.read()))
    return names


def main():
    root = sys.argv[1]
    themes = theme_dirs()
    if not themes:
        print("no Adwaita icon theme installed")
        return 77
    have = set()
    for d in themes + [os.path.join(root, "data", "icons")]:
        for path in glob.glob(os.path.join(d, "**", "*-symbolic.*"), recursive=True):
            have.add(os.path.basename(path).rsplit(".", 1)[0])
    used = names_in(root, "src/ui")
    missing = sorted(used - have)
    for name in missing:
        print(f"{name}: used in src/ui, not in {', '.join(themes)}")
    print(f"{len(used)} icons checked")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
