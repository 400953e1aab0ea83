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
/* Adds to @group the "spell-word" actions: "correct" (a string) calls
 * @correct (a GSimpleAction::activate handler) with @owner, "add" and
 * "ignore" call @learn with @owner and the checker's function to use, and
 * "none" is disabled (a greyed-out label). @owner outlives @group. */
typedef void (*RecapSpellLearnWordFunc) (RecapSpellChecker       *checker,
                                         const char              *word);
typedef void (*RecapSpellLearnFunc)     (gpointer                 owner,
                                         RecapSpellLearnWordFunc  learn_word);
void            recap_spell_menu_add_actions  (GSimpleActionGroup *group,
                                               GCallback           correct,
                                               RecapSpellLearnFunc learn,
                                               gpointer            owner);
/* Calls @pressed (a GtkGestureClick::pressed handler) on a right click in
 * @widget and @key_pressed (a GtkEventControllerKey::key-pressed handler)
 * on a key, both with @owner and before @widget's own handlers. */
void            recap_spell_menu_watch_input  (GtkWidget          *widget,
                                               GCallback           pressed,
                                               GCallback           key_pressed,
                                               GObject            *owner);

G_END_DECLS
