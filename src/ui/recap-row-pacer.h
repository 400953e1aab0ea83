/* recap-row-pacer.h: models that give a list view their rows a few per frame
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rows a paced model adds per frame of the widget, and the number of rows
 * after which it adds the rest at once: GTK 4.8's list view builds and
 * measures a widget for each new row near its anchor, at most 200, all in
 * the frame they arrive. */
#define RECAP_ROW_PACER_STEP  16
#define RECAP_ROW_PACER_LIMIT 256

#define RECAP_TYPE_ROW_PACER (recap_row_pacer_get_type ())
G_DECLARE_FINAL_TYPE (RecapRowPacer, recap_row_pacer, RECAP, ROW_PACER, GObject)

/* Paces models for the list view @widget (not referenced: it owns the pacer). */
RecapRowPacer *recap_row_pacer_new  (GtkWidget     *widget);
/* @model (transfer full), or for one of more than RECAP_ROW_PACER_STEP
 * items a GtkSliceListModel of it that starts with that many and grows by
 * as many each frame of the widget until all show (transfer full). */
GListModel    *recap_row_pacer_pace (RecapRowPacer *self,
                                     GListModel    *model);
/* Stops growing: call before the widget goes. */
void           recap_row_pacer_stop (RecapRowPacer *self);

G_END_DECLS
