/* preview.js: Recap's side of the preview page.
 *
 * Injected as a user script into Recap's own script world (as is
 * highlight.js, once code needs it): markup scripts never run, and a page
 * script could not reach these functions anyway.
 * Lines are 1-based document lines, with a fraction for the part of the
 * line above the top of the view.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
'use strict';

var recap = (() => {
  /* A scroll this many frames after input in the page is the user's (half
   * a second at 60 Hz). Frames, not milliseconds: on a busy machine the
   * scroll event comes late, and so do the frames. */
  const USER_SCROLL_FRAMES = 30;

  let positions = '';
  let blocks = null;
  let framesSinceInput = Infinity;
  let countingFrames = false;

  /* The elements marked with data-sourcepos, in document order, with their
   * lines from @positions ("start-end,…"): the lines stay out of the markup,
   * so that a block that only moved is not replaced. Built when needed. */
  function sourceBlocks () {
    if (blocks === null) {
      const spans = positions ? positions.split (',') : [];
      const elements = document.querySelectorAll ('#content [data-sourcepos]');
      blocks = [];
      for (let i = 0; i < Math.min (spans.length, elements.length); i++) {
        const [start, end] = spans[i].split ('-').map (Number);
        blocks.push ({ start, end: end + 1, element: elements[i] });
      }
    }
    return blocks;
  }

  /* The two scales of a block: its source lines and its pixels on the page. */
  const lines = block => [block.start, block.end];
  const pixels = block => {
    const rect = block.element.getBoundingClientRect ();
    return [rect.top + window.scrollY, rect.bottom + window.scrollY];
  };

  /* Index of the last block for which before (block) holds, or -1. */
  function lastBlock (list, before) {
    let low = 0, high = list.length - 1, found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (before (list[middle])) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /* Maps @value from [from0, from1] to [to0, to1]. */
  function interpolate (value, from0, from1, to0, to1) {
    return from1 > from0 ? to0 + (value - from0) / (from1 - from0) * (to1 - to0) : to0;
  }

  /* Converts @value from one scale to the other: in proportion inside a
   * block, and across the gap between two blocks. 0 before the first. */
  function convert (value, from, to) {
    const list = sourceBlocks ();
    const index = lastBlock (list, block => from (block)[0] <= value);
    if (index < 0)
      return 0;
    const [fromStart, fromEnd] = from (list[index]), [toStart, toEnd] = to (list[index]);
    if (value < fromEnd || index + 1 === list.length)
      return interpolate (Math.min (value, fromEnd), fromStart, fromEnd, toStart, toEnd);
    const next = list[index + 1];
    return interpolate (value, fromEnd, from (next)[0], toEnd, to (next)[0]);
  }

  function countFrame () {
    framesSinceInput++;
    countingFrames = framesSinceInput < USER_SCROLL_FRAMES;
    if (countingFrames)
      requestAnimationFrame (countFrame);
  }

  /* The user acts in the page: count its frames from now on. */
  function noteUserAction () {
    framesSinceInput = 0;
    if (!countingFrames) {
      countingFrames = true;
      requestAnimationFrame (countFrame);
    }
  }

  function noteInput (event) {
    if (event.type !== 'mousemove' || event.buttons !== 0)
      noteUserAction ();
  }

  /* Only scrolls the user makes here move the editor: not the ones Recap
   * makes, nor those from content getting shorter while typing. */
  function scrolled () {
    if (framesSinceInput >= USER_SCROLL_FRAMES)
      return;
    noteUserAction (); /* a fling goes on after its last wheel event */
    window.webkit.messageHandlers.scrolled.postMessage (convert (window.scrollY, pixels, lines));
  }

  /* Code blocks with a language GitHub would color; highlight.js is
   * Recap's own script, like this one. */
  function highlight (nodes) {
    if (typeof hljs !== 'object')
      return;
    for (const node of nodes) {
      if (node.nodeType !== Node.ELEMENT_NODE)
        continue;
      for (const code of node.querySelectorAll ('pre > code[class^="language-"]')) {
        const language = code.className.slice ('language-'.length);
        if (hljs.getLanguage (language))
          hljs.highlightBlock (code);
      }
    }
  }

  /* Links within the page (footnotes) scroll to their target; the page
   * itself never navigates. */
  function followAnchor (event) {
    const link = event.target.closest ('a[href^="#"]');
    if (link === null)
      return;
    event.preventDefault ();
    const target = document.getElementById (decodeURIComponent (link.getAttribute ('href').slice (1)));
    if (target !== null)
      target.scrollIntoView ({ block: 'center' });
  }

  document.addEventListener ('click', followAnchor, true);
  for (const type of ['wheel', 'keydown', 'mousedown', 'mousemove', 'touchstart'])
    window.addEventListener (type, noteInput, { capture: true, passive: true });
  window.addEventListener ('scroll', scrolled, { passive: true });

  return {
    /* Replaces @removed top-level nodes from @start (-1: all) with @html's;
     * @newPositions only when lines moved. */
    patch (start, removed, html, newPositions) {
      const content = document.getElementById ('content');
      const nodes = content.childNodes;
      const count = removed < 0 ? nodes.length - start : removed;
      if (start + count > nodes.length)
        throw new Error ('The page does not show what Recap expects');
      const next = nodes[start + count] || null;
      for (let i = 0; i < count; i++)
        nodes[start].remove ();
      const template = document.createElement ('template');
      template.innerHTML = html;
      const added = Array.from (template.content.childNodes);
      content.insertBefore (template.content, next);
      highlight (added);
      if (newPositions !== undefined)
        positions = newPositions;
      blocks = null;
    },
    scrollToLine (line) {
      framesSinceInput = Infinity; /* the editor leads now */
      window.scrollTo (0, convert (line, lines, pixels));
    },
    /* @classes: "light" or "dark", and "high-contrast"; @textScale: GTK's. */
    setAppearance (classes, textScale) {
      document.documentElement.className = classes;
      document.documentElement.style.setProperty ('--text-scale', textScale);
    },
  };
}) ();

/* Recap sends nothing before this: the page's number tells a stale page apart. */
window.webkit.messageHandlers.loaded.postMessage (Number (document.documentElement.dataset.load));
