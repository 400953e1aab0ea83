/* recap-index-cache-writer.c
 *
 * Writes take turns by ticket, in the order they were started: a load's
 * cache never lands over a later load's. Each write holds a reference to
 * the writer, so freeing the writer (the site going away) leaves the write
 * to end on its own.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-index-cache-writer.h"

#include "recap-background.h"

/* Main-loop time the sharing of texts may take in one go: a quarter of a frame. */
#define SHARE_BUDGET_USEC 4000

struct _RecapIndexCacheWriter
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GCond           cond;
  guint64         next_ticket;  /* under @lock: the ticket of the next write started */
  guint64         serving;      /* under @lock: whose turn it is; all done when next_ticket */
};

typedef struct {
  RecapIndexCacheWriter   *writer;
  guint64                  ticket;
  GFile                   *root;
  guint64                  config_stamp;
  RecapIndexCacheSnapshot *snapshot;
  GWeakRef                 posts;
} Write;

/* The posts that still hold texts of their own, given the cache's a few at a time. */
typedef struct {
  GWeakRef         posts;
  RecapIndexCache *cache;
  guint            next;
} Share;

static RecapIndexCacheWriter *
writer_ref (RecapIndexCacheWriter *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
writer_unref (RecapIndexCacheWriter *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

RecapIndexCacheWriter *
recap_index_cache_writer_new (void)
{
  RecapIndexCacheWriter *self = g_new0 (RecapIndexCacheWriter, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  return self;
}

void
recap_index_cache_writer_free (RecapIndexCacheWriter *self)
{
  writer_unref (self);
}

static void
write_free (gpointer data)
{
  Write *write = data;

  g_clear_pointer (&write->writer, writer_unref);
  g_clear_object (&write->root);
  g_clear_pointer (&write->snapshot, recap_index_cache_snapshot_free);
  g_weak_ref_clear (&write->posts);
  g_free (write);
}

static void
share_free (gpointer data)
{
  Share *share = data;

  g_weak_ref_clear (&share->posts);
  recap_background_free (g_steal_pointer (&share->cache), (GDestroyNotify) recap_index_cache_free);
  g_free (share);
}

static gboolean
share_some (gpointer data)
{
  Share *share = data;
  g_autoptr(GListModel) posts = g_weak_ref_get (&share->posts);
  gint64 deadline = g_get_monotonic_time () + SHARE_BUDGET_USEC;

  while (posts != NULL && share->next < g_list_model_get_n_items (posts))
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, share->next++);

      recap_index_cache_share_text (share->cache, post);
      if (g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }
  return G_SOURCE_REMOVE;
}

/* In the thread that started the write: the posts take the texts of the
 * cache as written. */
static void
written (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(RecapIndexCache) cache = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GListModel) posts = g_weak_ref_get (&write->posts);
  g_autoptr(GSource) source = NULL;
  Share *share;

  if (cache == NULL || posts == NULL)
    {
      recap_background_free (g_steal_pointer (&cache), (GDestroyNotify) recap_index_cache_free);
      return;
    }
  share = g_new0 (Share, 1);
  g_weak_ref_init (&share->posts, posts);
  share->cache = g_steal_pointer (&cache);
  /* Here, in the thread that owns the posts: the one that started the write. */
  source = recap_background_idle_source (g_main_context_get_thread_default (), "[recap] share_some", share_some,
                                         share, share_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  RecapIndexCacheWriter *self = write->writer;
  g_autoptr(GError) error = NULL;
  RecapIndexCache *cache = NULL;

  g_mutex_lock (&self->lock);
  while (self->serving != write->ticket)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  /* The cache only saves time: failing to write it is not an error. */
  if (recap_index_cache_save (write->root, write->config_stamp, write->snapshot, &error))
    cache = recap_index_cache_load (write->root, write->config_stamp);
  else
    g_debug ("Could not write the index cache: %s", error->message);
  /* Here rather than in the main loop: the last references to the texts
   * of posts freed meanwhile. */
  g_clear_pointer (&write->snapshot, recap_index_cache_snapshot_free);

  /* Returned before the next ticket is served: once wait() is over, the
   * main context already has what the write hands the posts. */
  g_task_return_pointer (task, cache, (GDestroyNotify) recap_index_cache_free);
  g_mutex_lock (&self->lock);
  self->serving++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
recap_index_cache_writer_start (RecapIndexCacheWriter   *self,
                                GFile                   *root,
                                guint64                  config_stamp,
                                RecapIndexCacheSnapshot *snapshot,
                                GListModel              *posts)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, written, NULL);
  Write *write = g_new0 (Write, 1);

  write->writer = writer_ref (self);
  write->root = g_object_ref (root);
  write->config_stamp = config_stamp;
  write->snapshot = snapshot;
  g_weak_ref_init (&write->posts, posts);
  g_mutex_lock (&self->lock);
  write->ticket = self->next_ticket++;
  g_mutex_unlock (&self->lock);

  g_task_set_name (task, "[recap] index cache write");
  g_task_set_task_data (task, write, write_free);
  g_task_run_in_thread (task, write_thread);
}

void
recap_index_cache_writer_wait (RecapIndexCacheWriter *self)
{
  g_mutex_lock (&self->lock);
  while (self->serving != self->next_ticket)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}
