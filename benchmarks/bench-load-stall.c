/* bench-load-stall.c: the longest the window's main loop stops while it loads
 *
 * A high-priority timer ticks every 16 ms (one frame) while the window opens
 * a generated site (cold, then with its index cache in each view of the
 * sidebar) and a post of one 5 MB line; the longest gap between two ticks
 * is the longest the window could not draw or answer input. Prints
 * figures; asserts nothing about time.
 *
 * Then, with the site open, another program rewrites 5,000 of its posts
 * and deletes 5,000 (a git checkout): the window follows.
 *
 * RECAP_BENCH_POSTS sets the site's size (default 50000); an argument
 * "site", "changes" or "post" runs only that part.
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
#define CHECKOUT_CHANGES   5000

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

typedef void     (*Start) (RecapWindow *window, gpointer data);
typedef gboolean (*Done)  (RecapWindow *window, gpointer data);

static void
open_location (RecapWindow *window,
               gpointer     location)
{
  recap_window_open_location (window, location);
}

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
 * runs @start and the main loop until @done and SETTLE_MS more for the work
 * loading queues behind itself; prints the longest gap and the time to @done. */
static void
measure (const char  *label,
         RecapWindow *window,
         Start        start,
         gpointer     start_data,
         Done         done,
         gpointer     data)
{
  Stall stall = { 0 };
  guint ticker, limit;
  gint64 done_at;
  double iteration_wall, iteration_cpu;

  settle ();
  bench_iterations_reset ();
  stall.start = stall.last_tick = g_get_monotonic_time ();
  ticker = g_timeout_add_full (G_PRIORITY_HIGH, FRAME_MS, tick, &stall, NULL);
  limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, give_up, (gpointer) label);
  start (window, start_data);
  while (!done (window, data))
    g_main_context_iteration (NULL, TRUE);
  done_at = g_get_monotonic_time ();
  settle ();
  tick (&stall);
  g_source_remove (ticker);
  g_source_remove (limit);
  bench_iterations_longest (&iteration_wall, &iteration_cpu);
  g_print ("%s: longest main-loop stall %.0f ms, %u stalls over %d ms, loaded in %.0f ms; "
           "longest iteration %.0f ms (%.0f ms CPU)\n",
           label, stall.max_gap / 1000.0, stall.long_gaps, 2 * FRAME_MS,
           (done_at - stall.start) / 1000.0, iteration_wall, iteration_cpu);
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

/* In the flat list of posts, then in each other view (the cache warm). */
static void
bench_site (RecapWindow *window,
            guint        count)
{
  static const struct { RecapSidebarView view; const char *name; } views[] = {
    { RECAP_SIDEBAR_VIEW_EVENTS, "by event" }, { RECAP_SIDEBAR_VIEW_TAGS, "by tag" },
    { RECAP_SIDEBAR_VIEW_AUTHORS, "by author" }, { RECAP_SIDEBAR_VIEW_YEARS, "by year" },
    { RECAP_SIDEBAR_VIEW_DRAFTS, "drafts" }, { RECAP_SIDEBAR_VIEW_PROBLEMS, "problems" },
  };
  g_autofree char *dir = bench_generate_site (count);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *cache = recap_index_cache_dup_path (root);
  g_autofree char *cold = g_strdup_printf ("%u-post site, no index cache", count);
  g_autofree char *warm = g_strdup_printf ("%u-post site, index cache warm", count);
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));

  g_unlink (cache);
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  measure (cold, window, open_location, root, site_listed, GUINT_TO_POINTER (count));
  measure (warm, window, open_location, root, site_listed, GUINT_TO_POINTER (count));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u-post site, index cache warm, %s", count, views[i].name);

      recap_sidebar_set_view (sidebar, views[i].view);
      measure (label, window, open_location, root, site_listed, GUINT_TO_POINTER (count));
    }
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  g_unlink (cache);
  test_util_remove_tree (dir);
}

typedef struct {
  char     *posts;     /* the site's _posts folder */
  guint     count;     /* posts of the site before */
  guint     written;   /* atomic: set once the writer is done */
  char     *last;      /* the last post rewritten */
  GThread  *thread;
} Checkout;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/* In a thread, as another program: rewrites every other post of the first
 * 2 * CHECKOUT_CHANGES in _posts and deletes the others. */
static gpointer
write_checkout (gpointer data)
{
  Checkout *checkout = data;
  g_autoptr(GDir) dir = g_dir_open (checkout->posts, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *year;

  /* gen-site.py files posts by year: _posts/2015/… */
  while ((year = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (checkout->posts, year, NULL);
      g_autoptr(GDir) posts = g_dir_open (path, 0, NULL);
      const char *name;

      while (posts != NULL && (name = g_dir_read_name (posts)) != NULL)
        g_ptr_array_add (names, g_build_filename (year, name, NULL));
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 2 * CHECKOUT_CHANGES);
  for (guint i = 0; i < CHECKOUT_CHANGES; i++)
    {
      g_autofree char *changed = g_build_filename (checkout->posts, names->pdata[2 * i], NULL);
      g_autofree char *gone = g_build_filename (checkout->posts, names->pdata[2 * i + 1], NULL);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Rewritten %u\n---\nBody.\n", i);

      g_file_set_contents (changed, text, -1, NULL);
      g_unlink (gone);
      if (i == CHECKOUT_CHANGES - 1)
        checkout->last = g_steal_pointer (&changed);
    }
  g_atomic_int_set (&checkout->written, TRUE);
  return NULL;
}

static void
start_checkout (RecapWindow *window,
                gpointer     data)
{
  Checkout *checkout = data;

  checkout->thread = g_thread_new ("checkout", write_checkout, checkout);
}

/* All written, the deleted posts gone and the last rewritten one read again. */
static gboolean
checked_out (RecapWindow *window,
             gpointer     data)
{
  Checkout *checkout = data;
  RecapSite *site = recap_window_get_site (window);
  g_autoptr(GFile) last = NULL;
  RecapPost *post;

  if (!g_atomic_int_get (&checkout->written) ||
      g_list_model_get_n_items (G_LIST_MODEL (site)) != checkout->count - CHECKOUT_CHANGES)
    return FALSE;
  last = g_file_new_for_path (checkout->last);
  post = recap_site_find_post (site, last);
  return post != NULL && g_str_has_prefix (recap_post_get_title (post), "Rewritten");
}

/* The site open, another program rewrites and deletes many of its posts. */
static void
bench_changes (RecapWindow *window,
               guint        count)
{
  g_autofree char *dir = bench_generate_site (count);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *label = g_strdup_printf ("%u-post site open, %u posts rewritten and %u deleted",
                                            count, CHECKOUT_CHANGES, CHECKOUT_CHANGES);
  Checkout checkout = { g_build_filename (dir, "_posts", NULL), count, FALSE, NULL, NULL };

  /* Twice: the second load cancels the first's catch-up, and finds its
   * files older than itself. */
  measure ("(opening it)", window, open_location, root, site_listed, GUINT_TO_POINTER (count));
  measure ("(opening it again)", window, open_location, root, site_listed, GUINT_TO_POINTER (count));
  measure (label, window, start_checkout, &checkout, checked_out, &checkout);
  g_thread_join (checkout.thread);
  g_free (checkout.posts);
  g_free (checkout.last);
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
  measure ("post of one 5 MB line", window, open_location, file, post_open, file);
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
  if (argc < 2 || g_str_equal (argv[1], "changes"))
    bench_changes (window, count);
  if (argc < 2 || g_str_equal (argv[1], "post"))
    bench_big_line (window);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
