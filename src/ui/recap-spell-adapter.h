/* recap-spell-adapter.h: misspellings of a text buffer underlined
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-spell-provider.h"

G_BEGIN_DECLS

/* The name of the tag that underlines misspelled words in the buffer. */
#define RECAP_SPELL_ERROR_TAG "recap-spell-error"

#define RECAP_TYPE_SPELL_ADAPTER (recap_spell_adapter_get_type ())
G_DECLARE_FINAL_TYPE (RecapSpellAdapter, recap_spell_adapter, RECAP, SPELL_ADAPTER, GObject)

/* Checks @buffer's words with the adapter's "checker" (none: off), a few
 * lines per idle dispatch, the lines in view first. @document: the buffer
 * holds a whole post (with front matter), not a form field's text. */
RecapSpellAdapter *recap_spell_adapter_new        (GtkTextBuffer     *buffer,
                                                   gboolean           document);
GtkTextBuffer     *recap_spell_adapter_get_buffer (RecapSpellAdapter *self);
RecapSpellChecker *recap_spell_adapter_get_checker (RecapSpellAdapter *self);
void               recap_spell_adapter_set_checker (RecapSpellAdapter *self,
                                                    RecapSpellChecker *checker);
/* The view whose visible lines are checked first. */
void               recap_spell_adapter_set_view   (RecapSpellAdapter *self,
                                                   GtkTextView       *view);
/* Whether lines are waiting to be checked ("busy" is notified). */
gboolean           recap_spell_adapter_get_busy   (RecapSpellAdapter *self);
/* The bounds of the checked word at @iter, if there is one. */
gboolean           recap_spell_adapter_get_word_at (RecapSpellAdapter *self,
                                                    const GtkTextIter *iter,
                                                    GtkTextIter       *start,
                                                    GtkTextIter       *end);

G_END_DECLS
