/* recap-spell-menu.h: spelling items in a text view's context menu
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-spell-adapter.h"

G_BEGIN_DECLS

#define RECAP_TYPE_SPELL_MENU (recap_spell_menu_get_type ())
G_DECLARE_FINAL_TYPE (RecapSpellMenu, recap_spell_menu, RECAP, SPELL_MENU, GObject)

/* Gives @view's context menu, for a misspelled word right-clicked (or at
 * the cursor for the Menu key), its corrections, "Add to Dictionary" and
 * "Ignore", then @extra (may be NULL). The menu lives as long as @view.
 * (transfer none) */
RecapSpellMenu *recap_spell_menu_attach      (GtkTextView       *view,
                                              GMenuModel        *extra);
/* Where the words and their checker come from; NULL: no spelling items. */
void            recap_spell_menu_set_adapter (RecapSpellMenu    *self,
                                              RecapSpellAdapter *adapter);
/* Fills the menu for the word at @iter, as a right click there does. */
void            recap_spell_menu_update      (RecapSpellMenu    *self,
                                              const GtkTextIter *iter);

G_END_DECLS
