/* recap-chips-row.h
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_CHIPS_ROW (recap_chips_row_get_type ())
G_DECLARE_FINAL_TYPE (RecapChipsRow, recap_chips_row, RECAP, CHIPS_ROW, AdwPreferencesRow)

GtkWidget *recap_chips_row_new       (const char          *title);
void       recap_chips_row_set_items (RecapChipsRow       *self,
                                      const char * const  *items);
GStrv      recap_chips_row_dup_items (RecapChipsRow       *self);
gboolean   recap_chips_row_has_items (RecapChipsRow       *self,
                                      const char * const  *items);
/* Offers these while the user types a new item. */
void       recap_chips_row_set_suggestions (RecapChipsRow      *self,
                                            const char * const *suggestions);
/* Where new items are typed, for completion and tests. */
GtkEditable *recap_chips_row_get_editable (RecapChipsRow     *self);

G_END_DECLS
