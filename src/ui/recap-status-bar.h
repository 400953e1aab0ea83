/* recap-status-bar.h: the bar under the editor, with the outline and the word count
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-outline.h"

G_BEGIN_DECLS

#define RECAP_TYPE_STATUS_BAR (recap_status_bar_get_type ())
G_DECLARE_FINAL_TYPE (RecapStatusBar, recap_status_bar, RECAP, STATUS_BAR, GtkBox)

/* Counts the text of @view's buffer (whichever it shows) and lists its
 * headings; a heading chosen in the outline moves the view's cursor to its
 * line, scrolls it to the top and emits "heading-activated" with the line. */
void          recap_status_bar_set_view    (RecapStatusBar *self,
                                            GtkTextView    *view);
RecapOutline *recap_status_bar_get_outline (RecapStatusBar *self);
/* The counts as shown, for tests. */
const char   *recap_status_bar_get_text    (RecapStatusBar *self);

G_END_DECLS
