/* recap-git-common.c: what recap-git.c and recap-git-none.c share
 *
 * The error quark, and the async variants of recap-git.h's calls: each
 * runs the blocking call of whichever backend is built in a thread.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-git.h"

G_DEFINE_QUARK (recap-git-error-quark, recap_git_error)

typedef struct {
  GFile  *root;
  char   *path;
  GStrv   paths;
  char   *message;
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->root);
  g_free (call->path);
  g_strfreev (call->paths);
  g_free (call->message);
  g_free (call);
}

static GTask *
call_task (GFile               *root,
           const char          *path,
           const char * const  *paths,
           const char          *message,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->root = g_object_ref (root);
  call->path = g_strdup (path);
  call->paths = g_strdupv ((GStrv) paths);
  call->message = g_strdup (message);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
status_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  GHashTable *states = recap_git_status (call->root, &error);

  if (states != NULL)
    g_task_return_pointer (task, states, (GDestroyNotify) g_hash_table_unref);
  else
    g_task_return_error (task, error);
}

void
recap_git_status_async (GFile               *root,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = call_task (root, NULL, NULL, NULL, recap_git_status_async,
                                     cancellable, callback, user_data);

  g_task_run_in_thread (task, status_thread);
}

GHashTable *
recap_git_status_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns @text from @task, or @error. */
static void
return_string (GTask  *task,
               char   *text,
               GError *error)
{
  if (text != NULL)
    g_task_return_pointer (task, text, g_free);
  else
    g_task_return_error (task, error);
}

static void
diff_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  char *diff = recap_git_diff (call->root, call->path, &error);

  return_string (task, diff, error);
}

void
recap_git_diff_async (GFile               *root,
                      const char          *relative_path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = call_task (root, relative_path, NULL, NULL, recap_git_diff_async,
                                     cancellable, callback, user_data);

  g_task_run_in_thread (task, diff_thread);
}

char *
recap_git_diff_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
identity_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  char *identity = recap_git_identity (call->root, &error);

  return_string (task, identity, error);
}

void
recap_git_identity_async (GFile               *root,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = call_task (root, NULL, NULL, NULL, recap_git_identity_async,
                                     cancellable, callback, user_data);

  g_task_run_in_thread (task, identity_thread);
}

char *
recap_git_identity_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
commit_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  char *id = recap_git_commit (call->root, (const char * const *) call->paths, call->message, &error);

  return_string (task, id, error);
}

void
recap_git_commit_async (GFile               *root,
                        const char * const  *paths,
                        const char          *message,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = call_task (root, NULL, paths, message, recap_git_commit_async,
                                     cancellable, callback, user_data);

  g_task_run_in_thread (task, commit_thread);
}

char *
recap_git_commit_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
