/* test-reliability.c: no lost work and clear answers, whatever the disk, other
 * programs or the file contents do
 *
 * Runs with fault-shim.so preloaded (see meson.build): writes to paths with
 * "/disk-full/" in them fail with ENOSPC.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recap-document-bar.h"
#include "recap-front-matter-form.h"
#include "recap-recovery.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST "_posts/2022-11-03-testing-night.md"
#define NOTE "notes/venue-checklist.md"
#define SAVE_ERROR_HEADING "Could Not Save"

typedef struct {
  char        *site_dir;
  RecapWindow *window;
  GPtrArray   *read_only_paths; /* to make writable again on tear down */
  char        *full_disk_dir;   /* holds the site when it is on the "full disk" */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->site_dir = ui_test_copy_sample_site ();
  fixture->read_only_paths = g_ptr_array_new_with_free_func (g_free);
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
close_message_dialogs (void)
{
  RecapAlert *alert;

  while ((alert = ui_test_find_alert ()) != NULL)
    ui_test_close_alert (alert);
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = immutable ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);
  return ok;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RecapDocument *document = recap_window_get_document (fixture->window);

  for (guint i = 0; i < fixture->read_only_paths->len; i++)
    {
      const char *path = g_ptr_array_index (fixture->read_only_paths, i);
      set_immutable (path, FALSE);
      g_chmod (path, 0755);
    }
  close_message_dialogs ();
  if (document != NULL)
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_util_remove_tree (fixture->site_dir);
  g_free (fixture->site_dir);
  if (fixture->full_disk_dir != NULL)
    test_util_remove_tree (fixture->full_disk_dir);
  g_free (fixture->full_disk_dir);
  g_ptr_array_unref (fixture->read_only_paths);
}

/* Permission bits do not stop root: root gets the immutable flag instead.
 * FALSE when neither works here. */
static gboolean
make_read_only (Fixture    *fixture,
                const char *path)
{
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (geteuid () == 0 ? !set_immutable (path, TRUE) : g_chmod (path, is_dir ? 0555 : 0444) != 0)
    return FALSE;
  g_ptr_array_add (fixture->read_only_paths, g_strdup (path));
  return TRUE;
}

static char *
site_path (Fixture    *fixture,
           const char *relative_path)
{
  return g_build_filename (fixture->site_dir, relative_path, NULL);
}

static void
write_site_file (Fixture    *fixture,
                 const char *relative_path,
                 const char *bytes,
                 gssize      len)
{
  g_autofree char *path = site_path (fixture, relative_path);

  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
}

static void
assert_file_is (Fixture    *fixture,
                const char *relative_path,
                const char *expected)
{
  g_autofree char *contents = ui_test_read_file (fixture->site_dir, relative_path);

  g_assert_cmpstr (contents, ==, expected);
}

static RecapDocument *
open_post (Fixture    *fixture,
           const char *relative_path)
{
  return ui_test_open_post (fixture->window, fixture->site_dir, relative_path);
}

static void
type_at_end (RecapDocument *document,
             const char    *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
is_modified (RecapDocument *document)
{
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document));
}

static void
save (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
}

static void
save_and_wait (Fixture       *fixture,
               RecapDocument *document)
{
  save (fixture);
  UI_TEST_WAIT_FOR (!is_modified (document));
}

/* The alert with @heading, the recovery dialog among them. */
static RecapAlert *
find_alert (const char *heading)
{
  RecapAlert *alert = ui_test_find_alert ();

  return alert != NULL && g_strcmp0 (recap_alert_get_heading (alert), heading) == 0 ? alert : NULL;
}

/* Saves, and checks the failure the user sees: a message that offers Save
 * As, the buffer still unsaved. */
static void
save_and_expect_error (Fixture       *fixture,
                       RecapDocument *document,
                       const char    *message_part)
{
  RecapAlert *dialog;

  save (fixture);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL &&
                    g_strcmp0 (recap_alert_get_heading (dialog), SAVE_ERROR_HEADING) == 0);
  g_test_message ("Save error: %s", recap_alert_get_body (dialog));
  g_assert_nonnull (strstr (recap_alert_get_body (dialog), message_part));
  g_assert_true (recap_alert_has_response (dialog, "save-as"));
  g_assert_true (is_modified (document));
  close_message_dialogs ();
}

static const char *
bar_message (Fixture *fixture)
{
  GtkWidget *bar = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_DOCUMENT_BAR);

  return recap_document_bar_get_message (RECAP_DOCUMENT_BAR (bar));
}

static void
bar_action (Fixture    *fixture,
            const char *action_name)
{
  GtkWidget *bar = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_DOCUMENT_BAR);

  g_assert_true (gtk_widget_activate_action (bar, action_name, NULL));
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Loads @path outside any window, for the files that must not open. */
static GError *
load_error (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecapPost) post = recap_post_new_from_text (file, "post.md", "", 0);
  g_autoptr(RecapDocument) document = recap_document_new (post, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  recap_document_load_async (document, NULL, store_result, &result);
  UI_TEST_WAIT_FOR (result != NULL);
  g_assert_false (recap_document_load_finish (document, result, &error));
  g_assert_nonnull (error);
  g_test_message ("Opening %s: %s", path, error->message);
  return error;
}

/* Saving */

static void
test_typed_line_breaks_follow_the_file (Fixture       *fixture,
                                        gconstpointer  data)
{
  RecapDocument *document;

  write_site_file (fixture, NOTE, "---\r\ntitle: CRLF\r\n---\r\nOne\r\n", -1);
  document = open_post (fixture, NOTE);
  type_at_end (document, "Two\n");
  save_and_wait (fixture, document);

  assert_file_is (fixture, NOTE, "---\r\ntitle: CRLF\r\n---\r\nOne\r\nTwo\r\n");
}

static void
test_symlink_and_permissions_are_kept (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *target = site_path (fixture, "notes/real.md");
  g_autofree char *link = site_path (fixture, "notes/link.md");
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(RecapPost) post = recap_post_new_from_text (file, "notes/link.md", "", 0);
  g_autoptr(RecapDocument) document = recap_document_new (post, NULL);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_site_file (fixture, "notes/real.md", "Linked\n", -1);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.md", link), ==, 0);

  recap_document_load_async (document, NULL, store_result, &loaded);
  UI_TEST_WAIT_FOR (loaded != NULL);
  g_assert_true (recap_document_load_finish (document, loaded, &error));
  type_at_end (document, "Typed\n");
  recap_document_save_async (document, NULL, store_result, &saved);
  UI_TEST_WAIT_FOR (saved != NULL);
  g_assert_true (recap_document_save_finish (document, saved, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_file_is (fixture, "notes/real.md", "Linked\nTyped\n");
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = site_path (fixture, "notes");
  g_autofree char *original = ui_test_read_file (fixture->site_dir, NOTE);
  RecapDocument *document = open_post (fixture, NOTE);

  if (!make_read_only (fixture, folder))
    {
      g_test_skip ("Cannot make a folder read-only here (no immutable flag on this file system)");
      return;
    }
  type_at_end (document, "Never written\n");
  save_and_expect_error (fixture, document, "Operation not permitted");
  assert_file_is (fixture, NOTE, original);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = site_path (fixture, NOTE);
  g_autofree char *original = ui_test_read_file (fixture->site_dir, NOTE);
  RecapDocument *document = open_post (fixture, NOTE);

  if (!make_read_only (fixture, path))
    {
      g_test_skip ("Cannot make a file read-only here (no immutable flag on this file system)");
      return;
    }
  type_at_end (document, "Never written\n");
  save_and_expect_error (fixture, document, "is read-only");
  assert_file_is (fixture, NOTE, original);
}

/* Moves the site under a "/disk-full/" folder, where the shim fails writes. */
static void
move_site_to_full_disk (Fixture *fixture)
{
  g_autofree char *full = NULL;
  g_autofree char *moved = NULL;

  fixture->full_disk_dir = g_dir_make_tmp ("recap-full-XXXXXX", NULL);
  full = g_build_filename (fixture->full_disk_dir, "disk-full", NULL);
  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  moved = g_build_filename (full, "site", NULL);
  g_assert_cmpint (g_rename (fixture->site_dir, moved), ==, 0);
  g_free (fixture->site_dir);
  fixture->site_dir = g_steal_pointer (&moved);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *original = NULL;
  RecapDocument *document;

  if (strstr (g_getenv ("LD_PRELOAD") ? g_getenv ("LD_PRELOAD") : "", "fault-shim") == NULL)
    {
      g_test_skip ("Needs fault-shim.so in LD_PRELOAD to fill the disk");
      return;
    }
  move_site_to_full_disk (fixture);
  original = ui_test_read_file (fixture->site_dir, POST);
  document = open_post (fixture, POST);
  type_at_end (document, "Does not fit\n");

  save_and_expect_error (fixture, document, "No space left on device");
  assert_file_is (fixture, POST, original);
}

static void
test_folder_disappears (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = site_path (fixture, "notes");
  g_autofree char *elsewhere = site_path (fixture, "rescued.md");
  g_autoptr(GFile) rescue = g_file_new_for_path (elsewhere);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RecapDocument *document = open_post (fixture, NOTE);

  test_util_remove_tree (folder);
  UI_TEST_WAIT_FOR (recap_document_get_deleted (document));
  g_assert_true (is_modified (document));
  g_assert_nonnull (strstr (bar_message (fixture), "deleted"));

  save_and_expect_error (fixture, document, "No such file or directory");

  /* Save As, the way out the message offers. */
  text = recap_document_dup_text (document);
  recap_document_save_as_async (document, rescue, NULL, store_result, &saved);
  UI_TEST_WAIT_FOR (saved != NULL);
  g_assert_true (recap_document_save_finish (document, saved, &error));
  assert_file_is (fixture, "rescued.md", text);
  g_assert_false (is_modified (document));
  g_assert_false (recap_document_get_deleted (document));
}

/* Other programs */

static void
place_cursor (RecapDocument *document,
              int            line,
              int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (document), &iter, line, offset);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &iter);
}

static gboolean
cursor_is (RecapDocument *document,
           int            line,
           int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  return gtk_text_iter_get_line (&iter) == line && gtk_text_iter_get_line_offset (&iter) == offset;
}

static gboolean
buffer_is (RecapDocument *document,
           const char    *expected)
{
  g_autofree char *text = recap_document_dup_text (document);

  return g_str_equal (text, expected);
}

static void
write_in_place (Fixture    *fixture,
                const char *relative_path,
                const char *bytes)
{
  g_autofree char *path = site_path (fixture, relative_path);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  fputs (bytes, file);
  fclose (file);
}

static void
test_clean_buffer_follows_the_disk (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *renamed_over = "---\ntitle: Changed\n---\nFirst line\nSecond line here\n";
  const char *written_in_place = "---\ntitle: Again\n---\nOne\nTwo\n";
  RecapDocument *document = open_post (fixture, NOTE);

  place_cursor (document, 4, 3);
  write_site_file (fixture, NOTE, renamed_over, -1);
  /* The text arrives before the reload ends and puts the cursor back. */
  UI_TEST_WAIT_FOR (buffer_is (document, renamed_over) && cursor_is (document, 4, 3));
  g_assert_false (is_modified (document));
  g_assert_null (bar_message (fixture));

  write_in_place (fixture, NOTE, written_in_place);
  UI_TEST_WAIT_FOR (buffer_is (document, written_in_place) && cursor_is (document, 4, 3));
  g_assert_false (is_modified (document));
}

/* A program writing in place can be read while the file is cut short:
 * the cursor moves to the end of that text, and goes back where it was
 * when the whole text is read. The cursor stays in the body: the fold
 * keeps it out of front matter it hides, once the form has read it. */
static void
test_cursor_back_after_short_read (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *whole = "---\ntitle: Again\n---\nOne\nTwo\n";
  const char *cut_short = "---\ntitle: Again\n---\nOne\n";
  RecapDocument *document = open_post (fixture, NOTE);

  place_cursor (document, 4, 3);
  write_site_file (fixture, NOTE, cut_short, -1);
  UI_TEST_WAIT_FOR (buffer_is (document, cut_short) && !recap_document_get_loading (document));
  g_assert_true (cursor_is (document, 4, 0));

  write_site_file (fixture, NOTE, whole, -1);
  UI_TEST_WAIT_FOR (buffer_is (document, whole) && cursor_is (document, 4, 3));
  g_assert_false (is_modified (document));

  /* Moved by the user since: the cursor stays where they put it. */
  place_cursor (document, 4, 2);
  write_site_file (fixture, NOTE, cut_short, -1);
  /* Once the reload has put the cursor back. */
  UI_TEST_WAIT_FOR (buffer_is (document, cut_short) && !recap_document_get_loading (document));
  g_assert_true (cursor_is (document, 4, 0));
  place_cursor (document, 3, 1);
  write_site_file (fixture, NOTE, whole, -1);
  UI_TEST_WAIT_FOR (buffer_is (document, whole) && cursor_is (document, 3, 1));
}

static void
test_dirty_buffer_keep_mine (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *theirs = "---\ntitle: Theirs\n---\nWritten by git\n";
  RecapDocument *document = open_post (fixture, NOTE);
  g_autofree char *mine = NULL;

  type_at_end (document, "Mine\n");
  mine = recap_document_dup_text (document);
  write_site_file (fixture, NOTE, theirs, -1);
  UI_TEST_WAIT_FOR (recap_document_get_externally_modified (document));
  g_assert_true (buffer_is (document, mine));
  g_assert_nonnull (strstr (bar_message (fixture), "Another program changed this file"));

  /* Never a silent overwrite: saving now refuses, and tells through the bar. */
  save (fixture);
  UI_TEST_WAIT_FOR (recap_document_get_externally_modified (document) && is_modified (document));
  assert_file_is (fixture, NOTE, theirs);

  bar_action (fixture, "bar.keep-mine");
  g_assert_false (recap_document_get_externally_modified (document));
  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, mine);
}

static void
test_dirty_buffer_reload (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *theirs = "---\ntitle: Theirs\n---\nWritten by git\n";
  RecapDocument *document = open_post (fixture, NOTE);

  type_at_end (document, "Mine\n");
  write_site_file (fixture, NOTE, theirs, -1);
  UI_TEST_WAIT_FOR (recap_document_get_externally_modified (document));

  bar_action (fixture, "bar.reload");
  UI_TEST_WAIT_FOR (buffer_is (document, theirs) && !is_modified (document));
  g_assert_false (recap_document_get_externally_modified (document));
  assert_file_is (fixture, NOTE, theirs);
}

static void
test_deleted_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = site_path (fixture, NOTE);
  RecapDocument *document = open_post (fixture, NOTE);
  g_autofree char *text = recap_document_dup_text (document);

  g_assert_cmpint (g_unlink (path), ==, 0);
  UI_TEST_WAIT_FOR (recap_document_get_deleted (document));
  g_assert_true (buffer_is (document, text));
  g_assert_true (is_modified (document));
  g_assert_nonnull (strstr (bar_message (fixture), "deleted"));

  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, text);
  g_assert_false (recap_document_get_deleted (document));
  g_assert_null (bar_message (fixture));
}

/* Bad input */

/* Latin-1 text reads as ISO-8859-1, not ISO-8859-15 (where ½ is œ and ¤
 * is €), and goes back byte for byte. */
static void
test_other_encoding_is_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *latin1 = "---\ntitle: Caf\xe9\n---\nCr\xe8me br\xfbl\xe9\x65 for \xbd the price (\xa4)\n";
  g_autofree char *expected = g_strconcat (latin1, "\xdc" "ber\n", NULL);
  RecapDocument *document;

  write_site_file (fixture, NOTE, latin1, -1);
  document = open_post (fixture, NOTE);
  g_assert_cmpstr (gtk_source_encoding_get_charset (recap_document_get_encoding (document)), ==, "ISO-8859-1");
  g_assert_true (buffer_is (document, "---\ntitle: Café\n---\nCrème brûlée for ½ the price (¤)\n"));
  g_assert_nonnull (strstr (bar_message (fixture), "ISO-8859-1"));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, latin1);

  type_at_end (document, "Über\n");
  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, expected);

  /* A character the encoding does not have: refused, not mangled. */
  type_at_end (document, "€\n");
  save_and_expect_error (fixture, document, "Save As");
  assert_file_is (fixture, NOTE, expected);
}

/* Bytes 0x80-0x9F are Windows-1252 text (curly quotes, dashes, €). */
static void
test_windows_1252_is_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *cp1252 = "---\ntitle: \x93" "Caf\xe9\x94\n---\nTickets \x96 5 \x80\n";
  g_autofree char *expected = g_strconcat (cp1252, "\x80" "\n", NULL);
  RecapDocument *document;

  write_site_file (fixture, NOTE, cp1252, -1);
  document = open_post (fixture, NOTE);
  g_assert_cmpstr (gtk_source_encoding_get_charset (recap_document_get_encoding (document)), ==, "WINDOWS-1252");
  g_assert_true (buffer_is (document, "---\ntitle: “Café”\n---\nTickets – 5 €\n"));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, cp1252);

  type_at_end (document, "€\n");
  save_and_wait (fixture, document);
  assert_file_is (fixture, NOTE, expected);
}

static void
test_undecodable_bytes_open_read_only (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GString) bytes = g_string_new ("---\ntitle: Mostly UTF-8\n---\n");
  GtkWidget *view;
  RecapDocument *document;

  /* Valid far enough for UTF-8 to be chosen, then a byte it cannot read. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (bytes, "caf\xc3\xa9 ");
  g_string_append (bytes, "\xff end\n");
  write_site_file (fixture, NOTE, bytes->str, bytes->len);

  document = open_post (fixture, NOTE);
  g_assert_true (recap_document_get_read_only (document));
  g_assert_nonnull (strstr (bar_message (fixture), "read-only"));
  view = ui_test_find_by_type (GTK_WIDGET (fixture->window), GTK_SOURCE_TYPE_VIEW);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), TRUE);
  save_and_expect_error (fixture, document, "read-only");
  assert_file_is (fixture, NOTE, bytes->str);
}

static void
test_large_file_pauses_preview (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GString) bytes = g_string_new ("---\ntitle: Conference log\n---\n");
  RecapDocument *document;

  while (bytes->len <= RECAP_DOCUMENT_LARGE_SIZE)
    g_string_append (bytes, "A line of a very long conference log, repeated until the file is large.\n");
  write_site_file (fixture, NOTE, bytes->str, bytes->len);

  document = open_post (fixture, NOTE);
  g_assert_true (recap_document_get_large (document));
  g_assert_nonnull (strstr (bar_message (fixture), "preview is paused"));
  bar_action (fixture, "bar.dismiss");
  g_assert_null (bar_message (fixture));
}

static void
test_files_that_do_not_open (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *binary = site_path (fixture, "notes/binary.md");
  g_autofree char *folder = site_path (fixture, "notes/folder.md");
  g_autofree char *pipe = site_path (fixture, "notes/pipe.md");
  g_autofree char *loop = site_path (fixture, "notes/loop.md");
  g_autofree char *dangling = site_path (fixture, "notes/dangling.md");
  g_autofree char *huge = site_path (fixture, "notes/huge.md");
  GError *error;

  write_site_file (fixture, "notes/binary.md", "PNG\0\0\0binary", 12);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (pipe, 0644), ==, 0);
  g_assert_cmpint (symlink ("loop.md", loop), ==, 0);
  g_assert_cmpint (symlink ("nowhere.md", dangling), ==, 0);
  write_site_file (fixture, "notes/huge.md", "", 0);
  g_assert_cmpint (truncate (huge, RECAP_FILE_MAX_SIZE + 1), ==, 0);

  error = load_error (binary);
  g_assert_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_BINARY);
  g_clear_error (&error);
  error = load_error (folder);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  /* Must not wait for a writer. */
  error = load_error (pipe);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  error = load_error (loop);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_clear_error (&error);
  error = load_error (dangling);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  error = load_error (huge);
  g_assert_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_TOO_LARGE);
  /* recap-cli's words, for the same limit. */
  g_assert_cmpstr (error->message, ==, "“huge.md” is larger than 64.0\u00a0MiB; Recap opens text files up to that size");
  g_clear_error (&error);
}

static void
test_unreadable_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = site_path (fixture, NOTE);
  GError *error;

  if (geteuid () == 0)
    {
      g_test_skip ("Root reads files whatever their permissions");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  error = load_error (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_error_free (error);
}

static void
test_invalid_yaml_is_left_alone (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *invalid = "---\ntitle: [unclosed\n\tindented: with a tab\n---\nBody.\n";
  GtkWidget *form;
  GtkRevealer *banner;
  RecapDocument *document;

  write_site_file (fixture, NOTE, invalid, -1);
  document = open_post (fixture, NOTE);
  form = ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_FRONT_MATTER_FORM);
  banner = GTK_REVEALER (ui_test_find_by_type (form, GTK_TYPE_REVEALER));
  UI_TEST_WAIT_FOR (gtk_revealer_get_reveal_child (banner));

  g_assert_true (buffer_is (document, invalid));
  g_assert_false (is_modified (document));
  assert_file_is (fixture, NOTE, invalid);
}

/* Recovery */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "recap", "recovery", NULL);
}

static guint
count_drafts (void)
{
  g_autofree char *path = recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".ini");
  return n;
}

static void
test_draft_follows_unsaved_changes (Fixture       *fixture,
                                    gconstpointer  data)
{
  RecapDocument *document = open_post (fixture, POST);

  g_assert_cmpuint (count_drafts (), ==, 0);
  type_at_end (document, "Unsaved\n");
  UI_TEST_WAIT_FOR (count_drafts () == 1);
  save_and_wait (fixture, document);
  UI_TEST_WAIT_FOR (count_drafts () == 0);

  /* Discarding, as the close dialog's Discard does, removes it too. */
  type_at_end (document, "Unsaved again\n");
  UI_TEST_WAIT_FOR (count_drafts () == 1);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  UI_TEST_WAIT_FOR (count_drafts () == 0);
}

/* Leaves a draft of @relative_path as a session that crashed would. */
static char *
leave_draft (Fixture    *fixture,
             const char *relative_path)
{
  g_autofree char *path = site_path (fixture, relative_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecapRecovery) recovery = recap_recovery_new_default ();
  g_autoptr(GAsyncResult) saved = NULL;
  g_autofree char *original = ui_test_read_file (fixture->site_dir, relative_path);
  char *text = g_strconcat (original, "Typed before the crash\n", NULL);
  /* What the document had read when the edits began. */
  g_autofree char *base = g_compute_checksum_for_string (G_CHECKSUM_SHA256, original, -1);

  recap_recovery_save_async (recovery, file, text, base, store_result, &saved);
  UI_TEST_WAIT_FOR (saved != NULL);
  g_assert_true (recap_recovery_save_finish (recovery, saved, NULL));
  return text;
}

static void
test_restore_from_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *draft = leave_draft (fixture, POST);
  g_autofree char *path = site_path (fixture, POST);
  g_autoptr(GFile) root = g_file_new_for_path (fixture->site_dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecapAlert *dialog;
  RecapDocument *document;

  recap_window_open_location (fixture->window, root);
  UI_TEST_WAIT_FOR ((dialog = find_alert ("Recover Unsaved Changes?")) != NULL);
  /* Over the window: in it from libadwaita 1.5, a window on top before. */
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (dialog)) == GTK_ROOT (fixture->window));
#else
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
#endif
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (dialog), "_Restore"), "clicked");

  UI_TEST_WAIT_FOR ((document = recap_window_get_document (fixture->window)) != NULL &&
                    g_file_equal (recap_document_get_file (document), file) &&
                    buffer_is (document, draft));
  g_assert_true (is_modified (document));
  UI_TEST_WAIT_FOR (find_alert ("Recover Unsaved Changes?") == NULL);
  save_and_wait (fixture, document);
  assert_file_is (fixture, POST, draft);
  UI_TEST_WAIT_FOR (count_drafts () == 0);
}

static void
test_restore_from_bar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *draft = leave_draft (fixture, POST);
  RecapDocument *document = open_post (fixture, POST);

  g_assert_nonnull (recap_document_get_draft (document));
  g_assert_nonnull (strstr (bar_message (fixture), "recovered"));
  bar_action (fixture, "bar.restore");
  g_assert_true (buffer_is (document, draft));
  g_assert_true (is_modified (document));
  g_assert_null (bar_message (fixture));

  /* Undo brings the file's text back. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_assert_false (buffer_is (document, draft));
}

/* Edits, another program's change, a crash: the restored draft must not
 * replace that change without asking. */
static void
test_restore_after_outside_change (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *draft = leave_draft (fixture, POST);
  const char *theirs = "---\ntitle: Changed by another program\n---\nTheir text\n";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RecapDocument *document;

  write_site_file (fixture, POST, theirs, -1);
  document = open_post (fixture, POST);
  bar_action (fixture, "bar.restore");
  g_assert_true (buffer_is (document, draft));
  g_assert_true (recap_document_get_externally_modified (document));
  g_assert_nonnull (strstr (bar_message (fixture), "Another program changed this file"));

  /* Ctrl+S, then a save whose end shows both are done (saves run in order). */
  save (fixture);
  recap_document_save_async (document, NULL, store_result, &result);
  UI_TEST_WAIT_FOR (result != NULL);
  g_assert_false (recap_document_save_finish (document, result, &error));
  g_assert_error (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED);
  assert_file_is (fixture, POST, theirs);
  g_assert_true (is_modified (document));

  bar_action (fixture, "bar.keep-mine");
  save_and_wait (fixture, document);
  assert_file_is (fixture, POST, draft);
}

/* Restoring over the file the draft began from needs no choice. */
static void
test_restore_over_unchanged_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *draft = leave_draft (fixture, POST);
  RecapDocument *document = open_post (fixture, POST);

  bar_action (fixture, "bar.restore");
  g_assert_false (recap_document_get_externally_modified (document));
  save_and_wait (fixture, document);
  assert_file_is (fixture, POST, draft);
}

static void
test_discard_from_bar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *draft = leave_draft (fixture, POST);
  RecapDocument *document = open_post (fixture, POST);

  g_assert_cmpstr (recap_document_get_draft (document)->text, ==, draft);
  g_assert_nonnull (strstr (recap_document_get_draft (document)->text, "before the crash"));
  g_assert_cmpuint (count_drafts (), ==, 1);
  bar_action (fixture, "bar.discard");
  g_assert_null (recap_document_get_draft (document));
  g_assert_false (is_modified (document));
  UI_TEST_WAIT_FOR (count_drafts () == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_home = g_dir_make_tmp ("recap-state-XXXXXX", NULL);
  int status;

  /* A recovery area of its own, before anything reads the variable. */
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reliability/save/typed-line-breaks-follow-the-file", test_typed_line_breaks_follow_the_file);
  ADD ("/reliability/recovery/restore-after-outside-change", test_restore_after_outside_change);
  ADD ("/reliability/recovery/restore-over-unchanged-file", test_restore_over_unchanged_file);
  ADD ("/reliability/save/symlink-and-permissions-are-kept", test_symlink_and_permissions_are_kept);
  ADD ("/reliability/save/read-only-folder", test_read_only_folder);
  ADD ("/reliability/save/read-only-file", test_read_only_file);
  ADD ("/reliability/save/disk-full", test_disk_full);
  ADD ("/reliability/save/folder-disappears", test_folder_disappears);
  ADD ("/reliability/disk/clean-buffer-follows-the-disk", test_clean_buffer_follows_the_disk);
  ADD ("/reliability/disk/cursor-back-after-short-read", test_cursor_back_after_short_read);
  ADD ("/reliability/disk/dirty-buffer-keep-mine", test_dirty_buffer_keep_mine);
  ADD ("/reliability/disk/dirty-buffer-reload", test_dirty_buffer_reload);
  ADD ("/reliability/disk/deleted-while-open", test_deleted_while_open);
  ADD ("/reliability/input/other-encoding-is-kept", test_other_encoding_is_kept);
  ADD ("/reliability/input/windows-1252-is-kept", test_windows_1252_is_kept);
  ADD ("/reliability/input/undecodable-bytes-open-read-only", test_undecodable_bytes_open_read_only);
  ADD ("/reliability/input/large-file-pauses-preview", test_large_file_pauses_preview);
  ADD ("/reliability/input/files-that-do-not-open", test_files_that_do_not_open);
  ADD ("/reliability/input/unreadable-file", test_unreadable_file);
  ADD ("/reliability/input/invalid-yaml-is-left-alone", test_invalid_yaml_is_left_alone);
  ADD ("/reliability/recovery/draft-follows-unsaved-changes", test_draft_follows_unsaved_changes);
  ADD ("/reliability/recovery/restore-from-dialog", test_restore_from_dialog);
  ADD ("/reliability/recovery/restore-from-bar", test_restore_from_bar);
  ADD ("/reliability/recovery/discard-from-bar", test_discard_from_bar);
#undef ADD

  status = g_test_run ();
  test_util_remove_tree (state_home);
  return status;
}
