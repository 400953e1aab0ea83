/* test-taxonomy-window.c: the taxonomy manager's counts and sort, rename,
 * merge (also by dragging a row onto another), delete and near-duplicate
 * merge, each undone to the exact bytes
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
  UiTestSite           site;
  RecapTaxonomyWindow *manager;
  GHashTable          *before; /* path → bytes of every post */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_site_set_up (&fixture->site, data);
  fixture->before = ui_test_site_snapshot (&fixture->site);
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.taxonomy", NULL);
  UI_TEST_WAIT_FOR ((fixture->manager = ui_test_find_toplevel (RECAP_TYPE_TAXONOMY_WINDOW)) != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->manager));
  ui_test_site_tear_down (&fixture->site, data);
  g_hash_table_unref (fixture->before);
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

static void
undo_and_check (Fixture    *fixture,
                const char *label)
{
  UI_TEST_WAIT_FOR (g_strcmp0 (recap_op_history_get_label (fixture->site.window->history), label) == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_has_bytes (&fixture->site, fixture->before));
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
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, planning, "tags: [gathering, planning]\n"));
  /* Only the tag: the category of the same name stays */
  g_assert_true (ui_test_site_file_contains (&fixture->site, planning, "categories: [ meetup ]\n"));
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
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, follow_up, "tags: [asyncio]\n"));
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
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, planning, "tags: [planning]\n"));
  /* A space-separated string stays one */
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, testing, "tags: python\n"));
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
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, testing, "tags: Python meetup\n"));
  UI_TEST_WAIT_FOR (recap_taxonomy_window_get_count (fixture->manager, "Python") == 4);
  undo_and_check (fixture, "Merge Tag");
}

/* Merging by drag: the function a drop calls, as one undoable operation. */
static void
test_merge_into_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *follow_up = "_posts/2024-03-28-march-follow-up.md";

  recap_taxonomy_window_merge_into (fixture->manager, (const char *[]) { "q-and-a", NULL }, "asyncio");
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, follow_up, "tags: [asyncio]\n"));
  UI_TEST_WAIT_FOR (recap_taxonomy_window_get_count (fixture->manager, "q-and-a") == 0);
  undo_and_check (fixture, "Merge Tag");
}

static gboolean
is_name_label (GtkWidget     *widget,
               gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), name) == 0 &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL;
}

/* The controller of @type on the row labelled @name. */
static gpointer
row_controller (Fixture    *fixture,
                const char *name,
                GType       type)
{
  GtkWidget *label = ui_test_find_widget (GTK_WIDGET (fixture->manager), is_name_label, name);
  g_autoptr(GListModel) controllers = NULL;

  g_assert_nonnull (label);
  controllers = gtk_widget_observe_controllers (label);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the label holds it */
    }
  g_assert_not_reached ();
}

/* A synthetic drag and drop: what the row "python" offers when dragged,
 * dropped onto the row "Python", as GTK hands it over. */
static void
test_drag_row_onto_row (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *testing = "_posts/2022-11-03-testing-night.md";
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  recap_taxonomy_window_set_search (fixture->manager, "pyth");
  UI_TEST_WAIT_FOR (ui_test_find_widget (GTK_WIDGET (fixture->manager), is_name_label, "python") != NULL);
  g_signal_emit_by_name (row_controller (fixture, "python", GTK_TYPE_DRAG_SOURCE), "prepare", 1.0, 1.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRV);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_strv_equal (g_value_get_boxed (&value), (const char *[]) { "python", NULL }));

  /* Onto itself: nothing */
  g_signal_emit_by_name (row_controller (fixture, "python", GTK_TYPE_DROP_TARGET), "drop", &value, 1.0, 1.0,
                         &dropped);
  g_assert_false (dropped);
  g_signal_emit_by_name (row_controller (fixture, "Python", GTK_TYPE_DROP_TARGET), "drop", &value, 1.0, 1.0,
                         &dropped);
  g_assert_true (dropped);
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, testing, "tags: Python meetup\n"));
  UI_TEST_WAIT_FOR (recap_taxonomy_window_get_count (fixture->manager, "Python") == 4);
  undo_and_check (fixture, "Merge Tag");
}

/* Show Posts lists a name's posts in the content table. */
static void
test_show_posts (Fixture       *fixture,
                 gconstpointer  data)
{
  RecapContentTable *table = RECAP_CONTENT_TABLE (ui_test_find_by_type (GTK_WIDGET (fixture->site.window),
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

  UI_TEST_ADD ("/taxonomy/counts-and-sort", NULL, test_counts_and_sort);
  UI_TEST_ADD ("/taxonomy/rename-and-undo", NULL, test_rename_and_undo);
  UI_TEST_ADD ("/taxonomy/merge-and-undo", NULL, test_merge_and_undo);
  UI_TEST_ADD ("/taxonomy/delete-and-undo", NULL, test_delete_and_undo);
  UI_TEST_ADD ("/taxonomy/near-duplicate-merge-and-undo", NULL, test_near_duplicate_merge_and_undo);
  UI_TEST_ADD ("/taxonomy/show-posts", NULL, test_show_posts);
  UI_TEST_ADD ("/taxonomy/merge-into-and-undo", NULL, test_merge_into_and_undo);
  UI_TEST_ADD ("/taxonomy/drag-row-onto-row", NULL, test_drag_row_onto_row);

  return g_test_run ();
}
