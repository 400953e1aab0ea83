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

/* Lenient reading, as Ruby's Time.parse */

typedef struct {
  const char *name;
  int         minutes;
} ZoneName;

/* The abbreviations of Ruby's Date._parse zone table seen on real sites. */
static const ZoneName zone_names[] = {
  { "utc", 0 }, { "gmt", 0 }, { "ut", 0 }, { "z", 0 },
  { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
  { "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
  { "bst", 60 }, { "cet", 60 }, { "cest", 120 }, { "eet", 120 }, { "eest", 180 },
  { "ist", 330 }, { "jst", 540 }, { "aest", 600 },
};

static gboolean
read_zone_name (Cursor     *c,
                GTimeZone **zone)
{
  gsize len = 0;

  while (g_ascii_isalpha (c->p[len]))
    len++;
  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (strlen (zone_names[i].name) == len && g_ascii_strncasecmp (c->p, zone_names[i].name, len) == 0)
      {
        g_clear_pointer (zone, g_time_zone_unref);
        *zone = g_time_zone_new_offset (zone_names[i].minutes * 60);
        c->p += len;
        return TRUE;
      }
  return FALSE;
}

/* "AM"/"PM" after a time. */
static void
read_meridian (Cursor *c,
               int    *hour)
{
  gboolean pm = g_ascii_strncasecmp (c->p, "pm", 2) == 0;

  if ((pm || g_ascii_strncasecmp (c->p, "am", 2) == 0) && !g_ascii_isalpha (c->p[2]))
    {
      c->p += 2;
      *hour = *hour % 12 + (pm ? 12 : 0);
    }
}

/* What follows the date, as Ruby's Date._parse: a time, then a zone right
 * after it; further numbers ("2023 -0800", a year again) are ignored, so a
 * zone written after them is too. */
static gboolean
read_lenient_tail (Cursor     *c,
                   int        *hour,
                   int        *minute,
                   double     *seconds,
                   GTimeZone **zone)
{
  skip_blanks (c);
  if ((*c->p == 'T' || *c->p == 't') && g_ascii_isdigit (c->p[1]))
    c->p++;
  if (g_ascii_isdigit (*c->p) && strspn (c->p, "0123456789") <= 2 && c->p[strspn (c->p, "0123456789")] == ':')
    {
      if (!read_time (c, hour, minute, seconds))
        return FALSE;
      skip_blanks (c);
      read_meridian (c, hour);
      skip_blanks (c);
      if (g_ascii_isalpha (*c->p))
        read_zone_name (c, zone);
      else if (!read_zone (c, zone))
        return FALSE;
    }
  for (skip_blanks (c); *c->p != '\0'; skip_blanks (c))
    {
      if (*c->p == '+' || *c->p == '-')
        c->p++;
      if (!g_ascii_isdigit (*c->p))
        return FALSE;
      c->p += strspn (c->p, "0123456789");
    }
  return TRUE;
}

GDateTime *
recap_jekyll_date_parse_lenient (const char *text,
                                 GTimeZone  *zone,
                                 gboolean    yaml_timestamp,
                                 gboolean   *odd)
{
  g_autoptr(GTimeZone) written = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) strict = NULL;
  Cursor c = { text };
  int year, month, day, hour = 0, minute = 0;
  double seconds = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  skip_blanks (&c);
  if (!read_digits (&c, 4, 4, &year) || !read_char (&c, "-/") ||
      !read_digits (&c, 1, 2, &month) || !read_char (&c, "-/") ||
      !read_digits (&c, 1, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31 ||
      !read_lenient_tail (&c, &hour, &minute, &seconds, &written))
    return NULL;
  if (written == NULL)
    written = yaml_timestamp && recap_jekyll_date_is_yaml_time (text) ? g_time_zone_new_utc () : g_time_zone_ref (zone);

  /* Time.local(2024, 2, 30) is 1 March: the days past the month's end roll over. */
  first = g_date_time_new (written, year, month, 1, hour, minute, seconds);
  if (first == NULL)
    return NULL;
  parsed = g_date_time_add_days (first, day - 1);
  if (odd != NULL)
    {
      strict = day <= g_date_get_days_in_month (month, year) ? recap_jekyll_date_parse (text) : NULL;
      *odd = strict == NULL;
    }
  return g_date_time_to_timezone (parsed, zone);
}

gboolean
recap_jekyll_date_is_yaml_time (const char *text)
{
  /* Psych's ScalarScanner TIME. */
  return g_regex_match_simple ("^-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?"
                               "(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?$", text, 0, 0);
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
