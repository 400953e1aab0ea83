/* recap-post-group.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post-group.h"

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

static char *
year_of (RecapPost *post)
{
  GDateTime *date = recap_post_get_date (post);

  return date ? g_strdup_printf ("%d", g_date_time_get_year (date)) : NULL;
}

/* The keys a post belongs under (none: the post goes to the NULL group). */
static GStrv
keys_of (RecapPost    *post,
         RecapGroupBy  by)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *year = NULL;

  switch (by)
    {
    case RECAP_GROUP_BY_EVENT:
      if (recap_post_get_event (post))
        g_strv_builder_add (builder, recap_post_get_event (post));
      break;
    case RECAP_GROUP_BY_TAG:
      if (recap_post_get_tags (post))
        g_strv_builder_addv (builder, (const char **) recap_post_get_tags (post));
      break;
    case RECAP_GROUP_BY_AUTHOR:
      if (recap_post_get_author (post))
        g_strv_builder_add (builder, recap_post_get_author (post));
      break;
    case RECAP_GROUP_BY_PROBLEM:
      if (recap_post_get_problems (post))
        g_strv_builder_addv (builder, (const char **) recap_post_get_problems (post));
      break;
    case RECAP_GROUP_BY_YEAR:
    default:
      year = year_of (post);
      if (year)
        g_strv_builder_add (builder, year);
      break;
    }
  return g_strv_builder_end (builder);
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
              RecapPost    *post)
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
  widen_range (group, recap_post_get_date (post));
  g_list_store_append (group->posts, post);
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

GPtrArray *
recap_post_group_compute (GListModel   *posts,
                          RecapGroupBy  by)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (posts);
  GPtrArray *result;
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      g_auto(GStrv) keys = keys_of (post, by);

      if (keys[0] == NULL)
        add_to_group (groups, by, NULL, post);
      for (guint k = 0; keys[k] != NULL; k++)
        add_to_group (groups, by, keys[k], post);
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_add (result, group);
  g_ptr_array_sort (result, compare_groups);
  return result;
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
