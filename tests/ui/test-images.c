/* test-images.c: images pasted and dropped into the editor, copied into the site and linked
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "config.h"
#include "recap-preferences-window.h"
#include "recap-preview.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST       "_posts/2024-03-14-async-for-the-rest-of-us.md"
#define IMAGE_1    "assets/images/2024-03-14-async-for-the-rest-of-us-1.png"
#define IMAGE_2    "assets/images/2024-03-14-async-for-the-rest-of-us-2.png"
#define LINK_1     "![](/" IMAGE_1 ")"

typedef UiTestPost Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_post_set_up (fixture, NULL, POST);
}

static gboolean
site_has (Fixture    *fixture,
          const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->site_dir, relative_path, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
buffer_has (Fixture    *fixture,
            const char *needle)
{
  g_autofree char *text = ui_test_buffer_text (GTK_TEXT_BUFFER (fixture->document));

  return strstr (text, needle) != NULL;
}

static void
place_cursor_at_end (Fixture *fixture)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (fixture->document), &end);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (fixture->document), &end);
}

/* A 4×2 red texture, as a screenshot tool puts on the clipboard. */
static GdkTexture *
red_texture (void)
{
  static const guchar pixels[4 * 2 * 4] = {
    255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255,
    255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);

  return gdk_memory_texture_new (4, 2, GDK_MEMORY_R8G8B8A8, bytes, 4 * 4);
}

static void
paste_texture (Fixture *fixture)
{
  g_autoptr(GdkTexture) texture = red_texture ();

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), texture);
  g_signal_emit_by_name (fixture->view, "paste-clipboard");
}

static int
cursor_offset (Fixture *fixture)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
save_and_wait (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  UI_TEST_WAIT_FOR (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (fixture->document)));
}

/* The preview shows the copy, loaded from the site. */
static void
assert_preview_shows (Fixture    *fixture,
                      const char *name)
{
  RecapPreview *preview = RECAP_PREVIEW (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_PREVIEW));

  UI_TEST_WAIT_FOR (ui_test_page_answers (recap_preview_get_web_view (preview),
                                          "[...document.images].some (i => i.src.endsWith (needle) && "
                                          "i.complete && i.naturalWidth === 4)", name));
}

static void
test_paste_texture_then_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *original = ui_test_read_file (fixture->site_dir, POST);
  g_autofree char *copy = NULL;
  int link_start;

  place_cursor_at_end (fixture);
  link_start = cursor_offset (fixture);
  paste_texture (fixture);
  UI_TEST_WAIT_FOR (buffer_has (fixture, LINK_1));

  /* A real PNG, the link where the cursor was, the cursor in the alt text. */
  g_assert_true (site_has (fixture, IMAGE_1));
  copy = ui_test_read_file (fixture->site_dir, IMAGE_1);
  g_assert_true (g_str_has_prefix (copy, "\x89PNG"));
  g_assert_cmpint (cursor_offset (fixture), ==, link_start + 2);
  assert_preview_shows (fixture, IMAGE_1);

  /* Undo removes the link; the save then removes the copy. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (fixture->document));
  g_assert_false (buffer_has (fixture, LINK_1));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (fixture->document), TRUE);
  save_and_wait (fixture);
  g_assert_true (ui_test_file_is (fixture->site_dir, POST, original));
  UI_TEST_WAIT_FOR (!site_has (fixture, IMAGE_1));
}

static void
test_paste_texture_then_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *saved = NULL;

  place_cursor_at_end (fixture);
  paste_texture (fixture);
  UI_TEST_WAIT_FOR (buffer_has (fixture, LINK_1));
  save_and_wait (fixture);
  saved = ui_test_read_file (fixture->site_dir, POST);
  g_assert_nonnull (strstr (saved, LINK_1));

  /* The next paste, the cursor still in the alt text, goes after the
   * first image, as a paragraph of its own; it never overwrites the copy. */
  paste_texture (fixture);
  UI_TEST_WAIT_FOR (buffer_has (fixture, "![](/" IMAGE_2 ")"));
  g_assert_true (buffer_has (fixture, LINK_1 "\n\n![](/" IMAGE_2 ")"));
  save_and_wait (fixture);
  g_assert_true (site_has (fixture, IMAGE_1));
  g_assert_true (site_has (fixture, IMAGE_2));
}

/* Leaving a post without saving its link deletes the copy. */
static void
test_discarded_link_deletes_copy (Fixture       *fixture,
                                  gconstpointer  data)
{
  place_cursor_at_end (fixture);
  paste_texture (fixture);
  UI_TEST_WAIT_FOR (buffer_has (fixture, LINK_1));

  {
    g_autofree char *path = g_build_filename (fixture->site_dir, "_posts/2023-08-24-summer-picnic.md", NULL);
    g_autoptr(GFile) other = g_file_new_for_path (path);
    RecapDocument *document;

    recap_window_open_location (fixture->window, other);
    ui_test_respond ("discard");
    UI_TEST_WAIT_FOR ((document = recap_window_get_document (fixture->window)) != NULL &&
                      g_file_equal (recap_document_get_file (document), other));
    fixture->document = document;
  }
  UI_TEST_WAIT_FOR (!site_has (fixture, IMAGE_1));
}

static GtkDropTarget *
find_image_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), "recap-image-drop") == 0)
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* Two images and a text file dropped at the start of a paragraph, line 16. */
/* Whether @mark's line is laid out and inside the visible part of @view;
 * asks again to scroll there, as a layout (the form, the bars, the preview)
 * may still move it after a first scroll. */
static gboolean
line_on_screen (GtkTextView  *view,
                GtkTextMark  *mark,
                GdkRectangle *location)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &iter, mark);
  gtk_text_view_get_iter_location (view, &iter, location);
  gtk_text_view_get_visible_rect (view, &visible);
  if (location->y > 0 && visible.height > 0 && visible.y <= location->y &&
      location->y + location->height <= visible.y + visible.height)
    return TRUE;
  gtk_text_view_scroll_to_mark (view, mark, 0, TRUE, 0, 0.5);
  return FALSE;
}

static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_dir_make_tmp ("recap-drop-XXXXXX", &error);
  const char *names[] = { "Screenshot from the talk.png", "notes.txt", "photo.JPG" };
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  g_autoslist(GFile) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GdkRectangle location;
  GtkTextMark *mark;
  GtkTextIter line;
  gboolean accepted = FALSE;
  int x, y, line_offset;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (outside, names[i], NULL);
      test_util_write_file (outside, names[i], names[i]);
      files = g_slist_append (files, g_file_new_for_path (path));
    }
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));

  gtk_text_buffer_get_iter_at_line (buffer, &line, 15);
  line_offset = gtk_text_iter_get_offset (&line);
  /* Laid out and scrolled into view: line 16 is below the first, on screen
   * whatever room the form and the bars leave the view. */
  mark = gtk_text_buffer_create_mark (buffer, NULL, &line, TRUE);
  UI_TEST_WAIT_FOR (line_on_screen (fixture->view, mark, &location));
  gtk_text_view_buffer_to_window_coords (fixture->view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + 1, &x, &y);
  g_signal_emit_by_name (find_image_drop_target (GTK_WIDGET (fixture->view)), "drop", &value,
                         (double) x, (double) y, &accepted);
  g_assert_true (accepted);

  UI_TEST_WAIT_FOR (buffer_has (fixture, "![](/assets/images/2024-03-14-async-for-the-rest-of-us-2.jpg)"));
  {
    g_autofree char *text = ui_test_buffer_text (buffer);
    g_autofree char *expected = g_strconcat (LINK_1 "\n"
                                             "![](/assets/images/2024-03-14-async-for-the-rest-of-us-2.jpg)\n\n"
                                             "Rivka Stein gave the talk",
                                             NULL);
    g_assert_cmpint (strstr (text, expected) - text, ==,
                     g_utf8_offset_to_pointer (text, line_offset) - text);
  }
  g_assert_cmpint (cursor_offset (fixture), ==, line_offset + 2);
  g_assert_true (ui_test_file_is (fixture->site_dir, IMAGE_1, names[0]));
  /* Copied, never moved; the text file is left out. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (ui_test_file_is (outside, names[i], names[i]));
  g_assert_false (buffer_has (fixture, "notes"));
  test_util_remove_tree (outside);
}

/* Preferences sets the folder images are copied into. */
static void
test_preferences_image_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;
  GtkEditable *row;
  g_autofree char *folder = NULL;

  g_settings_set_string (settings, "image-folder", "static/img");
  window = recap_preferences_window_new ();
  recap_compat_present (window, NULL);
  row = GTK_EDITABLE (ui_test_find_by_type (window, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "static/img");
  gtk_editable_set_text (row, "assets/uploads");
  folder = g_settings_get_string (settings, "image-folder");
  g_assert_cmpstr (folder, ==, "assets/uploads");
  recap_compat_close (window);
  g_settings_reset (settings, "image-folder");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, ui_test_post_tear_down)
  ADD ("/images/paste-texture-then-undo", test_paste_texture_then_undo);
  ADD ("/images/paste-texture-then-save", test_paste_texture_then_save);
  ADD ("/images/discarded-link-deletes-copy", test_discarded_link_deletes_copy);
  ADD ("/images/drop-files", test_drop_files);
  g_test_add_func ("/images/preferences-image-folder", test_preferences_image_folder);
#undef ADD

  return g_test_run ();
}
