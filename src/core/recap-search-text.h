/* recap-search-text.h: a post's body kept for search that ignores case and accents
 *
 * Folding lowers the case and drops accents, both precomposed ("í") and
 * combining (NFD "i" + U+0301), so NFC and NFD texts fold alike; no
 * character grows (one whose folding is longer stays as it is). A search
 * text is one block: the body's bytes, a NUL, the body folded and padded
 * with NULs to the body's length, a NUL. A plain memmem() on the folded copy
 * finds a match; folding the body again up to it gives its place there, for
 * the snippet. The index cache stores the block as it is, so posts can point
 * into the mapped cache.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the folding of @text (@len bytes) to @out, which has room for
 * @len bytes, and returns its length, at most @len. */
gsize        recap_search_fold               (const char *text,
                                              gsize       len,
                                              char       *out);
/* @text (@len -1: up to its NUL) folded, as a new string. */
char        *recap_search_fold_dup           (const char *text,
                                              gssize      len);

GBytes      *recap_search_text_new           (const char *body,
                                              gsize       len);
/* Writes the search text of @body (@len bytes) to @out, which has room
 * for recap_search_text_size (@len) bytes. */
void         recap_search_text_write         (const char *body,
                                              gsize       len,
                                              char       *out);
/* The size of a search text for a body of @len bytes. */
gsize        recap_search_text_size          (gsize       len);
/* Whether @data (@size bytes) has the shape of a search text. */
gboolean     recap_search_text_is_valid      (const char *data,
                                              gsize       size);
/* The body, NUL-terminated, and its length; "" when @text has not the shape
 * of a search text (a damaged cache: texts are checked when used, so that
 * loading the cache need not read them all). */
const char  *recap_search_text_get_body      (GBytes     *text,
                                              gsize      *len);
/* Whether the body holds @folded_needle (@needle_len bytes): cheaper than
 * recap_search_text_find(), which folds the body again up to the match. */
gboolean     recap_search_text_contains      (GBytes     *text,
                                              const char *folded_needle,
                                              gsize       needle_len);
/* Where @folded_needle (@needle_len bytes) starts in the body, or NULL;
 * *@match_len gets the length of the match in the body. */
const char  *recap_search_text_find          (GBytes     *text,
                                              const char *folded_needle,
                                              gsize       needle_len,
                                              gsize      *match_len);

/* memmem(), faster for the short needles of the first keystrokes: the
 * needle's first and last bytes are compared with 16 bytes of text at a
 * time, the rest only where both agree. */
const char  *recap_search_memmem             (const char *haystack,
                                              gsize       len,
                                              const char *needle,
                                              gsize       needle_len);

/* Where @folded_needle starts in @text (@len bytes, not folded), or NULL:
 * for texts searched too rarely to keep a folded copy. */
const char  *recap_search_find_folding       (const char *text,
                                              gsize       len,
                                              const char *folded_needle,
                                              gsize       needle_len,
                                              gsize      *match_len);

G_END_DECLS
