/* bench-spell.c: keystroke to repaint while spell checking a 1 MB post
 *
 * A GtkSourceView with markdown highlighting shows a generated 1 MB post;
 * characters are typed in its middle, one every TYPING_PAUSE_MS, and each
 * is timed from the insertion to the end of the next frame's paint (the
 * frame clock's "after-paint"). Spell checking is off, then on while the
 * first check of the whole post runs in the background, then on once it
 * is done. Prints p50 and p95; the target is a p50 under 16 ms.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "bench-util.h"
#include "recap-enchant-provider.h"
#include "recap-spell-adapter.h"

#define POST_SIZE          (1024 * 1024)
#define KEYSTROKES         200
#define WARM_UP_KEYSTROKES 10
#define TYPING_PAUSE_MS    50
#define WAIT_LIMIT_SECONDS 60

typedef struct {
  GtkTextView       *view;
  RecapSpellAdapter *adapter;
  guint              paints;
} Bench;

static void
count_paint (Bench *bench)
{
  bench->paints++;
}

static gboolean
give_up (gpointer user_data)
{
  g_error ("%s did not happen within %d seconds", (const char *) user_data, WAIT_LIMIT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* One keystroke at the cursor: microseconds to the end of the next paint. */
static gint64
time_keystroke (Bench *bench)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bench->view);
  guint paints = bench->paints;
  guint limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, give_up, (gpointer) "A repaint");
  gint64 start = g_get_monotonic_time ();

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, bench->paints % 6 == 0 ? " " : "e", 1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  while (bench->paints == paints)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (limit);
  return g_get_monotonic_time () - start;
}

static double
percentile (GArray *durations,
            double  fraction)
{
  guint index = MIN ((guint) (fraction * durations->len), durations->len - 1);

  return g_array_index (durations, gint64, index) / 1000.0;
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Returns the p50 in milliseconds. */
static double
time_typing (Bench      *bench,
             const char *label)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean busy_at_start = recap_spell_adapter_get_busy (bench->adapter);

  for (guint i = 0; i < WARM_UP_KEYSTROKES + KEYSTROKES; i++)
    {
      gint64 duration;

      bench_pause (TYPING_PAUSE_MS);
      duration = time_keystroke (bench);
      if (i >= WARM_UP_KEYSTROKES)
        g_array_append_val (durations, duration);
    }
  g_array_sort (durations, compare_durations);
  g_print ("%s%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u keystrokes)\n", label,
           busy_at_start ? " (checking the whole post meanwhile)" : "",
           percentile (durations, 0.5), percentile (durations, 0.95),
           percentile (durations, 1.0), durations->len);
  return percentile (durations, 0.5);
}

static void
wait_until_checked (Bench *bench)
{
  guint limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS * 5, give_up, (gpointer) "The whole check");
  gint64 start = g_get_monotonic_time ();

  while (recap_spell_adapter_get_busy (bench->adapter))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (limit);
  g_print ("The rest of the post checked in the background in %.1f s\n",
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static GtkWindow *
bench_window (Bench *bench)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (
    gtk_source_language_manager_get_default (), "markdown");
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new_with_language (markdown);

  bench->view = GTK_TEXT_VIEW (gtk_source_view_new_with_buffer (buffer));
  gtk_text_view_set_wrap_mode (bench->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (bench->view, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (bench->view));
  gtk_window_set_default_size (window, 800, 760);
  gtk_window_set_child (window, scrolled);
  return window;
}

/* Puts the cursor in the middle of the post, on screen. */
static void
show_post (Bench *bench)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bench->view);
  g_autofree char *text = bench_document (POST_SIZE);
  GtkTextIter iter;

  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, gtk_text_buffer_get_line_count (buffer) / 2);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (bench->view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.5);
  bench_pause (500);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(RecapSpellProvider) provider = NULL;
  g_autoptr(RecapSpellChecker) checker = NULL;
  GtkWindow *window;
  double on_ms;

  if (!gtk_init_check ())
    {
      g_print ("No display: skipped (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  provider = recap_enchant_provider_new ();
  if ((checker = recap_spell_provider_get_checker (provider, "en_US")) == NULL)
    {
      g_print ("No en_US dictionary (hunspell-en-us): skipped\n");
      return 77;
    }

  window = bench_window (&bench);
  gtk_window_present (window);
  g_signal_connect_swapped (gtk_widget_get_frame_clock (GTK_WIDGET (bench.view)), "after-paint",
                            G_CALLBACK (count_paint), &bench);
  bench.adapter = recap_spell_adapter_new (gtk_text_view_get_buffer (bench.view), TRUE);
  recap_spell_adapter_set_view (bench.adapter, bench.view);
  show_post (&bench);

  g_print ("Keystroke to repaint in a 1 MB post, a keystroke every %d ms:\n", TYPING_PAUSE_MS);
  time_typing (&bench, "Spell checking off");
  recap_spell_adapter_set_checker (bench.adapter, checker);
  on_ms = time_typing (&bench, "Spell checking on");
  wait_until_checked (&bench);
  time_typing (&bench, "Spell checking on");
  g_print ("Spell checking on while typing: p50 %.1f ms (target: under 16 ms): %s\n",
           on_ms, on_ms < 16 ? "met" : "MISSED");

  g_clear_object (&bench.adapter);
  gtk_window_destroy (window);
  return 0;
}
