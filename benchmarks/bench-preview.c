/* bench-preview.c: time from a buffer change to the preview's DOM showing it
 *
 * The preview emits "updated" when the JavaScript call that replaced the
 * page's content returns: the timings below are buffer change to that
 * round trip's end, with the editor on screen as in the app.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "bench-util.h"
#include "recap-preview.h"

#define POST_SIZE          (20 * 1024)
#define LARGE_SIZE         (1024 * 1024)
#define WARM_UP_EDITS      5
#define WAIT_LIMIT_SECONDS 60
/* Typing at ten characters a second. */
#define TYPING_PAUSE_MS    100

typedef struct {
  RecapPreview  *preview;
  GtkTextView   *source_view;
  RecapDocument *document;
  guint          updates;
} Bench;

static void
count_update (Bench *bench)
{
  bench->updates++;
}

static gboolean
give_up (gpointer user_data)
{
  g_error ("The preview did not update within %d seconds", WAIT_LIMIT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Blocking iterations: no polling delay in the figures. */
static void
wait_for_update (Bench *bench,
                 guint  updates)
{
  guint limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, give_up, NULL);

  while (bench->updates < updates)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (limit);
}

static void
show_document (Bench      *bench,
               const char *text)
{
  g_autofree char *path = g_build_filename (g_getenv ("RECAP_SAMPLE_SITE"), "_posts", "bench.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecapPost) post = recap_post_new_from_text (file, "_posts/bench.md", text, strlen (text));

  g_clear_object (&bench->document);
  bench->document = recap_document_new (post, NULL);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (bench->document), text, -1);
  gtk_text_view_set_buffer (bench->source_view, GTK_TEXT_BUFFER (bench->document));
  recap_preview_set_document (bench->preview, bench->document);
  wait_for_update (bench, bench->updates + 1);
}

/* Types one character at the end of the middle line. */
static gint64
time_one_edit (Bench *bench)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (bench->document);
  guint updates = bench->updates;
  GtkTextIter iter;
  gint64 start;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, gtk_text_buffer_get_line_count (buffer) / 2);
  gtk_text_iter_forward_to_line_end (&iter);
  start = g_get_monotonic_time ();
  gtk_text_buffer_insert (buffer, &iter, "x", 1);
  wait_for_update (bench, updates + 1);
  return g_get_monotonic_time () - start;
}

static double
time_edits (Bench      *bench,
            const char *label,
            guint       runs,
            guint       pause_ms)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < WARM_UP_EDITS + runs; i++)
    {
      gint64 duration;

      bench_pause (pause_ms);
      duration = time_one_edit (bench);
      if (i >= WARM_UP_EDITS)
        g_array_append_val (durations, duration);
    }
  return bench_report (label, durations);
}

/* Returns the median while typing. */
static double
time_document (Bench      *bench,
               const char *name,
               gsize       size,
               guint       runs)
{
  g_autofree char *text = bench_document (size);
  g_autofree char *typing = g_strdup_printf ("%s, typing (edits %d ms apart)", name, TYPING_PAUSE_MS);
  g_autofree char *back_to_back = g_strdup_printf ("%s, edits back to back", name);
  double median;

  show_document (bench, text);
  median = time_edits (bench, typing, runs, TYPING_PAUSE_MS);
  time_edits (bench, back_to_back, runs, 0);
  return median;
}

static GtkWindow *
bench_window (Bench *bench)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  bench->source_view = GTK_TEXT_VIEW (gtk_source_view_new ());
  bench->preview = g_object_new (RECAP_TYPE_PREVIEW, NULL);
  g_signal_connect_swapped (bench->preview, "updated", G_CALLBACK (count_update), bench);
  recap_preview_set_source_view (bench->preview, bench->source_view);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (bench->source_view));
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (bench->preview));
  gtk_paned_set_position (GTK_PANED (paned), 600);
  gtk_window_set_default_size (window, 1200, 760);
  gtk_window_set_child (window, paned);
  return window;
}

static void
print_target (const char *what,
              double      median_ms,
              double      target_ms)
{
  g_print ("%s: median %.1f ms (target: at most %.0f ms): %s\n",
           what, median_ms, target_ms, median_ms <= target_ms ? "met" : "MISSED");
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  GtkWindow *window;
  double post_ms, large_ms;

  if (!gtk_init_check ())
    {
      g_print ("No display: skipped (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  window = bench_window (&bench);
  gtk_window_present (window);
  g_print ("Buffer change to DOM updated:\n");
  post_ms = time_document (&bench, "20 KB post", POST_SIZE, 100);
  large_ms = time_document (&bench, "1 MB document", LARGE_SIZE, 30);
  print_target ("20 KB post while typing", post_ms, 16);
  print_target ("1 MB document while typing", large_ms, 100);

  gtk_window_destroy (window);
  g_clear_object (&bench.document);
  return 0;
}
