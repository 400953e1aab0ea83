#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill -9 in the middle of saving a large file, again and again: the file
must always hold either all of the old or all of the new text.

recap-cli set and the recap app both save through a temporary file that is
fsynced and renamed over the post. The shim slows their writes down so that
the kill lands while the temporary file is being written."""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fault_util import fail, large_post, make_workspace, read, slow_env, temp_files  # noqa: E402
from recap_e2e import RecapSession  # noqa: E402

# Seconds from the start of recap-cli to the kill: a save takes about 1.5 s
# under the shim, so most kills land in mid-save and the last ones after it.
CLI_KILL_DELAYS = [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.1, 1.2, 1.3, 1.4, 1.6, 2.5, 4.0]
APP_ROUNDS = 3
TIMEOUT = 30


def wait_for(predicate, what):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    fail("timed out waiting for " + what)


def check_whole(path, versions, round_name):
    text = read(path)
    if text not in versions:
        fail("%s: the file is neither the old nor the new text (%d bytes)" % (round_name, len(text)))
    return versions.index(text)


def kill_cli(path, text):
    """recap-cli set, killed at a random point of each save."""
    env = dict(os.environ, **slow_env())
    outcomes = [0, 0]
    for i, delay in enumerate(CLI_KILL_DELAYS):
        old = read(path)
        new = old.replace(old.splitlines()[1], "title: Round %d" % i, 1)
        process = subprocess.Popen([os.environ["RECAP_CLI"], "set", path, "title", "Round %d" % i], env=env)
        time.sleep(delay)
        process.kill()
        process.wait()
        outcomes[check_whole(path, [old, new], "recap-cli round %d" % i)] += 1
        if not read(path).endswith(text.split("---\n", 2)[2]):
            fail("recap-cli round %d: the body changed" % i)
    print("# recap-cli: %d kills left the old text, %d the new" % tuple(outcomes))


def kill_app(site, path):
    """The app, killed while its temporary file is being written."""
    outcomes = [0, 0]
    for i in range(APP_ROUNDS):
        old = read(path)
        with RecapSession(site=path, state_home=os.path.join(site, "..", "state"), env=slow_env()) as session:
            # The whole text, front matter included (folded while the form shows it).
            session.show_yaml()
            editor = session.find(role="text", name="Editor")
            session.wait_for(lambda: session.text_of(editor).startswith(old[:40]), "the editor shows the post")
            session.focus(editor)
            session.press("ctrl+End")
            session.type_text("Round %d" % i)
            session.wait_for(lambda: session.window_title().startswith("*"), "the title shows unsaved changes")
            session.press("ctrl+s")
            wait_for(lambda: temp_files(path) or read(path) != old, "the save to start")
            session.kill()
        outcomes[check_whole(path, [old, old + "Round %d" % i], "app round %d" % i)] += 1
    print("# recap: %d kills left the old text, %d the new" % tuple(outcomes))


def main():
    tmp, site, _ = make_workspace()
    try:
        path, text = large_post(site, 4)
        kill_cli(path, text)
        # What SIGKILL leaves behind: temporary files, never a damaged post...
        print("# temporary files the killed recap-cli runs left: %d" % len(temp_files(path)))
        small_path, _ = large_post(site, 2)
        kill_app(site, small_path)
        # ...which the next start of the app removes, as their processes are gone.
        with RecapSession(site=small_path, state_home=os.path.join(site, "..", "state")) as session:
            session.show_yaml()
            editor = session.find(role="text", name="Editor")
            session.wait_for(lambda: session.text_of(editor).startswith(read(small_path)[:40]),
                             "the editor shows the post")
            if temp_files(small_path):
                fail("the app's start left stale temporary files: %s" % temp_files(small_path))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok - kill -9 during saves leaves the old or the new file, whole")


if __name__ == "__main__":
    main()
