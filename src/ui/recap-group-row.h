/* recap-group-row.h: an event, tag, author or year in the sidebar
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-post-group.h"

G_BEGIN_DECLS

#define RECAP_TYPE_GROUP_ROW (recap_group_row_get_type ())
G_DECLARE_FINAL_TYPE (RecapGroupRow, recap_group_row, RECAP, GROUP_ROW, GtkWidget)

void       recap_group_row_set_group (RecapGroupRow  *self,
                                      RecapPostGroup *group);

G_END_DECLS
