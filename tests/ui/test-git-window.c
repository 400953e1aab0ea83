/* test-git-window.c: the window on a site in a git work tree: the header's
 * count, the rows' badges, the open post's diff and Commit…
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-git-commit-dialog.h"
#include "recap-git-diff-window.h"
#include "recap-sidebar.h"
#include "ui-test-util.h"

#define POST "_posts/2025-01-23-annual-planning.md"

typedef UiTestSite Fixture;

/* A copy of the sample site, committed, opened in a window that lists
 * every post. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->site_dir = ui_test_copy_sample_site ();
  g_free (test_util_git (fixture->site_dir, "init -q -b main"));
  g_free (test_util_git (fixture->site_dir, "config user.name 'Rivka Stein'"));
  g_free (test_util_git (fixture->site_dir, "config user.email rivka@example.com"));
  g_free (test_util_git (fixture->site_dir, "add -A"));
  g_free (test_util_git (fixture->site_dir, "commit -q -m Start"));

  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  recap_sidebar_set_view (RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR)),
                          RECAP_SIDEBAR_VIEW_POSTS);
  ui_test_open_site (fixture->window, fixture->site_dir);
}

/* The first widget under @root of @type with @css_class, or NULL. */
static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header's summary: "No changes", "1 changed"…, "" when hidden. */
static const char *
summary (Fixture *fixture)
{
  GtkWidget *button = find_with_class (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, "git-summary");

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button) ? gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) : "";
}

/* The git badge's letter in the sidebar, or NULL when none shows. */
static const char *
badge (Fixture *fixture)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR);
  GtkWidget *label = find_with_class (sidebar, GTK_TYPE_LABEL, "git-badge");

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static gboolean
diff_shows (RecapGitDiffWindow *diff_window,
            const char         *needle)
{
  g_autofree char *text = recap_git_diff_window_dup_text (diff_window);

  return strstr (text, needle) != NULL;
}

/* Whether @patch removes a line (a "-" line that is no "--- a/FILE"). */
static gboolean
removes_lines (const char *patch)
{
  g_auto(GStrv) lines = g_strsplit (patch, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '-' && !g_str_has_prefix (lines[i], "--- "))
      return TRUE;
  return FALSE;
}

/* Opens POST, adds a line at the end of its body and saves. */
static void
edit_and_save (Fixture *fixture)
{
  RecapDocument *document = ui_test_open_post (fixture->window, fixture->site_dir, POST);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "A line added in Recap.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  UI_TEST_WAIT_FOR (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
}

/* A save shows in the header's count and as the post's badge, and only
 * the post is in `git status`: not the save's temporary copy. */
static void
test_status_after_save (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *status = NULL;

  UI_TEST_WAIT_FOR (g_strcmp0 (summary (fixture), "No changes") == 0);
  g_assert_null (badge (fixture));
  edit_and_save (fixture);
  UI_TEST_WAIT_FOR (g_strcmp0 (summary (fixture), "1 changed") == 0);
  UI_TEST_WAIT_FOR (g_strcmp0 (badge (fixture), "M") == 0);
  status = test_util_git (fixture->site_dir, "status --porcelain --untracked-files=all");
  g_assert_cmpstr (status, ==, " M " POST "\n");
}

static void
test_diff (Fixture       *fixture,
           gconstpointer  data)
{
  RecapGitDiffWindow *diff_window;

  edit_and_save (fixture);
  UI_TEST_WAIT_FOR (g_strcmp0 (summary (fixture), "1 changed") == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.git-diff", NULL);
  UI_TEST_WAIT_FOR ((diff_window = ui_test_find_toplevel (RECAP_TYPE_GIT_DIFF_WINDOW)) != NULL);
  UI_TEST_WAIT_FOR (diff_shows (diff_window, "\n+A line added in Recap.\n"));
  gtk_window_destroy (GTK_WINDOW (diff_window));
}

static void
test_commit (Fixture       *fixture,
             gconstpointer  data)
{
  RecapGitCommitDialog *dialog;
  g_autofree char *log = NULL;

  test_util_write_file (fixture->site_dir, "notes/untracked.md", "# Not for this commit\n");
  edit_and_save (fixture);
  UI_TEST_WAIT_FOR (g_strcmp0 (summary (fixture), "2 changed") == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.git-commit", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_toplevel (RECAP_TYPE_GIT_COMMIT_DIALOG)) != NULL);
  recap_git_commit_dialog_set_message (dialog, "Plan the year");
  recap_git_commit_dialog_set_chosen (dialog, "notes/untracked.md", FALSE);
  recap_git_commit_dialog_commit (dialog);
  UI_TEST_WAIT_FOR (ui_test_find_toplevel (RECAP_TYPE_GIT_COMMIT_DIALOG) == NULL);
  UI_TEST_WAIT_FOR (g_strcmp0 (summary (fixture), "1 changed") == 0);

  log = test_util_git (fixture->site_dir, "log -p -1 --format='%an <%ae>%n%s'");
  g_assert_true (g_str_has_prefix (log, "Rivka Stein <rivka@example.com>\nPlan the year\n"));
  g_assert_nonnull (strstr (log, "diff --git a/" POST " b/" POST "\n"));
  g_assert_nonnull (strstr (log, "\n+A line added in Recap.\n"));
  g_assert_null (strstr (log, "untracked.md"));
  g_assert_false (removes_lines (log));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = test_util_isolate_git ();

  if (!ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/git-window/status-after-save", Fixture, NULL, fixture_set_up, test_status_after_save,
              ui_test_site_tear_down);
  g_test_add ("/git-window/diff", Fixture, NULL, fixture_set_up, test_diff, ui_test_site_tear_down);
  g_test_add ("/git-window/commit", Fixture, NULL, fixture_set_up, test_commit, ui_test_site_tear_down);

  {
    int result = g_test_run ();

    test_util_remove_tree (home);
    return result;
  }
}
