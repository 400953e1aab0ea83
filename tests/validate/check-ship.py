#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME and Flathub conventions of what `meson install` ships:
metainfo (summary of at most 35 characters, display_length, a release with
notes for every NEWS version, the URLs, screenshots at a release tag),
desktop file (DBusActivatable with its D-Bus service, one main category),
the files installed (man pages, completion, service), and the documented
command lines (recap --help, recap-cli --help and its exit statuses).

Usage: check-ship.py --build-root DIR --source-root DIR --app-id ID
                     --version V --recap PATH --recap-cli PATH
Prints one line per failed check and exits 1 if any failed."""

import argparse
import configparser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
                   "Network", "Office", "Science", "Settings", "System", "Utility"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def check_metainfo(path, version, news_versions):
    root = ET.parse(path).getroot()
    summary = root.findtext("summary", "")
    check(0 < len(summary) <= 35, f"metainfo: summary {summary!r} is {len(summary)} characters, more than 35")
    lengths = [int(n.text) for n in root.findall("requires/display_length") + root.findall("recommends/display_length")]
    check(lengths and all(n >= 360 for n in lengths), f"metainfo: display_length {lengths}")
    urls = {u.get("type"): u.text for u in root.findall("url")}
    for kind in ("homepage", "bugtracker", "vcs-browser", "contribute", "translate"):
        check(kind in urls, f"metainfo: no <url type=\"{kind}\">")
    releases = root.findall("releases/release")
    release_versions = [r.get("version") for r in releases]
    check(release_versions and release_versions[0] == version,
          f"metainfo: newest release {release_versions[:1]} is not the project's {version}")
    check(release_versions == news_versions,
          f"metainfo: releases {release_versions} differ from NEWS {news_versions}")
    for release in releases:
        check(release.find("description") is not None and release.get("date"),
              f"metainfo: release {release.get('version')} has no notes or date")
    for image in root.findall("screenshots/screenshot/image"):
        check(re.search(r"/v\d+\.\d+\.\d+/", image.text or "") is not None,
              f"metainfo: screenshot {image.text} is not addressed at a release tag")


def read_desktop(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return parser


def check_desktop(path, service_path, app_id):
    entry = read_desktop(path)["Desktop Entry"]
    check(entry.get("DBusActivatable") == "true", "desktop: DBusActivatable is not true")
    main = [c for c in entry.get("Categories", "").split(";") if c in MAIN_CATEGORIES]
    check(len(main) == 1, f"desktop: main categories {main}, expected one")
    service = read_desktop(service_path)["D-BUS Service"]
    check(service.get("Name") == app_id, f"service: Name {service.get('Name')!r}")
    check(service.get("Exec", "").endswith("/recap --gapplication-service"), f"service: Exec {service.get('Exec')!r}")


def check_installed(build_root, app_id):
    out = subprocess.run(["meson", "introspect", "--installed", build_root],
                         capture_output=True, text=True, check=True).stdout
    installed = [path.replace(os.sep, "/") for path in json.loads(out).values()]
    wanted = ["/share/man/man1/recap.1", "/share/man/man1/recap-cli.1", "/completions/recap-cli",
              f"/share/dbus-1/services/{app_id}.service", f"/share/applications/{app_id}.desktop",
              f"/share/icons/hicolor/scalable/apps/{app_id}.svg", "/bin/recap", "/bin/recap-cli"]
    for suffix in wanted:
        check(any(path.endswith(suffix) for path in installed), f"install: nothing ends with {suffix}")


def check_man_pages(source_root):
    with open(os.path.join(source_root, "doc", "recap-cli.1"), encoding="utf-8") as f:
        man = f.read()
    status = man.split(".SH EXIT STATUS", 1)[-1].split(".SH ", 1)[0]
    for code in "0123":
        check(f".B {code}\n" in status, f"recap-cli.1: exit status {code} is not documented")


def check_command_lines(recap, recap_cli, version):
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR="/nonexistent")
    help_text = subprocess.run([recap, "--help"], capture_output=True, text=True, env=env).stdout
    for needed in ("[FOLDER|FILE…]", "--version", "--new-window"):
        check(needed in help_text, f"recap --help lacks {needed}")
    shown = subprocess.run([recap, "--version"], capture_output=True, text=True, env=env)
    check(shown.returncode == 0 and shown.stdout.strip() == f"recap {version}", f"recap --version: {shown.stdout!r}")
    missing = subprocess.run([recap], capture_output=True, text=True, env=env, timeout=30)
    check(missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
          and "schema" in missing.stderr and "meson devenv" in missing.stderr,
          f"recap without its schema: status {missing.returncode}, {missing.stderr!r}")
    shown = subprocess.run([recap_cli, "--version"], capture_output=True, text=True)
    check(shown.returncode == 0 and shown.stdout.strip() == f"recap-cli {version}", f"recap-cli --version: {shown.stdout!r}")
    usage = " ".join(subprocess.run([recap_cli, "--help"], capture_output=True, text=True).stdout.split())
    for code, meaning in (("0", "success"), ("1", "problems were found"), ("2", "usage error"),
                          ("3", "could not be read or written")):
        check(re.search(rf"\b{code}\b[^,]*{meaning}", usage) is not None, f"recap-cli --help: exit status {code}")
    check(subprocess.run([recap_cli, "no-such-command"], capture_output=True).returncode == 2,
          "recap-cli: an unknown command is not exit status 2")


def news_versions(source_root):
    with open(os.path.join(source_root, "NEWS"), encoding="utf-8") as f:
        return re.findall(r"^Recap (\d+\.\d+\.\d+) \(\d{4}-\d{2}-\d{2}\)$", f.read(), re.M)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("build-root", "source-root", "app-id", "version", "recap", "recap-cli"):
        ap.add_argument("--" + name, required=True)
    args = ap.parse_args()
    data = os.path.join(args.build_root, "data")
    check(os.path.exists(os.path.join(args.source_root, "COPYING")), "no COPYING")
    check_metainfo(os.path.join(data, args.app_id + ".metainfo.xml"), args.version, news_versions(args.source_root))
    check_desktop(os.path.join(data, args.app_id + ".desktop"), os.path.join(data, args.app_id + ".service"),
                  args.app_id)
    check_installed(args.build_root, args.app_id)
    check_man_pages(args.source_root)
    check_command_lines(args.recap, args.recap_cli, args.version)
    for message in failures:
        print("FAIL:", message)
    if failures:
        return 1
    print("ok: metainfo, desktop file, installed files and command lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
