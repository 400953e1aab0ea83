/* test-file-util.c: reading files safely, the editor's reading and
 * encoding (checksum, NUL check, line endings, long lines, 8-bit text)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utime.h>

#include "recap-file-util.h"
#include "test-util.h"

static void
assert_charset (const char *bytes,
                const char *expected)
{
  g_assert_cmpstr (recap_file_guess_8bit_charset (bytes, strlen (bytes)), ==, expected);
}

/* ISO-8859-1 unless bytes 0x80-0x9F, control codes there, show the text
 * is Windows-1252; never ISO-8859-15, which reads ½ as œ and ¤ as €. */
static void
test_8bit_charset (void)
{
  assert_charset ("", "ISO-8859-1");
  assert_charset ("plain ASCII", "ISO-8859-1");
  assert_charset ("Caf\xe9, \xbd price, \xa4", "ISO-8859-1");
  assert_charset ("\x93quoted\x94 \x96 5 \x80", "WINDOWS-1252");
  /* 0x81 is no character of Windows-1252: ISO-8859-1 still reads it. */
  assert_charset ("\x93quoted\x94 \x81", "ISO-8859-1");
}

/* Copies of ended processes go, and those older than the live process
 * with their PID (the PID was reused; ours too); those of a save under
 * way and files that are not ours stay. */
static void
test_stale_temps (TestUtilDir   *fixture,
                  gconstpointer  data)
{
  g_autofree char *dead = test_util_write_temp_copy (fixture->dir, "a.md", test_util_dead_pid ());
  g_autofree char *alive = test_util_write_temp_copy (fixture->dir, "b.md", getppid ());
  g_autofree char *reused = test_util_write_temp_copy (fixture->dir, "c.md", getppid ());
  g_autofree char *ours = test_util_write_temp_copy (fixture->dir, "d.md", getpid ());
  g_autofree char *ours_old = test_util_write_temp_copy (fixture->dir, "e.md", getpid ());
  g_autofree char *others = g_build_filename (fixture->dir, ".f.md.swp", NULL);
  g_autofree char *no_pid = g_build_filename (fixture->dir, ".g.md.recap-x-Ab3dE9.tmp", NULL);
  /* Before the machine started: older than any process. */
  time_t long_ago = time (NULL) - 100 * 24 * 3600;
  struct utimbuf before_boot = { long_ago, long_ago };

  test_util_write_file (fixture->dir, ".f.md.swp", "vim's");
  test_util_write_file (fixture->dir, ".g.md.recap-x-Ab3dE9.tmp", "no PID");
  g_assert_cmpint (g_utime (reused, &before_boot), ==, 0);
  g_assert_cmpint (g_utime (ours_old, &before_boot), ==, 0);

  g_assert_cmpuint (recap_file_remove_stale_temps (fixture->dir), ==, 3);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (reused, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ours_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (others, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (no_pid, G_FILE_TEST_EXISTS));
}

/* The editor's read: the SHA-256 of the bytes as read, the bytes only when
 * asked for, and the real path behind a symlink. */
static void
test_read_checksummed (TestUtilDir   *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.md", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autofree char *real_path = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "a\r\nb", -1);
  g_autofree char *checksum = NULL;
  g_autofree char *checksum_only = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  test_util_write_file (fixture->dir, "a.md", "a\r\nb");
  g_assert_cmpint (symlink ("a.md", link), ==, 0);
  real_path = recap_file_dup_real_path (file, "link.md", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (real_path, "/a.md"));

  g_assert_true (recap_file_read_checksummed (real_path, "link.md", &bytes, &checksum, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (checksum, ==, expected);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "a\r\nb", 4);
  g_assert_true (recap_file_read_checksummed (real_path, "link.md", NULL, &checksum_only, &error));
  g_assert_cmpstr (checksum_only, ==, expected);

  /* A folder is refused, and a dangling link has no real path. */
  g_assert_false (recap_file_read_checksummed (fixture->dir, "dir", NULL, &checksum_only, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_null (recap_file_dup_real_path (file, "link.md", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* NUL bytes make a file binary, except in UTF-16 and UTF-32 text. */
static void
test_not_binary (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (recap_file_check_not_binary ("", 0, "x.md", &error));
  g_assert_true (recap_file_check_not_binary ("text", 4, "x.md", &error));
  g_assert_true (recap_file_check_not_binary ("\xff\xfe" "a\0", 4, "x.md", &error));
  g_assert_true (recap_file_check_not_binary ("\xfe\xff\0a", 4, "x.md", &error));
  g_assert_true (recap_file_check_not_binary ("\0\0\xfe\xff", 4, "x.md", &error));
  g_assert_no_error (error);
  g_assert_false (recap_file_check_not_binary ("a\0b", 3, "x.md", &error));
  g_assert_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "“x.md” looks like a binary file (it contains NUL bytes)");
}

/* Text is valid UTF-8 without NUL; the error names the line of the first
 * invalid byte, wherever it is among the ASCII bytes checked 8 at a time. */
static void
test_check_text (void)
{
  static const struct {
    const char *text;
    guint       line;  /* 0: valid */
  } cases[] = {
    { "", 0 },
    { "\xEF\xBB\xBF---\ntitle: Café\n---\n", 0 },
    { "0123456\n0123456\n01234567\xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok\n", 0 },
    { "\xFF", 1 },
    { "abc\n\xC3", 2 },
    { "0123456\n0123456\n0123456\n\xC3(", 4 },
    { "0123456\n0123456\n01234567\xC3\xA9\n\xE2\x80", 4 },
    { "\xEF\xBB\xBF" "0123456\n0123456\n\xC0\x80", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_strdup_printf ("line %u)", cases[i].line);
      gboolean valid = recap_file_check_text (cases[i].text, strlen (cases[i].text), "x.md", &error);

      g_assert_cmpint (valid, ==, cases[i].line == 0);
      if (cases[i].line == 0)
        continue;
      g_assert_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_NOT_UTF8);
      g_assert_true (g_str_has_suffix (error->message, line));
    }
}

/* The first line break decides; typed "\n" get it, read ones stay. */
static void
test_line_endings (void)
{
  g_autoptr(GBytes) crlf = NULL;
  g_autoptr(GBytes) cr = NULL;
  g_autoptr(GBytes) lf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (recap_file_first_newline ("no break", 8), ==, RECAP_FILE_NEWLINE_LF);
  g_assert_cmpint (recap_file_first_newline ("a\nb\r\n", 5), ==, RECAP_FILE_NEWLINE_LF);
  g_assert_cmpint (recap_file_first_newline ("a\r\nb\n", 5), ==, RECAP_FILE_NEWLINE_CR_LF);
  g_assert_cmpint (recap_file_first_newline ("a\rb\n", 4), ==, RECAP_FILE_NEWLINE_CR);
  g_assert_cmpint (recap_file_first_newline ("a\r", 2), ==, RECAP_FILE_NEWLINE_CR);

  crlf = recap_file_encode_text ("a\r\nb\nc", RECAP_FILE_NEWLINE_CR_LF, NULL, "UTF-8", "x.md", &error);
  g_assert_cmpmem (g_bytes_get_data (crlf, NULL), g_bytes_get_size (crlf), "a\r\nb\r\nc", 7);
  cr = recap_file_encode_text ("\na\rb\n", RECAP_FILE_NEWLINE_CR, NULL, "UTF-8", "x.md", &error);
  g_assert_cmpmem (g_bytes_get_data (cr, NULL), g_bytes_get_size (cr), "\ra\rb\r", 5);
  lf = recap_file_encode_text ("a\r\nb\n", RECAP_FILE_NEWLINE_LF, NULL, "UTF-8", "x.md", &error);
  g_assert_cmpmem (g_bytes_get_data (lf, NULL), g_bytes_get_size (lf), "a\r\nb\n", 5);
  g_assert_no_error (error);
}

/* Text in the file's 8-bit charset, or an error for what it cannot store. */
static void
test_encode_text (void)
{
  g_autoptr(GBytes) latin1 = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GError) error = NULL;

  latin1 = recap_file_encode_text ("Caf\xc3\xa9\n", RECAP_FILE_NEWLINE_LF, "ISO-8859-1", "Western", "x.md", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (latin1, NULL), g_bytes_get_size (latin1), "Caf\xe9\n", 5);
  none = recap_file_encode_text ("\xe2\x82\xac", RECAP_FILE_NEWLINE_LF, "ISO-8859-1", "Western", "x.md", &error);
  g_assert_null (none);
  g_assert_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_UNENCODABLE);
}

/* A read-only file is refused; no file yet is the folder's to decide. */
static void
test_check_writable (TestUtilDir   *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.md", NULL);
  g_autoptr(GError) error = NULL;

  test_util_write_file (fixture->dir, "a.md", "a");
  g_assert_true (recap_file_check_writable (path, "a.md", &error));
  g_assert_true (recap_file_check_writable (NULL, "a.md", &error));
  g_assert_no_error (error);
  if (geteuid () == 0)
    {
      g_test_skip ("root may write any file");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (recap_file_check_writable (path, "a.md", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (g_str_has_prefix (error->message, "“a.md” is read-only: "));
}

/* Lines end at "\r" and "\n"; long ones are cut on a character boundary. */
static void
test_long_lines (void)
{
  g_autofree char *cut = recap_file_cut_long_lines ("abc\r\n\xc3\xa9\xc3\xa9\xc3\xa9\nab", 3);

  g_assert_cmpuint (recap_file_longest_line ("", 0), ==, 0);
  g_assert_cmpuint (recap_file_longest_line ("ab\rabcd\r\nabc", 12), ==, 4);
  g_assert_true (recap_file_is_plain_utf8 ("caf\xc3\xa9", 5));
  g_assert_false (recap_file_is_plain_utf8 ("\xef\xbb\xbf" "a", 4));
  g_assert_false (recap_file_is_plain_utf8 ("caf\xe9", 4));
  /* "é" is two bytes: the 3-byte cut falls inside the second one. */
  g_assert_cmpstr (cut, ==, "abc\r\n\xc3\xa9 … (line cut here)\nab");
}

/* A private write leaves a file only its owner can read, whatever the old
 * one was; a default one keeps the old file's mode. */
static void
test_write_path (TestUtilDir   *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "draft.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  test_util_write_file (fixture->dir, "draft.md", "old");
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (recap_file_write_path (path, "new", 3, RECAP_FILE_WRITE_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (recap_file_write_path (path, "cache", 5, RECAP_FILE_WRITE_NOT_DURABLE, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "cache");
}

/* How many files the process has open, and how many of them are deleted. */
static guint
count_open_files (guint *deleted)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  *deleted = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);

      n++;
      *deleted += target != NULL && g_str_has_suffix (target, " (deleted)");
    }
  return n;
}

#define N_BATCH 100

/* The files a batch replaces are let go after it returns, at most half the
 * process's limit of open files held at once, and all of them once
 * recap_file_write_wait_released() returns. In a child process, whose
 * limit is lowered before its first batch. */
static void
test_write_releases_replaced (TestUtilDir   *fixture,
                              gconstpointer  data)
{
  struct rlimit limit = { 64, 64 };
  g_autoptr(GPtrArray) writes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint before, deleted;
  int fd;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  g_assert_cmpint (setrlimit (RLIMIT_NOFILE, &limit), ==, 0);
  for (guint i = 0; i < N_BATCH; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.md", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      RecapFileWrite *write = g_new0 (RecapFileWrite, 1);

      test_util_write_file (fixture->dir, name, "old");
      g_ptr_array_add (files, g_file_new_for_path (path));
      write->file = files->pdata[i];
      write->text = "new";
      write->len = 3;
      g_ptr_array_add (writes, write);
    }
  before = count_open_files (&deleted);
  g_assert_cmpuint (deleted, ==, 0);

  g_assert_true (recap_file_write_atomic_all (writes, NULL, &error));
  g_assert_no_error (error);
  count_open_files (&deleted);
  g_assert_cmpuint (deleted, <=, limit.rlim_cur / 2);
  fd = g_open ("/dev/null", O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);

  recap_file_write_wait_released ();
  g_assert_cmpuint (count_open_files (&deleted), ==, before);
  g_assert_cmpuint (deleted, ==, 0);
  for (guint i = 0; i < N_BATCH; i++)
    {
      RecapFileWrite *write = writes->pdata[i];
      g_autofree char *contents = NULL;

      g_assert_true (write->replaced);
      g_assert_true (g_file_get_contents (g_file_peek_path (write->file), &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "new");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/8bit-charset", test_8bit_charset);
  g_test_add ("/file-util/read-checksummed", TestUtilDir, NULL, test_util_dir_set_up, test_read_checksummed,
              test_util_dir_tear_down);
  g_test_add_func ("/file-util/not-binary", test_not_binary);
  g_test_add_func ("/file-util/check-text", test_check_text);
  g_test_add_func ("/file-util/line-endings", test_line_endings);
  g_test_add_func ("/file-util/encode-text", test_encode_text);
  g_test_add ("/file-util/check-writable", TestUtilDir, NULL, test_util_dir_set_up, test_check_writable,
              test_util_dir_tear_down);
  g_test_add_func ("/file-util/long-lines", test_long_lines);
  g_test_add ("/file-util/write-path", TestUtilDir, NULL, test_util_dir_set_up, test_write_path,
              test_util_dir_tear_down);
  g_test_add ("/file-util/stale-temps", TestUtilDir, NULL, test_util_dir_set_up, test_stale_temps,
              test_util_dir_tear_down);
  g_test_add ("/file-util/write-releases-replaced", TestUtilDir, NULL, test_util_dir_set_up,
              test_write_releases_replaced, test_util_dir_tear_down);

  return g_test_run ();
}
