/* recap-front-matter-form.h: a two-way form view of the open post's front matter
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-document.h"
#include "recap-site.h"
#include "recap-spell-session.h"

G_BEGIN_DECLS

#define RECAP_TYPE_FRONT_MATTER_FORM (recap_front_matter_form_get_type ())
G_DECLARE_FINAL_TYPE (RecapFrontMatterForm, recap_front_matter_form, RECAP, FRONT_MATTER_FORM, GtkWidget)

/* The form reads and edits @document's text; it never holds values of its
 * own. The old document's rows go now, @document's come in the next
 * main-loop iteration (before the next frame), or at a sync. */
void     recap_front_matter_form_set_document (RecapFrontMatterForm *self,
                                               RecapDocument        *document);
/* Where suggestions (authors, events, tags, layouts) come from, and the
 * _config.yml whose `defaults:` the open post inherits: the form shows
 * them as dimmed placeholders and writes a key only when typed into. */
void     recap_front_matter_form_set_site     (RecapFrontMatterForm *self,
                                               RecapSite            *site);
/* Re-reads the buffer now instead of after the typing pause. */
void     recap_front_matter_form_sync         (RecapFrontMatterForm *self);
/* Checks the spelling of the title, excerpt and description fields made from now on. */
void     recap_front_matter_form_set_spell_session (RecapFrontMatterForm *self,
                                                    RecapSpellSession    *spell);
/* Whether the focused field has typing not yet applied to the buffer: its
 * own undo then comes before the buffer's. */
gboolean recap_front_matter_form_has_pending_edit (RecapFrontMatterForm *self);
/* Whether the source shows the front matter as YAML, instead of the form
 * (the "Form" and "YAML" switch in its header). */
gboolean recap_front_matter_form_get_yaml_shown (RecapFrontMatterForm *self);
void     recap_front_matter_form_set_yaml_shown (RecapFrontMatterForm *self,
                                                 gboolean              yaml_shown);
/* "Front matter · 9 fields" while the form shows the fields of the
 * buffer's front matter; NULL when it shows none (no front matter, an
 * error, a notice). Notified as "summary". */
const char *recap_front_matter_form_get_summary (RecapFrontMatterForm *self);
/* The title in the buffer's front matter as last read, or NULL. Notified
 * as "title". */
const char *recap_front_matter_form_get_title   (RecapFrontMatterForm *self);
/* The row editing @path ("title", "seo.type"), or NULL. */
GtkWidget *recap_front_matter_form_get_row    (RecapFrontMatterForm *self,
                                               const char           *path);

G_END_DECLS
