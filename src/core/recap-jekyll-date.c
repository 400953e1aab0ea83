/* recap-jekyll-date.c: Jekyll's dates: the front-matter value, the date a
 * post's file name starts with, the form Recap writes, and the local zone
 *
 * A hand-written reader: g_date_time_new_from_iso8601() refuses Jekyll's
 * "YYYY-MM-DD HH:MM:SS +TTTT", one-digit months and days, and dates
 * without a time.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-jekyll-date.h"

#include <string.h>

typedef struct {
  const char *p;
} Cursor;

static gboolean
read_digits (Cursor *c,
             guint   min,
             guint   max,
             int    *out)
{
  guint n = 0;

  *out = 0;
  while (n < max && g_ascii_isdigit (c->p[n]))
    *out = *out * 10 + (c->p[n++] - '0');
  c->p += n;
  return n >= min;
}

static gboolean
read_char (Cursor     *c,
           const char *set)
{
  if (*c->p == '\0' || strchr (set, *c->p) == NULL)
    return FALSE;
  c->p++;
  return TRUE;
}

static void
skip_blanks (Cursor *c)
{
  while (*c->p == ' ' || *c->p == '\t')
    c->p++;
}

static gboolean
read_fraction (Cursor *c,
               double *seconds)
{
  double scale = 0.1;

  if (!read_char (c, "."))
    return TRUE;
  if (!g_ascii_isdigit (*c->p))
    return FALSE;
  for (; g_ascii_isdigit (*c->p); c->p++, scale /= 10)
    *seconds += (*c->p - '0') * scale;
  return TRUE;
}

/* "Z", "+HH", "+HHMM" or "+HH:MM"; NULL zone for none (local time). */
static gboolean
read_zone (Cursor     *c,
           GTimeZone **zone)
{
  int hours, minutes = 0;
  int sign;

  skip_blanks (c);
  if (read_char (c, "Zz"))
    {
      *zone = g_time_zone_new_utc ();
      return TRUE;
    }
  if (*c->p != '+' && *c->p != '-')
    return TRUE;

  sign = *c->p++ == '-' ? -1 : 1;
  if (!read_digits (c, 1, 2, &hours) || hours > 23)
    return FALSE;
  read_char (c, ":");
  if (g_ascii_isdigit (*c->p) && (!read_digits (c, 2, 2, &minutes) || minutes > 59))
    return FALSE;
  *zone = g_time_zone_new_offset (sign * (hours * 3600 + minutes * 60));
  return TRUE;
}

static gboolean
read_time (Cursor *c,
           int    *hour,
           int    *minute,
           double *seconds)
{
  int whole = 0;

  if (!read_digits (c, 1, 2, hour) || !read_char (c, ":") || !read_digits (c, 2, 2, minute))
    return FALSE;
  if (read_char (c, ":") && !read_digits (c, 2, 2, &whole))
    return FALSE;
  *seconds = whole;
  return read_fraction (c, seconds);
}

GDateTime *
recap_jekyll_date_parse (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;
  Cursor c = { text };
  int year, month, day, hour = 0, minute = 0;
  double seconds = 0;

  skip_blanks (&c);
  if (!read_digits (&c, 4, 4, &year) || !read_char (&c, "-") ||
      !read_digits (&c, 1, 2, &month) || !read_char (&c, "-") ||
      !read_digits (&c, 1, 2, &day))
    return NULL;

  if (read_char (&c, "Tt") || (skip_blanks (&c), g_ascii_isdigit (*c.p)))
    {
      if (!read_time (&c, &hour, &minute, &seconds) || !read_zone (&c, &zone))
        return NULL;
    }
  skip_blanks (&c);
  if (*c.p != '\0')
    return NULL;

  if (zone == NULL)
    zone = recap_time_zone_new_local ();
  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

/* Jekyll's matcher for post file names: (\d{2,4}-\d{1,2}-\d{1,2})-. A plain
 * scanner: this runs for every file of a site, where a regex costs 10% of indexing. */
GDateTime *
recap_jekyll_date_from_file_name (const char *basename)
{
  g_autoptr(GTimeZone) local = NULL;
  Cursor c = { basename };
  int year, month, day;

  if (!read_digits (&c, 2, 4, &year) || !read_char (&c, "-") ||
      !read_digits (&c, 1, 2, &month) || !read_char (&c, "-") ||
      !read_digits (&c, 1, 2, &day) || *c.p != '-' ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  local = recap_time_zone_new_local ();
  return g_date_time_new (local, year, month, day, 0, 0, 0);
}

GTimeZone *
recap_time_zone_new_local (void)
{
  static GTimeZone *local;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());
  return g_time_zone_ref (local);
}

char *
recap_front_matter_format_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d %H:%M:%S %z");
}
