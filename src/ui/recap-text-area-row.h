/* recap-text-area-row.h: a multi-line text field (excerpt, description)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_TEXT_AREA_ROW (recap_text_area_row_get_type ())
G_DECLARE_FINAL_TYPE (RecapTextAreaRow, recap_text_area_row, RECAP, TEXT_AREA_ROW, AdwPreferencesRow)

GtkWidget   *recap_text_area_row_new       (const char       *title);
/* Sets the text without emitting "changed". */
void         recap_text_area_row_set_text  (RecapTextAreaRow *self,
                                            const char       *text);
char        *recap_text_area_row_dup_text  (RecapTextAreaRow *self);
/* Whether the text differs from the text last set or committed. */
gboolean     recap_text_area_row_get_pending (RecapTextAreaRow *self);
/* The text view editing the text (spell checking attaches to it). */
GtkTextView *recap_text_area_row_get_text_view (RecapTextAreaRow *self);

G_END_DECLS
