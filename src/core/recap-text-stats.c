/* recap-text-stats.c: words, characters and headings of a post's body
 *
 * Walks cmark-gfm's tree of the body, so that code blocks, link targets,
 * reference definitions and setext underlines are told apart exactly as the
 * preview renders them; only Liquid, which cmark does not know, is scanned
 * here by hand (a few tags, see recap-text-stats.h). The index's word
 * count skips the parse for bodies whose markup cannot change their words
 * (recap_text_count_words_plain(), hand-written: cmark-gfm's parse was 44%
 * of an uncached index), checked against it by tests/test-text-words.c.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-text-stats.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-front-matter.h"
#include "recap-markdown-private.h"

/* The longest Liquid tag text kept to read the tag's name. */
#define TAG_NAME_MAX 32

typedef struct {
  RecapTextCounts *counts;
  gboolean         in_run;
  gboolean         run_has_alnum;
  char             closing;      /* inside a Liquid tag ('%') or output ('}'), else 0 */
  GString         *tag;          /* the text of the Liquid tag being read */
  const char      *skip_until;   /* inside {% highlight %} or {% comment %}: the tag that ends it */
  gboolean         raw;          /* inside {% raw %}: no Liquid but {% endraw %} */
} Counter;

/* Parses the body of @text; @body_line is the 0-based document line where it starts. */
static cmark_node *
parse_body (const char *text,
            gsize       len,
            guint      *body_line)
{
  RecapFrontMatterSplit split;
  cmark_node *document;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  recap_front_matter_split (text ? text : "", len, &split);
  *body_line = 0;
  for (const char *p = text; (p = memchr (p, '\n', text + split.body_start - p)) != NULL; p++)
    ++*body_line;
  document = recap_markdown_parse (text + split.body_start, len - split.body_start, RECAP_MARKDOWN_NONE);
  cmark_consolidate_text_nodes (document);
  return document;
}

static void
end_run (Counter *counter)
{
  counter->counts->words += counter->run_has_alnum;
  counter->in_run = FALSE;
  counter->run_has_alnum = FALSE;
}

/* Chinese and Japanese: each character a word. */
static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return c == 0x30FC; /* the long vowel mark, of the Common script */
    }
}

/* ASCII, most text, without the Unicode tables: no ASCII character is a
 * mark, and g_ascii_isspace() agrees with g_unichar_isspace() on all. */
static inline void
count_ascii (Counter *counter,
             char     c)
{
  counter->counts->characters++;
  if (g_ascii_isspace (c))
    end_run (counter);
  else
    {
      counter->in_run = TRUE;
      counter->run_has_alnum |= g_ascii_isalnum (c);
    }
}

/* Any other character. */
static void
count_char (Counter  *counter,
            gunichar  c)
{
  GUnicodeType type = g_unichar_type (c);

  if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
      type == G_UNICODE_SPACING_MARK || type == G_UNICODE_FORMAT)
    return;
  counter->counts->characters++;
  if (g_unichar_isspace (c))
    end_run (counter);
  else if (is_cjk (c))
    {
      end_run (counter);
      counter->counts->words++;
    }
  else
    {
      counter->in_run = TRUE;
      counter->run_has_alnum |= g_unichar_isalnum (c);
    }
}

/* A block boundary, or a break inside a paragraph. */
static void
boundary (Counter *counter)
{
  end_run (counter);
  counter->closing = 0;
}

static gboolean
tag_is (const char *tag,
        const char *name)
{
  gsize len = strlen (name);

  return strncmp (tag, name, len) == 0 && (tag[len] == '\0' || g_ascii_isspace (tag[len]));
}

/* The Liquid tag just read opens or closes a block that changes counting. */
static void
end_tag (Counter *counter)
{
  const char *tag = counter->tag->str + strspn (counter->tag->str, "- \t");

  if (counter->skip_until != NULL)
    {
      if (tag_is (tag, counter->skip_until))
        counter->skip_until = NULL;
    }
  else if (tag_is (tag, "highlight"))
    counter->skip_until = "endhighlight";
  else if (tag_is (tag, "comment"))
    counter->skip_until = "endcomment";
  else
    counter->raw = (counter->raw || tag_is (tag, "raw")) && !tag_is (tag, "endraw");
  g_string_truncate (counter->tag, 0);
}

static void
count_literal (Counter    *counter,
               const char *literal)
{
  for (const char *p = literal; p != NULL && *p; p = g_utf8_next_char (p))
    {
      if (counter->closing != 0)
        {
          if (p[0] == counter->closing && p[1] == '}')
            {
              if (counter->closing == '%')
                end_tag (counter);
              counter->closing = 0;
              p++;
            }
          else if (counter->closing == '%' && counter->tag->len < TAG_NAME_MAX)
            g_string_append_c (counter->tag, *p);
        }
      else if (p[0] == '{' && (p[1] == '%' || (p[1] == '{' && !counter->raw && !counter->skip_until)))
        {
          end_run (counter);
          counter->closing = p[1] == '{' ? '}' : '%';
          p++;
        }
      else if (counter->skip_until == NULL && (guchar) *p < 0x80)
        count_ascii (counter, *p);
      else if (counter->skip_until == NULL)
        count_char (counter, g_utf8_get_char (p));
    }
}

/* A body over RECAP_TEXT_MARKDOWN_MAX is counted as it is written,
 * markup included: TRUE if @text's is. */
static gboolean
count_plain (Counter    *counter,
             const char *text,
             gsize       len)
{
  RecapFrontMatterSplit split;
  g_autofree char *body = NULL;

  recap_front_matter_split (text ? text : "", len, &split);
  if (len - split.body_start <= RECAP_TEXT_MARKDOWN_MAX)
    return FALSE;
  body = g_strndup (text + split.body_start, len - split.body_start);
  count_literal (counter, body);
  end_run (counter);
  return TRUE;
}

static gboolean
is_block (cmark_node *node)
{
  return (cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

void
recap_text_count (const char      *text,
                  gsize            len,
                  RecapTextCounts *counts)
{
  g_autoptr(GString) tag = g_string_new (NULL);
  Counter counter = { .counts = counts, .tag = tag };
  guint body_line;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  g_return_if_fail (counts != NULL);

  *counts = (RecapTextCounts) { 0 };
  if (count_plain (&counter, text, len))
    return;
  document = parse_body (text, len, &body_line);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          count_literal (&counter, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          boundary (&counter);
          counter.counts->characters += counter.skip_until == NULL;
          break;
        case CMARK_NODE_IMAGE:
          /* The alt text is not read on the page: skip it. */
          boundary (&counter);
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          break;
        default:
          if (is_block (node))
            boundary (&counter);
        }
    }
  end_run (&counter);
  cmark_iter_free (iter);
  cmark_node_free (document);
}

/* The plain path of recap_text_count_words(), hand-written because it is
 * what spares cmark-gfm's parse, most of indexing a site: it takes only a
 * body whose cmark-gfm text holds the same words as the body itself.
 *
 * That is a body of paragraphs, ATX and setext headings, bullet lists,
 * block quotes, thematic breaks, emphasis, strikethrough, code spans and
 * fenced code blocks at the left margin (skipped as cmark-gfm skips them).
 * Their markers and delimiters hold no letter or digit and every line
 * break is a word boundary in both, so removing them changes no word.
 * Anything that removes or splits text with letters or digits sends the
 * body to cmark-gfm: ordered list markers, indented code, fences inside
 * containers, HTML and autolinks (<), entities (&name; &#n;), links,
 * images, references, footnotes and task items ([), tables (|), escapes
 * and hard breaks (\), Liquid ({), a lone carriage return, invalid UTF-8. */

/* A code fence at the left margin: its character, and how many open it. */
typedef struct {
  char  mark;
  gsize len;
} Fence;

static gsize
count_run (const char *p,
           const char *end,
           char        c)
{
  const char *start = p;

  while (p < end && *p == c)
    p++;
  return p - start;
}

/* Closes @fence when @line is its closing fence (up to 3 spaces, at least
 * as many marks, then only spaces). */
static void
close_fence (Fence      *fence,
             const char *line,
             const char *end)
{
  const char *p = line + count_run (line, MIN (line + 3, end), ' ');
  gsize marks = count_run (p, end, fence->mark);

  if (marks < fence->len)
    return;
  for (p += marks; p < end && (*p == ' ' || *p == '\t'); p++)
    ;
  if (p == end)
    fence->mark = 0;
}

/* Opens @fence when @line starts one at the left margin: TRUE if it does. */
static gboolean
open_fence (Fence      *fence,
            const char *line,
            const char *end,
            gboolean   *plain)
{
  gsize marks;

  if (line >= end || (*line != '`' && *line != '~'))
    return FALSE;
  marks = count_run (line, end, *line);
  if (marks < 3)
    return FALSE;
  /* A backtick fence's info string holds no backtick: else it is a code span. */
  *plain = *line == '~' || memchr (line + marks, '`', end - line - marks) == NULL;
  *fence = (Fence) { *line, marks };
  return TRUE;
}

/* The markers a line starts with (quotes, bullets, spaces) hide no
 * ordered list marker and no indented code block: a tab or 4 spaces in a
 * row could start one. */
static gboolean
is_plain_line_start (const char *line,
                     const char *end)
{
  const char *p = line, *digits;
  gsize spaces = 0;

  for (; p < end && memchr (" \t>*+-", *p, 6) != NULL; p++)
    {
      if (*p == '\t' || (*p == ' ' && ++spaces >= 4))
        return FALSE;
      if (*p != ' ')
        spaces = 0;
    }
  digits = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  /* A marker is followed by a space or the line's end: "3.5" is none. */
  return p == digits || p == end || (*p != '.' && *p != ')') ||
         (p + 1 < end && p[1] != ' ' && p[1] != '\t');
}

/* An ASCII punctuation or control character that is plain where it is. */
static gboolean
is_plain_ascii (const char *p,
                const char *end)
{
  switch (*p)
    {
    case '<': case '[': case '|': case '\\': case '{': case '\0':
      return FALSE;
    case '&':
      return p + 1 == end || !(g_ascii_isalnum (p[1]) || p[1] == '#');
    case '`': case '~':
      return count_run (p, MIN (p + 3, end), *p) < 3;
    default:
      return TRUE;
    }
}

/* The end of the code span the backticks at @p open, when it closes on
 * their line and starts and ends with no space; else NULL: it could take
 * in the line's end, and cmark-gfm strips a space at both ends, either a
 * word boundary. */
static const char *
code_span_end (const char *p,
               const char *end)
{
  gsize ticks = count_run (p, end, '`');
  const char *content = p + ticks;

  for (p = content; (p = memchr (p, '`', end - p)) != NULL;)
    {
      gsize closing = count_run (p, end, '`');

      if (closing == ticks)
        return p > content && *content != ' ' && p[-1] != ' ' ? p + closing : NULL;
      p += closing;
    }
  return NULL;
}

/* cmark-gfm's autolinks (www., scheme:, user@host) run to the next ASCII
 * space, backticks included: one can take in a code span's opening. */
static gboolean
may_autolink (const char *line,
              const char *end)
{
  return memchr (line, ':', end - line) != NULL || memchr (line, '@', end - line) != NULL ||
         g_strstr_len (line, end - line, "www.") != NULL;
}

/* Counts @line's words (no Liquid is open: no { is plain); FALSE at the
 * first character that is not plain, or not UTF-8. */
static gboolean
count_plain_line (Counter    *counter,
                  const char *line,
                  const char *end)
{
  const char *code_end = line;

  if (memchr (line, '`', end - line) != NULL && may_autolink (line, end))
    return FALSE;

  for (const char *p = line; p < end; p++)
    {
      guint16 type = g_ascii_table[(guchar) *p];
      gunichar c;

      if (*p == '`' && p >= code_end && (code_end = code_span_end (p, end)) == NULL)
        return FALSE;
      /* Most characters: as count_ascii() counts them, without characters;
       * the rest of a word's letters and digits at once. */
      if (type & G_ASCII_ALNUM)
        {
          counter->in_run = counter->run_has_alnum = TRUE;
          while (p + 1 < end && (g_ascii_table[(guchar) p[1]] & G_ASCII_ALNUM))
            p++;
        }
      else if ((type & G_ASCII_SPACE) && *p != '\r')
        end_run (counter);
      else if ((guchar) *p < 0x80 && *p != '\r' && is_plain_ascii (p, end))
        counter->in_run = TRUE;
      else if ((guchar) *p < 0x80)
        return FALSE;
      else if ((c = g_utf8_get_char_validated (p, end - p)) >= (gunichar) -2 || !g_unichar_validate (c))
        return FALSE;
      else
        {
          count_char (counter, c);
          p = g_utf8_next_char (p) - 1;
        }
    }
  end_run (counter);
  return TRUE;
}

gboolean
recap_text_count_words_plain (const char *body,
                              gsize       len,
                              guint      *words)
{
  RecapTextCounts counts = { 0 };
  Counter counter = { .counts = &counts };
  const char *end = body + len;
  Fence fence = { 0 };
  gboolean plain = TRUE;

  for (const char *line = body; plain && line < end;)
    {
      const char *line_end = memchr (line, '\n', end - line);
      const char *next = line_end ? line_end + 1 : end;

      line_end = line_end ? line_end : end;
      if (line_end > line && line_end[-1] == '\r')
        line_end--;
      if (fence.mark != 0)
        close_fence (&fence, line, line_end);
      else if (!open_fence (&fence, line, line_end, &plain))
        {
          plain = is_plain_line_start (line, line_end) && count_plain_line (&counter, line, line_end);
          line = next;
          continue;
        }
      /* Code is not counted, but cmark-gfm replaces what is not UTF-8 in
       * it too, and ends a line at a lone \r. */
      plain = plain && g_utf8_validate_len (line, line_end - line, NULL) && memchr (line, '\r', line_end - line) == NULL;
      line = next;
    }
  *words = counts.words;
  return plain;
}

guint
recap_text_count_words (const char *text,
                        gsize       len)
{
  RecapFrontMatterSplit split;
  RecapTextCounts counts;
  guint words;

  g_return_val_if_fail (text != NULL || len == 0, 0);

  recap_front_matter_split (text ? text : "", len, &split);
  if (len - split.body_start <= RECAP_TEXT_MARKDOWN_MAX &&
      recap_text_count_words_plain (text + split.body_start, len - split.body_start, &words))
    return words;
  recap_text_count (text, len, &counts);
  return counts.words;
}

guint
recap_text_reading_minutes (guint words)
{
  return (words + RECAP_TEXT_WORDS_PER_MINUTE - 1) / RECAP_TEXT_WORDS_PER_MINUTE;
}

char *
recap_text_format_words (guint words)
{
  g_autofree char *number = g_strdup_printf ("%'u", words);

  return g_strdup_printf (ngettext ("%s word", "%s words", words), number);
}

static void
heading_free (RecapHeading *heading)
{
  g_free (heading->text);
  g_free (heading);
}

/* The text of @heading's inlines, line breaks as spaces. */
static char *
heading_text (cmark_node *heading)
{
  GString *text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (heading);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT || cmark_node_get_type (node) == CMARK_NODE_CODE)
        g_string_append (text, cmark_node_get_literal (node));
      else if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK || cmark_node_get_type (node) == CMARK_NODE_LINEBREAK)
        g_string_append_c (text, ' ');
    }
  cmark_iter_free (iter);
  g_strstrip (text->str);
  return g_string_free (text, FALSE);
}

GPtrArray *
recap_text_headings (const char *text,
                     gsize       len)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);
  guint body_line;
  cmark_node *document = parse_body (text, len, &body_line);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      RecapHeading *heading;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;
      heading = g_new (RecapHeading, 1);
      heading->line = body_line + cmark_node_get_start_line (node) - 1;
      heading->level = cmark_node_get_heading_level (node);
      heading->text = heading_text (node);
      g_ptr_array_add (headings, heading);
      /* Headings hold no headings. */
      cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  return headings;
}
