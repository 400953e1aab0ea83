/* recap-git-badge.h: a post's state in git as a small badge in its row
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-git.h"

G_BEGIN_DECLS

GtkWidget   *recap_git_badge_new        (void);
/* Shows @state (not RECAP_GIT_CURRENT) on a badge recap_git_badge_new() made. */
void         recap_git_badge_set_state  (GtkWidget     *badge,
                                         RecapGitState  state);
/* "3 changed": the header's summary of @n_changed files. */
char        *recap_git_format_changed   (guint          n_changed);

G_END_DECLS
