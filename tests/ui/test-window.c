/* test-window.c: the window on a copy of the sample site, as a user uses it
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "recap-document-bar.h"
#include "recap-front-matter-form.h"
#include "recap-preview.h"
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
  fixture->site_dir = ui_test_copy_sample_site ();
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RecapDocument *document = recap_window_get_document (fixture->window);

  /* Nothing to confirm: the test decides what is saved. */
  if (document != NULL)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  g_free (fixture->site_dir);
}

static RecapDocument *
open_post (Fixture    *fixture,
           const char *relative_path)
{
  return ui_test_open_post (fixture->window, fixture->site_dir, relative_path);
}

static void
save_and_wait (Fixture       *fixture,
               RecapDocument *document)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  UI_TEST_WAIT_FOR (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
}

static void
test_lists_the_site (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->site_dir);
  RecapSite *site;

  recap_window_open_location (fixture->window, root);
  UI_TEST_WAIT_FOR ((site = recap_window_get_site (fixture->window)) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (site)) > 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (site)), >=, 8);
  g_assert_null (recap_window_get_document (fixture->window));
}

/* A post opened while its site still loads opens: the replaced load's end
 * must not take the post from the newer one (it once did, under load). */
static void
test_open_post_while_site_loads (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->site_dir);

  recap_window_open_location (fixture->window, root);
  open_post (fixture, "_posts/2023-08-24-summer-picnic.md");
}

static void
test_type_preview_save (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *relative_path = "_posts/2024-03-14-async-for-the-rest-of-us.md";
  const char *typed = "\nTyped in the UI test: zebra crossing.\n";
  RecapDocument *document = open_post (fixture, relative_path);
  RecapPreview *preview = RECAP_PREVIEW (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_PREVIEW));
  g_autofree char *original = NULL;
  g_autofree char *buffer_text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  GtkTextIter end;

  /* Highlighted as markdown once read. */
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (document))), ==,
                   "markdown");
  original = ui_test_read_file (fixture->site_dir, relative_path);
  buffer_text = recap_document_dup_text (document);
  g_assert_cmpstr (buffer_text, ==, original);
  ui_test_wait_for_preview (preview, "async for the rest of us");
  g_assert_false (ui_test_page_contains (recap_preview_get_web_view (preview), "zebra crossing"));
  g_assert_false (ui_test_page_contains (recap_preview_get_web_view (preview), "layout:"));

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, typed, -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));
  g_assert_true (recap_post_get_unsaved (recap_document_get_post (document)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "*"));

  ui_test_wait_for_preview (preview, "zebra crossing");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  UI_TEST_WAIT_FOR (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  saved = ui_test_read_file (fixture->site_dir, relative_path);
  expected = g_strconcat (original, typed, NULL);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_false (recap_post_get_unsaved (recap_document_get_post (document)));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "*"));
}

/* Files whose bytes a careless save would change. */
static void
test_untouched_save_is_byte_exact (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const struct { const char *name; const char *bytes; } files[] = {
    { "crlf.md", "---\r\ntitle: CRLF\r\n---\r\nBody line\r\n" },
    { "bom.md", "\xef\xbb\xbf---\ntitle: BOM\n---\nBody\n" },
    { "no-final-newline.md", "# Title\n\nNo newline at the end" },
    { "trailing-space.md", "# Title  \n\t\nText with trailing spaces   \n\n\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->site_dir, "notes", files[i].name, NULL);
      g_autofree char *relative_path = g_build_filename ("notes", files[i].name, NULL);
      g_autofree char *saved = NULL;
      RecapDocument *document;

      g_assert_true (g_file_set_contents (path, files[i].bytes, -1, NULL));
      document = open_post (fixture, relative_path);
      save_and_wait (fixture, document);

      saved = ui_test_read_file (fixture->site_dir, relative_path);
      g_assert_cmpstr (saved, ==, files[i].bytes);
    }
}

static void
type_at_end (RecapDocument *document,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, text, -1);
}

/* Switching posts with unsaved changes asks: Cancel keeps the post and its
 * changes, Discard drops them, Save writes them first. */
static void
test_switch_asks_about_unsaved_changes (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *first = "_posts/2023-03-16-lightning-talks.md";
  g_autofree char *original = ui_test_read_file (fixture->site_dir, first);
  g_autofree char *saved = NULL;
  RecapDocument *document = open_post (fixture, first);
  g_autofree char *other_path = g_build_filename (fixture->site_dir, "about.md", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  RecapPost *other_post = recap_site_find_post (recap_window_get_site (fixture->window), other);
  RecapSidebar *sidebar = RECAP_SIDEBAR (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_SIDEBAR));

  g_assert_nonnull (other_post);
  type_at_end (document, "Unsaved line.\n");
  g_signal_emit_by_name (sidebar, "post-activated", other_post);
  ui_test_respond ("cancel");
  g_assert_true (recap_window_get_document (fixture->window) == document);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  g_signal_emit_by_name (sidebar, "post-activated", other_post);
  ui_test_respond ("discard");
  UI_TEST_WAIT_FOR (recap_window_get_document (fixture->window) != document);
  g_assert_true (ui_test_file_is (fixture->site_dir, first, original));

  /* Opening by path reloads the site: find the other post again. */
  document = open_post (fixture, first);
  other_post = recap_site_find_post (recap_window_get_site (fixture->window), other);
  type_at_end (document, "Saved line.\n");
  g_signal_emit_by_name (sidebar, "post-activated", other_post);
  ui_test_respond ("save");
  UI_TEST_WAIT_FOR (recap_window_get_document (fixture->window) != document);
  saved = ui_test_read_file (fixture->site_dir, first);
  g_assert_true (g_str_has_suffix (saved, "Saved line.\n"));
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* `recap FILE` of a post that does not open says why, as a click does. */
static void
open_from_command_line (Fixture    *fixture,
                        const char *relative_path,
                        const char *message)
{
  g_autofree char *path = g_build_filename (fixture->site_dir, relative_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  recap_window_open_location (fixture->window, file);
  UI_TEST_WAIT_FOR (shows_label (GTK_WIDGET (fixture->window), message));
  g_assert_null (recap_window_get_document (fixture->window));
}

static void
test_command_line_binary_post (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->site_dir, "_posts/2020-01-01-bin.md", NULL);

  g_assert_true (g_file_set_contents (path, "---\ntitle: x\n---\n\0\1", 19, NULL));
  open_from_command_line (fixture, "_posts/2020-01-01-bin.md",
                          "Could not open “2020-01-01-bin.md”: “2020-01-01-bin.md” looks like a binary file "
                          "(it contains NUL bytes)");
}

/* The editor pane gives the open post the style scheme of the light or dark style. */
static void
test_open_post_follows_the_style (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  RecapDocument *document;
  GtkSourceStyleScheme *scheme;

  document = open_post (fixture, "_posts/2024-03-14-async-for-the-rest-of-us.md");
  scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (document));
  g_assert_nonnull (scheme);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "Adwaita");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (document));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, "Adwaita-dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* "Edit in Source" on a post shown cut moves the cursor in the text shown,
 * which is not the document's buffer. */
static void
test_long_line_post_show_source (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *relative_path = "_posts/2024-05-01-one-line.md";
  g_autoptr(GString) text = g_string_new ("---\ntitle: One line\n---\n");
  GtkWidget *form;
  GtkTextBuffer *shown;
  GtkTextIter cursor;

  while (text->len < 300 * 1024)
    g_string_append (text, "lorem ipsum *dolor* sit amet, [consectetur](https://example.com) ");
  test_util_write_file (fixture->site_dir, relative_path, text->str);
  open_post (fixture, relative_path);

  form = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_FRONT_MATTER_FORM);
  g_signal_emit_by_name (form, "show-source", 2, 8);
  shown = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                           GTK_SOURCE_TYPE_VIEW)));
  gtk_text_buffer_get_iter_at_mark (shown, &cursor, gtk_text_buffer_get_insert (shown));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 1);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 7);
}

/* The scan lists no pipe: the message must not depend on the list. */
static void
test_command_line_unlisted_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->site_dir, "_posts/pipe.md", NULL);
  g_autofree char *real_path = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  real_path = realpath (path, NULL);
  message = g_strdup_printf ("Could not open “pipe.md”: “%s” is not a regular file", real_path);
  open_from_command_line (fixture, "_posts/pipe.md", message);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

typedef struct {
  guint count;
  int   longest;  /* bytes */
} Insertions;

static void
count_insertion (GtkTextBuffer *buffer,
                 GtkTextIter   *where,
                 const char    *text,
                 int            len,
                 Insertions    *insertions)
{
  insertions->count++;
  insertions->longest = MAX (insertions->longest, len);
}

/* The longest line the buffer shows, in characters. */
static int
longest_shown_line (GtkTextBuffer *buffer)
{
  int longest = 0;

  for (int line = 0; line < gtk_text_buffer_get_line_count (buffer); line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      longest = MAX (longest, gtk_text_iter_get_chars_in_line (&iter));
    }
  return longest;
}

/* A post with a line of megabytes (generated, minified): GTK lays a line
 * out and GtkSourceView parses it in one go, and the loader's 8 KB steps
 * each cost the length of the line so far, which froze the window for
 * seconds; one insertion of 5 MB still took 380-700 ms. The document
 * keeps the text and its buffer gets a cut copy in one insertion,
 * unhighlighted and read-only; the file stays as it is on disk, and Save
 * As writes the whole text. */
static void
test_long_line_post (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *relative_path = "_posts/2024-05-01-one-line.md";
  g_autoptr(GString) text = g_string_new ("---\ntitle: One line\n---\n");
  g_autofree char *path = g_build_filename (fixture->site_dir, relative_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecapPost) post = NULL;
  g_autoptr(RecapDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) loading = NULL;
  g_autoptr(GAsyncResult) saving = NULL;
  g_autoptr(GAsyncResult) saving_as = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->site_dir, "copy.md", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  GtkWidget *source_view;
  RecapDocument *shown;
  Insertions insertions = { 0 };

  while (text->len < 300 * 1024)
    g_string_append (text, "lorem ipsum *dolor* sit amet, [consectetur](https://example.com) ");
  test_util_write_file (fixture->site_dir, relative_path, text->str);

  /* Loading on its own: one insertion, no syntax, neither before the text is read. */
  post = recap_post_new_from_text (file, relative_path, text->str, text->len);
  document = recap_document_new (post, NULL);
  g_assert_null (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (document)));
  g_signal_connect (document, "insert-text", G_CALLBACK (count_insertion), &insertions);
  recap_document_load_async (document, NULL, store_result, &loading);
  UI_TEST_WAIT_FOR (loading != NULL);
  g_assert_true (recap_document_load_finish (document, loading, &error));
  g_assert_no_error (error);
  loaded = recap_document_dup_text (document);
  g_assert_cmpstr (loaded, ==, text->str);
  g_assert_cmpuint (insertions.count, ==, 1);
  g_assert_cmpint (insertions.longest, <, 20 * 1024);
  g_assert_true (recap_document_get_cut (document));
  g_assert_cmpint (longest_shown_line (GTK_TEXT_BUFFER (document)), <, 20 * 1024);
  g_assert_null (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (document)));

  /* In the window: shown cut, read-only, and saving leaves the file alone. */
  shown = open_post (fixture, relative_path);
  source_view = ui_test_find_by_type (GTK_WIDGET (fixture->window), GTK_SOURCE_TYPE_VIEW);
  g_assert_cmpint (longest_shown_line (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view))), <, 20 * 1024);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (source_view)));
  g_assert_true (recap_document_get_read_only (shown));
  /* The form edits the same buffer: it is read-only too. */
  g_assert_false (gtk_widget_get_sensitive (ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                  RECAP_TYPE_FRONT_MATTER_FORM)));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (shown), TRUE);
  recap_document_save_async (shown, NULL, store_result, &saving);
  UI_TEST_WAIT_FOR (saving != NULL);
  g_assert_false (recap_document_save_finish (shown, saving, &error));
  g_assert_error (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_READ_ONLY);
  g_assert_true (ui_test_file_is (fixture->site_dir, relative_path, text->str));
  g_clear_error (&error);

  /* Save As writes the file's text, not the cut copy, which stays read-only. */
  recap_document_save_as_async (shown, copy, NULL, store_result, &saving_as);
  UI_TEST_WAIT_FOR (saving_as != NULL);
  g_assert_true (recap_document_save_finish (shown, saving_as, &error));
  g_assert_no_error (error);
  g_assert_true (ui_test_file_is (fixture->site_dir, "copy.md", text->str));
  g_assert_true (recap_document_get_read_only (shown));
  g_assert_true (recap_document_get_cut (shown));
}

static void
note_buffer_set (GtkTextView *view,
                 GParamSpec  *pspec,
                 int         *chars)
{
  *chars = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view));
}

/* A post of a megabyte goes into the source view after the view has its
 * buffer (GTK would send the whole text to the screen reader in one go
 * otherwise), and ends as the file's text: unmodified, nothing to undo,
 * editable, and saved back byte for byte. */
static void
test_big_post_shown_while_filling (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *relative_path = "_posts/2024-05-02-big.md";
  g_autoptr(GString) text = g_string_new ("---\ntitle: Big\ntags: [one, two]\n---\n");
  g_autofree char *shown_text = NULL;
  GtkWidget *source_view;
  RecapDocument *document;
  int chars_when_set = -1;

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "## Part %u\n\nSome words, grüße and *emphasis* %u.\n\n", i, i);
  test_util_write_file (fixture->site_dir, relative_path, text->str);
  source_view = ui_test_find_by_type (GTK_WIDGET (fixture->window), GTK_SOURCE_TYPE_VIEW);
  g_signal_connect (source_view, "notify::buffer", G_CALLBACK (note_buffer_set), &chars_when_set);

  document = open_post (fixture, relative_path);
  g_assert_cmpint (chars_when_set, ==, 0);
  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view)) == GTK_TEXT_BUFFER (document));
  shown_text = ui_test_buffer_text (GTK_TEXT_BUFFER (document));
  g_assert_cmpstr (shown_text, ==, text->str);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_false (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (document)));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (source_view)));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "*"));
  g_signal_handlers_disconnect_by_func (source_view, note_buffer_set, &chars_when_set);

  save_and_wait (fixture, document);
  g_assert_true (ui_test_file_is (fixture->site_dir, relative_path, text->str));
}

typedef struct {
  gboolean       rooted;      /* the view in a window when its buffer changed */
  GtkAdjustment *vadjustment; /* the view's then */
} BufferSet;

static void
note_view_rooted (GtkWidget  *view,
                  GParamSpec *pspec,
                  BufferSet  *set)
{
  set->rooted = gtk_widget_get_root (view) != NULL;
  set->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
}

/* Another post goes into the source view while the view is out of the
 * window (GTK 4.8 would send the old post's whole text to the screen
 * reader otherwise): with the adjustments it scrolls by (which the spell
 * checker takes when the buffer changes), and it comes back in its place,
 * with the new post, editable, and the focus when it had it. */
static void
test_switch_post_swaps_out_of_window (Fixture       *fixture,
                                      gconstpointer  data)
{
  RecapDocument *first = open_post (fixture, "_posts/2024-03-14-async-for-the-rest-of-us.md");
  GtkWidget *source_view = ui_test_find_by_type (GTK_WIDGET (fixture->window), GTK_SOURCE_TYPE_VIEW);
  GtkWidget *scroller = gtk_widget_get_parent (source_view);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  BufferSet set = { TRUE, NULL };
  RecapDocument *second;

  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view)) == GTK_TEXT_BUFFER (first));
  gtk_widget_grab_focus (source_view);
  g_signal_connect (source_view, "notify::buffer", G_CALLBACK (note_view_rooted), &set);

  second = open_post (fixture, "_posts/2023-08-24-summer-picnic.md");
  g_assert_false (set.rooted);
  g_assert_true (set.vadjustment == vadjustment);
  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view)) == GTK_TEXT_BUFFER (second));
  g_assert_true (gtk_widget_get_parent (source_view) == scroller);
  g_assert_true (gtk_widget_get_prev_sibling (scroller) == ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_DOCUMENT_BAR));
  g_assert_true (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (source_view)) == vadjustment);
  g_assert_true (gtk_widget_is_focus (source_view));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (source_view)));
  g_signal_handlers_disconnect_by_func (source_view, note_view_rooted, &set);
}

/* The size, the maximized state and the sidebar width come from the
 * settings and go back to them as they change, not only when the window
 * closes. */
static void
test_window_state_follows_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.recapnotes.Recap");
  RecapWindow *window;
  GtkWidget *sidebar;
  int width, height, sidebar_width;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  g_settings_set_int (settings, "sidebar-width", 333);
  window = recap_window_new (NULL);
  sidebar = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_SIDEBAR);
  g_assert_nonnull (sidebar);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  gtk_widget_get_size_request (sidebar, &sidebar_width, NULL);
  g_assert_cmpint (sidebar_width, ==, 333);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_widget_set_size_request (sidebar, 300, -1);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 300);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "sidebar-width");
}

/* GTK's warning that a closed web view's AT-SPI socket could not be
 * embedded (it logs structured, see ui-test-util.c) does not end a test;
 * any other warning still does. */
static void
test_closed_view_warning (gconstpointer data)
{
  const char *message = data;

  if (g_test_subprocess ())
    {
      g_log_structured ("Gtk", G_LOG_LEVEL_WARNING, "MESSAGE", "%s", message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (g_str_has_prefix (message, "Error embedding AT-SPI socket"))
    g_test_trap_assert_passed ();
  else
    g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Gtk-WARNING*");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/window/lists-the-site", NULL, test_lists_the_site);
  UI_TEST_ADD ("/window/open-post-while-site-loads", NULL, test_open_post_while_site_loads);
  UI_TEST_ADD ("/window/type-preview-save", NULL, test_type_preview_save);
  UI_TEST_ADD ("/window/untouched-save-is-byte-exact", NULL, test_untouched_save_is_byte_exact);
  UI_TEST_ADD ("/window/switch-asks-about-unsaved-changes", NULL, test_switch_asks_about_unsaved_changes);
  UI_TEST_ADD ("/window/open-post-follows-the-style", NULL, test_open_post_follows_the_style);
  UI_TEST_ADD ("/window/command-line/binary-post", NULL, test_command_line_binary_post);
  UI_TEST_ADD ("/window/command-line/unlisted-file", NULL, test_command_line_unlisted_file);
  UI_TEST_ADD ("/window/long-line-post", NULL, test_long_line_post);
  UI_TEST_ADD ("/window/long-line-post/show-source", NULL, test_long_line_post_show_source);
  UI_TEST_ADD ("/window/big-post-shown-while-filling", NULL, test_big_post_shown_while_filling);
  UI_TEST_ADD ("/window/switch-post-swaps-out-of-window", NULL, test_switch_post_swaps_out_of_window);
  g_test_add_func ("/window/state-follows-settings", test_window_state_follows_settings);
  g_test_add_data_func ("/window/closed-view-warning/tolerated",
                        "Error embedding AT-SPI socket: Message recipient disconnected from message bus without replying",
                        test_closed_view_warning);
  g_test_add_data_func ("/window/closed-view-warning/others-fatal", "Something else went wrong",
                        test_closed_view_warning);

  return g_test_run ();
}
