/* test-bulk-edit.c: batched atomic writes, bulk edits and their undo
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recap-bulk-edit.h"
#include "recap-file-util.h"
#include "recap-site-ops.h"
#include "test-util.h"

typedef TestUtilDir Fixture;

/* Few: each copy is fsynced. Many: more than that, so that (on a local
 * disk file system) one syncfs() makes them all durable. */
#define FEW  3
#define MANY 40

static const RecapTagRename rename_sprints = { "sprints", "sprint" };

/* Posts in three folders, with CRLF, a BOM and no final newline, and
 * flow, block and string tag lists. */
static char *
post_text (guint i)
{
  switch (i % 3)
    {
    case 0:
      return g_strdup_printf ("---\r\ntitle: Post %u\r\ntags:\r\n  - sprints\r\n  - python\r\n---\r\nBody\r\n", i);
    case 1:
      return g_strdup_printf ("\xEF\xBB\xBF---\ntitle: Post %u\ntags: [python, sprints]  # kept\n---\nNo newline", i);
    default:
      return g_strdup_printf ("---\ntitle: Post %u\ntags: sprints\n---\n", i);
    }
}

/* The tag is renamed and no other byte changes. */
static char *
renamed_text (guint i)
{
  g_autofree char *text = post_text (i);
  GString *renamed = g_string_new (text);

  g_string_replace (renamed, "sprints", "sprint", 0);
  return g_string_free (renamed, FALSE);
}

static char *
post_path (guint i)
{
  return g_strdup_printf ("_posts/%u/post-%u.md", i % 3, i);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);

  return g_file_new_for_path (path);
}

static GPtrArray *
write_posts (Fixture *fixture,
             guint    n)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = post_path (i);
      g_autofree char *text = post_text (i);

      test_util_write_file (fixture->dir, path, text);
      g_ptr_array_add (files, fixture_file (fixture, path));
    }
  return files;
}

static void
assert_bytes (GFile      *file,
              const char *expected)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &bytes, &len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (bytes, len, expected, strlen (expected));
}

static void
assert_posts (GPtrArray *files,
              gboolean   renamed)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *expected = renamed ? renamed_text (i) : post_text (i);

      assert_bytes (files->pdata[i], expected);
    }
}

/* No temporary file is left behind: the folder holds just @n_expected entries. */
static void
assert_n_entries (Fixture    *fixture,
                  const char *folder,
                  guint       n_expected)
{
  g_autofree char *path = g_build_filename (fixture->dir, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_expected);
}

static void
assert_no_temporary_files (Fixture *fixture,
                           guint    n)
{
  for (guint folder = 0; folder < 3; folder++)
    {
      g_autofree char *name = g_strdup_printf ("_posts/%u", folder);

      assert_n_entries (fixture, name, n / 3 + (folder < n % 3));
    }
}

/* Writes for @files: the renamed text of each, kept alive by @texts. */
static GPtrArray *
renamed_writes (GPtrArray *files,
                GPtrArray *texts)
{
  GPtrArray *writes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    {
      RecapFileWrite *write = g_new0 (RecapFileWrite, 1);
      char *text = renamed_text (i);

      g_ptr_array_add (texts, text);
      *write = (RecapFileWrite) { files->pdata[i], text, strlen (text), FALSE };
      g_ptr_array_add (writes, write);
    }
  return writes;
}

static void
test_write_all (Fixture       *fixture,
                gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) files = write_posts (fixture, n);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) writes = renamed_writes (files, texts);
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_file_write_atomic_all (writes, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < writes->len; i++)
    g_assert_true (((RecapFileWrite *) writes->pdata[i])->replaced);
  assert_posts (files, TRUE);
  assert_no_temporary_files (fixture, n);
}

/* A copy that cannot be made (its folder is gone) fails the batch before
 * any rename: every original keeps its bytes. */
static void
test_write_all_failure_keeps_originals (Fixture       *fixture,
                                        gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) files = write_posts (fixture, n);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) writes = renamed_writes (files, texts);
  g_autoptr(GFile) orphan = fixture_file (fixture, "gone/post.md");
  RecapFileWrite orphan_write = { orphan, "text", 4, FALSE };
  g_autoptr(GError) error = NULL;

  g_ptr_array_insert (writes, n / 2, g_memdup2 (&orphan_write, sizeof orphan_write));

  g_assert_false (recap_file_write_atomic_all (writes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gone/post.md"));
  for (guint i = 0; i < writes->len; i++)
    g_assert_false (((RecapFileWrite *) writes->pdata[i])->replaced);
  assert_posts (files, FALSE);
  assert_no_temporary_files (fixture, n);
}

static void
test_write_all_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_posts (fixture, MANY);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) writes = renamed_writes (files, texts);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (recap_file_write_atomic_all (writes, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_posts (files, FALSE);
  assert_no_temporary_files (fixture, MANY);
}


/* Replays the inotify events of @fd: the most temporary copies that
 * existed at once. Each must be named after its post and this process;
 * @stale, another process's, must have been removed. */
static guint
most_temps_at_once (int         fd,
                    const char *stale)
{
  g_autofree char *pid = g_strdup_printf (".recap-%d-", (int) getpid ());
  char buffer[64 * 1024] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean stale_removed = FALSE;
  guint now = 0, most = 0, created = 0;
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + n; p += sizeof (struct inotify_event) + ((struct inotify_event *) p)->len)
      {
        struct inotify_event *event = (struct inotify_event *) p;

        if (event->len == 0 || event->name[0] != '.')
          continue;
        if (g_str_equal (event->name, stale))
          {
            stale_removed = (event->mask & IN_DELETE) != 0;
            continue;
          }
        g_assert_true (g_str_has_prefix (event->name, ".post-"));
        g_assert_nonnull (strstr (event->name, pid));
        g_assert_true (g_str_has_suffix (event->name, ".tmp"));
        if (event->mask & IN_CREATE)
          {
            created++;
            now++;
            most = MAX (most, now);
          }
        else
          now--;
      }
  g_assert_true (stale_removed);
  g_assert_cmpuint (now, ==, 0);
  g_assert_cmpuint (created, ==, MANY);
  g_test_message ("At most %u temporary copies at once", most);
  return most;
}

/* A batch makes every copy before it replaces any file, and first removes
 * the ones a killed run left. */
static void
test_write_all_copies_first (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_posts (fixture, MANY);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) writes = renamed_writes (files, texts);
  g_autofree char *folder = g_build_filename (fixture->dir, "_posts/0", NULL);
  g_autofree char *stale = test_util_write_temp_copy (folder, "post-0.md", test_util_dead_pid ());
  g_autofree char *stale_name = g_path_get_basename (stale);
  g_autoptr(GError) error = NULL;
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/_posts/%u", fixture->dir, i);

      g_assert_cmpint (inotify_add_watch (fd, path, IN_CREATE | IN_MOVED_FROM | IN_DELETE), >=, 0);
    }

  g_assert_true (recap_file_write_atomic_all (writes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (most_temps_at_once (fd, stale_name), ==, MANY);
  close (fd);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  assert_posts (files, TRUE);
  assert_no_temporary_files (fixture, MANY);
}

typedef struct {
  guint    calls;
  guint    done;
  guint    total;
  gboolean in_order;
} Progress;

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  progress->in_order &= done == progress->done + 1;
  progress->done = done;
  progress->total = total;
}

/* Applies @func to @files, which all take it. */
static RecapBulkEdit *
apply_all (GPtrArray     *files,
           RecapEditFunc  func,
           gconstpointer  data)
{
  RecapBulkEdit *bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_bulk_edit_apply (bulk, files, func, data, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return bulk;
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) files = write_posts (fixture, n);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  Progress progress = { .in_order = TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_rename_tag, &rename_sprints,
                                        count_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, n);
  g_assert_cmpuint (progress.calls, ==, n);
  g_assert_true (progress.in_order);
  g_assert_cmpuint (progress.total, ==, n);
  assert_posts (files, TRUE);

  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, 0);
  assert_posts (files, FALSE);
  assert_no_temporary_files (fixture, n);

  /* Again at once, while the files each write replaced may still be held
   * (let go in the background), then after they all are. */
  recap_bulk_edit_free (apply_all (files, recap_edit_rename_tag, &rename_sprints));
  assert_posts (files, TRUE);
  recap_file_write_wait_released ();
  assert_posts (files, TRUE);
  assert_no_temporary_files (fixture, n);
}

/* Undo compares each file with the edit's bytes, kept as the old bytes and
 * the changed range: a change of the same length, in the range or after
 * it, leaves the file as it is. */
static void
test_undo_keeps_same_length_changes (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_posts (fixture, FEW);
  g_autoptr(RecapBulkEdit) bulk = apply_all (files, recap_edit_rename_tag, &rename_sprints);
  g_autoptr(GError) error = NULL;
  g_autofree char *after_range = renamed_text (0);
  g_autofree char *in_range = renamed_text (1);
  g_autofree char *unchanged = post_text (2);

  strstr (in_range, "sprint")[5] = 'T';
  strstr (after_range, "Body")[0] = 'b';
  g_assert_true (g_file_replace_contents (files->pdata[0], after_range, strlen (after_range), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (files->pdata[1], in_range, strlen (in_range), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));

  g_assert_false (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_bytes (files->pdata[0], after_range);
  assert_bytes (files->pdata[1], in_range);
  assert_bytes (files->pdata[2], unchanged);
}

/* An edit whose changed range does not make its new text (a bug) still
 * writes exactly that text. */
static gboolean
rename_with_wrong_range (GFile                *file,
                         const char           *text,
                         gsize                 len,
                         gconstpointer         data,
                         RecapFrontMatterEdit *out,
                         GError              **error)
{
  if (!recap_edit_rename_tag (file, text, len, &rename_sprints, out, error))
    return FALSE;
  out->offset = 0;
  return TRUE;
}

static void
test_apply_wrong_range (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_posts (fixture, FEW);
  g_autoptr(RecapBulkEdit) bulk = apply_all (files, rename_with_wrong_range, NULL);
  g_autoptr(GError) error = NULL;

  assert_posts (files, TRUE);
  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  assert_posts (files, FALSE);
}

/* Undo reads each file first: one replaced by a FIFO meanwhile is left
 * alone, without waiting for a writer, and named. */
static void
test_undo_skips_a_fifo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) files = write_posts (fixture, FEW);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  const char *fifo = g_file_peek_path (files->pdata[0]);
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_rename_tag, &rename_sprints,
                                        NULL, NULL, NULL, &error));
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  g_assert_false (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "post-0.md"));
  g_ptr_array_remove_index (files, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *expected = post_text (i + 1);

      assert_bytes (files->pdata[i], expected);
    }
}

/* Runs @sabotage on the victim's path while it is edited: between reading
 * the files and writing them. */
typedef struct {
  GFile  *victim;
  void  (*sabotage) (const char *path);
} Sabotage;

static gboolean
rename_and_sabotage (GFile                *file,
                     const char           *text,
                     gsize                 len,
                     gconstpointer         data,
                     RecapFrontMatterEdit *out,
                     GError              **error)
{
  const Sabotage *sabotage = data;

  if (g_file_equal (file, sabotage->victim))
    sabotage->sabotage (g_file_peek_path (file));
  return recap_edit_rename_tag (file, text, len, &rename_sprints, out, error);
}

static void
remove_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (folder, "-moved", NULL);

  g_assert_cmpint (g_rename (folder, moved), ==, 0);
}

static void
replace_with_folder (const char *path)
{
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
}

/* Where the victim goes among the posts: the last of the batch. */
#define VICTIM MANY

/* The victim (in a folder of its own) at @at among MANY posts. */
static GPtrArray *
write_posts_and_victim (Fixture  *fixture,
                        Sabotage *sabotage,
                        guint     at)
{
  GPtrArray *files = write_posts (fixture, MANY);
  g_autofree char *text = post_text (0);

  test_util_write_file (fixture->dir, "victim/post.md", text);
  sabotage->victim = fixture_file (fixture, "victim/post.md");
  g_ptr_array_insert (files, at, g_object_ref (sabotage->victim));
  return files;
}

/* A copy that cannot be written, here the last, fails the batch: no file changes. */
static void
test_apply_failure_keeps_originals (Fixture       *fixture,
                                    gconstpointer  data)
{
  Sabotage sabotage = { NULL, remove_folder };
  g_autoptr(GPtrArray) files = write_posts_and_victim (fixture, &sabotage, VICTIM);
  g_autoptr(GFile) moved = fixture_file (fixture, "victim-moved/post.md");
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *victim_text = post_text (0);

  g_assert_false (recap_bulk_edit_apply (bulk, files, rename_and_sabotage, &sabotage,
                                         NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "41 files were not changed. "));
  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, 0);

  g_ptr_array_remove_index (files, VICTIM);
  assert_posts (files, FALSE);
  assert_no_temporary_files (fixture, MANY);
  assert_bytes (moved, victim_text);
  assert_n_entries (fixture, "victim-moved", 1);
  g_object_unref (sabotage.victim);
}

/* A rename that fails after every copy is durable (the file became a
 * folder meanwhile) leaves that file alone; the others are changed, kept
 * for undo, and the failure is reported. */
static void
test_apply_rename_failure (Fixture       *fixture,
                           gconstpointer  data)
{
  Sabotage sabotage = { NULL, replace_with_folder };
  g_autoptr(GPtrArray) files = write_posts_and_victim (fixture, &sabotage, VICTIM);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (recap_bulk_edit_apply (bulk, files, rename_and_sabotage, &sabotage,
                                         NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "victim/post.md"));
  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, MANY);
  g_assert_true (g_file_test (g_file_peek_path (sabotage.victim), G_FILE_TEST_IS_DIR));
  assert_n_entries (fixture, "victim", 1);

  g_ptr_array_remove_index (files, VICTIM);
  assert_posts (files, TRUE);
  g_clear_error (&error);
  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  assert_posts (files, FALSE);
  assert_no_temporary_files (fixture, MANY);
  g_object_unref (sabotage.victim);
}

/* A post that is a symlink: its target is written (keeping its mode), the
 * link stays, and undo puts the target's bytes back. */
static void
test_symlink_written_through (Fixture       *fixture,
                              gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) files = write_posts (fixture, n);
  g_autoptr(GFile) link = fixture_file (fixture, "_posts/linked.md");
  g_autoptr(GFile) target = fixture_file (fixture, "elsewhere/real.md");
  g_autofree char *text = post_text (0);
  g_autofree char *renamed = renamed_text (0);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  struct stat st;

  test_util_write_file (fixture->dir, "elsewhere/real.md", text);
  g_assert_cmpint (g_chmod (g_file_peek_path (target), 0640), ==, 0);
  g_assert_cmpint (symlink ("../elsewhere/real.md", g_file_peek_path (link)), ==, 0);
  g_ptr_array_add (files, g_object_ref (link));

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_rename_tag, &rename_sprints,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (g_file_peek_path (link), G_FILE_TEST_IS_SYMLINK));
  assert_bytes (target, renamed);
  g_assert_cmpint (g_stat (g_file_peek_path (target), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_n_entries (fixture, "elsewhere", 1);

  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (g_file_peek_path (link), G_FILE_TEST_IS_SYMLINK));
  assert_bytes (target, text);
  g_ptr_array_remove_index (files, n);
  assert_posts (files, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (data), test_util_dir_set_up, func, test_util_dir_tear_down)
  ADD ("/bulk-edit/write-all/few", test_write_all, FEW);
  ADD ("/bulk-edit/write-all/many", test_write_all, MANY);
  ADD ("/bulk-edit/write-all/failure-keeps-originals/few", test_write_all_failure_keeps_originals, FEW);
  ADD ("/bulk-edit/write-all/failure-keeps-originals/many", test_write_all_failure_keeps_originals, MANY);
  ADD ("/bulk-edit/write-all/cancelled", test_write_all_cancelled, MANY);
  ADD ("/bulk-edit/write-all/copies-first", test_write_all_copies_first, 0);
  ADD ("/bulk-edit/apply-and-undo/few", test_apply_and_undo, FEW);
  ADD ("/bulk-edit/apply-and-undo/many", test_apply_and_undo, MANY);
  ADD ("/bulk-edit/apply/failure-keeps-originals", test_apply_failure_keeps_originals, MANY);
  ADD ("/bulk-edit/apply/rename-failure", test_apply_rename_failure, MANY);
  ADD ("/bulk-edit/undo-skips-a-fifo", test_undo_skips_a_fifo, FEW);
  ADD ("/bulk-edit/undo-keeps-same-length-changes", test_undo_keeps_same_length_changes, 0);
  ADD ("/bulk-edit/apply/wrong-range", test_apply_wrong_range, 0);
  ADD ("/bulk-edit/symlink-written-through/few", test_symlink_written_through, FEW);
  ADD ("/bulk-edit/symlink-written-through/many", test_symlink_written_through, MANY);
#undef ADD

  return g_test_run ();
}
