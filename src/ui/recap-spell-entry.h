/* recap-spell-entry.h: misspellings of a one-line text field underlined
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-spell-provider.h"

G_BEGIN_DECLS

#define RECAP_TYPE_SPELL_ENTRY (recap_spell_entry_get_type ())
G_DECLARE_FINAL_TYPE (RecapSpellEntry, recap_spell_entry, RECAP, SPELL_ENTRY, GObject)

/* Underlines the misspelled words of @editable (an entry, an AdwEntryRow)
 * as its text changes, with the "checker" property (none: off). The
 * checker lives as long as @editable. (transfer none) */
RecapSpellEntry *recap_spell_entry_attach (GtkEditable     *editable);
/* Fills the field's context menu for the misspelled word at character
 * @position, if any, as a right click there (or the Menu key) does. */
void             recap_spell_entry_update (RecapSpellEntry *self,
                                           int              position);

G_END_DECLS
