/* recap-search-text.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-search-text.h"

#include <string.h>

/* Below this, scripts whose letters take accents (Latin, Greek, Cyrillic…):
 * only their characters are decomposed to find a base letter. */
#define DECOMPOSED_BELOW 0x3000

/* @c without its accents: its canonical decomposition's first character when
 * the rest are combining marks ("é", "ǘ"), else @c (Hangul syllables too). */
static gunichar
base_letter (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c >= DECOMPOSED_BELOW)
    return c;
  n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 1; i < n; i++)
    if (g_unichar_type (parts[i]) != G_UNICODE_NON_SPACING_MARK)
      return c;
  return parts[0];
}

/* Folds the character at @text to @out: combining marks to nothing, others
 * to their base letter's lower case when that is no longer, else to
 * themselves. Invalid bytes go one by one. Returns the bytes read; *@n_out
 * gets the bytes written, never more than were read. */
static gsize
fold_char (const char *text,
           const char *end,
           char       *out,
           gsize      *n_out)
{
  gunichar c = g_utf8_get_char_validated (text, end - text);
  char folded[6];
  gsize len, folded_len;

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *out = *text;
      *n_out = 1;
      return 1;
    }
  len = g_utf8_next_char (text) - text;
  if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
    {
      *n_out = 0;
      return len;
    }
  folded_len = g_unichar_to_utf8 (g_unichar_tolower (base_letter (c)), folded);
  if (folded_len > len)
    folded_len = g_unichar_to_utf8 (c, folded);
  memcpy (out, folded, folded_len);
  *n_out = folded_len;
  return len;
}

gsize
recap_search_fold (const char *text,
                   gsize       len,
                   char       *out)
{
  const char *end = text + len;
  char *start = out;

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
          gsize n_out;

          text += fold_char (text, end, out, &n_out);
          out += n_out;
        }
    }
  return out - start;
}

char *
recap_search_fold_dup (const char *text,
                       gssize      len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  char *folded = g_malloc (n + 1);

  folded[recap_search_fold (text, n, folded)] = '\0';
  return folded;
}

/* 16 bytes, as GCC's vector extensions make SSE2 or NEON of them. */
typedef guint8 Block __attribute__ ((vector_size (16)));

/* Hand-written: glibc's memmem() reads 1-2 GB/s for needles of 2-3 bytes,
 * this 5-6 GB/s, and about as fast as glibc for longer ones (2 KB texts
 * from gen-site.py). */
const char *
recap_search_memmem (const char *haystack,
                     gsize       len,
                     const char *needle,
                     gsize       needle_len)
{
  Block first, last;
  gsize i = 0;

  if (needle_len < 2)
    return needle_len == 0 ? haystack : memchr (haystack, needle[0], len);
  memset (&first, (guint8) needle[0], sizeof first);
  memset (&last, (guint8) needle[needle_len - 1], sizeof last);
  for (; i + needle_len - 1 + sizeof (Block) <= len; i += sizeof (Block))
    {
      Block starts, ends, both;
      guint64 lanes[2];

      memcpy (&starts, haystack + i, sizeof starts);
      memcpy (&ends, haystack + i + needle_len - 1, sizeof ends);
      both = (Block) ((starts == first) & (ends == last));
      memcpy (lanes, &both, sizeof lanes);
      for (guint half = 0; half < 2; half++)
        for (guint64 mask = GUINT64_FROM_LE (lanes[half]); mask != 0;)
          {
            /* An agreeing byte is 0xff; read little-endian, the lowest is the first. */
            guint byte = __builtin_ctzll (mask) / 8;
            const char *at = haystack + i + half * 8 + byte;

            if (memcmp (at + 1, needle + 1, needle_len - 2) == 0)
              return at;
            mask &= ~(G_GUINT64_CONSTANT (0xff) << (byte * 8));
          }
    }
  return memmem (haystack + i, len - i, needle, needle_len);
}

/* Where the character that folds to byte @offset of @text's folded copy
 * starts in @text (@len bytes): folding again up to it. */
static const char *
unfold_offset (const char *text,
               gsize       len,
               gsize       offset)
{
  const char *end = text + len;
  char scratch[6];
  gsize folded = 0;

  while (text < end)
    {
      gsize n_out = 1;
      /* ASCII folds to one byte: as in recap_search_fold(), inline. */
      gsize n_in = (guchar) *text < 0x80 ? 1 : fold_char (text, end, scratch, &n_out);

      /* A combining mark folds to nothing: it belongs to the letter before. */
      if (folded >= offset && n_out > 0)
        break;
      folded += n_out;
      text += n_in;
    }
  return text;
}

/* The match at @folded_match (of @needle_len bytes) in the folding of @text,
 * as a place in @text and its length there. */
static const char *
unfold_match (const char *text,
              gsize       len,
              gsize       folded_match,
              gsize       needle_len,
              gsize      *match_len)
{
  const char *start = unfold_offset (text, len, folded_match);
  const char *end = unfold_offset (start, text + len - start, needle_len);

  if (match_len != NULL)
    *match_len = end - start;
  return start;
}

gsize
recap_search_text_size (gsize len)
{
  return 2 * len + 2;
}

void
recap_search_text_write (const char *body,
                         gsize       len,
                         char       *out)
{
  gsize folded;

  memcpy (out, body, len);
  out[len] = '\0';
  folded = recap_search_fold (body, len, out + len + 1);
  memset (out + len + 1 + folded, 0, len + 1 - folded);
}

GBytes *
recap_search_text_new (const char *body,
                       gsize       len)
{
  gsize size = recap_search_text_size (len);
  char *data = g_malloc (size);

  recap_search_text_write (body, len, data);
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

/* The length of the folded copy of a body of @len bytes: the NULs that pad
 * it to @len bytes left out. */
static gsize
folded_length (const char *folded,
               gsize       len)
{
  while (len > 0 && folded[len - 1] == '\0')
    len--;
  return len;
}

/* Where @folded_needle is in the folded copy of @text, or NULL. */
static const char *
find_folded (GBytes     *text,
             const char *folded_needle,
             gsize       needle_len)
{
  gsize len;
  const char *body = recap_search_text_get_body (text, &len);
  const char *folded = body + len + 1;

  return len > 0 ? recap_search_memmem (folded, folded_length (folded, len), folded_needle, needle_len) : NULL;
}

/* The one check of the shape that memmem() needs, on the byte before the
 * folded copy: the end of the block stays out of the cache. The padding
 * NULs are searched too, harmless as needles have no NUL. */
gboolean
recap_search_text_contains (GBytes     *text,
                            const char *folded_needle,
                            gsize       needle_len)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (text, &size);
  gsize len = (size - 2) / 2;

  return size >= 2 && size % 2 == 0 && data[len] == '\0' &&
         recap_search_memmem (data + len + 1, len, folded_needle, needle_len) != NULL;
}

const char *
recap_search_text_find (GBytes     *text,
                        const char *folded_needle,
                        gsize       needle_len,
                        gsize      *match_len)
{
  gsize len;
  const char *body = recap_search_text_get_body (text, &len);
  const char *match = find_folded (text, folded_needle, needle_len);

  if (match == NULL)
    return NULL;
  return unfold_match (body, len, match - (body + len + 1), needle_len, match_len);
}

#define FOLD_ON_STACK 4096

const char *
recap_search_find_folding (const char *text,
                           gsize       len,
                           const char *folded_needle,
                           gsize       needle_len,
                           gsize      *match_len)
{
  char on_stack[FOLD_ON_STACK];
  g_autofree char *on_heap = len > FOLD_ON_STACK ? g_malloc (len) : NULL;
  char *folded = on_heap != NULL ? on_heap : on_stack;
  gsize folded_len = recap_search_fold (text, len, folded);
  const char *match = recap_search_memmem (folded, folded_len, folded_needle, needle_len);

  if (match == NULL)
    return NULL;
  return unfold_match (text, len, match - folded, needle_len, match_len);
}
