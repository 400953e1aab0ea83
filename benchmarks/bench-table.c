/* bench-table.c: the content table at 100,000 posts — sorting and
 * filtering time with the longest main-loop stall while they run, and the
 * time from a scroll to the next painted frame. Prints figures, asserts
 * nothing on time. Needs a display (xvfb-run).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "bench-util.h"
#include "recap-content-table.h"

#define N_POSTS 100000
#define N_SCROLLS 200

static const char * const tags[] = { "python", "django", "asyncio", "testing", "packaging", "Meetup", "talks" };
static const char * const authors[] = { "Rivka Stein", "Marta Okafor", "Kim Lee", "Ana Souza" };

static GListModel *
make_posts (void)
{
  GListStore *store = g_list_store_new (RECAP_TYPE_POST);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_POSTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("_posts/%04u-%02u-%02u-post-%u.md", 2010 + i % 15, 1 + i % 12,
                                               1 + i % 28, i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: \"Post %u about %s\"\ndate: %04u-%02u-%02u\n"
                                               "author: %s\ntags: [%s, %s]\ncategories: [notes]\n%s---\n"
                                               "Some words of post %u, %u of them.\n",
                                               (i * 7919) % N_POSTS, tags[i % 7], 2010 + i % 15, 1 + i % 12,
                                               1 + i % 28, authors[i % 4], tags[i % 7], tags[(i / 7) % 7],
                                               i % 10 == 0 ? "published: false\n" : "", i, i % 500);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_ptr_array_add (posts, recap_post_new_from_text (file, path, text, strlen (text)));
    }
  g_list_store_splice (store, 0, 0, posts->pdata, posts->len);
  return G_LIST_MODEL (store);
}

/* The longest gap between two frame-clock ticks (a tick callback keeps the
 * clock running, so there is one every 16 ms unless the main loop is
 * busy): how long the window would not answer. */
typedef struct {
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
stall_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the table is done, printing how long it took
 * and the longest stall. */
static void
measure (RecapContentTable *table,
         const char        *label)
{
  Stall stall = { g_get_monotonic_time (), 0 };
  gint64 start = stall.last;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (table), stall_tick, &stall, NULL);
  double iteration_wall, iteration_cpu;

  bench_iterations_reset ();
  do
    g_main_context_iteration (NULL, TRUE);
  while (recap_content_table_is_busy (table));
  gtk_widget_remove_tick_callback (GTK_WIDGET (table), id);
  bench_iterations_longest (&iteration_wall, &iteration_cpu);
  g_print ("%s: %.0f ms, longest time between frames %.1f ms, longest iteration %.1f ms (%.1f ms CPU), %u rows\n",
           label, (g_get_monotonic_time () - start) / 1000.0, stall.longest / 1000.0, iteration_wall,
           iteration_cpu, g_list_model_get_n_items (recap_content_table_get_rows (table)));
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* From moving the scroll bar by a page to the frame that shows it. */
static void
measure_scroll (RecapContentTable *table)
{
  GtkScrollable *view = GTK_SCROLLABLE (recap_content_table_get_view (table));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (view), count_frame, &frames, NULL);

  for (guint i = 0; i < N_SCROLLS; i++)
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double upper = gtk_adjustment_get_upper (adjustment);
      /* Pages far apart, so that every frame binds new rows. */
      double value = (gint64) ((i * 97.0 + 1) * page * 3) % (gint64) MAX (upper - page, 1);
      guint target = frames + 2;
      gint64 start = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, value);
      while (frames < target)
        g_main_context_iteration (NULL, TRUE);
      gint64 duration = g_get_monotonic_time () - start;
      g_array_append_val (durations, duration);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (view), id);
  bench_report ("scroll by pages to painted frame (2 frames)", durations);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListModel) posts = NULL;
  GtkWidget *window;
  RecapContentTable *table;
  gint64 start;

  gtk_init ();
  adw_init ();
  if (gdk_display_get_default () == NULL)
    return 77;

  start = g_get_monotonic_time ();
  posts = make_posts ();
  g_print ("%u posts made in %.0f ms\n", N_POSTS, (g_get_monotonic_time () - start) / 1000.0);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  table = g_object_new (RECAP_TYPE_CONTENT_TABLE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (table)))
    g_main_context_iteration (NULL, TRUE);

  recap_content_table_set_posts (table, posts);
  measure (table, "first fill, sorted by date");
  recap_content_table_sort_by (table, "title", GTK_SORT_ASCENDING);
  measure (table, "sort by title");
  recap_content_table_sort_by (table, "words", GTK_SORT_DESCENDING);
  measure (table, "sort by words");
  recap_content_table_sort_by (table, "tags", GTK_SORT_ASCENDING);
  measure (table, "sort by tags");
  recap_content_table_set_query (table, "tag:python year:2023 draft:no");
  measure (table, "filter tag:python year:2023 draft:no");
  recap_content_table_set_query (table, "author:\"Rivka Stein\" post");
  measure (table, "filter author:\"Rivka Stein\" post (text)");
  recap_content_table_set_query (table, "");
  measure (table, "filter cleared");
  recap_content_table_select_all (table);
  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) selected = recap_content_table_dup_selected_posts (table);
    g_print ("select all and read the selection: %.0f ms, %u posts\n",
             (g_get_monotonic_time () - start) / 1000.0, selected->len);
  }
  measure_scroll (table);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
