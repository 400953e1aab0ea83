#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A user story through the accessibility tree: open a post, find a word
with Ctrl+F, replace it everywhere with Ctrl+H and Replace All, type a list
that Enter continues and ends, paste an image another program copied, save,
and find exactly that in the file and the image in the site."""

import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from recap_e2e import RecapSession, fail  # noqa: E402

POST = "_posts/2022-11-03-testing-night.md"
TYPED = "\n- first item\nsecond item\n\n\nAfter the list."
LIST = "\n- first item\n- second item\n\nAfter the list."


def png_bytes():
    """A 4×4 red PNG, written by hand: no imaging library needed."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    rows = b"".join(b"\0" + b"\xff\0\0" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def copy_image_to_clipboard(png):
    """Another program (xclip) owns the clipboard with @png as image/png
    until it is stopped."""
    path = os.path.join(tempfile.mkdtemp(prefix="recap-e2e-png-"), "slide.png")
    with open(path, "wb") as f:
        f.write(png)
    return subprocess.Popen(["xclip", "-quiet", "-selection", "clipboard", "-t", "image/png", "-i", path],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    with RecapSession() as session:
        original = session.read(POST)
        if original.count("fixture") != 4 or not original.endswith("\n"):
            fail("the sample post changed; update this test")
        expected = original.replace("fixture", "helper") + LIST

        session.open_post(session.post_title(POST))
        session.show_yaml()
        editor = session.find(role="text", name="Editor")
        session.wait_for(lambda: session.text_of(editor) == original, "the editor shows the post")
        session.focus(editor)

        session.press("ctrl+f")
        find = session.find(name="Find")
        session.wait_for(lambda: find.get_state_set().contains(Atspi.StateType.FOCUSED), "the focus in the find entry")
        session.type_text("fixture")
        session.find(role="label", contains="of 4")
        if session.text_of(editor) != original:
            fail("finding changed the post")

        session.press("ctrl+h")
        replace = session.find(name="Replace With")
        session.focus(replace)
        session.type_text("helper")
        session.activate(session.find(role="push button", contains="All"))
        session.wait_for(lambda: session.text_of(editor) == original.replace("fixture", "helper"),
                         "every match replaced in the editor")
        session.screenshot("find-replace-story")

        # The image goes on the clipboard before the list is typed: GTK asks the
        # new owner for its formats asynchronously, and a Ctrl+V right after the
        # owner changed found the old formats under load (seen once in five runs).
        png = png_bytes()
        owner = copy_image_to_clipboard(png)
        try:
            session.wait_for(lambda: b"image/png" in subprocess.run(
                                 ["xclip", "-selection", "clipboard", "-o", "-t", "TARGETS"],
                                 capture_output=True, stdin=subprocess.DEVNULL).stdout,
                             "the image on the clipboard")
            session.press("Escape")
            session.wait_for(lambda: editor.get_state_set().contains(Atspi.StateType.FOCUSED),
                             "the focus back in the editor")
            session.press("ctrl+End")
            session.type_text(TYPED)
            session.wait_for(lambda: session.text_of(editor) == expected,
                             "the list continued and ended in the editor")
            session.press("ctrl+v")
            link = re.compile(r"\s*!\[(\w*)\]\((/assets/images/[\w.-]+\.png)\)\s*")
            session.wait_for(lambda: session.text_of(editor).startswith(expected)
                             and link.fullmatch(session.text_of(editor)[len(expected):]),
                             "the pasted image's link after the list")
        finally:
            owner.terminate()
            owner.wait()
        session.type_text("Slide")
        session.wait_for(lambda: "![Slide](" in session.text_of(editor), "the alt text typed in the link")

        session.press("ctrl+s")
        session.wait_for(lambda: link.fullmatch(session.read(POST)[len(expected):]) is not None
                         and session.read(POST).startswith(expected),
                         "the file on disk with the replacements, the list and the image")
        saved = link.fullmatch(session.read(POST)[len(expected):])
        if saved.group(1) != "Slide":
            fail("the alt text is %r" % saved.group(1))
        # A pasted texture is written again as PNG: the same 4×4 image, not the same bytes.
        with open(session.path(saved.group(2).lstrip("/")), "rb") as f:
            copied = f.read()
        if copied[:8] != png[:8] or copied[16:24] != png[16:24]:
            fail("the copied image is not the pasted 4×4 PNG")
    print("ok - find, replace everywhere, a continued list, a pasted image, saved")


if __name__ == "__main__":
    main()
