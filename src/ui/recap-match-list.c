/* recap-match-list.c: the positions kept, ascending, in a plain array
 * (see the header). While every item is kept it holds none: a list that
 * grows by insertions amid the others would shift them all each time.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-match-list.h"

struct _RecapMatchList
{
  GObject         parent_instance;

  GListModel     *model;
  RecapMatchFunc  match;
  gpointer        match_data;
  GArray         *kept;     /* of guint, positions in @model; NULL: all */
  /* While the runs of a change are told one by one, the list is the first
   * @n_next of @next, then @kept from @kept_from. */
  GArray         *next;
  guint           n_next;
  guint           kept_from;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapMatchList, recap_match_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A run of rows changed: old rows [old_start, old_end) became new rows
 * [new_start, new_end). */
typedef struct {
  guint old_start, old_end;
  guint new_start, new_end;
} Run;

static guint
model_n_items (RecapMatchList *self)
{
  return self->model ? g_list_model_get_n_items (self->model) : 0;
}

static guint
n_kept (RecapMatchList *self)
{
  if (self->kept == NULL)
    return model_n_items (self);
  if (self->next != NULL)
    return self->n_next + self->kept->len - self->kept_from;
  return self->kept->len;
}

/* The position in the model of row @index. */
static guint
position_of (RecapMatchList *self,
             guint           index)
{
  if (self->kept == NULL)
    return index;
  if (self->next != NULL && index < self->n_next)
    return g_array_index (self->next, guint, index);
  if (self->next != NULL)
    index += self->kept_from - self->n_next;
  return g_array_index (self->kept, guint, index);
}

static GType
recap_match_list_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
recap_match_list_get_n_items (GListModel *list)
{
  return n_kept (RECAP_MATCH_LIST (list));
}

static gpointer
recap_match_list_get_item (GListModel *list,
                           guint       index)
{
  RecapMatchList *self = RECAP_MATCH_LIST (list);

  if (index >= n_kept (self))
    return NULL;
  return g_list_model_get_item (self->model, position_of (self, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = recap_match_list_get_item_type;
  iface->get_n_items = recap_match_list_get_n_items;
  iface->get_item = recap_match_list_get_item;
}

static gboolean
matches (RecapMatchList *self,
         guint           position)
{
  g_autoptr(GObject) item = NULL;

  if (self->match == NULL)
    return TRUE;
  item = g_list_model_get_item (self->model, position);
  return self->match (item, self->match_data);
}

/* The positions 0 to @n - 1. */
static GArray *
all_positions (guint n)
{
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    g_array_append_val (positions, i);
  return positions;
}

/* The kept positions listed, every one when all are kept. */
static GArray *
dup_kept (RecapMatchList *self)
{
  if (self->kept != NULL)
    return g_array_ref (self->kept);
  return all_positions (model_n_items (self));
}

/* The first index of @kept whose position is @position or after. */
static guint
lower_bound (GArray *kept,
             guint   position)
{
  guint low = 0, high = kept->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (kept, guint, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Follows the model: its items from @position on move by @added - @removed;
 * the @added new ones are matched. */
static void
model_items_changed (RecapMatchList *self,
                     guint           position,
                     guint           removed,
                     guint           added)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first, last;

  g_return_if_fail (self->next == NULL);

  for (guint i = position; i < position + added; i++)
    if (matches (self, i))
      g_array_append_val (fresh, i);
  if (self->kept == NULL && fresh->len == added)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  /* Every item before the change was kept. */
  if (self->kept == NULL)
    self->kept = all_positions (model_n_items (self) - added + removed);
  first = lower_bound (self->kept, position);
  last = lower_bound (self->kept, position + removed);
  g_array_remove_range (self->kept, first, last - first);
  g_array_insert_vals (self->kept, first, fresh->data, fresh->len);
  for (guint i = first + fresh->len; i < self->kept->len; i++)
    g_array_index (self->kept, guint, i) += added - removed;
  if (last > first || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, fresh->len);
}

/* The runs of rows that differ between @old and @next, merge-walked. */
static GArray *
diff (GArray *old,
      GArray *next)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint i = 0, j = 0;

  while (i < old->len || j < next->len)
    {
      Run run;

      while (i < old->len && j < next->len && g_array_index (old, guint, i) == g_array_index (next, guint, j))
        i++, j++;
      run = (Run) { i, i, j, j };
      while ((i < old->len || j < next->len) &&
             !(i < old->len && j < next->len && g_array_index (old, guint, i) == g_array_index (next, guint, j)))
        {
          if (j == next->len || (i < old->len && g_array_index (old, guint, i) < g_array_index (next, guint, j)))
            i++;
          else
            j++;
        }
      run.old_end = i;
      run.new_end = j;
      if (run.old_end > run.old_start || run.new_end > run.new_start)
        g_array_append_val (runs, run);
    }
  return runs;
}

/* Joins neighbouring runs separated by fewer than @gap rows, except
 * around @pinned. */
static void
join_runs (GArray *runs,
           guint   gap,
           guint   pinned)
{
  guint kept = 0;

  for (guint i = 1; i < runs->len; i++)
    {
      Run *last = &g_array_index (runs, Run, kept);
      const Run *run = &g_array_index (runs, Run, i);
      gboolean holds_pinned = pinned >= last->old_end && pinned < run->old_start;

      if (run->old_start - last->old_end < gap && !holds_pinned)
        {
          last->old_end = run->old_end;
          last->new_end = run->new_end;
        }
      else
        g_array_index (runs, Run, ++kept) = *run;
    }
  if (runs->len > 0)
    g_array_set_size (runs, kept + 1);
}

/* Tells the change to @next (transfer full) run by run. */
static void
apply (RecapMatchList *self,
       GArray         *next,
       guint           pinned)
{
  g_autoptr(GArray) old = dup_kept (self);
  g_autoptr(GArray) runs = diff (old, next);

  for (guint gap = 2; runs->len > RECAP_MATCH_LIST_MAX_RUNS && gap < G_MAXUINT / 2; gap *= 2)
    join_runs (runs, gap, pinned);
  g_clear_pointer (&self->kept, g_array_unref);
  self->kept = g_steal_pointer (&old);
  self->next = next;
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      self->n_next = run->new_end;
      self->kept_from = run->old_end;
      g_list_model_items_changed (G_LIST_MODEL (self), run->new_start, run->old_end - run->old_start,
                                  run->new_end - run->new_start);
    }
  g_clear_pointer (&self->kept, g_array_unref);
  self->kept = g_steal_pointer (&self->next);
  if (self->kept->len == model_n_items (self))
    g_clear_pointer (&self->kept, g_array_unref);
}

static gboolean
keeps (RecapMatchList   *self,
       guint             position,
       RecapMatchAtFunc  keep,
       gpointer          user_data)
{
  return keep ? keep (position, user_data) : matches (self, position);
}

void
recap_match_list_refilter (RecapMatchList  *self,
                           RecapMatchChange change,
                           RecapMatchAtFunc keep,
                           gpointer         user_data,
                           guint            pinned)
{
  g_autoptr(GArray) kept = NULL;
  GArray *next;
  guint n = model_n_items (self), k = 0;

  g_return_if_fail (RECAP_IS_MATCH_LIST (self));
  g_return_if_fail (self->next == NULL);

  kept = dup_kept (self);
  next = g_array_sized_new (FALSE, FALSE, sizeof (guint), change == RECAP_MATCH_NARROWER ? kept->len : n);
  if (change == RECAP_MATCH_NARROWER)
    {
      for (guint i = 0; i < kept->len; i++)
        if (keeps (self, g_array_index (kept, guint, i), keep, user_data))
          g_array_append_val (next, g_array_index (kept, guint, i));
    }
  else
    for (guint position = 0; position < n; position++)
      {
        gboolean was_kept = k < kept->len && g_array_index (kept, guint, k) == position;

        k += was_kept;
        if ((was_kept && change == RECAP_MATCH_WIDER) || keeps (self, position, keep, user_data))
          g_array_append_val (next, position);
      }
  apply (self, next, pinned);
}

void
recap_match_list_set_match_func (RecapMatchList *self,
                                 RecapMatchFunc  match,
                                 gpointer        user_data)
{
  g_return_if_fail (RECAP_IS_MATCH_LIST (self));

  self->match = match;
  self->match_data = user_data;
}

gboolean
recap_match_list_has_match_func (RecapMatchList *self)
{
  g_return_val_if_fail (RECAP_IS_MATCH_LIST (self), FALSE);
  return self->match != NULL;
}

void
recap_match_list_set_model (RecapMatchList *self,
                            GListModel     *model)
{
  guint before;

  g_return_if_fail (RECAP_IS_MATCH_LIST (self));
  g_return_if_fail (self->next == NULL);

  if (self->model == model)
    return;
  before = n_kept (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed, self);
  g_set_object (&self->model, model);
  g_clear_pointer (&self->kept, g_array_unref);
  if (model != NULL)
    {
      guint n = g_list_model_get_n_items (model);

      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed), self, G_CONNECT_SWAPPED);
      self->kept = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
      for (guint position = 0; position < n; position++)
        if (matches (self, position))
          g_array_append_val (self->kept, position);
      if (self->kept->len == n)
        g_clear_pointer (&self->kept, g_array_unref);
    }
  if (before > 0 || n_kept (self) > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, n_kept (self));
}

gboolean
recap_match_list_find_row (RecapMatchList *self,
                           guint           position,
                           guint          *row)
{
  guint index;

  g_return_val_if_fail (RECAP_IS_MATCH_LIST (self), FALSE);

  if (self->next != NULL)
    return FALSE;
  if (self->kept == NULL)
    {
      *row = position < model_n_items (self) ? position : G_MAXUINT;
      return TRUE;
    }
  index = lower_bound (self->kept, position);
  *row = index < self->kept->len && g_array_index (self->kept, guint, index) == position ? index : G_MAXUINT;
  return TRUE;
}

GListModel *
recap_match_list_get_model (RecapMatchList *self)
{
  g_return_val_if_fail (RECAP_IS_MATCH_LIST (self), NULL);
  return self->model;
}

static void
recap_match_list_dispose (GObject *object)
{
  RecapMatchList *self = RECAP_MATCH_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->kept, g_array_unref);

  G_OBJECT_CLASS (recap_match_list_parent_class)->dispose (object);
}

static void
recap_match_list_class_init (RecapMatchListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = recap_match_list_dispose;
}

static void
recap_match_list_init (RecapMatchList *self)
{
}

RecapMatchList *
recap_match_list_new (void)
{
  return g_object_new (RECAP_TYPE_MATCH_LIST, NULL);
}
