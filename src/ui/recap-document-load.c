/* recap-document-load.c: reading a document's file into its buffer
 *
 * A load reads and checksums the bytes on a worker thread, then puts them
 * into the buffer: through GtkSourceFileLoader, which finds the encoding,
 * or in one insertion for plain UTF-8. A text with very long lines is kept
 * in the document and the buffer gets a copy with them cut, read-only. The
 * same path follows a file changed on disk or moved.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-background.h"
#include "recap-document-private.h"

/* Longer lines are not highlighted and the buffer holds them cut to
 * SHOWN_LINE: GTK lays a line out in one go, and inserting one line of
 * 5 MB into a GtkTextBuffer took 380-700 ms in _gtk_text_btree_insert;
 * shaping a line cut at 16 KB was still about 60 ms of one frame. */
#define LONG_LINE (64 * 1024)
#define SHOWN_LINE (4 * 1024)

/* Worker thread side */

/* What decides how the text goes into the buffer and the editor. */
static void
look_at_text (Job *job)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);

  job->eight_bit = gtk_source_encoding_get_from_charset (recap_file_guess_8bit_charset (data, len));
  job->longest_line = recap_file_longest_line (data, len);
  job->plain_utf8 = recap_file_is_plain_utf8 (data, len);
  if (job->longest_line > LONG_LINE)
    {
      g_autofree char *valid = g_utf8_make_valid (data, len);

      job->shown_text = recap_file_cut_long_lines (valid, SHOWN_LINE);
      /* Other encodings are decoded by the loader, in the buffer. */
      if (job->plain_utf8)
        job->full_text = g_steal_pointer (&valid);
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  Job *job = task_data;
  gboolean ok = read_file (job, TRUE, &error) && check_is_text (job, &error);

  if (ok)
    look_at_text (job);
  recap_background_return_boolean (task, ok, error);
}

/* Loading */

static void
remember_cursor (RecapDocument *self,
                 Job           *job)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)));
  /* Not moved since a reload clamped it: where it was before that one. */
  if (gtk_text_iter_get_offset (&iter) == self->cursor_moved_to)
    {
      job->cursor_line = self->cursor_wanted_line;
      job->cursor_offset = self->cursor_wanted_offset;
      return;
    }
  job->cursor_line = gtk_text_iter_get_line (&iter);
  job->cursor_offset = gtk_text_iter_get_line_offset (&iter);
}

static void
restore_cursor (RecapDocument *self,
                Job           *job)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter iter, line_end;

  /* Clamped to the end of a line or text that got shorter. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, job->cursor_line);
  line_end = iter;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  gtk_text_iter_set_line_offset (&iter, MIN (job->cursor_offset, gtk_text_iter_get_line_offset (&line_end)));
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->cursor_wanted_line = job->cursor_line;
  self->cursor_wanted_offset = job->cursor_offset;
  self->cursor_moved_to = -1;
  if (gtk_text_iter_get_line (&iter) != job->cursor_line || gtk_text_iter_get_line_offset (&iter) != job->cursor_offset)
    self->cursor_moved_to = gtk_text_iter_get_offset (&iter);
}

static RecapFileNewline
to_file_newline (GtkSourceNewlineType type)
{
  switch (type)
    {
    case GTK_SOURCE_NEWLINE_TYPE_CR:
      return RECAP_FILE_NEWLINE_CR;
    case GTK_SOURCE_NEWLINE_TYPE_CR_LF:
      return RECAP_FILE_NEWLINE_CR_LF;
    case GTK_SOURCE_NEWLINE_TYPE_LF:
    default:
      return RECAP_FILE_NEWLINE_LF;
    }
}

/* The buffer holds the text of the file the job read, or its cut copy
 * with the job's full text. */
static void
take_text (RecapDocument           *self,
           Job                     *job,
           const GtkSourceEncoding *encoding,
           RecapFileNewline         newline,
           gboolean                 fell_back)
{
  set_encoding (self, encoding);
  self->newline = newline;
  set_flag (self, &self->cut, self->full_text != NULL, PROP_CUT);
  set_flag (self, &self->read_only, fell_back || self->cut, PROP_READ_ONLY);
  set_flag (self, &self->large, g_bytes_get_size (job->bytes) > RECAP_DOCUMENT_LARGE_SIZE, PROP_LARGE);
  accept_disk_contents (self, job);
  restore_cursor (self, job);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_object_notify (G_OBJECT (self), "loading");

  if (job->load_kind == LOAD_OPEN && self->recovery != NULL)
    recap_recovery_lookup_async (self->recovery, job->file, draft_looked_up, self);
  else
    finish_op (self, NULL);
}

/* Puts the cut copy in the buffer in place of the full text, which the
 * document keeps first (what a load read, or what the loader decoded), so
 * that the buffer's handlers already see it. */
static void
show_cut (RecapDocument *self,
          Job           *job)
{
  GtkTextIter start, end;

  g_assert (self->full_text == NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  self->full_text = job->full_text ? g_steal_pointer (&job->full_text)
                                   : gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self), job->shown_text, -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self));
}

static void
text_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkSourceFileLoader *loader = GTK_SOURCE_FILE_LOADER (object);
  RecapDocument *self = user_data;
  Job *job = current_job (self);
  g_autoptr(GError) error = NULL;
  gboolean fell_back;

  self->loading = FALSE;
  gtk_source_file_loader_load_finish (loader, result, &error);
  /* The text holds escapes for bytes no encoding could read. */
  fell_back = g_error_matches (error, GTK_SOURCE_FILE_LOADER_ERROR,
                               GTK_SOURCE_FILE_LOADER_ERROR_CONVERSION_FALLBACK);
  if (error != NULL && !fell_back)
    {
      g_object_notify (G_OBJECT (self), "loading");
      finish_op (self, g_steal_pointer (&error));
      return;
    }

  if (job->shown_text != NULL)
    show_cut (self, job);
  take_text (self, job, gtk_source_file_loader_get_encoding (loader),
             to_file_newline (gtk_source_file_loader_get_newline_type (loader)), fell_back);
}

/* GtkSourceFileLoader inserts 8 KB at a time, and GTK works out each
 * insertion's offset in its line: a line of 5 MB took seconds. Plain UTF-8
 * needs no decoding, so such a file goes in with one insertion of its cut
 * copy; the document keeps the whole. */
static void
insert_plain_text (RecapDocument *self,
                   Job           *job)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);

  show_cut (self, job);
  self->loading = FALSE;
  take_text (self, job, gtk_source_encoding_get_utf8 (), recap_file_first_newline (data, len), FALSE);
}

/* GtkSourceView's candidates (the translators' choice for the locale), with
 * its Western guess taken from the bytes: ISO-8859-15 shows ½ as œ and
 * ¤ as €, and stores a typed € as 0xA4. */
static GSList *
candidate_encodings (Job *job)
{
  GSList *candidates = gtk_source_encoding_get_default_candidates ();

  for (GSList *l = candidates; l != NULL && job->eight_bit != NULL; l = l->next)
    if (g_ascii_strcasecmp (gtk_source_encoding_get_charset (l->data), "ISO-8859-15") == 0)
      l->data = (gpointer) job->eight_bit;
  return candidates;
}

void
file_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecapDocument *self = RECAP_DOCUMENT (object);
  Job *job = current_job (self);
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GSList) candidates = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->load_kind != LOAD_OPEN)
        mark_unfollowed_change (self, job, error);
      finish_op (self, error);
      return;
    }
  /* Typed while the file was read: the change on disk is now a conflict. */
  if (job->load_kind == LOAD_CHANGED_ON_DISK && gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    {
      mark_changed_on_disk (self, job->checksum);
      finish_op (self, NULL);
      return;
    }

  /* GtkSourceView parses a line in one go, highlighted or not: one of
   * megabytes stopped the window for seconds before it gave up (with a
   * critical warning). Such a file is edited as plain text. */
  set_language (self, job->longest_line <= LONG_LINE ? "markdown" : NULL);
  /* From the bytes already read, so that the checksum matches the text. */
  remember_cursor (self, job);
  self->loading = TRUE;
  g_object_notify (G_OBJECT (self), "loading");
  g_clear_pointer (&self->full_text, g_free);
  if (job->load_kind == LOAD_OPEN)
    emit_filling (self, g_bytes_get_size (job->bytes));
  if (job->longest_line > LONG_LINE && job->plain_utf8)
    {
      insert_plain_text (self, job);
      return;
    }
  stream = g_memory_input_stream_new_from_bytes (job->bytes);
  /* From the stream, named by its file: GtkSourceView 5.16's load_finish
   * reads the loader's location even when it loaded a stream, a GLib
   * critical when it is NULL. The stream still wins, as it always did. */
  loader = g_object_new (GTK_SOURCE_TYPE_FILE_LOADER,
                         "buffer", self,
                         "file", self->source_file,
                         "location", job->file,
                         "input-stream", stream,
                         NULL);
  candidates = candidate_encodings (job);
  gtk_source_file_loader_set_candidate_encodings (loader, candidates);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, g_task_get_cancellable (self->current_op),
                                     NULL, NULL, NULL, text_loaded, self);
}

static void
start_load (RecapDocument *self,
            GTask         *op)
{
  g_debug ("Loading %s", g_file_peek_path (current_job (self)->file));
  run_in_thread (self, load_thread, file_read);
}

void
queue_load (RecapDocument       *self,
            LoadKind             kind,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Job *job = job_new (recap_document_get_file (self));

  job->load_kind = kind;
  push_op (self, job, start_load, cancellable, recap_document_load_async, callback, user_data);
}

/* Public API */

void
recap_document_load_async (RecapDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  queue_load (self, LOAD_OPEN, cancellable, callback, user_data);
}

gboolean
recap_document_load_finish (RecapDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
