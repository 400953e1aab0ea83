/* recap-op-history.h: the site operations of a session, for undo
 *
 * Tag renames, events, front matter, trash, publishing and renames each
 * push an operation; undo takes the latest back, however long ago it was.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-bulk-edit.h"
#include "recap-site-ops.h"

G_BEGIN_DECLS

typedef struct _RecapOp RecapOp;

/* Undoes an operation's @data; blocking, run from a worker thread. */
typedef gboolean (*RecapOpUndoFunc) (gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

RecapOp    *recap_op_new           (const char      *label,
                                    gpointer         data,
                                    RecapOpUndoFunc  undo,
                                    GDestroyNotify   free_data);
/* An operation that undoes @edit (taken). */
RecapOp    *recap_op_new_bulk      (const char      *label,
                                    RecapBulkEdit   *edit);
/* An operation that undoes @move (taken). */
RecapOp    *recap_op_new_move      (const char      *label,
                                    RecapMove       *move);
void        recap_op_free          (RecapOp         *op);
/* What the user did, as a menu names it: "Publish Draft". */
const char *recap_op_get_label     (RecapOp         *op);
/* The move of an operation made with recap_op_new_move(), else NULL. */
RecapMove  *recap_op_get_move      (RecapOp         *op);
/* Blocking; an operation is undone once. Files changed since are left
 * as they are and named in @error. */
gboolean    recap_op_undo          (RecapOp         *op,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapOp, recap_op_free)

#define RECAP_TYPE_OP_HISTORY (recap_op_history_get_type ())
G_DECLARE_FINAL_TYPE (RecapOpHistory, recap_op_history, RECAP, OP_HISTORY, GObject)

/* Keeps the latest RECAP_OP_HISTORY_MAX operations. */
#define RECAP_OP_HISTORY_MAX 100

RecapOpHistory *recap_op_history_new        (void);
/* Takes @op as the latest operation. */
void            recap_op_history_push       (RecapOpHistory *self,
                                             RecapOp        *op);
/* The latest operation (still in the history), or NULL. */
RecapOp        *recap_op_history_peek       (RecapOpHistory *self);
/* The latest operation, removed from the history (for undo), or NULL. */
RecapOp        *recap_op_history_pop        (RecapOpHistory *self);
/* The label of the latest operation, or NULL: the "label" property. */
const char     *recap_op_history_get_label  (RecapOpHistory *self);
/* Forgets every operation (another site was opened). */
void            recap_op_history_clear      (RecapOpHistory *self);
guint           recap_op_history_get_length (RecapOpHistory *self);

G_END_DECLS
