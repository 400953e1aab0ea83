/* recap-op-history.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-op-history.h"

struct _RecapOp
{
  char            *label;
  gpointer         data;
  RecapOpUndoFunc  undo;
  GDestroyNotify   free_data;
};

RecapOp *
recap_op_new (const char      *label,
              gpointer         data,
              RecapOpUndoFunc  undo,
              GDestroyNotify   free_data)
{
  RecapOp *op = g_new0 (RecapOp, 1);

  g_return_val_if_fail (label != NULL && undo != NULL, NULL);
  op->label = g_strdup (label);
  op->data = data;
  op->undo = undo;
  op->free_data = free_data;
  return op;
}

static gboolean
undo_bulk (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return recap_bulk_edit_undo (data, cancellable, error);
}

RecapOp *
recap_op_new_bulk (const char    *label,
                   RecapBulkEdit *edit)
{
  return recap_op_new (label, edit, undo_bulk, (GDestroyNotify) recap_bulk_edit_free);
}

static gboolean
undo_move (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return recap_move_undo (data, cancellable, error);
}

RecapOp *
recap_op_new_move (const char *label,
                   RecapMove  *move)
{
  return recap_op_new (label, move, undo_move, (GDestroyNotify) recap_move_free);
}

void
recap_op_free (RecapOp *op)
{
  if (op->free_data != NULL)
    op->free_data (op->data);
  g_free (op->label);
  g_free (op);
}

const char *
recap_op_get_label (RecapOp *op)
{
  return op->label;
}

RecapMove *
recap_op_get_move (RecapOp *op)
{
  return op->undo == undo_move ? op->data : NULL;
}

gboolean
recap_op_undo (RecapOp       *op,
               GCancellable  *cancellable,
               GError       **error)
{
  return op->undo (op->data, cancellable, error);
}

/* The history */

struct _RecapOpHistory
{
  GObject  parent_instance;

  GQueue   ops; /* RecapOp, the latest at the head */
};

G_DEFINE_FINAL_TYPE (RecapOpHistory, recap_op_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
recap_op_history_finalize (GObject *object)
{
  RecapOpHistory *self = RECAP_OP_HISTORY (object);

  g_queue_clear_full (&self->ops, (GDestroyNotify) recap_op_free);
  G_OBJECT_CLASS (recap_op_history_parent_class)->finalize (object);
}

static void
recap_op_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RecapOpHistory *self = RECAP_OP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, recap_op_history_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_op_history_class_init (RecapOpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = recap_op_history_finalize;
  object_class->get_property = recap_op_history_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_op_history_init (RecapOpHistory *self)
{
  g_queue_init (&self->ops);
}

RecapOpHistory *
recap_op_history_new (void)
{
  return g_object_new (RECAP_TYPE_OP_HISTORY, NULL);
}

void
recap_op_history_push (RecapOpHistory *self,
                       RecapOp        *op)
{
  g_return_if_fail (RECAP_IS_OP_HISTORY (self));
  g_return_if_fail (op != NULL);

  g_queue_push_head (&self->ops, op);
  /* The oldest goes: its bytes are kept for nothing after so many others. */
  while (g_queue_get_length (&self->ops) > RECAP_OP_HISTORY_MAX)
    recap_op_free (g_queue_pop_tail (&self->ops));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

RecapOp *
recap_op_history_pop (RecapOpHistory *self)
{
  RecapOp *op;

  g_return_val_if_fail (RECAP_IS_OP_HISTORY (self), NULL);

  op = g_queue_pop_head (&self->ops);
  if (op != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  return op;
}

RecapOp *
recap_op_history_peek (RecapOpHistory *self)
{
  g_return_val_if_fail (RECAP_IS_OP_HISTORY (self), NULL);
  return g_queue_peek_head (&self->ops);
}

const char *
recap_op_history_get_label (RecapOpHistory *self)
{
  RecapOp *op = recap_op_history_peek (self);

  return op ? op->label : NULL;
}

void
recap_op_history_clear (RecapOpHistory *self)
{
  g_return_if_fail (RECAP_IS_OP_HISTORY (self));

  if (g_queue_is_empty (&self->ops))
    return;
  g_queue_clear_full (&self->ops, (GDestroyNotify) recap_op_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

guint
recap_op_history_get_length (RecapOpHistory *self)
{
  g_return_val_if_fail (RECAP_IS_OP_HISTORY (self), 0);
  return g_queue_get_length (&self->ops);
}
