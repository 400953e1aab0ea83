/* recap-site-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-scan.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-file-util.h"
#include "recap-site.h"

#define ENUMERATE_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

/* A post file found by the walk, with what tells whether it changed. */
typedef struct {
  GFile   *file;
  guint64  size;
  gint64   mtime;
} FoundFile;

struct _RecapSiteScan
{
  GFile                  *root;
  GCancellable           *cancellable;
  GHashTable             *visited_dirs; /* "device:inode", so that symlink loops end */
  GPtrArray              *dirs;
  GArray                 *files;        /* FoundFile, found by the walk, read afterwards */
  RecapIndexCache        *cache;        /* may be NULL */
  GPtrArray              *all;          /* every post found, for the next cache */
  guint                   n_read;       /* posts read from their files, not the cache */
  GMutex                  posts_lock;   /* readers run in parallel */
  GPtrArray              *posts;
  GPtrArray              *layouts;
  guint                   batch_size;
  RecapSiteScanBatchFunc  batch_func;
  gpointer                batch_data;
};

static void
clear_found_file (gpointer data)
{
  g_clear_object (&((FoundFile *) data)->file);
}

RecapSiteScan *
recap_site_scan_new (GFile        *root,
                     GCancellable *cancellable)
{
  RecapSiteScan *scan = g_new0 (RecapSiteScan, 1);

  scan->root = g_object_ref (root);
  scan->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  scan->visited_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->dirs = g_ptr_array_new_with_free_func (g_object_unref);
  scan->files = g_array_new (FALSE, FALSE, sizeof (FoundFile));
  g_array_set_clear_func (scan->files, clear_found_file);
  scan->all = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&scan->posts_lock);
  scan->posts = g_ptr_array_new_with_free_func (g_object_unref);
  scan->layouts = g_ptr_array_new_with_free_func (g_free);
  return scan;
}

void
recap_site_scan_free (RecapSiteScan *scan)
{
  g_clear_object (&scan->root);
  g_clear_object (&scan->cancellable);
  g_clear_pointer (&scan->visited_dirs, g_hash_table_unref);
  g_clear_pointer (&scan->dirs, g_ptr_array_unref);
  g_clear_pointer (&scan->files, g_array_unref);
  g_clear_pointer (&scan->all, g_ptr_array_unref);
  g_clear_pointer (&scan->posts, g_ptr_array_unref);
  g_mutex_clear (&scan->posts_lock);
  g_clear_pointer (&scan->layouts, g_ptr_array_unref);
  g_free (scan);
}

void
recap_site_scan_set_cache (RecapSiteScan   *scan,
                           RecapIndexCache *cache)
{
  scan->cache = cache;
}

guint
recap_site_scan_get_n_read (RecapSiteScan *scan)
{
  return g_atomic_int_get (&scan->n_read);
}

gboolean
recap_site_scan_update_cache (RecapSiteScan  *scan,
                              GError        **error)
{
  gboolean unchanged = scan->cache != NULL && scan->n_read == 0 &&
                       recap_index_cache_get_size (scan->cache) == scan->all->len;

  return unchanged || recap_index_cache_save (scan->root, scan->all, error);
}

void
recap_site_scan_set_batch_func (RecapSiteScan          *scan,
                                guint                   batch_size,
                                RecapSiteScanBatchFunc  func,
                                gpointer                user_data)
{
  scan->batch_size = MAX (batch_size, 1);
  scan->batch_func = func;
  scan->batch_data = user_data;
}

GPtrArray *
recap_site_scan_take_posts (RecapSiteScan *scan)
{
  GPtrArray *posts = g_steal_pointer (&scan->posts);

  scan->posts = g_ptr_array_new_with_free_func (g_object_unref);
  return posts;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GStrv
recap_site_scan_dup_layouts (RecapSiteScan *scan)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv layouts;

  g_ptr_array_sort (scan->layouts, compare_strings);
  for (guint i = 0; i < scan->layouts->len; i++)
    g_strv_builder_add (builder, scan->layouts->pdata[i]);
  layouts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return layouts;
}

GPtrArray *
recap_site_scan_get_dirs (RecapSiteScan *scan)
{
  return scan->dirs;
}

RecapPost *
recap_site_read_post (GFile        *root,
                      GFile        *file,
                      GCancellable *cancellable)
{
  g_autofree char *relative_path = g_file_get_relative_path (root, file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (relative_path == NULL)
    relative_path = g_file_get_basename (file);
  if (!recap_file_read_text (file, cancellable, &text, &len, &error))
    return recap_post_new_unreadable (file, relative_path, error->message);
  return recap_post_new_from_text (file, relative_path, text, len);
}

/* From the cache while the file is as it was, else from the file. */
static RecapPost *
read_found_file (RecapSiteScan *scan,
                 FoundFile     *found)
{
  g_autofree char *relative_path = g_file_get_relative_path (scan->root, found->file);
  RecapPost *post = NULL;

  if (scan->cache != NULL && relative_path != NULL)
    post = recap_index_cache_lookup (scan->cache, found->file, relative_path, found->size, found->mtime);
  if (post != NULL)
    return post;

  post = recap_site_read_post (scan->root, found->file, scan->cancellable);
  recap_post_set_file_stamp (post, found->size, found->mtime);
  g_atomic_int_inc (&scan->n_read);
  return post;
}

/* Adds a reader's posts; hands full batches on. */
static void
scan_add_posts (RecapSiteScan *scan,
                GPtrArray     *posts)
{
  g_autoptr(GPtrArray) batch = NULL;

  g_mutex_lock (&scan->posts_lock);
  for (guint i = 0; i < posts->len; i++)
    g_ptr_array_add (scan->all, g_object_ref (posts->pdata[i]));
  g_ptr_array_extend_and_steal (scan->posts, posts);
  if (scan->batch_func != NULL && scan->posts->len >= scan->batch_size)
    batch = recap_site_scan_take_posts (scan);
  g_mutex_unlock (&scan->posts_lock);

  if (batch != NULL)
    scan->batch_func (g_steal_pointer (&batch), scan->batch_data);
}

typedef struct {
  RecapSiteScan *scan;
  guint          first;
  guint          step;
} Reader;

/* Reads every step-th file from first: parsing front matter is most of
 * indexing, so readers on each core share it. */
static gpointer
read_posts (gpointer data)
{
  Reader *reader = data;
  RecapSiteScan *scan = reader->scan;
  guint batch_size = scan->batch_func ? scan->batch_size : G_MAXUINT;
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = reader->first; i < scan->files->len; i += reader->step)
    {
      if (g_cancellable_is_cancelled (scan->cancellable))
        break;
      g_ptr_array_add (posts, read_found_file (scan, &g_array_index (scan->files, FoundFile, i)));
      if (posts->len >= MIN (batch_size, 64))
        {
          scan_add_posts (scan, posts);
          posts = g_ptr_array_new_with_free_func (g_object_unref);
        }
    }
  scan_add_posts (scan, posts);
  return NULL;
}

static void
read_files (RecapSiteScan *scan)
{
  guint n_readers = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree Reader *readers = g_new0 (Reader, n_readers);
  g_autofree GThread **threads = g_new0 (GThread *, n_readers);

  for (guint i = 0; i < n_readers; i++)
    {
      readers[i] = (Reader) { scan, i, n_readers };
      /* The calling thread is a reader too. */
      if (i > 0)
        threads[i] = g_thread_new ("recap-reader", read_posts, &readers[i]);
    }
  read_posts (&readers[0]);
  for (guint i = 1; i < n_readers; i++)
    g_thread_join (threads[i]);
  g_array_set_size (scan->files, 0);
}

static gboolean
scan_first_visit (RecapSiteScan *scan,
                  GFileInfo     *dir_info)
{
  char *key = g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                               g_file_info_get_attribute_uint32 (dir_info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                               g_file_info_get_attribute_uint64 (dir_info, G_FILE_ATTRIBUTE_UNIX_INODE));

  return g_hash_table_add (scan->visited_dirs, key);
}

/* Jekyll's layouts are the files of the site's _layouts folder. */
static void
scan_layouts (RecapSiteScan *scan,
              GFile         *dir)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                               scan->cancellable, NULL);
  GFileInfo *info;

  while (children && g_file_enumerator_iterate (children, &info, NULL, scan->cancellable, NULL) && info)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.')
        g_ptr_array_add (scan->layouts, g_strndup (name, strcspn (name, ".")));
    }
}

static void scan_dir (RecapSiteScan *scan, GFile *dir, GFileInfo *dir_info);

static void
scan_child (RecapSiteScan *scan,
            GFile         *dir,
            GFileInfo     *info)
{
  const char *name = g_file_info_get_name (info);
  g_autoptr(GFile) child = g_file_get_child (dir, name);

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      if (g_str_equal (name, "_layouts") && g_file_equal (dir, scan->root))
        scan_layouts (scan, child);
      else if (!recap_site_is_skipped_dir (name))
        scan_dir (scan, child, info);
      break;
    case G_FILE_TYPE_REGULAR:
      if (recap_site_is_post_name (name))
        {
          FoundFile found = {
            g_steal_pointer (&child),
            g_file_info_get_size (info),
            g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
            g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
          };
          g_array_append_val (scan->files, found);
        }
      break;
    default:
      break;
    }
}

static void
scan_dir (RecapSiteScan *scan,
          GFile         *dir,
          GFileInfo     *dir_info)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (!scan_first_visit (scan, dir_info))
    return;

  /* Following symlinks lets people link shared notes in; the visited set ends loops. */
  children = g_file_enumerate_children (dir, ENUMERATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                        scan->cancellable, NULL);
  if (children == NULL)
    return;

  g_ptr_array_add (scan->dirs, g_object_ref (dir));
  while (g_file_enumerator_iterate (children, &info, NULL, scan->cancellable, NULL) && info != NULL)
    scan_child (scan, dir, info);
}

gboolean
recap_site_scan_run (RecapSiteScan  *scan,
                     GFile          *dir,
                     GError        **error)
{
  g_autoptr(GFileInfo) dir_info = g_file_query_info (dir, ENUMERATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                                     scan->cancellable, error);

  if (dir_info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (dir_info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder"), g_file_peek_path (dir));
      return FALSE;
    }

  scan_dir (scan, dir, dir_info);
  read_files (scan);
  return !g_cancellable_set_error_if_cancelled (scan->cancellable, error);
}
