/* bench-write-floor.c: the least a durable batch write of many files costs
 * on this disk, in plain C
 *
 * What recap_file_write_atomic_all() does, without its checks: each file's
 * bytes to a new temporary file beside it, one syncfs(), every temporary
 * file renamed over its file, one fsync() a folder. The files get their
 * own bytes back, so they are unchanged afterwards. Optionally each
 * replaced file is held open across its rename, as recap does.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-write-floor.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

typedef struct {
  char  *path;
  char  *temp;
  char  *text;
  gsize  len;
} Copy;

static void
copy_free (Copy *copy)
{
  g_free (copy->path);
  g_free (copy->temp);
  g_free (copy->text);
  g_free (copy);
}

static void
write_temp (gpointer item,
            gpointer user_data)
{
  Copy *copy = item;
  g_autofree char *dir = g_path_get_dirname (copy->path);
  int fd;

  copy->temp = g_build_filename (dir, ".floor-XXXXXX", NULL);
  fd = g_mkstemp (copy->temp);
  if (fd < 0 || write (fd, copy->text, copy->len) != (gssize) copy->len || close (fd) != 0)
    g_error ("Could not write %s", copy->temp);
}

/* @hold: the replaced file is held open across the rename and let go
 * after it, as recap does (hold_replaced() in recap-file-write.c). */
static void
rename_temp (gpointer item,
             gpointer hold)
{
  Copy *copy = item;
  int held = hold ? open (copy->path, O_PATH | O_NOFOLLOW | O_CLOEXEC) : -1;

  if (rename (copy->temp, copy->path) != 0)
    g_error ("Could not rename %s", copy->temp);
  if (held >= 0)
    close (held);
}

static void
run_pool (GPtrArray *copies,
          GFunc      func,
          gpointer   data,
          guint      n_threads)
{
  GThreadPool *pool = g_thread_pool_new (func, data, n_threads, FALSE, NULL);

  for (guint i = 0; i < copies->len; i++)
    g_thread_pool_push (pool, copies->pdata[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static double
lap_ms (gint64 *start)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - *start) / 1000.0;

  *start = now;
  return ms;
}

BenchWriteFloor
bench_write_floor (GPtrArray *files,
                   guint      n_threads,
                   gboolean   hold)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) copy_free);
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BenchWriteFloor floor = { 0 };
  GHashTableIter iter;
  gpointer dir;
  gint64 start;
  int fd;

  for (guint i = 0; i < files->len; i++)
    {
      Copy *copy = g_new0 (Copy, 1);

      copy->path = g_file_get_path (files->pdata[i]);
      if (!g_file_get_contents (copy->path, &copy->text, &copy->len, NULL))
        g_error ("Could not read %s", copy->path);
      g_hash_table_add (dirs, g_path_get_dirname (copy->path));
      g_ptr_array_add (copies, copy);
    }
  g_assert (copies->len > 0);

  start = g_get_monotonic_time ();
  run_pool (copies, write_temp, NULL, n_threads);
  floor.write_ms = lap_ms (&start);
  fd = open (((Copy *) copies->pdata[0])->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || syncfs (fd) != 0)
    g_error ("Could not sync the file system");
  close (fd);
  floor.sync_ms = lap_ms (&start);
  run_pool (copies, rename_temp, GINT_TO_POINTER (hold), n_threads);
  g_hash_table_iter_init (&iter, dirs);
  while (g_hash_table_iter_next (&iter, &dir, NULL))
    {
      fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0 || fsync (fd) != 0)
        g_error ("Could not sync %s", (char *) dir);
      close (fd);
    }
  floor.rename_ms = lap_ms (&start);
  return floor;
}
