/* test-git.c: git status, diff and commit of a site in a work tree
 *
 * The repositories are made and read back with the git command, as a user
 * would look at what Recap did.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "recap-bulk-edit.h"
#include "recap-git-monitor.h"
#include "recap-site.h"
#include "recap-site-ops.h"
#include "test-util.h"

#define POST_A "---\ntitle: A talk\nevent: PyCon\n---\nBody of a.\n"
#define POST_B "---\ntitle: B talk\nevent: PyCon\n---\nBody of b.\n"

/* A work tree with two committed posts and the user's identity; the site
 * is its folder "site", so paths in git differ from paths in the site. */
static char *
set_up_repository (TestUtilDir *fixture,
                   gboolean     with_identity)
{
  char *site = g_build_filename (fixture->dir, "site", NULL);

  g_free (test_util_git (fixture->dir, "init -q -b main"));
  if (with_identity)
    {
      g_free (test_util_git (fixture->dir, "config user.name 'Rivka Stein'"));
      g_free (test_util_git (fixture->dir, "config user.email rivka@example.com"));
    }
  test_util_write_file (site, "_posts/2024-01-01-a.md", POST_A);
  test_util_write_file (site, "_posts/2024-01-02-b.md", POST_B);
  g_free (test_util_git (fixture->dir, "add -A"));
  g_free (test_util_git (fixture->dir, "-c user.name=Setup -c user.email=setup@example.com commit -q -m Start"));
  return site;
}

/* Sets `event` in @relative_path of @site as the window does: a surgical
 * edit written atomically (a temporary copy renamed over the file). */
static void
set_event (const char *site,
           const char *relative_path,
           const char *event)
{
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (site, relative_path, NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (files, g_file_new_for_path (path));
  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_set_event, event, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GHashTable *
status_of (const char *site)
{
  g_autoptr(GFile) root = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;
  GHashTable *states = recap_git_status (root, &error);

  g_assert_no_error (error);
  return states;
}

static void
test_status (TestUtilDir   *fixture,
             gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, TRUE);
  g_autoptr(GHashTable) clean = status_of (site);
  g_autoptr(GHashTable) states = NULL;
  g_autofree char *deleted = NULL;

  g_assert_cmpuint (g_hash_table_size (clean), ==, 0);
  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  test_util_write_file (site, "_posts/2024-02-01-new.md", POST_A);
  test_util_write_file (site, "_posts/2024-03-01-staged.md", POST_B);
  g_free (test_util_git (fixture->dir, "add site/_posts/2024-03-01-staged.md"));
  deleted = g_build_filename (site, "_posts/2024-01-02-b.md", NULL);
  g_assert_no_errno (g_unlink (deleted));

  states = status_of (site);
  g_assert_cmpuint (g_hash_table_size (states), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, "_posts/2024-01-01-a.md")), ==, RECAP_GIT_MODIFIED);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, "_posts/2024-02-01-new.md")), ==, RECAP_GIT_UNTRACKED);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, "_posts/2024-03-01-staged.md")), ==, RECAP_GIT_NEW);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, "_posts/2024-01-02-b.md")), ==, RECAP_GIT_DELETED);
}

static void
test_not_a_work_tree (TestUtilDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (recap_git_status (root, &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOT_A_WORK_TREE);
}

static void
test_diff (TestUtilDir   *fixture,
           gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, TRUE);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *diff = NULL;

  unchanged = recap_git_diff (root, "_posts/2024-01-01-a.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unchanged, ==, "");
  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  diff = recap_git_diff (root, "_posts/2024-01-01-a.md", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "--- a/site/_posts/2024-01-01-a.md\n"));
  g_assert_nonnull (strstr (diff, "\n-event: PyCon\n+event: EuroPython\n"));
  g_assert_null (strstr (diff, "2024-01-02-b"));
}

static void
test_commit (TestUtilDir   *fixture,
             gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, TRUE);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  const char *paths[] = { "_posts/2024-01-01-a.md", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *log = NULL;
  g_autofree char *status = NULL;
  g_autofree char *head = NULL;

  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  set_event (site, "_posts/2024-01-02-b.md", "Not committed");
  id = recap_git_commit (root, paths, "Move a talk to EuroPython", &error);
  g_assert_no_error (error);

  head = test_util_git (fixture->dir, "rev-parse HEAD");
  g_assert_cmpstr (g_strstrip (head), ==, id);
  log = test_util_git (fixture->dir, "log -p -1 --format='%an <%ae>%n%s'");
  g_assert_true (g_str_has_prefix (log, "Rivka Stein <rivka@example.com>\nMove a talk to EuroPython\n"));
  /* Only the intended change: one file, one line. */
  g_assert_nonnull (strstr (log, "\n-event: PyCon\n+event: EuroPython\n"));
  g_assert_null (strstr (log, "2024-01-02-b"));
  g_assert_null (strstr (log, "Not committed"));
  g_assert_null (strstr (strstr (log, "diff --git") + 1, "diff --git"));
  status = test_util_git (fixture->dir, "status --porcelain");
  g_assert_cmpstr (status, ==, " M site/_posts/2024-01-02-b.md\n");
}

static void
test_commit_nothing (TestUtilDir   *fixture,
                     gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, TRUE);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  const char *paths[] = { "_posts/2024-01-01-a.md", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (recap_git_commit (root, paths, "Nothing", &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOTHING_TO_COMMIT);
}

/* Without user.name and user.email, nothing is committed and the message
 * says how to set them. */
static void
test_commit_without_identity (TestUtilDir   *fixture,
                              gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, FALSE);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  const char *paths[] = { "_posts/2024-01-01-a.md", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  g_assert_null (recap_git_identity (root, &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NO_IDENTITY);
  g_assert_nonnull (strstr (error->message, "user.email"));
  g_clear_error (&error);
  g_assert_null (recap_git_commit (root, paths, "Anonymous", &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NO_IDENTITY);
  count = test_util_git (fixture->dir, "rev-list --count HEAD");
  g_assert_cmpstr (count, ==, "1\n");
}

/* Recap's own files never show in `git status`: the index cache and
 * recovery drafts live outside the site, and a temporary copy a crashed
 * save left behind is ignored. */
static void
test_own_files_not_in_status (TestUtilDir   *fixture,
                              gconstpointer  data)
{
  g_autofree char *site = set_up_repository (fixture, TRUE);
  g_autofree char *posts = g_build_filename (site, "_posts", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  g_autoptr(RecapSite) loaded = recap_site_new (root);
  g_autofree char *temp = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_assert_true (recap_site_load_sync (loaded, NULL, NULL));
  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  temp = test_util_write_temp_copy (posts, "2024-01-02-b.md", test_util_dead_pid ());
  states = status_of (site);

  g_assert_cmpuint (g_hash_table_size (states), ==, 1);
  status = test_util_git (fixture->dir, "status --porcelain --untracked-files=all");
  g_assert_cmpstr (status, ==, " M site/_posts/2024-01-01-a.md\n");
  g_assert_true (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_false (g_str_has_prefix (g_get_user_cache_dir (), fixture->dir));
  g_assert_false (g_str_has_prefix (g_get_user_state_dir (), fixture->dir));
}

static void
count_changes (guint *n_changes)
{
  (*n_changes)++;
}

/* The monitor follows a save: its status shows the post modified. */
static void
test_monitor (TestUtilDir   *fixture,
              gconstpointer  data)
{
  g_autofree char *site_dir = set_up_repository (fixture, TRUE);
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(RecapGitMonitor) monitor = NULL;
  g_auto(GStrv) changed = NULL;
  guint n_changes = 0;

  g_assert_true (recap_site_load_sync (site, NULL, NULL));
  monitor = recap_git_monitor_new (site);
  g_signal_connect_swapped (monitor, "changed", G_CALLBACK (count_changes), &n_changes);
  TEST_UTIL_WAIT_FOR (n_changes >= 1);
  g_assert_true (recap_git_monitor_get_is_work_tree (monitor));
  g_assert_cmpuint (recap_git_monitor_get_n_changed (monitor), ==, 0);

  set_event (site_dir, "_posts/2024-01-02-b.md", "EuroPython");
  test_util_write_file (site_dir, "_posts/2024-01-03-c.md", POST_A);
  recap_git_monitor_refresh (monitor);
  TEST_UTIL_WAIT_FOR (recap_git_monitor_get_n_changed (monitor) == 2);
  g_assert_cmpuint (n_changes, >=, 2);
  g_assert_cmpint (recap_git_monitor_get_state (monitor, "_posts/2024-01-02-b.md"), ==, RECAP_GIT_MODIFIED);
  g_assert_cmpint (recap_git_monitor_get_state (monitor, "_posts/2024-01-03-c.md"), ==, RECAP_GIT_UNTRACKED);
  g_assert_cmpint (recap_git_monitor_get_state (monitor, "_posts/2024-01-01-a.md"), ==, RECAP_GIT_CURRENT);
  changed = recap_git_monitor_dup_changed (monitor);
  g_assert_cmpstrv (changed, ((const char *[]) { "_posts/2024-01-02-b.md", "_posts/2024-01-03-c.md", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = test_util_isolate_git ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestUtilDir, NULL, test_util_dir_set_up, func, test_util_dir_tear_down)
  ADD ("/git/status", test_status);
  ADD ("/git/not-a-work-tree", test_not_a_work_tree);
  ADD ("/git/diff", test_diff);
  ADD ("/git/commit", test_commit);
  ADD ("/git/commit-nothing", test_commit_nothing);
  ADD ("/git/commit-without-identity", test_commit_without_identity);
  ADD ("/git/monitor", test_monitor);
  ADD ("/git/own-files-not-in-status", test_own_files_not_in_status);
#undef ADD

  {
    int result = g_test_run ();

    test_util_remove_tree (home);
    return result;
  }
}
