/* recap-html-blocks.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-html-blocks.h"

#include <stdlib.h>
#include <string.h>

#define SOURCEPOS       " data-sourcepos"
#define SOURCEPOS_VALUE SOURCEPOS "=\""

typedef struct {
  gsize start;
  gsize end;
} Range;

/* One pass over a large page must stay in the low milliseconds: no printf,
 * no copy per block. */
struct _RecapHtmlBlocks
{
  GString *markup;    /* the HTML with bare data-sourcepos markers */
  GArray  *ranges;    /* of the top-level nodes in markup */
  GString *positions;
};

static void
append_number (GString *string,
               gulong   number)
{
  char digits[24];
  gsize first = sizeof digits;

  do
    digits[--first] = '0' + number % 10;
  while ((number /= 10) > 0);
  g_string_append_len (string, digits + first, sizeof digits - first);
}

/* "3:1-5:12" gives "3-5,". */
static void
append_lines (GString    *positions,
              const char *value)
{
  char *end;
  gulong first = strtoul (value, &end, 10);
  const char *dash = strchr (end, '-');
  gulong last = dash ? strtoul (dash + 1, NULL, 10) : first;

  append_number (positions, first);
  g_string_append_c (positions, '-');
  append_number (positions, MAX (first, last));
  g_string_append_c (positions, ',');
}

/* Whether the start tag at @tag opens no element: "<br />" or, as the
 * sanitizer writes them, "<br>", "<img …>". */
static gboolean
is_void_tag (const char *tag,
             const char *end)
{
  static const char * const void_elements[] = {
    "area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr",
  };
  gsize name_len = strcspn (tag + 1, " \t\n/>");

  if (end[-2] == '/')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (void_elements); i++)
    if (name_len == strlen (void_elements[i]) && g_ascii_strncasecmp (tag + 1, void_elements[i], name_len) == 0)
      return TRUE;
  return FALSE;
}

/* Copies the tag at @tag, its data-sourcepos value moved to positions, and
 * counts the depth. Returns the end of the tag, NULL when there is none. */
static const char *
copy_tag (RecapHtmlBlocks *self,
          const char      *tag,
          int             *depth)
{
  const char *end = strchr (tag, '>');
  const char *attribute, *value, *value_end;

  if (end == NULL)
    return NULL;
  end++;
  if (tag[1] == '/')
    (*depth)--;
  else if (!is_void_tag (tag, end))
    (*depth)++;

  attribute = memmem (tag, end - tag, SOURCEPOS_VALUE, strlen (SOURCEPOS_VALUE));
  value = attribute ? attribute + strlen (SOURCEPOS_VALUE) : NULL;
  value_end = value ? memchr (value, '"', end - value) : NULL;
  if (value_end == NULL)
    {
      g_string_append_len (self->markup, tag, end - tag);
      return end;
    }
  g_string_append_len (self->markup, tag, attribute + strlen (SOURCEPOS) - tag);
  g_string_append_len (self->markup, value_end + 1, end - value_end - 1);
  append_lines (self->positions, value);
  return end;
}

static const char *
copy_comment (RecapHtmlBlocks *self,
              const char      *comment)
{
  const char *end = strstr (comment, "-->");

  if (end == NULL)
    return NULL;
  end += strlen ("-->");
  g_string_append_len (self->markup, comment, end - comment);
  return end;
}

static const char *
skip_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return text;
}

/* Every '<' starts a tag or a comment, since text is escaped. Blank text
 * between top-level nodes is left out: it shows nothing. FALSE when @html
 * is not like that. */
static gboolean
split_top_level (RecapHtmlBlocks *self,
                 const char      *html)
{
  const char *p = html;
  Range node = { 0, 0 };
  int depth = 0;

  while (*(p = depth ? p : skip_blank (p)) != '\0')
    {
      const char *tag = depth ? strchr (p, '<') : p;

      if (tag == NULL || *tag != '<')
        return FALSE;
      g_string_append_len (self->markup, p, tag - p);
      if (depth == 0)
        node.start = self->markup->len;
      p = g_str_has_prefix (tag, "<!--") ? copy_comment (self, tag) : copy_tag (self, tag, &depth);
      if (p == NULL || depth < 0)
        return FALSE;
      if (depth == 0)
        {
          node.end = self->markup->len;
          g_array_append_val (self->ranges, node);
        }
    }
  return depth == 0;
}

RecapHtmlBlocks *
recap_html_blocks_new (const char *html)
{
  RecapHtmlBlocks *self;
  Range whole;

  g_return_val_if_fail (html != NULL, NULL);

  self = g_new0 (RecapHtmlBlocks, 1);
  self->markup = g_string_sized_new (strlen (html));
  self->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  self->positions = g_string_new (NULL);
  if (split_top_level (self, html))
    {
      if (self->positions->len > 0)
        g_string_truncate (self->positions, self->positions->len - 1);
      return self;
    }

  /* Not splittable: one block, which still renders right. */
  g_string_assign (self->markup, html);
  g_string_truncate (self->positions, 0);
  whole = (Range) { 0, self->markup->len };
  g_array_set_size (self->ranges, 0);
  g_array_append_val (self->ranges, whole);
  return self;
}

void
recap_html_blocks_free (RecapHtmlBlocks *self)
{
  g_string_free (self->markup, TRUE);
  g_array_unref (self->ranges);
  g_string_free (self->positions, TRUE);
  g_free (self);
}

const char *
recap_html_blocks_get_positions (RecapHtmlBlocks *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->positions->str;
}

static gboolean
same_block (RecapHtmlBlocks *old,
            guint            old_index,
            RecapHtmlBlocks *new,
            guint            new_index)
{
  Range a = g_array_index (old->ranges, Range, old_index);
  Range b = g_array_index (new->ranges, Range, new_index);

  return a.end - a.start == b.end - b.start &&
         memcmp (old->markup->str + a.start, new->markup->str + b.start, a.end - a.start) == 0;
}

/* The blocks from @first to @last (excluded), as one string. */
static char *
join_blocks (RecapHtmlBlocks *self,
             guint            first,
             guint            last)
{
  gsize start, end;

  if (first == last)
    return g_strdup ("");
  start = g_array_index (self->ranges, Range, first).start;
  end = g_array_index (self->ranges, Range, last - 1).end;
  return g_strndup (self->markup->str + start, end - start);
}

void
recap_html_blocks_diff_range (RecapHtmlBlocks *old,
                              RecapHtmlBlocks *new,
                              guint           *start,
                              int             *removed,
                              guint           *end)
{
  guint old_len, new_len, prefix = 0, suffix = 0;

  g_return_if_fail (new != NULL);

  new_len = new->ranges->len;
  if (old == NULL)
    {
      *start = 0;
      *removed = -1;
      *end = new_len;
      return;
    }

  old_len = old->ranges->len;
  while (prefix < old_len && prefix < new_len && same_block (old, prefix, new, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_block (old, old_len - 1 - suffix, new, new_len - 1 - suffix))
    suffix++;

  *start = prefix;
  *removed = old_len - prefix - suffix;
  *end = new_len - suffix;
}

char *
recap_html_blocks_diff (RecapHtmlBlocks *old,
                        RecapHtmlBlocks *new,
                        guint           *start,
                        int             *removed)
{
  guint end;

  g_return_val_if_fail (new != NULL, NULL);

  recap_html_blocks_diff_range (old, new, start, removed, &end);
  return join_blocks (new, *start, end);
}

char *
recap_html_blocks_join (RecapHtmlBlocks *self,
                        guint            first,
                        guint            last,
                        gsize            bytes,
                        guint           *next)
{
  guint after = first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (first <= last && last <= self->ranges->len, NULL);

  while (after < last &&
         (after == first || g_array_index (self->ranges, Range, after).end -
                            g_array_index (self->ranges, Range, first).start <= bytes))
    after++;
  *next = after;
  return join_blocks (self, first, after);
}
