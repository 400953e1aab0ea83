/* test-export.c: the open post exported to HTML and to PDF
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-export.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define TABLE_POST "_posts/2022-11-03-testing-night.md"
#define IMAGE_POST "_posts/2024-03-14-async-for-the-rest-of-us.md"

typedef struct {
  char        *site_dir;
  char        *out_dir;
  GFile       *root;
  RecapWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->site_dir = ui_test_open_sample_site (fixture->window);
  fixture->root = g_file_new_for_path (fixture->site_dir);
  fixture->out_dir = g_dir_make_tmp ("recap-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RecapDocument *document = recap_window_get_document (fixture->window);

  if (document != NULL)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  test_util_remove_tree (fixture->out_dir);
  g_free (fixture->site_dir);
  g_free (fixture->out_dir);
  g_clear_object (&fixture->root);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The buffer, not the file: an unsaved image link is in the export. */
static RecapDocument *
open_table_post_with_image (Fixture *fixture)
{
  RecapDocument *document = ui_test_open_post (fixture->window, fixture->site_dir, TABLE_POST);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\n![The room](/assets/images/meetup.png)\n", -1);
  return document;
}

/* Exports the table post with an unsaved image link to night.html in the
 * output folder, with @images, and returns the file's text. */
static char *
export_table_post_html (Fixture           *fixture,
                        RecapExportImages  images)
{
  RecapDocument *document = open_table_post_with_image (fixture);
  g_autofree char *path = g_build_filename (fixture->out_dir, "night.html", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  recap_export_html_async (document, fixture->root, images, out, NULL, store_result, &result);
  UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (recap_export_finish (result, &error));
  g_assert_no_error (error);
  return ui_test_read_file (fixture->out_dir, "night.html");
}

static void
test_html_embedded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *html = export_table_post_html (fixture, RECAP_EXPORT_IMAGES_EMBED);

  g_assert_nonnull (strstr (html, "<table>"));
  g_assert_nonnull (strstr (html, "<td>Library app</td>"));
  g_assert_nonnull (strstr (html, "<img src=\"data:image/png;base64,iVBORw0KGgo"));
  g_assert_nonnull (strstr (html, "alt=\"The room\""));
  g_assert_nonnull (strstr (html, "<header class=\"front-matter\""));
  g_assert_null (strstr (html, "<script"));
}

static void
test_html_copied_images (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *html = export_table_post_html (fixture, RECAP_EXPORT_IMAGES_COPY);
  g_autofree char *copy = NULL;
  g_autofree char *original = NULL;

  g_assert_nonnull (strstr (html, "<table>"));
  g_assert_nonnull (strstr (html, "<img src=\"night_files/meetup.png\""));
  copy = ui_test_read_file (fixture->out_dir, "night_files/meetup.png");
  original = ui_test_read_file (fixture->site_dir, "assets/images/meetup.png");
  g_assert_cmpmem (copy, 8, original, 8);
}

/* A PDF through WebKit's print operation, with the post's title as text. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  RecapDocument *document = ui_test_open_post (fixture->window, fixture->site_dir, IMAGE_POST);
  g_autofree char *path = g_build_filename (fixture->out_dir, "async.pdf", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;
  int status;

  recap_export_print_async (document, fixture->root, out, NULL, store_result, &result);
  UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (recap_export_finish (result, &error));
  g_assert_no_error (error);

  pdf = ui_test_read_file (fixture->out_dir, "async.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  command = g_strdup_printf ("pdftotext -layout '%s' -", path);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "March 2024 meetup: async for the rest of us"));
  g_assert_nonnull (strstr (text, "Lakeside Python March 2024"));
  /* The page only: no editor, no sidebar. */
  g_assert_null (strstr (text, "layout: post"));
}

/* Export to HTML asks first what becomes of the images: embedded by default. */
static void
test_html_action_asks_about_images (Fixture       *fixture,
                                    gconstpointer  data)
{
  RecapAlert *dialog;
  GtkWidget *choice;
  GtkWidget *embed;

  ui_test_open_post (fixture->window, fixture->site_dir, TABLE_POST);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-html", NULL);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  choice = recap_alert_get_extra_child (dialog);
  embed = gtk_widget_get_first_child (choice);
  g_assert_true (GTK_IS_CHECK_BUTTON (embed));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (embed)));
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_widget_get_next_sibling (embed)));
  g_assert_true (recap_alert_has_response (dialog, "export"));
  ui_test_respond ("cancel");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/export/html-embedded", NULL, test_html_embedded);
  UI_TEST_ADD ("/export/html-copied-images", NULL, test_html_copied_images);
  UI_TEST_ADD ("/export/pdf", NULL, test_pdf);
  UI_TEST_ADD ("/export/html-action-asks-about-images", NULL, test_html_action_asks_about_images);

  return g_test_run ();
}
