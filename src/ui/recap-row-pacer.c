/* recap-row-pacer.c: models that give a list view their rows a few per frame
 *
 * Owns the GtkSliceListModels it hands out while they grow, and the tick
 * callback on the list view that grows them. Expanding a group of
 * thousands of posts in the sidebar added all its rows in one change, and
 * GTK 4.8 built and measured some 200 row widgets in that frame.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-row-pacer.h"

#include "recap-background.h"

struct _RecapRowPacer
{
  GObject    parent_instance;

  GtkWidget *widget;
  GPtrArray *growing;  /* GtkSliceListModels not yet showing all their items */
  guint      tick;
};

G_DEFINE_FINAL_TYPE (RecapRowPacer, recap_row_pacer, G_TYPE_OBJECT)

/* A slice may be the last to hold a group of a site replaced meanwhile:
 * freeing its 50,000 posts took 130 ms of one frame. A thread does it. */
static void
drop_slice (RecapRowPacer *self,
            guint          index)
{
  recap_background_free (g_ptr_array_steal_index_fast (self->growing, index), g_object_unref);
}

/* One step of @slice; TRUE when it shows all its items. */
static gboolean
grow (GtkSliceListModel *slice)
{
  guint size = gtk_slice_list_model_get_size (slice) + RECAP_ROW_PACER_STEP;
  guint n_items = g_list_model_get_n_items (gtk_slice_list_model_get_model (slice));

  /* Rows past the list view's widgets cost little: the rest at once. */
  if (size >= n_items || size >= RECAP_ROW_PACER_LIMIT)
    {
      gtk_slice_list_model_set_size (slice, G_MAXUINT);
      return TRUE;
    }
  gtk_slice_list_model_set_size (slice, size);
  return FALSE;
}

static gboolean
grow_all (GtkWidget     *widget,
          GdkFrameClock *frame_clock,
          gpointer       user_data)
{
  RecapRowPacer *self = user_data;

  for (guint i = self->growing->len; i > 0; i--)
    if (grow (g_ptr_array_index (self->growing, i - 1)))
      drop_slice (self, i - 1);
  if (self->growing->len > 0)
    return G_SOURCE_CONTINUE;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
recap_row_pacer_finalize (GObject *object)
{
  RecapRowPacer *self = RECAP_ROW_PACER (object);

  recap_row_pacer_stop (self);
  g_ptr_array_unref (self->growing);

  G_OBJECT_CLASS (recap_row_pacer_parent_class)->finalize (object);
}

static void
recap_row_pacer_class_init (RecapRowPacerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_row_pacer_finalize;
}

static void
recap_row_pacer_init (RecapRowPacer *self)
{
  self->growing = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

RecapRowPacer *
recap_row_pacer_new (GtkWidget *widget)
{
  RecapRowPacer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (RECAP_TYPE_ROW_PACER, NULL);
  self->widget = widget;
  return self;
}

GListModel *
recap_row_pacer_pace (RecapRowPacer *self,
                      GListModel    *model)
{
  GtkSliceListModel *slice;

  g_return_val_if_fail (RECAP_IS_ROW_PACER (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  if (g_list_model_get_n_items (model) <= RECAP_ROW_PACER_STEP || self->widget == NULL)
    return model;
  slice = gtk_slice_list_model_new (model, 0, RECAP_ROW_PACER_STEP);
  g_ptr_array_add (self->growing, g_object_ref (slice));
  if (self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (self->widget, grow_all, self, NULL);
  return G_LIST_MODEL (slice);
}

void
recap_row_pacer_stop (RecapRowPacer *self)
{
  g_return_if_fail (RECAP_IS_ROW_PACER (self));

  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;
  self->widget = NULL;
  while (self->growing->len > 0)
    drop_slice (self, self->growing->len - 1);
}
