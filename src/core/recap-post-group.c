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
  char      *key;    /* event */
  GStrv      keys;   /* tags, authors or problems */
} Entry;

typedef struct {
  RecapBackgroundCopy  copy;
  RecapGroupBy         by;
  Entry               *entries;
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
      /* A post of several authors is in the group of each. */
      entry->keys = g_strdupv ((GStrv) recap_post_get_authors (entry->post));
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

  recap_background_copy_init (&snapshot->copy, posts);
  snapshot->by = by;
  snapshot->entries = g_new (Entry, snapshot->copy.n_items);
  return snapshot;
}

static void
copy_entry (gpointer data,
            guint    position,
            gpointer post)
{
  Snapshot *snapshot = data;
  Entry *entry = &snapshot->entries[position];
  GDateTime *date = recap_post_get_date (post);

  entry->post = g_object_ref (post);
  entry->date = date ? g_date_time_ref (date) : NULL;
  entry->key = NULL;
  entry->keys = NULL;
  copy_keys (entry, snapshot->by);
}

static void
snapshot_free (Snapshot *snapshot)
{
  for (guint i = 0; i < snapshot->copy.copied; i++)
    {
      g_object_unref (snapshot->entries[i].post);
      g_clear_pointer (&snapshot->entries[i].date, g_date_time_unref);
      g_free (snapshot->entries[i].key);
      g_strfreev (snapshot->entries[i].keys);
    }
  g_clear_object (&snapshot->copy.items);
  g_free (snapshot->entries);
  g_free (snapshot);
}

/* A copy of 50,000 posts takes long to free: a thread frees it. */
static void
snapshot_free_later (Snapshot *snapshot)
{
  recap_background_free (snapshot, (GDestroyNotify) snapshot_free);
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

  for (guint i = 0; i < snapshot->copy.n_items; i++)
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
  recap_background_copy_all (&snapshot->copy, copy_entry, snapshot);
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
  GPtrArray *groups = compute_groups (task_data, cancellable);

  if (groups == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Grouping was cancelled");
  else
    g_task_return_pointer (task, groups, free_groups);
}

void
recap_post_group_compute_async (GListModel          *posts,
                                RecapGroupBy         by,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;

  g_return_if_fail (G_IS_LIST_MODEL (posts));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_post_group_compute_async);
  snapshot = snapshot_new (posts, by);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free_later);
  recap_background_copy_then_run (task, &snapshot->copy, copy_entry, compute_in_thread);
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
