/* recap-markdown-private.h: cmark-gfm's document tree, for the core modules that read markdown
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark-gfm.h>

#include "recap-markdown.h"

G_BEGIN_DECLS

/* The tree of @markdown as recap_markdown_render() parses it (same
 * extensions and options); free with cmark_node_free(). */
cmark_node *recap_markdown_parse (const char         *markdown,
                                  gsize               len,
                                  RecapMarkdownFlags  flags);

/* Changes @document before it is rendered. */
typedef void (*RecapMarkdownEdit) (cmark_node *document,
                                   gpointer    user_data);

/* recap_markdown_render() with @edit run on the tree first. */
char *recap_markdown_render_edited (const char         *markdown,
                                    gsize               len,
                                    RecapMarkdownFlags  flags,
                                    RecapMarkdownEdit   edit,
                                    gpointer            user_data);

G_END_DECLS
