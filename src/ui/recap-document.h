/* recap-document.h: the text buffer of an open post, its single source of truth
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "recap-file-util.h"
#include "recap-post.h"
#include "recap-recovery.h"

G_BEGIN_DECLS

#define RECAP_DOCUMENT_ERROR (recap_document_error_quark ())

/* The document's states; what a file holds (binary, too large, characters
 * its encoding cannot store) is RECAP_FILE_ERROR. */
typedef enum {
  RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED, /* another program changed the file since it was read */
  RECAP_DOCUMENT_ERROR_READ_ONLY,           /* bytes no encoding could read: saving would change them */
} RecapDocumentError;

/* Files above this size open with the live preview paused: rendering them
 * again on each change would make typing lag. Files above
 * RECAP_FILE_MAX_SIZE do not open at all. */
#define RECAP_DOCUMENT_LARGE_SIZE (10 * 1024 * 1024)

#define RECAP_TYPE_DOCUMENT (recap_document_get_type ())
G_DECLARE_FINAL_TYPE (RecapDocument, recap_document, RECAP, DOCUMENT, GtkSourceBuffer)

GQuark         recap_document_error_quark  (void);

/* @recovery, when not NULL, receives a draft of unsaved edits a few seconds
 * after they are made; the draft goes away once the buffer is saved or its
 * changes are discarded. */
RecapDocument *recap_document_new          (RecapPost            *post,
                                            RecapRecovery        *recovery);
RecapPost     *recap_document_get_post     (RecapDocument        *self);
GFile         *recap_document_get_file     (RecapDocument        *self);
/* The whole text, front matter included (of the file, when shown cut). */
char          *recap_document_dup_text     (RecapDocument        *self);

/* Where the front matter ends: @closing is set to the start of its closing
 * fence line ("---" or "..."). FALSE when the text does not start with
 * front matter that the core would split off there. The answer is kept
 * until an edit reaches the lines it read. */
gboolean       recap_document_find_front_matter_end (RecapDocument *self,
                                                     GtkTextIter   *closing);
/* The encoding the file was read in and is saved back in. */
const GtkSourceEncoding *recap_document_get_encoding (RecapDocument *self);
/* TRUE when some bytes could not be read in any encoding: saving in place
 * would change them, so only Save As is allowed. */
gboolean       recap_document_get_read_only           (RecapDocument *self);
gboolean       recap_document_get_large               (RecapDocument *self);
/* TRUE for a text with lines too long for the editor to lay out (over
 * 64 KB): the buffer then holds a copy with those lines cut, never saved;
 * recap_document_dup_text() returns the file's text, which Save As writes;
 * the document is read-only. */
gboolean       recap_document_get_cut                 (RecapDocument *self);
/* Another program changed the file while the buffer had unsaved changes. */
gboolean       recap_document_get_externally_modified (RecapDocument *self);
gboolean       recap_document_get_deleted             (RecapDocument *self);
/* TRUE while a load puts the file's text into the buffer (see "filling"):
 * the buffer is not yet the file's text, and its changes are no edits. */
gboolean       recap_document_get_loading             (RecapDocument *self);
/* The buffer has edits not saved: it is modified, and not by a load. */
gboolean       recap_document_get_unsaved             (RecapDocument *self);

/* Unsaved text of this post from an earlier session, or NULL. */
const RecapDraft *recap_document_get_draft   (RecapDocument *self);
/* Replaces the text with the draft's, as one undoable change. When the file
 * changed on disk since the draft's edits began (or the draft does not say
 * what they began from), the document is then externally modified: saving
 * is refused until recap_document_reload() or recap_document_keep_mine(). */
void           recap_document_restore_draft  (RecapDocument *self);
void           recap_document_discard_draft  (RecapDocument *self);

/* Answers to a change on disk: read the file again, dropping unsaved
 * changes, or keep the buffer and let the next save overwrite the file. */
void           recap_document_reload         (RecapDocument *self);
void           recap_document_keep_mine      (RecapDocument *self);

void           recap_document_load_async   (RecapDocument        *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean       recap_document_load_finish  (RecapDocument        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* Replaces the file atomically, in its encoding and line endings; refuses
 * when the file changed on disk since it was read (unless kept). Each
 * successful save (or Save As) emits "saved". */
void           recap_document_save_async   (RecapDocument        *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Writes the text as UTF-8 to @file, which the document then edits. Also
 * finished with recap_document_save_finish(). */
void           recap_document_save_as_async (RecapDocument       *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       recap_document_save_finish  (RecapDocument        *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Moves the document's file: blocking, from a worker thread; sets
 * @moved_to to where the file now is (NULL: nowhere new). */
typedef gboolean (*RecapDocumentMoveFunc) (gpointer       data,
                                           GFile        **moved_to,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* Runs @func between the document's other file operations, with the file
 * unwatched meanwhile (so that the move never reads as a deletion); the
 * document then edits the file where it went, reading it again. The buffer
 * should have no unsaved changes. */
void           recap_document_move_async   (RecapDocument         *self,
                                            RecapDocumentMoveFunc  func,
                                            gpointer               data,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean       recap_document_move_finish  (RecapDocument         *self,
                                            GAsyncResult          *result,
                                            GError               **error);
/* The post of the file, once the site has read it where it moved. */
void           recap_document_set_post     (RecapDocument         *self,
                                            RecapPost             *post);

G_END_DECLS
