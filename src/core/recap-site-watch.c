/* recap-site-watch.c
 *
 * Following changes on disk for RecapSite: one GFileMonitor per folder,
 * added a few per dispatch after the load; changed paths collected for
 * REFRESH_DELAY_MS, read again in a thread and applied to the list a few
 * posts per dispatch; the catch-up that reads again what changed while the
 * load ran, before the folders had monitors; and
 * recap_site_reload_file_async(). The list itself, the load and
 * _config.yml are recap-site.c's (shared through recap-site-private.h).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-private.h"

#include "recap-site-scan.h"

#define REFRESH_DELAY_MS 100

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
    if (site_is_config_file (self, files->pdata[i]))
      config = site_load_config (self, cancellable);
  if (config == NULL)
    config = site_dup_config (self);
  for (guint i = 0; i < files->len; i++)
    refresh_file (refresh, root, config, files->pdata[i], cancellable);
  /* A file and its folder may both have changed: each post is read once. */
  for (guint i = refresh->posts->len; i > 0; i--)
    {
      RecapPost *post = refresh->posts->pdata[i - 1];

      if (g_hash_table_contains (refresh->read, site_path_of (post)))
        g_ptr_array_remove_index_fast (refresh->posts, i - 1);
      else
        g_hash_table_insert (refresh->read, (gpointer) site_path_of (post), post);
    }
  /* Sorted, the new posts go in as runs, each run one splice. */
  g_ptr_array_sort (refresh->posts, site_compare_post_pointers);
  g_task_return_pointer (task, refresh, (GDestroyNotify) refresh_free);
}

/* The position of @post, which is listed. */
static guint
position_of (RecapSite *self,
             RecapPost *post)
{
  guint position = recap_site_get_position (self, post);

  g_assert (position != G_MAXUINT);
  return position;
}

/* Removes @post, unless it went already (a folder and a file in it both gone). */
static void
remove_post (RecapSite *self,
             RecapPost *post)
{
  guint position;

  if (g_tree_lookup (self->by_path, site_path_of (post)) != post)
    return;
  position = position_of (self, post);
  g_tree_remove (self->by_path, site_path_of (post));
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
  g_autoptr(RecapPost) post = site_read_item (self, position);
  g_autoptr(RecapPost) before = position > 0 ? site_read_item (self, position - 1) : NULL;
  g_autoptr(RecapPost) after = site_read_item (self, position + 1);

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
  RecapPost *listed = g_tree_lookup (self->by_path, site_path_of (post));
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
  g_tree_remove (self->by_path, site_path_of (kept));
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
  site_insert_sorted (self, refresh->fresh, &refresh->next_fresh, deadline);
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
      site_watch_dirs (self, refresh->dirs);
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
      config_changed = config_changed || site_is_config_file (self, file);
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

/* A post changed, created or deleted while the site loaded, after the scan
 * read its folder but before the folder had a monitor, would go unseen:
 * what changed in the watched folders since the load began is read again. */
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

/* What of @dir, a watched folder, changed since @since, added to
 * @changed: its files that may be posts or the site's configuration, and
 * the folder itself when files came or went in it (it is read again). */
static void
add_changed_since (RecapSite *self,
                   GFile     *dir,
                   gint64     since,
                   GPtrArray *changed)
{
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GPtrArray) names = NULL;
  gboolean dir_changed;

  if (dir_path == NULL)
    return;
  names = recap_site_scan_list_changed_since (dir_path, since, &dir_changed);
  if (dir_changed)
    g_ptr_array_add (changed, g_object_ref (dir));
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, names->pdata[i]);

      if (recap_site_is_post_name (names->pdata[i]) || site_is_config_file (self, child))
        g_ptr_array_add (changed, g_steal_pointer (&child));
    }
}

static void
catch_up_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CatchUp *catch_up = task_data;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < catch_up->dirs->len && !g_cancellable_is_cancelled (cancellable); i++)
    add_changed_since (source_object, catch_up->dirs->pdata[i], catch_up->since, changed);
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

void
site_catch_up (RecapSite    *self,
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
void
site_watch_dirs (RecapSite *self,
            GPtrArray *dirs)
{
  for (guint i = 0; i < dirs->len; i++)
    g_queue_push_tail (&self->unwatched, g_object_ref (dirs->pdata[i]));
  if (self->watch_source == 0 && !g_queue_is_empty (&self->unwatched))
    self->watch_source = g_idle_add (watch_some_dirs, self);
}

guint
recap_site_get_n_watched_dirs (RecapSite *self)
{
  g_return_val_if_fail (RECAP_IS_SITE (self), 0);
  return g_hash_table_size (self->monitors);
}

void
site_init_watching (RecapSite *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
site_stop_watching (RecapSite *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_handle_id (&self->apply_source, g_source_remove);
  g_queue_clear_full (&self->refreshes, (GDestroyNotify) refresh_free);
  g_queue_clear_full (&self->unwatched, g_object_unref);
  g_clear_pointer (&self->catch_up, catch_up_free);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
}
