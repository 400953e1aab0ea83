/* recap-editor-pane.h: the views of one open post, and their wiring to its document
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-document.h"
#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_EDITOR_PANE (recap_editor_pane_get_type ())
G_DECLARE_FINAL_TYPE (RecapEditorPane, recap_editor_pane, RECAP, EDITOR_PANE, AdwBin)

/* The document the pane shows, or NULL. */
RecapDocument *recap_editor_pane_get_document (RecapEditorPane *self);
/* Shows @document in the source view, the front-matter form, the document
 * bar and the preview, and follows its state (unsaved changes, read-only,
 * large). NULL leaves the views empty. */
void           recap_editor_pane_set_document (RecapEditorPane *self,
                                               RecapDocument   *document);
/* The site the form completes values from. */
void           recap_editor_pane_set_site     (RecapEditorPane *self,
                                               RecapSite       *site);
/* Narrow, the pane shows one of editor and preview at a time: the editor
 * when the "preview-mode" setting asks for both. */
void           recap_editor_pane_set_narrow   (RecapEditorPane *self,
                                               gboolean         narrow);
/* The post's title, with a leading "*" when there are unsaved changes;
 * NULL without a document. Notified as "title" when the mark changes. */
char          *recap_editor_pane_dup_title    (RecapEditorPane *self);

G_END_DECLS
