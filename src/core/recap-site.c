/* recap-site.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-file-util.h"

struct _RecapSite
{
  GObject     parent_instance;

  GFile      *root;
  GListStore *posts;
  GStrv       layouts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapSite, recap_site, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define ENUMERATE_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE

/* One scan, owned by its worker thread. */
typedef struct
{
  GFile        *root;
  GHashTable   *visited_dirs; /* "device:inode", so that symlink loops end */
  GPtrArray    *posts;
  GPtrArray    *layouts;      /* names of the files in _layouts, without extension */
  GCancellable *cancellable;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_object (&scan->root);
  g_clear_pointer (&scan->visited_dirs, g_hash_table_unref);
  g_clear_pointer (&scan->posts, g_ptr_array_unref);
  g_clear_pointer (&scan->layouts, g_ptr_array_unref);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scan, scan_free)

static Scan *
scan_new (GFile        *root,
          GCancellable *cancellable)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->root = g_object_ref (root);
  scan->visited_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->posts = g_ptr_array_new_with_free_func (g_object_unref);
  scan->layouts = g_ptr_array_new_with_free_func (g_free);
  scan->cancellable = cancellable;
  return scan;
}

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

static gboolean
scan_first_visit (Scan      *scan,
                  GFileInfo *dir_info)
{
  char *key = g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                               g_file_info_get_attribute_uint32 (dir_info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                               g_file_info_get_attribute_uint64 (dir_info, G_FILE_ATTRIBUTE_UNIX_INODE));

  return g_hash_table_add (scan->visited_dirs, key);
}

static void
scan_add_post (Scan  *scan,
               GFile *file)
{
  g_autofree char *relative_path = g_file_get_relative_path (scan->root, file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (recap_file_read_text (file, scan->cancellable, &text, &len, &error))
    g_ptr_array_add (scan->posts, recap_post_new_from_text (file, relative_path, text, len));
  else
    g_ptr_array_add (scan->posts, recap_post_new_unreadable (file, relative_path, error->message));
}

static void scan_dir (Scan *scan, GFile *dir, GFileInfo *dir_info);

/* Jekyll's layouts are the files of the site's _layouts folder. */
static void
scan_layouts (Scan  *scan,
              GFile *dir)
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

static void
scan_child (Scan      *scan,
            GFile     *dir,
            GFileInfo *info)
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
scan_dir (Scan      *scan,
          GFile     *dir,
          GFileInfo *dir_info)
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

  while (g_file_enumerator_iterate (children, &info, NULL, scan->cancellable, NULL) && info != NULL)
    scan_child (scan, dir, info);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* g_ptr_array_sort() passes pointers to the elements (GLib 2.74 has no _sort_values). */
static int
compare_post_pointers (gconstpointer a,
                       gconstpointer b)
{
  return recap_post_compare (*(RecapPost **) a, *(RecapPost **) b);
}

static gboolean
scan_run (Scan    *scan,
          GError **error)
{
  g_autoptr(GFileInfo) root_info = g_file_query_info (scan->root, ENUMERATE_ATTRIBUTES,
                                                      G_FILE_QUERY_INFO_NONE,
                                                      scan->cancellable, error);

  if (root_info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (root_info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder"), g_file_peek_path (scan->root));
      return FALSE;
    }

  scan_dir (scan, scan->root, root_info);
  g_ptr_array_sort (scan->posts, compare_post_pointers);
  return !g_cancellable_set_error_if_cancelled (scan->cancellable, error);
}

static void
recap_site_publish (RecapSite *self,
                    Scan      *scan)
{
  g_strfreev (self->layouts);
  g_ptr_array_sort (scan->layouts, compare_strings);
  g_ptr_array_add (scan->layouts, NULL);
  self->layouts = g_strdupv ((GStrv) scan->layouts->pdata);
  g_list_store_splice (self->posts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->posts)),
                       scan->posts->pdata, scan->posts->len);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scan *scan = task_data;
  GError *error = NULL;

  if (scan_run (scan, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
recap_site_load_async (RecapSite           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RECAP_IS_SITE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_site_load_async);
  g_task_set_task_data (task, scan_new (self->root, cancellable), (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_thread);
}

gboolean
recap_site_load_finish (RecapSite     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  recap_site_publish (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

gboolean
recap_site_load_sync (RecapSite     *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(Scan) scan = scan_new (self->root, cancellable);

  g_return_val_if_fail (RECAP_IS_SITE (self), FALSE);

  if (!scan_run (scan, error))
    return FALSE;
  recap_site_publish (self, scan);
  return TRUE;
}

RecapPost *
recap_site_find_post (RecapSite *self,
                      GFile     *file)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->posts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (self->posts), i);
      if (g_file_equal (recap_post_get_file (post), file))
        return post;
    }
  return NULL;
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

  g_clear_object (&self->posts);
  g_clear_object (&self->root);
  g_clear_pointer (&self->layouts, g_strfreev);

  G_OBJECT_CLASS (recap_site_parent_class)->dispose (object);
}

static void
recap_site_class_init (RecapSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = recap_site_dispose;
}

static void
recap_site_init (RecapSite *self)
{
  self->posts = g_list_store_new (RECAP_TYPE_POST);
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
