/* test-site-uri.c: what the preview's recap-site: scheme may serve
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <unistd.h>

#include "recap-site-uri.h"
#include "test-util.h"

/* A site folder next to a file that must never be served. */
typedef struct {
  char *dir;
  char *site;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("recap-site-uri-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->site = g_build_filename (fixture->dir, "site", NULL);
  test_util_write_file (fixture->dir, "secret.txt", "outside the site");
  test_util_write_file (fixture->site, "assets/images/photo.png", "png");
  test_util_write_file (fixture->site, "_posts/2024-01-01-post.md", "# Post");
  test_util_write_file (fixture->site, "_posts/images/local.png", "png");
  test_util_write_file (fixture->site, "my folder/a#b.png", "png");
  test_util_write_file (fixture->site, ".git/config", "[core]");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_util_remove_tree (fixture->dir);
  g_free (fixture->site);
  g_free (fixture->dir);
}

static void
assert_resolves (Fixture    *fixture,
                 const char *uri,
                 const char *relative_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = recap_site_uri_resolve (fixture->site, uri, &error);
  g_autofree char *real_site = realpath (fixture->site, NULL);
  g_autofree char *expected = g_build_filename (real_site, relative_path, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, expected);
}

static void
assert_refused (Fixture    *fixture,
                const char *uri,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = recap_site_uri_resolve (fixture->site, uri, &error);

  g_assert_null (resolved);
  g_assert_error (error, G_IO_ERROR, code);
}

static void
test_base_for (void)
{
  g_autofree char *in_posts = recap_site_uri_base_for ("_posts/2024-03-14-talk.md");
  g_autofree char *at_root = recap_site_uri_base_for ("about.md");
  g_autofree char *escaped = recap_site_uri_base_for ("my notes/#1?/post.md");

  g_assert_cmpstr (in_posts, ==, "recap-site://site/_posts/");
  g_assert_cmpstr (at_root, ==, "recap-site://site/");
  g_assert_cmpstr (escaped, ==, "recap-site://site/my%20notes/%231%3F/");
}

static void
test_site_files (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_resolves (fixture, "recap-site://site/assets/images/photo.png", "assets/images/photo.png");
  assert_resolves (fixture, "recap-site://site/_posts/images/local.png", "_posts/images/local.png");
  assert_resolves (fixture, "recap-site://site/_posts/../assets/images/photo.png?v=2#top",
                   "assets/images/photo.png");
  assert_resolves (fixture, "recap-site://site/my%20folder/a%23b.png", "my folder/a#b.png");
}

static void
test_dot_dot_escapes (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_refused (fixture, "recap-site://site/../secret.txt", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/_posts/../../secret.txt", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/%2e%2e/secret.txt", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/..%2Fsecret.txt", G_IO_ERROR_INVALID_ARGUMENT);
  assert_refused (fixture, "recap-site://site/assets%2F..%2F..%2Fsecret.txt", G_IO_ERROR_INVALID_ARGUMENT);
  assert_refused (fixture, "recap-site://site/x.png%00.txt", G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_symlinks_out_are_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *secret = g_build_filename (fixture->dir, "secret.txt", NULL);
  g_autofree char *absolute_link = g_build_filename (fixture->site, "assets", "absolute.png", NULL);
  g_autofree char *relative_link = g_build_filename (fixture->site, "assets", "relative.png", NULL);
  g_autofree char *folder_link = g_build_filename (fixture->site, "outside", NULL);
  g_autofree char *inside_link = g_build_filename (fixture->site, "assets", "inside.png", NULL);

  g_assert_cmpint (symlink (secret, absolute_link), ==, 0);
  g_assert_cmpint (symlink ("../../secret.txt", relative_link), ==, 0);
  g_assert_cmpint (symlink (fixture->dir, folder_link), ==, 0);
  g_assert_cmpint (symlink ("images/photo.png", inside_link), ==, 0);

  assert_refused (fixture, "recap-site://site/assets/absolute.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/assets/relative.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/outside/secret.txt", G_IO_ERROR_PERMISSION_DENIED);
  assert_resolves (fixture, "recap-site://site/assets/inside.png", "assets/images/photo.png");
}

static void
test_other_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_refused (fixture, "recap-site://site/.git/config", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "recap-site://site/assets", G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (fixture, "recap-site://site/", G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (fixture, "recap-site://site/missing.png", G_IO_ERROR_NOT_FOUND);
  assert_refused (fixture, "recap-site://other/assets/images/photo.png", G_IO_ERROR_INVALID_ARGUMENT);
  assert_refused (fixture, "file:///etc/passwd", G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/site-uri/site-files", test_site_files);
  ADD ("/site-uri/dot-dot-escapes", test_dot_dot_escapes);
  ADD ("/site-uri/symlinks-out-are-refused", test_symlinks_out_are_refused);
  ADD ("/site-uri/other-refusals", test_other_refusals);
#undef ADD
  g_test_add_func ("/site-uri/base-for", test_base_for);

  return g_test_run ();
}
