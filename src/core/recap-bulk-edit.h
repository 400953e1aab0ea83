/* recap-bulk-edit.h: one front-matter edit applied to many files, with undo
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-front-matter.h"

G_BEGIN_DECLS

/* A surgical edit of one document (@file's text), as the
 * recap_front_matter_set_*() functions do. Called from several worker
 * threads at once. */
typedef gboolean (*RecapEditFunc) (GFile                *file,
                                   const char           *text,
                                   gsize                 len,
                                   gconstpointer         data,
                                   RecapFrontMatterEdit *out,
                                   GError              **error);
/* What a RecapEditFunc does for a document it leaves as it is: clears
 * @out (not changed) and returns TRUE. */
gboolean recap_edit_no_change (RecapFrontMatterEdit *out);

/* Called after each file is read and edited (before the writing), from
 * the worker threads, one call at a time. */
typedef void (*RecapProgressFunc) (guint    done,
                                   guint    total,
                                   gpointer user_data);

typedef struct _RecapBulkEdit RecapBulkEdit;

RecapBulkEdit *recap_bulk_edit_new          (void);
void           recap_bulk_edit_free         (RecapBulkEdit     *bulk);
/* Edits each file of @files (GFile) with @func; writes only the files
 * whose bytes change, as one batch of recap_file_write_atomic_all(), and
 * keeps their previous bytes for undo. A file that cannot be read or
 * edited is skipped and reported in @error after the others are done; if
 * a changed file cannot be written, no file is (a failed rename leaves
 * only its file unchanged: the ones written are kept for undo).
 * Blocking: run it in a worker thread. */
gboolean       recap_bulk_edit_apply        (RecapBulkEdit     *bulk,
                                             GPtrArray         *files,
                                             RecapEditFunc      func,
                                             gconstpointer      data,
                                             RecapProgressFunc  progress,
                                             gpointer           progress_data,
                                             GCancellable      *cancellable,
                                             GError           **error);
/* Runs @func over @files as recap_bulk_edit_apply() would, writing nothing:
 * the number of files that would change. @changing (may be NULL) gets those
 * files (references); @errors (may be NULL) gets, for
 * each file in order, NULL or why it could not be read or edited. For the
 * count shown before a bulk edit runs. Blocking. */
guint          recap_bulk_edit_preview      (GPtrArray         *files,
                                             RecapEditFunc      func,
                                             gconstpointer      data,
                                             GPtrArray         *changing,
                                             GPtrArray         *errors,
                                             GCancellable      *cancellable);
/* Moves each file to the trash, keeping its bytes so that undo can put it back. */
gboolean       recap_bulk_edit_trash        (RecapBulkEdit     *bulk,
                                             GPtrArray         *files,
                                             GCancellable      *cancellable,
                                             GError           **error);
guint          recap_bulk_edit_get_n_changed (RecapBulkEdit    *bulk);
/* The @index-th file changed (or trashed), in the order of the files given. */
GFile         *recap_bulk_edit_get_changed_file (RecapBulkEdit *bulk,
                                                 guint          index);
/* Puts back each changed file's previous bytes, unless it was changed again
 * since, and each trashed file, unless another took its place; written as
 * recap_bulk_edit_apply() writes. */
gboolean       recap_bulk_edit_undo         (RecapBulkEdit     *bulk,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapBulkEdit, recap_bulk_edit_free)

G_END_DECLS
