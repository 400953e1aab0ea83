/* recap-document-save.c: saving a document, in place or with Save As
 *
 * A save encodes the buffer's text in the file's encoding and line
 * endings, refuses to overwrite what another program wrote since the file
 * was read, and writes atomically (core's recap_file_write_atomic()).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-background.h"
#include "recap-document-private.h"

/* Worker thread side */

static GBytes *
encode_text (Job     *job,
             GError **error)
{
  gboolean utf8 = job->encoding == gtk_source_encoding_get_utf8 ();
  g_autofree char *name = display_name (job->file);
  g_autofree char *encoding = gtk_source_encoding_to_string (job->encoding);

  return recap_file_encode_text (job->text, job->newline, utf8 ? NULL : gtk_source_encoding_get_charset (job->encoding),
                                 encoding, name, error);
}

/* Never overwrite what another program wrote since the file was read. */
static gboolean
check_unchanged_on_disk (Job     *job,
                         GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = NULL;

  if (job->expected == NULL)
    return TRUE;
  if (!read_file (job, FALSE, &read_error))
    {
      /* Deleted: saving puts it back. */
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (g_str_equal (job->checksum, job->expected))
    return TRUE;

  name = display_name (job->file);
  g_set_error (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED,
               _("“%s” was changed by another program"), name);
  return FALSE;
}

/* A file made read-only stays as it is, even where its folder would let a
 * new file replace it. */
static gboolean
check_writable (Job     *job,
                GError **error)
{
  g_autofree char *name = display_name (job->file);

  /* No file yet: the folder decides. */
  return recap_file_check_writable (resolve_path (job, NULL) ? job->real_path : NULL, name, error);
}

static gboolean
write_file (Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;

  if (!check_unchanged_on_disk (job, error) || !check_writable (job, error) ||
      (bytes = encode_text (job, error)) == NULL)
    return FALSE;

  /* A temporary file, fsynced and renamed over the target: after a crash
   * or a failure the file holds either all the old or all the new bytes. */
  data = g_bytes_get_data (bytes, &len);
  if (!recap_file_write_atomic (job->file, data ? data : "", len, cancellable, error))
    return FALSE;

  g_free (job->checksum);
  job->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  /* Saved: a path that cannot be resolved only means nothing to watch. */
  resolve_path (job, NULL);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  gboolean ok = write_file (task_data, cancellable, &error);

  recap_background_return_boolean (task, ok, error);
}

/* Saving */

static void
file_saved (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RecapDocument *self = RECAP_DOCUMENT (object);
  Job *job = current_job (self);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED))
        mark_changed_on_disk (self, job->checksum);
      finish_op (self, error);
      return;
    }

  if (job->save_as)
    {
      /* The draft is filed under the old location. */
      remove_draft (self);
      g_set_object (&self->file, job->file);
      set_encoding (self, job->encoding);
      /* A copy of a text shown cut is still shown cut. */
      set_flag (self, &self->read_only, self->cut, PROP_READ_ONLY);
    }
  accept_disk_contents (self, job);
  /* Typing during the save made changes the file does not have yet. */
  if (job->change_serial == self->change_serial)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  emit_saved (self);
  finish_op (self, NULL);
}

static void
start_save (RecapDocument *self,
            GTask         *op)
{
  Job *job = current_job (self);
  g_autofree char *name = NULL;

  if (self->read_only && !job->save_as)
    {
      name = display_name (job->file);
      if (self->cut)
        finish_op (self, g_error_new (RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_READ_ONLY,
                                      _("“%s” has lines too long to edit here, so it is open read-only; "
                                        "use Save As to save a copy"), name));
      else
        finish_op (self, g_error_new (RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_READ_ONLY,
                                      _("“%s” has bytes that are not valid text, so it is open read-only "
                                        "to keep them as they are; use Save As to save a copy"), name));
      return;
    }

  g_debug ("Saving %s%s", g_file_peek_path (job->file), job->save_as ? " (save as)" : "");
  /* The text as it is now, not as it was when the save was asked for. */
  job->text = recap_document_dup_text (self);
  job->change_serial = self->change_serial;
  job->encoding = job->save_as ? gtk_source_encoding_get_utf8 () : self->encoding;
  job->newline = self->newline;
  job->expected = job->save_as ? NULL : g_strdup (self->disk_checksum);
  run_in_thread (self, save_thread, file_saved);
}

static void
queue_save (RecapDocument       *self,
            GFile               *file,
            gboolean             save_as,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job = job_new (file);

  job->save_as = save_as;
  push_op (self, job, start_save, cancellable, recap_document_save_async, callback, user_data);
}

/* Public API */

void
recap_document_save_async (RecapDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  queue_save (self, recap_document_get_file (self), FALSE, cancellable, callback, user_data);
}

void
recap_document_save_as_async (RecapDocument       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  queue_save (self, file, TRUE, cancellable, callback, user_data);
}

gboolean
recap_document_save_finish (RecapDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
