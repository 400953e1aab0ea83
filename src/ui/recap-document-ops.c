/* recap-document-ops.c: a document's queue of file operations
 *
 * Loads, saves, checks and moves run one at a time, in order: each is a
 * GTask holding a Job, whose worker-thread half runs with
 * run_in_thread() and whose main-thread half ends with finish_op(). This
 * file has the queue, the worker-side glue the operations share, the
 * answers to changes on disk (the check after a monitor event, Reload,
 * Keep Mine) and moving the file.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-background.h"
#include "recap-document-private.h"

Job *
job_new (GFile *file)
{
  Job *job = g_new0 (Job, 1);

  job->file = g_object_ref (file);
  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->checksum, g_free);
  g_clear_pointer (&job->real_path, g_free);
  g_clear_pointer (&job->text, g_free);
  g_clear_pointer (&job->expected, g_free);
  g_clear_pointer (&job->shown_text, g_free);
  g_clear_pointer (&job->full_text, g_free);
  g_free (job);
}

/* Worker thread side: the file I/O itself is core's (recap-file-util.h);
 * this is the glue to the job that loads, checks, moves and saves share. */

char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* Sets the job's real path: the file to read and to watch. */
gboolean
resolve_path (Job     *job,
              GError **error)
{
  g_autofree char *name = display_name (job->file);
  char *real_path = recap_file_dup_real_path (job->file, name, error);

  if (real_path == NULL)
    return FALSE;
  g_free (job->real_path);
  job->real_path = real_path;
  return TRUE;
}

/* Sets the job's checksum and real path, and its bytes if @keep_bytes. */
gboolean
read_file (Job      *job,
           gboolean  keep_bytes,
           GError  **error)
{
  g_autofree char *name = display_name (job->file);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;

  if (!resolve_path (job, error) ||
      !recap_file_read_checksummed (job->real_path, name, keep_bytes ? &bytes : NULL, &checksum, error))
    return FALSE;
  g_free (job->checksum);
  job->checksum = g_steal_pointer (&checksum);
  if (bytes != NULL)
    {
      g_clear_pointer (&job->bytes, g_bytes_unref);
      job->bytes = g_steal_pointer (&bytes);
    }
  return TRUE;
}

gboolean
check_is_text (Job     *job,
               GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);
  g_autofree char *name = display_name (job->file);

  return recap_file_check_not_binary (data, len, name, error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  gboolean ok = read_file (task_data, FALSE, &error);

  recap_background_return_boolean (task, ok, error);
}

/* Moves the file, then reads it where it went. */
static void
move_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GFile) moved_to = NULL;
  GError *error = NULL;
  gboolean ok = job->move (job->move_data, &moved_to, cancellable, &error);

  if (ok && moved_to != NULL)
    {
      g_set_object (&job->file, moved_to);
      job->moved = TRUE;
      ok = read_file (job, TRUE, &error) && check_is_text (job, &error);
    }
  recap_background_return_boolean (task, ok, error);
}

/* The queue of operations */

static void
run_next_op (RecapDocument *self)
{
  Job *job;

  if (self->current_op != NULL || g_queue_is_empty (&self->ops))
    return;
  self->current_op = g_queue_pop_head (&self->ops);
  job = g_task_get_task_data (self->current_op);
  job->start (self, self->current_op);
}

void
push_op (RecapDocument       *self,
         Job                 *job,
         OpStart              start,
         GCancellable        *cancellable,
         gpointer             source_tag,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *op = g_task_new (self, cancellable, callback, user_data);

  job->start = start;
  g_task_set_source_tag (op, source_tag);
  g_task_set_task_data (op, job, (GDestroyNotify) job_free);
  g_queue_push_tail (&self->ops, op);
  if (self->current_op != NULL)
    g_debug ("Document operation on %s waits behind %u", g_file_peek_path (job->file), g_queue_get_length (&self->ops));
  run_next_op (self);
}

/* Ends the current operation, with @error or successfully, and starts the next. */
void
finish_op (RecapDocument *self,
           GError        *error)
{
  g_autoptr(GTask) op = g_steal_pointer (&self->current_op);

  g_debug ("Document operation on %s %s%s", g_file_peek_path (((Job *) g_task_get_task_data (op))->file),
           error ? "failed: " : "done", error ? error->message : "");
  recap_background_return_boolean (op, error == NULL, error);
  run_next_op (self);
}

Job *
current_job (RecapDocument *self)
{
  return g_task_get_task_data (self->current_op);
}

/* Runs the current operation's @func on a worker thread, then @done here. */
void
run_in_thread (RecapDocument       *self,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (self, g_task_get_cancellable (self->current_op), done, NULL);

  g_task_set_task_data (step, current_job (self), NULL);
  g_task_run_in_thread (step, func);
}

/* Changes on disk */

/* The buffer now stands for what the job found or wrote on disk. */
void
accept_disk_contents (RecapDocument *self,
                      Job           *job)
{
  g_free (self->disk_checksum);
  self->disk_checksum = g_strdup (job->checksum);
  g_clear_pointer (&self->changed_checksum, g_free);
  recap_buffer_monitor_set_path (self->monitor, job->real_path);
  set_flag (self, &self->externally_modified, FALSE, PROP_EXTERNALLY_MODIFIED);
  set_flag (self, &self->deleted, FALSE, PROP_DELETED);
}

static void
mark_deleted (RecapDocument *self)
{
  set_flag (self, &self->externally_modified, FALSE, PROP_EXTERNALLY_MODIFIED);
  set_flag (self, &self->deleted, TRUE, PROP_DELETED);
  /* The buffer is now the only copy: treat it as unsaved. */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), TRUE);
}

void
mark_changed_on_disk (RecapDocument *self,
                      const char    *checksum)
{
  g_free (self->changed_checksum);
  self->changed_checksum = g_strdup (checksum);
  set_flag (self, &self->deleted, FALSE, PROP_DELETED);
  set_flag (self, &self->externally_modified, TRUE, PROP_EXTERNALLY_MODIFIED);
}

/* A change on disk that could not be followed: tell, never guess. */
void
mark_unfollowed_change (RecapDocument *self,
                        Job           *job,
                        const GError  *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    mark_deleted (self);
  else
    mark_changed_on_disk (self, job->checksum);
}

static void
disk_checked (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RecapDocument *self = RECAP_DOCUMENT (object);
  Job *job = current_job (self);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Check of %s: %s", g_file_peek_path (job->file), error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        mark_deleted (self);
    }
  else if (g_strcmp0 (job->checksum, self->disk_checksum) == 0)
    accept_disk_contents (self, job);
  else if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    {
      g_debug ("%s changed on disk and has no unsaved edits: reloading", g_file_peek_path (job->file));
      queue_load (self, LOAD_CHANGED_ON_DISK, NULL, NULL, NULL);
    }
  else
    {
      g_debug ("%s changed on disk under unsaved edits: telling the user", g_file_peek_path (job->file));
      mark_changed_on_disk (self, job->checksum);
    }
  finish_op (self, NULL);
}

static void
start_check (RecapDocument *self,
             GTask         *op)
{
  self->check_queued = FALSE;
  g_debug ("Checking %s on disk", g_file_peek_path (current_job (self)->file));
  run_in_thread (self, check_thread, disk_checked);
}

/* Any event may be a change; one check reads the file and decides. */
void
queue_check (RecapDocument *self)
{
  if (self->check_queued)
    return;
  self->check_queued = TRUE;
  push_op (self, job_new (recap_document_get_file (self)), start_check, NULL, queue_check, NULL, NULL);
}

/* Moving */

static void
file_moved (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RecapDocument *self = RECAP_DOCUMENT (object);
  Job *job = current_job (self);
  GError *error = NULL;

  if (!job->moved)
    {
      /* Nothing moved: watch the file again, and see whether it changed meanwhile. */
      g_task_propagate_boolean (G_TASK (result), &error);
      finish_op (self, error);
      queue_check (self);
      return;
    }
  /* The draft of unsaved changes is filed under the old location. */
  remove_draft (self);
  g_set_object (&self->file, job->file);
  file_read (object, result, user_data);
}

static void
start_move (RecapDocument *self,
            GTask         *op)
{
  Job *job = current_job (self);

  job->load_kind = LOAD_CHANGED_ON_DISK;
  g_debug ("Moving %s", g_file_peek_path (self->file));
  recap_buffer_monitor_set_path (self->monitor, NULL);
  run_in_thread (self, move_thread, file_moved);
}

/* Public API */

void
recap_document_reload (RecapDocument *self)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  queue_load (self, LOAD_DISCARDING, NULL, NULL, NULL);
}

void
recap_document_keep_mine (RecapDocument *self)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  /* The other program's version is the one the next save may replace. */
  g_free (self->disk_checksum);
  self->disk_checksum = g_steal_pointer (&self->changed_checksum);
  set_flag (self, &self->externally_modified, FALSE, PROP_EXTERNALLY_MODIFIED);
}

void
recap_document_move_async (RecapDocument         *self,
                           RecapDocumentMoveFunc  func,
                           gpointer               data,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  Job *job;

  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  job = job_new (recap_document_get_file (self));
  job->move = func;
  job->move_data = data;
  push_op (self, job, start_move, cancellable, recap_document_move_async, callback, user_data);
}

gboolean
recap_document_move_finish (RecapDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
