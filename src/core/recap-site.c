/* recap-site.c
 *
 * The posts of a site as a GListModel, newest first. Loading scans in worker
 * threads and hands sorted batches to an idle source that merges them into
 * the list within a time budget, so that the first posts show before the
 * scan ends and no frame waits for thousands of insertions;
 * afterwards one GFileMonitor per folder keeps the model in step with what
 * other programs (git, other editors) do to the files.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site.h"

#include <string.h>

#include "recap-background.h"
#include "recap-site-scan.h"

#define BATCH_SIZE 200
#define REFRESH_DELAY_MS 100

typedef struct _CatchUp CatchUp;

struct _RecapSite
{
  GObject       parent_instance;

  GFile        *root;
  GListStore   *posts;
  GStrv         layouts;
  GHashTable   *monitors;     /* folder path → GFileMonitor */
  GQueue        unwatched;    /* GFile: folders to watch, a few per dispatch */
  guint         watch_source;
  CatchUp      *catch_up;     /* to run once the folders are watched, or NULL */
  GHashTable   *pending;      /* path → GFile changed on disk, not re-read yet */
  GCancellable *cancellable;
  guint         refresh_source;
  GTree        *by_path;      /* file path → its post in @posts: one post per path */
  GQueue        refreshes;    /* Refresh: read again, applied a few posts per dispatch */
  guint         apply_source;
  guint64       n_reads;      /* posts of @posts read to place or find one */
  GMutex        config_lock;
  RecapSiteConfig *config;    /* under @config_lock: the threads read posts with it */
};

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
static int
compare_post_pointers (gconstpointer a,
                       gconstpointer b)
{
  return recap_post_compare (*(RecapPost **) a, *(RecapPost **) b);
}

/* The post at @position, counted: following changes must read a few posts
 * per change, never the whole list. */
static RecapPost *
read_item (RecapSite *self,
           guint      position)
{
  self->n_reads++;
  return g_list_model_get_item (G_LIST_MODEL (self->posts), position);
}

static const char *
path_of (RecapPost *post)
{
  return g_file_peek_path (recap_post_get_file (post));
}

/* Where @post goes in the sorted list: after every post from @low on that
 * sorts before it or with it. */
static guint
sorted_position (RecapSite *self,
                 RecapPost *post,
                 guint      low)
{
  guint high = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(RecapPost) other = read_item (self, middle);

      if (recap_post_compare (other, post) <= 0)
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
  return g_tree_lookup (self->by_path, path_of (post)) != NULL;
}

/* Inserts the posts of @sorted from *@next on, each run that lands between
 * the same two posts as one splice, until @deadline (monotonic µs; 0: none);
 * *@next tells how far it got. Small splices keep each change cheap for
 * the views on the list. A post whose file is listed already (read again
 * while the site loaded) is left out. */
static void
insert_sorted (RecapSite *self,
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
      position = sorted_position (self, sorted->pdata[first], position);
      after = position < n_items ? read_item (self, position) : NULL;
      while (end < sorted->len && end - first < MAX_RUN && !is_listed (self, sorted->pdata[end]) &&
             (after == NULL || recap_post_compare (after, sorted->pdata[end]) > 0))
        end++;
      for (guint i = first; i < end; i++)
        g_tree_insert (self->by_path, (gpointer) path_of (sorted->pdata[i]), sorted->pdata[i]);
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

static RecapSiteConfig *
dup_config (RecapSite *self)
{
  RecapSiteConfig *config;

  g_mutex_lock (&self->config_lock);
  config = recap_site_config_ref (self->config);
  g_mutex_unlock (&self->config_lock);
  return config;
}

/* Any thread: reads _config.yml again and keeps it. */
static RecapSiteConfig *
load_config (RecapSite    *self,
             GCancellable *cancellable)
{
  RecapSiteConfig *config = recap_site_config_load (self->root, cancellable);

  g_mutex_lock (&self->config_lock);
  recap_site_config_unref (self->config);
  self->config = recap_site_config_ref (config);
  g_mutex_unlock (&self->config_lock);
  return config;
}

static gboolean
is_config_file (RecapSite *self,
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

  config = dup_config (self);
  return g_date_time_new_now (recap_site_config_get_time_zone (config));
}

RecapSiteConfig *
recap_site_dup_config (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), NULL);
  return dup_config (self);
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
  RecapIndexCache *new_cache;  /* the cache as the load wrote it anew, if it did */

  GMutex           lock;
  GQueue           batches;    /* under @lock: sorted GPtrArrays of RecapPost */
  GSource         *source;     /* under @lock: the idle inserting them, while attached */

  gint64           started;    /* wall-clock time the load began, for catching up */

  /* Main thread only. */
  gboolean         scanned;    /* no more batches come */
  GPtrArray       *current;    /* the batch being inserted */
  guint            next;       /* its first post not inserted yet */
  guint            shared;     /* posts given the new cache's search text so far */
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
  recap_background_free (g_steal_pointer (&load->new_cache), (GDestroyNotify) recap_index_cache_free);
  g_queue_clear_full (&load->batches, (GDestroyNotify) g_ptr_array_unref);
  g_clear_pointer (&load->current, g_ptr_array_unref);
  g_mutex_clear (&load->lock);
  g_free (load);
}

static void watch_dirs (RecapSite *self, GPtrArray *dirs);
static void catch_up (RecapSite *self, GPtrArray *dirs, gint64 since, GCancellable *cancellable);

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
  watch_dirs (load->site, recap_site_scan_get_dirs (load->scan));
  /* Coarse file-system clocks: a change in the second the load began counts. */
  catch_up (load->site, recap_site_scan_get_dirs (load->scan), load->started - 2 * G_USEC_PER_SEC,
            load->cancellable);
  g_task_return_boolean (task, TRUE);
}

/* The queued batches, up to about @max_posts, as one sorted array: posts
 * of several batches that land next to each other go in as one splice.
 * NULL when none is queued; then, while the scan goes on, the source is
 * detached, and the thread attaches a new one for its next batch. */
static GPtrArray *
take_batches (Load  *load,
              guint  max_posts)
{
  GPtrArray *posts, *more;
  gboolean merged = FALSE;

  g_mutex_lock (&load->lock);
  posts = g_queue_pop_head (&load->batches);
  while (posts != NULL && posts->len < max_posts && (more = g_queue_pop_head (&load->batches)) != NULL)
    {
      g_ptr_array_extend_and_steal (posts, more);
      merged = TRUE;
    }
  if (posts == NULL && !load->scanned)
    g_clear_pointer (&load->source, g_source_unref);
  g_mutex_unlock (&load->lock);
  if (merged)
    g_ptr_array_sort (posts, compare_post_pointers);
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

/* Once all posts are in: points their search texts into the new cache,
 * until @deadline; TRUE when done. */
static gboolean
share_texts (Load   *load,
             gint64  deadline)
{
  GListModel *posts = G_LIST_MODEL (load->site->posts);

  while (load->new_cache != NULL && load->shared < g_list_model_get_n_items (posts))
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, load->shared++);

      recap_index_cache_share_text (load->new_cache, post);
      if (g_get_monotonic_time () >= deadline)
        return load->shared == g_list_model_get_n_items (posts);
    }
  return TRUE;
}

/* After a failed or cancelled load: no more insertions. */
static gboolean
drop_batches (Load *load)
{
  g_clear_pointer (&load->current, g_ptr_array_unref);
  while ((load->current = take_batches (load, G_MAXUINT)) != NULL)
    g_clear_pointer (&load->current, g_ptr_array_unref);
  if (!load->scanned)
    return G_SOURCE_REMOVE;  /* take_batches() detached it */
  detach_source (load);
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
        insert_sorted (load->site, load->current, &load->next, deadline);
      else if (!load->scanned)
        return G_SOURCE_REMOVE;  /* take_batches() detached it */
      else if (share_texts (load, deadline))
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
  g_ptr_array_sort (posts, compare_post_pointers);
  g_mutex_lock (&load->lock);
  if (posts->len > 0)
    g_queue_push_tail (&load->batches, posts);
  else
    g_ptr_array_unref (posts);
  /* Always through a source: g_main_context_invoke() would run it right here,
   * in the scanning thread, whenever the main loop happens not to hold its
   * context. Below redrawing, so that frames are drawn between insertions. */
  if (load->source == NULL)
    {
      load->source = g_idle_source_new ();
      g_source_set_priority (load->source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (load->source, insert_batches, load_ref (load), (GDestroyNotify) load_unref);
      g_source_set_static_name (load->source, "[recap] insert_batches");
      g_source_attach (load->source, load->context);
    }
  g_mutex_unlock (&load->lock);
}

/* In a scanning thread. */
static void
send_batch (GPtrArray *posts,
            gpointer   user_data)
{
  queue_batch (user_data, posts);
}

/* Scans the site, taking unchanged posts from the index cache and writing
 * the cache anew when it was out of date; then returns that new cache in
 * @new_cache, so that the posts read from their files can drop their copies
 * of the text for the cache's. */
static gboolean
scan_with_cache (RecapSiteScan    *scan,
                 GFile            *root,
                 RecapSiteConfig  *config,
                 RecapIndexCache **cache,
                 RecapIndexCache **new_cache,
                 GError          **error)
{
  g_autoptr(GError) cache_error = NULL;
  gboolean written;

  *cache = recap_index_cache_load (root, recap_site_config_get_stamp (config));
  recap_site_scan_set_config (scan, config);
  recap_site_scan_set_cache (scan, *cache);
  if (!recap_site_scan_run (scan, root, error))
    return FALSE;
  /* The cache only saves time: failing to write it is not an error. */
  if (!recap_site_scan_update_cache (scan, &written, &cache_error))
    g_debug ("Could not write the index cache: %s", cache_error->message);
  if (written)
    *new_cache = recap_index_cache_load (root, recap_site_config_get_stamp (config));
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
  g_autoptr(RecapSiteConfig) config = load_config (self, cancellable);

  recap_site_scan_set_batch_func (load->scan, BATCH_SIZE, send_batch, load);
  if (!scan_with_cache (load->scan, self->root, config, &load->cache, &load->new_cache, &error))
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
  g_autoptr(RecapSiteConfig) config = load_config (self, cancellable);
  g_autoptr(RecapSiteScan) scan = recap_site_scan_new (self->root, config, cancellable);
  g_autoptr(RecapIndexCache) cache = NULL;
  g_autoptr(RecapIndexCache) new_cache = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  guint next = 0;

  g_return_val_if_fail (RECAP_IS_SITE (self), FALSE);

  if (!scan_with_cache (scan, self->root, config, &cache, &new_cache, error))
    return FALSE;
  posts = recap_site_scan_take_posts (scan);
  g_ptr_array_sort (posts, compare_post_pointers);
  insert_sorted (self, posts, &next, 0);
  if (new_cache != NULL)
    recap_index_cache_share_texts (new_cache, G_LIST_MODEL (self->posts));
  set_layouts (self, scan);
  return TRUE;
}

/* Following changes on disk */

/* What a thread read again of the changed paths, then applied to the list
 * on the main thread a few posts per dispatch: a git checkout changes
 * thousands of posts, each a change every view on the list follows. */
typedef struct {
  GPtrArray  *gone;         /* GFile: paths that changed; posts no longer there go */
  GPtrArray  *posts;        /* RecapPost: new or changed posts, sorted */
  GHashTable *read;         /* path → RecapPost of @posts */
  GPtrArray  *dirs;         /* GFile: new folders to watch */
  GTask      *task;         /* recap_site_reload_file_async()'s, or NULL */

  /* Main thread: how far applying got. */
  guint       next_gone;
  GPtrArray  *doomed;       /* RecapPost: listed posts to remove */
  guint       next_doomed;
  guint       next_post;
  GPtrArray  *fresh;        /* RecapPost: to insert, sorted */
  guint       next_fresh;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  if (refresh->task != NULL)
    g_task_return_new_error (refresh->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The site was closed");
  g_clear_object (&refresh->task);
  g_clear_pointer (&refresh->read, g_hash_table_unref);
  g_clear_pointer (&refresh->gone, g_ptr_array_unref);
  g_clear_pointer (&refresh->posts, g_ptr_array_unref);
  g_clear_pointer (&refresh->dirs, g_ptr_array_unref);
  g_clear_pointer (&refresh->doomed, g_ptr_array_unref);
  g_clear_pointer (&refresh->fresh, g_ptr_array_unref);
  g_free (refresh);
}

static void
refresh_file (Refresh         *refresh,
              GFile           *root,
              RecapSiteConfig *config,
              GFile           *file,
              GCancellable    *cancellable)
{
  g_autofree char *name = g_file_get_basename (file);
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

  g_ptr_array_add (refresh->gone, g_object_ref (file));
  if (type == G_FILE_TYPE_REGULAR && recap_site_is_post_name (name))
    g_ptr_array_add (refresh->posts, recap_site_read_post (root, config, file, cancellable));
  else if (type == G_FILE_TYPE_DIRECTORY && !recap_site_is_skipped_dir (name))
    {
      g_autoptr(RecapSiteScan) scan = recap_site_scan_new (root, config, cancellable);
      g_autoptr(GPtrArray) posts = NULL;

      recap_site_scan_run (scan, file, NULL);
      posts = recap_site_scan_take_posts (scan);
      g_ptr_array_extend_and_steal (refresh->posts, g_steal_pointer (&posts));
      GPtrArray *dirs = recap_site_scan_get_dirs (scan);

      for (guint i = 0; i < dirs->len; i++)
        g_ptr_array_add (refresh->dirs, g_object_ref (dirs->pdata[i]));
    }
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RecapSite *self = source_object;
  GPtrArray *files = task_data;
  GFile *root = self->root;
  Refresh *refresh = g_new0 (Refresh, 1);
  g_autoptr(RecapSiteConfig) config = NULL;

  refresh->gone = g_ptr_array_new_with_free_func (g_object_unref);
  refresh->posts = g_ptr_array_new_with_free_func (g_object_unref);
  refresh->dirs = g_ptr_array_new_with_free_func (g_object_unref);
  refresh->read = g_hash_table_new (g_str_hash, g_str_equal);
  refresh->doomed = g_ptr_array_new_with_free_func (g_object_unref);
  refresh->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  /* A changed _config.yml comes with every post (see refresh_pending()). */
  for (guint i = 0; i < files->len && config == NULL; i++)
    if (is_config_file (self, files->pdata[i]))
      config = load_config (self, cancellable);
  if (config == NULL)
    config = dup_config (self);
  for (guint i = 0; i < files->len; i++)
    refresh_file (refresh, root, config, files->pdata[i], cancellable);
  /* Sorted, the new posts go in as runs, each run one splice. */
  g_ptr_array_sort (refresh->posts, compare_post_pointers);
  for (guint i = 0; i < refresh->posts->len; i++)
    g_hash_table_insert (refresh->read, (gpointer) path_of (refresh->posts->pdata[i]), refresh->posts->pdata[i]);
  g_task_return_pointer (task, refresh, (GDestroyNotify) refresh_free);
}

/* The position of @post, which is listed: among the posts that sort with it. */
static guint
position_of (RecapSite *self,
             RecapPost *post)
{
  guint low = 0, high = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(RecapPost) other = read_item (self, middle);

      if (recap_post_compare (other, post) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  for (;; low++)
    {
      g_autoptr(RecapPost) other = read_item (self, low);

      g_assert (other != NULL && recap_post_compare (other, post) == 0);
      if (other == post)
        return low;
    }
}

/* Removes @post, unless it went already (a folder and a file in it both gone). */
static void
remove_post (RecapSite *self,
             RecapPost *post)
{
  guint position;

  if (g_tree_lookup (self->by_path, path_of (post)) != post)
    return;
  position = position_of (self, post);
  g_tree_remove (self->by_path, path_of (post));
  g_list_store_remove (self->posts, position);
}

/* The listed posts at @file, or below it when it was a folder, that were
 * not read again, are to be removed. */
static void
doom_posts_at (RecapSite *self,
               Refresh   *refresh,
               GFile     *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *below = g_strconcat (path, G_DIR_SEPARATOR_S, NULL);
  RecapPost *post = g_tree_lookup (self->by_path, path);

  if (post != NULL)
    {
      if (!g_hash_table_contains (refresh->read, path))
        g_ptr_array_add (refresh->doomed, g_object_ref (post));
      return;
    }
  /* The paths below a folder sort together, right after its own. */
  for (GTreeNode *node = g_tree_lower_bound (self->by_path, below);
       node != NULL && g_str_has_prefix (g_tree_node_key (node), below);
       node = g_tree_node_next (node))
    if (!g_hash_table_contains (refresh->read, g_tree_node_key (node)))
      g_ptr_array_add (refresh->doomed, g_object_ref (g_tree_node_value (node)));
}

/* Whether the post at @position sorts between its neighbours. */
static gboolean
in_order_at (RecapSite *self,
             guint      position)
{
  g_autoptr(RecapPost) post = read_item (self, position);
  g_autoptr(RecapPost) before = position > 0 ? read_item (self, position - 1) : NULL;
  g_autoptr(RecapPost) after = read_item (self, position + 1);

  return (before == NULL || recap_post_compare (before, post) <= 0) &&
         (after == NULL || recap_post_compare (post, after) <= 0);
}

/* A changed post stays the same object — the open document holds it — and
 * takes the new metadata; the list is told so its row shows it. When its
 * date or title moved its place, it is taken out to go in again with the
 * new posts. */
static void
update_post (RecapSite *self,
             Refresh   *refresh,
             RecapPost *post)
{
  RecapPost *listed = g_tree_lookup (self->by_path, path_of (post));
  g_autoptr(RecapPost) kept = NULL;
  guint position;

  if (listed == NULL)
    {
      g_ptr_array_add (refresh->fresh, g_object_ref (post));
      return;
    }
  /* Held here: the splice drops the list's reference before it adds it again. */
  kept = g_object_ref (listed);
  position = position_of (self, kept);
  recap_post_update_from (kept, post);
  if (in_order_at (self, position))
    {
      g_list_store_splice (self->posts, position, 1, (gpointer *) &kept, 1);
      return;
    }
  g_ptr_array_add (refresh->fresh, g_object_ref (kept));
  g_tree_remove (self->by_path, path_of (kept));
  g_list_store_remove (self->posts, position);
}

static gboolean
past (gint64 deadline)
{
  return deadline != 0 && g_get_monotonic_time () >= deadline;
}

/* Applies @refresh until @deadline (monotonic µs; 0: none): first finds
 * the posts that are gone, removes them, updates the changed ones and
 * inserts the new ones. TRUE when done. Each step reads a few posts of the
 * list (binary searches), so that many changes cost in proportion to
 * their number, not to the size of the site times it. */
static gboolean
apply_some (RecapSite *self,
            Refresh   *refresh,
            gint64     deadline)
{
  while (refresh->next_gone < refresh->gone->len)
    {
      doom_posts_at (self, refresh, refresh->gone->pdata[refresh->next_gone++]);
      if (past (deadline))
        return FALSE;
    }
  while (refresh->next_doomed < refresh->doomed->len)
    {
      remove_post (self, refresh->doomed->pdata[refresh->next_doomed++]);
      if (past (deadline))
        return FALSE;
    }
  while (refresh->next_post < refresh->posts->len)
    {
      update_post (self, refresh, refresh->posts->pdata[refresh->next_post++]);
      if (past (deadline))
        return FALSE;
    }
  insert_sorted (self, refresh->fresh, &refresh->next_fresh, deadline);
  return refresh->next_fresh == refresh->fresh->len;
}

/* Main-loop time for following changes on disk per dispatch. */
#define APPLY_BUDGET_USEC 4000

/* Applies the refreshes in the order they were read, a few posts per
 * dispatch, below redrawing so that frames are drawn between them. */
static gboolean
apply_refreshes (gpointer user_data)
{
  RecapSite *self = user_data;
  gint64 deadline = g_get_monotonic_time () + APPLY_BUDGET_USEC;
  Refresh *refresh;

  while ((refresh = g_queue_peek_head (&self->refreshes)) != NULL)
    {
      g_autoptr(GTask) task = NULL;

      if (!apply_some (self, refresh, deadline))
        return G_SOURCE_CONTINUE;
      g_debug ("Refresh: %u changed paths, %u posts read again, %u removed",
               refresh->gone->len, refresh->posts->len, refresh->doomed->len);
      g_queue_pop_head (&self->refreshes);
      watch_dirs (self, refresh->dirs);
      task = g_steal_pointer (&refresh->task);
      refresh_free (refresh);
      if (task != NULL)
        g_task_return_boolean (task, TRUE);
    }
  self->apply_source = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_apply (RecapSite *self,
             Refresh   *refresh)
{
  g_queue_push_tail (&self->refreshes, refresh);
  if (self->apply_source == 0)
    self->apply_source = g_idle_add (apply_refreshes, self);
}

static void
refresh_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refresh *refresh = g_task_propagate_pointer (G_TASK (result), NULL);

  if (refresh != NULL)
    queue_apply (RECAP_SITE (object), refresh);
}

static void
reload_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Refresh *refresh = g_task_propagate_pointer (G_TASK (result), &error);

  if (refresh == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  refresh->task = g_steal_pointer (&task);
  queue_apply (RECAP_SITE (object), refresh);
}

void
recap_site_reload_file_async (RecapSite           *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) refresh = g_task_new (self, cancellable, reload_done, task);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_task_set_source_tag (task, recap_site_reload_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_ptr_array_add (files, g_object_ref (file));
  g_task_set_task_data (refresh, files, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (refresh, refresh_thread);
}

RecapPost *
recap_site_reload_file_finish (RecapSite     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return recap_site_find_post (self, g_task_get_task_data (G_TASK (result)));
}

/* What every post reads as depends on _config.yml: all are read again. */
static void
add_every_post (RecapSite *self,
                GPtrArray *files)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  g_debug ("_config.yml changed: reading the %u posts again", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (self->posts), i);
      GFile *file = recap_post_get_file (post);

      if (!g_hash_table_contains (self->pending, g_file_peek_path (file)))
        g_ptr_array_add (files, g_object_ref (file));
    }
}

static gboolean
refresh_pending (gpointer user_data)
{
  RecapSite *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, refresh_done, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer file;
  gboolean config_changed = FALSE;

  self->refresh_source = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &file))
    {
      g_ptr_array_add (files, g_object_ref (file));
      config_changed = config_changed || is_config_file (self, file);
    }
  if (config_changed)
    add_every_post (self, files);
  g_hash_table_remove_all (self->pending);
  g_task_set_task_data (task, files, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, refresh_thread);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RecapSite *self,
               GFile     *file)
{
  if (file == NULL)
    return;
  if (g_hash_table_replace (self->pending, g_file_get_path (file), g_object_ref (file)))
    g_debug ("Changed on disk: %s", g_file_peek_path (file));
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_pending, self);
}

static void
dir_changed (RecapSite         *self,
             GFile             *file,
             GFile             *other_file,
             GFileMonitorEvent  event,
             GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      queue_refresh (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      queue_refresh (self, file);
      queue_refresh (self, other_file);
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/* A post changed or created while the site loaded, after the scan read its
 * folder but before the folder had a monitor, would go unseen: the posts of
 * the watched folders modified since the load began are read again. */
struct _CatchUp {
  GPtrArray    *dirs;        /* GFile */
  gint64        since;       /* µs since the epoch */
  GCancellable *cancellable;
};

static void
catch_up_free (CatchUp *catch_up)
{
  g_ptr_array_unref (catch_up->dirs);
  g_clear_object (&catch_up->cancellable);
  g_free (catch_up);
}

static void
catch_up_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CatchUp *catch_up = task_data;
  GPtrArray *dirs = catch_up->dirs;
  gint64 since = catch_up->since;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr(GFileEnumerator) children =
        g_file_enumerate_children (dirs->pdata[i], G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                   G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                   G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                   G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      GFileInfo *info;
      GFile *child;

      while (children != NULL && g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) &&
             info != NULL)
        {
          g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
              (recap_site_is_post_name (g_file_info_get_name (info)) ||
               is_config_file (source_object, child)) && modified != NULL &&
              g_date_time_to_unix (modified) * G_USEC_PER_SEC + g_date_time_get_microsecond (modified) >= since)
            g_ptr_array_add (changed, g_object_ref (child));
        }
    }
  g_debug ("Catching up after the load: %u posts changed meanwhile", changed->len);
  g_task_return_pointer (task, g_steal_pointer (&changed), (GDestroyNotify) g_ptr_array_unref);
}

static void
caught_up (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecapSite *self = RECAP_SITE (object);
  g_autoptr(GPtrArray) changed = g_task_propagate_pointer (G_TASK (result), NULL);

  for (guint i = 0; changed != NULL && i < changed->len; i++)
    queue_refresh (self, changed->pdata[i]);
}

static void
start_catch_up (RecapSite *self,
                CatchUp   *data)
{
  g_autoptr(GTask) task = g_task_new (self, data->cancellable, caught_up, NULL);

  g_task_set_task_data (task, data, (GDestroyNotify) catch_up_free);
  g_task_run_in_thread (task, catch_up_thread);
}

static void
catch_up (RecapSite    *self,
          GPtrArray    *dirs,
          gint64        since,
          GCancellable *cancellable)
{
  CatchUp *data = g_new0 (CatchUp, 1);

  data->dirs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < dirs->len; i++)
    g_ptr_array_add (data->dirs, g_object_ref (dirs->pdata[i]));
  data->since = since;
  data->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  /* Once the folders are watched: what changes after that, they report. */
  g_clear_pointer (&self->catch_up, catch_up_free);
  if (self->watch_source != 0)
    self->catch_up = data;
  else
    start_catch_up (self, data);
}

static void
watch_dir (RecapSite *self,
           GFile     *dir)
{
  g_autofree char *path = g_file_get_path (dir);
  GFileMonitor *monitor;

  if (path == NULL || g_hash_table_contains (self->monitors, path))
    return;
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (dir_changed), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->monitors, g_steal_pointer (&path), monitor);
}

/* Main-loop time for adding monitors per dispatch: each one took about a
 * millisecond, 8-25 ms for a site's folders in one go. */
#define WATCH_BUDGET_USEC 4000

static gboolean
watch_some_dirs (gpointer user_data)
{
  RecapSite *self = user_data;
  gint64 deadline = g_get_monotonic_time () + WATCH_BUDGET_USEC;
  GFile *dir;

  while ((dir = g_queue_pop_head (&self->unwatched)) != NULL)
    {
      watch_dir (self, dir);
      g_object_unref (dir);
      if (!g_queue_is_empty (&self->unwatched) && g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }
  self->watch_source = 0;
  if (self->catch_up != NULL)
    start_catch_up (self, g_steal_pointer (&self->catch_up));
  return G_SOURCE_REMOVE;
}

/* Watches @dirs, a few between two frames. */
static void
watch_dirs (RecapSite *self,
            GPtrArray *dirs)
{
  for (guint i = 0; i < dirs->len; i++)
    g_queue_push_tail (&self->unwatched, g_object_ref (dirs->pdata[i]));
  if (self->watch_source == 0 && !g_queue_is_empty (&self->unwatched))
    self->watch_source = g_idle_add (watch_some_dirs, self);
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

guint64
recap_site_get_n_reads (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), 0);
  return self->n_reads;
}

guint
recap_site_get_n_watched_dirs (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), 0);
  return g_hash_table_size (self->monitors);
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
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_queue_clear_full (&self->refreshes, (GDestroyNotify) refresh_free);
  g_queue_clear_full (&self->unwatched, g_object_unref);
  g_clear_pointer (&self->catch_up, catch_up_free);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  /* Freeing 50,000 posts took 30-80 ms: a thread does it, once nothing
   * here is connected to the list. */
  if (self->posts != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->posts, self);
      recap_background_free (g_steal_pointer (&self->by_path), (GDestroyNotify) g_tree_unref);
      recap_background_free (g_steal_pointer (&self->posts), g_object_unref);
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
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->by_path = g_tree_new ((GCompareFunc) strcmp);
  g_mutex_init (&self->config_lock);
  self->config = recap_site_config_new_default ();
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
