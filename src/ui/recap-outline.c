/* recap-outline.c: the headings of the open post in a popover
 *
 * Owns the list of headings (from RecapBufferStats, parsed off the main
 * thread), the selection of the heading the cursor is under, and the
 * "heading-activated" signal; the status bar moves the editor there.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-outline.h"

/* Pixels of indentation for each level below the first. */
#define LEVEL_INDENT 12

struct _RecapOutline
{
  AdwBin            parent_instance;

  GtkMenuButton    *button;
  GtkPopover       *popover;
  GtkListBox       *list;

  RecapBufferStats *stats;
  GPtrArray        *shown;          /* the headings listed (the stats' array) */
  GSignalGroup     *buffer_signals;
};

G_DEFINE_FINAL_TYPE (RecapOutline, recap_outline, ADW_TYPE_BIN)

enum {
  HEADING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_row (const RecapHeading *heading)
{
  GtkWidget *label = gtk_label_new (heading->text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_start (label, (heading->level - 1) * LEVEL_INDENT);
  if (heading->level == 1)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "recap-line", GUINT_TO_POINTER (heading->line));
  return row;
}

static gboolean
same_headings (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      RecapHeading *x = g_ptr_array_index (a, i);
      RecapHeading *y = g_ptr_array_index (b, i);

      if (x->line != y->line || x->level != y->level || g_strcmp0 (x->text, y->text) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The last heading at or above the cursor. */
static void
select_current (RecapOutline *self)
{
  GtkTextBuffer *buffer = g_signal_group_dup_target (self->buffer_signals);
  GtkListBoxRow *current = NULL;
  GtkTextIter cursor;
  guint line;

  if (buffer == NULL || self->shown == NULL)
    {
      g_clear_object (&buffer);
      return;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&cursor);
  for (guint i = 0; i < self->shown->len; i++)
    {
      RecapHeading *heading = g_ptr_array_index (self->shown, i);

      if (heading->line > line)
        break;
      current = gtk_list_box_get_row_at_index (self->list, i);
    }
  if (current != NULL)
    gtk_list_box_select_row (self->list, current);
  else
    gtk_list_box_unselect_all (self->list);
  g_object_unref (buffer);
}

static void
stats_updated (RecapOutline *self)
{
  GPtrArray *headings = recap_buffer_stats_get_headings (self->stats);
  GtkListBoxRow *row;

  if (same_headings (self->shown, headings))
    return;
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (headings);
  for (guint i = 0; i < headings->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (headings, i)));
  select_current (self);
}

/* Keyboard users land on the current heading. */
static void
popover_shown (RecapOutline *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
row_activated (RecapOutline  *self,
               GtkListBoxRow *row)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[HEADING_ACTIVATED], 0, recap_outline_row_get_line (row));
}

static void
recap_outline_dispose (GObject *object)
{
  RecapOutline *self = RECAP_OUTLINE (object);

  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->stats);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (recap_outline_parent_class)->dispose (object);
}

static void
recap_outline_class_init (RecapOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_outline_dispose;

  /* A row was activated: the 0-based line of its heading. */
  signals[HEADING_ACTIVATED] = g_signal_new ("heading-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, button);
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, popover);
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, list);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
recap_outline_init (RecapOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "notify::cursor-position",
                                 G_CALLBACK (select_current), self, G_CONNECT_SWAPPED);
}

void
recap_outline_set_stats (RecapOutline     *self,
                         RecapBufferStats *stats)
{
  g_return_if_fail (RECAP_IS_OUTLINE (self));
  g_return_if_fail (RECAP_IS_BUFFER_STATS (stats));
  g_return_if_fail (self->stats == NULL);

  self->stats = g_object_ref (stats);
  g_signal_connect_object (stats, "updated", G_CALLBACK (stats_updated), self, G_CONNECT_SWAPPED);
  stats_updated (self);
}

void
recap_outline_set_buffer (RecapOutline  *self,
                          GtkTextBuffer *buffer)
{
  g_return_if_fail (RECAP_IS_OUTLINE (self));

  g_signal_group_set_target (self->buffer_signals, buffer);
  select_current (self);
}

GtkListBox *
recap_outline_get_list (RecapOutline *self)
{
  g_return_val_if_fail (RECAP_IS_OUTLINE (self), NULL);
  return self->list;
}

guint
recap_outline_row_get_line (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), 0);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "recap-line"));
}
