/* test-operations.c: new posts from templates, tag rename with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-chips-row.h"
#include "recap-new-post-dialog.h"
#include "recap-rename-tag-dialog.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

typedef struct {
  char        *site_dir;
  RecapWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->site_dir = ui_test_open_sample_site (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  g_free (fixture->site_dir);
}

static RecapNewPostDialog *
find_dialog (void)
{
  return ui_test_find_toplevel (RECAP_TYPE_NEW_POST_DIALOG);
}

static RecapDocument *
create_post (Fixture            *fixture,
             guint               template,
             const char         *title,
             const char * const *tags,
             gboolean            draft)
{
  RecapDocument *previous = recap_window_get_document (fixture->window);
  RecapNewPostDialog *dialog;
  RecapDocument *document;
  GtkWidget *title_row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-post", NULL);
  UI_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);

  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_test_find_by_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), template);
  title_row = ui_test_find_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  recap_chips_row_set_items (RECAP_CHIPS_ROW (ui_test_find_by_type (GTK_WIDGET (dialog), RECAP_TYPE_CHIPS_ROW)), tags);
  gtk_switch_set_active (GTK_SWITCH (ui_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), draft);
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (dialog), "C_reate"), "clicked");

  UI_TEST_WAIT_FOR (find_dialog () == NULL);
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (fixture->window)) != NULL && document != previous &&
                    g_strcmp0 (recap_post_get_title (recap_document_get_post (document)), title) == 0);
  return document;
}

static void
test_meetup_report (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *tags[] = { "meetup", "testing", NULL };
  RecapDocument *document = create_post (fixture, 0, "Testing night, again", tags, FALSE);
  g_autofree char *basename = g_file_get_basename (recap_document_get_file (document));
  g_autofree char *text = recap_document_dup_text (document);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *expected_name = g_strdup_printf ("%s-testing-night-again.md", day);

  g_assert_cmpstr (basename, ==, expected_name);
  g_assert_true (g_str_has_prefix (text, "---\nlayout: post\ntitle: \"Testing night, again\"\ndate: "));
  g_assert_nonnull (strstr (text, "tags: [meetup, testing]\n---\n"));
  g_assert_nonnull (strstr (text, "## Talks"));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
}

static void
test_conference_notes_draft (Fixture       *fixture,
                             gconstpointer  data)
{
  RecapDocument *document = create_post (fixture, 1, "PyCon US 2025 notes", NULL, TRUE);
  g_autoptr(GFile) root = g_file_new_for_path (fixture->site_dir);
  g_autofree char *relative = g_file_get_relative_path (root, recap_document_get_file (document));
  g_autofree char *text = recap_document_dup_text (document);

  g_assert_cmpstr (relative, ==, "_drafts/pycon-us-2025-notes.md");
  g_assert_nonnull (strstr (text, "## Hallway track"));
  g_assert_true (recap_post_get_is_draft (recap_document_get_post (document)));
}

static void
test_blank_never_overwrites (Fixture       *fixture,
                             gconstpointer  data)
{
  RecapDocument *first = create_post (fixture, 2, "Same title", NULL, TRUE);
  g_autoptr(GFile) first_file = g_object_ref (recap_document_get_file (first));
  RecapDocument *second = create_post (fixture, 2, "Same title", NULL, TRUE);
  g_autofree char *second_name = g_file_get_basename (recap_document_get_file (second));
  g_autofree char *text = recap_document_dup_text (second);

  g_assert_true (g_file_query_exists (first_file, NULL));
  g_assert_cmpstr (second_name, ==, "same-title-2.md");
  g_assert_true (g_str_has_suffix (text, "---\n\n"));
}

static gboolean
file_contains (Fixture    *fixture,
               const char *relative_path,
               const char *needle)
{
  g_autofree char *text = ui_test_read_file (fixture->site_dir, relative_path);

  return strstr (text, needle) != NULL;
}

static void
select_string (AdwComboRow *row,
               const char  *value)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), value))
        adw_combo_row_set_selected (row, i);
    }
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, value);
}

static void
test_rename_tag_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *before = ui_test_read_file (fixture->site_dir, "_posts/2024-03-14-async-for-the-rest-of-us.md");
  g_autofree char *after = NULL;
  RecapRenameTagDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-tag", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_toplevel (RECAP_TYPE_RENAME_TAG_DIALOG)) != NULL);
  select_string (ADW_COMBO_ROW (ui_test_find_by_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), "asyncio");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "async");
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (dialog), "_Rename"), "clicked");

  UI_TEST_WAIT_FOR (ui_test_find_toplevel (RECAP_TYPE_RENAME_TAG_DIALOG) == NULL);
  after = ui_test_read_file (fixture->site_dir, "_posts/2024-03-14-async-for-the-rest-of-us.md");
  g_assert_nonnull (strstr (after, "tags: [async, meetup]\n"));

  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  UI_TEST_WAIT_FOR (ui_test_file_is (fixture->site_dir, "_posts/2024-03-14-async-for-the-rest-of-us.md", before));
}

/* Selects the posts at these paths in the sidebar's Posts view, as Ctrl+click does. */
static void
select_posts (Fixture            *fixture,
              const char * const *relative_paths)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));
  GtkSelectionModel *rows = GTK_SELECTION_MODEL (recap_sidebar_get_rows (sidebar));

  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  gtk_selection_model_unselect_all (rows);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autoptr(RecapPost) post = gtk_tree_list_row_get_item (row);

      if (g_strv_contains (relative_paths, recap_post_get_relative_path (post)))
        gtk_selection_model_select_item (rows, i, FALSE);
    }
}

static void
test_assign_event (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *paths[] = { "notes/venue-checklist.md", "_posts/2021-09-10-sprint-weekend.markdown", NULL };
  AdwMessageDialog *dialog;

  select_posts (fixture, paths);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-front-matter", NULL);
  UI_TEST_WAIT_FOR (file_contains (fixture, paths[0], "---\ntitle: Venue checklist\n"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.assign-event", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Lakeside Python Sprint 2021");
  ui_test_respond ("assign");

  UI_TEST_WAIT_FOR (file_contains (fixture, paths[1], "event: \"Lakeside Python Sprint 2021\"\n"));
  UI_TEST_WAIT_FOR (file_contains (fixture, paths[0], "event: Lakeside Python Sprint 2021\n"));
}

static void
test_trash_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *paths[] = { "_posts/2023-08-24-summer-picnic.md", NULL };
  g_autofree char *path = g_build_filename (fixture->site_dir, paths[0], NULL);
  g_autofree char *before = ui_test_read_file (fixture->site_dir, paths[0]);

  select_posts (fixture, paths);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL);
  ui_test_respond ("trash");
  UI_TEST_WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));

  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  /* The restored file appears before all its bytes are in. */
  UI_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS) && ui_test_file_is (fixture->site_dir, paths[0], before));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/new-post/meetup-report", test_meetup_report);
  ADD ("/new-post/conference-notes-draft", test_conference_notes_draft);
  ADD ("/new-post/blank-never-overwrites", test_blank_never_overwrites);
  ADD ("/rename-tag/and-undo", test_rename_tag_and_undo);
  ADD ("/selection/add-front-matter-and-assign-event", test_assign_event);
  ADD ("/selection/trash-and-undo", test_trash_and_undo);
#undef ADD

  return g_test_run ();
}
