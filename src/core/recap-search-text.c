/* recap-search-text.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-search-text.h"

#include <string.h>

/* The lower case of the character at @text when it has the same length,
 * else the character itself; returns the length. Invalid bytes go one by one. */
static gsize
fold_char (const char *text,
           const char *end,
           char       *out)
{
  gunichar c = g_utf8_get_char_validated (text, end - text);
  char lower[6];
  gsize len;

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *out = *text;
      return 1;
    }
  len = g_utf8_next_char (text) - text;
  if (g_unichar_to_utf8 (g_unichar_tolower (c), lower) == (int) len)
    memcpy (out, lower, len);
  else
    memcpy (out, text, len);
  return len;
}

void
recap_search_fold (const char *text,
                   gsize       len,
                   char       *out)
{
  const char *end = text + len;

  while (text < end)
    {
      guchar c = *text;

      /* ASCII inline: bodies are mostly ASCII and this runs over all of them. */
      if (c < 0x80)
        {
          *out++ = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
          text++;
        }
      else
        {
          gsize n = fold_char (text, end, out);

          text += n;
          out += n;
        }
    }
}

char *
recap_search_fold_dup (const char *text,
                       gssize      len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  char *folded = g_malloc (n + 1);

  recap_search_fold (text, n, folded);
  folded[n] = '\0';
  return folded;
}

gsize
recap_search_text_size (gsize len)
{
  return 2 * len + 2;
}

GBytes *
recap_search_text_new (const char *body,
                       gsize       len)
{
  gsize size = recap_search_text_size (len);
  char *data = g_malloc (size);

  memcpy (data, body, len);
  data[len] = '\0';
  recap_search_fold (body, len, data + len + 1);
  data[size - 1] = '\0';
  return g_bytes_new_take (data, size);
}

gboolean
recap_search_text_is_valid (const char *data,
                            gsize       size)
{
  gsize len = (size - 2) / 2;

  return size >= 2 && size % 2 == 0 && data[len] == '\0' && data[size - 1] == '\0';
}

const char *
recap_search_text_get_body (GBytes *text,
                            gsize  *len)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (text, &size);
  gboolean valid = recap_search_text_is_valid (data, size);

  if (len != NULL)
    *len = valid ? (size - 2) / 2 : 0;
  return valid ? data : "";
}

const char *
recap_search_text_find (GBytes     *text,
                        const char *folded_needle,
                        gsize       needle_len)
{
  gsize len;
  const char *body = recap_search_text_get_body (text, &len);
  const char *match = len > 0 ? memmem (body + len + 1, len, folded_needle, needle_len) : NULL;

  return match != NULL ? body + (match - (body + len + 1)) : NULL;
}

#define FOLD_CHUNK 4096

const char *
recap_search_find_folding (const char *text,
                           gsize       len,
                           const char *folded_needle,
                           gsize       needle_len)
{
  char folded[FOLD_CHUNK];

  if (needle_len == 0 || needle_len > FOLD_CHUNK / 2)
    return needle_len == 0 ? text : NULL;
  /* Chunks overlap by the needle's length, so no match falls between two. */
  for (gsize start = 0; start < len; start += FOLD_CHUNK - needle_len)
    {
      gsize n = MIN (FOLD_CHUNK, len - start);
      const char *match;

      recap_search_fold (text + start, n, folded);
      match = memmem (folded, n, folded_needle, needle_len);
      if (match != NULL)
        return text + start + (match - folded);
      if (start + n >= len)
        break;
    }
  return NULL;
}
