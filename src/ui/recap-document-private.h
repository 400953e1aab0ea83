/* recap-document-private.h: what the files of RecapDocument share
 *
 * A document is a GtkSourceBuffer and the file it edits. Its loads, saves,
 * checks of the disk and moves run one at a time from a queue, each as a
 * GTask holding a Job. GNOME Text Editor's EditorDocument is the model.
 * Where to change what:
 *   recap-document.c          the object: its state and the setters that
 *                             notify its properties, the buffer's handlers,
 *                             construction, the getters
 *   recap-document-ops.c      the queue of operations, the worker-side glue
 *                             they share, a change on disk (the check after
 *                             a monitor event, Reload, Keep Mine), moving
 *   recap-document-load.c     loading: the file's bytes into the buffer
 *   recap-document-save.c     saving in place and Save As
 *   recap-document-drafts.c   recovery drafts of unsaved edits
 *
 * Only these files include this header, so the names it declares have no
 * recap_ prefix; none of it is API. They are G_GNUC_INTERNAL: webkitgtk's
 * pkg-config links the program with --export-dynamic, and names this
 * generic must not stand in for a loaded library's own.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-buffer-monitor.h"
#include "recap-document.h"

G_BEGIN_DECLS

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
  char                    *full_text;     /* what a load read, as UTF-8, when shown cut */
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
  gboolean                 cut;             /* see recap_document_get_cut() */
  char                    *full_text;       /* the file's text while the buffer holds a cut copy */
  gboolean                 externally_modified;
  gboolean                 deleted;

  /* Where the cursor was before a reload moved it (the text got shorter),
   * and the buffer offset it was moved to; offset -1 when none did. A
   * program that writes in place may be read truncated: the next reload
   * puts the cursor back where the user left it. */
  int                      cursor_wanted_line;
  int                      cursor_wanted_offset;
  int                      cursor_moved_to;

  /* recap_document_find_front_matter_end()'s last answer, kept until an
   * edit reaches the lines it read: the fold and the form both ask after
   * each change, and the answer walks every line of the front matter. */
  int                      extent_read_to;  /* the last line it read; -1: no answer kept */
  gboolean                 extent_found;    /* the closing fence is that line */
};

enum {
  PROP_0,
  PROP_ENCODING,
  PROP_READ_ONLY,
  PROP_LARGE,
  PROP_CUT,
  PROP_EXTERNALLY_MODIFIED,
  PROP_DELETED,
  PROP_HAS_DRAFT,
  PROP_LOADING,
  N_PROPS
};

/* recap-document.c: setters of the state */

/* Emits "saved": the file now holds what the buffer held when the save began. */
G_GNUC_INTERNAL
void emit_saved (RecapDocument *self);

/* Emits "filling": @size bytes read are going into the buffer. */
G_GNUC_INTERNAL
void emit_filling (RecapDocument *self,
                   gsize          size);

/* Sets a boolean field of @self, notifying @prop_id when it changes. */
G_GNUC_INTERNAL
void set_flag (RecapDocument *self,
               gboolean      *flag,
               gboolean       value,
               guint          prop_id);

/* The encoding the file was read in and is saved back in. */
G_GNUC_INTERNAL
void set_encoding (RecapDocument           *self,
                   const GtkSourceEncoding *encoding);

/* @id: a GtkSourceView language, or NULL for none. */
G_GNUC_INTERNAL
void set_language (RecapDocument *self,
                   const char    *id);

/* Takes @draft (NULL: none): the draft offered from an earlier session. */
G_GNUC_INTERNAL
void set_draft (RecapDocument *self,
                RecapDraft    *draft);

/* recap-document-ops.c: the queue, the worker-side glue, changes on disk */

/* A job on @file, for push_op(). */
G_GNUC_INTERNAL
Job *job_new (GFile *file);

/* @file's name, for messages. */
G_GNUC_INTERNAL
char *display_name (GFile *file);

/* Sets the job's real path: the file to read and to watch. */
G_GNUC_INTERNAL
gboolean resolve_path (Job     *job,
                       GError **error);

/* Sets the job's checksum and real path, and its bytes if @keep_bytes. */
G_GNUC_INTERNAL
gboolean read_file (Job      *job,
                    gboolean  keep_bytes,
                    GError  **error);

/* Refuses bytes of a binary file (a NUL): the job must hold its bytes. */
G_GNUC_INTERNAL
gboolean check_is_text (Job     *job,
                        GError **error);

/* Queues @job, started by @start once the operations before it ended. */
G_GNUC_INTERNAL
void push_op (RecapDocument       *self,
              Job                 *job,
              OpStart              start,
              GCancellable        *cancellable,
              gpointer             source_tag,
              GAsyncReadyCallback  callback,
              gpointer             user_data);

/* Ends the current operation, with @error or successfully, and starts the next. */
G_GNUC_INTERNAL
void finish_op (RecapDocument *self,
                GError        *error);

/* The job of the operation under way. */
G_GNUC_INTERNAL
Job *current_job (RecapDocument *self);

/* Runs the current operation's @func on a worker thread, then @done here. */
G_GNUC_INTERNAL
void run_in_thread (RecapDocument       *self,
                    GTaskThreadFunc      func,
                    GAsyncReadyCallback  done);

/* The buffer now stands for what the job found or wrote on disk. */
G_GNUC_INTERNAL
void accept_disk_contents (RecapDocument *self,
                           Job           *job);

/* Another program's version (@checksum) differs from the buffer's unsaved one. */
G_GNUC_INTERNAL
void mark_changed_on_disk (RecapDocument *self,
                           const char    *checksum);

/* A change on disk that could not be followed: tell, never guess. */
G_GNUC_INTERNAL
void mark_unfollowed_change (RecapDocument *self,
                             Job           *job,
                             const GError  *error);

/* Any event may be a change; one check reads the file and decides. */
G_GNUC_INTERNAL
void queue_check (RecapDocument *self);

/* recap-document-load.c */

/* Puts what the current load (or move) read into the buffer; a GAsyncReadyCallback. */
G_GNUC_INTERNAL
void file_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data);

/* Queues a load of the file, of @kind. */
G_GNUC_INTERNAL
void queue_load (RecapDocument       *self,
                 LoadKind             kind,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data);

/* recap-document-drafts.c */

/* Writes the draft of unsaved edits now; a GSourceFunc. */
G_GNUC_INTERNAL
gboolean write_draft (gpointer user_data);

/* Removes the draft this document wrote, and a draft timer. */
G_GNUC_INTERNAL
void remove_draft (RecapDocument *self);

/* Offers the draft a recovery lookup found, then ends the load. */
G_GNUC_INTERNAL
void draft_looked_up (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data);

G_END_DECLS
