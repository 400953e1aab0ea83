/* bench-fts.h: search as you type through an SQLite FTS5 index, to weigh
 * against the sidebar's scan of the folded texts (bench-site.c)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-site.h"

G_BEGIN_DECLS

/* Indexes @site's posts (fields and body) in a new FTS5 table with the
 * unicode61 tokenizer, remove_diacritics 2 and prefix indexes of 1 to 3
 * characters, in a file in @dir; prints the
 * time and size, then the time per keystroke of every prefix of each of
 * @phrases, each word a prefix query. */
void bench_fts_search (RecapSite          *site,
                       const char         *dir,
                       const char * const *phrases);

G_END_DECLS
