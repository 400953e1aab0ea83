/* test-index-cache-write.c: the index cache written after a site's load
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "recap-index-cache.h"
#include "recap-post-private.h"
#include "recap-site.h"
#include "test-util.h"

typedef TestUtilDir Fixture;

/* Enough posts that writing their cache takes a while. */
#define N_POSTS 400

static void
write_posts (const char *dir)
{
  for (guint i = 0; i < N_POSTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("_posts/2024-01-01-post-%u.md", i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Post %u\ntags: [a, b]\n---\n"
                                               "Words of post word%u, and some more to fold.\n", i, i);

      test_util_write_file (dir, path, text);
    }
}

/* Returns at once: the cache may be being written. */
static RecapSite *
load (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_site_load_sync (site, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (site)), ==, N_POSTS);
  return g_steal_pointer (&site);
}

/* The posts of the cache on disk now, as a load would take them. */
static guint
n_cached (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(RecapSiteConfig) config = recap_site_config_load (root, NULL);
  g_autoptr(RecapIndexCache) cache = recap_index_cache_load (root, recap_site_config_get_stamp (config));

  return recap_index_cache_get_size (cache);
}

static char *
cache_path (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);

  return recap_index_cache_dup_path (root);
}

/* Each post is found by the word only its body has: its text, from its
 * file or from the cache, is whole. */
static void
assert_posts_whole (RecapSite *site)
{
  for (guint i = 0; i < N_POSTS; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);
      const char *path = recap_post_get_relative_path (post);
      g_autofree char *word = g_strdup_printf ("word%s", strrchr (path, '-') + 1);

      *strrchr (word, '.') = '\0';
      g_assert_true (recap_post_matches (post, word, NULL));
      g_assert_cmpstr (recap_post_get_body (post), ==, strstr (recap_post_get_body (post), "Words of post"));
    }
}

/* The load returns before the cache is written; once it is, it holds every
 * post, and the posts read from their files come to share its texts. */
static void
test_written_after_load (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *cache = cache_path (fixture->dir);
  g_autoptr(RecapSite) site = NULL;
  g_autoptr(RecapPost) first = NULL;
  g_autoptr(RecapPost) last = NULL;

  write_posts (fixture->dir);
  site = load (fixture->dir);
  first = g_list_model_get_item (G_LIST_MODEL (site), 0);
  last = g_list_model_get_item (G_LIST_MODEL (site), N_POSTS - 1);
  recap_site_wait_for_index_cache (site);
  g_assert_cmpuint (n_cached (fixture->dir), ==, N_POSTS);
  /* From the main loop, a few at a time. */
  TEST_UTIL_WAIT_FOR (recap_post_get_search_text (first) != NULL && recap_post_get_search_text (last) != NULL);
  assert_posts_whole (site);
  g_assert_cmpint (g_unlink (cache), ==, 0);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The same after a load in a thread, as the window's: the write starts
 * once the posts are listed. */
static void
test_written_after_async_load (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *cache = cache_path (fixture->dir);
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RecapPost) last = NULL;
  g_autoptr(GError) error = NULL;

  write_posts (fixture->dir);
  recap_site_load_async (site, NULL, store_result, &result);
  TEST_UTIL_WAIT_FOR (result != NULL);
  g_assert_true (recap_site_load_finish (site, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (site)), ==, N_POSTS);
  recap_site_wait_for_index_cache (site);
  g_assert_cmpuint (n_cached (fixture->dir), ==, N_POSTS);
  last = g_list_model_get_item (G_LIST_MODEL (site), N_POSTS - 1);
  TEST_UTIL_WAIT_FOR (recap_post_get_search_text (last) != NULL);
  assert_posts_whole (site);
  g_assert_cmpint (g_unlink (cache), ==, 0);
}

/* A load while another one's cache is being written reads the old cache or
 * the new one, whole, never part of one; no temporary copy stays. */
static void
test_load_during_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *cache = cache_path (fixture->dir);
  g_autofree char *folder = g_path_get_dirname (cache);
  g_autofree char *base = g_path_get_basename (cache);
  /* Other tests write their caches to the folder meanwhile. */
  g_autofree char *temp_prefix = g_strconcat (".", base, NULL);

  write_posts (fixture->dir);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(RecapSite) first = load (fixture->dir);
      g_autoptr(RecapSite) second = load (fixture->dir);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      assert_posts_whole (second);
      recap_site_wait_for_index_cache (first);
      recap_site_wait_for_index_cache (second);
      g_assert_cmpuint (n_cached (fixture->dir), ==, N_POSTS);
      dir = g_dir_open (folder, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, temp_prefix));
      /* Every other round starts without a cache. */
      if (i % 2 == 0)
        g_assert_cmpint (g_unlink (cache), ==, 0);
    }
  g_assert_cmpint (g_unlink (cache), ==, 0);
}

/* A site freed while its cache is written: the write, which owns what it
 * writes, ends on its own with every post's text whole. */
static void
test_site_freed_during_write (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *cache = cache_path (fixture->dir);
  g_autoptr(RecapSite) site = NULL;
  g_autoptr(RecapSite) cached = NULL;

  write_posts (fixture->dir);
  site = load (fixture->dir);
  g_clear_object (&site);
  TEST_UTIL_WAIT_FOR (n_cached (fixture->dir) == N_POSTS);
  cached = load (fixture->dir);
  assert_posts_whole (cached);
  recap_site_wait_for_index_cache (cached);
  g_assert_cmpint (g_unlink (cache), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_util_dir_set_up, func, test_util_dir_tear_down)
  ADD ("/index-cache-write/after-load", test_written_after_load);
  ADD ("/index-cache-write/after-async-load", test_written_after_async_load);
  ADD ("/index-cache-write/load-during-write", test_load_during_write);
  ADD ("/index-cache-write/site-freed-during-write", test_site_freed_during_write);
#undef ADD

  return g_test_run ();
}
