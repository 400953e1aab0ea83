/* recap-post-html.h: a post the way the preview shows it, a header card from
 * its front matter and then the rendered body
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-markdown.h"

G_BEGIN_DECLS

/* @text is the whole document; @relative_path (in its site) tells drafts
 * and the date in a post's file name. The front matter never appears as
 * text: it becomes the card, with every value escaped. With
 * RECAP_MARKDOWN_SOURCEPOS, data-sourcepos lines are lines of @text. */
char *recap_post_html_render (const char         *text,
                              gsize               len,
                              const char         *relative_path,
                              RecapMarkdownFlags  flags);

G_END_DECLS
