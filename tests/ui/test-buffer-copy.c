/* test-buffer-copy.c: recap_buffer_copy_async() copies a buffer's text a part at a time
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-buffer-copy.h"
#include "test-util.h"
#include "ui-test-util.h"

typedef struct {
  gboolean  done;
  char     *text;
  GError   *error;
} Result;

static void
copied (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Result *copy = user_data;

  copy->text = recap_buffer_copy_finish (GTK_TEXT_BUFFER (object), result, &copy->error);
  copy->done = TRUE;
}

/* Some 1.6 million characters in lines, with two- and three-byte ones. */
static GtkTextBuffer *
big_buffer_new (void)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "Line %u: grüße, naïve “quotes” and more words\n", i);
  gtk_text_buffer_set_text (buffer, text->str, text->len);
  return buffer;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The copy is the whole text, and one main-loop iteration does not take it all. */
static void
test_whole_text_in_parts (void)
{
  g_autoptr(GtkTextBuffer) buffer = big_buffer_new ();
  g_autofree char *expected = buffer_text (buffer);
  Result copy = { 0 };

  recap_buffer_copy_async (buffer, NULL, copied, &copy);
  g_main_context_iteration (NULL, FALSE);
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (copy.done);
  TEST_UTIL_WAIT_FOR (copy.done);
  g_assert_no_error (copy.error);
  g_assert_cmpstr (copy.text, ==, expected);
  g_free (copy.text);
}

/* Text typed and deleted while the copy is taken: the copy has the text
 * after the last change. */
static void
test_change_meanwhile (void)
{
  g_autoptr(GtkTextBuffer) buffer = big_buffer_new ();
  g_autofree char *expected = NULL;
  Result copy = { 0 };
  GtkTextIter start, end;

  recap_buffer_copy_async (buffer, NULL, copied, &copy);
  g_main_context_iteration (NULL, FALSE);
  g_main_context_iteration (NULL, FALSE);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Typed first. ", -1);
  g_main_context_iteration (NULL, FALSE);
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_chars (&start, 1000);
  gtk_text_buffer_delete (buffer, &start, &end);
  expected = buffer_text (buffer);
  TEST_UTIL_WAIT_FOR (copy.done);
  g_assert_no_error (copy.error);
  g_assert_cmpstr (copy.text, ==, expected);
  g_free (copy.text);
}

static void
test_cancelled (void)
{
  g_autoptr(GtkTextBuffer) buffer = big_buffer_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result copy = { 0 };

  recap_buffer_copy_async (buffer, cancellable, copied, &copy);
  g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  TEST_UTIL_WAIT_FOR (copy.done);
  g_assert_error (copy.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (copy.text);
  g_clear_error (&copy.error);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/buffer-copy/whole-text-in-parts", test_whole_text_in_parts);
  g_test_add_func ("/buffer-copy/change-meanwhile", test_change_meanwhile);
  g_test_add_func ("/buffer-copy/cancelled", test_cancelled);

  return g_test_run ();
}
