/* recap-site.c
 *
 * The posts of a site as a GListModel, newest first. Loading scans in worker
 * threads and hands sorted batches to an idle source that merges them into
 * the list within a time budget, so that the first posts show before the
 * scan ends and no frame waits for thousands of insertions.
 * This file owns the sorted list, _config.yml and the load; following
 * changes on disk (folder monitors, refreshes, catch-up) is
 * recap-site-watch.c's, sharing the struct through recap-site-private.h.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site.h"

#include <string.h>

#include "recap-background.h"
#include "recap-site-private.h"
#include "recap-site-scan.h"

#define BATCH_SIZE 200

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapSite, recap_site, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

gboolean
recap_site_is_skipped_dir (const char *name)
{
  static const char * const skipped[] = {
    "_site", "node_modules", "vendor", "_layouts", "_includes", "_sass", NULL
  };

  return name[0] == '.' || g_strv_contains (skipped, name);
}

gboolean
recap_site_is_post_name (const char *name)
{
  return name[0] != '.' &&
         (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"));
}

static gboolean
looks_like_site_root (GFile *dir)
{
  g_autoptr(GFile) config = g_file_get_child (dir, "_config.yml");
  g_autoptr(GFile) posts = g_file_get_child (dir, "_posts");

  return g_file_query_exists (config, NULL) ||
         g_file_query_file_type (posts, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

GFile *
recap_site_find_root (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (folder == NULL)
    return g_object_ref (file);
  for (GFile *dir = g_object_ref (folder), *parent; dir != NULL; dir = parent)
    {
      if (looks_like_site_root (dir))
        return dir;
      parent = g_file_get_parent (dir);
      g_object_unref (dir);
    }
  return g_steal_pointer (&folder);
}

/* g_ptr_array_sort() passes pointers to the elements (GLib 2.74 has no _sort_values). */
int
site_compare_post_pointers (gconstpointer a,
                       gconstpointer b)
{
  return recap_post_compare (*(RecapPost **) a, *(RecapPost **) b);
}

/* The post at @position, counted: following changes must read a few posts
 * per change, never the whole list. */
RecapPost *
site_read_item (RecapSite *self,
           guint      position)
{
  self->n_reads++;
  return g_list_model_get_item (G_LIST_MODEL (self->posts), position);
}

const char *
site_path_of (RecapPost *post)
{
  return g_file_peek_path (recap_post_get_file (post));
}

/* The first position, from @low on, of a post that sorts after @post, or
 * with it unless @past_equal: where @post goes in the sorted list
 * (@past_equal), or where the posts that sort with it begin. */
static guint
sorted_bound (RecapSite *self,
              RecapPost *post,
              guint      low,
              gboolean   past_equal)
{
  guint high = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(RecapPost) other = site_read_item (self, middle);
      int order = recap_post_compare (other, post);

      if (order < 0 || (past_equal && order == 0))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Posts one splice adds at most: a list view makes the rows of the posts
 * that land in sight within the splice, some milliseconds each. */
#define MAX_RUN 16

static gboolean
is_listed (RecapSite *self,
           RecapPost *post)
{
  return g_tree_lookup (self->by_path, site_path_of (post)) != NULL;
}

/* Inserts the posts of @sorted from *@next on, each run that lands between
 * the same two posts as one splice, until @deadline (monotonic µs; 0: none);
 * *@next tells how far it got. Small splices keep each change cheap for
 * the views on the list. A post whose file is listed already (read again
 * while the site loaded) is left out. */
void
site_insert_sorted (RecapSite *self,
               GPtrArray *sorted,
               guint     *next,
               gint64     deadline)
{
  GListModel *posts = G_LIST_MODEL (self->posts);
  guint position = 0;

  while (*next < sorted->len)
    {
      guint first = *next, n_items = g_list_model_get_n_items (posts);
      guint end = first + 1;
      g_autoptr(RecapPost) after = NULL;

      if (is_listed (self, sorted->pdata[first]))
        {
          (*next)++;
          continue;
        }
      position = sorted_bound (self, sorted->pdata[first], position, TRUE);
      after = position < n_items ? site_read_item (self, position) : NULL;
      while (end < sorted->len && end - first < MAX_RUN && !is_listed (self, sorted->pdata[end]) &&
             (after == NULL || recap_post_compare (after, sorted->pdata[end]) > 0))
        end++;
      for (guint i = first; i < end; i++)
        g_tree_insert (self->by_path, (gpointer) site_path_of (sorted->pdata[i]), sorted->pdata[i]);
      g_list_store_splice (self->posts, position, 0, sorted->pdata + first, end - first);
      position += end - first;
      *next = end;
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
    }
}

static void
set_layouts (RecapSite     *self,
             RecapSiteScan *scan)
{
  g_strfreev (self->layouts);
  self->layouts = recap_site_scan_dup_layouts (scan);
}

/* The site's _config.yml */

RecapSiteConfig *
site_dup_config (RecapSite *self)
{
  RecapSiteConfig *config;

  g_mutex_lock (&self->config_lock);
  config = recap_site_config_ref (self->config);
  g_mutex_unlock (&self->config_lock);
  return config;
}

/* Any thread: reads _config.yml again and keeps it. */
RecapSiteConfig *
site_load_config (RecapSite    *self,
             GCancellable *cancellable)
{
  RecapSiteConfig *config = recap_site_config_load (self->root, cancellable);

  g_mutex_lock (&self->config_lock);
  recap_site_config_unref (self->config);
  self->config = recap_site_config_ref (config);
  g_mutex_unlock (&self->config_lock);
  return config;
}

gboolean
site_is_config_file (RecapSite *self,
                GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  return parent != NULL && g_file_equal (parent, self->root) &&
         (g_str_equal (name, "_config.yml") || g_str_equal (name, "_config.yaml"));
}

GDateTime *
recap_site_new_now (RecapSite *self)
{
  g_autoptr(RecapSiteConfig) config = NULL;

  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);

  config = site_dup_config (self);
  return g_date_time_new_now (recap_site_config_get_time_zone (config));
}

RecapSiteConfig *
recap_site_dup_config (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);
  return site_dup_config (self);
}

/* Loading */

/* Main-loop time the posts of a load may take in one go: a quarter of a frame. */
#define INSERT_BUDGET_USEC 4000
/* Enough to merge what a few frames bring, little enough to sort in well under that. */
#define MERGE_MAX_POSTS 2000

/* Shared by the scanning threads, which queue sorted batches, and the main
 * loop, which inserts them a few at a time from an idle source. */
typedef struct {
  gatomicrefcount  ref_count;
  RecapSite       *site;
  GMainContext    *context;
  GCancellable    *cancellable;
  GTask           *task;       /* the caller's, until it is returned */
  RecapSiteScan   *scan;
  RecapIndexCache *cache;
  RecapIndexCacheSnapshot *snapshot; /* the cache to write once loaded, if out of date */
  guint64          config_stamp;

  GMutex           lock;
  GQueue           batches;    /* under @lock: sorted GPtrArrays of RecapPost */
  GSource         *source;     /* under @lock: the idle inserting them, while attached */

  gint64           started;    /* wall-clock time the load began, for catching up */

  /* Main thread only. */
  gboolean         scanned;    /* no more batches come */
  GPtrArray       *current;    /* the batches being inserted, copied into one */
  guint            next;       /* its first post not inserted yet */
  GPtrArray       *spent;      /* the threads' batches copied, freed with the load */
} Load;

static Load *
load_ref (Load *load)
{
  g_atomic_ref_count_inc (&load->ref_count);
  return load;
}

static void
load_unref (Load *load)
{
  if (!g_atomic_ref_count_dec (&load->ref_count))
    return;
  g_assert (load->task == NULL && load->source == NULL);
  g_clear_object (&load->site);
  g_clear_pointer (&load->context, g_main_context_unref);
  g_clear_object (&load->cancellable);
  /* The scan's list of 50,000 files and the caches took 450 ms to free
   * here on a busy machine: a thread frees them (the scan holds no more
   * than references to the posts, the caches are read by no one now). */
  recap_background_free (g_steal_pointer (&load->scan), (GDestroyNotify) recap_site_scan_free);
  recap_background_free (g_steal_pointer (&load->cache), (GDestroyNotify) recap_index_cache_free);
  recap_background_free (g_steal_pointer (&load->snapshot), (GDestroyNotify) recap_index_cache_snapshot_free);
  recap_background_free (g_steal_pointer (&load->spent), (GDestroyNotify) g_ptr_array_unref);
  g_queue_clear_full (&load->batches, (GDestroyNotify) g_ptr_array_unref);
  g_clear_pointer (&load->current, g_ptr_array_unref);
  g_mutex_clear (&load->lock);
  g_free (load);
}

/* Returns the caller's task once: with @error, or done when NULL. */
static void
finish_load (Load   *load,
             GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&load->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    {
      g_debug ("Site load failed: %s", error->message);
      g_task_return_error (task, error);
      return;
    }
  g_debug ("Site loaded: %u posts", g_list_model_get_n_items (G_LIST_MODEL (load->site)));
  set_layouts (load->site, load->scan);
  site_watch_dirs (load->site, recap_site_scan_get_dirs (load->scan));
  site_catch_up (load->site, recap_site_scan_get_dirs (load->scan), load->started, load->cancellable);
  if (load->snapshot != NULL)
    recap_index_cache_writer_start (load->site->cache_writer, load->site->root, load->config_stamp,
                                    g_steal_pointer (&load->snapshot), G_LIST_MODEL (load->site));
  g_task_return_boolean (task, TRUE);
}

/* Moves the posts of @batches from @first on into one new array, which
 * owns them; the batches, allocated by the scanning threads, stay in
 * @batches. Freeing or growing a block of a thread's malloc arena takes
 * that arena's lock, which the thread holds while it allocates: the main
 * thread slept up to 75 ms on it (perf, sched_switch) when a scanning
 * thread, behind at a lower priority, lost its processor holding it. */
static GPtrArray *
copy_batches (GPtrArray *batches,
              guint      first)
{
  guint n_posts = 0;
  GPtrArray *posts;

  for (guint i = first; i < batches->len; i++)
    n_posts += ((GPtrArray *) batches->pdata[i])->len;
  posts = g_ptr_array_new_full (n_posts, g_object_unref);
  for (guint i = first; i < batches->len; i++)
    {
      g_ptr_array_extend (posts, batches->pdata[i], NULL, NULL);
      g_ptr_array_set_free_func (batches->pdata[i], NULL);
    }
  return posts;
}

/* The queued batches, up to about @max_posts, as one sorted array: posts
 * of several batches that land next to each other go in as one splice.
 * NULL when none is queued; then, while the scan goes on, the source is
 * detached, and the thread attaches a new one for its next batch. */
static GPtrArray *
take_batches (Load  *load,
              guint  max_posts)
{
  guint first = load->spent->len, n_posts = 0;
  GPtrArray *posts, *batch;

  g_mutex_lock (&load->lock);
  while (n_posts < max_posts && (batch = g_queue_pop_head (&load->batches)) != NULL)
    {
      g_ptr_array_add (load->spent, batch);
      n_posts += batch->len;
    }
  if (n_posts == 0 && !load->scanned)
    g_clear_pointer (&load->source, g_source_unref);
  g_mutex_unlock (&load->lock);
  if (n_posts == 0)
    return NULL;
  posts = copy_batches (load->spent, first);
  if (load->spent->len - first > 1)
    g_ptr_array_sort (posts, site_compare_post_pointers);
  return posts;
}

/* Once the scan is over, no thread attaches a source any more. */
static void
detach_source (Load *load)
{
  g_assert (load->scanned);
  g_mutex_lock (&load->lock);
  g_clear_pointer (&load->source, g_source_unref);
  g_mutex_unlock (&load->lock);
}

/* After a failed or cancelled load: no more insertions. The batches not
 * inserted join the spent ones, as they are: a thread frees them with the
 * load (see copy_batches()). The scan still holds every post. */
static gboolean
drop_batches (Load *load)
{
  GPtrArray *batch;

  g_clear_pointer (&load->current, g_ptr_array_unref);
  g_mutex_lock (&load->lock);
  while ((batch = g_queue_pop_head (&load->batches)) != NULL)
    g_ptr_array_add (load->spent, batch);
  /* A scan still under way attaches a new source for its next batch. */
  g_clear_pointer (&load->source, g_source_unref);
  g_mutex_unlock (&load->lock);
  return G_SOURCE_REMOVE;
}

static gboolean
insert_batches (gpointer data)
{
  Load *load = data;
  gint64 deadline = g_get_monotonic_time () + INSERT_BUDGET_USEC;
  GError *error = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      if (load->task == NULL || g_cancellable_set_error_if_cancelled (load->cancellable, &error))
        {
          finish_load (load, error);
          return drop_batches (load);
        }
      if (load->current == NULL || load->next == load->current->len)
        {
          g_clear_pointer (&load->current, g_ptr_array_unref);
          load->next = 0;
          load->current = take_batches (load, MERGE_MAX_POSTS);
        }
      if (load->current != NULL)
        site_insert_sorted (load->site, load->current, &load->next, deadline);
      else if (!load->scanned)
        return G_SOURCE_REMOVE;  /* take_batches() detached it */
      else
        {
          finish_load (load, NULL);
          detach_source (load);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* In any thread: queues sorted posts for the main loop. */
static void
queue_batch (Load      *load,
             GPtrArray *posts)
{
  g_ptr_array_sort (posts, site_compare_post_pointers);
  g_mutex_lock (&load->lock);
  if (posts->len > 0)
    g_queue_push_tail (&load->batches, posts);
  else
    g_ptr_array_unref (posts);
  /* Always through a source: g_main_context_invoke() would run it right here,
   * in the scanning thread, whenever the main loop happens not to hold its
   * context. Below redrawing, so that frames are drawn between insertions. */
  if (load->source == NULL)
    load->source = recap_background_idle_source (load->context, "[recap] insert_batches", insert_batches,
                                                 load_ref (load), (GDestroyNotify) load_unref);
  g_mutex_unlock (&load->lock);
}

/* In a scanning thread. */
static void
send_batch (GPtrArray *posts,
            gpointer   user_data)
{
  queue_batch (user_data, posts);
}

/* Scans the site, taking unchanged posts from the index cache, once the
 * cache written after the site's last load is there; when the cache was
 * out of date, *@snapshot is what the new one is to hold, written once the
 * posts are listed. */
static gboolean
scan_with_cache (RecapSite                *self,
                 RecapSiteScan            *scan,
                 RecapSiteConfig          *config,
                 RecapIndexCache         **cache,
                 RecapIndexCacheSnapshot **snapshot,
                 GError                  **error)
{
  recap_index_cache_writer_wait (self->cache_writer);
  *cache = recap_index_cache_load (self->root, recap_site_config_get_stamp (config));
  recap_site_scan_set_config (scan, config);
  recap_site_scan_set_cache (scan, *cache);
  if (!recap_site_scan_run (scan, self->root, error))
    return FALSE;
  *snapshot = recap_site_scan_snapshot_cache (scan);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RecapSite *self = source_object;
  Load *load = task_data;
  GError *error = NULL;
  g_autoptr(RecapSiteConfig) config = site_load_config (self, cancellable);

  recap_site_scan_set_batch_func (load->scan, BATCH_SIZE, send_batch, load);
  load->config_stamp = recap_site_config_get_stamp (config);
  if (!scan_with_cache (self, load->scan, config, &load->cache, &load->snapshot, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The scan is over; its batches are all queued, but for the last posts. */
static void
scanned (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->scanned = TRUE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    finish_load (load, error);
  else
    queue_batch (load, recap_site_scan_take_posts (load->scan));
  load_unref (load);
}

void
recap_site_load_async (RecapSite           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) scan_task = NULL;
  Load *load;

  g_return_if_fail (RECAP_IS_SITE (self));

  g_debug ("Loading the site at %s", g_file_peek_path (self->root));
  load = g_new0 (Load, 1);
  g_atomic_ref_count_init (&load->ref_count);
  g_mutex_init (&load->lock);
  load->site = g_object_ref (self);
  load->started = g_get_real_time ();
  load->context = g_main_context_ref_thread_default ();
  load->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  load->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (load->task, recap_site_load_async);
  load->scan = recap_site_scan_new (self->root, NULL, cancellable);
  load->spent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  scan_task = g_task_new (self, cancellable, scanned, load);
  g_task_set_task_data (scan_task, load_ref (load), (GDestroyNotify) load_unref);
  g_task_run_in_thread (scan_task, load_thread);
}

gboolean
recap_site_load_finish (RecapSite     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
recap_site_load_sync (RecapSite     *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(RecapSiteConfig) config = site_load_config (self, cancellable);
  g_autoptr(RecapSiteScan) scan = recap_site_scan_new (self->root, config, cancellable);
  g_autoptr(RecapIndexCache) cache = NULL;
  RecapIndexCacheSnapshot *snapshot = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  guint next = 0;

  g_return_val_if_fail (RECAP_IS_SITE (self), FALSE);

  if (!scan_with_cache (self, scan, config, &cache, &snapshot, error))
    return FALSE;
  posts = recap_site_scan_take_posts (scan);
  g_ptr_array_sort (posts, site_compare_post_pointers);
  site_insert_sorted (self, posts, &next, 0);
  if (snapshot != NULL)
    recap_index_cache_writer_start (self->cache_writer, self->root, recap_site_config_get_stamp (config),
                                    snapshot, G_LIST_MODEL (self));
  set_layouts (self, scan);
  return TRUE;
}

void
recap_site_wait_for_index_cache (RecapSite *self)
{
  g_return_if_fail (RECAP_IS_SITE (self));
  recap_index_cache_writer_wait (self->cache_writer);
}

/* Suggestions */

static void
add_unique (GPtrArray  *values,
            GHashTable *seen,
            const char *value)
{
  if (value != NULL && g_hash_table_add (seen, (gpointer) value))
    g_ptr_array_add (values, (gpointer) value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static const char * const *
list_of (RecapPost  *post,
         const char *key)
{
  if (g_str_equal (key, "tags"))
    return recap_post_get_tags (post);
  if (g_str_equal (key, "categories"))
    return recap_post_get_categories (post);
  return NULL;
}

static const char *
value_of (RecapPost  *post,
          const char *key)
{
  if (g_str_equal (key, "author"))
    return recap_post_get_author (post);
  if (g_str_equal (key, "event"))
    return recap_post_get_event (post);
  if (g_str_equal (key, "layout"))
    return recap_post_get_layout (post);
  return NULL;
}

GStrv
recap_site_collect_values (GListModel *posts,
                           const char *key)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      const char * const *list = list_of (post, key);

      add_unique (values, seen, value_of (post, key));
      for (guint j = 0; list && list[j]; j++)
        add_unique (values, seen, list[j]);
    }
  g_ptr_array_sort (values, compare_strings);
  g_ptr_array_add (values, NULL);
  return g_strdupv ((GStrv) values->pdata);
}

/* Accessors */

RecapPost *
recap_site_find_post (RecapSite *self,
                      GFile     *file)
{
  const char *path = g_file_peek_path (file);

  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return path != NULL ? g_tree_lookup (self->by_path, path) : NULL;
}

guint
recap_site_get_position (RecapSite *self,
                         RecapPost *post)
{
  guint n;

  g_return_val_if_fail (RECAP_IS_SITE (self), G_MAXUINT);
  g_return_val_if_fail (RECAP_IS_POST (post), G_MAXUINT);

  if (g_tree_lookup (self->by_path, site_path_of (post)) != post)
    return G_MAXUINT;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));
  /* Along the posts that sort with it. */
  for (guint position = sorted_bound (self, post, 0, FALSE); position < n; position++)
    {
      g_autoptr(RecapPost) other = site_read_item (self, position);

      if (other == post)
        return position;
      if (recap_post_compare (other, post) != 0)
        break;
    }
  return G_MAXUINT;
}

guint64
recap_site_get_n_reads (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), 0);
  return self->n_reads;
}

const char * const *
recap_site_get_layouts (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);
  return (const char * const *) self->layouts;
}

GFile *
recap_site_get_root (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);
  return self->root;
}

static GType
recap_site_get_item_type (GListModel *model)
{
  return RECAP_TYPE_POST;
}

static guint
recap_site_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (RECAP_SITE (model)->posts));
}

static gpointer
recap_site_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (RECAP_SITE (model)->posts), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = recap_site_get_item_type;
  iface->get_n_items = recap_site_get_n_items;
  iface->get_item = recap_site_get_item;
}

static void
forward_items_changed (RecapSite *self,
                       guint      position,
                       guint      removed,
                       guint      added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
recap_site_dispose (GObject *object)
{
  RecapSite *self = RECAP_SITE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  site_stop_watching (self);
  /* Freeing 50,000 posts took 30-80 ms: a thread does it, once nothing
   * here is connected to the list. Nothing else reaches the list: the
   * index cache writer holds the site weakly, not the list. */
  if (self->posts != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->posts, self);
      recap_background_free (g_steal_pointer (&self->by_path), (GDestroyNotify) g_tree_unref);
      recap_background_free_store (g_steal_pointer (&self->posts));
    }
  g_clear_object (&self->root);
  g_clear_pointer (&self->layouts, g_strfreev);

  G_OBJECT_CLASS (recap_site_parent_class)->dispose (object);
}

static void
recap_site_finalize (GObject *object)
{
  RecapSite *self = RECAP_SITE (object);

  recap_site_config_unref (self->config);
  g_mutex_clear (&self->config_lock);
  recap_index_cache_writer_free (self->cache_writer);

  G_OBJECT_CLASS (recap_site_parent_class)->finalize (object);
}

static void
recap_site_class_init (RecapSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = recap_site_dispose;
  G_OBJECT_CLASS (klass)->finalize = recap_site_finalize;
}

static void
recap_site_init (RecapSite *self)
{
  self->posts = g_list_store_new (RECAP_TYPE_POST);
  site_init_watching (self);
  self->cancellable = g_cancellable_new ();
  self->by_path = g_tree_new ((GCompareFunc) strcmp);
  g_mutex_init (&self->config_lock);
  self->config = recap_site_config_new_default ();
  self->cache_writer = recap_index_cache_writer_new ();
  g_signal_connect_object (self->posts, "items-changed",
                           G_CALLBACK (forward_items_changed), self, G_CONNECT_SWAPPED);
}

RecapSite *
recap_site_new (GFile *root)
{
  RecapSite *self;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (RECAP_TYPE_SITE, NULL);
  self->root = g_object_ref (root);
  return self;
}
