/* recap-index-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-index-cache.h"

#include <errno.h>
#include <glib/gstdio.h>

/* Bump when the post variant changes: an old cache is then ignored. */
#define CACHE_VERSION 3
#define POSTS_TYPE "a" RECAP_POST_VARIANT_TYPE
#define CACHE_TYPE "(u" POSTS_TYPE ")"

struct _RecapIndexCache
{
  GVariant   *index;
  GVariant   *posts;    /* the array inside @index */
  GHashTable *by_path;  /* relative path → position in @posts */
};

static char *
cache_path (GFile *root)
{
  g_autofree char *uri = g_file_get_uri (root);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  return g_build_filename (g_get_user_cache_dir (), "recap", "index", digest, NULL);
}

static void
index_posts (RecapIndexCache *cache)
{
  gsize n = g_variant_n_children (cache->posts);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) post = g_variant_get_child_value (cache->posts, i);
      const char *relative_path = NULL;

      /* Keys point into the mapped cache, which outlives the table. */
      g_variant_get_child (post, 4, "&s", &relative_path);
      g_hash_table_insert (cache->by_path, (gpointer) relative_path, GSIZE_TO_POINTER (i));
    }
}

RecapIndexCache *
recap_index_cache_load (GFile *root)
{
  RecapIndexCache *cache = g_new0 (RecapIndexCache, 1);
  g_autofree char *path = cache_path (root);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
  guint version = 0;

  cache->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  if (bytes == NULL)
    return cache;

  /* GVariant reads untrusted data safely: a damaged cache only gives wrong
   * stamps, and those send the posts back to their files. */
  cache->index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE));
  g_variant_get (cache->index, "(u@" POSTS_TYPE ")", &version, &cache->posts);
  if (version != CACHE_VERSION)
    g_clear_pointer (&cache->posts, g_variant_unref);
  if (cache->posts != NULL)
    index_posts (cache);
  return cache;
}

void
recap_index_cache_free (RecapIndexCache *cache)
{
  g_clear_pointer (&cache->by_path, g_hash_table_unref);
  g_clear_pointer (&cache->posts, g_variant_unref);
  g_clear_pointer (&cache->index, g_variant_unref);
  g_free (cache);
}

guint
recap_index_cache_get_size (RecapIndexCache *cache)
{
  return g_hash_table_size (cache->by_path);
}

RecapPost *
recap_index_cache_lookup (RecapIndexCache *cache,
                          GFile           *file,
                          const char      *relative_path,
                          guint64          size,
                          gint64           mtime)
{
  g_autoptr(GVariant) entry = NULL;
  gpointer position;
  guint64 cached_size, cached_mtime;

  if (!g_hash_table_lookup_extended (cache->by_path, relative_path, NULL, &position))
    return NULL;
  entry = g_variant_get_child_value (cache->posts, GPOINTER_TO_SIZE (position));
  g_variant_get_child (entry, 0, "t", &cached_size);
  g_variant_get_child (entry, 1, "t", &cached_mtime);
  if (cached_size != size || (gint64) cached_mtime != mtime)
    return NULL;
  return recap_post_new_from_variant (file, entry);
}

gboolean
recap_index_cache_save (GFile      *root,
                        GPtrArray  *posts,
                        GError    **error)
{
  g_autofree char *path = cache_path (root);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE (POSTS_TYPE));
  g_autoptr(GVariant) index = NULL;

  for (guint i = 0; i < posts->len; i++)
    {
      GVariant *post = recap_post_serialize (posts->pdata[i]);

      if (post != NULL)
        g_variant_builder_add_value (builder, post);
    }
  index = g_variant_ref_sink (g_variant_new (CACHE_TYPE, CACHE_VERSION, builder));

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents (path, g_variant_get_data (index), g_variant_get_size (index), error);
}
