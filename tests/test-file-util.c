/* test-file-util.c: reading files safely, and the encoding of 8-bit text
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/8bit-charset", test_8bit_charset);
  g_test_add ("/file-util/stale-temps", TestUtilDir, NULL, test_util_dir_set_up, test_stale_temps,
              test_util_dir_tear_down);

  return g_test_run ();
}
