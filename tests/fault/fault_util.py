# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the fault tests that drive the real recap and recap-cli."""

import glob
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))

from recap_e2e import fail  # noqa: E402,F401

# Writes to paths with this in them crawl under the shim (see fault-shim.c).
SLOW_MARK = "/slow-disk/"


def slow_env():
    """Environment for a child whose saves take long enough to be killed in."""
    return {"LD_PRELOAD": os.environ["RECAP_FAULT_SHIM"], "RECAP_FAULT_SLOW": SLOW_MARK}


def make_workspace():
    """A folder with a copy of the sample site under SLOW_MARK and a state folder."""
    tmp = tempfile.mkdtemp(prefix="recap-fault-")
    site = os.path.join(tmp, SLOW_MARK.strip("/"), "site")
    shutil.copytree(os.environ["RECAP_SAMPLE_SITE"], site, symlinks=True)
    return tmp, site, os.path.join(tmp, "state")


def large_post(site, megabytes):
    """Writes a post of about @megabytes MB; returns its path and text."""
    path = os.path.join(site, "_posts", "2024-06-01-conference-log.md")
    line = "A line of the conference log, kept long so that saving takes a while.\n"
    text = "---\ntitle: Conference log\n---\n" + line * (megabytes * 1024 * 1024 // len(line))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path, text


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def temp_files(path):
    """The temporary files an atomic save of @path creates next to it."""
    folder, name = os.path.split(path)
    return glob.glob(os.path.join(folder, "." + name + ".*"))
