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

/* The word items, for menus of other text widgets: fills @section with
 * @word's corrections, "Add to Dictionary" and "Ignore", acting through
 * the "spell-word" actions "correct" (a string), "add" and "ignore". */
void            recap_spell_menu_fill_section (GMenu             *section,
                                               RecapSpellChecker *checker,
                                               const char        *word);
/* Adds to @group the "spell-word" actions of @entries: "correct", "add",
 * "ignore" and "none", which this sets disabled (a greyed-out label). */
#define RECAP_SPELL_MENU_N_ACTIONS 4
void            recap_spell_menu_add_actions  (GSimpleActionGroup *group,
                                               const GActionEntry  entries[RECAP_SPELL_MENU_N_ACTIONS],
                                               gpointer            user_data);

G_END_DECLS
