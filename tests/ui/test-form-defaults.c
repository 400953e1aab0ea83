/* test-form-defaults.c: the form shows what _config.yml's `defaults:` give
 * the post as placeholders, and writes a key only when the user types it
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-field-row.h"
#include "recap-front-matter-form.h"
#include "recap-window.h"
#include "test-util.h"
#include "ui-test-util.h"

#define POST "_posts/2024-03-01-hello.md"

static const char config_text[] =
  "title: Defaults site\n"
  "defaults:\n"
  "  - scope:\n"
  "      path: \"\"\n"
  "      type: posts\n"
  "    values:\n"
  "      layout: news_item\n"
  "      author: Site Team\n"
  "  - scope:\n"
  "      path: \"\"\n"
  "      type: pages\n"
  "    values:\n"
  "      layout: page\n";

static const char post_text[] =
  "---\n"
  "title: Hello\n"
  "date: 2024-03-01 10:00:00 +0000\n"
  "---\n"
  "Body.\n";

typedef struct {
  UiTestPost            post;
  RecapFrontMatterForm *form;
} Fixture;

/* The row of @path once the form shows it with @placeholder (the site's
 * config is read after the post opens). */
static GtkWidget *
wait_for_placeholder (Fixture    *fixture,
                      const char *path,
                      const char *placeholder)
{
  GtkWidget *found;

  UI_TEST_WAIT_FOR ((found = recap_front_matter_form_get_row (fixture->form, path)) != NULL &&
                    RECAP_IS_FIELD_ROW (found) &&
                    g_strcmp0 (recap_field_row_get_placeholder (RECAP_FIELD_ROW (found)), placeholder) == 0);
  return found;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *config_name = data ? data : "_config.yml";
  g_autofree char *placeholder = g_strdup_printf ("news_item — from %s", config_name);
  g_autoptr(GError) error = NULL;

  fixture->post.site_dir = g_dir_make_tmp ("recap-defaults-XXXXXX", &error);
  g_assert_no_error (error);
  test_util_write_file (fixture->post.site_dir, config_name, config_text);
  test_util_write_file (fixture->post.site_dir, POST, post_text);
  fixture->post.window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->post.window));
  fixture->form = RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->post.window),
                                                                 RECAP_TYPE_FRONT_MATTER_FORM));
  fixture->post.document = ui_test_open_post (fixture->post.window, fixture->post.site_dir, POST);
  wait_for_placeholder (fixture, "layout", placeholder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_post_tear_down (&fixture->post, data);
}

/* What the row shows while unfocused: the label over its text. */
static gboolean
is_dim_label (GtkWidget     *widget,
              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "dim-label") &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
test_placeholders_leave_buffer (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *layout = ui_test_form_row (fixture->form, "layout");
  GtkWidget *author = ui_test_form_row (fixture->form, "author");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (layout)), ==, "");
  g_assert_nonnull (ui_test_find_widget (layout, is_dim_label, "news_item — from _config.yml"));
  g_assert_cmpstr (recap_field_row_get_placeholder (RECAP_FIELD_ROW (author)), ==, "Site Team — from _config.yml");
  /* The posts' default, not the pages'; nothing to remove from the file. */
  g_assert_false (ui_test_has_button (layout, "Remove Field"));
  g_assert_cmpstr (recap_front_matter_form_get_summary (fixture->form), ==, "Front matter · 2 fields");
  ui_test_assert_buffer (fixture->post.document, post_text);

  g_assert_true (gtk_widget_grab_focus (layout));
  recap_front_matter_form_sync (fixture->form);
  g_assert_true (gtk_widget_grab_focus (author));
  recap_front_matter_form_sync (fixture->form);
  ui_test_assert_buffer (fixture->post.document, post_text);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (fixture->post.document)));
}

static void
test_typing_writes_key (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char expected[] =
    "---\n"
    "title: Hello\n"
    "date: 2024-03-01 10:00:00 +0000\n"
    "layout: post\n"
    "---\n"
    "Body.\n";
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  g_autofree char *saved = NULL;

  gtk_editable_set_text (GTK_EDITABLE (ui_test_form_row (fixture->form, "layout")), "post");
  g_signal_emit_by_name (ui_test_form_row (fixture->form, "layout"), "apply");
  ui_test_assert_buffer (fixture->post.document, expected);

  gtk_widget_activate_action (GTK_WIDGET (fixture->post.window), "win.save", NULL);
  UI_TEST_WAIT_FOR (!gtk_text_buffer_get_modified (buffer));
  saved = ui_test_read_file (fixture->post.site_dir, POST);
  g_assert_cmpstr (saved, ==, expected);
  g_free (saved);
  saved = ui_test_read_file (fixture->post.site_dir, "_config.yml");
  g_assert_cmpstr (saved, ==, config_text);
}

/* Emptied, a typed key goes again and the placeholder comes back. */
static void
test_clearing_removes_key (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *author = ui_test_form_row (fixture->form, "author");

  gtk_editable_set_text (GTK_EDITABLE (author), "Ada");
  g_signal_emit_by_name (author, "apply");
  ui_test_assert_buffer (fixture->post.document, "---\ntitle: Hello\ndate: 2024-03-01 10:00:00 +0000\nauthor: Ada\n---\nBody.\n");

  recap_front_matter_form_sync (fixture->form);
  author = ui_test_form_row (fixture->form, "author");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (author)), ==, "Ada");
  g_assert_true (ui_test_has_button (author, "Remove Field"));
  gtk_editable_set_text (GTK_EDITABLE (author), "");
  g_signal_emit_by_name (author, "apply");
  ui_test_assert_buffer (fixture->post.document, post_text);

  recap_front_matter_form_sync (fixture->form);
  author = ui_test_form_row (fixture->form, "author");
  g_assert_false (ui_test_has_button (author, "Remove Field"));
  g_assert_nonnull (ui_test_find_widget (author, is_dim_label, "Site Team — from _config.yml"));
}

/* Removing a key with its button also returns to the inherited value. */
static void
test_remove_button_returns_to_default (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *layout = ui_test_form_row (fixture->form, "layout");

  gtk_editable_set_text (GTK_EDITABLE (layout), "post");
  g_signal_emit_by_name (layout, "apply");
  recap_front_matter_form_sync (fixture->form);
  g_signal_emit_by_name (ui_test_find_button (ui_test_form_row (fixture->form, "layout"), "Remove Field"), "clicked");
  ui_test_assert_buffer (fixture->post.document, post_text);

  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (recap_field_row_get_placeholder (RECAP_FIELD_ROW (ui_test_form_row (fixture->form, "layout"))), ==,
                   "news_item — from _config.yml");
}

/* A site whose config is _config.yaml: the placeholders name that file. */
static void
test_names_config_yaml (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *author = ui_test_form_row (fixture->form, "author");

  g_assert_cmpstr (recap_field_row_get_placeholder (RECAP_FIELD_ROW (author)), ==, "Site Team — from _config.yaml");
  ui_test_assert_buffer (fixture->post.document, post_text);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/form-defaults/placeholders-leave-buffer", NULL, test_placeholders_leave_buffer);
  UI_TEST_ADD ("/form-defaults/typing-writes-key", NULL, test_typing_writes_key);
  UI_TEST_ADD ("/form-defaults/clearing-removes-key", NULL, test_clearing_removes_key);
  UI_TEST_ADD ("/form-defaults/remove-button-returns-to-default", NULL, test_remove_button_returns_to_default);
  UI_TEST_ADD ("/form-defaults/names-config-yaml", "_config.yaml", test_names_config_yaml);

  return g_test_run ();
}
