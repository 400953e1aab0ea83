#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One window per site: `recap OTHER-SITE` while Recap runs opens a second
window instead of replacing the first site; `recap SITE` again shows the
window it has. After Quit, Recap started without arguments opens both sites
again, one window each (settings kept in a keyfile between the runs)."""

import ast
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recap_e2e import RecapSession, fail  # noqa: E402


def n_windows(session):
    return sum(1 for i in range(session.app.get_child_count())
               if session.app.get_child_at_index(i).get_role_name() == "frame")


def wait_for_windows(session, n):
    session.wait_for(lambda: n_windows(session) == n, "%d windows (have %d)" % (n, n_windows(session)))


def saved_sites(config):
    """The open-sites setting as the keyfile backend wrote it."""
    path = os.path.join(config, "glib-2.0", "settings", "keyfile")
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.startswith("open-sites=")]
    return ast.literal_eval(lines[-1].split("=", 1)[1]) if lines else []


def main():
    with RecapSession(env={"GSETTINGS_BACKEND": "keyfile"}) as first:
        config = os.path.join(first.tmp, "config")
        other = os.path.join(first.tmp, "other-site")
        shutil.copytree(first.site, other, symlinks=True)
        env = first.environment(XDG_CONFIG_HOME=config)
        first.process.kill()
        first.process.wait()

        # Both runs below share the keyfile in @config.
        first.process = subprocess.Popen([first.binary, first.site], env=env)
        first.app = first.wait_for(first._find_app, "recap with a keyfile")
        wait_for_windows(first, 1)
        if subprocess.run([first.binary, other], env=env, timeout=30).returncode != 0:
            fail("the second recap did not hand its site over")
        wait_for_windows(first, 2)
        subprocess.run([first.binary, first.site], env=env, timeout=30, check=True)
        wait_for_windows(first, 2)

        first.press("ctrl+q")
        first.process.wait(timeout=30)
        if sorted(saved_sites(config)) != sorted([first.site, other]):
            fail("open-sites after Quit is %r" % saved_sites(config))
        first.process = subprocess.Popen([first.binary], env=env)
        first.app = first.wait_for(first._find_app, "recap started again")
        wait_for_windows(first, 2)
        if sorted(saved_sites(config)) != sorted([first.site, other]):
            fail("the restored windows show %r" % saved_sites(config))
    print("ok - one window per site, both reopened at the next start")


if __name__ == "__main__":
    main()
