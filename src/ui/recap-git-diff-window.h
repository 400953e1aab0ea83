/* recap-git-diff-window.h: the changes of one post since the last commit
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_GIT_DIFF_WINDOW (recap_git_diff_window_get_type ())
G_DECLARE_FINAL_TYPE (RecapGitDiffWindow, recap_git_diff_window, RECAP, GIT_DIFF_WINDOW, AdwWindow)

/* Reads the diff of @relative_path in the site at @root in a thread and
 * shows it, read-only, as a diff. */
RecapGitDiffWindow *recap_git_diff_window_new      (GtkWindow  *parent,
                                                    GFile      *root,
                                                    const char *relative_path,
                                                    const char *title);
/* The text shown: the diff, or a message when there is none. */
char               *recap_git_diff_window_dup_text (RecapGitDiffWindow *self);

G_END_DECLS
