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

/* A work tree with two committed posts, and the user's identity unless the
 * test's data says otherwise; the site is its folder "site", so paths in
 * git differ from paths in the site. */
typedef struct {
  TestUtilDir  dir;
  char        *site;
  GFile       *root;   /* @site */
} Repository;

#define WITH_IDENTITY    GINT_TO_POINTER (TRUE)
#define WITHOUT_IDENTITY GINT_TO_POINTER (FALSE)

static void
repository_set_up (Repository    *repo,
                   gconstpointer  identity)
{
  test_util_dir_set_up (&repo->dir, NULL);
  repo->site = g_build_filename (repo->dir.dir, "site", NULL);
  repo->root = g_file_new_for_path (repo->site);
  g_free (test_util_git (repo->dir.dir, "init -q -b main"));
  if (GPOINTER_TO_INT (identity))
    {
      g_free (test_util_git (repo->dir.dir, "config user.name 'Rivka Stein'"));
      g_free (test_util_git (repo->dir.dir, "config user.email rivka@example.com"));
    }
  test_util_write_file (repo->site, "_posts/2024-01-01-a.md", POST_A);
  test_util_write_file (repo->site, "_posts/2024-01-02-b.md", POST_B);
  g_free (test_util_git (repo->dir.dir, "add -A"));
  g_free (test_util_git (repo->dir.dir, "-c user.name=Setup -c user.email=setup@example.com commit -q -m Start"));
}

static void
repository_tear_down (Repository    *repo,
                      gconstpointer  identity)
{
  g_clear_object (&repo->root);
  g_clear_pointer (&repo->site, g_free);
  test_util_dir_tear_down (&repo->dir, NULL);
}

/* What the commit tests commit. */
static const char * const post_a_only[] = { "_posts/2024-01-01-a.md", NULL };

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
status_of (GFile *root)
{
  g_autoptr(GError) error = NULL;
  GHashTable *states = recap_git_status (root, &error);

  g_assert_no_error (error);
  return states;
}

static void
test_status (Repository    *repo,
             gconstpointer  data)
{
  const char *site = repo->site;
  g_autoptr(GHashTable) clean = status_of (repo->root);
  g_autoptr(GHashTable) states = NULL;
  g_autofree char *deleted = NULL;

  g_assert_cmpuint (g_hash_table_size (clean), ==, 0);
  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  test_util_write_file (site, "_posts/2024-02-01-new.md", POST_A);
  test_util_write_file (site, "_posts/2024-03-01-staged.md", POST_B);
  g_free (test_util_git (repo->dir.dir, "add site/_posts/2024-03-01-staged.md"));
  deleted = g_build_filename (site, "_posts/2024-01-02-b.md", NULL);
  g_assert_no_errno (g_unlink (deleted));

  states = status_of (repo->root);
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
test_diff (Repository    *repo,
           gconstpointer  data)
{
  const char *site = repo->site;
  GFile *root = repo->root;
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
test_commit (Repository    *repo,
             gconstpointer  data)
{
  const char *site = repo->site;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *log = NULL;
  g_autofree char *status = NULL;
  g_autofree char *head = NULL;

  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  set_event (site, "_posts/2024-01-02-b.md", "Not committed");
  id = recap_git_commit (repo->root, post_a_only, "Move a talk to EuroPython", &error);
  g_assert_no_error (error);

  head = test_util_git (repo->dir.dir, "rev-parse HEAD");
  g_assert_cmpstr (g_strstrip (head), ==, id);
  log = test_util_git (repo->dir.dir, "log -p -1 --format='%an <%ae>%n%s'");
  g_assert_true (g_str_has_prefix (log, "Rivka Stein <rivka@example.com>\nMove a talk to EuroPython\n"));
  /* Only the intended change: one file, one line. */
  g_assert_nonnull (strstr (log, "\n-event: PyCon\n+event: EuroPython\n"));
  g_assert_null (strstr (log, "2024-01-02-b"));
  g_assert_null (strstr (log, "Not committed"));
  g_assert_null (strstr (strstr (log, "diff --git") + 1, "diff --git"));
  status = test_util_git (repo->dir.dir, "status --porcelain");
  g_assert_cmpstr (status, ==, " M site/_posts/2024-01-02-b.md\n");
}

static void
test_commit_nothing (Repository    *repo,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (recap_git_commit (repo->root, post_a_only, "Nothing", &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOTHING_TO_COMMIT);
}

/* Without user.name and user.email, nothing is committed and the message
 * says how to set them. */
static void
test_commit_without_identity (Repository    *repo,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  set_event (repo->site, "_posts/2024-01-01-a.md", "EuroPython");
  g_assert_null (recap_git_identity (repo->root, &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NO_IDENTITY);
  g_assert_nonnull (strstr (error->message, "user.email"));
  g_clear_error (&error);
  g_assert_null (recap_git_commit (repo->root, post_a_only, "Anonymous", &error));
  g_assert_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NO_IDENTITY);
  count = test_util_git (repo->dir.dir, "rev-list --count HEAD");
  g_assert_cmpstr (count, ==, "1\n");
}

/* Recap's own files never show in `git status`: the index cache and
 * recovery drafts live outside the site, and a temporary copy a crashed
 * save left behind is ignored. */
static void
test_own_files_not_in_status (Repository    *repo,
                              gconstpointer  data)
{
  const char *site = repo->site;
  g_autofree char *posts = g_build_filename (site, "_posts", NULL);
  g_autoptr(RecapSite) loaded = recap_site_new (repo->root);
  g_autofree char *temp = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_assert_true (recap_site_load_sync (loaded, NULL, NULL));
  set_event (site, "_posts/2024-01-01-a.md", "EuroPython");
  temp = test_util_write_temp_copy (posts, "2024-01-02-b.md", test_util_dead_pid ());
  states = status_of (repo->root);

  g_assert_cmpuint (g_hash_table_size (states), ==, 1);
  status = test_util_git (repo->dir.dir, "status --porcelain --untracked-files=all");
  g_assert_cmpstr (status, ==, " M site/_posts/2024-01-01-a.md\n");
  g_assert_true (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_false (g_str_has_prefix (g_get_user_cache_dir (), repo->dir.dir));
  g_assert_false (g_str_has_prefix (g_get_user_state_dir (), repo->dir.dir));
}

static void
count_changes (guint *n_changes)
{
  (*n_changes)++;
}

/* The monitor follows a save: its status shows the post modified. */
static void
test_monitor (Repository    *repo,
              gconstpointer  data)
{
  const char *site_dir = repo->site;
  g_autoptr(RecapSite) site = recap_site_new (repo->root);
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

#define ADD(path, identity, func) \
  g_test_add (path, Repository, identity, repository_set_up, func, repository_tear_down)
  ADD ("/git/status", WITH_IDENTITY, test_status);
  g_test_add ("/git/not-a-work-tree", TestUtilDir, NULL, test_util_dir_set_up, test_not_a_work_tree,
              test_util_dir_tear_down);
  ADD ("/git/diff", WITH_IDENTITY, test_diff);
  ADD ("/git/commit", WITH_IDENTITY, test_commit);
  ADD ("/git/commit-nothing", WITH_IDENTITY, test_commit_nothing);
  ADD ("/git/commit-without-identity", WITHOUT_IDENTITY, test_commit_without_identity);
  ADD ("/git/monitor", WITH_IDENTITY, test_monitor);
  ADD ("/git/own-files-not-in-status", WITH_IDENTITY, test_own_files_not_in_status);
#undef ADD

  {
    int result = g_test_run ();

    test_util_remove_tree (home);
    return result;
  }
}
