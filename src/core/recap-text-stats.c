/* recap-text-stats.c: words, characters and headings of a post's body
 *
 * Walks cmark-gfm's tree of the body, so that code blocks, link targets,
 * reference definitions and setext underlines are told apart exactly as the
 * preview renders them; only Liquid, which cmark does not know, is scanned
 * here by hand (a few tags, see recap-text-stats.h).
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
