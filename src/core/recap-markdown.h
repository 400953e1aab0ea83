/* recap-markdown.h: markdown to HTML with cmark-gfm
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECAP_MARKDOWN_NONE      = 0,
  RECAP_MARKDOWN_SOURCEPOS = 1 << 0, /* data-sourcepos on blocks, for scroll sync */
  RECAP_MARKDOWN_SMART     = 1 << 1, /* curly quotes and dashes */
  RECAP_MARKDOWN_SAFE_HTML = 1 << 2, /* raw HTML through recap_html_sanitize() */
} RecapMarkdownFlags;

/* Renders GFM (tables, strikethrough, autolinks, task lists, footnotes).
 * Raw HTML is passed through only with RECAP_MARKDOWN_SAFE_HTML, and then
 * sanitized; otherwise cmark replaces it with a comment (tag filter on). */
char *recap_markdown_render (const char         *markdown,
                             gsize               len,
                             RecapMarkdownFlags  flags);

G_END_DECLS
