#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Memory of the Recap UI process (WebKit's own processes excluded) with
generated sites of 10 and N posts open, once the sidebar has loaded.

Each size runs three times: the first open of the site (no index cache
yet), the next open (cache written), and that open again at a post, so
that the preview and its WebKit processes run too. The cache lives in a
temporary XDG_CACHE_HOME, which the runs share and nothing else sees.

Per run: RSS, PSS and peak RSS (VmHWM) of the UI process; its anonymous
memory (RssAnon: heap, stacks, malloc arenas; the part the app's own data
lives in, with its peak sampled while loading) and file-backed memory
(RssFile: shared libraries, mapped index cache, fonts), and how those split
by kind of mapping: a library's anonymous part is its relocated data, the
same whatever the app does. --verbose lists the largest mappings too.

usage: bench-memory.py [--verbose] RECAP_BINARY [N]
       (run under xvfb-run and dbus-run-session)"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_MB = 80
POLL_SECONDS = 0.2
STABLE_SECONDS = 5
STABLE_KIB = 512
TIME_LIMIT_SECONDS = 300


def status(pid):
    """The kB fields of /proc/PID/status."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                fields[name] = int(value.split()[0])
    return fields


def rollup(pid):
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    return fields


def mappings(pid):
    """RSS, PSS and anonymous kB by mapped name ("[anon]" for unnamed)."""
    totals = collections.defaultdict(lambda: [0, 0, 0])
    current = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            parts = line.split()
            if "-" in parts[0] and not parts[0].endswith(":"):
                current = totals[parts[5] if len(parts) > 5 else "[anon]"]
            elif parts[0] == "Rss:":
                current[0] += int(parts[1])
            elif parts[0] == "Pss:":
                current[1] += int(parts[1])
            elif parts[0] == "Anonymous:":
                current[2] += int(parts[1])
    return totals


def kind_of(name, cache_dir):
    if name.startswith(cache_dir):
        return "index cache"
    if name in ("[anon]", "[heap]", "[stack]") or name.startswith("[anon:"):
        return "heap and anonymous"
    if ".so" in os.path.basename(name):
        return "shared libraries"
    if name.startswith(("/memfd:", "/SYSV", "/dev/shm")):
        return "shared memory"
    return "other files and special"


def children_pss(pid):
    """PSS kB of each process the app started (WebKit's), by name."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            if parent != pid:
                continue
            with open(f"/proc/{entry}/comm") as f:
                name = f.read().strip()
            found.append((name, rollup(entry).get("Pss", 0)))
        except (OSError, ValueError, IndexError):
            pass
    return found


def mb(kib):
    return f"{kib / 1024:.0f}"


def measure(binary, target, env, cache_dir, verbose):
    app = subprocess.Popen([binary, target], env=env)
    try:
        # Loading is done when the resident size stops growing.
        start = time.monotonic()
        previous, stable_since, peak_anon = -1, None, 0
        while True:
            time.sleep(POLL_SECONDS)
            now = status(app.pid)
            peak_anon = max(peak_anon, now["RssAnon"])
            if abs(now["VmRSS"] - previous) >= STABLE_KIB:
                previous, stable_since = now["VmRSS"], time.monotonic()
            elif time.monotonic() - stable_since >= STABLE_SECONDS:
                break
            if time.monotonic() - start > TIME_LIMIT_SECONDS:
                raise RuntimeError("the app never settled")
        now, roll, maps = status(app.pid), rollup(app.pid), mappings(app.pid)
        kinds = collections.defaultdict(lambda: [0, 0])
        for name, (rss, _, anon) in maps.items():
            kinds[kind_of(name, cache_dir)][0] += rss
            kinds[kind_of(name, cache_dir)][1] += anon
        webkit = children_pss(app.pid)
    finally:
        app.kill()
        app.wait()

    print(f"  RSS {mb(now['VmRSS'])} MB, PSS {mb(roll['Pss'])} MB, peak RSS {mb(now['VmHWM'])} MB; "
          f"anonymous {mb(now['RssAnon'])} MB (peak {mb(peak_anon)}, PSS {mb(roll.get('Pss_Anon', 0))}), "
          f"file-backed {mb(now['RssFile'])} MB (PSS {mb(roll.get('Pss_File', 0))}), "
          f"shared memory {mb(now['RssShmem'])} MB")
    print("    RSS (anonymous) by kind: " +
          ", ".join(f"{kind} {mb(rss)} ({mb(anon)}) MB"
                    for kind, (rss, anon) in sorted(kinds.items(), key=lambda item: -item[1][0])))
    if webkit:
        print("    not counted: " + ", ".join(f"{name} PSS {mb(pss)} MB" for name, pss in webkit))
    if verbose:
        for name, (rss, pss, anon) in sorted(maps.items(), key=lambda item: -item[1][0])[:15]:
            print(f"    {mb(rss):>5} MB RSS {mb(pss):>5} PSS {mb(anon):>5} anon  {name}")
    return now["VmHWM"], peak_anon


def first_post(site):
    posts = sorted(os.path.join(folder, name)
                   for folder, _, names in os.walk(os.path.join(site, "_posts"))
                   for name in names if name.endswith(".md"))
    return posts[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the largest mappings")
    parser.add_argument("binary")
    parser.add_argument("count", type=int, nargs="?", default=10000)
    args = parser.parse_args()

    peaks = {}
    with tempfile.TemporaryDirectory(prefix="recap-mem-") as work:
        cache_dir = os.path.join(work, "cache")
        env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo",
                   WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS="1", NO_AT_BRIDGE="1",
                   XDG_CACHE_HOME=cache_dir)
        for count in sorted({10, args.count}):
            site = os.path.join(work, f"site-{count}")
            subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen-site.py"), str(count), site],
                           check=True)
            for label, target in (("first open, no index cache", site),
                                  ("next open, from the index cache", site),
                                  ("next open, at a post (preview shown)", first_post(site))):
                print(f"UI process, {count} posts, {label}:", flush=True)
                peaks[count, label] = measure(args.binary, target, env, cache_dir, args.verbose)
                sys.stdout.flush()

    worst_rss = max(rss for rss, _ in peaks.values())
    worst_anon = max(anon for _, anon in peaks.values())
    print(f"Highest peak with up to {args.count} posts: RSS {mb(worst_rss)} MB, anonymous {mb(worst_anon)} MB "
          f"(target ≤ {TARGET_MB} MB; WebKit processes not counted)")


if __name__ == "__main__":
    main()
