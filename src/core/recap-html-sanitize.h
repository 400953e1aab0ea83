/* recap-html-sanitize.h: rendered HTML reduced to what GitHub lets through
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @html (a fragment: cmark's output with the post's raw HTML in it) with
 * only an allow-list of elements and attributes kept, the way GitHub shows
 * raw HTML: details/summary, div/span/p with align, img, links, emphasis,
 * kbd, br, sub/sup, tables, figures, picture/source and cmark's own
 * markup. Scripts, styles, frames, objects, forms, meta/base/link and their
 * contents go; other unknown tags go but keep their text; event handlers,
 * style attributes and links or sources other than http(s), mailto and
 * relative ones go. Comments go. The result is balanced markup whose text
 * is escaped, with data-sourcepos attributes kept in document order. */
char *recap_html_sanitize (const char *html,
                           gsize       len);

/* Whether the sanitizer keeps @url in a link or an image: http(s),
 * mailto and relative URLs. NULL counts as an empty, relative URL. */
gboolean recap_html_is_allowed_url    (const char *url);

/* Whether sanitized @html shows an image from the network. */
gboolean recap_html_has_remote_images (const char *html);

G_END_DECLS
