/* recap-text-area-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-text-area-row.h"

struct _RecapTextAreaRow
{
  AdwPreferencesRow  parent_instance;

  char              *committed; /* the text last set or committed */

  GtkLabel          *title_label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (RecapTextAreaRow, recap_text_area_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
recap_text_area_row_dup_text (RecapTextAreaRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkTextView *
recap_text_area_row_get_text_view (RecapTextAreaRow *self)
{
  g_return_val_if_fail (RECAP_IS_TEXT_AREA_ROW (self), NULL);
  return self->text_view;
}

void
recap_text_area_row_set_text (RecapTextAreaRow *self,
                              const char       *text)
{
  g_return_if_fail (RECAP_IS_TEXT_AREA_ROW (self));

  if (g_strcmp0 (self->committed, text) == 0)
    return;
  g_free (self->committed);
  self->committed = g_strdup (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

gboolean
recap_text_area_row_get_pending (RecapTextAreaRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RECAP_IS_TEXT_AREA_ROW (self), FALSE);
  text = recap_text_area_row_dup_text (self);
  return g_strcmp0 (text, self->committed ? self->committed : "") != 0;
}

/* Multi-line text is committed when the user leaves the field. */
static void
commit (RecapTextAreaRow *self)
{
  g_autofree char *text = recap_text_area_row_dup_text (self);

  if (g_strcmp0 (self->committed, text) == 0)
    return;
  g_free (self->committed);
  self->committed = g_steal_pointer (&text);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
title_changed (RecapTextAreaRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);
  /* The label is cut at ten characters: the whole name in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
recap_text_area_row_finalize (GObject *object)
{
  RecapTextAreaRow *self = RECAP_TEXT_AREA_ROW (object);

  g_clear_pointer (&self->committed, g_free);

  G_OBJECT_CLASS (recap_text_area_row_parent_class)->finalize (object);
}

static void
recap_text_area_row_class_init (RecapTextAreaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = recap_text_area_row_finalize;

  /* Emitted when the user leaves the field after changing its text. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-text-area-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapTextAreaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RecapTextAreaRow, text_view);
  gtk_widget_class_bind_template_callback (widget_class, commit);
}

static void
recap_text_area_row_init (RecapTextAreaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed), NULL);
}

GtkWidget *
recap_text_area_row_new (const char *title)
{
  return g_object_new (RECAP_TYPE_TEXT_AREA_ROW, "title", title, NULL);
}
