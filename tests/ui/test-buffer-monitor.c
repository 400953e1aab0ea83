/* test-buffer-monitor.c: RecapBufferMonitor says when the watched file may have changed
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "recap-buffer-monitor.h"
#include "test-util.h"

typedef struct {
  TestUtilDir         dir;
  RecapBufferMonitor *monitor;
  char               *path;
  guint               changes;
} Fixture;

static void
count_change (Fixture *fixture)
{
  fixture->changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_util_dir_set_up (&fixture->dir, data);
  test_util_write_file (fixture->dir.dir, "post.md", "---\ntitle: One\n---\n");
  fixture->path = g_build_filename (fixture->dir.dir, "post.md", NULL);
  fixture->monitor = recap_buffer_monitor_new ();
  g_signal_connect_swapped (fixture->monitor, "changed", G_CALLBACK (count_change), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->monitor);
  g_free (fixture->path);
  test_util_dir_tear_down (&fixture->dir, data);
}

/* Replaced by a rename, as editors and Recap save, then written in place:
 * both are seen, the second on the file that took the name. */
static void
test_rename_then_write (Fixture       *fixture,
                        gconstpointer  data)
{
  FILE *file;
  guint seen;

  recap_buffer_monitor_set_path (fixture->monitor, fixture->path);
  /* Watching the same path again keeps the watch. */
  recap_buffer_monitor_set_path (fixture->monitor, fixture->path);

  /* g_file_set_contents() writes a temporary file and renames it over. */
  test_util_write_file (fixture->dir.dir, "post.md", "---\ntitle: Two\n---\n");
  TEST_UTIL_WAIT_FOR (fixture->changes > 0);

  seen = fixture->changes;
  file = fopen (fixture->path, "w");
  g_assert_nonnull (file);
  fputs ("---\ntitle: Three\n---\n", file);
  fclose (file);
  TEST_UTIL_WAIT_FOR (fixture->changes > seen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/buffer-monitor/rename-then-write", Fixture, NULL,
              fixture_set_up, test_rename_then_write, fixture_tear_down);
  return g_test_run ();
}
