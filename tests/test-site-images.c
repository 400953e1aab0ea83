/* test-site-images.c: the image folder a site uses, image names, links and _config.yml's baseurl
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-liquid-url.h"
#include "recap-post.h"
#include "recap-site-config.h"
#include "recap-site-images.h"
#include "test-util.h"

/* A model of posts, each given as "relative/path.md", "body". */
static GListModel *
make_posts (const char *first,
            ...)
{
  GListStore *store = g_list_store_new (RECAP_TYPE_POST);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      const char *body = va_arg (args, const char *);
      g_autofree char *text = g_strdup_printf ("---\ntitle: T\n---\n%s", body);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RecapPost) post = recap_post_new_from_text (file, path, text, strlen (text));

      g_list_store_append (store, post);
    }
  va_end (args);
  return G_LIST_MODEL (store);
}

static void
assert_guess (GListModel *posts,
              const char *baseurl,
              const char *expected)
{
  g_autofree char *folder = recap_site_images_guess_folder (posts, baseurl);

  g_assert_cmpstr (folder, ==, expected);
}

static void
test_guess_majority (void)
{
  /* Two posts link into assets/img, one (with many images) into assets/images. */
  g_autoptr(GListModel) posts =
    make_posts ("_posts/2024-01-01-a.md", "![a](/assets/img/a.png)\n![b](/assets/img/b.png)\n",
                "_posts/2024-01-02-b.md", "Text <img src=\"/assets/img/c.jpg\" alt=\"\">\n",
                "_posts/2024-01-03-c.md", "![](/assets/images/1.png) ![](/assets/images/2.png) "
                                          "![](/assets/images/3.png)\n",
                "_posts/2024-01-04-d.md", "![remote](https://example.com/x/y.png) ![top](/logo.png)\n",
                /* Liquid Recap cannot expand, and a folder Jekyll does not publish. */
                "_posts/2024-01-05-e.md", "![a]({{ get_asset('images/x.png') }}) ![b](here.png)\n",
                "_posts/2024-01-06-f.md", "<img src=\"{{ page.image }}\"> ![c](here.png)\n",
                NULL);

  assert_guess (posts, "", "assets/img");
}

static void
test_guess_levels_and_forms (void)
{
  /* Deeper folders are a post's own: they count for their first two levels.
   * Liquid forms, relative links and links with the baseurl count too. */
  g_autoptr(GListModel) posts =
    make_posts ("_posts/2024-01-01-a.md", "![a](/images/blog/meetup/a.png)\n",
                "_posts/2024-01-02-b.md", "![b]({{ site.baseurl }}/images/blog/b.png)\n",
                "_posts/2024-01-03-c.md", "![c]({{ '/images/blog/c.png' | relative_url }})\n",
                "_posts/2024-01-04-d.md", "![d](../images/blog/d.png)\n",
                "_posts/2024-01-05-e.md", "![e](/sub/static/e.png)\n",
                "_posts/2024-01-06-f.md", "![f](/sub/static/f.png)\n",
                NULL);

  assert_guess (posts, "", "images/blog");
  /* With baseurl /sub, "/sub/static/e.png" is the site's static/e.png. */
  assert_guess (posts, "/sub", "images/blog");
}

static void
test_guess_default_and_setting (void)
{
  g_autoptr(GListModel) none = make_posts ("_posts/2024-01-01-a.md", "No images, ![remote](http://x/y.png)\n", NULL);
  g_autoptr(GListModel) some = make_posts ("_posts/2024-01-01-a.md", "![a](/img/a.png)\n", NULL);
  const char *refused[] = { "", "  ", "/", "../outside", "a/../../b", "a//b", NULL };
  g_autofree char *chosen = NULL;

  assert_guess (none, "", RECAP_SITE_IMAGES_DEFAULT_FOLDER);
  chosen = recap_site_images_choose_folder ("/static/pictures/", some, "");
  g_assert_cmpstr (chosen, ==, "static/pictures");
  /* Empty is automatic; a folder outside the site is never used. */
  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autofree char *folder = recap_site_images_choose_folder (refused[i], some, "");
      g_assert_cmpstr (folder, ==, "img");
    }
}

static void
test_stem (void)
{
  const char *cases[][2] = {
    { "_posts/2024-03-14-async.md", "2024-03-14-async" },
    { "_drafts/my notes.markdown", "my-notes" },
    { "notes/Café?#x.md", "Café--x" },
    { "README", "README" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = recap_site_images_stem (cases[i][0]);
      g_assert_cmpstr (stem, ==, cases[i][1]);
    }
}

static GFile *
copy_bytes (GFile      *root,
            const char *contents)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GInputStream) source = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  GFile *copy = recap_site_images_copy (root, "assets/images", "2024-03-14-async", "png", source, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
assert_file_text (GFile      *file,
                  const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_copy_never_overwrites (TestUtilDir   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) existing = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autoptr(GFile) third = NULL;
  g_autofree char *third_name = NULL;

  /* The folder is created; -1 is taken by a file of the user's. */
  test_util_write_file (fixture->dir, "assets/images/2024-03-14-async-1.png", "theirs");
  first = copy_bytes (root, "new one");
  second = copy_bytes (root, "newer one");

  first_name = g_file_get_basename (first);
  second_name = g_file_get_basename (second);
  g_assert_cmpstr (first_name, ==, "2024-03-14-async-2.png");
  g_assert_cmpstr (second_name, ==, "2024-03-14-async-3.png");
  existing = g_file_resolve_relative_path (root, "assets/images/2024-03-14-async-1.png");
  assert_file_text (existing, "theirs");
  /* A number in use for another format is taken too. */
  test_util_write_file (fixture->dir, "assets/images/2024-03-14-async-4.jpg", "a photo");
  third = copy_bytes (root, "third");
  third_name = g_file_get_basename (third);
  g_assert_cmpstr (third_name, ==, "2024-03-14-async-5.png");
  assert_file_text (first, "new one");
  assert_file_text (second, "newer one");
}

static void
test_copy_creates_folder (TestUtilDir   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) copy = copy_bytes (root, "png bytes");
  g_autofree char *relative = g_file_get_relative_path (root, copy);

  g_assert_cmpstr (relative, ==, "assets/images/2024-03-14-async-1.png");
}

static void
test_link (void)
{
  const char *cases[][4] = {
    { "assets/images", "2024-03-14-async-1.png", "", "![](/assets/images/2024-03-14-async-1.png)" },
    { "assets/images", "2024-03-14-async-1.png", "/blog",
      "![]({{ site.baseurl }}/assets/images/2024-03-14-async-1.png)" },
    { "img", "my notes-1.png", "", "![](/img/my%20notes-1.png)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = recap_site_images_link (cases[i][0], cases[i][1], cases[i][2]);
      g_assert_cmpstr (link, ==, cases[i][3]);
    }
}

static void
test_is_linked (void)
{
  g_assert_true (recap_site_images_is_linked ("x ![](/assets/images/a-1.png) y", "assets/images/a-1.png"));
  g_assert_true (recap_site_images_is_linked ("![]({{ site.baseurl }}/img/my%20a-1.png)", "img/my a-1.png"));
  g_assert_false (recap_site_images_is_linked ("![](/assets/images/a-11.png)", "assets/images/a-1.png"));
  g_assert_false (recap_site_images_is_linked ("nothing here", "assets/images/a-1.png"));
}

static void
test_insert_point (void)
{
  const char *line = "Text ![alt](/a.png) more ![](/b.png)";

  g_assert_cmpuint (recap_site_images_insert_point (line, 0), ==, 0);
  g_assert_cmpuint (recap_site_images_insert_point (line, 5), ==, 5);
  g_assert_cmpuint (recap_site_images_insert_point (line, 7), ==, 19);
  g_assert_cmpuint (recap_site_images_insert_point (line, 18), ==, 19);
  g_assert_cmpuint (recap_site_images_insert_point (line, 19), ==, 19);
  g_assert_cmpuint (recap_site_images_insert_point (line, 27), ==, 36);
  g_assert_cmpuint (recap_site_images_insert_point ("[not](/an-image)", 3), ==, 3);
}

static void
test_liquid_expand (void)
{
  const char *cases[][2] = {
    { "![a]({{ site.baseurl }}/x.png)", "![a](/x.png)" },
    { "![a]({{site.baseurl}}/x.png)", "![a](/x.png)" },
    { "[p]({{ '/about/' | relative_url }}) and {{ \"/y.png\" | absolute_url }}", "[p](/about/) and /y.png" },
    { "{{ page.title }} stays, {% include x.html %} too", "{{ page.title }} stays, {% include x.html %} too" },
    { "no liquid\nat all\n", "no liquid\nat all\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expanded = recap_liquid_url_expand (cases[i][0], strlen (cases[i][0]));
      g_assert_cmpstr (expanded, ==, cases[i][1]);
    }
}

static void
test_baseurl (void)
{
  const char *cases[][2] = {
    { "title: Site\nbaseurl: \"/blog\" # the subpath\n", "/blog" },
    { "baseurl: blog/\n", "/blog" },
    { "baseurl: \"\"\n", "" },
    { "baseurl:\n", "" },
    { "title: No base\n", "" },
    { "defaults:\n  - values:\n      baseurl: /nested\n", "" },
    { "nested:\n  baseurl: /no\nbaseurl: /yes/deep/\n", "/yes/deep" },
    { "baseurl: [unclosed\n", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *baseurl = recap_site_config_parse_baseurl (cases[i][0], strlen (cases[i][0]));
      g_assert_cmpstr (baseurl, ==, cases[i][1]);
    }
}

/* The `recap:` key's rules to turn off, in block or flow style, and
 * nothing from other keys, other depths or invalid YAML. */
static void
test_disabled_rules (void)
{
  const struct { const char *yaml; const char *rules; } cases[] = {
    { "recap:\n  disable:\n    - future-date\n    - unknown-layout\n", "future-date,unknown-layout" },
    { "title: x\nrecap: {other: [a], disable: [missing-title]}\nlang: de\n", "missing-title" },
    { "recap:\n  disable: future-date\n", "" },
    { "disable: [future-date]\n", "" },
    { "nested:\n  recap:\n    disable: [future-date]\n", "" },
    { "recap: {disable: [a, {b: c}, d]}\n", "a,d" },
    { "recap: {disable: [unclosed\n", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) rules = recap_site_config_parse_disabled_rules (cases[i].yaml, strlen (cases[i].yaml));
      g_autofree char *joined = g_strjoinv (",", rules);

      g_assert_cmpstr (joined, ==, cases[i].rules);
    }
}

static void
test_baseurl_file (TestUtilDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *missing = recap_site_config_read_baseurl (root, NULL);
  g_autofree char *baseurl = NULL;

  g_assert_cmpstr (missing, ==, "");
  test_util_write_file (fixture->dir, "_config.yml", "baseurl: /meetups\n");
  baseurl = recap_site_config_read_baseurl (root, NULL);
  g_assert_cmpstr (baseurl, ==, "/meetups");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/site-images/guess-majority", test_guess_majority);
  g_test_add_func ("/site-images/guess-levels-and-forms", test_guess_levels_and_forms);
  g_test_add_func ("/site-images/guess-default-and-setting", test_guess_default_and_setting);
  g_test_add_func ("/site-images/stem", test_stem);
  g_test_add ("/site-images/copy-never-overwrites", TestUtilDir, NULL,
              test_util_dir_set_up, test_copy_never_overwrites, test_util_dir_tear_down);
  g_test_add ("/site-images/copy-creates-folder", TestUtilDir, NULL,
              test_util_dir_set_up, test_copy_creates_folder, test_util_dir_tear_down);
  g_test_add_func ("/site-images/link", test_link);
  g_test_add_func ("/site-images/is-linked", test_is_linked);
  g_test_add_func ("/site-images/insert-point", test_insert_point);
  g_test_add_func ("/site-images/liquid-expand", test_liquid_expand);
  g_test_add_func ("/site-images/baseurl", test_baseurl);
  g_test_add_func ("/site-images/disabled-rules", test_disabled_rules);
  g_test_add ("/site-images/baseurl-file", TestUtilDir, NULL,
              test_util_dir_set_up, test_baseurl_file, test_util_dir_tear_down);

  return g_test_run ();
}
