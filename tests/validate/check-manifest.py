#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What Flathub asks of the manifests, checked without a runtime: the
current GNOME runtime, every source pinned (tag + commit, or sha256) with
x-checker-data in the release manifest, the app from a git tag there and
from a dir in the Devel one, cmark-gfm's tag and CMake options, and the
finish-args the README documents and no more.

Usage: check-manifest.py FLATPAK_DIR APP_ID
Prints one line per failed check and exits 1 if any failed."""

import json
import os
import re
import subprocess
import sys

HEX40 = re.compile(r"^[0-9a-f]{40}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
RUNTIME = ("org.gnome.Platform", "org.gnome.Sdk", 50)
FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
               "--share=network", "--filesystem=home"}
CMARK_OPTIONS = {"-DCMARK_STATIC=OFF", "-DCMARK_TESTS=OFF", "-DBUILD_TESTING=OFF",
                 "-DCMAKE_POLICY_VERSION_MINIMUM=3.5"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def modules_of(manifest, folder):
    for module in manifest.get("modules", []):
        if isinstance(module, str):
            module = load(os.path.join(folder, module))
        yield module
        yield from modules_of(module, folder)


def check_source(path, module, source, release):
    name = module.get("name")
    kind = source.get("type")
    if kind == "git":
        check(HEX40.match(source.get("commit", "")), f"{path}: {name}: git source without a 40-hex commit")
        check("tag" in source, f"{path}: {name}: git source without a tag")
        check("branch" not in source, f"{path}: {name}: git source follows a branch")
    elif kind in ("archive", "file"):
        check(HEX64.match(source.get("sha256", "")), f"{path}: {name}: {kind} source without sha256")
    elif kind == "dir":
        check(not release, f"{path}: {name}: a dir source in the release manifest")
    if release and kind in ("git", "archive", "file"):
        checker = source.get("x-checker-data", {})
        check(checker.get("type") in ("git", "anitya", "json", "html"),
              f"{path}: {name}: no x-checker-data")


def check_manifest(path, app_id, release):
    manifest = load(path)
    check(manifest.get("id") == app_id, f"{path}: id {manifest.get('id')!r}, expected {app_id!r}")
    check((manifest.get("runtime"), manifest.get("sdk")) == RUNTIME[:2], f"{path}: not the GNOME runtime")
    version = manifest.get("runtime-version", "")
    check(version.isdigit() and int(version) >= RUNTIME[2],
          f"{path}: runtime-version {version!r}, expected {RUNTIME[2]} or newer")
    check(set(manifest.get("finish-args", [])) == FINISH_ARGS,
          f"{path}: finish-args {manifest.get('finish-args')} differ from the documented set")

    modules = list(modules_of(manifest, os.path.dirname(path)))
    for module in modules:
        check(module.get("sources"), f"{path}: {module.get('name')}: no sources")
        for source in module.get("sources", []):
            check_source(path, module, source, release)

    by_name = {m.get("name"): m for m in modules}
    for needed in ("cmark-gfm", "libyaml", "libgit2", "libgit2-glib", "highlight.js"):
        check(needed in by_name, f"{path}: no {needed} module")
    cmark = by_name.get("cmark-gfm", {})
    cmark_source = (cmark.get("sources") or [{}])[0]
    check(cmark_source.get("tag") == "0.29.0.gfm.13", f"{path}: cmark-gfm is not tag 0.29.0.gfm.13")
    check(CMARK_OPTIONS <= set(cmark.get("config-opts", [])),
          f"{path}: cmark-gfm lacks {sorted(CMARK_OPTIONS - set(cmark.get('config-opts', [])))}")

    app = modules[-1] if modules else {}
    check(app.get("name") == "recap" and app.get("buildsystem") == "meson", f"{path}: the app is not last")
    app_source = (app.get("sources") or [{}])[0]
    if release:
        check(app_source.get("type") == "git" and re.match(r"^v\d+\.\d+\.\d+$", app_source.get("tag", "")),
              f"{path}: the app is not built from a release tag")
        check_tag(path, app_source.get("tag", ""), app_source.get("commit", ""))
    else:
        check(app_source.get("type") == "dir", f"{path}: the Devel app is not built from the checkout")
        check("-Dprofile=devel" in app.get("config-opts", []), f"{path}: the Devel app lacks -Dprofile=devel")


def check_tag(path, tag, commit):
    """In a clone that has the release tag, the manifest pins its commit.
    A copy without git or without tags (a shallow clone) cannot tell."""
    source_root = os.path.dirname(os.path.dirname(os.path.abspath(path)))
    try:
        tagged = subprocess.run(["git", "-C", source_root, "rev-parse", "--verify", "-q", tag + "^{commit}"],
                                capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return
    if tagged:
        check(tagged == commit, f"{path}: the app's commit {commit} is not {tag}'s {tagged}")


def check_readme(folder):
    """Every finish-arg and the home exception are explained."""
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    for arg in FINISH_ARGS:
        check(f"`{arg}`" in readme, f"README.md: {arg} is not explained")
    check("Exception request" in readme and "xdg-desktop-portal#567" in readme,
          "README.md: no exception request for --filesystem=home")
    check('"errors": [' in readme, "README.md: no flatpak-builder-lint output")


def main():
    folder, app_id = sys.argv[1], sys.argv[2]
    base_id = app_id.removesuffix(".Devel")
    check_manifest(os.path.join(folder, base_id + ".json"), base_id, release=True)
    check_manifest(os.path.join(folder, base_id + ".Devel.json"), base_id + ".Devel", release=False)
    check_readme(folder)
    for message in failures:
        print("FAIL:", message)
    if failures:
        return 1
    print("ok: manifests pinned, checked and documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
