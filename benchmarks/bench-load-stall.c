/* bench-load-stall.c: the longest the window's main loop stops while it loads
 *
 * A high-priority timer ticks every 16 ms (one frame) while the window opens
 * a generated site (cold, then with its index cache) and a post of one 5 MB
 * line; the longest gap between two ticks is the longest the window could
 * not draw or answer input. Prints figures; asserts nothing about time.
 *
 * RECAP_BENCH_POSTS sets the site's size (default 50000); an argument
 * "site" or "post" runs only that part.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "recap-index-cache.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define FRAME_MS           16
#define SETTLE_MS          1500
#define WAIT_LIMIT_SECONDS 300
#define BIG_LINE_SIZE      (5 * 1024 * 1024)

typedef struct {
  gint64 start;
  gint64 last_tick;
  gint64 max_gap;
  guint  long_gaps;  /* gaps of more than two frames */
} Stall;

static gboolean
tick (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - stall->last_tick;

  stall->max_gap = MAX (stall->max_gap, gap);
  if (gap > 2 * FRAME_MS * 1000)
    stall->long_gaps++;
  stall->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer user_data)
{
  g_error ("%s did not finish within %d seconds", (const char *) user_data, WAIT_LIMIT_SECONDS);
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Done) (RecapWindow *window, gpointer data);

static gboolean
settled (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for SETTLE_MS. */
static void
settle (void)
{
  gboolean over = FALSE;

  g_timeout_add (SETTLE_MS, settled, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the window settle (its first frames, the preview's web process), then
 * runs the main loop until @done and SETTLE_MS more for the work loading
 * queues behind itself; prints the longest gap and the time to @done. */
static void
measure (const char  *label,
         RecapWindow *window,
         GFile       *location,
         Done         done,
         gpointer     data)
{
  Stall stall = { 0 };
  guint ticker, limit;
  gint64 done_at;

  settle ();
  stall.start = stall.last_tick = g_get_monotonic_time ();
  ticker = g_timeout_add_full (G_PRIORITY_HIGH, FRAME_MS, tick, &stall, NULL);
  limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, give_up, (gpointer) label);
  recap_window_open_location (window, location);
  while (!done (window, data))
    g_main_context_iteration (NULL, TRUE);
  done_at = g_get_monotonic_time ();
  settle ();
  tick (&stall);
  g_source_remove (ticker);
  g_source_remove (limit);
  g_print ("%s: longest main-loop stall %.0f ms, %u stalls over %d ms, loaded in %.0f ms\n",
           label, stall.max_gap / 1000.0, stall.long_gaps, 2 * FRAME_MS,
           (done_at - stall.start) / 1000.0);
}

static const char *
sidebar_page (RecapWindow *window)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  GtkWidget *stack = ui_test_find_by_type (sidebar, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
site_listed (RecapWindow *window,
             gpointer     data)
{
  RecapSite *site = recap_window_get_site (window);

  return site != NULL && g_list_model_get_n_items (G_LIST_MODEL (site)) == GPOINTER_TO_UINT (data) &&
         g_strcmp0 (sidebar_page (window), "loading") != 0;
}

static gboolean
post_open (RecapWindow *window,
           gpointer     data)
{
  RecapDocument *document = recap_window_get_document (window);

  return document != NULL && g_file_equal (recap_document_get_file (document), data);
}

/* In the flat list of posts, then grouped by event (the cache warm). */
static void
bench_site (RecapWindow *window,
            guint        count)
{
  g_autofree char *dir = bench_generate_site (count);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *cache = recap_index_cache_dup_path (root);
  g_autofree char *cold = g_strdup_printf ("%u-post site, no index cache", count);
  g_autofree char *warm = g_strdup_printf ("%u-post site, index cache warm", count);
  g_autofree char *events = g_strdup_printf ("%u-post site, index cache warm, by event", count);
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));

  g_unlink (cache);
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  measure (cold, window, root, site_listed, GUINT_TO_POINTER (count));
  measure (warm, window, root, site_listed, GUINT_TO_POINTER (count));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_EVENTS);
  measure (events, window, root, site_listed, GUINT_TO_POINTER (count));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  g_unlink (cache);
  test_util_remove_tree (dir);
}

/* A post whose body is one line of 5 MB: words, no newline. */
static void
bench_big_line (RecapWindow *window)
{
  g_autofree char *dir = g_dir_make_tmp ("recap-bench-XXXXXX", NULL);
  g_autofree char *posts = g_build_filename (dir, "_posts", NULL);
  g_autofree char *path = g_build_filename (posts, "2024-01-01-one-line.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("---\ntitle: One line\n---\n");
  g_autoptr(GError) error = NULL;

  while (text->len < BIG_LINE_SIZE)
    g_string_append (text, "lorem ipsum *dolor* sit amet, [consectetur](https://example.com) ");
  g_mkdir_with_parents (posts, 0755);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  measure ("post of one 5 MB line", window, file, post_open, file);
  test_util_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *posts = g_getenv ("RECAP_BENCH_POSTS");
  guint count = posts ? atoi (posts) : 50000;
  RecapWindow *window;

  g_test_init (&argc, &argv, NULL);
  /* A benchmark reports what the app does, criticals included, and goes on. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  if (!gtk_init_check ())
    {
      g_print ("No display: skipped (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  window = recap_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  if (argc < 2 || g_str_equal (argv[1], "site"))
    bench_site (window, count);
  if (argc < 2 || g_str_equal (argv[1], "post"))
    bench_big_line (window);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
