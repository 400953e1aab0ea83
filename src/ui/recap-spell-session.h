/* recap-spell-session.h: spell checking of one editor pane
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-document.h"
#include "recap-site.h"
#include "recap-spell-provider.h"

G_BEGIN_DECLS

#define RECAP_TYPE_SPELL_SESSION (recap_spell_session_get_type ())
G_DECLARE_FINAL_TYPE (RecapSpellSession, recap_spell_session, RECAP, SPELL_SESSION, GObject)

/* Checks the post in @view and the fields attached, and adds the "spell"
 * actions ("spell-check", the setting, and "language") to @owner, an
 * ancestor of them all. */
RecapSpellSession *recap_spell_session_new          (GtkWidget         *owner,
                                                     GtkTextView       *view);
/* The post checked: off without one, for large files and for the cut
 * copy of a post whose lines are too long to lay out. */
void               recap_spell_session_set_document (RecapSpellSession *self,
                                                     RecapDocument     *document);
/* The site whose _config.yml may name the language. */
void               recap_spell_session_set_site     (RecapSpellSession *self,
                                                     RecapSite         *site);
/* The checker in use ("checker" is notified), NULL when checking is off. */
RecapSpellChecker *recap_spell_session_get_checker  (RecapSpellSession *self);
/* Checks a form field's text with the session's checker: an entry row or
 * a RecapTextAreaRow; other rows (read-only values) are left alone. */
void               recap_spell_session_attach_field (RecapSpellSession *self,
                                                     GtkWidget         *field);

G_END_DECLS
