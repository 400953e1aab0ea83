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
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

struct _RecapSiteScan
{
  GFile                  *root;
  GCancellable           *cancellable;
  GHashTable             *visited_dirs; /* "device:inode", so that symlink loops end */
  GPtrArray              *dirs;
  GPtrArray              *posts;
  GPtrArray              *layouts;
  guint                   batch_size;
  RecapSiteScanBatchFunc  batch_func;
  gpointer                batch_data;
};

RecapSiteScan *
recap_site_scan_new (GFile        *root,
                     GCancellable *cancellable)
{
  RecapSiteScan *scan = g_new0 (RecapSiteScan, 1);

  scan->root = g_object_ref (root);
  scan->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  scan->visited_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->dirs = g_ptr_array_new_with_free_func (g_object_unref);
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
  g_clear_pointer (&scan->posts, g_ptr_array_unref);
  g_clear_pointer (&scan->layouts, g_ptr_array_unref);
  g_free (scan);
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

static void
scan_add_post (RecapSiteScan *scan,
               GFile         *file)
{
  g_ptr_array_add (scan->posts, recap_site_read_post (scan->root, file, scan->cancellable));
  if (scan->batch_func != NULL && scan->posts->len >= scan->batch_size)
    scan->batch_func (recap_site_scan_take_posts (scan), scan->batch_data);
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
        scan_add_post (scan, child);
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
  return !g_cancellable_set_error_if_cancelled (scan->cancellable, error);
}
