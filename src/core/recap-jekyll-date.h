/* recap-jekyll-date.h: Jekyll's dates (front-matter values, file-name prefixes)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Jekyll date: "YYYY-MM-DD[ HH:MM[:SS][ +/-TTTT]]" (also ISO 8601 'T' and Z).
 * NULL when @text is not a date. Offsetless times are local. */
GDateTime *recap_jekyll_date_parse          (const char *text);
/* The date a post's file name starts with ("2024-03-14-slug.md"), at local
 * midnight; NULL when the name does not start with one. */
GDateTime *recap_jekyll_date_from_file_name (const char *basename);
/* A date the way Jekyll 4.3 reads a front-matter value (Ruby's Time.parse,
 * after YAML): zone-less times in @zone, or in UTC when @yaml_timestamp
 * (an unquoted YAML timestamp); a trailing year, "UTC"/"GMT" and US zone
 * abbreviations accepted; a day past the month's end rolled over
 * (2024-02-30 is 1 March). The result is in @zone. *@odd (may be NULL) is
 * TRUE when recap_jekyll_date_parse() would not read @text as the same
 * instant. NULL when Jekyll would refuse it too (its build then fails). */
GDateTime *recap_jekyll_date_parse_lenient  (const char *text,
                                             GTimeZone  *zone,
                                             gboolean    yaml_timestamp,
                                             gboolean   *odd);
/* TRUE when @text is what YAML 1.1 (Ruby's Psych) reads as a timestamp
 * with a time: "YYYY-MM-DD HH:MM:SS[.f][ zone]"; a date alone is a Date. */
gboolean   recap_jekyll_date_is_yaml_time   (const char *text);
/* "YYYY-MM-DD HH:MM:SS +TTTT", the way Jekyll writes dates. */
char      *recap_front_matter_format_date   (GDateTime  *date);
/* The local time zone, read once: GLib 2.74 reads the zone file anew on
 * each g_time_zone_new_local() when TZ is unset, a tenth of indexing a site. */
GTimeZone *recap_time_zone_new_local        (void);

G_END_DECLS
