/* recap-post-row.h: a post in the sidebar
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-git-monitor.h"
#include "recap-post.h"

G_BEGIN_DECLS

#define RECAP_TYPE_POST_ROW (recap_post_row_get_type ())
G_DECLARE_FINAL_TYPE (RecapPostRow, recap_post_row, RECAP, POST_ROW, GtkWidget)

void       recap_post_row_set_post (RecapPostRow *self,
                                    RecapPost    *post);

/* The post bound, NULL when none is. */
RecapPost *recap_post_row_get_post (RecapPostRow *self);

void       recap_post_row_set_snippet (RecapPostRow *self,
                                       const char   *snippet);

void       recap_post_row_set_git_monitor (RecapPostRow    *self,
                                           RecapGitMonitor *monitor);

G_END_DECLS
