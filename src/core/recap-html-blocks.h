/* recap-html-blocks.h: rendered HTML as top-level blocks, so that the preview replaces only what changed
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RecapHtmlBlocks RecapHtmlBlocks;

/* Splits HTML rendered by cmark (or any markup whose text is escaped) into
 * its top-level nodes. The values of data-sourcepos attributes are taken
 * out, so that a block that only moved compares equal; the attributes stay
 * as markers. */
RecapHtmlBlocks *recap_html_blocks_new           (const char      *html);
void             recap_html_blocks_free          (RecapHtmlBlocks *blocks);
/* "start-end,…": the source lines of the markers, in document order. */
const char      *recap_html_blocks_get_positions (RecapHtmlBlocks *blocks);
/* The HTML that replaces the @removed blocks from @start of @old to give
 * @new. Without @old, everything is replaced: @removed is -1. */
char            *recap_html_blocks_diff          (RecapHtmlBlocks *old,
                                                  RecapHtmlBlocks *new,
                                                  guint           *start,
                                                  int             *removed);

/* The blocks recap_html_blocks_diff() gives: @start to @end of @new
 * replace @removed blocks of @old from @start (-1 without @old: all). */
void             recap_html_blocks_diff_range    (RecapHtmlBlocks *old,
                                                  RecapHtmlBlocks *new,
                                                  guint           *start,
                                                  int             *removed,
                                                  guint           *end);
/* The HTML of the blocks from @first, before @last, as many as fit in
 * @bytes (one at least, when @first < @last); @next is the block after
 * them. A big page goes to the preview in such parts. */
char            *recap_html_blocks_join          (RecapHtmlBlocks *self,
                                                  guint            first,
                                                  guint            last,
                                                  gsize            bytes,
                                                  guint           *next);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapHtmlBlocks, recap_html_blocks_free)

G_END_DECLS
