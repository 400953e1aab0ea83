/* recap-markdown-edit.h: the Markdown rules of the editor's writing help
 *
 * What a line's list or quote markers are, what the next line starts with
 * when Enter continues them, whether a line is code (where markers are
 * text), where Shift+Tab outdents an item to, whether
 * text is already bold, italic or code, and whether a string is a URL for
 * a link. Strings in, lengths and strings out: the editor applies them to
 * its buffer.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECAP_MARKDOWN_LINE_TEXT,    /* none of the others */
  RECAP_MARKDOWN_LINE_QUOTE,   /* "> text", not a list item inside */
  RECAP_MARKDOWN_LINE_BULLET,  /* "- text", "* text", "+ text" */
  RECAP_MARKDOWN_LINE_ORDERED, /* "1. text", "1) text" */
  RECAP_MARKDOWN_LINE_TASK,    /* "- [ ] text", "- [x] text" */
} RecapMarkdownLineKind;

/* The markers at the start of a line, as byte lengths: the line is
 * quote_len + indent_len + marker_len + box_len bytes of markers, then
 * its content. */
typedef struct {
  RecapMarkdownLineKind kind;
  gsize    quote_len;  /* ">" markers with their spaces ("> > ") */
  gsize    indent_len; /* spaces or tabs before the list marker */
  gsize    marker_len; /* the list marker and the spaces after it ("- ", "12. ") */
  gsize    box_len;    /* a task's box and the spaces after it ("[ ] ") */
  gboolean empty;      /* nothing but spaces after the markers */
} RecapMarkdownLine;

/* Reads the markers of @line (@len bytes, no newline; -1: up to its NUL).
 * A thematic break ("* * *") is TEXT, not a list item. */
void      recap_markdown_line_parse       (const char              *line,
                                           gssize                   len,
                                           RecapMarkdownLine       *parsed);
/* The bytes of the markers: quote, indent, marker and box. */
gsize     recap_markdown_line_prefix_len  (const RecapMarkdownLine *parsed);
/* What the line after @line starts with when Enter continues it: the same
 * quote and indent, the same bullet, the next number, an unchecked box.
 * NULL for TEXT. */
char     *recap_markdown_line_next_prefix (const char              *line,
                                           const RecapMarkdownLine *parsed);
/* Enter on an empty item ends it: how many bytes of @line's markers stay.
 * A list item keeps its quote markers, a quote loses its last level. */
gsize     recap_markdown_line_end_len     (const char              *line,
                                           const RecapMarkdownLine *parsed);
/* Whether the line that starts at byte @line_start of @text (@len bytes,
 * -1: up to its NUL; from the start of the post to at least that line's
 * end) is in the front matter or a code block (fenced, indented or a
 * Liquid highlight), or is a code fence: its markers are no list's. */
gboolean  recap_markdown_line_is_code     (const char              *text,
                                           gssize                   len,
                                           gsize                    line_start);
/* The indent Shift+Tab gives a list item of @indent_len bytes that comes
 * after @before (the text before its line, @len -1: up to its NUL): the
 * indent of the nearest item above with a smaller one, or 0. */
gsize     recap_markdown_outdent_len      (const char              *before,
                                           gssize                   len,
                                           gsize                    indent_len);

typedef enum {
  RECAP_MARKDOWN_BOLD,
  RECAP_MARKDOWN_ITALIC,
  RECAP_MARKDOWN_CODE,
} RecapMarkdownStyle;

/* "**", "*" or "`". */
const char *recap_markdown_style_marker   (RecapMarkdownStyle style);
/* Whether text with @before marker characters ("*" or "`") right before it
 * and @after right after it has @style: "***x***" is bold and italic,
 * "**x**" bold only. */
gboolean  recap_markdown_style_is_on      (RecapMarkdownStyle style,
                                           guint              before,
                                           guint              after);
/* Whether @text is one web or mail address (http, https, ftp, mailto) and
 * nothing else, the way a copied link is. */
gboolean  recap_markdown_is_url           (const char        *text);

G_END_DECLS
