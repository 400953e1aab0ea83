/* test-window-layout.c: the sidebar's split, the narrow layout, the
 * editor's preferences, recent sites and the post opened at start-up
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "recap-preferences-window.h"
#include "recap-preview.h"
#include "recap-sidebar.h"
#include "recap-sidebar-split.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST_PATH "_posts/2023-08-24-summer-picnic.md"

typedef struct {
  UiTestSite  site;
  GSettings  *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new ("io.github.recapnotes.Recap");
  ui_test_site_set_up (&fixture->site, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *keys[] = { "preview-mode", "editor-font", "editor-font-size", "show-line-numbers", "wrap-text",
                         "recent-folders", "last-folder", "last-post", "window-width", "window-height" };

  ui_test_site_tear_down (&fixture->site, data);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_clear_object (&fixture->settings);
}

static RecapSidebarSplit *
find_split (Fixture *fixture)
{
  return RECAP_SIDEBAR_SPLIT (ui_test_find_by_type (GTK_WIDGET (fixture->site.window), RECAP_TYPE_SIDEBAR_SPLIT));
}

static GtkWidget *
find_view (Fixture *fixture)
{
  return ui_test_find_by_type (GTK_WIDGET (fixture->site.window), GTK_SOURCE_TYPE_VIEW);
}

/* GTK keeps windows inside the monitor: the wide layout needs 1200 px. */
static gboolean
screen_too_small (Fixture *fixture)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (fixture->site.window));
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  if (geometry.width >= 1200 && geometry.height >= 760)
    return FALSE;
  g_test_skip ("needs a screen of 1200×760 at least, as xvfb-run -s \"-screen 0 1280x800x24\" in build-aux/dev.sh");
  return TRUE;
}

/* A shown window keeps its size: shown again, it takes the new default. */
static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_widget_hide (GTK_WIDGET (fixture->site.window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->site.window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->site.window));
  /* The surface's size: the window's own leaves out a frame around it. */
  UI_TEST_WAIT_FOR (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (fixture->site.window))) == width &&
                    gtk_widget_get_width (GTK_WIDGET (fixture->site.window)) > 0);
}

/* F9 hides the sidebar and shows it again, and the header's toggle follows. */
static void
test_f9_folds_sidebar (Fixture       *fixture,
                       gconstpointer  data)
{
  RecapSidebarSplit *split = find_split (fixture);
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (fixture->site.window), RECAP_TYPE_SIDEBAR);
  GtkWidget *toggle = ui_test_find_button (GTK_WIDGET (fixture->site.window), "Show Sidebar (F9)");

  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (sidebar));
  g_assert_true (recap_sidebar_split_get_show_sidebar (split));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  ui_test_press (GTK_WINDOW (fixture->site.window), "F9");
  g_assert_false (recap_sidebar_split_get_show_sidebar (split));
  UI_TEST_WAIT_FOR (!gtk_widget_get_mapped (sidebar));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  ui_test_press (GTK_WINDOW (fixture->site.window), "F9");
  g_assert_true (recap_sidebar_split_get_show_sidebar (split));
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (sidebar));
}

/* Below 900 px the sidebar folds away and one of editor and preview shows. */
static void
test_narrow_shows_one_view (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *preview = ui_test_find_by_type (GTK_WIDGET (fixture->site.window), RECAP_TYPE_PREVIEW);
  GtkWidget *view;

  if (screen_too_small (fixture))
    return;
  ui_test_open_post (fixture->site.window, fixture->site.site_dir, POST_PATH);
  view = find_view (fixture);
  resize (fixture, 1200, 760);
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (view) && gtk_widget_get_mapped (preview));
  g_assert_false (recap_window_get_narrow (fixture->site.window));

  resize (fixture, 700, 600);
  g_assert_true (recap_window_get_narrow (fixture->site.window));
  UI_TEST_WAIT_FOR (!gtk_widget_get_mapped (preview));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (recap_sidebar_split_get_collapsed (find_split (fixture)));
  g_assert_false (recap_sidebar_split_get_show_sidebar (find_split (fixture)));
  g_assert_false (ui_test_has_button (GTK_WIDGET (fixture->site.window), "Editor and Preview") &&
                  gtk_widget_get_mapped (ui_test_find_button (GTK_WIDGET (fixture->site.window), "Editor and Preview")));

  /* The view switch shows the preview instead. */
  g_settings_set_string (fixture->settings, "preview-mode", "preview");
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (preview) && !gtk_widget_get_mapped (view));

  g_settings_set_string (fixture->settings, "preview-mode", "split");
  resize (fixture, 1200, 760);
  g_assert_false (recap_window_get_narrow (fixture->site.window));
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (view) && gtk_widget_get_mapped (preview));
}

static int
min_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Nothing in the window, with a post open, needs more than the 360 px the
 * metainfo claims; the window controls are GNOME's, a close button. */
static void
test_fits_360 (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->site.window));
  GType types[] = { ADW_TYPE_HEADER_BAR, RECAP_TYPE_SIDEBAR, RECAP_TYPE_SIDEBAR_SPLIT, GTK_SOURCE_TYPE_VIEW };
  g_autofree char *layout = NULL;
  int frame;

  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "menu:close", NULL);
  ui_test_open_post (fixture->site.window, fixture->site.site_dir, POST_PATH);
  resize (fixture, 600, 600);
  g_assert_true (recap_window_get_narrow (fixture->site.window));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_test_message ("%s needs %d px", g_type_name (types[i]),
                    min_width (ui_test_find_by_type (content, types[i])));
  g_assert_cmpint (min_width (content), <=, 360);
  /* The window itself gets 360 px: the surface has a frame around it here
   * (10 px under Xvfb), which a maximized window on a phone does not. */
  frame = 600 - gtk_widget_get_width (GTK_WIDGET (fixture->site.window));
  resize (fixture, 360 + frame, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->site.window)), ==, 360);

  g_settings_set_string (fixture->settings, "preview-mode", "preview");
  g_assert_cmpint (min_width (content), <=, 360);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return ui_test_find_widget (root, is_row_titled, title);
}

static GtkWidget *
row_widget (GtkWidget  *preferences,
            const char *title)
{
  GtkWidget *row = find_row (preferences, title);

  g_assert_nonnull (row);
  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

/* Each preference changes the editor at once. */
static void
test_preferences_change_the_editor (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *preferences = recap_preferences_window_new ();
  GtkTextView *view;
  int margin;

  if (screen_too_small (fixture))
    return;
  ui_test_open_post (fixture->site.window, fixture->site.site_dir, POST_PATH);
  view = GTK_TEXT_VIEW (find_view (fixture));
  resize (fixture, 1200, 760);
  recap_compat_present (preferences, GTK_WINDOW (fixture->site.window));

  g_assert_false (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (view)));
  gtk_switch_set_active (GTK_SWITCH (row_widget (preferences, "Line Numbers")), TRUE);
  g_assert_true (gtk_source_view_get_show_line_numbers (GTK_SOURCE_VIEW (view)));

  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), !=, GTK_WRAP_NONE);
  gtk_switch_set_active (GTK_SWITCH (row_widget (preferences, "Wrap Lines")), FALSE);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_NONE);

  gtk_switch_set_active (GTK_SWITCH (row_widget (preferences, "Synchronize Scrolling")), FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "sync-scroll"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (preferences, "Font")), 2);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "editor-font"), ==, "serif");

  gtk_editable_set_text (GTK_EDITABLE (find_row (preferences, "Author")), "Ada Lovelace");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "author-name"), ==, "Ada Lovelace");
  g_settings_reset (fixture->settings, "author-name");
  g_settings_reset (fixture->settings, "sync-scroll");

  /* Editor only: a centred column of some 80 characters, with more room between lines. */
  g_assert_cmpint (gtk_text_view_get_pixels_inside_wrap (view), ==, 0);
  g_settings_set_string (fixture->settings, "preview-mode", "editor");
  UI_TEST_WAIT_FOR (gtk_text_view_get_left_margin (view) > 100);
  g_assert_cmpint (gtk_text_view_get_pixels_inside_wrap (view), >, 0);
  margin = gtk_text_view_get_left_margin (view);
  g_assert_cmpint (gtk_text_view_get_right_margin (view), ==, margin);
  /* A larger font makes a wider column. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (preferences, "Font Size")), 16);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "editor-font-size"), ==, 16);
  g_assert_cmpint (gtk_text_view_get_left_margin (view), <, margin);

  g_settings_set_string (fixture->settings, "preview-mode", "split");
  g_assert_cmpint (gtk_text_view_get_left_margin (view), ==, 12);
  g_assert_cmpint (gtk_text_view_get_pixels_inside_wrap (view), ==, 0);
  recap_compat_close (preferences);
}

static guint
recent_items (Fixture *fixture)
{
  AdwSplitButton *button = ADW_SPLIT_BUTTON (ui_test_find_by_type (GTK_WIDGET (fixture->site.window),
                                                                   ADW_TYPE_SPLIT_BUTTON));
  GMenuModel *menu = adw_split_button_get_menu_model (button);
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

  return g_menu_model_get_n_items (section);
}

static gboolean
site_is (Fixture    *fixture,
         const char *path)
{
  RecapSite *site = recap_window_get_site (fixture->site.window);
  g_autofree char *root = site ? g_file_get_path (recap_site_get_root (site)) : NULL;

  return g_strcmp0 (root, path) == 0;
}

/* The Open button's menu lists the sites opened, most recent first, and opens them. */
static void
test_recent_sites (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other = ui_test_copy_sample_site ();
  g_autoptr(GFile) other_root = g_file_new_for_path (other);
  g_auto(GStrv) recent = NULL;

  recap_window_open_location (fixture->site.window, other_root);
  UI_TEST_WAIT_FOR (site_is (fixture, other));
  recent = g_settings_get_strv (fixture->settings, "recent-folders");
  g_assert_cmpuint (g_strv_length (recent), >=, 2);
  g_assert_cmpstr (recent[0], ==, other);
  g_assert_cmpstr (recent[1], ==, fixture->site.site_dir);
  g_assert_cmpuint (recent_items (fixture), ==, g_strv_length (recent));

  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.open-recent", "s", fixture->site.site_dir);
  UI_TEST_WAIT_FOR (site_is (fixture, fixture->site.site_dir));
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (fixture->settings, "recent-folders");
  g_assert_cmpstr (recent[0], ==, fixture->site.site_dir);
  g_assert_cmpstr (recent[1], ==, other);
  g_assert_false (g_strv_contains ((const char * const *) recent + 2, other));
  test_util_remove_tree (other);
}

/* The next start opens the site and the post open when the last one ended. */
static void
test_startup_restores_last_post (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->site.site_dir, POST_PATH, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecapWindow *next;
  RecapDocument *document;

  ui_test_open_post (fixture->site.window, fixture->site.site_dir, POST_PATH);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "last-post"), ==, POST_PATH);

  next = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (next));
  recap_window_open_last_folder (next);
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (next)) != NULL &&
                    g_file_equal (recap_document_get_file (document), file));
  gtk_window_destroy (GTK_WINDOW (next));
}

static gboolean
selected_is (Fixture *fixture,
             GFile   *file)
{
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->site.window), RECAP_TYPE_SIDEBAR));
  g_autoptr(GPtrArray) selected = recap_sidebar_dup_selected_posts (sidebar);

  return selected->len == 1 && g_file_equal (recap_post_get_file (selected->pdata[0]), file);
}

static void
reloaded (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (recap_site_reload_file_finish (RECAP_SITE (object), result, NULL));
  *done = TRUE;
}

/* The open post's row stays selected when the post is read again, after a
 * save or another program's change. */
static void
test_selection_kept_after_reload (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->site.site_dir, POST_PATH, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* Opening the post reads the site again: the site comes after. */
  RecapDocument *document = ui_test_open_post (fixture->site.window, fixture->site.site_dir, POST_PATH);
  RecapSite *site = recap_window_get_site (fixture->site.window);
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  gboolean done = FALSE;
  GtkTextIter end;

  UI_TEST_WAIT_FOR (selected_is (fixture, file));

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\nTyped here.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.save", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, POST_PATH, "Typed here."));
  g_assert_true (selected_is (fixture, file));
  text = ui_test_read_file (fixture->site.site_dir, POST_PATH);

  changed = g_strconcat (text, "\nA line from another program.\n", NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  /* As the site does when its monitor reports the change. */
  recap_site_reload_file_async (site, file, NULL, reloaded, &done);
  UI_TEST_WAIT_FOR (done);
  g_assert_true (selected_is (fixture, file));
  /* The document follows the post read again, so that its row is the open post's. */
  g_assert_true (recap_document_get_post (document) == recap_site_find_post (site, file));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/layout/f9-folds-sidebar", NULL, test_f9_folds_sidebar);
  UI_TEST_ADD ("/layout/narrow-shows-one-view", NULL, test_narrow_shows_one_view);
  UI_TEST_ADD ("/layout/fits-360", NULL, test_fits_360);
  UI_TEST_ADD ("/layout/preferences-change-the-editor", NULL, test_preferences_change_the_editor);
  UI_TEST_ADD ("/layout/recent-sites", NULL, test_recent_sites);
  UI_TEST_ADD ("/layout/startup-restores-last-post", NULL, test_startup_restores_last_post);
  UI_TEST_ADD ("/layout/selection-kept-after-reload", NULL, test_selection_kept_after_reload);

  return g_test_run ();
}
