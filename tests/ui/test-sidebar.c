/* test-sidebar.c: grouping views, search, and opening posts from the sidebar
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "recap-collection-chooser.h"
#include "recap-match-list.h"
#include "recap-post-group.h"
#include "recap-post-row.h"
#include "recap-row-pacer.h"
#include "recap-search-text.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "test-post-util.h"
#include "ui-test-util.h"

typedef struct {
  char         *site_dir;
  RecapWindow  *window;
  RecapSidebar *sidebar;
  guint         shown_changes;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  /* These tests count every file; test_collections() the default choice. */
  recap_sidebar_set_collection (fixture->sidebar, "all");
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

/* Borrowed: the sidebar's models keep their items alive. Grouped views
 * list GtkTreeListRows, flat views the posts. */
static gpointer
item_in (GListModel *rows,
         guint       position)
{
  g_autoptr(GObject) row = g_list_model_get_item (rows, position);
  g_autoptr(GObject) item = NULL;

  g_assert_nonnull (row);
  item = GTK_IS_TREE_LIST_ROW (row) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row)) : g_object_ref (row);
  return item;
}

/* The list of posts a flat view shows. */
static GListModel *
shown_posts (Fixture *fixture)
{
  GListModel *rows = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (recap_sidebar_get_rows (fixture->sidebar)));

  g_assert_true (RECAP_IS_MATCH_LIST (rows));
  return rows;
}

static gpointer
item_at (Fixture *fixture,
         guint    position)
{
  return item_in (recap_sidebar_get_rows (fixture->sidebar), position);
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

/* Types @text, then waits for the search in its thread to show its rows. */
static void
search_and_wait (Fixture    *fixture,
                 const char *text)
{
  search (fixture, text);
  UI_TEST_WAIT_FOR (!recap_sidebar_get_searching (fixture->sidebar));
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

/* Grouping is not done in the main loop's turn that asks for it (it took
 * 100-300 ms at 50,000 posts): the groups arrive from a thread. */
static void
test_groups_arrive_later (Fixture       *fixture,
                          gconstpointer  data)
{
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_EVENTS);
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  UI_TEST_WAIT_FOR (n_rows (fixture) == 10);
  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "Lakeside Python January 2025");
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
  search_and_wait (fixture, "ferry");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (title_at (fixture, 0), ==, "March 2024 meetup: async for the rest of us");

  /* Two posts by their title and tags, one by a mention in its text. */
  search_and_wait (fixture, "pycon");
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  search_and_wait (fixture, "zoë");
  g_assert_cmpuint (n_rows (fixture), >=, 1);

  /* Typing letter by letter narrows the list as one query would. */
  search (fixture, "");
  search (fixture, "p");
  search (fixture, "py");
  search (fixture, "pyc");
  search_and_wait (fixture, "pycon");
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  search_and_wait (fixture, "py");
  g_assert_cmpuint (n_rows (fixture), >, 3);

  search_and_wait (fixture, "no such words anywhere");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  search_and_wait (fixture, "");
  g_assert_cmpuint (n_rows (fixture), ==, 14);
}

/* The rows are the site's posts, in its order, that hold @text (and are
 * drafts or unpublished, with @drafts_only): the collection is "all". */
static void
assert_rows_are (Fixture    *fixture,
                 const char *text,
                 gboolean    drafts_only)
{
  GListModel *site = G_LIST_MODEL (recap_window_get_site (fixture->window));
  g_autofree char *folded = recap_search_fold_dup (text, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (site); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (site, i);

      if ((drafts_only && !recap_post_get_is_draft (post) && recap_post_get_published (post)) ||
          !recap_post_matches (post, folded, NULL))
        continue;
      g_assert_cmpuint (n, <, n_rows (fixture));
      g_assert_true (item_at (fixture, n) == post);
      n++;
    }
  g_assert_cmpuint (n_rows (fixture), ==, n);
}

/* Typed a letter at a time, then erased the same way, in the list of
 * posts and in the drafts: at each step exactly the posts that match. */
static void
test_search_typed_and_widened (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { RecapSidebarView view; const char *words; } cases[] = {
    { RECAP_SIDEBAR_VIEW_POSTS, "pycon" }, { RECAP_SIDEBAR_VIEW_DRAFTS, "talk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = strlen (cases[i].words);

      recap_sidebar_set_view (fixture->sidebar, cases[i].view);
      for (gsize typed = 1; typed <= 2 * length; typed++)
        {
          g_autofree char *text = g_strndup (cases[i].words, typed <= length ? typed : 2 * length - typed);

          search_and_wait (fixture, text);
          assert_rows_are (fixture, text, cases[i].view == RECAP_SIDEBAR_VIEW_DRAFTS);
        }
    }
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* Counts the changes to the posts while the list shows them. */
static void
count_shown_change (GListModel *posts,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Fixture    *fixture)
{
  GListModel *rows = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (recap_sidebar_get_rows (fixture->sidebar)));

  if (rows != NULL)
    fixture->shown_changes++;
}

/* Views that filter the posts alike do not filter them again; a view that
 * filters them otherwise does so with no rows over them, which would
 * follow each change. */
static void
test_views_keep_filter_and_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  GListModel *posts = shown_posts (fixture);
  guint changes = 0;

  search_and_wait (fixture, "pycon");
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_TAGS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)) &&
                    recap_post_group_get_by (group_at (fixture, 0)) == RECAP_GROUP_BY_TAG);
  /* From here: the files were counted once the site loaded, which filters
   * again the first time (recount()). */
  g_signal_connect_swapped (posts, "items-changed", G_CALLBACK (count_change), &changes);
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_YEARS);
  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)) &&
                    recap_post_group_get_by (group_at (fixture, 0)) == RECAP_GROUP_BY_YEAR);
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (shown_posts (fixture) == posts);
  assert_rows_are (fixture, "pycon", FALSE);

  /* Filtered differently, the rows go before the posts change. */
  g_signal_connect (posts, "items-changed", G_CALLBACK (count_shown_change), fixture);
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_DRAFTS);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (fixture->shown_changes, ==, 0);
  g_signal_handlers_disconnect_by_func (posts, count_shown_change, fixture);
  assert_rows_are (fixture, "pycon", TRUE);
  changes = 0;
  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  g_assert_cmpuint (changes, >, 0);
  assert_rows_are (fixture, "pycon", FALSE);
  g_signal_handlers_disconnect_by_func (posts, count_change, &changes);
}

/* A search follows outside changes: a new post that holds the words shows,
 * one changed not to hold them any more goes; accents and case are ignored
 * in the new text too. */
static void
test_search_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  search (fixture, "fer");
  search_and_wait (fixture, "ferry");
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  test_util_write_file (fixture->site_dir, "_posts/2026-01-01-harbour.md",
                        "---\ntitle: Harbour notes\n---\nThe F\u00c9RRY left at noon.\n");
  UI_TEST_WAIT_FOR (n_rows (fixture) == 2);
  g_assert_cmpstr (title_at (fixture, 0), ==, "Harbour notes");

  test_util_write_file (fixture->site_dir, "_posts/2026-01-01-harbour.md",
                        "---\ntitle: Harbour notes\n---\nThe boat left at noon.\n");
  UI_TEST_WAIT_FOR (n_rows (fixture) == 1);
  /* Typing on narrows from the changed site. */
  search_and_wait (fixture, "ferry th");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  search_and_wait (fixture, "ferry");
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

/* The entry's text edited as keys do: @typed inserted at the end, or the
 * last @erased characters deleted; then the search is waited for. */
static void
edit_search (Fixture    *fixture,
             const char *typed,
             int         erased)
{
  GtkWidget *entry;
  int end;

  recap_sidebar_focus_search (fixture->sidebar);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_TYPE_SEARCH_ENTRY);
  end = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  if (erased > 0)
    gtk_editable_delete_text (GTK_EDITABLE (entry), end - erased, end);
  else
    gtk_editable_insert_text (GTK_EDITABLE (entry), typed, -1, &end);
  g_signal_emit_by_name (entry, "search-changed");
  UI_TEST_WAIT_FOR (!recap_sidebar_get_searching (fixture->sidebar));
}

static gboolean
post_row_selected (Fixture   *fixture,
                   RecapPost *post)
{
  GListModel *rows = recap_sidebar_get_rows (fixture->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (item_in (rows, i) == post)
      return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (rows), i);
  return FALSE;
}

/* The open post's row stays selected while a search that keeps it is
 * typed and erased a key at a time: only the rows that changed are made
 * anew, and the selection keeps the others. */
static void
test_search_keeps_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char words[] = "pycon";
  RecapDocument *document;
  RecapPost *post;

  recap_sidebar_activate_row (fixture->sidebar, 1);
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (fixture->window)) != NULL);
  post = recap_document_get_post (document);
  g_assert_cmpstr (recap_post_get_title (post), ==, "PyCon US 2024, day two");
  /* As a click on the row selects it. */
  recap_sidebar_select_post (fixture->sidebar, post);
  g_assert_true (post_row_selected (fixture, post));

  for (guint i = 0; i < strlen (words); i++)
    {
      char key[2] = { words[i], '\0' };

      edit_search (fixture, key, 0);
      g_assert_true (post_row_selected (fixture, post));
    }
  g_assert_cmpuint (n_rows (fixture), <, 14);
  for (guint i = 0; i < strlen (words); i++)
    {
      edit_search (fixture, NULL, 1);
      g_assert_true (post_row_selected (fixture, post));
    }
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

/* The Problems view checks the site in a thread: switching to it returns
 * before the lint has looked at a post, and the groups come later. */
static void
test_problems_checked_in_thread (Fixture       *fixture,
                                 gconstpointer  data)
{
  RecapPost *post;

  test_util_write_file (fixture->site_dir, "_posts/2026-01-01-untitled.md", "---\nlayout: post\n---\nText.\n");
  UI_TEST_WAIT_FOR (n_rows (fixture) == 15);
  post = item_at (fixture, 0);
  g_assert_cmpstr (recap_post_get_relative_path (post), ==, "_posts/2026-01-01-untitled.md");

  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_PROBLEMS);
  g_assert_null (recap_post_get_problems (post));

  UI_TEST_WAIT_FOR (n_rows (fixture) > 0 && RECAP_IS_POST_GROUP (item_at (fixture, 0)) &&
                    recap_post_get_problems (post) != NULL);
  g_assert_true (g_strv_contains (recap_post_get_problems (post), "Missing title"));
  g_assert_cmpstr (recap_post_group_get_key (group_at (fixture, 0)), ==, "Missing title");
}

static gboolean
filters (Fixture *fixture)
{
  return recap_match_list_has_match_func (RECAP_MATCH_LIST (shown_posts (fixture)));
}

/* With nothing to filter out, the list of posts has no filter function:
 * it then keeps no list of the posts that match, which it would shift for
 * each post inserted amid the others. */
static void
test_no_filter_without_search (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_false (filters (fixture));

  search_and_wait (fixture, "picnic");
  UI_TEST_WAIT_FOR (n_rows (fixture) == 1);
  g_assert_true (filters (fixture));

  search_and_wait (fixture, "");
  UI_TEST_WAIT_FOR (n_rows (fixture) == 14);
  g_assert_false (filters (fixture));

  recap_sidebar_set_view (fixture->sidebar, RECAP_SIDEBAR_VIEW_DRAFTS);
  UI_TEST_WAIT_FOR (n_rows (fixture) < 14);
  g_assert_true (filters (fixture));
}

/* The row's child with @css_class, or NULL. */
static GtkWidget *
row_part (GtkWidget  *row,
          const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return child;
  return NULL;
}

/* The badge, dot and snippet come and go with what the row shows. */
static void
test_post_row_parts (void)
{
  g_autoptr(RecapPost) draft = test_post_new ("_posts/2024-01-01-draft.md", "---\ntitle: A draft\npublished: false\n---\n");
  g_autoptr(RecapPost) published = test_post_new ("_posts/2024-01-02-out.md", "---\ntitle: Out\ntags: [a, b]\n---\n");
  GtkWidget *row = g_object_ref_sink (g_object_new (RECAP_TYPE_POST_ROW, NULL));
  GtkWidget *snippet;

  recap_post_row_set_post (RECAP_POST_ROW (row), draft);
  g_assert_nonnull (row_part (row, "badge"));
  g_assert_null (row_part (row, "unsaved-dot"));
  g_assert_null (row_part (row, "snippet"));

  recap_post_set_unsaved (draft, TRUE);
  g_assert_nonnull (row_part (row, "unsaved-dot"));
  recap_post_set_unsaved (draft, FALSE);
  g_assert_null (row_part (row, "unsaved-dot"));

  recap_post_row_set_snippet (RECAP_POST_ROW (row), "…a match…");
  snippet = row_part (row, "snippet");
  g_assert_nonnull (snippet);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (snippet)), ==, "…a match…");
  g_assert_true (gtk_widget_get_last_child (row) == snippet);
  recap_post_row_set_snippet (RECAP_POST_ROW (row), NULL);
  g_assert_null (row_part (row, "snippet"));

  /* Rows are reused for other posts: the old one no longer shows. */
  recap_post_set_unsaved (published, TRUE);
  recap_post_row_set_post (RECAP_POST_ROW (row), published);
  g_assert_null (row_part (row, "badge"));
  g_assert_nonnull (row_part (row, "unsaved-dot"));
  recap_post_set_unsaved (draft, TRUE);
  recap_post_set_unsaved (published, FALSE);
  g_assert_null (row_part (row, "unsaved-dot"));

  g_object_unref (row);
}

/* Counts the post rows under @widget that show a snippet, and checks
 * that each row shows where @folded is found in its post. */
static guint
check_snippets (GtkWidget  *widget,
                const char *folded)
{
  guint n = 0;

  if (RECAP_IS_POST_ROW (widget) && recap_post_row_get_post (RECAP_POST_ROW (widget)) != NULL)
    {
      GtkWidget *label = row_part (widget, "snippet");
      g_autofree char *expected = NULL;

      recap_post_matches (recap_post_row_get_post (RECAP_POST_ROW (widget)), folded, &expected);
      g_assert_cmpstr (label ? gtk_label_get_label (GTK_LABEL (label)) : NULL, ==, expected);
      return expected != NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_snippets (child, folded);
  return n;
}

/* A row kept through a keystroke shows where the new query is found: in
 * the picnic's report "ab" is first found well before "abo". */
static void
test_search_updates_snippets (Fixture       *fixture,
                              gconstpointer  data)
{
  edit_search (fixture, "ab", 0);
  g_assert_cmpuint (check_snippets (GTK_WIDGET (fixture->sidebar), "ab"), >, 0);
  edit_search (fixture, "o", 0);
  g_assert_cmpuint (check_snippets (GTK_WIDGET (fixture->sidebar), "abo"), >, 0);
  edit_search (fixture, NULL, 1);
  g_assert_cmpuint (check_snippets (GTK_WIDGET (fixture->sidebar), "ab"), >, 0);
}

/* More posts than GTK 4.8's list view makes row widgets for (some 200): the
 * rows far from where it is scrolled have none. Each post is of its own
 * event. */
static char *
large_site_day (guint i)
{
  g_autoptr(GDateTime) first_day = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_days (first_day, i);

  return g_date_time_format (date, "%Y-%m-%d");
}

static char *
large_site_path (guint i)
{
  g_autofree char *day = large_site_day (i);

  return g_strdup_printf ("_posts/%s-post-%u.md", day, i);
}

/* Post @i of a large site, titled "Post @i" followed by @title_end. */
static void
write_large_site_post (const char *dir,
                       guint       i,
                       const char *title_end)
{
  g_autofree char *day = large_site_day (i);
  g_autofree char *path = large_site_path (i);
  g_autofree char *text = g_strdup_printf ("---\ntitle: Post %u%s\ndate: %s 19:00:00\ntags: [a, b]\n"
                                           "event: Meetup %u\n---\nText.\n", i, title_end, day, i);

  test_util_write_file (dir, path, text);
}

static char *
write_large_site (guint n_posts)
{
  g_autofree char *dir = g_dir_make_tmp ("recap-sidebar-XXXXXX", NULL);

  g_assert_nonnull (dir);
  test_util_write_file (dir, "_config.yml", "title: Large site\n");
  for (guint i = 0; i < n_posts; i++)
    write_large_site_post (dir, i, "");
  return g_steal_pointer (&dir);
}

/* The list of posts, not the one in the view drop-down's popover. */
static GtkWidget *
find_post_list (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_post_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many pixels of the list's visible area row widgets cover, and whether
 * the row of @post is among them from its top to its bottom. */
static int
shown_height (GtkWidget *list_view,
              RecapPost *post,
              gboolean  *shows_post)
{
  int height = gtk_widget_get_height (list_view);
  int covered = 0;

  *shows_post = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child), *row;
      graphene_rect_t bounds;
      float top, bottom;

      /* The list hides the rows it places outside the visible area. */
      if (!GTK_IS_TREE_EXPANDER (expander) || !gtk_widget_get_mapped (child) ||
          !gtk_widget_compute_bounds (child, list_view, &bounds))
        continue;
      top = MAX (bounds.origin.y, 0);
      bottom = MIN (bounds.origin.y + bounds.size.height, height);
      if (bottom <= top)
        continue;
      covered += bottom - top;
      row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
      if (RECAP_IS_POST_ROW (row) && recap_post_row_get_post (RECAP_POST_ROW (row)) == post)
        {
          g_test_message ("row: %g to %g of %d", bounds.origin.y, bounds.origin.y + bounds.size.height, height);
          *shows_post = bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= height;
        }
    }
  return covered;
}

static guint
position_of (GListModel *rows,
             gpointer    post)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (item_in (rows, i) == post)
      return i;
  g_assert_not_reached ();
}

/* The widget of the list view's row that shows @post, NULL for none. */
static GtkWidget *
row_widget_of (GtkWidget *list_view,
               RecapPost *post)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkWidget *row = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)) : NULL;

      if (RECAP_IS_POST_ROW (row) && recap_post_row_get_post (RECAP_POST_ROW (row)) == post)
        return expander;
    }
  return NULL;
}

/* Borrowed: @widget's gesture for right clicks. */
static GtkGesture *
context_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
note_activated (RecapSidebar  *sidebar,
                RecapPost     *post,
                RecapPost    **activated)
{
  g_set_object (activated, post);
}

/* The flat list's rows are the posts themselves, with no GtkTreeListModel
 * over them: they open, and a right click makes its row the selection the
 * menu acts on. */
static void
test_flat_rows_are_posts (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *rows = recap_sidebar_get_rows (fixture->sidebar);
  GtkWidget *list_view = find_post_list (GTK_WIDGET (fixture->sidebar));
  g_autoptr(GObject) row = g_list_model_get_item (rows, 2);
  g_autoptr(RecapPost) activated = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  GtkWidget *widget;

  g_assert_true (RECAP_IS_POST (row));
  g_signal_connect (fixture->sidebar, "post-activated", G_CALLBACK (note_activated), &activated);
  recap_sidebar_activate_row (fixture->sidebar, 2);
  g_signal_handlers_disconnect_by_func (fixture->sidebar, note_activated, &activated);
  g_assert_true (activated == RECAP_POST (row));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
  UI_TEST_WAIT_FOR ((widget = row_widget_of (list_view, RECAP_POST (row))) != NULL);
  g_signal_emit_by_name (context_gesture (widget), "pressed", 1, 1.0, 1.0);
  selected = recap_sidebar_dup_selected_posts (fixture->sidebar);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == row);
}

/* Opening a site at a post scrolls the list, which has just been shown and
 * has no size yet, to that post: the rows around it fill the list. */
static void
test_open_post_in_large_site (void)
{
  g_autofree char *site_dir = write_large_site (500);
  RecapWindow *window = recap_window_new (NULL);
  RecapDocument *document;
  RecapSidebar *sidebar;
  GtkWidget *list_view;
  guint position;
  gboolean shown = FALSE;
  int covered;

  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  list_view = find_post_list (GTK_WIDGET (sidebar));
  g_assert_nonnull (list_view);

  /* The oldest post: the last row, far from the top. */
  document = ui_test_open_post (window, site_dir, "_posts/2000-01-01-post-0.md");
  position = position_of (recap_sidebar_get_rows (sidebar), recap_document_get_post (document));
  g_assert_cmpuint (position, ==, 499);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (recap_sidebar_get_rows (sidebar)), position));

  /* A few frames: the list scrolls once laid out. */
  UI_TEST_WAIT_FOR ((covered = shown_height (list_view, recap_document_get_post (document), &shown), shown));
  /* Rows all the way, but for the gaps between them. */
  g_assert_cmpint (covered, >=, gtk_widget_get_height (list_view) * 3 / 4);

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Waits for @n frames of @widget: a list view lays out and moves its rows
 * in frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  UI_TEST_WAIT_FOR (frames >= n);
  gtk_widget_remove_tick_callback (widget, tick);
}

static gboolean
lists_title (GListModel *rows,
             const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      gpointer item = item_in (rows, i);

      if (RECAP_IS_POST (item) && g_strcmp0 (recap_post_get_title (item), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
all_have_layout (GListModel *rows,
                 const char *layout)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    if (g_strcmp0 (recap_post_get_layout (item_in (rows, i)), layout) != 0)
      return FALSE;
  return TRUE;
}

/* Another program changes the open post and a post in view: the site reads
 * both again, their rows come back as new rows, and the list stays where
 * the user scrolled it, with the open post selected again; the same when
 * _config.yml changes and every row comes back. */
static void
test_reload_keeps_scroll (void)
{
  /* Rows for three screens; a _config.yml change re-reads them all at
   * some 10 posts a second on a loaded machine. */
  g_autofree char *site_dir = write_large_site (100);
  g_autofree char *open_path = large_site_path (99);
  RecapWindow *window = recap_window_new (NULL);
  RecapDocument *document;
  RecapSidebar *sidebar;
  GtkAdjustment *adjustment;
  GtkWidget *list_view;
  GListModel *rows;
  double value;

  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  list_view = find_post_list (GTK_WIDGET (sidebar));
  rows = recap_sidebar_get_rows (sidebar);
  /* The newest post, the first row. */
  document = ui_test_open_post (window, site_dir, open_path);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (rows) == 100 && gtk_adjustment_get_page_size (adjustment) > 0 &&
                    gtk_adjustment_get_upper (adjustment) > 3 * gtk_adjustment_get_page_size (adjustment));

  /* Halfway down, far from the open post's row. */
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) / 2);
  wait_frames (list_view, 3);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, gtk_adjustment_get_page_size (adjustment));

  write_large_site_post (site_dir, 99, ", changed");
  write_large_site_post (site_dir, 50, ", changed");
  UI_TEST_WAIT_FOR (lists_title (rows, "Post 50, changed") &&
                    g_strcmp0 (recap_post_get_title (recap_document_get_post (document)), "Post 99, changed") == 0);
  wait_frames (list_view, 3);

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (rows), 0));
  g_assert_true (item_in (rows, 0) == recap_document_get_post (document));

  /* A changed _config.yml has the site read every post again. */
  test_util_write_file (site_dir, "_config.yml", "title: Large site\n"
                        "defaults:\n  - scope: {path: \"\"}\n    values: {layout: note}\n");
  UI_TEST_WAIT_FOR (all_have_layout (rows, "note"));
  wait_frames (list_view, 3);

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (rows), 0));

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

typedef struct {
  guint    max_added;
  guint    max_removed;
  gboolean partial;  /* seen with some but not all rows */
  guint    total;
} RowSteps;

static void
row_step (GListModel *rows,
          guint       position,
          guint       removed,
          guint       added,
          RowSteps   *steps)
{
  guint n = g_list_model_get_n_items (rows);

  steps->max_added = MAX (steps->max_added, added);
  steps->max_removed = MAX (steps->max_removed, removed);
  steps->partial |= n > 0 && n < steps->total;
}

/* Rows of a big site show while it loads, a few at a time: no change to
 * the list rebuilds the rows already there, which on 50,000 posts froze
 * the window for seconds. */
static GListModel *
window_rows (RecapWindow *window)
{
  return recap_sidebar_get_rows (RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR)));
}

/* A window showing @view of a new site of steps->total posts (in
 * *@site_dir), once all are listed; changes to its rows are counted from
 * the start of the load. */
static RecapWindow *
open_large_site (RecapSidebarView   view,
                 RowSteps          *steps,
                 char             **site_dir)
{
  g_autoptr(GFile) root = NULL;
  RecapWindow *window = recap_window_new (NULL);
  RecapSidebar *sidebar;
  GListModel *rows;
  RecapSite *site;

  *site_dir = write_large_site (steps->total);
  root = g_file_new_for_path (*site_dir);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, view);
  rows = recap_sidebar_get_rows (sidebar);
  g_signal_connect (rows, "items-changed", G_CALLBACK (row_step), steps);
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR ((site = recap_window_get_site (window)) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (site)) == steps->total &&
                    g_list_model_get_n_items (rows) == steps->total);
  return window;
}

static void
close_large_site (RecapWindow *window,
                  RowSteps    *steps,
                  const char  *site_dir)
{
  g_signal_handlers_disconnect_by_func (window_rows (window), row_step, steps);
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

static void
test_large_site_rows_in_small_steps (void)
{
  RowSteps steps = { .total = 600 };
  g_autofree char *site_dir = NULL;
  RecapWindow *window = open_large_site (RECAP_SIDEBAR_VIEW_POSTS, &steps, &site_dir);
  GListModel *rows = window_rows (window);

  g_assert_true (steps.partial);
  g_assert_cmpuint (steps.max_removed, ==, 0);
  g_assert_cmpuint (steps.max_added, <=, 16);
  /* Newest first all the same. */
  g_assert_cmpstr (recap_post_get_title (item_in (rows, 0)), ==, "Post 599");
  g_assert_cmpstr (recap_post_get_title (item_in (rows, steps.total - 1)), ==, "Post 0");

  close_large_site (window, &steps, site_dir);
}

static void
count_removals (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                guint      *removals)
{
  if (removed > 0)
    (*removals)++;
}

/* Opening another site drops the rows of the old one all at once, not
 * one by one as GtkTreeListModel removes the rows of removed posts: on
 * 50,000 posts that took 20-37 ms. */
static void
test_site_change_drops_rows_at_once (void)
{
  const guint total = 300;
  g_autofree char *site_dir = write_large_site (total);
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  RecapWindow *window = recap_window_new (NULL);
  RecapSidebar *sidebar;
  GListModel *rows;
  guint removals = 0;

  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  rows = recap_sidebar_get_rows (sidebar);
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (rows) == total);

  g_signal_connect (rows, "items-changed", G_CALLBACK (count_removals), &removals);
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (rows) == total);
  g_signal_handlers_disconnect_by_func (rows, count_removals, &removals);

  g_assert_cmpuint (removals, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

/* Thousands of groups go into the list a few at a time, each step one
 * change: in one splice they took 8-64 ms. */
static void
test_groups_in_small_steps (void)
{
  RowSteps steps = { .total = 300 };
  g_autofree char *site_dir = NULL;
  RecapWindow *window = open_large_site (RECAP_SIDEBAR_VIEW_EVENTS, &steps, &site_dir);
  GListModel *rows = window_rows (window);
  GtkTreeListRow *row;

  g_assert_true (steps.partial);

  /* A new post: the new groups replace the old ones step by step, and the
   * expanded group is expanded again. */
  row = g_list_model_get_item (rows, 0);
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_clear_object (&row);
  test_util_write_file (site_dir, "_posts/2001-01-01-post-300.md",
                        "---\ntitle: Post 300\ndate: 2001-01-01 19:00:00\nevent: Meetup 300\n---\nText.\n");
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (rows) == steps.total + 2 &&
                    RECAP_IS_POST_GROUP (item_in (rows, steps.total + 1)));

  /* 16 groups a step; the expanded one goes with its post's row. */
  g_assert_cmpuint (steps.max_added, <=, 16);
  g_assert_cmpuint (steps.max_removed, <=, 17);
  g_assert_cmpstr (recap_post_group_get_key (item_in (rows, 0)), ==, "Meetup 300");
  g_assert_cmpstr (recap_post_group_get_key (item_in (rows, 1)), ==, "Meetup 299");
  g_assert_cmpstr (recap_post_get_title (item_in (rows, 2)), ==, "Post 299");

  close_large_site (window, &steps, site_dir);
}

typedef struct {
  guint max_added;   /* rows added by one change among the first RECAP_ROW_PACER_LIMIT */
  guint n_changes;
} NearSteps;

static void
near_step (GListModel *rows,
           guint       position,
           guint       removed,
           guint       added,
           NearSteps  *steps)
{
  guint in_reach = position < RECAP_ROW_PACER_LIMIT ? MIN (added, RECAP_ROW_PACER_LIMIT - position) : 0;

  steps->max_added = MAX (steps->max_added, in_reach);
  steps->n_changes++;
}

/* Expanding a group of hundreds of posts adds its rows a few per frame: in
 * one change GTK 4.8 built and measured some 200 row widgets in one frame. */
static void
test_group_expands_in_steps (void)
{
  const guint total = 300;
  g_autofree char *site_dir = write_large_site (total);
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  RecapWindow *window = recap_window_new (NULL);
  NearSteps steps = { 0 };
  RecapSidebar *sidebar;
  GListModel *rows;
  RecapSite *site;

  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_TAGS);
  rows = recap_sidebar_get_rows (sidebar);
  recap_window_open_location (window, root);
  /* Every post has the tags a and b. */
  UI_TEST_WAIT_FOR ((site = recap_window_get_site (window)) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (site)) == total &&
                    g_list_model_get_n_items (rows) == 2 && RECAP_IS_POST_GROUP (item_in (rows, 0)) &&
                    g_list_model_get_n_items (recap_post_group_get_posts (item_in (rows, 0))) == total);

  g_signal_connect (rows, "items-changed", G_CALLBACK (near_step), &steps);
  recap_sidebar_activate_row (sidebar, 0);
  UI_TEST_WAIT_FOR (g_list_model_get_n_items (rows) == total + 2);
  g_signal_handlers_disconnect_by_func (rows, near_step, &steps);

  g_assert_cmpuint (steps.max_added, <=, RECAP_ROW_PACER_STEP);
  g_assert_cmpuint (steps.n_changes, >, 1);
  g_assert_cmpstr (recap_post_get_title (item_in (rows, 1)), ==, "Post 299");
  g_assert_cmpstr (recap_post_get_title (item_in (rows, total)), ==, "Post 0");
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

/* A site with collections, a page and files Jekyll does not read. */
static char *
write_collections_site (void)
{
  char *site_dir = g_dir_make_tmp ("recap-test-XXXXXX", NULL);

  test_util_write_file (site_dir, "_config.yml",
                        "collections:\n  presenters:\n    output: true\n  sponsors: {}\n");
  test_util_write_file (site_dir, "_posts/2024-01-02-hello.md", "---\ntitle: Hello\n---\n");
  test_util_write_file (site_dir, "_posts/2024-01-03-second.md", "---\ntitle: Second\n---\n");
  test_util_write_file (site_dir, "_drafts/idea.md", "---\ntitle: Idea\n---\n");
  test_util_write_file (site_dir, "_presenters/ada.md", "---\nname: Ada\n---\n");
  test_util_write_file (site_dir, "_presenters/bob.md", "---\nname: Bob\n---\n");
  test_util_write_file (site_dir, "_sponsors/acme.md", "---\nname: Acme\n---\n");
  test_util_write_file (site_dir, "about.md", "---\ntitle: About\n---\n");
  test_util_write_file (site_dir, "_posts/undated.md", "---\ntitle: Undated\n---\n");
  test_util_write_file (site_dir, "README.md", "# Read me\n");
  return site_dir;
}

static char *
choices_of (GtkWidget *window)
{
  GtkWidget *chooser = ui_test_find_by_type (window, RECAP_TYPE_COLLECTION_CHOOSER);
  GtkDropDown *dropdown = GTK_DROP_DOWN (ui_test_find_by_type (chooser, GTK_TYPE_DROP_DOWN));
  GListModel *labels = gtk_drop_down_get_model (dropdown);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    g_strv_builder_add (builder, gtk_string_list_get_string (GTK_STRING_LIST (labels), i));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (", ", strv);
}

static gboolean
choices_are (GtkWidget  *window,
             const char *expected)
{
  g_autofree char *choices = choices_of (window);

  return g_str_equal (choices, expected);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The paths of the rows, sorted. */
static char *
paths_of (GListModel *rows)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (paths, (gpointer) recap_post_get_relative_path (item_in (rows, i)));
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return g_strjoinv (" ", (char **) paths->pdata);
}

/* By default the sidebar lists posts and drafts; each choice lists its files,
 * with its count; the files Jekyll skips say why. */
static void
test_collections (void)
{
  g_autofree char *site_dir = write_collections_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.recapnotes.Recap");
  RecapWindow *window;
  RecapSidebar *sidebar;
  GListModel *rows;
  g_autofree char *choices = NULL;
  g_autofree char *readme = NULL;
  static const struct { const char *filter, *paths; } cases[] = {
    { "drafts", "_drafts/idea.md" },
    { "presenters", "_presenters/ada.md _presenters/bob.md" },
    { "sponsors", "_sponsors/acme.md" },
    { "pages", "about.md" },
    { "other", "README.md _posts/undated.md" },
    { "all", "README.md _drafts/idea.md _posts/2024-01-02-hello.md _posts/2024-01-03-second.md "
             "_posts/undated.md _presenters/ada.md _presenters/bob.md _sponsors/acme.md about.md" },
  };

  g_settings_reset (settings, "sidebar-collection");
  window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  rows = recap_sidebar_get_rows (sidebar);
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR (recap_window_get_site (window) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (recap_window_get_site (window))) == 9 &&
                    g_list_model_get_n_items (rows) == 3);

  g_assert_cmpstr (paths_of (rows), ==, "_drafts/idea.md _posts/2024-01-02-hello.md _posts/2024-01-03-second.md");
  choices = choices_of (GTK_WIDGET (window));
  g_assert_cmpstr (choices, ==, "Posts (3), Drafts (1), presenters (2), sponsors (1), Pages (1), "
                                "Other Files (2), All Files (9)");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *paths = NULL;

      recap_sidebar_set_collection (sidebar, cases[i].filter);
      paths = paths_of (rows);
      g_assert_cmpstr (paths, ==, cases[i].paths);
    }
  g_assert_cmpstr (g_settings_get_string (settings, "sidebar-collection"), ==, "all");

  recap_sidebar_set_collection (sidebar, "other");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_assert_nonnull (recap_post_get_skip_reason (item_in (rows, i)));

  /* The counts follow files that come and go. */
  readme = g_build_filename (site_dir, "README.md", NULL);
  g_assert_cmpint (g_unlink (readme), ==, 0);
  test_util_write_file (site_dir, "_drafts/more.md", "---\ntitle: More\n---\nText.\n");
  UI_TEST_WAIT_FOR (choices_are (GTK_WIDGET (window), "Posts (4), Drafts (2), presenters (2), sponsors (1), "
                                                      "Pages (1), Other Files (1), All Files (9)"));
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

static void
measure_width (GtkWidget *widget,
               int       *minimum,
               int       *natural)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
}

/* The drop-downs ellipsize their choice: a count that grows as a site
 * loads ("Posts (100000)") never widens the sidebar, which would lay out
 * and draw the whole window again. */
static void
test_counts_keep_width (void)
{
  g_autofree char *site_dir = write_collections_site ();
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  RecapWindow *window = recap_window_new (NULL);
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  GtkWidget *chooser = ui_test_find_by_type (sidebar, RECAP_TYPE_COLLECTION_CHOOSER);
  GtkDropDown *dropdown = GTK_DROP_DOWN (ui_test_find_by_type (chooser, GTK_TYPE_DROP_DOWN));
  const char *long_choice[] = { "Posts (100000000000000000000)", NULL };
  int minimum, natural, minimum_after, natural_after;

  gtk_window_present (GTK_WINDOW (window));
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR (recap_window_get_site (window) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (recap_window_get_site (window))) == 9);
  measure_width (sidebar, &minimum, &natural);
  g_assert_cmpint (natural, ==, gtk_widget_get_width (sidebar));

  gtk_string_list_splice (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), 0, 1, long_choice);
  gtk_drop_down_set_selected (dropdown, 0);
  measure_width (sidebar, &minimum_after, &natural_after);
  g_assert_cmpint (minimum_after, ==, minimum);
  g_assert_cmpint (natural_after, ==, natural);
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

/* On a folder that is not a Jekyll site, Problems says so once, as
 * recap-cli lint does, instead of listing Jekyll's rules file by file. */
static void
test_problems_not_jekyll (void)
{
  g_autofree char *site_dir = g_dir_make_tmp ("recap-test-XXXXXX", NULL);
  g_autoptr(GFile) root = NULL;
  RecapWindow *window = recap_window_new (NULL);
  RecapSidebar *sidebar;
  AdwStatusPage *empty;

  test_util_write_file (site_dir, "content/posts/2024-01-02-hello.md", "---\ntitle: Hello\n---\nText.\n");
  test_util_write_file (site_dir, "content/posts/2024-01-03-bom.md", "\xEF\xBB\xBF---\ntitle: Bom\n---\nText.\n");
  root = g_file_new_for_path (site_dir);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR));
  empty = ADW_STATUS_PAGE (ui_test_find_by_type (GTK_WIDGET (sidebar), ADW_TYPE_STATUS_PAGE));
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_PROBLEMS);
  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR (g_strcmp0 (adw_status_page_get_title (empty), "Not a Jekyll Site") == 0 &&
                    gtk_widget_get_mapped (GTK_WIDGET (empty)));

  g_assert_cmpuint (g_list_model_get_n_items (recap_sidebar_get_rows (sidebar)), ==, 0);
  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/sidebar/posts-newest-first", NULL, test_posts_newest_first);
  UI_TEST_ADD ("/sidebar/events", NULL, test_events);
  UI_TEST_ADD ("/sidebar/groups-arrive-later", NULL, test_groups_arrive_later);
  UI_TEST_ADD ("/sidebar/tags-by-use", NULL, test_tags_by_use);
  UI_TEST_ADD ("/sidebar/years-and-authors", NULL, test_years_and_authors);
  UI_TEST_ADD ("/sidebar/drafts", NULL, test_drafts);
  UI_TEST_ADD ("/sidebar/search", NULL, test_search);
  UI_TEST_ADD ("/sidebar/search-follows-changes", NULL, test_search_follows_changes);
  UI_TEST_ADD ("/sidebar/search-typed-and-widened", NULL, test_search_typed_and_widened);
  UI_TEST_ADD ("/sidebar/search-keeps-selection", NULL, test_search_keeps_selection);
  UI_TEST_ADD ("/sidebar/flat-rows-are-posts", NULL, test_flat_rows_are_posts);
  UI_TEST_ADD ("/sidebar/search-updates-snippets", NULL, test_search_updates_snippets);
  UI_TEST_ADD ("/sidebar/views-keep-filter-and-rows", NULL, test_views_keep_filter_and_rows);
  UI_TEST_ADD ("/sidebar/activate-opens-post", NULL, test_activate_opens_post);
  UI_TEST_ADD ("/sidebar/live-update", NULL, test_live_update);
  UI_TEST_ADD ("/sidebar/problems-checked-in-thread", NULL, test_problems_checked_in_thread);
  UI_TEST_ADD ("/sidebar/no-filter-without-search", NULL, test_no_filter_without_search);
  g_test_add_func ("/sidebar/post-row-parts", test_post_row_parts);
  g_test_add_func ("/sidebar/open-post-in-large-site", test_open_post_in_large_site);
  g_test_add_func ("/sidebar/reload-keeps-scroll", test_reload_keeps_scroll);
  g_test_add_func ("/sidebar/large-site-rows-in-small-steps", test_large_site_rows_in_small_steps);
  g_test_add_func ("/sidebar/site-change-drops-rows-at-once", test_site_change_drops_rows_at_once);
  g_test_add_func ("/sidebar/groups-in-small-steps", test_groups_in_small_steps);
  g_test_add_func ("/sidebar/group-expands-in-steps", test_group_expands_in_steps);
  g_test_add_func ("/sidebar/collections", test_collections);
  g_test_add_func ("/sidebar/counts-keep-width", test_counts_keep_width);
  g_test_add_func ("/sidebar/problems-not-jekyll", test_problems_not_jekyll);

  return g_test_run ();
}
