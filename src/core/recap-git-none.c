/* recap-git-none.c: recap-git.h when Recap is built without libgit2-glib
 *
 * Every site is then in no work tree: the window shows no git status and
 * offers no commit.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-git.h"

G_DEFINE_QUARK (recap-git-error-quark, recap_git_error)

static void
set_not_built (GError **error)
{
  g_set_error_literal (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOT_A_WORK_TREE,
                       _("Recap was built without git support"));
}

static void
report_not_built (gpointer             source_tag,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_task_report_new_error (NULL, callback, user_data, source_tag, RECAP_GIT_ERROR,
                           RECAP_GIT_ERROR_NOT_A_WORK_TREE, _("Recap was built without git support"));
}

GHashTable *
recap_git_status (GFile   *root,
                  GError **error)
{
  set_not_built (error);
  return NULL;
}

void
recap_git_status_async (GFile               *root,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  report_not_built (recap_git_status_async, callback, user_data);
}

GHashTable *
recap_git_status_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
recap_git_diff (GFile       *root,
                const char  *relative_path,
                GError     **error)
{
  set_not_built (error);
  return NULL;
}

void
recap_git_diff_async (GFile               *root,
                      const char          *relative_path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  report_not_built (recap_git_diff_async, callback, user_data);
}

char *
recap_git_diff_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
recap_git_identity (GFile   *root,
                    GError **error)
{
  set_not_built (error);
  return NULL;
}

void
recap_git_identity_async (GFile               *root,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  report_not_built (recap_git_identity_async, callback, user_data);
}

char *
recap_git_identity_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
recap_git_commit (GFile               *root,
                  const char * const  *paths,
                  const char          *message,
                  GError             **error)
{
  set_not_built (error);
  return NULL;
}

void
recap_git_commit_async (GFile               *root,
                        const char * const  *paths,
                        const char          *message,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  report_not_built (recap_git_commit_async, callback, user_data);
}

char *
recap_git_commit_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
