/* recap-spell-text.h: which words of a post the spell checker looks at
 *
 * A post is scanned line by line: a small state carried from one line to
 * the next knows whether the line is in the front matter, a fenced or
 * indented code block, a Liquid highlight block or an unclosed HTML comment
 * or Liquid tag. Within a line, inline code, URLs, link targets, HTML
 * tags, Liquid {{ }} and {% %}, e-mail addresses, front matter keys and
 * tokens with digits or underscores are skipped. Carrying the state per
 * line lets an editor check a few lines at a time and stop re-scanning
 * where a line's state comes out as it was before an edit.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The state at the start of a line. Compare two with memcmp(): every
 * field is set by recap_spell_state_init(). */
typedef struct
{
  guint8 block;       /* a RecapSpellBlock */
  guint8 fence_char;  /* '`' or '~' in a fenced code block */
  guint8 fence_len;   /* the opening fence's length, up to 255 */
  guint8 open_inline; /* a RecapSpellInline still open at the line end */
  guint8 prev_blank;  /* the previous line was blank (or there was none) */
  guint8 in_list;     /* inside a list, where indented lines are no code */
  guint8 first_line;  /* the next line is the text's first */
  guint8 document;    /* a whole post, which may start with front matter */
} RecapSpellState;

/* Called for each word to check, with byte offsets into the line. */
typedef void (*RecapSpellWordFunc) (gsize    start,
                                    gsize    end,
                                    gpointer user_data);

/* The state before the first line. @document: a whole post, whose first
 * line may open front matter; FALSE for a form field's text. */
void    recap_spell_state_init (RecapSpellState *state,
                                gboolean         document);
/* Calls @func (may be NULL) for each word of @line (@len bytes, without
 * its line break) and advances @state to the next line. */
void    recap_spell_scan_line  (RecapSpellState    *state,
                                const char         *line,
                                gsize               len,
                                RecapSpellWordFunc  func,
                                gpointer            user_data);
/* Whether the line that took a state from @before to @after (what
 * recap_spell_scan_line() made of it) is front matter, code or a code
 * block's fence, rather than Markdown text. */
gboolean recap_spell_line_is_code (const RecapSpellState *before,
                                   const RecapSpellState *after);
/* Calls @func for each word of @text (@len -1: up to its NUL), with byte
 * offsets into @text. */
void    recap_spell_scan_text  (const char         *text,
                                gssize              len,
                                gboolean            document,
                                RecapSpellWordFunc  func,
                                gpointer            user_data);
/* A word search for the scans: pass recap_spell_word_at_func with a
 * RecapSpellWordAt whose @index is the byte offset to look at; @found
 * says whether a word [@start, @end) holds it (its end included). */
typedef struct
{
  gsize    index;
  gsize    start;
  gsize    end;
  gboolean found;
} RecapSpellWordAt;

void    recap_spell_word_at_func (gsize    start,
                                  gsize    end,
                                  gpointer user_data);
/* The value of the top-level "lang" key of YAML @text (a _config.yml or a
 * front matter block, with or without its "---" lines), or NULL. */
char   *recap_spell_find_lang  (const char         *text,
                                gssize              len);
/* The dictionary of @available (codes like "en_US") that best fits @lang
 * ("en", "en-GB", "de_DE"): the same code, else the same language with the
 * default region ("de" → "de_DE"), else the first of the language. NULL
 * when none fits. */
const char *recap_spell_match_language (const char         *lang,
                                        const char * const *available);

G_END_DECLS
