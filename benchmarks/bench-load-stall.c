/* bench-load-stall.c: the longest the window's main loop stops while it loads
 *
 * A high-priority timer ticks every 16 ms (one frame) while the window opens
 * a generated site (cold, then with its index cache in each view of the
 * sidebar) and big posts from the sidebar (one 5 MB line, 5 MB of short
 * lines, 10,000 front matter keys; leaving each and coming back; a small
 * post to compare); the longest gap between two ticks is the longest the
 * window could not draw or answer input. Prints figures; asserts nothing
 * about time.
 *
 * Then, with the site open, another program rewrites 5,000 of its posts
 * and deletes 5,000 (a git checkout): the window follows.
 *
 * RECAP_BENCH_POSTS sets the site's size (default 50000); an argument
 * "site", "changes" or "post" runs only that part; "search" only opens
 * the site, types into the sidebar's search and switches its views.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "recap-background.h"
#include "recap-index-cache.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define FRAME_MS           16
#define SETTLE_MS          1500
#define WAIT_LIMIT_SECONDS 300
#define BIG_POST_SIZE      (5 * 1024 * 1024)
#define MANY_KEYS          10000
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

/* With RECAP_BENCH_TRACE=N: each frame longer than N ms, by phase (the
 * handlers run after GTK's own, so each stamp ends a phase). */
typedef enum { PHASE_BEFORE_PAINT, PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, PHASE_AFTER_PAINT, N_PHASES } Phase;

typedef struct {
  gint64 ended[N_PHASES];
  gint64 over;
} FrameTrace;

static FrameTrace frame_trace;

static void
phase_ended (GdkFrameClock *clock,
             gpointer       data)
{
  Phase phase = GPOINTER_TO_INT (data);
  gint64 *ended = frame_trace.ended;

  ended[phase] = g_get_monotonic_time ();
  if (phase == PHASE_AFTER_PAINT && ended[phase] - ended[PHASE_BEFORE_PAINT] > frame_trace.over)
    g_printerr ("long frame %.6f: update %.1f ms, layout %.1f ms, paint %.1f ms, after paint %.1f ms\n",
                ended[PHASE_BEFORE_PAINT] / 1e6, (ended[PHASE_UPDATE] - ended[PHASE_BEFORE_PAINT]) / 1000.0,
                (ended[PHASE_LAYOUT] - ended[PHASE_UPDATE]) / 1000.0,
                (ended[PHASE_PAINT] - ended[PHASE_LAYOUT]) / 1000.0,
                (ended[PHASE_AFTER_PAINT] - ended[PHASE_PAINT]) / 1000.0);
}

static void
trace_frames (GtkWidget *window)
{
  static const char *signals[N_PHASES] = { "before-paint", "update", "layout", "paint", "after-paint" };
  const char *trace = g_getenv ("RECAP_BENCH_TRACE");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (trace == NULL)
    return;
  frame_trace.over = atoi (trace) * 1000;
  for (Phase phase = 0; phase < N_PHASES; phase++)
    g_signal_connect (clock, signals[phase], G_CALLBACK (phase_ended), GINT_TO_POINTER (phase));
}

static void
drop_message (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
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
 * loading queues behind itself; prints the longest gap, the time to @done
 * and the main thread's CPU time and wait for a processor until then. */
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
  gint64 done_at, cpu, waited;
  double iteration_wall, iteration_cpu;

  settle ();
  bench_iterations_reset ();
  cpu = bench_thread_cpu_usec ();
  waited = bench_thread_waited_usec ();
  stall.start = stall.last_tick = g_get_monotonic_time ();
  ticker = g_timeout_add_full (G_PRIORITY_HIGH, FRAME_MS, tick, &stall, NULL);
  limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, give_up, (gpointer) label);
  start (window, start_data);
  while (!done (window, data))
    g_main_context_iteration (NULL, TRUE);
  done_at = g_get_monotonic_time ();
  cpu = bench_thread_cpu_usec () - cpu;
  waited = bench_thread_waited_usec () - waited;
  settle ();
  tick (&stall);
  g_source_remove (ticker);
  g_source_remove (limit);
  bench_iterations_longest (&iteration_wall, &iteration_cpu);
  g_print ("%s: longest main-loop stall %.0f ms, %u stalls over %d ms, loaded in %.0f ms; "
           "longest iteration %.0f ms (%.0f ms CPU); until loaded the main thread ran %.0f ms "
           "and waited %.0f ms for a processor\n",
           label, stall.max_gap / 1000.0, stall.long_gaps, 2 * FRAME_MS,
           (done_at - stall.start) / 1000.0, iteration_wall, iteration_cpu, cpu / 1000.0, waited / 1000.0);
}

static const char *
sidebar_page (RecapWindow *window)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  GtkWidget *stack = ui_test_find_by_type (sidebar, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* What any change of the whole window costs, whatever it shows: every
 * widget measured, allocated and drawn again. */
static void
widen_by_a_pixel (RecapWindow *window,
                  gpointer     data)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width + 1, height);
}

static gboolean
at_once (RecapWindow *window,
         gpointer     data)
{
  return TRUE;
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

  /* A big post is shown while its text goes in: the load ends when it is in. */
  return document != NULL && g_file_equal (recap_document_get_file (document), data) &&
         !recap_document_get_loading (document);
}

/* Types @phrase into the sidebar's search a character at a time, each
 * keystroke waiting for its rows: the time from the keystroke to the rows
 * filtered, and the longest main-loop iteration meanwhile. Each character
 * is inserted at the end, as a key press does: gtk_editable_set_text()
 * empties the entry first, and GtkSearchEntry reports an empty text at
 * once, so each step would show every post before the longer query. */
static void
bench_typing (RecapWindow *window,
              const char  *phrase)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = g_strdup_printf ("sidebar search “%s”, keystroke to rows filtered", phrase);
  GtkWidget *entry;
  double iteration_wall, iteration_cpu;

  recap_sidebar_focus_search (sidebar);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  settle ();
  bench_iterations_reset ();
  for (const char *next = phrase; *next; next = g_utf8_next_char (next))
    {
      gint64 start = g_get_monotonic_time (), start_cpu = bench_thread_cpu_usec (), usec;
      int end = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

      gtk_editable_insert_text (GTK_EDITABLE (entry), next, g_utf8_next_char (next) - next, &end);
      /* The entry waits for a typing pause before it reports a search. */
      g_signal_emit_by_name (entry, "search-changed");
      while (recap_sidebar_get_searching (sidebar))
        g_main_context_iteration (NULL, TRUE);
      usec = g_get_monotonic_time () - start;
      g_array_append_val (times, usec);
      usec = bench_thread_cpu_usec () - start_cpu;
      g_array_append_val (cpu_times, usec);
    }
  bench_iterations_longest (&iteration_wall, &iteration_cpu);
  bench_report (label, times);
  bench_report ("  main thread CPU per keystroke", cpu_times);
  g_print ("  longest main-loop iteration while typing %.1f ms (%.1f ms CPU)\n", iteration_wall, iteration_cpu);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  settle ();
}

typedef struct {
  RecapSidebarView view;
  const char      *name;
} View;

/* In the flat list of posts, then in each other view (the cache warm). */
static void
bench_site (RecapWindow *window,
            guint        count)
{
  static const View views[] = {
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
  measure ("for comparison, the window made a pixel wider (all of it measured and drawn again)", window,
           widen_by_a_pixel, NULL, at_once, NULL);
  bench_typing (window, "lightning talk");
  bench_typing (window, "python");
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

/* Runs @action once from an idle, so that its work falls in a main-loop
 * step the iteration watch times. */
typedef struct {
  void      (*action) (RecapWindow *window, gpointer data);
  RecapWindow *window;
  gpointer     data;
} Deferred;

static gboolean
run_deferred (gpointer user_data)
{
  Deferred *deferred = user_data;

  deferred->action (deferred->window, deferred->data);
  g_free (deferred);
  return G_SOURCE_REMOVE;
}

static void
activate_post (RecapWindow *window,
               gpointer     file)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  RecapPost *post = recap_site_find_post (recap_window_get_site (window), file);

  g_assert_nonnull (post);
  g_signal_emit_by_name (sidebar, "post-activated", post);
}

/* Opens @file as a click on its row in the sidebar does. */
static void
click_post (RecapWindow *window,
            gpointer     file)
{
  Deferred *deferred = g_new (Deferred, 1);

  *deferred = (Deferred) { activate_post, window, file };
  g_idle_add (run_deferred, deferred);
}

static void
show_view (RecapWindow *window,
           gpointer     view)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));

  recap_sidebar_set_view (sidebar, GPOINTER_TO_UINT (view));
}

/* Switches the sidebar's view as a choice in its drop-down does. */
static void
set_view (RecapWindow *window,
          gpointer     view)
{
  Deferred *deferred = g_new (Deferred, 1);

  *deferred = (Deferred) { show_view, window, view };
  g_idle_add (run_deferred, deferred);
}

static gboolean
rows_shown (RecapWindow *window,
            gpointer     view)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  GtkWidget *dropdown = ui_test_find_by_type (sidebar, GTK_TYPE_DROP_DOWN);

  return gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == GPOINTER_TO_UINT (view) &&
         g_strcmp0 (sidebar_page (window), "loading") != 0;
}

/* Selects the site's oldest post (the list is newest first) in the sidebar,
 * as opening it from elsewhere, or a save of it, does. */
static void
select_oldest (RecapWindow *window,
               gpointer     data)
{
  GListModel *posts = G_LIST_MODEL (recap_window_get_site (window));
  g_autoptr(RecapPost) post = g_list_model_get_item (posts, g_list_model_get_n_items (posts) - 1);
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);

  recap_sidebar_select_post (RECAP_SIDEBAR (sidebar), post);
}

/* Only the site open: typing into the sidebar's search, then switching
 * its views, each view's stall measured over the settling that follows,
 * and selecting a post at the end of the list. */
static void
bench_search_and_views (RecapWindow *window,
                        guint        count)
{
  static const View views[] = {
    { RECAP_SIDEBAR_VIEW_DRAFTS, "drafts" }, { RECAP_SIDEBAR_VIEW_POSTS, "posts" },
    { RECAP_SIDEBAR_VIEW_TAGS, "by tag" }, { RECAP_SIDEBAR_VIEW_YEARS, "by year" },
    { RECAP_SIDEBAR_VIEW_POSTS, "posts" },
  };
  g_autofree char *dir = bench_generate_site (count);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autofree char *cache = recap_index_cache_dup_path (root);
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));

  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  measure ("(opening it)", window, open_location, root, site_listed, GUINT_TO_POINTER (count));
  bench_typing (window, "lightning talk");
  bench_typing (window, "python");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u-post site open, switching to %s", count, views[i].name);

      measure (label, window, set_view, GUINT_TO_POINTER (views[i].view), rows_shown,
               GUINT_TO_POINTER (views[i].view));
    }
  measure ("selecting the oldest post in the sidebar", window, select_oldest, NULL, at_once, NULL);
  g_unlink (cache);
  test_util_remove_tree (dir);
}

static void
destroy_window (RecapWindow *window,
                gpointer     data)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
close_window (RecapWindow *window,
              gpointer     data)
{
  Deferred *deferred = g_new (Deferred, 1);

  *deferred = (Deferred) { destroy_window, window, data };
  g_idle_add (run_deferred, deferred);
}

static gboolean
window_gone (RecapWindow *window,
             gpointer     data)
{
  return *(RecapWindow **) data == NULL;
}

static GFile *
write_post (const char *posts,
            const char *name,
            GString    *text)
{
  g_autofree char *path = g_build_filename (posts, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A post whose body is one line of 5 MB: words, no newline. */
static GString *
big_line_text (void)
{
  GString *text = g_string_new ("---\ntitle: One line\n---\n");

  while (text->len < BIG_POST_SIZE)
    g_string_append (text, "lorem ipsum *dolor* sit amet, [consectetur](https://example.com) ");
  return text;
}

/* 5 MB of short paragraphs, headings and lists. */
static GString *
big_lines_text (void)
{
  GString *text = g_string_new ("---\ntitle: Many lines\ntags: [a, b]\n---\n");

  for (guint i = 0; text->len < BIG_POST_SIZE; i++)
    g_string_append_printf (text, "## Part %u\n\nLorem ipsum *dolor* sit amet, [consectetur](https://example.com)\n"
                            "adipiscing elit, sed do `eiusmod` tempor incididunt ut labore.\n\n"
                            "- one item\n- another item\n\n", i);
  return text;
}

static GString *
many_keys_text (void)
{
  GString *text = g_string_new ("---\ntitle: Many keys\n");

  for (guint i = 0; i < MANY_KEYS; i++)
    g_string_append_printf (text, "key%u: value %u\n", i, i);
  g_string_append (text, "---\nBody.\n");
  return text;
}

static GString *
sample_post_text (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("RECAP_SAMPLE_SITE"), "_posts", name, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_string_new_len (contents, len);
}

/* In one site, the longest step of opening each big post from the sidebar,
 * of leaving it for a small post and of coming back, against opening a
 * small post; then of closing the window with a big post open. */
static void
bench_big_posts (RecapWindow *window)
{
  g_autofree char *dir = g_dir_make_tmp ("recap-bench-XXXXXX", NULL);
  g_autofree char *posts = g_build_filename (dir, "_posts", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GString) small_text = sample_post_text ("2024-03-14-async-for-the-rest-of-us.md");
  g_autoptr(GString) other_text = sample_post_text ("2023-03-16-lightning-talks.md");
  g_autoptr(GString) line_text = big_line_text ();
  g_autoptr(GString) lines_text = big_lines_text ();
  g_autoptr(GString) keys_text = many_keys_text ();
  g_autoptr(GFile) small = NULL, other = NULL;
  struct { const char *label; GFile *file; } big[3];

  g_mkdir_with_parents (posts, 0755);
  small = write_post (posts, "2024-03-14-small.md", small_text);
  other = write_post (posts, "2023-03-16-other.md", other_text);
  big[0].label = "post of one 5 MB line";
  big[0].file = write_post (posts, "2024-01-01-one-line.md", line_text);
  big[1].label = "post of 5 MB in short lines";
  big[1].file = write_post (posts, "2024-01-02-many-lines.md", lines_text);
  big[2].label = "post of 10,000 front matter keys";
  big[2].file = write_post (posts, "2024-01-03-many-keys.md", keys_text);

  measure ("(opening the site)", window, open_location, root, site_listed, GUINT_TO_POINTER (5));
  measure ("small post", window, click_post, other, post_open, other);
  measure ("another small post", window, click_post, small, post_open, small);
  for (guint i = 0; i < G_N_ELEMENTS (big); i++)
    {
      g_autofree char *away = g_strdup_printf ("%s, leaving it for a small post", big[i].label);
      g_autofree char *back = g_strdup_printf ("%s, back to it", big[i].label);

      measure (big[i].label, window, click_post, big[i].file, post_open, big[i].file);
      measure (away, window, click_post, small, post_open, small);
      measure (back, window, click_post, big[i].file, post_open, big[i].file);
    }
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  measure ("closing the window with the last one open", window, close_window, NULL, window_gone, &window);
  for (guint i = 0; i < G_N_ELEMENTS (big); i++)
    g_object_unref (big[i].file);
  test_util_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *posts = g_getenv ("RECAP_BENCH_POSTS");
  guint count = posts ? atoi (posts) : 50000;
  RecapWindow *window;

  /* As the app's main() does. */
  recap_background_separate_arenas ();
  g_test_init (&argc, &argv, NULL);
  /* A benchmark reports what the app does, criticals included, and goes on. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  /* Not its debug messages: a line per post changed, piped to meson and
   * parsed there, took the processors from the window it measures. */
  g_log_set_handler ("Recap", G_LOG_LEVEL_DEBUG, drop_message, NULL);
  if (!gtk_init_check ())
    {
      g_print ("No display: skipped (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  window = recap_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  trace_frames (GTK_WIDGET (window));
  if (argc < 2 || g_str_equal (argv[1], "site"))
    bench_site (window, count);
  if (argc >= 2 && g_str_equal (argv[1], "search"))
    bench_search_and_views (window, count);
  if (argc < 2 || g_str_equal (argv[1], "changes"))
    bench_changes (window, count);
  /* Last: it closes the window. */
  if (argc < 2 || g_str_equal (argv[1], "post"))
    bench_big_posts (window);
  else
    gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
