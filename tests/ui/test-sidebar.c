/* test-sidebar.c: grouping views, search, and opening posts from the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "recap-post-group.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

typedef struct {
  char         *site_dir;
  RecapWindow  *window;
  RecapSidebar *sidebar;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  fixture->site_dir = ui_test_open_sample_site (fixture->window);
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (recap_sidebar_get_rows (fixture->sidebar)) == 14);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  g_free (fixture->site_dir);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (recap_sidebar_get_rows (fixture->sidebar));
}

/* Borrowed: the sidebar's models keep their items alive. */
static gpointer
item_at (Fixture *fixture,
         guint    position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (recap_sidebar_get_rows (fixture->sidebar), position);
  g_autoptr(GObject) item = NULL;

  g_assert_nonnull (row);
  item = gtk_tree_list_row_get_item (row);
  return item;
}

static const char *
title_at (Fixture *fixture,
          guint    position)
{
  gpointer item = item_at (fixture, position);

  g_assert_true (RECAP_IS_POST (item));
  return recap_post_get_title (item);
}

static RecapPostGroup *
group_at (Fixture *fixture,
          guint    position)
{
  gpointer item = item_at (fixture, position);

  g_assert_true (RECAP_IS_POST_GROUP (item));
  return item;
}

/* As a user does: Ctrl+K puts the focus in the search entry, then type. */
static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry;

  recap_sidebar_focus_search (fixture->sidebar);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits for a typing pause before it reports a search. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_posts_newest_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_assert_cmpstr (title_at (fixture, 0), ==, "Planning 2025 together");
  g_assert_cmpstr (title_at (fixture, 1), ==, "PyCon US 2024, day two");
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  RecapPostGroup *pycon;
  guint groups;

  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_EVENTS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)));

  groups = n_rows (fixture);
  g_assert_cmpuint (groups, ==, 10);
  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "Lakeside Python January 2025");
  pycon = group_at (fixture, 1);
  g_assert_cmpstr (recap_post_group_get_key (pycon), ==, "PyCon US 2024");
  g_assert_cmpuint (recap_post_group_get_count (pycon), ==, 2);
  g_assert_null (recap_post_group_get_key (group_at (fixture, groups - 1)));

  recap_sidebar_activate_row (fixture->sidebar, 1);
  g_assert_cmpuint (n_rows (fixture), ==, groups + 2);
  g_assert_cmpstr (title_at (fixture, 2), ==, "PyCon US 2024, day two");
  g_assert_cmpstr (title_at (fixture, 3), ==, "PyCon US 2024, day one");
}

static void
test_tags_by_use (Fixture       *fixture,
                  gconstpointer  data)
{
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_TAGS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)));

  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "meetup");
  g_assert_cmpuint (recap_post_group_get_count (group_at (fixture, 0)), ==, 5);
}

static void
test_years_and_authors (Fixture       *fixture,
                        gconstpointer  data)
{
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_YEARS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)));
  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "2025");
  g_assert_cmpuint (recap_post_group_get_count (group_at (fixture, 1)), ==, 4);

  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_AUTHORS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)) &&
                    recap_post_group_get_by (group_at (fixture, 0)) == RECAP_GROUP_BY_AUTHOR);
  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "dev-patel");
}

static void
test_drafts (Fixture       *fixture,
             gconstpointer  data)
{
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_DRAFTS);

  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_cmpstr (title_at (fixture, 0), ==, "Follow-up: questions we didn't get to in March");
  g_assert_cmpstr (title_at (fixture, 1), ==, "Dataclasses or attrs? Notes for a future talk");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  search (fixture, "ferry");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (title_at (fixture, 0), ==, "March 2024 meetup: async for the rest of us");

  /* Two posts by their title and tags, one by a mention in its text. */
  search (fixture, "pycon");
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  search (fixture, "zoë");
  g_assert_cmpuint (n_rows (fixture), >=, 1);

  /* Typing letter by letter narrows the list as one query would. */
  search (fixture, "");
  search (fixture, "p");
  search (fixture, "py");
  search (fixture, "pyc");
  search (fixture, "pycon");
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  search (fixture, "py");
  g_assert_cmpuint (n_rows (fixture), >, 3);

  search (fixture, "no such words anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  search (fixture, "");
  g_assert_cmpuint (n_rows (fixture), ==, 14);
}

static void
test_activate_opens_post (Fixture       *fixture,
                          gconstpointer  data)
{
  RecapDocument *document;

  recap_sidebar_activate_row (fixture->sidebar, 1);
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (fixture->window)) != NULL);

  g_assert_cmpstr (recap_post_get_title (recap_document_get_post (document)), ==, "PyCon US 2024, day two");
}

static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  test_util_write_file (fixture->site_dir, "_posts/2026-01-01-from-git-pull.md",
                        "---\ntitle: Arrived with git pull\n---\n");

  UI_TEST_WAIT_FOR (n_rows (fixture) == 15);
  g_assert_cmpstr (title_at (fixture, 0), ==, "Arrived with git pull");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sidebar/posts-newest-first", test_posts_newest_first);
  ADD ("/sidebar/events", test_events);
  ADD ("/sidebar/tags-by-use", test_tags_by_use);
  ADD ("/sidebar/years-and-authors", test_years_and_authors);
  ADD ("/sidebar/drafts", test_drafts);
  ADD ("/sidebar/search", test_search);
  ADD ("/sidebar/activate-opens-post", test_activate_opens_post);
  ADD ("/sidebar/live-update", test_live_update);
#undef ADD

  return g_test_run ();
}
