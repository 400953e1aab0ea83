/* recap-git.h: the git work tree a site is in: status, diff, commit
 *
 * Each call opens the repository that holds the site's folder (the site may
 * be a folder of a bigger repository) with libgit2-glib, so calls are
 * independent and run in a worker thread: the async variants run the
 * synchronous ones in a GTask thread. Paths are relative to the site's
 * folder, as posts' relative paths are.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  RECAP_GIT_CURRENT,    /* as in the last commit */
  RECAP_GIT_NEW,        /* added to the index, not in the last commit */
  RECAP_GIT_MODIFIED,   /* changed since the last commit, staged or not */
  RECAP_GIT_UNTRACKED,  /* not known to git */
  RECAP_GIT_DELETED,
} RecapGitState;

#define RECAP_GIT_ERROR (recap_git_error_quark ())

typedef enum {
  RECAP_GIT_ERROR_NOT_A_WORK_TREE,
  RECAP_GIT_ERROR_NO_IDENTITY,
  RECAP_GIT_ERROR_NOTHING_TO_COMMIT,
} RecapGitError;

GQuark       recap_git_error_quark   (void);

/* The files of @root (a site's folder) that differ from the last commit:
 * relative path -> RecapGitState as GINT_TO_POINTER. Ignored files are
 * left out. RECAP_GIT_ERROR_NOT_A_WORK_TREE when @root is in none. Also
 * makes git ignore Recap's temporary copies (see recap-file-write.c) in
 * that repository, through its .git/info/exclude. */
GHashTable  *recap_git_status        (GFile               *root,
                                      GError             **error);
void         recap_git_status_async  (GFile               *root,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GHashTable  *recap_git_status_finish (GAsyncResult        *result,
                                      GError             **error);

/* The unified diff of @relative_path in @root against the last commit ("" when
 * it is the same). */
char        *recap_git_diff          (GFile               *root,
                                      const char          *relative_path,
                                      GError             **error);
void         recap_git_diff_async    (GFile               *root,
                                      const char          *relative_path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char        *recap_git_diff_finish   (GAsyncResult        *result,
                                      GError             **error);

/* "Name <email>" from git's configuration for @root's repository, or
 * RECAP_GIT_ERROR_NO_IDENTITY saying how to set it. */
char        *recap_git_identity      (GFile               *root,
                                      GError             **error);
void         recap_git_identity_async  (GFile               *root,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char        *recap_git_identity_finish (GAsyncResult        *result,
                                        GError             **error);

/* Stages @paths (relative to @root; deleted ones are removed) and commits
 * them with @message as the user's git identity, on the current branch.
 * Returns the new commit's id. Changes the user staged before are
 * committed with them, as `git commit` would. */
char        *recap_git_commit        (GFile               *root,
                                      const char * const  *paths,
                                      const char          *message,
                                      GError             **error);
void         recap_git_commit_async  (GFile               *root,
                                      const char * const  *paths,
                                      const char          *message,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char        *recap_git_commit_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
