/* recap-field-row.h: a one-line text field of the front-matter form, its label beside its value
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_FIELD_ROW (recap_field_row_get_type ())
G_DECLARE_FINAL_TYPE (RecapFieldRow, recap_field_row, RECAP, FIELD_ROW, AdwPreferencesRow)

/* A row titled @title; its GtkEditable is the value. "apply" is emitted
 * when the user commits the value (Enter, the apply button), as
 * AdwEntryRow's. */
GtkWidget *recap_field_row_new         (const char    *title);
/* Sets the value read from the buffer: the row then has no pending edit. */
void       recap_field_row_set_value   (RecapFieldRow *self,
                                        const char    *value);
/* Whether the text differs from the value last set or applied. */
gboolean   recap_field_row_get_pending (RecapFieldRow *self);
/* Adds @widget after the value; a menu button, which shows only its icon,
 * gets its tooltip (set before) as accessible name. */
void       recap_field_row_add_suffix  (RecapFieldRow *self,
                                        GtkWidget     *widget);
/* Dimmed text shown while the value is empty (an inherited value, say);
 * NULL for none. */
void       recap_field_row_set_placeholder (RecapFieldRow *self,
                                            const char    *placeholder);
const char *recap_field_row_get_placeholder (RecapFieldRow *self);

G_END_DECLS
