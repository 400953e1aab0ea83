/* recap-markdown-edit.c: the Markdown rules of the editor's writing help
 *
 * Hand-written: cmark-gfm parses whole documents into HTML, not the line
 * being typed, and GtkSourceView knows no list markers.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-markdown-edit.h"
#include "recap-spell-text.h"

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gsize
skip_blanks (const char *line,
             gsize       len,
             gsize       i)
{
  while (i < len && is_blank (line[i]))
    i++;
  return i;
}

/* "> > ": up to three spaces, ">", an optional space, again and again. */
static gsize
parse_quote (const char *line,
             gsize       len)
{
  gsize end = 0;

  for (;;)
    {
      gsize i = end;

      while (i < len && i - end < 3 && line[i] == ' ')
        i++;
      if (i >= len || line[i] != '>')
        return end;
      i++;
      if (i < len && line[i] == ' ')
        i++;
      end = i;
    }
}

/* Three or more of one of "-*_" and nothing but blanks: a rule, no item. */
static gboolean
is_thematic_break (const char *line,
                   gsize       len)
{
  guint count = 0;
  char mark = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (is_blank (line[i]))
        continue;
      if (mark == 0 && strchr ("-*_", line[i]) != NULL)
        mark = line[i];
      if (line[i] != mark)
        return FALSE;
      count++;
    }
  return count >= 3;
}

/* "- ", "+ ", "* ", "1. ", "10) ": the marker's bytes with the blanks
 * after it, or 0. */
static gsize
parse_marker (const char            *line,
              gsize                  len,
              RecapMarkdownLineKind *kind)
{
  RecapMarkdownLineKind found = RECAP_MARKDOWN_LINE_BULLET;
  gsize i = 0;

  if (len > 0 && strchr ("-*+", line[0]) != NULL)
    i = 1;
  else
    {
      while (i < len && i < 9 && g_ascii_isdigit (line[i]))
        i++;
      if (i == 0 || i >= len || (line[i] != '.' && line[i] != ')'))
        return 0;
      found = RECAP_MARKDOWN_LINE_ORDERED;
      i++;
    }
  if (i >= len || !is_blank (line[i]))
    return 0;
  *kind = found;
  return skip_blanks (line, len, i);
}

/* "[ ] ", "[x] ", "[X]" at the line's end. */
static gsize
parse_box (const char *line,
           gsize       len)
{
  if (len < 3 || line[0] != '[' || strchr (" xX", line[1]) == NULL || line[2] != ']')
    return 0;
  if (len > 3 && !is_blank (line[3]))
    return 0;
  return skip_blanks (line, len, 3);
}

void
recap_markdown_line_parse (const char        *line,
                           gssize             len,
                           RecapMarkdownLine *parsed)
{
  gsize length = len < 0 ? strlen (line) : (gsize) len;
  gsize at;

  g_return_if_fail (line != NULL && parsed != NULL);

  *parsed = (RecapMarkdownLine) { RECAP_MARKDOWN_LINE_TEXT, 0, 0, 0, 0, FALSE };
  parsed->quote_len = parse_quote (line, length);
  at = parsed->quote_len;
  parsed->indent_len = skip_blanks (line, length, at) - at;
  at += parsed->indent_len;
  if (!is_thematic_break (line + at, length - at))
    parsed->marker_len = parse_marker (line + at, length - at, &parsed->kind);
  at += parsed->marker_len;
  if (parsed->marker_len > 0)
    {
      parsed->box_len = parse_box (line + at, length - at);
      at += parsed->box_len;
      if (parsed->box_len > 0)
        parsed->kind = RECAP_MARKDOWN_LINE_TASK;
    }
  else
    {
      parsed->indent_len = 0;
      at = parsed->quote_len;
      if (parsed->quote_len > 0)
        parsed->kind = RECAP_MARKDOWN_LINE_QUOTE;
    }
  parsed->empty = skip_blanks (line, length, at) == length;
}

gsize
recap_markdown_line_prefix_len (const RecapMarkdownLine *parsed)
{
  return parsed->quote_len + parsed->indent_len + parsed->marker_len + parsed->box_len;
}

char *
recap_markdown_line_next_prefix (const char              *line,
                                 const RecapMarkdownLine *parsed)
{
  const char *marker = line + parsed->quote_len + parsed->indent_len;
  GString *prefix;

  if (parsed->kind == RECAP_MARKDOWN_LINE_TEXT)
    return NULL;

  prefix = g_string_new_len (line, parsed->quote_len + parsed->indent_len);
  if (parsed->kind == RECAP_MARKDOWN_LINE_ORDERED)
    {
      char *delimiter = NULL;
      guint64 number = g_ascii_strtoull (marker, &delimiter, 10);

      g_string_append_printf (prefix, "%" G_GUINT64_FORMAT, number + 1);
      g_string_append_len (prefix, delimiter, parsed->marker_len - (delimiter - marker));
    }
  else
    g_string_append_len (prefix, marker, parsed->marker_len);
  if (parsed->kind == RECAP_MARKDOWN_LINE_TASK)
    g_string_append (prefix, "[ ] ");
  return g_string_free (prefix, FALSE);
}

gsize
recap_markdown_line_end_len (const char              *line,
                             const RecapMarkdownLine *parsed)
{
  const char *last;

  if (parsed->kind != RECAP_MARKDOWN_LINE_QUOTE)
    return parsed->quote_len;
  last = g_strrstr_len (line, parsed->quote_len, ">");
  g_assert (last != NULL);
  return last - line;
}

/* The spell checker's line scanner knows the blocks; its words are not
 * wanted here. */
gboolean
recap_markdown_line_is_code (const char *text,
                             gssize      len,
                             gsize       line_start)
{
  gsize length = len < 0 ? strlen (text) : (gsize) len;
  RecapSpellState state, before;
  gsize offset = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (line_start <= length, FALSE);

  recap_spell_state_init (&state, TRUE);
  for (;;)
    {
      const char *nl = memchr (text + offset, '\n', length - offset);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : length;
      gsize line_len = line_end - offset;

      if (line_len > 0 && text[line_end - 1] == '\r')
        line_len--;
      before = state;
      recap_spell_scan_line (&state, text + offset, line_len, NULL, NULL);
      if (offset >= line_start || nl == NULL)
        return recap_spell_line_is_code (&before, &state);
      offset = line_end + 1;
    }
}

gsize
recap_markdown_outdent_len (const char *before,
                            gssize      len,
                            gsize       indent_len)
{
  gsize length = len < 0 ? strlen (before) : (gsize) len;
  const char *end = before + length;

  /* Line by line upwards, from the line just above. */
  while (end > before)
    {
      const char *start = end - 1; /* the newline that ends the line above */
      RecapMarkdownLine above;

      while (start > before && start[-1] != '\n')
        start--;
      recap_markdown_line_parse (start, end - 1 - start + (end[-1] != '\n'), &above);
      if (above.marker_len > 0 && above.indent_len < indent_len)
        return above.indent_len;
      end = start;
    }
  return 0;
}

const char *
recap_markdown_style_marker (RecapMarkdownStyle style)
{
  switch (style)
    {
    case RECAP_MARKDOWN_BOLD:
      return "**";
    case RECAP_MARKDOWN_ITALIC:
      return "*";
    case RECAP_MARKDOWN_CODE:
    default:
      return "`";
    }
}

gboolean
recap_markdown_style_is_on (RecapMarkdownStyle style,
                            guint              before,
                            guint              after)
{
  guint around = MIN (before, after);

  switch (style)
    {
    case RECAP_MARKDOWN_BOLD:
      return around >= 2;
    case RECAP_MARKDOWN_ITALIC:
      return around % 2 == 1;
    case RECAP_MARKDOWN_CODE:
    default:
      return around >= 1;
    }
}

gboolean
recap_markdown_is_url (const char *text)
{
  static const char * const schemes[] = { "http", "https", "ftp", "mailto" };
  g_autofree char *scheme = NULL;

  if (text == NULL || strpbrk (text, " \t\r\n") != NULL || !g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_parse_scheme (text);
  for (guint i = 0; scheme != NULL && i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}
