/* recap-site-scan.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-scan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recap-background.h"
#include "recap-file-util.h"
#include "recap-post-private.h"
#include "recap-site.h"

#define ROOT_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

/* A post file found by the walk, with what tells whether it changed. */
typedef struct {
  char     *relative_path;
  guint64   size;
  gint64    mtime;
  gboolean  stamped;    /* size and mtime known yet */
} FoundFile;

struct _RecapSiteScan
{
  GFile                  *root;
  RecapSiteConfig        *config;
  int                     root_fd;      /* for the readers' fstatat() */
  GCancellable           *cancellable;
  GHashTable             *visited_dirs; /* "device:inode", so that symlink loops end */
  GPtrArray              *dirs;
  GArray                 *files;        /* FoundFile, found by the walk, read afterwards */
  RecapIndexCache        *cache;        /* may be NULL */
  GPtrArray              *all;          /* every post found, for the next cache */
  guint                   n_read;       /* posts read from their files, not the cache */
  guint                   next_file;    /* the readers' next file to claim, atomic */
  GPtrArray              *chunks;       /* under posts_lock: read chunks waiting for earlier ones */
  guint                   next_chunk;   /* under posts_lock: the next chunk to add to @posts */
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
  g_clear_pointer (&((FoundFile *) data)->relative_path, g_free);
}

/* Chunks not added yet are NULL. */
static void
free_chunk (gpointer chunk)
{
  g_clear_pointer (&chunk, g_ptr_array_unref);
}

RecapSiteScan *
recap_site_scan_new (GFile           *root,
                     RecapSiteConfig *config,
                     GCancellable    *cancellable)
{
  RecapSiteScan *scan = g_new0 (RecapSiteScan, 1);

  scan->root = g_object_ref (root);
  scan->config = config ? recap_site_config_ref (config) : recap_site_config_new_default ();
  scan->root_fd = -1;
  scan->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  scan->visited_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->dirs = g_ptr_array_new_with_free_func (g_object_unref);
  scan->files = g_array_new (FALSE, FALSE, sizeof (FoundFile));
  g_array_set_clear_func (scan->files, clear_found_file);
  scan->all = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&scan->posts_lock);
  scan->posts = g_ptr_array_new_with_free_func (g_object_unref);
  scan->chunks = g_ptr_array_new_with_free_func (free_chunk);
  scan->layouts = g_ptr_array_new_with_free_func (g_free);
  return scan;
}

void
recap_site_scan_free (RecapSiteScan *scan)
{
  g_clear_object (&scan->root);
  g_clear_pointer (&scan->config, recap_site_config_unref);
  if (scan->root_fd >= 0)
    close (scan->root_fd);
  g_clear_object (&scan->cancellable);
  g_clear_pointer (&scan->visited_dirs, g_hash_table_unref);
  g_clear_pointer (&scan->dirs, g_ptr_array_unref);
  g_clear_pointer (&scan->files, g_array_unref);
  g_clear_pointer (&scan->all, g_ptr_array_unref);
  g_clear_pointer (&scan->posts, g_ptr_array_unref);
  g_clear_pointer (&scan->chunks, g_ptr_array_unref);
  g_mutex_clear (&scan->posts_lock);
  g_clear_pointer (&scan->layouts, g_ptr_array_unref);
  g_free (scan);
}

void
recap_site_scan_set_config (RecapSiteScan   *scan,
                            RecapSiteConfig *config)
{
  g_clear_pointer (&scan->config, recap_site_config_unref);
  scan->config = recap_site_config_ref (config);
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

RecapIndexCacheSnapshot *
recap_site_scan_snapshot_cache (RecapSiteScan *scan)
{
  gboolean unchanged = scan->cache != NULL && scan->n_read == 0 &&
                       recap_index_cache_get_size (scan->cache) == scan->all->len;

  g_debug ("Scan: %u posts, %u read from their files: the index cache is %s",
           scan->all->len, scan->n_read, unchanged ? "up to date" : "out of date");
  return unchanged ? NULL : recap_index_cache_snapshot_new (scan->all);
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
recap_site_read_post (GFile           *root,
                      RecapSiteConfig *config,
                      GFile           *file,
                      GCancellable    *cancellable)
{
  g_autofree char *relative_path = g_file_get_relative_path (root, file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (relative_path == NULL)
    relative_path = g_file_get_basename (file);
  if (!recap_file_read_text (file, cancellable, &text, &len, &error))
    return recap_post_new_unreadable (file, relative_path, error->message);
  return recap_post_new_for_site (file, relative_path, config, text, len);
}

static void
stamp (FoundFile         *found,
       const struct stat *st)
{
  found->size = st->st_size;
  found->mtime = recap_file_mtime_usec (st);
  found->stamped = TRUE;
}

/* From the cache while the file is as it was, else from the file; NULL
 * when it is gone or no plain file. */
static RecapPost *
read_found_file (RecapSiteScan *scan,
                 FoundFile     *found)
{
  g_autoptr(GFile) file = NULL;
  RecapPost *post = NULL;
  struct stat st;

  /* Plain files are looked at here rather than in the walk: readers run in parallel. */
  if (!found->stamped)
    {
      if (fstatat (scan->root_fd, found->relative_path, &st, 0) != 0 || !S_ISREG (st.st_mode))
        return NULL;
      stamp (found, &st);
    }
  if (scan->cache != NULL)
    post = recap_index_cache_lookup (scan->cache, scan->root, found->relative_path, found->size, found->mtime);
  if (post != NULL)
    return post;

  file = g_file_resolve_relative_path (scan->root, found->relative_path);
  post = recap_site_read_post (scan->root, scan->config, file, scan->cancellable);
  recap_post_set_file_stamp (post, found->size, found->mtime);
  g_atomic_int_inc (&scan->n_read);
  return post;
}

/* Files a reader claims at a time. */
#define READ_CHUNK 16

/* Adds the posts of a chunk of files, in the order of the files: a chunk
 * waits for those before it. Hands full batches on, in order too. */
static void
scan_add_chunk (RecapSiteScan *scan,
                guint          chunk,
                GPtrArray     *posts)
{
  g_mutex_lock (&scan->posts_lock);
  for (guint i = 0; i < posts->len; i++)
    g_ptr_array_add (scan->all, g_object_ref (posts->pdata[i]));
  g_assert (chunk < scan->chunks->len && scan->chunks->pdata[chunk] == NULL);
  scan->chunks->pdata[chunk] = posts;
  while (scan->next_chunk < scan->chunks->len && scan->chunks->pdata[scan->next_chunk] != NULL)
    {
      g_ptr_array_extend_and_steal (scan->posts, scan->chunks->pdata[scan->next_chunk]);
      scan->chunks->pdata[scan->next_chunk++] = NULL;
    }
  if (scan->batch_func != NULL && scan->posts->len >= scan->batch_size)
    scan->batch_func (recap_site_scan_take_posts (scan), scan->batch_data);
  g_mutex_unlock (&scan->posts_lock);
}

/* Reads the files a chunk after another: parsing front matter is most of
 * indexing, so readers on each core share it. */
static gpointer
read_posts (gpointer data)
{
  RecapSiteScan *scan = data;
  guint first;

  while (!g_cancellable_is_cancelled (scan->cancellable) &&
         (first = g_atomic_int_add (&scan->next_file, READ_CHUNK)) < scan->files->len)
    {
      GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = first; i < MIN (first + READ_CHUNK, scan->files->len); i++)
        {
          RecapPost *post = read_found_file (scan, &g_array_index (scan->files, FoundFile, i));

          if (post != NULL)
            g_ptr_array_add (posts, post);
        }
      scan_add_chunk (scan, first / READ_CHUNK, posts);
    }
  return NULL;
}

static const char *
found_name (const FoundFile *found)
{
  const char *slash = strrchr (found->relative_path, G_DIR_SEPARATOR);

  return slash ? slash + 1 : found->relative_path;
}

/* Jekyll's post names start with their date: those by name, last first,
 * then the others (drafts, notes), is about the order the site lists posts
 * in (newest first, undated last), so that most posts land after those
 * already listed, where inserting is cheapest for the views on the list. */
static int
newest_name_first (gconstpointer a,
                   gconstpointer b)
{
  const char *name_a = found_name (a), *name_b = found_name (b);
  gboolean dated_a = g_ascii_isdigit (name_a[0]), dated_b = g_ascii_isdigit (name_b[0]);

  if (dated_a != dated_b)
    return dated_a ? -1 : 1;
  return dated_a ? strcmp (name_b, name_a) : strcmp (name_a, name_b);
}

static void
read_files (RecapSiteScan *scan)
{
  g_array_sort (scan->files, newest_name_first);
  scan->next_file = 0;
  scan->next_chunk = 0;
  g_ptr_array_set_size (scan->chunks, (scan->files->len + READ_CHUNK - 1) / READ_CHUNK);
  recap_background_run_on_each_core ("recap-reader", read_posts, scan);
  g_array_set_size (scan->files, 0);
  /* Cancelled: the chunks no reader got to. */
  g_ptr_array_set_size (scan->chunks, 0);
}

static gboolean
scan_first_visit (RecapSiteScan *scan,
                  guint64        device,
                  guint64        inode)
{
  return g_hash_table_add (scan->visited_dirs,
                           g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, device, inode));
}

/* Jekyll's layouts are the files of the site's _layouts folder. */
static void
scan_layouts (RecapSiteScan *scan,
              const char    *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (scan->layouts, g_strndup (name, strcspn (name, ".")));
}

static void scan_dir (RecapSiteScan *scan, const char *path, const char *relative_path,
                      const struct stat *st);

static void
scan_child_dir (RecapSiteScan     *scan,
                const char        *dir_path,
                const char        *relative_dir,
                const char        *name,
                const struct stat *st)
{
  g_autofree char *path = g_build_filename (dir_path, name, NULL);
  g_autofree char *relative_path = g_build_filename (relative_dir, name, NULL);

  if (g_str_equal (name, "_layouts") && *relative_dir == '\0')
    scan_layouts (scan, path);
  else if (!recap_site_is_skipped_dir (name))
    scan_dir (scan, path, relative_path, st);
}

static void
scan_entry (RecapSiteScan       *scan,
            DIR                 *dir,
            const char          *dir_path,
            const char          *relative_dir,
            const struct dirent *entry)
{
  const char *name = entry->d_name;
  gboolean plain = entry->d_type == DT_REG;
  FoundFile found = { NULL };
  struct stat st;

  /* Hidden files and folders are never posts; the temporary copies a
   * killed save left are removed on the way. */
  if (name[0] == '.')
    {
      recap_file_remove_stale_temp (dirfd (dir), name);
      return;
    }
  if (plain && !recap_site_is_post_name (name))
    return;
  /* Following symlinks lets people link shared notes in; the visited set ends loops. */
  if (!plain && fstatat (dirfd (dir), name, &st, 0) != 0)
    return;
  if (!plain && S_ISDIR (st.st_mode))
    scan_child_dir (scan, dir_path, relative_dir, name, &st);
  else if ((plain || S_ISREG (st.st_mode)) && recap_site_is_post_name (name))
    {
      found.relative_path = g_build_filename (relative_dir, name, NULL);
      if (!plain)
        stamp (&found, &st);
      g_array_append_val (scan->files, found);
    }
}

/* With the POSIX calls rather than GFileEnumerator: its objects for each
 * entry cost more than everything else an index from the cache does. */
static void
scan_dir (RecapSiteScan     *scan,
          const char        *path,
          const char        *relative_path,
          const struct stat *st)
{
  DIR *dir;
  struct dirent *entry;

  if (!scan_first_visit (scan, st->st_dev, st->st_ino) || (dir = opendir (path)) == NULL)
    return;

  g_ptr_array_add (scan->dirs, g_file_new_for_path (path));
  while (!g_cancellable_is_cancelled (scan->cancellable) && (entry = readdir (dir)) != NULL)
    scan_entry (scan, dir, path, relative_path, entry);
  closedir (dir);
}

gboolean
recap_site_scan_run (RecapSiteScan  *scan,
                     GFile          *dir,
                     GError        **error)
{
  g_autoptr(GFileInfo) dir_info = g_file_query_info (dir, ROOT_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                                     scan->cancellable, error);
  g_autofree char *relative_path = NULL;
  struct stat st = { 0 };

  if (dir_info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (dir_info) != G_FILE_TYPE_DIRECTORY || g_file_peek_path (dir) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder"), g_file_peek_path (dir));
      return FALSE;
    }

  if (scan->root_fd < 0)
    scan->root_fd = open (g_file_peek_path (scan->root), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (scan->root_fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
                   g_file_peek_path (scan->root), g_strerror (saved_errno));
      return FALSE;
    }

  relative_path = g_file_get_relative_path (scan->root, dir);
  st.st_dev = g_file_info_get_attribute_uint32 (dir_info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
  st.st_ino = g_file_info_get_attribute_uint64 (dir_info, G_FILE_ATTRIBUTE_UNIX_INODE);
  scan_dir (scan, g_file_peek_path (dir), relative_path ? relative_path : "", &st);
  g_debug ("Scan of %s: %u post files in %u folders", g_file_peek_path (dir), scan->files->len, scan->dirs->len);
  read_files (scan);
  return !g_cancellable_set_error_if_cancelled (scan->cancellable, error);
}

/* Margins for the file system's clock, see the header. */
#define FINE_CLOCK_LAG_USEC   (20 * 1000)
#define COARSE_CLOCK_LAG_USEC (2 * G_USEC_PER_SEC)

typedef struct {
  char   *name;
  gint64  mtime;
} Stamped;

static void
stamped_clear (Stamped *stamped)
{
  g_free (stamped->name);
}

GPtrArray *
recap_site_scan_list_changed_since (const char *dir,
                                    gint64      since,
                                    gboolean   *dir_changed)
{
  g_autoptr(GDir) children = NULL;
  g_autoptr(GArray) recent = g_array_new (FALSE, FALSE, sizeof (Stamped));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  gboolean sub_second = FALSE;
  const char *name;
  struct stat st;
  gint64 dir_mtime, lag;

  *dir_changed = FALSE;
  /* Its time before its files: an entry that comes meanwhile is listed or changes it later. */
  if (g_stat (dir, &st) != 0 || (children = g_dir_open (dir, 0, NULL)) == NULL)
    return names;
  dir_mtime = recap_file_mtime_usec (&st);
  sub_second = dir_mtime % G_USEC_PER_SEC != 0;
  g_array_set_clear_func (recent, (GDestroyNotify) stamped_clear);
  /* GDir and stat: a GFileEnumerator's GFileInfo and GFile for each file
   * made this 0.8 s of a processor at 100,000 posts, after each load. */
  while ((name = g_dir_read_name (children)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 mtime;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      mtime = recap_file_mtime_usec (&st);
      sub_second |= mtime % G_USEC_PER_SEC != 0;
      if (mtime >= since - COARSE_CLOCK_LAG_USEC)
        g_array_append_val (recent, ((Stamped) { g_strdup (name), mtime }));
    }
  lag = sub_second ? FINE_CLOCK_LAG_USEC : COARSE_CLOCK_LAG_USEC;
  *dir_changed = dir_mtime >= since - lag;
  for (guint i = 0; i < recent->len; i++)
    {
      Stamped *stamped = &g_array_index (recent, Stamped, i);

      if (stamped->mtime >= since - lag)
        g_ptr_array_add (names, g_steal_pointer (&stamped->name));
    }
  return names;
}
