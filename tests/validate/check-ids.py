#!/usr/bin/python3
"""Check that the app id and command agree across the Flatpak manifest, the
desktop file and the AppStream metainfo, and that the manifest pins its
third-party sources by commit.

Usage: check-ids.py --app-id ID --manifest FILE.json --desktop FILE.desktop
                    --metainfo FILE.metainfo.xml

Prints one line per failed check and exits 1 if any failed.
"""

import argparse
import configparser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

COMMAND = "recap"
CMARK_URL = "https://github.com/github/cmark-gfm.git"
HEX40 = re.compile(r"^[0-9a-f]{40}$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def iter_modules(modules, folder):
    """Yield every module object, including nested ones and those in the
    module files that string entries name (relative to @folder)."""
    for module in modules:
        if isinstance(module, str):
            path = os.path.join(folder, module)
            with open(path, encoding="utf-8") as f:
                module = json.load(f)
            folder_of_module = os.path.dirname(path)
        else:
            folder_of_module = folder
        yield module
        yield from iter_modules(module.get("modules", []), folder_of_module)


def check_manifest(path, app_id):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check(False, f"{path}: cannot parse as JSON: {e}")
        return

    check(isinstance(manifest, dict), f"{path}: top level is not an object")
    if not isinstance(manifest, dict):
        return

    manifest_id = manifest.get("id", manifest.get("app-id"))
    check(manifest_id == app_id,
          f"{path}: id is {manifest_id!r}, expected {app_id!r}")
    check(os.path.basename(path) == app_id + ".json",
          f"{path}: file name does not match the app id {app_id!r}")
    check(manifest.get("command") == COMMAND,
          f"{path}: command is {manifest.get('command')!r}, expected {COMMAND!r}")

    try:
        modules = list(iter_modules(manifest.get("modules", []), os.path.dirname(path)))
    except (OSError, ValueError) as e:
        check(False, f"{path}: a module file cannot be read: {e}")
        return
    check(modules, f"{path}: no modules")

    cmark_sources = []
    for module in modules:
        name = module.get("name", "?")
        for source in module.get("sources", []):
            if not isinstance(source, dict) or source.get("type") != "git":
                continue
            commit = source.get("commit", "")
            check(HEX40.match(commit) is not None,
                  f"{path}: module {name}: git source {source.get('url')!r} "
                  f"is not pinned by a 40-hex commit (commit={commit!r})")
            check("branch" not in source,
                  f"{path}: module {name}: git source follows a branch")
            if source.get("url") == CMARK_URL:
                cmark_sources.append(source)

    check(len(cmark_sources) == 1,
          f"{path}: expected exactly one git source from {CMARK_URL}, "
          f"found {len(cmark_sources)}")

    if modules:
        last = modules[-1]
        check(last.get("buildsystem") == "meson",
              f"{path}: the last module ({last.get('name')!r}) should be the "
              f"app, built with meson")


def check_desktop(path, app_id):
    check(os.path.basename(path) == app_id + ".desktop",
          f"{path}: desktop file name is not {app_id}.desktop")

    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case sensitive
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    except (OSError, configparser.Error) as e:
        check(False, f"{path}: cannot parse: {e}")
        return

    if not check(parser.has_section("Desktop Entry"),
                 f"{path}: no [Desktop Entry] group"):
        return
    entry = parser["Desktop Entry"]
    check(entry.get("Icon") == app_id,
          f"{path}: Icon is {entry.get('Icon')!r}, expected {app_id!r}")
    exec_line = entry.get("Exec", "")
    check(exec_line.split()[:1] == [COMMAND],
          f"{path}: Exec is {exec_line!r}, expected it to run {COMMAND!r}")


def check_metainfo(path, app_id):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, f"{path}: cannot parse as XML: {e}")
        return

    check(root.tag == "component" and root.get("type") == "desktop-application",
          f"{path}: root is not <component type=\"desktop-application\">")
    check(root.findtext("id") == app_id,
          f"{path}: <id> is {root.findtext('id')!r}, expected {app_id!r}")

    launchables = [node.text for node in root.findall("launchable")
                   if node.get("type") == "desktop-id"]
    check(launchables == [app_id + ".desktop"],
          f"{path}: <launchable type=\"desktop-id\"> is {launchables!r}, "
          f"expected [{app_id + '.desktop'!r}]")

    binaries = [b.text for b in root.findall("provides/binary")]
    check(COMMAND in binaries,
          f"{path}: <provides> does not list the binary {COMMAND!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--app-id", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--desktop", required=True)
    ap.add_argument("--metainfo", required=True)
    args = ap.parse_args()

    check_manifest(args.manifest, args.app_id)
    check_desktop(args.desktop, args.app_id)
    check_metainfo(args.metainfo, args.app_id)

    for message in failures:
        print("FAIL:", message)
    if failures:
        return 1
    print("ok: app id, command and source pins agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
