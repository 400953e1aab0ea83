/* recap-document.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-buffer-monitor.h"
#include "recap-document.h"

/* Longer lines are not highlighted, their file is inserted in one go, and
 * the editor shows them cut to SHOWN_LINE: GTK lays a line out in one go. */
#define LONG_LINE (64 * 1024)
#define SHOWN_LINE (16 * 1024)
/* Delay between an unsaved change and its draft: long enough to batch
 * typing, short enough that a crash loses little. */
#define DRAFT_DELAY_SECONDS 2

typedef enum {
  LOAD_OPEN,            /* first load: cursor at the start, look for a draft */
  LOAD_CHANGED_ON_DISK, /* the buffer is clean and the file changed: follow it */
  LOAD_DISCARDING,      /* the user chose the file over the buffer's changes */
} LoadKind;

typedef void (*OpStart) (RecapDocument *self,
                         GTask         *op);

/* One operation on the file; each kind uses the fields it needs. */
typedef struct {
  OpStart                  start;
  GFile                   *file;          /* read or written */
  LoadKind                 load_kind;
  int                      cursor_line;
  int                      cursor_offset;
  GBytes                  *bytes;         /* what a load read */
  char                    *checksum;      /* of the file's bytes as read or written */
  char                    *real_path;     /* the file, symlinks followed: what to watch */
  char                    *text;          /* what a save writes, before encoding */
  char                    *expected;      /* checksum the file must still have; NULL: any */
  const GtkSourceEncoding *encoding;
  const GtkSourceEncoding *eight_bit;     /* what a load reads bytes that are not UTF-8 as */
  RecapFileNewline         newline;
  gsize                    longest_line;  /* in bytes, of what a load read */
  gboolean                 plain_utf8;    /* what a load read is UTF-8 without a BOM */
  char                    *shown_text;    /* what a load read, long lines cut; NULL: none */
  guint64                  change_serial; /* the buffer state a save writes */
  gboolean                 save_as;
  RecapDocumentMoveFunc    move;          /* a move: what moves the file */
  gpointer                 move_data;
  gboolean                 moved;         /* the move was made; @file is where the file went */
} Job;

struct _RecapDocument
{
  GtkSourceBuffer          parent_instance;

  RecapPost               *post;
  RecapRecovery           *recovery;
  GFile                   *file;
  GtkSourceFile           *source_file;     /* the loader's, which forgets the location of a stream */
  const GtkSourceEncoding *encoding;
  RecapFileNewline         newline;

  /* Loads, saves and checks of the disk run one at a time, in order. */
  GQueue                   ops;
  GTask                   *current_op;
  gboolean                 check_queued;

  /* What the file holds as far as the buffer knows, and how it is watched. */
  char                    *disk_checksum;
  char                    *changed_checksum; /* another program's version, while in conflict */
  RecapBufferMonitor      *monitor;

  guint64                  change_serial;
  gboolean                 loading;
  guint                    draft_source;
  gboolean                 draft_on_disk;   /* a draft of this file is ours to replace or remove */
  RecapDraft              *draft;           /* from an earlier session, until restored or discarded */

  gboolean                 read_only;
  gboolean                 large;
  char                    *shown_text;      /* see recap_document_get_shown_text() */
  gboolean                 externally_modified;
  gboolean                 deleted;
};

G_DEFINE_FINAL_TYPE (RecapDocument, recap_document, GTK_SOURCE_TYPE_BUFFER)

G_DEFINE_QUARK (recap-document-error-quark, recap_document_error)

enum {
  PROP_0,
  PROP_ENCODING,
  PROP_READ_ONLY,
  PROP_LARGE,
  PROP_EXTERNALLY_MODIFIED,
  PROP_DELETED,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_check (RecapDocument *self);
static void queue_load  (RecapDocument *self, LoadKind kind, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data);

static Job *
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
  g_free (job);
}

static void
set_flag (RecapDocument *self,
          gboolean      *flag,
          gboolean       value,
          guint          prop_id)
{
  if (*flag == !!value)
    return;
  *flag = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Worker thread side: the file I/O itself is core's (recap-file-util.h);
 * this is the glue to the job and to GtkSourceEncoding. */

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* Sets the job's real path: the file to read and to watch. */
static gboolean
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
static gboolean
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

static gboolean
check_is_text (Job     *job,
               GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);
  g_autofree char *name = display_name (job->file);

  return recap_file_check_not_binary (data, len, name, error);
}

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
return_boolean (GTask    *task,
                gboolean  ok,
                GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

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
  return_boolean (task, ok, error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  gboolean ok = read_file (task_data, FALSE, &error);

  return_boolean (task, ok, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  gboolean ok = write_file (task_data, cancellable, &error);

  return_boolean (task, ok, error);
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
  return_boolean (task, ok, error);
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

static void
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
static void
finish_op (RecapDocument *self,
           GError        *error)
{
  g_autoptr(GTask) op = g_steal_pointer (&self->current_op);

  g_debug ("Document operation on %s %s%s", g_file_peek_path (((Job *) g_task_get_task_data (op))->file),
           error ? "failed: " : "done", error ? error->message : "");
  return_boolean (op, error == NULL, error);
  run_next_op (self);
}

static Job *
current_job (RecapDocument *self)
{
  return g_task_get_task_data (self->current_op);
}

/* Runs the current operation's @func on a worker thread, then @done here. */
static void
run_in_thread (RecapDocument       *self,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (self, g_task_get_cancellable (self->current_op), done, NULL);

  g_task_set_task_data (step, current_job (self), NULL);
  g_task_run_in_thread (step, func);
}

/* The buffer now stands for what the job found or wrote on disk. */
static void
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

static void
mark_changed_on_disk (RecapDocument *self,
                      const char    *checksum)
{
  g_free (self->changed_checksum);
  self->changed_checksum = g_strdup (checksum);
  set_flag (self, &self->deleted, FALSE, PROP_DELETED);
  set_flag (self, &self->externally_modified, TRUE, PROP_EXTERNALLY_MODIFIED);
}

/* A change on disk that could not be followed: tell, never guess. */
static void
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
static void
queue_check (RecapDocument *self)
{
  if (self->check_queued)
    return;
  self->check_queued = TRUE;
  push_op (self, job_new (recap_document_get_file (self)), start_check, NULL, queue_check, NULL, NULL);
}

/* Drafts in the recovery area */

/* Keeps the application running until the recovery area is up to date. */
static void
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
}

static void
draft_updated (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;

  /* Saving and discarding finish alike. */
  if (!recap_recovery_save_finish (RECAP_RECOVERY (object), result, &error))
    g_warning ("Could not update the recovery area: %s", error->message);
  if (app != NULL)
    g_application_release (app);
}

static gboolean
write_draft (gpointer user_data)
{
  RecapDocument *self = user_data;
  g_autofree char *text = NULL;

  self->draft_source = 0;
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    return G_SOURCE_REMOVE;

  text = recap_document_dup_text (self);
  self->draft_on_disk = TRUE;
  hold_application ();
  /* The version the edits started from: a restore compares it with the disk. */
  recap_recovery_save_async (self->recovery, recap_document_get_file (self), text, self->disk_checksum,
                             draft_updated, NULL);
  return G_SOURCE_REMOVE;
}

static void
remove_draft (RecapDocument *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->draft_on_disk)
    return;
  self->draft_on_disk = FALSE;
  hold_application ();
  recap_recovery_discard_async (self->recovery, recap_document_get_file (self), draft_updated, NULL);
}

static void
set_draft (RecapDocument *self,
           RecapDraft    *draft)
{
  g_clear_pointer (&self->draft, recap_draft_free);
  self->draft = draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
}

static void
draft_looked_up (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RecapDocument *self = user_data;
  g_autoptr(RecapDraft) draft = recap_recovery_lookup_finish (RECAP_RECOVERY (object), result, NULL);
  g_autofree char *text = recap_document_dup_text (self);

  if (draft != NULL)
    {
      /* Offered until restored or discarded; replaced by the next draft. */
      self->draft_on_disk = TRUE;
      if (g_str_equal (draft->text, text))
        remove_draft (self);
      else
        set_draft (self, g_steal_pointer (&draft));
    }
  finish_op (self, NULL);
}

static void
recap_document_changed (GtkTextBuffer *buffer)
{
  RecapDocument *self = RECAP_DOCUMENT (buffer);

  if (GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->changed != NULL)
    GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->changed (buffer);
  self->change_serial++;
  if (self->recovery != NULL && !self->loading && self->draft_source == 0)
    self->draft_source = g_timeout_add_seconds (DRAFT_DELAY_SECONDS, write_draft, self);
}

static void
recap_document_modified_changed (GtkTextBuffer *buffer)
{
  RecapDocument *self = RECAP_DOCUMENT (buffer);
  gboolean modified = gtk_text_buffer_get_modified (buffer);

  if (GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->modified_changed != NULL)
    GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->modified_changed (buffer);
  /* Disposed: the post is no longer ours to mark. */
  if (self->post == NULL)
    return;
  recap_post_set_unsaved (self->post, modified);
  if (!modified && self->recovery != NULL)
    remove_draft (self);
}

/* Loading */

static void
remember_cursor (RecapDocument *self,
                 Job           *job)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)));
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
}

static void
set_encoding (RecapDocument           *self,
              const GtkSourceEncoding *encoding)
{
  if (self->encoding == encoding)
    return;
  self->encoding = encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

/* @id: a GtkSourceView language, or NULL for none. */
static void
set_language (RecapDocument *self,
              const char    *id)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (self),
                                  id ? gtk_source_language_manager_get_language (languages, id) : NULL);
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

/* The buffer holds the text of the file the job read. */
static void
take_text (RecapDocument           *self,
           Job                     *job,
           const GtkSourceEncoding *encoding,
           RecapFileNewline         newline,
           gboolean                 fell_back)
{
  set_encoding (self, encoding);
  self->newline = newline;
  g_free (self->shown_text);
  self->shown_text = g_steal_pointer (&job->shown_text);
  set_flag (self, &self->read_only, fell_back || self->shown_text != NULL, PROP_READ_ONLY);
  set_flag (self, &self->large, g_bytes_get_size (job->bytes) > RECAP_DOCUMENT_LARGE_SIZE, PROP_LARGE);
  accept_disk_contents (self, job);
  restore_cursor (self, job);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);

  if (job->load_kind == LOAD_OPEN && self->recovery != NULL)
    recap_recovery_lookup_async (self->recovery, job->file, draft_looked_up, self);
  else
    finish_op (self, NULL);
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
      finish_op (self, g_steal_pointer (&error));
      return;
    }

  take_text (self, job, gtk_source_file_loader_get_encoding (loader),
             to_file_newline (gtk_source_file_loader_get_newline_type (loader)), fell_back);
}

/* GtkSourceFileLoader inserts 8 KB at a time, and GTK works out each
 * insertion's offset in its line: a line of 5 MB took seconds. Plain UTF-8
 * needs no decoding, so such a file goes in with one insertion. */
static void
insert_plain_text (RecapDocument *self,
                   Job           *job)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (job->bytes, &len);

  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self), data, len);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self));
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

static void
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
  if (job->longest_line > LONG_LINE && job->plain_utf8)
    {
      insert_plain_text (self, job);
      return;
    }
  stream = g_memory_input_stream_new_from_bytes (job->bytes);
  loader = gtk_source_file_loader_new_from_stream (GTK_SOURCE_BUFFER (self), self->source_file, stream);
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

static void
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
      set_flag (self, &self->read_only, FALSE, PROP_READ_ONLY);
    }
  accept_disk_contents (self, job);
  /* Typing during the save made changes the file does not have yet. */
  if (job->change_serial == self->change_serial)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_signal_emit (self, signals[SAVED], 0);
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
      if (self->shown_text != NULL)
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

/* GObject */

static void
recap_document_dispose (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  /* Closing with unsaved changes (the session ending, say): keep them. */
  if (self->recovery != NULL && self->draft_source != 0)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      write_draft (self);
    }
  g_clear_object (&self->monitor);
  if (self->post != NULL)
    recap_post_set_unsaved (self->post, FALSE);
  g_clear_object (&self->post);
  g_clear_object (&self->recovery);
  g_clear_object (&self->file);
  g_clear_object (&self->source_file);
  g_clear_pointer (&self->draft, recap_draft_free);

  G_OBJECT_CLASS (recap_document_parent_class)->dispose (object);
}

static void
recap_document_finalize (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  g_free (self->disk_checksum);
  g_free (self->changed_checksum);
  g_free (self->shown_text);

  G_OBJECT_CLASS (recap_document_parent_class)->finalize (object);
}

/* Not in init: highlighting creates the tag table, a construct property of the buffer. */
static void
recap_document_constructed (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  G_OBJECT_CLASS (recap_document_parent_class)->constructed (object);

  /* Keep the last line break (or its absence) as it is on disk. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self), FALSE);
  set_language (self, "markdown");
}

static void
recap_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ENCODING:
      g_value_set_boxed (value, self->encoding);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_LARGE:
      g_value_set_boolean (value, self->large);
      break;
    case PROP_EXTERNALLY_MODIFIED:
      g_value_set_boolean (value, self->externally_modified);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->draft != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
read_only_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
recap_document_class_init (RecapDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = recap_document_constructed;
  object_class->dispose = recap_document_dispose;
  object_class->finalize = recap_document_finalize;
  object_class->get_property = recap_document_get_property;
  buffer_class->changed = recap_document_changed;
  buffer_class->modified_changed = recap_document_modified_changed;

  properties[PROP_ENCODING] =
    g_param_spec_boxed ("encoding", NULL, NULL, GTK_SOURCE_TYPE_ENCODING,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = read_only_boolean ("read-only");
  properties[PROP_LARGE] = read_only_boolean ("large");
  properties[PROP_EXTERNALLY_MODIFIED] = read_only_boolean ("externally-modified");
  properties[PROP_DELETED] = read_only_boolean ("deleted");
  properties[PROP_HAS_DRAFT] = read_only_boolean ("has-draft");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file now holds what the buffer held when the save began. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_document_init (RecapDocument *self)
{
  self->source_file = gtk_source_file_new ();
  self->encoding = gtk_source_encoding_get_utf8 ();
  self->newline = RECAP_FILE_NEWLINE_LF;
  g_queue_init (&self->ops);
  self->monitor = recap_buffer_monitor_new ();
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapDocument *
recap_document_new (RecapPost     *post,
                    RecapRecovery *recovery)
{
  RecapDocument *self;

  g_return_val_if_fail (RECAP_IS_POST (post), NULL);
  g_return_val_if_fail (!recovery || RECAP_IS_RECOVERY (recovery), NULL);

  self = g_object_new (RECAP_TYPE_DOCUMENT, NULL);
  self->post = g_object_ref (post);
  self->recovery = recovery ? g_object_ref (recovery) : NULL;
  self->file = g_object_ref (recap_post_get_file (post));
  return self;
}

RecapPost *
recap_document_get_post (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->post;
}

GFile *
recap_document_get_file (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->file;
}

char *
recap_document_dup_text (RecapDocument *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
}

const GtkSourceEncoding *
recap_document_get_encoding (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->encoding;
}

gboolean
recap_document_get_read_only (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
recap_document_get_large (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->large;
}

const char *
recap_document_get_shown_text (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->shown_text;
}

gboolean
recap_document_get_externally_modified (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->externally_modified;
}

gboolean
recap_document_get_deleted (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->deleted;
}

const RecapDraft *
recap_document_get_draft (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->draft;
}

void
recap_document_restore_draft (RecapDocument *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;

  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (self->draft != NULL);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, self->draft->text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  /* The file changed since the draft's edits began (or that is not known):
   * a conflict, as if it changed while open, until Reload or Keep Mine.
   * No checksum matches "": a save meanwhile is refused. */
  if (g_strcmp0 (self->draft->base, self->disk_checksum) != 0)
    {
      g_autofree char *current = g_steal_pointer (&self->disk_checksum);

      self->disk_checksum = g_strdup (self->draft->base ? self->draft->base : "");
      mark_changed_on_disk (self, current);
    }
  set_draft (self, NULL);
}

void
recap_document_discard_draft (RecapDocument *self)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (self->draft != NULL);

  set_draft (self, NULL);
  /* With unsaved edits the file holds those, and stays until they are saved. */
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    remove_draft (self);
}

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

void
recap_document_set_post (RecapDocument *self,
                         RecapPost     *post)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (RECAP_IS_POST (post));

  if (self->post == post)
    return;
  recap_post_set_unsaved (self->post, FALSE);
  g_set_object (&self->post, post);
  recap_post_set_unsaved (post, gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)));
}
