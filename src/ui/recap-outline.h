/* recap-outline.h: the headings of the open post, to jump to one
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-buffer-stats.h"

G_BEGIN_DECLS

#define RECAP_TYPE_OUTLINE (recap_outline_get_type ())
G_DECLARE_FINAL_TYPE (RecapOutline, recap_outline, RECAP, OUTLINE, AdwBin)

/* Lists @stats' headings, indented by level. Activating a row emits
 * "heading-activated" with the heading's 0-based line. */
void                recap_outline_set_stats   (RecapOutline     *self,
                                               RecapBufferStats *stats);
/* The buffer whose cursor selects the heading it is under. */
void                recap_outline_set_buffer  (RecapOutline     *self,
                                               GtkTextBuffer    *buffer);
/* The list, for tests: its model is a GtkSingleSelection of the headings. */
GtkListView        *recap_outline_get_list    (RecapOutline     *self);
/* The heading listed at @position, or NULL past the end. */
const RecapHeading *recap_outline_get_heading (RecapOutline     *self,
                                               guint             position);

G_END_DECLS
