/* test-op-history.c: the session's history of site operations
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-op-history.h"
#include "test-util.h"

typedef TestUtilDir Fixture;

static char *
read_back (Fixture    *fixture,
           const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);

  return g_file_new_for_path (path);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* Set an event on two posts, publish a draft: undo takes them back latest
 * first, long after they were made, with the exact bytes. */
static void
test_undo_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RecapOpHistory) history = recap_op_history_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) draft = fixture_file (fixture, "_drafts/2019-10-13-wrap-up.md");
  RecapBulkEdit *edit = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  RecapMove *move;
  guint notified = 0;

  test_util_write_file (fixture->dir, "_posts/2024-01-01-a.md", "---\ntitle: A # keep\n---\r\n");
  test_util_write_file (fixture->dir, "_posts/2024-01-02-b.md", "---\ntitle: B\nevent: Old\n---\n");
  test_util_write_file (fixture->dir, "_drafts/2019-10-13-wrap-up.md", "---\npublished: false\n---\nx\n");
  g_ptr_array_add (files, fixture_file (fixture, "_posts/2024-01-01-a.md"));
  g_ptr_array_add (files, fixture_file (fixture, "_posts/2024-01-02-b.md"));
  g_signal_connect_swapped (history, "notify::label", G_CALLBACK (count_notify), &notified);

  g_assert_null (recap_op_history_get_label (history));
  g_assert_true (recap_bulk_edit_apply (edit, files, recap_edit_set_event, "PyCon", NULL, NULL, NULL, &error));
  recap_op_history_push (history, recap_op_new_bulk ("Assign to Event", edit));
  move = recap_publish_draft (root, draft, NULL, NULL, &error);
  g_assert_no_error (error);
  recap_op_history_push (history, recap_op_new_move ("Publish Draft", move));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (recap_op_history_get_label (history), ==, "Publish Draft");
  g_assert_cmpuint (recap_op_history_get_length (history), ==, 2);

  {
    g_autoptr(RecapOp) op = recap_op_history_pop (history);
    g_autofree char *text = NULL;

    g_assert_true (recap_op_get_move (op) == move);
    g_assert_true (recap_op_undo (op, NULL, &error));
    g_assert_no_error (error);
    text = read_back (fixture, "_drafts/2019-10-13-wrap-up.md");
    g_assert_cmpstr (text, ==, "---\npublished: false\n---\nx\n");
  }
  g_assert_cmpstr (recap_op_history_get_label (history), ==, "Assign to Event");
  {
    g_autoptr(RecapOp) op = recap_op_history_pop (history);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_null (recap_op_get_move (op));
    g_assert_true (recap_op_undo (op, NULL, &error));
    g_assert_no_error (error);
    a = read_back (fixture, "_posts/2024-01-01-a.md");
    b = read_back (fixture, "_posts/2024-01-02-b.md");
    g_assert_cmpstr (a, ==, "---\ntitle: A # keep\n---\r\n");
    g_assert_cmpstr (b, ==, "---\ntitle: B\nevent: Old\n---\n");
  }
  g_assert_null (recap_op_history_pop (history));
  g_assert_null (recap_op_history_get_label (history));
  g_assert_cmpuint (notified, ==, 4);
}

/* Files changed since the operation are left alone, each named; the others go back. */
static void
test_undo_leaves_changed_files (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RecapOpHistory) history = recap_op_history_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  RecapBulkEdit *edit = recap_bulk_edit_new ();
  g_autoptr(RecapOp) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  test_util_write_file (fixture->dir, "a.md", "---\ntitle: A\n---\n");
  test_util_write_file (fixture->dir, "b.md", "---\ntitle: B\n---\n");
  test_util_write_file (fixture->dir, "c.md", "---\ntitle: C\n---\n");
  g_ptr_array_add (files, fixture_file (fixture, "a.md"));
  g_ptr_array_add (files, fixture_file (fixture, "b.md"));
  g_ptr_array_add (files, fixture_file (fixture, "c.md"));
  g_assert_true (recap_bulk_edit_apply (edit, files, recap_edit_set_event, "E", NULL, NULL, NULL, NULL));
  recap_op_history_push (history, recap_op_new_bulk ("Assign to Event", edit));
  test_util_write_file (fixture->dir, "b.md", "mine now\n");
  test_util_write_file (fixture->dir, "c.md", "mine too\n");

  op = recap_op_history_pop (history);
  g_assert_false (recap_op_undo (op, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_str_has_prefix (error->message, "2 files were not changed. "));
  g_assert_nonnull (strstr (error->message, "/b.md"));
  g_assert_nonnull (strstr (error->message, "/c.md"));
  a = read_back (fixture, "a.md");
  b = read_back (fixture, "b.md");
  c = read_back (fixture, "c.md");
  g_assert_cmpstr (a, ==, "---\ntitle: A\n---\n");
  g_assert_cmpstr (b, ==, "mine now\n");
  g_assert_cmpstr (c, ==, "mine too\n");
}

static gboolean
count_undo (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return TRUE;
}

static void
test_bounded (void)
{
  g_autoptr(RecapOpHistory) history = recap_op_history_new ();

  for (guint i = 0; i < RECAP_OP_HISTORY_MAX + 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("op %u", i);
      recap_op_history_push (history, recap_op_new (label, g_strdup (label), count_undo, g_free));
    }
  g_assert_cmpuint (recap_op_history_get_length (history), ==, RECAP_OP_HISTORY_MAX);
  g_assert_cmpstr (recap_op_history_get_label (history), ==, "op 104");
  recap_op_history_clear (history);
  g_assert_cmpuint (recap_op_history_get_length (history), ==, 0);
  g_assert_null (recap_op_history_get_label (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/op-history/bounded", test_bounded);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_util_dir_set_up, func, test_util_dir_tear_down)
  ADD ("/op-history/undo-in-order", test_undo_in_order);
  ADD ("/op-history/undo-leaves-changed-files", test_undo_leaves_changed_files);
#undef ADD

  return g_test_run ();
}
