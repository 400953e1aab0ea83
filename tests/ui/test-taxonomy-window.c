/* test-taxonomy-window.c: the taxonomy manager's counts and sort, rename,
 * merge, delete and near-duplicate merge, each undone to the exact bytes
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-content-table.h"
#include "recap-taxonomy-window.h"
#include "recap-window-private.h"
#include "ui-test-util.h"

typedef struct {
  char                *site_dir;
  RecapWindow         *window;
  RecapTaxonomyWindow *manager;
  GHashTable          *before; /* path → bytes of every post */
} Fixture;

static GHashTable *
snapshot (Fixture *fixture)
{
  GListModel *posts = G_LIST_MODEL (recap_window_get_site (fixture->window));
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      const char *path = recap_post_get_relative_path (post);

      g_hash_table_insert (files, g_strdup (path), ui_test_read_file (fixture->site_dir, path));
    }
  return files;
}

static gboolean
same_bytes (Fixture *fixture)
{
  GHashTableIter iter;
  gpointer path, text;

  g_hash_table_iter_init (&iter, fixture->before);
  while (g_hash_table_iter_next (&iter, &path, &text))
    if (!ui_test_file_is (fixture->site_dir, path, text))
      return FALSE;
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->site_dir = ui_test_open_sample_site (fixture->window);
  fixture->before = snapshot (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.taxonomy", NULL);
  UI_TEST_WAIT_FOR ((fixture->manager = ui_test_find_toplevel (RECAP_TYPE_TAXONOMY_WINDOW)) != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->manager));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  g_hash_table_unref (fixture->before);
  g_free (fixture->site_dir);
}

static const char *
row_name (Fixture *fixture,
          guint    index)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (recap_taxonomy_window_get_rows (fixture->manager), index);

  return gtk_string_object_get_string (item); /* the list holds it */
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (recap_taxonomy_window_get_rows (fixture->manager));
}

static void
select_names (Fixture            *fixture,
              const char * const *names)
{
  GtkSelectionModel *selection = recap_taxonomy_window_get_selection (fixture->manager);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < n_rows (fixture); i++)
    if (g_strv_contains (names, row_name (fixture, i)))
      gtk_selection_model_select_item (selection, i, FALSE);
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = ui_test_find_button (GTK_WIDGET (fixture->manager), label);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The dialog asking for the name: @name typed, then its default response. */
static void
answer_name (const char *name,
             const char *response)
{
  RecapAlert *dialog;
  GtkWidget *entry;

  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  entry = recap_alert_get_extra_child (dialog);
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), name);
  ui_test_respond (response);
}

static gboolean
file_has (Fixture    *fixture,
          const char *path,
          const char *needle)
{
  g_autofree char *text = ui_test_read_file (fixture->site_dir, path);

  return strstr (text, needle) != NULL;
}

static void
undo_and_check (Fixture    *fixture,
                const char *label)
{
  UI_TEST_WAIT_FOR (g_strcmp0 (recap_op_history_get_label (fixture->window->history), label) == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (same_bytes (fixture));
}

static void
test_counts_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Most used first */
  g_assert_cmpstr (row_name (fixture, 0), ==, "meetup");
  g_assert_cmpuint (recap_taxonomy_window_get_count (fixture->manager, "meetup"), ==, 5);
  g_assert_cmpuint (recap_taxonomy_window_get_count (fixture->manager, "Python"), ==, 3);
  recap_taxonomy_window_sort_by (fixture->manager, "name", GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_rows (fixture); i++)
    {
      /* As GtkStringSorter compares: case folded, then collated */
      g_autofree char *fa = g_utf8_casefold (row_name (fixture, i - 1), -1);
      g_autofree char *fb = g_utf8_casefold (row_name (fixture, i), -1);
      g_autofree char *a = g_utf8_collate_key (fa, -1);
      g_autofree char *b = g_utf8_collate_key (fb, -1);

      g_assert_cmpint (strcmp (a, b), <=, 0);
    }
  /* Search ignores case and diacritics */
  recap_taxonomy_window_set_search (fixture->manager, "PYTH");
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  /* Categories */
  recap_taxonomy_window_set_taxonomy (fixture->manager, RECAP_TAXONOMY_CATEGORIES);
  recap_taxonomy_window_set_search (fixture->manager, "");
  /* 9 as Jekyll counts: testing-night has a singular `category: meetup` */
  g_assert_cmpuint (recap_taxonomy_window_get_count (fixture->manager, "meetup"), ==, 9);
}

static void
test_rename_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *planning = "_posts/2025-01-23-annual-planning.md";

  select_names (fixture, (const char *[]) { "meetup", NULL });
  click (fixture, "_Rename…");
  answer_name ("gathering", "apply");
  UI_TEST_WAIT_FOR (file_has (fixture, planning, "tags: [gathering, planning]\n"));
  /* Only the tag: the category of the same name stays */
  g_assert_true (file_has (fixture, planning, "categories: [ meetup ]\n"));
  UI_TEST_WAIT_FOR (recap_taxonomy_window_get_count (fixture->manager, "gathering") == 5);
  g_assert_cmpuint (recap_taxonomy_window_get_count (fixture->manager, "meetup"), ==, 0);
  undo_and_check (fixture, "Rename Tag");
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *follow_up = "_posts/2024-03-28-march-follow-up.md";

  select_names (fixture, (const char *[]) { "asyncio", "q-and-a", NULL });
  click (fixture, "_Merge…");
  /* The most used of the two is offered */
  answer_name (NULL, "apply");
  UI_TEST_WAIT_FOR (file_has (fixture, follow_up, "tags: [asyncio]\n"));
  undo_and_check (fixture, "Merge Tag");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *planning = "_posts/2025-01-23-annual-planning.md";
  static const char *testing = "_posts/2022-11-03-testing-night.md";

  select_names (fixture, (const char *[]) { "meetup", NULL });
  click (fixture, "_Delete…");
  answer_name (NULL, "delete");
  UI_TEST_WAIT_FOR (file_has (fixture, planning, "tags: [planning]\n"));
  /* A space-separated string stays one */
  UI_TEST_WAIT_FOR (file_has (fixture, testing, "tags: python\n"));
  undo_and_check (fixture, "Delete Tag");
}

static void
test_near_duplicate_merge_and_undo (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char *testing = "_posts/2022-11-03-testing-night.md";
  GPtrArray *suggestions = recap_taxonomy_window_get_suggestions (fixture->manager);
  gboolean python = FALSE;

  for (guint i = 0; i < suggestions->len; i++)
    python |= g_strv_equal (suggestions->pdata[i], (const char *[]) { "Python", "python", NULL });
  g_assert_true (python);

  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->manager), "Merge into “Python”"), "clicked");
  UI_TEST_WAIT_FOR (file_has (fixture, testing, "tags: Python meetup\n"));
  UI_TEST_WAIT_FOR (recap_taxonomy_window_get_count (fixture->manager, "Python") == 4);
  undo_and_check (fixture, "Merge Tag");
}

/* Show Posts lists a name's posts in the content table. */
static void
test_show_posts (Fixture       *fixture,
                 gconstpointer  data)
{
  RecapContentTable *table = RECAP_CONTENT_TABLE (ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                        RECAP_TYPE_CONTENT_TABLE));

  select_names (fixture, (const char *[]) { "asyncio", NULL });
  click (fixture, "Show _Posts");
  g_assert_cmpstr (recap_content_table_get_query (table), ==, "tag:\"asyncio\"");
  UI_TEST_WAIT_FOR (!recap_content_table_is_busy (table) &&
                    g_list_model_get_n_items (recap_content_table_get_rows (table)) == 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/taxonomy/counts-and-sort", test_counts_and_sort);
  ADD ("/taxonomy/rename-and-undo", test_rename_and_undo);
  ADD ("/taxonomy/merge-and-undo", test_merge_and_undo);
  ADD ("/taxonomy/delete-and-undo", test_delete_and_undo);
  ADD ("/taxonomy/near-duplicate-merge-and-undo", test_near_duplicate_merge_and_undo);
  ADD ("/taxonomy/show-posts", test_show_posts);
#undef ADD

  return g_test_run ();
}
