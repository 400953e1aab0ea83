/* test-lint.c: the problems the Problems view and `recap-cli lint` report
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "recap-lint.h"
#include "recap-site.h"
#include "test-util.h"

static guint
count_kind (GPtrArray        *problems,
            RecapProblemKind  kind,
            const char       *relative_path)
{
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      RecapProblem *problem = problems->pdata[i];
      count += problem->kind == kind && g_str_equal (recap_post_get_relative_path (problem->post), relative_path);
    }
  return count;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* recap_lint(), or its copy linted in a thread when @in_thread. */
static GPtrArray *
lint (RecapSite *site,
      GDateTime *now,
      gboolean   in_thread)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!in_thread)
    return recap_lint (G_LIST_MODEL (site), recap_site_get_layouts (site), now);
  recap_lint_async (G_LIST_MODEL (site), recap_site_get_layouts (site), now, NULL, store_result, &result);
  TEST_UTIL_WAIT_FOR (result != NULL);
  problems = recap_lint_finish (result, &error);
  g_assert_no_error (error);
  return problems;
}

static void
test_lint_rules (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("recap-lint-XXXXXX", &error);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 6, 1, 0, 0, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *note_path = g_build_filename (dir, "notes", "2024-02-01-dated-note.md", NULL);
  g_autoptr(GFile) note_file = g_file_new_for_path (note_path);
  RecapPost *note;

  test_util_write_file (dir, "_layouts/post.html", "{{ content }}");
  test_util_write_file (dir, "_posts/2024-01-01-fine.md", "---\ntitle: Fine\nlayout: post\n---\n");
  test_util_write_file (dir, "_posts/2024-01-02-broken.md", "---\ntitle: [unclosed\n---\n");
  test_util_write_file (dir, "_posts/2024-01-03-untitled.md", "---\nlayout: post\n---\n");
  test_util_write_file (dir, "_posts/2024-01-04-wrong-day.md", "---\ntitle: W\ndate: 2024-01-05 10:00:00 +0000\n---\n");
  test_util_write_file (dir, "_posts/2024-01-05-a.md", "---\ntitle: A\npermalink: /same/\n---\n");
  test_util_write_file (dir, "_posts/2024-01-06-b.md", "---\ntitle: B\npermalink: /same/\n---\n");
  test_util_write_file (dir, "_posts/2024-01-07-theme.md", "---\ntitle: T\nlayout: fancy\n---\n");
  test_util_write_file (dir, "_posts/2024-01-08-nolayout.md", "---\ntitle: N\nlayout: none\n---\n");
  test_util_write_file (dir, "notes/2024-02-01-dated-note.md", "# Dated note\n");
  test_util_write_file (dir, "_posts/2024-01-09-bom.md", "\xEF\xBB\xBF---\ntitle: Bom\n---\n");
  test_util_write_file (dir, "_posts/2030-01-01-future.md", "---\ntitle: Future\n---\n");
  g_assert_true (recap_site_load_sync (site, NULL, NULL));

  problems = lint (site, now, GPOINTER_TO_INT (data));

  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_INVALID_FRONT_MATTER, "_posts/2024-01-02-broken.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_MISSING_TITLE, "_posts/2024-01-03-untitled.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DATE_MISMATCH, "_posts/2024-01-04-wrong-day.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DUPLICATE_PERMALINK, "_posts/2024-01-05-a.md") +
                    count_kind (problems, RECAP_PROBLEM_DUPLICATE_PERMALINK, "_posts/2024-01-06-b.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_UNKNOWN_LAYOUT, "_posts/2024-01-07-theme.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_UNKNOWN_LAYOUT, "_posts/2024-01-08-nolayout.md"), ==, 0);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DATED_OUTSIDE_POSTS, "notes/2024-02-01-dated-note.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_BYTE_ORDER_MARK, "_posts/2024-01-09-bom.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_FUTURE_DATE, "_posts/2030-01-01-future.md"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 8);

  note = recap_site_find_post (site, note_file);
  g_assert_cmpstrv (recap_post_get_problems (note), ((const char *[]) { "Dated file outside _posts", NULL }));

  test_util_remove_tree (dir);
}

/* A folder of another generator gets no Jekyll-only rule; a Jekyll site's
 * _config.yml decides about future posts; long titles and descriptions. */
static void
test_lint_knows_the_site (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_dir_make_tmp ("recap-lint-XXXXXX", &error);
  g_autofree char *jekyll = g_dir_make_tmp ("recap-lint-XXXXXX", &error);
  g_autoptr(GFile) other_root = g_file_new_for_path (other);
  g_autoptr(GFile) jekyll_root = g_file_new_for_path (jekyll);
  g_autoptr(RecapSite) other_site = recap_site_new (other_root);
  g_autoptr(RecapSite) jekyll_site = recap_site_new (jekyll_root);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 6, 1, 0, 0, 0);
  g_autoptr(GPtrArray) other_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *long_title = g_strnfill (61, 'a');
  g_autofree char *long_description = g_strnfill (161, 'b');
  g_autofree char *long_post = g_strdup_printf ("---\ntitle: %s\ndescription: %s\n---\n", long_title, long_description);

  test_util_write_file (other, "content/posts/2024-01-01-dated.md", "\xEF\xBB\xBF---\ntitle: A\n---\n");
  test_util_write_file (other, "content/posts/2030-01-01-later.md", "---\ntitle: B\n---\n");
  g_assert_true (recap_site_load_sync (other_site, NULL, NULL));
  other_problems = recap_lint (G_LIST_MODEL (other_site), NULL, now);
  g_assert_false (recap_lint_is_jekyll_site (G_LIST_MODEL (other_site)));
  g_assert_cmpuint (other_problems->len, ==, 0);

  test_util_write_file (jekyll, "_config.yml", "future: true\n");
  test_util_write_file (jekyll, "_posts/2030-01-01-later.md", "---\ntitle: Later\n---\n");
  test_util_write_file (jekyll, "_posts/no-date.md", "---\ntitle: Skipped\n---\n");
  test_util_write_file (jekyll, "_posts/2024-02-29-odd.md", "---\ntitle: Odd\ndate: 2024-02-30\n---\n");
  test_util_write_file (jekyll, "_posts/2024-03-01-long.md", long_post);
  test_util_write_file (jekyll, "about.md", "\xEF\xBB\xBF---\ntitle: About\n---\n");
  g_assert_true (recap_site_load_sync (jekyll_site, NULL, NULL));
  problems = recap_lint (G_LIST_MODEL (jekyll_site), NULL, now);
  g_assert_true (recap_lint_is_jekyll_site (G_LIST_MODEL (jekyll_site)));
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_FUTURE_DATE, "_posts/2030-01-01-later.md"), ==, 0);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_NOT_READ, "_posts/no-date.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DATE_READ_DIFFERENTLY, "_posts/2024-02-29-odd.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_TITLE_TOO_LONG, "_posts/2024-03-01-long.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DESCRIPTION_TOO_LONG, "_posts/2024-03-01-long.md"), ==, 1);
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_BYTE_ORDER_MARK, "about.md"), ==, 1);
  /* 2024-02-30 is 1 March for Jekyll: also another day than the name's. */
  g_assert_cmpuint (count_kind (problems, RECAP_PROBLEM_DATE_MISMATCH, "_posts/2024-02-29-odd.md"), ==, 1);
  g_assert_cmpuint (problems->len, ==, 6);

  test_util_remove_tree (other);
  test_util_remove_tree (jekyll);
}

/* The thread's labels go on the posts in slices: when the lint returns,
 * every post has its own, the last ones too. */
static void
test_lint_labels_every_post (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("recap-lint-XXXXXX", &error);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GPtrArray) problems = NULL;
  guint n_posts = 3000, n_marked = 0;

  for (guint i = 0; i < n_posts; i++)
    {
      g_autofree char *name = g_strdup_printf ("_posts/2024-01-01-post-%04u.md", i);
      g_autofree char *text = g_strdup_printf ("%s---\ntitle: Post %u\n---\n", i % 2 ? "\xEF\xBB\xBF" : "", i);

      test_util_write_file (dir, name, text);
    }
  g_assert_true (recap_site_load_sync (site, NULL, NULL));
  problems = lint (site, NULL, TRUE);
  g_assert_cmpuint (problems->len, ==, n_posts / 2);
  for (guint i = 0; i < n_posts; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);
      const char * const *labels = recap_post_get_problems (post);
      gboolean marked = g_str_has_prefix (recap_post_get_title (post), "Post ") &&
                        atoi (recap_post_get_title (post) + strlen ("Post ")) % 2 == 1;

      g_assert_cmpuint (labels ? g_strv_length ((GStrv) labels) : 0, ==, marked ? 1 : 0);
      n_marked += marked;
    }
  g_assert_cmpuint (n_marked, ==, n_posts / 2);
  test_util_remove_tree (dir);
}

static void
test_sample_site_is_clean (void)
{
  g_autoptr(GFile) root = g_file_new_for_path (g_getenv ("RECAP_SAMPLE_SITE"));
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (recap_site_load_sync (site, NULL, NULL));
  problems = recap_lint (G_LIST_MODEL (site), recap_site_get_layouts (site), now);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", recap_post_get_relative_path (((RecapProblem *) problems->pdata[i])->post),
                ((RecapProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/lint/rules", GINT_TO_POINTER (FALSE), test_lint_rules);
  g_test_add_data_func ("/lint/rules-in-thread", GINT_TO_POINTER (TRUE), test_lint_rules);
  g_test_add_func ("/lint/knows-the-site", test_lint_knows_the_site);
  g_test_add_func ("/lint/labels-every-post", test_lint_labels_every_post);
  g_test_add_func ("/lint/sample-site-is-clean", test_sample_site_is_clean);

  return g_test_run ();
}
