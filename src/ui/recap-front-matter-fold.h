/* recap-front-matter-fold.h: the front matter folded to one summary line in the source view
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-document.h"

G_BEGIN_DECLS

#define RECAP_TYPE_FRONT_MATTER_FOLD (recap_front_matter_fold_get_type ())
G_DECLARE_FINAL_TYPE (RecapFrontMatterFold, recap_front_matter_fold, RECAP, FRONT_MATTER_FOLD, GObject)

/* Folds the front matter of the document @view shows; the buffer's bytes
 * never change: the front matter is hidden by a text tag and the summary
 * line is a widget over the view. */
RecapFrontMatterFold *recap_front_matter_fold_new           (GtkTextView          *view);
/* The document whose front matter is folded, or NULL. */
void                  recap_front_matter_fold_set_document  (RecapFrontMatterFold *self,
                                                             RecapDocument        *document);
/* Whether the front matter is folded (when the document has one). Set to
 * FALSE by the fold itself, and notified, when the summary is activated
 * or a selection (a match found, say) lies in the hidden text. */
gboolean              recap_front_matter_fold_get_collapsed (RecapFrontMatterFold *self);
void                  recap_front_matter_fold_set_collapsed (RecapFrontMatterFold *self,
                                                             gboolean              collapsed);
/* The summary line's text, as "Front matter · 9 fields". */
void                  recap_front_matter_fold_set_summary   (RecapFrontMatterFold *self,
                                                             const char           *summary);
/* Whether the front matter is hidden now: folded, and there is one. */
gboolean              recap_front_matter_fold_get_hiding    (RecapFrontMatterFold *self);
/* Where the hidden text ends: it runs from the start of the text. FALSE
 * when nothing is hidden. The find bar searches it, as GtkSourceView's
 * search skips hidden text. */
gboolean              recap_front_matter_fold_get_hidden_end (RecapFrontMatterFold *self,
                                                              GtkTextIter          *end);
/* The summary widget, for tests. */
GtkWidget            *recap_front_matter_fold_get_summary_widget (RecapFrontMatterFold *self);

G_END_DECLS
