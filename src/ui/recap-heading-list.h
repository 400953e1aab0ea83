/* recap-heading-list.h: a post's headings as a list model
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-text-stats.h"

G_BEGIN_DECLS

#define RECAP_TYPE_HEADING_LIST (recap_heading_list_get_type ())
G_DECLARE_FINAL_TYPE (RecapHeadingList, recap_heading_list, RECAP, HEADING_LIST, GObject)

/* Empty; its items are GtkStringObject holding the headings' text. */
RecapHeadingList   *recap_heading_list_new         (void);
/* Lists @headings, a GPtrArray of RecapHeading (kept, not copied). */
void                recap_heading_list_set         (RecapHeadingList *self,
                                                    GPtrArray        *headings);
/* The heading at @position, or NULL past the end. */
const RecapHeading *recap_heading_list_get_heading (RecapHeadingList *self,
                                                    guint             position);

G_END_DECLS
