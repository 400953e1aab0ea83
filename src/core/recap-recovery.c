/* recap-recovery.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-recovery.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "recap-background.h"
#include "recap-file-util.h"

#define INFO_SUFFIX ".ini"
#define TEXT_SUFFIX ".md"
#define INFO_GROUP "Draft"

struct _RecapRecovery
{
  GObject      parent_instance;

  char        *dir;
  GThreadPool *worker; /* one thread: operations run in call order */
};

G_DEFINE_FINAL_TYPE (RecapRecovery, recap_recovery, G_TYPE_OBJECT)

typedef enum {
  JOB_SAVE,
  JOB_DISCARD,
  JOB_LOOKUP,
  JOB_LIST,
} JobKind;

typedef struct {
  JobKind  kind;
  GFile   *file;
  char    *text;
  char    *base;
} Job;

void
recap_draft_free (RecapDraft *draft)
{
  g_clear_object (&draft->file);
  g_clear_pointer (&draft->text, g_free);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_clear_pointer (&draft->base, g_free);
  g_free (draft);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->text, g_free);
  g_clear_pointer (&job->base, g_free);
  g_free (job);
}

/* Both files of a draft; the name hashes the location so any path fits. */
static char *
draft_path (RecapRecovery *self,
            GFile         *file,
            const char    *suffix)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strconcat (hash, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

static gboolean
remove_if_present (const char  *path,
                   GError     **error)
{
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;
  return recap_file_set_errno_error (error, errno, NULL, path);
}

/* The text first, then the key file that makes it a draft. */
static gboolean
save_draft (RecapRecovery  *self,
            Job            *job,
            GError        **error)
{
  g_autofree char *text_path = draft_path (self, job->file, TEXT_SUFFIX);
  g_autofree char *info_path = draft_path (self, job->file, INFO_SUFFIX);
  g_autofree char *uri = g_file_get_uri (job->file);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_data = NULL;
  gsize info_len = 0;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    return recap_file_set_errno_error (error, errno, NULL, self->dir);
  /* Atomic and durable: a draft is either the old or the new one after a crash. */
  if (!recap_file_write_path (text_path, job->text, strlen (job->text), RECAP_FILE_WRITE_PRIVATE, error))
    return FALSE;

  g_key_file_set_string (info, INFO_GROUP, "uri", uri);
  g_key_file_set_string (info, INFO_GROUP, "saved", saved);
  if (job->base != NULL)
    g_key_file_set_string (info, INFO_GROUP, "base", job->base);
  info_data = g_key_file_to_data (info, &info_len, NULL);
  return recap_file_write_path (info_path, info_data, info_len, RECAP_FILE_WRITE_PRIVATE, error);
}

/* The key file first: without it, a left-over text is no draft. */
static gboolean
discard_draft (RecapRecovery  *self,
               Job            *job,
               GError        **error)
{
  g_autofree char *text_path = draft_path (self, job->file, TEXT_SUFFIX);
  g_autofree char *info_path = draft_path (self, job->file, INFO_SUFFIX);

  return remove_if_present (info_path, error) && remove_if_present (text_path, error);
}

/* NULL when @info_path is no complete draft. */
static RecapDraft *
read_draft (const char *info_path)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *text = NULL;
  RecapDraft *draft;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
      (uri = g_key_file_get_string (info, INFO_GROUP, "uri", NULL)) == NULL ||
      (saved = g_key_file_get_string (info, INFO_GROUP, "saved", NULL)) == NULL)
    return NULL;

  stem = g_strndup (info_path, strlen (info_path) - strlen (INFO_SUFFIX));
  text_path = g_strconcat (stem, TEXT_SUFFIX, NULL);
  if (!g_file_get_contents (text_path, &text, NULL, NULL))
    return NULL;

  draft = g_new0 (RecapDraft, 1);
  draft->file = g_file_new_for_uri (uri);
  draft->text = g_steal_pointer (&text);
  draft->saved = g_date_time_new_from_iso8601 (saved, NULL);
  if (draft->saved == NULL)
    draft->saved = g_date_time_new_now_local ();
  draft->base = g_key_file_get_string (info, INFO_GROUP, "base", NULL);
  return draft;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const RecapDraft *draft_a = *(RecapDraft **) a;
  const RecapDraft *draft_b = *(RecapDraft **) b;

  return g_date_time_compare (draft_a->saved, draft_b->saved);
}

static GPtrArray *
list_drafts (RecapRecovery *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) recap_draft_free);
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, name, NULL);
      RecapDraft *draft = g_str_has_suffix (name, INFO_SUFFIX) ? read_draft (path) : NULL;

      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, compare_drafts);
  return drafts;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(GTask) task = data;
  RecapRecovery *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autofree char *info_path = NULL;
  GError *error = NULL;
  gboolean ok;

  switch (job->kind)
    {
    case JOB_SAVE:
      ok = save_draft (self, job, &error);
      recap_background_return_boolean (task, ok, error);
      break;
    case JOB_DISCARD:
      ok = discard_draft (self, job, &error);
      recap_background_return_boolean (task, ok, error);
      break;
    case JOB_LOOKUP:
      info_path = draft_path (self, job->file, INFO_SUFFIX);
      g_task_return_pointer (task, read_draft (info_path), (GDestroyNotify) recap_draft_free);
      break;
    case JOB_LIST:
      g_task_return_pointer (task, list_drafts (self), (GDestroyNotify) g_ptr_array_unref);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
queue_job (RecapRecovery       *self,
           JobKind              kind,
           GFile               *file,
           const char          *text,
           const char          *base,
           gpointer             source_tag,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->file = file ? g_object_ref (file) : NULL;
  job->text = g_strdup (text);
  job->base = g_strdup (base);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_thread_pool_push (self->worker, task, NULL);
}

static void
recap_recovery_finalize (GObject *object)
{
  RecapRecovery *self = RECAP_RECOVERY (object);

  /* Queued tasks hold a reference, so the queue is empty by now; no wait,
   * as the last reference may be dropped on the worker thread itself. */
  g_thread_pool_free (self->worker, FALSE, FALSE);
  g_free (self->dir);

  G_OBJECT_CLASS (recap_recovery_parent_class)->finalize (object);
}

static void
recap_recovery_class_init (RecapRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_recovery_finalize;
}

static void
recap_recovery_init (RecapRecovery *self)
{
  self->worker = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
}

RecapRecovery *
recap_recovery_new (const char *dir)
{
  RecapRecovery *self;

  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (RECAP_TYPE_RECOVERY, NULL);
  self->dir = g_strdup (dir);
  return self;
}

RecapRecovery *
recap_recovery_new_default (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "recap", "recovery", NULL);

  return recap_recovery_new (dir);
}

const char *
recap_recovery_get_dir (RecapRecovery *self)
{
  g_return_val_if_fail (RECAP_IS_RECOVERY (self), NULL);
  return self->dir;
}

void
recap_recovery_save_async (RecapRecovery       *self,
                           GFile               *file,
                           const char          *text,
                           const char          *base,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_RECOVERY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (text != NULL);

  queue_job (self, JOB_SAVE, file, text, base, recap_recovery_save_async, callback, user_data);
}

gboolean
recap_recovery_save_finish (RecapRecovery  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
recap_recovery_discard_async (RecapRecovery       *self,
                              GFile               *file,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_RECOVERY (self));
  g_return_if_fail (G_IS_FILE (file));

  queue_job (self, JOB_DISCARD, file, NULL, NULL, recap_recovery_discard_async, callback, user_data);
}

gboolean
recap_recovery_discard_finish (RecapRecovery  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
recap_recovery_lookup_async (RecapRecovery       *self,
                             GFile               *file,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_RECOVERY (self));
  g_return_if_fail (G_IS_FILE (file));

  queue_job (self, JOB_LOOKUP, file, NULL, NULL, recap_recovery_lookup_async, callback, user_data);
}

RecapDraft *
recap_recovery_lookup_finish (RecapRecovery  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
recap_recovery_list_async (RecapRecovery       *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_RECOVERY (self));

  queue_job (self, JOB_LIST, NULL, NULL, NULL, recap_recovery_list_async, callback, user_data);
}

GPtrArray *
recap_recovery_list_finish (RecapRecovery  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
