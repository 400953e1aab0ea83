/* recap-editor-style.h: how the source view sets out the text
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define RECAP_TYPE_EDITOR_STYLE (recap_editor_style_get_type ())
G_DECLARE_FINAL_TYPE (RecapEditorStyle, recap_editor_style, RECAP, EDITOR_STYLE, GObject)

/* Gives @view the editor font and size, line numbers and wrapping of the
 * settings ("editor-font", "editor-font-size", "show-line-numbers",
 * "wrap-text"), following their changes. The style holds a weak reference
 * to @view. */
RecapEditorStyle *recap_editor_style_new        (GtkSourceView    *view);
/* In a column, the text keeps to a centred column about 80 characters
 * wide, with more room between lines: the layout for writing when the
 * editor has the pane to itself. */
void              recap_editor_style_set_column (RecapEditorStyle *self,
                                                 gboolean          column);
gboolean          recap_editor_style_get_column (RecapEditorStyle *self);

G_END_DECLS
