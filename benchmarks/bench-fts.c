/* bench-fts.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bench-fts.h"
#include "bench-util.h"

static void
check (sqlite3 *db,
       int      rc,
       int      expected)
{
  if (rc != expected)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

/* What the sidebar searches besides the body, as one text. */
static char *
fields_of (RecapPost *post)
{
  GDateTime *date = recap_post_get_date (post);
  g_autofree char *day = date ? g_date_time_format (date, "%Y-%m-%d") : NULL;
  g_autofree char *tags = recap_post_get_tags (post) ? g_strjoinv (" ", (GStrv) recap_post_get_tags (post)) : NULL;

  const char *author = recap_post_get_author (post);
  const char *event = recap_post_get_event (post);

  return g_strjoin (" ", recap_post_get_title (post), author ? author : "", event ? event : "",
                    recap_post_get_relative_path (post), day ? day : "", tags ? tags : "", NULL);
}

static double
build_index (sqlite3   *db,
             RecapSite *site)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (site));
  gint64 start = g_get_monotonic_time ();
  sqlite3_stmt *insert = NULL;

  check (db, sqlite3_exec (db, "CREATE VIRTUAL TABLE posts USING fts5(fields, body, "
                               "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none);"
                               "BEGIN;", NULL, NULL, NULL), SQLITE_OK);
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO posts (rowid, fields, body) VALUES (?, ?, ?)", -1, &insert, NULL),
         SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);
      char *fields = fields_of (post);

      sqlite3_bind_int64 (insert, 1, i);
      sqlite3_bind_text (insert, 2, fields, -1, g_free);
      sqlite3_bind_text (insert, 3, recap_post_get_body (post), -1, SQLITE_STATIC);
      check (db, sqlite3_step (insert), SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);
  check (db, sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL), SQLITE_OK);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* "w1"* AND "w2"*: each word of @query a prefix. */
static char *
match_expression (const char *query)
{
  g_autoptr(GString) expression = g_string_new (NULL);
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", query, G_REGEX_OPTIMIZE, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i])
      g_string_append_printf (expression, "%s\"%s\"*", expression->len ? " AND " : "", words[i]);
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

/* The posts matching @query, as the sidebar would keep them. */
static guint
run_query (sqlite3      *db,
           sqlite3_stmt *select,
           const char   *query)
{
  g_autofree char *expression = match_expression (query);
  guint n = 0;

  if (*expression == '\0')
    return 0;
  sqlite3_bind_text (select, 1, expression, -1, SQLITE_STATIC);
  while (sqlite3_step (select) == SQLITE_ROW)
    n += sqlite3_column_int64 (select, 0) >= 0;
  sqlite3_reset (select);
  return n;
}

static void
bench_phrase (sqlite3      *db,
              sqlite3_stmt *select,
              const char   *phrase,
              guint         n_posts)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;
  guint n = 0;

  for (gsize len = 1; len <= strlen (phrase); len++)
    {
      g_autofree char *query = g_strndup (phrase, len);
      gint64 start = g_get_monotonic_time ();
      gint64 usec;

      n = run_query (db, select, query);
      usec = g_get_monotonic_time () - start;
      g_array_append_val (times, usec);
    }
  label = g_strdup_printf ("FTS5 search-as-you-type “%s”, %u posts (%u match)", phrase, n_posts, n);
  bench_report (label, times);
}

void
bench_fts_search (RecapSite          *site,
                  const char         *dir,
                  const char * const *phrases)
{
  g_autofree char *path = g_build_filename (dir, "fts.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *select = NULL;
  double build_ms;
  GStatBuf st;

  check (db, sqlite3_open (path, &db), SQLITE_OK);
  check (db, sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", NULL, NULL, NULL), SQLITE_OK);
  build_ms = build_index (db, site);
  g_stat (path, &st);
  g_print ("FTS5 index of %u posts (unicode61 remove_diacritics 2, prefix indexes 1-3): %.0f ms, %.1f MB\n",
           g_list_model_get_n_items (G_LIST_MODEL (site)), build_ms, st.st_size / 1e6);
  check (db, sqlite3_prepare_v2 (db, "SELECT rowid FROM posts WHERE posts MATCH ?", -1, &select, NULL), SQLITE_OK);
  for (guint i = 0; phrases[i] != NULL; i++)
    bench_phrase (db, select, phrases[i], g_list_model_get_n_items (G_LIST_MODEL (site)));
  sqlite3_finalize (select);
  sqlite3_close (db);
  g_unlink (path);
}
