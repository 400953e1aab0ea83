/* recap-text-stats.h: what a post's text holds: its words, characters and headings
 *
 * One definition for the editor's counter and outline, the sidebar and
 * recap-cli. The text counted is what a reader of the page reads: the
 * markdown body as cmark-gfm parses it (the preview's parser), without the
 * front matter, code blocks (fenced and indented), raw HTML blocks and tags,
 * images (alt text and URL), link targets and reference definitions (a
 * link counts its text), and Liquid tags, outputs and
 * {% highlight %}/{% comment %} blocks.
 *
 * A word is a run of characters between spaces and block boundaries that
 * holds at least one letter or digit ("don't", "well-known" and "3.5" are
 * one word each; "-" and "—" none); emphasis does not split a word. Each
 * Han, Hiragana and Katakana character is a word of its own, as word
 * processors count Chinese and Japanese, which put no spaces between words;
 * Hangul is written with spaces and counts like Latin text.
 *
 * Characters are the Unicode characters of that text, spaces included,
 * without the combining marks and format characters (zero-width joiners,
 * soft hyphens) that do not show as characters of their own; a line break
 * inside a paragraph counts as one space, the breaks between blocks as
 * none.
 *
 * A body over RECAP_TEXT_MARKDOWN_MAX bytes is counted as written, markup
 * and link targets included: cmark-gfm 0.29.0.gfm.6 (Debian 12) parses a
 * paragraph of many emphasis or link delimiters in quadratic time (1.0 s
 * for a line of 400 KB, minutes for 5 MB, which kept a site from loading).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest body counted as cmark-gfm parses it, in bytes. */
#define RECAP_TEXT_MARKDOWN_MAX (256 * 1024)

/* Reading speed for the reading time, in words a minute. */
#define RECAP_TEXT_WORDS_PER_MINUTE 230

typedef struct {
  guint words;
  guint characters;
} RecapTextCounts;

/* Counts the body of @text (@len bytes of a whole document: a leading
 * front-matter block is skipped). */
void   recap_text_count           (const char      *text,
                                   gsize            len,
                                   RecapTextCounts *counts);
/* The words of recap_text_count() alone, without parsing the markdown
 * when the body has no markup that could change them (most of a site's
 * short posts): what the index counts. */
guint  recap_text_count_words     (const char      *text,
                                   gsize            len);
/* The words of @body (no front matter, at most RECAP_TEXT_MARKDOWN_MAX
 * bytes) without cmark-gfm: FALSE when it has markup that needs it, as
 * recap-text-stats.c lists. For tests of recap_text_count_words(). */
gboolean recap_text_count_words_plain (const char  *body,
                                       gsize        len,
                                       guint       *words);
/* Minutes to read @words at RECAP_TEXT_WORDS_PER_MINUTE, rounded up: 0 only
 * for no words. */
guint  recap_text_reading_minutes (guint            words);

/* "1 word", "2,310 words": translated, with the locale's digit grouping. */
char  *recap_text_format_words    (guint            words);

typedef struct {
  guint  line;   /* 0-based line of the document where the heading starts */
  guint  level;  /* 1 to 6 */
  char  *text;   /* the heading's text, without markup */
} RecapHeading;

/* The ATX and setext headings of @text's body in document order, as a
 * GPtrArray of RecapHeading (it frees them). Lines count from the start of
 * @text, front matter included, so they are the editor's lines. */
GPtrArray *recap_text_headings    (const char      *text,
                                   gsize            len);

G_END_DECLS
