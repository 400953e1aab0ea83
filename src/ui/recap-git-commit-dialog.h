/* recap-git-commit-dialog.h: Commit…: a message and the changed posts to commit
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-git-monitor.h"

G_BEGIN_DECLS

#define RECAP_TYPE_GIT_COMMIT_DIALOG (recap_git_commit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecapGitCommitDialog, recap_git_commit_dialog, RECAP, GIT_COMMIT_DIALOG, AdwWindow)

/* Lists the files @monitor has changed, all chosen, @first_path (the open
 * post, or NULL) first. Committing runs in a thread; "committed" (with the
 * commit's id and the number of files) is emitted and the dialog closes
 * when it is done; a failure (no git identity…) shows in the dialog. */
RecapGitCommitDialog *recap_git_commit_dialog_new         (GtkWindow            *parent,
                                                           RecapGitMonitor      *monitor,
                                                           const char           *first_path);
/* Chooses @relative_path or not, as its check box does. */
void                  recap_git_commit_dialog_set_chosen  (RecapGitCommitDialog *self,
                                                           const char           *relative_path,
                                                           gboolean              chosen);
void                  recap_git_commit_dialog_set_message (RecapGitCommitDialog *self,
                                                           const char           *message);
/* What the Commit button does. */
void                  recap_git_commit_dialog_commit      (RecapGitCommitDialog *self);
/* The error shown, or NULL. */
const char           *recap_git_commit_dialog_get_error   (RecapGitCommitDialog *self);

G_END_DECLS
