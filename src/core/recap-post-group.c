/* recap-post-group.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "recap-post-group.h"

#include "recap-background.h"

struct _RecapPostGroup
{
  GObject       parent_instance;

  RecapGroupBy  by;
  char         *key;
  guint         count;
  GDateTime    *first;
  GDateTime    *last;
  GListStore   *posts;
};

G_DEFINE_FINAL_TYPE (RecapPostGroup, recap_post_group, G_TYPE_OBJECT)

static void
recap_post_group_finalize (GObject *object)
{
  RecapPostGroup *self = RECAP_POST_GROUP (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->first, g_date_time_unref);
  g_clear_pointer (&self->last, g_date_time_unref);
  g_clear_object (&self->posts);

  G_OBJECT_CLASS (recap_post_group_parent_class)->finalize (object);
}

static void
recap_post_group_class_init (RecapPostGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_post_group_finalize;
}

static void
recap_post_group_init (RecapPostGroup *self)
{
  self->posts = g_list_store_new (RECAP_TYPE_POST);
}

/* What grouping reads of one post, copied on the thread that owns the
 * posts: a post's strings change (and are freed) when it is read again. */
typedef struct {
  RecapPost *post;
  GDateTime *date;   /* also gives the year */
  char      *key;    /* event or author */
  GStrv      keys;   /* tags or problems */
} Entry;

typedef struct {
  RecapGroupBy  by;
  GListModel   *posts;    /* while copying */
  guint         copied;
  guint         n_entries;
  Entry        *entries;
} Snapshot;

/* Only what @by groups on: copying 50,000 posts' keys on the main
 * thread is itself a cost (a GStrvBuilder each took 70-90 ms). */
static void
copy_keys (Entry        *entry,
           RecapGroupBy  by)
{
  switch (by)
    {
    case RECAP_GROUP_BY_EVENT:
      entry->key = g_strdup (recap_post_get_event (entry->post));
      break;
    case RECAP_GROUP_BY_AUTHOR:
      entry->key = g_strdup (recap_post_get_author (entry->post));
      break;
    case RECAP_GROUP_BY_TAG:
      entry->keys = g_strdupv ((GStrv) recap_post_get_tags (entry->post));
      break;
    case RECAP_GROUP_BY_PROBLEM:
      entry->keys = g_strdupv ((GStrv) recap_post_get_problems (entry->post));
      break;
    case RECAP_GROUP_BY_YEAR:
    default:
      break;
    }
}

static Snapshot *
snapshot_new (GListModel   *posts,
              RecapGroupBy  by)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->by = by;
  snapshot->posts = g_object_ref (posts);
  snapshot->n_entries = g_list_model_get_n_items (posts);
  snapshot->entries = g_new (Entry, snapshot->n_entries);
  return snapshot;
}

#define COPY_STEP 256
#define COPY_SLICE_USEC 4000

/* Copies posts, COPY_STEP at a time, until all are or @deadline (monotonic
 * time) has passed; TRUE when all are. A list that changes between two
 * calls gives a mixed copy (ended where a shorter list ends): callers
 * group again on every change, cancelling this grouping. */
static gboolean
snapshot_copy (Snapshot *snapshot,
               gint64    deadline)
{
  guint n = MIN (snapshot->n_entries, g_list_model_get_n_items (snapshot->posts));

  while (snapshot->copied < n)
    {
      guint end = MIN (n, snapshot->copied + COPY_STEP);

      for (; snapshot->copied < end; snapshot->copied++)
        {
          Entry *entry = &snapshot->entries[snapshot->copied];
          GDateTime *date;

          entry->post = g_list_model_get_item (snapshot->posts, snapshot->copied);
          date = recap_post_get_date (entry->post);
          entry->date = date ? g_date_time_ref (date) : NULL;
          entry->key = NULL;
          entry->keys = NULL;
          copy_keys (entry, snapshot->by);
        }
      if (snapshot->copied < n && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  snapshot->n_entries = snapshot->copied;
  g_clear_object (&snapshot->posts);
  return TRUE;
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_assert (snapshot->posts == NULL);
  for (guint i = 0; i < snapshot->copied; i++)
    {
      g_object_unref (snapshot->entries[i].post);
      g_clear_pointer (&snapshot->entries[i].date, g_date_time_unref);
      g_free (snapshot->entries[i].key);
      g_strfreev (snapshot->entries[i].keys);
    }
  g_free (snapshot->entries);
  g_free (snapshot);
}

GListModel *
recap_post_group_get_posts (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), NULL);
  return G_LIST_MODEL (self->posts);
}

static void
widen_range (RecapPostGroup *self,
             GDateTime      *date)
{
  if (date == NULL)
    return;
  if (self->first == NULL || g_date_time_compare (date, self->first) < 0)
    {
      g_clear_pointer (&self->first, g_date_time_unref);
      self->first = g_date_time_ref (date);
    }
  if (self->last == NULL || g_date_time_compare (date, self->last) > 0)
    {
      g_clear_pointer (&self->last, g_date_time_unref);
      self->last = g_date_time_ref (date);
    }
}

static void
add_to_group (GHashTable   *groups,
              RecapGroupBy  by,
              const char   *key,
              Entry        *entry)
{
  RecapPostGroup *group = g_hash_table_lookup (groups, key ? key : "");

  if (group == NULL)
    {
      group = g_object_new (RECAP_TYPE_POST_GROUP, NULL);
      group->by = by;
      group->key = g_strdup (key);
      g_hash_table_insert (groups, g_strdup (key ? key : ""), group);
    }
  group->count++;
  widen_range (group, entry->date);
  g_list_store_append (group->posts, entry->post);
}

static int
collate_caseless (const char *a,
                  const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_utf8_collate (folded_a, folded_b);
}

static int
compare_groups (gconstpointer pa,
                gconstpointer pb)
{
  RecapPostGroup *a = *(RecapPostGroup **) pa;
  RecapPostGroup *b = *(RecapPostGroup **) pb;

  /* The group of posts without a value comes last. */
  if ((a->key == NULL) != (b->key == NULL))
    return a->key == NULL ? 1 : -1;
  if (a->key == NULL)
    return 0;

  switch (a->by)
    {
    case RECAP_GROUP_BY_EVENT:
      if (a->last && b->last && g_date_time_compare (a->last, b->last) != 0)
        return g_date_time_compare (b->last, a->last);
      break;
    case RECAP_GROUP_BY_TAG:
    case RECAP_GROUP_BY_PROBLEM:
      if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
      break;
    case RECAP_GROUP_BY_YEAR:
      return g_strcmp0 (b->key, a->key);
    case RECAP_GROUP_BY_AUTHOR:
    default:
      break;
    }
  return collate_caseless (a->key, b->key);
}

/* Adds @entry to the groups of its keys, or to the NULL group. */
static void
add_entry (GHashTable   *groups,
           RecapGroupBy  by,
           Entry        *entry)
{
  char year[16];

  if (by == RECAP_GROUP_BY_YEAR && entry->date != NULL)
    {
      g_snprintf (year, sizeof year, "%d", g_date_time_get_year (entry->date));
      add_to_group (groups, by, year, entry);
    }
  else if (entry->key != NULL)
    add_to_group (groups, by, entry->key, entry);
  else if (entry->keys != NULL && entry->keys[0] != NULL)
    for (guint k = 0; entry->keys[k] != NULL; k++)
      add_to_group (groups, by, entry->keys[k], entry);
  else
    add_to_group (groups, by, NULL, entry);
}

/* Groups hold their posts: freeing those of a big site takes long. A
 * result nobody took (the grouping went stale) goes to a thread. */
static void
free_groups (gpointer groups)
{
  recap_background_free (groups, (GDestroyNotify) g_ptr_array_unref);
}

/* The groups of @snapshot; NULL when @cancellable is cancelled. Reads
 * nothing but @snapshot, so it runs in any thread. */
static GPtrArray *
compute_groups (Snapshot     *snapshot,
                GCancellable *cancellable)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GPtrArray *result;
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < snapshot->n_entries; i++)
    {
      Entry *entry = &snapshot->entries[i];

      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      add_entry (groups, snapshot->by, entry);
    }

  result = g_ptr_array_new_full (g_hash_table_size (groups), g_object_unref);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_add (result, g_object_ref (group));
  g_ptr_array_sort (result, compare_groups);
  return result;
}

GPtrArray *
recap_post_group_compute (GListModel   *posts,
                          RecapGroupBy  by)
{
  Snapshot *snapshot;
  GPtrArray *groups;

  g_return_val_if_fail (G_IS_LIST_MODEL (posts), NULL);

  snapshot = snapshot_new (posts, by);
  snapshot_copy (snapshot, G_MAXINT64);
  groups = compute_groups (snapshot, NULL);
  snapshot_free (snapshot);
  return groups;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GPtrArray *groups = compute_groups (snapshot, cancellable);

  /* Here, not as the task data's free function: the main thread would run
   * that, when it drops the task. */
  snapshot_free (snapshot);
  if (groups == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Grouping was cancelled");
  else
    g_task_return_pointer (task, groups, free_groups);
}

/* Copies more posts between frames; once all are, groups them in a thread. */
static gboolean
copy_slice (gpointer user_data)
{
  GTask *task = user_data;
  Snapshot *snapshot = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_object (&snapshot->posts);
      recap_background_free (snapshot, (GDestroyNotify) snapshot_free);
      return G_SOURCE_REMOVE;
    }
  if (!snapshot_copy (snapshot, g_get_monotonic_time () + COPY_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  g_task_run_in_thread (task, compute_in_thread);
  return G_SOURCE_REMOVE;
}

void
recap_post_group_compute_async (GListModel          *posts,
                                RecapGroupBy         by,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSource) source = NULL;
  Snapshot *snapshot;

  g_return_if_fail (G_IS_LIST_MODEL (posts));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_post_group_compute_async);
  snapshot = snapshot_new (posts, by);
  g_task_set_task_data (task, snapshot, NULL);
  if (snapshot_copy (snapshot, g_get_monotonic_time () + COPY_SLICE_USEC))
    {
      g_task_run_in_thread (task, compute_in_thread);
      return;
    }
  /* Copying 50,000 posts at once took 30-120 ms on a busy machine: in
   * slices, below redrawing, so that frames are drawn between them. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_static_name (source, "[recap] group copy");
  g_task_attach_source (task, source, copy_slice);
}

GPtrArray *
recap_post_group_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == recap_post_group_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RecapGroupBy
recap_post_group_get_by (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), 0);
  return self->by;
}

const char *
recap_post_group_get_key (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), NULL);
  return self->key;
}

guint
recap_post_group_get_count (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), 0);
  return self->count;
}

GDateTime *
recap_post_group_get_first (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), NULL);
  return self->first;
}

GDateTime *
recap_post_group_get_last (RecapPostGroup *self)
{
  g_return_val_if_fail (RECAP_IS_POST_GROUP (self), NULL);
  return self->last;
}
