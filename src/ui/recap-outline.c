/* recap-outline.c: the headings of the open post in a popover
 *
 * Owns the list of headings (from RecapBufferStats, parsed off the main
 * thread), the selection of the heading the cursor is under, and the
 * "heading-activated" signal; the status bar moves the editor there.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-heading-list.h"
#include "recap-outline.h"

/* Pixels of indentation for each level below the first. */
#define LEVEL_INDENT 12

struct _RecapOutline
{
  AdwBin              parent_instance;

  GtkMenuButton      *button;
  GtkPopover         *popover;
  GtkWidget          *scroller;
  GtkListView        *list;
  GtkWidget          *empty;

  RecapHeadingList   *headings;       /* the headings listed (the stats' array) */
  GtkSingleSelection *selection;
  RecapBufferStats   *stats;
  GSignalGroup       *buffer_signals;
};

G_DEFINE_FINAL_TYPE (RecapOutline, recap_outline, ADW_TYPE_BIN)

enum {
  HEADING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *item,
          RecapOutline       *self)
{
  const RecapHeading *heading = recap_heading_list_get_heading (self->headings, gtk_list_item_get_position (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  g_return_if_fail (heading != NULL);
  gtk_label_set_label (GTK_LABEL (label), heading->text);
  gtk_widget_set_margin_start (label, (heading->level - 1) * LEVEL_INDENT);
  if (heading->level == 1)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static gboolean
same_headings (RecapHeadingList *list,
               GPtrArray        *headings)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != headings->len)
    return FALSE;
  for (guint i = 0; i < headings->len; i++)
    {
      const RecapHeading *x = recap_heading_list_get_heading (list, i);
      RecapHeading *y = g_ptr_array_index (headings, i);

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
  guint current = GTK_INVALID_LIST_POSITION;
  const RecapHeading *heading;
  GtkTextIter cursor;
  guint line;

  if (buffer == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&cursor);
  for (guint i = 0; (heading = recap_heading_list_get_heading (self->headings, i)) != NULL; i++)
    {
      if (heading->line > line)
        break;
      current = i;
    }
  gtk_single_selection_set_selected (self->selection, current);
  g_object_unref (buffer);
}

static void
stats_updated (RecapOutline *self)
{
  GPtrArray *headings = recap_buffer_stats_get_headings (self->stats);

  if (same_headings (self->headings, headings))
    return;
  recap_heading_list_set (self->headings, headings);
  gtk_widget_set_visible (self->scroller, headings->len > 0);
  gtk_widget_set_visible (self->empty, headings->len == 0);
  select_current (self);
}

/* Keyboard users land on the current heading. */
static void
popover_shown (RecapOutline *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->headings)) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u",
                              position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
row_activated (RecapOutline *self,
               guint         position)
{
  const RecapHeading *heading = recap_heading_list_get_heading (self->headings, position);

  g_return_if_fail (heading != NULL);
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[HEADING_ACTIVATED], 0, heading->line);
}

static void
recap_outline_dispose (GObject *object)
{
  RecapOutline *self = RECAP_OUTLINE (object);

  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->stats);
  g_clear_object (&self->selection);
  g_clear_object (&self->headings);

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
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, scroller);
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, list);
  gtk_widget_class_bind_template_child (widget_class, RecapOutline, empty);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
recap_outline_init (RecapOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A row for each heading in view only: a 5 MB post had 33,000 headings,
   * 1.1 s of one step to make a GtkListBox's rows and 0.9 s to free them. */
  self->headings = recap_heading_list_new ();
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->headings)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
  gtk_widget_set_visible (self->scroller, FALSE);

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

GtkListView *
recap_outline_get_list (RecapOutline *self)
{
  g_return_val_if_fail (RECAP_IS_OUTLINE (self), NULL);
  return self->list;
}

const RecapHeading *
recap_outline_get_heading (RecapOutline *self,
                           guint         position)
{
  g_return_val_if_fail (RECAP_IS_OUTLINE (self), NULL);
  return recap_heading_list_get_heading (self->headings, position);
}
