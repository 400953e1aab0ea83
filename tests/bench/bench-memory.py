#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Memory of the Recap UI process (WebKit's own processes excluded) with a
generated site of N posts open, once its sidebar has loaded. Prints figures.

usage: bench-memory.py RECAP_BINARY [N]   (run under xvfb-run and dbus-run-session)"""

import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def kib(pid, field, path="status"):
    with open(f"/proc/{pid}/{path}") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    with tempfile.TemporaryDirectory(prefix="recap-mem-") as site:
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen-site.py"), str(count), site], check=True)
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo",
                   WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS="1", NO_AT_BRIDGE="1")
        app = subprocess.Popen([binary, site], env=env)
        try:
            # Loading is done when the resident size stops growing.
            previous, stable = -1, 0
            while stable < 5:
                time.sleep(1)
                rss = kib(app.pid, "VmRSS")
                stable = stable + 1 if abs(rss - previous) < 512 else 0
                previous = rss
            pss = kib(app.pid, "Pss", "smaps_rollup")
            peak = kib(app.pid, "VmHWM")
            print(f"UI process with {count} posts: RSS {rss / 1024:.0f} MB, PSS {pss / 1024:.0f} MB, "
                  f"peak RSS {peak / 1024:.0f} MB (target ≤ 80 MB; WebKit processes not counted)")
        finally:
            app.kill()
            app.wait()


if __name__ == "__main__":
    main()
