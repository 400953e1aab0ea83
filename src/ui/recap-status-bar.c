/* recap-status-bar.c: the outline button and the counts of the body or the selection
 *
 * Owns the RecapBufferStats of the editor's buffer (following the view when
 * it shows another buffer), the counter label and the jump to a heading in
 * the view. Apostrophe's bottom-bar counter is the model: small and dim.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-status-bar.h"

struct _RecapStatusBar
{
  GtkBox            parent_instance;

  RecapOutline     *outline;
  GtkLabel         *counts_label;

  RecapBufferStats *stats;
  GtkTextView      *view;            /* weak */
  GSignalGroup     *view_signals;
};

G_DEFINE_FINAL_TYPE (RecapStatusBar, recap_status_bar, GTK_TYPE_BOX)

enum {
  HEADING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "412 words · 2,310 characters · 2 min read", or the selection's counts. */
static char *
format_counts (const RecapTextCounts *counts,
               gboolean               selection)
{
  g_autofree char *words = recap_text_format_words (counts->words);
  g_autofree char *number = g_strdup_printf ("%'u", counts->characters);
  g_autofree char *characters = g_strdup_printf (ngettext ("%s character", "%s characters", counts->characters),
                                                 number);
  guint minutes = recap_text_reading_minutes (counts->words);

  if (selection)
    /* Translators: the counts of the selected text */
    return g_strdup_printf (_("Selected: %s · %s"), words, characters);
  if (minutes == 0)
    /* Translators: word and character counts of the post */
    return g_strdup_printf (_("%s · %s"), words, characters);
  /* Translators: word and character counts and the reading time of the post */
  return g_strdup_printf (ngettext ("%s · %s · %u min read", "%s · %s · %u min read", minutes),
                          words, characters, minutes);
}

static void
stats_updated (RecapStatusBar *self)
{
  gboolean selection;
  const RecapTextCounts *counts = recap_buffer_stats_get_counts (self->stats, &selection);
  g_autofree char *text = format_counts (counts, selection);

  gtk_label_set_label (self->counts_label, text);
}

static void
buffer_changed (RecapStatusBar *self)
{
  GtkTextBuffer *buffer = self->view ? gtk_text_view_get_buffer (self->view) : NULL;

  recap_buffer_stats_set_buffer (self->stats, buffer);
  recap_outline_set_buffer (self->outline, buffer);
}

static void
heading_activated (RecapStatusBar *self,
                   guint           line)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (self->view != NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (buffer), 0, TRUE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  g_signal_emit (self, signals[HEADING_ACTIVATED], 0, line);
}

static void
recap_status_bar_dispose (GObject *object)
{
  RecapStatusBar *self = RECAP_STATUS_BAR (object);

  g_clear_object (&self->view_signals);
  g_clear_object (&self->stats);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (recap_status_bar_parent_class)->dispose (object);
}

static void
recap_status_bar_class_init (RecapStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_status_bar_dispose;

  /* The editor moved to a heading chosen in the outline: its 0-based line. */
  signals[HEADING_ACTIVATED] = g_signal_new ("heading-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (RECAP_TYPE_OUTLINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-status-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapStatusBar, outline);
  gtk_widget_class_bind_template_child (widget_class, RecapStatusBar, counts_label);
  gtk_widget_class_bind_template_callback (widget_class, heading_activated);
}

static void
recap_status_bar_init (RecapStatusBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stats = recap_buffer_stats_new ();
  g_signal_connect_object (self->stats, "updated", G_CALLBACK (stats_updated), self, G_CONNECT_SWAPPED);
  recap_outline_set_stats (self->outline, self->stats);
  self->view_signals = g_signal_group_new (GTK_TYPE_TEXT_VIEW);
  g_signal_group_connect_object (self->view_signals, "notify::buffer",
                                 G_CALLBACK (buffer_changed), self, G_CONNECT_SWAPPED);
}

void
recap_status_bar_set_view (RecapStatusBar *self,
                           GtkTextView    *view)
{
  g_return_if_fail (RECAP_IS_STATUS_BAR (self));
  g_return_if_fail (!view || GTK_IS_TEXT_VIEW (view));

  g_set_weak_pointer (&self->view, view);
  g_signal_group_set_target (self->view_signals, view);
  buffer_changed (self);
}

RecapOutline *
recap_status_bar_get_outline (RecapStatusBar *self)
{
  g_return_val_if_fail (RECAP_IS_STATUS_BAR (self), NULL);
  return self->outline;
}

const char *
recap_status_bar_get_text (RecapStatusBar *self)
{
  g_return_val_if_fail (RECAP_IS_STATUS_BAR (self), NULL);
  return gtk_label_get_label (self->counts_label);
}
