/* test-operations.c: new posts from templates, tag rename with undo
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-chips-row.h"
#include "recap-new-post-dialog.h"
#include "recap-taxonomy-window.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

typedef UiTestSite Fixture;

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
  /* Dated in the site's zone (the sample site's `timezone:`), not the
   * machine's: from 00:00 to 06:00 UTC that is still the day before. */
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Chicago");
  g_autoptr(GDateTime) today = g_date_time_new_now (zone);
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
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The row named @name among the manager's rows, or G_MAXUINT. */
static guint
row_named (RecapTaxonomyWindow *manager,
           const char          *name)
{
  GListModel *rows = recap_taxonomy_window_get_rows (manager);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (rows, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        return i;
    }
  return G_MAXUINT;
}

/* Rename Tag… lists the tags with their counts and finds one by typing;
 * its Rename asks the new name with type-ahead over the names in use. */
static void
test_rename_tag_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *path = "_posts/2024-03-14-async-for-the-rest-of-us.md";
  g_autofree char *before = ui_test_read_file (fixture->site_dir, path);
  RecapTaxonomyWindow *manager;
  RecapAlert *dialog;
  GtkWidget *focus, *entry, *popover;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-tag", NULL);
  UI_TEST_WAIT_FOR ((manager = ui_test_find_toplevel (RECAP_TYPE_TAXONOMY_WINDOW)) != NULL);
  /* The focus is in the name search (not the drop-down's own) */
  focus = gtk_root_get_focus (GTK_ROOT (manager));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_null (gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN));
  /* Typing narrows the list; the count shows beside the name */
  recap_taxonomy_window_set_search (manager, "asyn");
  g_assert_cmpuint (g_list_model_get_n_items (recap_taxonomy_window_get_rows (manager)), ==, 1);
  g_assert_cmpuint (row_named (manager, "asyncio"), ==, 0);
  g_assert_cmpuint (recap_taxonomy_window_get_count (manager, "asyncio"), ==, 2);
  gtk_selection_model_select_item (recap_taxonomy_window_get_selection (manager), 0, TRUE);
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (manager), "_Rename…"), "clicked");

  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  entry = recap_alert_get_extra_child (dialog);
  /* Type-ahead over the tags in use */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "meet");
  popover = gtk_widget_get_last_child (entry);
  g_assert_true (GTK_IS_POPOVER (popover));
  UI_TEST_WAIT_FOR (gtk_widget_get_visible (popover));
  g_assert_nonnull (ui_test_find_widget (popover, label_is, "meetup"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "async");
  ui_test_respond ("apply");

  UI_TEST_WAIT_FOR (ui_test_site_file_contains (fixture, path, "tags: [async, meetup]\n"));
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  UI_TEST_WAIT_FOR (ui_test_file_is (fixture->site_dir, path, before));
  gtk_window_destroy (GTK_WINDOW (manager));
}

/* Selects the posts at these paths in the sidebar's Posts view, as Ctrl+click does. */
static void
select_posts (Fixture            *fixture,
              const char * const *relative_paths)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));
  GtkSelectionModel *rows = GTK_SELECTION_MODEL (recap_sidebar_get_rows (sidebar));

  recap_sidebar_set_view (sidebar, RECAP_SIDEBAR_VIEW_POSTS);
  recap_sidebar_set_collection (sidebar, "all");
  gtk_selection_model_unselect_all (rows);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (g_strv_contains (relative_paths, recap_post_get_relative_path (post)))
        gtk_selection_model_select_item (rows, i, FALSE);
    }
}

static void
test_assign_event (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *paths[] = { "notes/venue-checklist.md", "_posts/2021-09-10-sprint-weekend.markdown", NULL };
  RecapAlert *dialog;

  select_posts (fixture, paths);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-front-matter", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (fixture, paths[0], "---\ntitle: Venue checklist\n"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.assign-event", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (recap_alert_get_extra_child (dialog)), "Lakeside Python Sprint 2021");
  ui_test_respond ("assign");

  UI_TEST_WAIT_FOR (ui_test_site_file_contains (fixture, paths[1], "event: \"Lakeside Python Sprint 2021\"\n"));
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (fixture, paths[0], "event: Lakeside Python Sprint 2021\n"));
}

static void
test_trash_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *paths[] = { "_posts/2023-08-24-summer-picnic.md", NULL };
  g_autofree char *path = g_build_filename (fixture->site_dir, paths[0], NULL);
  g_autofree char *before = ui_test_read_file (fixture->site_dir, paths[0]);

  select_posts (fixture, paths);
  /* No dialog asks first: the file goes at once, and Undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL);
  g_assert_null (ui_test_find_alert ());
  UI_TEST_WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));

  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo"), "clicked");
  /* The restored file appears before all its bytes are in. */
  UI_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS) && ui_test_file_is (fixture->site_dir, paths[0], before));
}

/* The DjangoCon draft of issue 11: a date in its name and its front matter, and `published: false`. */
#define WRAP_UP_PATH "_drafts/2019-10-13-Conference-Wrap-Up.md"
#define WRAP_UP_POST "_posts/2019-10-13-Conference-Wrap-Up.md"
#define WRAP_UP_DRAFT \
  "---\n" \
  "title: Conference Wrap-Up\n" \
  "date: 2019-10-13 06:00:00\n" \
  "published: false\n" \
  "---\n" \
  "Thanks, everyone!\n"

static gboolean
document_is_at (RecapDocument *document,
                const char    *site_dir,
                const char    *relative_path)
{
  g_autofree char *path = g_build_filename (site_dir, relative_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_equal (recap_document_get_file (document), file) &&
         g_strcmp0 (recap_post_get_relative_path (recap_document_get_post (document)), relative_path) == 0;
}

static gboolean
exists_in_site (Fixture    *fixture,
                const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->site_dir, relative_path, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
file_reloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  recap_site_reload_file_finish (RECAP_SITE (object), result, NULL);
  *done = TRUE;
}

/* Reads @file again as the site's folder monitor does, and waits for it. */
static void
reload_file (Fixture *fixture,
             GFile   *file)
{
  gboolean done = FALSE;

  recap_site_reload_file_async (recap_window_get_site (fixture->window), file, NULL, file_reloaded, &done);
  UI_TEST_WAIT_FOR (done);
}

/* The sidebar shows @post as the one selected. */
static void
assert_selected (Fixture   *fixture,
                 RecapPost *post)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));
  g_autoptr(GPtrArray) selected = recap_sidebar_dup_selected_posts (sidebar);

  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (selected->pdata[0] == (gpointer) post);
}

static void
count_deleted (RecapDocument *document,
               GParamSpec    *pspec,
               guint         *count)
{
  *count += recap_document_get_deleted (document);
}

/* The label the primary menu gives @action, or NULL. */
static char *
menu_label (GMenuModel *model,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *found;

      if (section != NULL && (found = menu_label (section, action)) != NULL)
        return found;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);
    }
  return NULL;
}

/* The main menu's button: the Open button has a menu button too. */
static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static char *
undo_menu_label (Fixture *fixture)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                                is_primary_menu_button, NULL));

  return menu_label (gtk_menu_button_get_menu_model (button), "win.undo-operation");
}

/* Publishing the open draft moves the document with it (path, title,
 * sidebar), never shows it deleted, and one Undo puts the exact bytes back. */
static void
test_publish_open_post (Fixture       *fixture,
                        gconstpointer  data)
{
  gboolean dirty = GPOINTER_TO_INT (data);
  const char *typed = dirty ? "More to come.\n" : "";
  g_autofree char *before = g_strconcat (WRAP_UP_DRAFT, typed, NULL);
  g_autofree char *expected = g_strconcat ("---\ntitle: Conference Wrap-Up\ndate: 2019-10-13 06:00:00\n---\n"
                                           "Thanks, everyone!\n", typed, NULL);
  g_autofree char *label = NULL;
  RecapDocument *document;
  RecapAlert *dialog;
  guint deleted = 0;
  GtkTextIter end;

  test_util_write_file (fixture->site_dir, WRAP_UP_PATH, WRAP_UP_DRAFT);
  document = ui_test_open_post (fixture->window, fixture->site_dir, WRAP_UP_PATH);
  g_signal_connect (document, "notify::deleted", G_CALLBACK (count_deleted), &deleted);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, typed, -1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.publish", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  /* The choice is offered before anything moves, with the file names. */
  g_assert_true (exists_in_site (fixture, WRAP_UP_PATH));
  g_assert_nonnull (strstr (recap_alert_get_body (dialog), "_posts/2019-10-13-Conference-Wrap-Up.md"));
  g_assert_cmpstr (recap_alert_get_response_label (dialog, "keep"), ==, "_Keep 2019-10-13");
  ui_test_respond ("keep");

  UI_TEST_WAIT_FOR (document_is_at (document, fixture->site_dir, WRAP_UP_POST) &&
                    recap_site_find_post (recap_window_get_site (fixture->window),
                                          recap_document_get_file (document)) == recap_document_get_post (document));
  g_assert_true (recap_window_get_document (fixture->window) == document);
  g_assert_false (exists_in_site (fixture, WRAP_UP_PATH));
  g_assert_true (ui_test_file_is (fixture->site_dir, WRAP_UP_POST, expected));
  UI_TEST_WAIT_FOR (ui_test_buffer_is (GTK_TEXT_BUFFER (document), expected));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_false (recap_document_get_deleted (document));
  g_assert_cmpuint (deleted, ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Conference Wrap-Up");
  assert_selected (fixture, recap_document_get_post (document));
  /* The folder monitor reads the moved file again a moment later: the row stays selected. */
  reload_file (fixture, recap_document_get_file (document));
  assert_selected (fixture, recap_document_get_post (document));
  label = undo_menu_label (fixture);
  g_assert_cmpstr (label, ==, "_Undo Publish Draft");

  /* As the menu item does, long after the toast; the toast's own Undo goes. */
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (exists_in_site (fixture, WRAP_UP_PATH) && document_is_at (document, fixture->site_dir, WRAP_UP_PATH));
  UI_TEST_WAIT_FOR (!ui_test_has_button (GTK_WIDGET (fixture->window), "_Undo"));
  g_assert_true (ui_test_file_is (fixture->site_dir, WRAP_UP_PATH, before));
  g_assert_false (exists_in_site (fixture, WRAP_UP_POST));
  UI_TEST_WAIT_FOR (recap_site_find_post (recap_window_get_site (fixture->window),
                                          recap_document_get_file (document)) == recap_document_get_post (document));
  assert_selected (fixture, recap_document_get_post (document));
  g_assert_false (recap_document_get_deleted (document));
  g_assert_cmpuint (deleted, ==, 0);
  g_clear_pointer (&label, g_free);
  label = undo_menu_label (fixture);
  g_assert_null (label);
  g_signal_handlers_disconnect_by_func (document, count_deleted, &deleted);
}

/* Rename and Move to Drafts take the open post along too. */
static void
test_rename_and_unpublish_open_post (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *path = "_posts/2023-08-24-summer-picnic.md";
  g_autofree char *before = ui_test_read_file (fixture->site_dir, path);
  RecapDocument *document = ui_test_open_post (fixture->window, fixture->site_dir, path);
  RecapAlert *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rename-post", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (recap_alert_get_extra_child (dialog)), "picnic");
  ui_test_respond ("rename");
  UI_TEST_WAIT_FOR (document_is_at (document, fixture->site_dir, "_posts/2023-08-24-picnic.md"));
  g_assert_true (ui_test_file_is (fixture->site_dir, "_posts/2023-08-24-picnic.md", before));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpublish", NULL);
  UI_TEST_WAIT_FOR (document_is_at (document, fixture->site_dir, "_drafts/picnic.md"));
  g_assert_false (recap_document_get_deleted (document));
  g_assert_true (recap_window_get_document (fixture->window) == document);

  /* Two undos: back to _posts, then the old name, exact bytes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (document_is_at (document, fixture->site_dir, "_posts/2023-08-24-picnic.md"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (document_is_at (document, fixture->site_dir, path));
  g_assert_true (ui_test_file_is (fixture->site_dir, path, before));
  g_assert_false (recap_document_get_deleted (document));
}

/* Ctrl+Z in the sidebar undoes the latest site operation. */
static void
test_sidebar_ctrl_z (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (sidebar);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, "<Control>z") && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.undo-operation"))
            found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Two operations: the older one is still undone after the newer, from the history. */
static void
test_history_undo_older (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *paths[] = { "_posts/2023-08-24-summer-picnic.md", NULL };
  g_autofree char *before = ui_test_read_file (fixture->site_dir, paths[0]);
  g_autofree char *label = NULL;
  RecapAlert *dialog;

  select_posts (fixture, paths);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.assign-event", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (recap_alert_get_extra_child (dialog)), "Picnic 2023");
  ui_test_respond ("assign");
  /* The sample post has CRLF line breaks. */
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (fixture, paths[0], "\nevent: \"Picnic 2023\"\r\n"));
  UI_TEST_WAIT_FOR ((label = undo_menu_label (fixture)) != NULL);
  g_assert_cmpstr (label, ==, "_Undo Assign to Event");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (ui_test_file_is (fixture->site_dir, paths[0], before));
}

/* Undo is for the site on screen: opening another forgets the operations. */
static void
test_history_per_site (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *paths[] = { "notes/venue-checklist.md", NULL };
  g_autofree char *label = NULL;
  g_autofree char *other = NULL;

  select_posts (fixture, paths);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-front-matter", NULL);
  UI_TEST_WAIT_FOR ((label = undo_menu_label (fixture)) != NULL);
  g_assert_cmpstr (label, ==, "_Undo Add Front Matter");
  g_clear_pointer (&label, g_free);

  other = ui_test_open_sample_site (fixture->window);
  label = undo_menu_label (fixture);
  g_assert_null (label);
  test_util_remove_tree (other);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD_SITE ("/new-post/meetup-report", NULL, test_meetup_report);
  UI_TEST_ADD_SITE ("/new-post/conference-notes-draft", NULL, test_conference_notes_draft);
  UI_TEST_ADD_SITE ("/new-post/blank-never-overwrites", NULL, test_blank_never_overwrites);
  UI_TEST_ADD_SITE ("/rename-tag/and-undo", NULL, test_rename_tag_and_undo);
  UI_TEST_ADD_SITE ("/selection/add-front-matter-and-assign-event", NULL, test_assign_event);
  UI_TEST_ADD_SITE ("/selection/trash-and-undo", NULL, test_trash_and_undo);
  UI_TEST_ADD_SITE ("/history/undo-from-menu", NULL, test_history_undo_older);
  UI_TEST_ADD_SITE ("/history/sidebar-ctrl-z", NULL, test_sidebar_ctrl_z);
  UI_TEST_ADD_SITE ("/history/per-site", NULL, test_history_per_site);
  UI_TEST_ADD_SITE ("/move/rename-and-unpublish-open-post", NULL, test_rename_and_unpublish_open_post);
  UI_TEST_ADD_SITE ("/move/publish-open-post", GINT_TO_POINTER (FALSE), test_publish_open_post);
  UI_TEST_ADD_SITE ("/move/publish-open-dirty-post", GINT_TO_POINTER (TRUE), test_publish_open_post);

  return g_test_run ();
}
