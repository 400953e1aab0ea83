/* recap-file-write.c: atomic writing of files, one or a batch.
 *
 * Owns recap_file_write_atomic() (a batch of one) and
 * recap_file_write_atomic_all(): temporary copies next to their targets,
 * all made durable (an fsync() each or one syncfs()) before any is renamed
 * over its target, the letting go of the replaced files once a batch has
 * returned, and the sweep of the copies a killed process left.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-file-util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#ifdef HAVE_SYNCFS
#include <linux/magic.h>
#include <stdio.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#endif

/* Enough for any sane chain of links; more means a loop. */
#define MAX_SYMLINKS 40

/* The file a chain of symlinks ends at; @path itself when it is no link
 * or does not exist yet. */
static char *
resolve_symlinks (const char  *path,
                  GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_SYMLINKS; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        return g_steal_pointer (&current);

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }

  recap_file_set_errno_error (error, ELOOP, N_("Could not follow the links to “%s”"), path);
  return NULL;
}

static gboolean
write_all (int            fd,
           struct iovec  *iov,
           int            n,
           const char    *path,
           GError       **error)
{
  while (n > 0)
    {
      gssize written = writev (fd, iov, n);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return recap_file_set_errno_error (error, errno, N_("Could not write “%s”"), path);
      for (; n > 0 && (gsize) written >= iov->iov_len; iov++, n--)
        written -= iov->iov_len;
      if (n > 0)
        {
          iov->iov_base = (char *) iov->iov_base + written;
          iov->iov_len -= written;
        }
    }
  return TRUE;
}

/* Writes @write's text, its cut replaced by its insert. */
static gboolean
write_contents (int                   fd,
                const RecapFileWrite *write,
                const char           *path,
                GError              **error)
{
  gsize cut_end = write->cut + write->cut_len;
  struct iovec iov[] = {
    { (char *) write->text, write->cut },
    { (char *) write->insert, write->insert_len },
    { (char *) write->text + cut_end, write->len - cut_end },
  };

  g_assert (cut_end <= write->len);
  return write_all (fd, iov, G_N_ELEMENTS (iov), path, error);
}

/* An existing file keeps its mode and, where allowed, its owner; a new
 * one has the mode the umask gave the temporary file. */
static void
copy_file_attributes (int         fd,
                      const char *target)
{
  struct stat st;

  if (g_stat (target, &st) != 0)
    return;
  (void) fchmod (fd, st.st_mode & 07777);
  if (fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Keeping the new owner of a copy of %s: %s", target, g_strerror (errno));
}

/* Makes the rename itself durable. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  g_close (fd, NULL);
}

/* Batches: every temporary copy is written, then made durable, before any
 * original is replaced. */

/* fsync(), and rename() over a file whose blocks it frees, mostly wait for
 * the disk: many threads, few CPUs. On ext4 mounted with discard, 9,690
 * renames took 1.9-2.4 s from 8 threads, 1.0-1.5 s from 32. */
#define MAX_IO_THREADS 32

/* From this many files on, one syncfs() of their file system is cheaper
 * than an fsync() each, all waiting at once. */
#define SYNCFS_MIN_FILES 8

typedef struct {
  GCancellable *cancellable;
  gboolean      may_sync_whole;
  GMutex        lock;
  GArray       *file_systems; /* FileSystem */
} Batch;

#ifdef HAVE_SYNCFS

/* A file system a batch writes to. */
typedef struct {
  dev_t       dev;
  gboolean    whole;  /* synced with one syncfs(); else each file is fsynced */
  int         fd;     /* opened before the batch wrote there, so that syncfs() reports any failure since */
  const char *target; /* a file written there, for the error message */
} FileSystem;

static void
file_system_clear (FileSystem *fs)
{
  if (fs->fd >= 0)
    g_close (fs->fd, NULL);
}

/* syncfs() reports write errors since Linux 5.8. */
static gboolean
syncfs_reports_errors (void)
{
  static gsize reports = 0;

  if (g_once_init_enter (&reports))
    {
      struct utsname name;
      guint major = 0, minor = 0;
      gboolean ok = uname (&name) == 0 && sscanf (name.release, "%u.%u", &major, &minor) == 2 &&
                    (major > 5 || (major == 5 && minor >= 8));

      g_once_init_leave (&reports, ok ? 2 : 1);
    }
  return reports == 2;
}

/* Local disk file systems, where syncfs() writes every file's data. Not
 * FUSE (the document portal) nor network ones: only fsync() reaches their
 * servers. */
static gboolean
syncfs_covers (int fd)
{
  struct statfs st;

  if (fstatfs (fd, &st) != 0)
    return FALSE;
  switch (st.f_type)
    {
    case EXT4_SUPER_MAGIC:
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
    case F2FS_SUPER_MAGIC:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
batch_init_file_systems (Batch *batch,
                         guint  n_files)
{
  batch->may_sync_whole = n_files >= SYNCFS_MIN_FILES && syncfs_reports_errors ();
  batch->file_systems = g_array_new (FALSE, FALSE, sizeof (FileSystem));
  g_array_set_clear_func (batch->file_systems, (GDestroyNotify) file_system_clear);
}

static FileSystem *
find_file_system (Batch *batch,
                  dev_t  dev)
{
  for (guint i = 0; i < batch->file_systems->len; i++)
    if (g_array_index (batch->file_systems, FileSystem, i).dev == dev)
      return &g_array_index (batch->file_systems, FileSystem, i);
  return NULL;
}

/* Whether the file system of @fd, a new temporary copy of @target not
 * written yet, is synced whole: then the copy needs no fsync() of its own. */
static gboolean
batch_syncs_whole (Batch      *batch,
                   int         fd,
                   const char *target)
{
  struct stat st;
  FileSystem *fs;
  gboolean whole;

  if (!batch->may_sync_whole || fstat (fd, &st) != 0)
    return FALSE;
  g_mutex_lock (&batch->lock);
  fs = find_file_system (batch, st.st_dev);
  if (fs == NULL)
    {
      FileSystem new_fs = { st.st_dev, syncfs_covers (fd), -1, target };

      if (new_fs.whole)
        new_fs.fd = fcntl (fd, F_DUPFD_CLOEXEC, 0);
      new_fs.whole = new_fs.fd >= 0;
      g_array_append_val (batch->file_systems, new_fs);
      fs = find_file_system (batch, st.st_dev);
    }
  whole = fs->whole;
  g_mutex_unlock (&batch->lock);
  return whole;
}

static gboolean
sync_file_systems (Batch   *batch,
                   GError **error)
{
  for (guint i = 0; i < batch->file_systems->len; i++)
    {
      FileSystem *fs = &g_array_index (batch->file_systems, FileSystem, i);

      if (fs->whole && syncfs (fs->fd) != 0)
        return recap_file_set_errno_error (error, errno, N_("Could not save “%s” to disk"), fs->target);
    }
  return TRUE;
}

#else /* Elsewhere, each copy is fsynced. */

static void
batch_init_file_systems (Batch *batch,
                         guint  n_files)
{
}

static gboolean
batch_syncs_whole (Batch      *batch,
                   int         fd,
                   const char *target)
{
  return FALSE;
}

static gboolean
sync_file_systems (Batch   *batch,
                   GError **error)
{
  return TRUE;
}

#endif

/* Temporary copies are ".NAME.recap-PID-XXXXXX.tmp": hidden like any
 * editor's, and telling which process made them, so that the copies a
 * killed one left can be told from those of a save under way. */
#define TEMP_MARK   ".recap-"
#define TEMP_SUFFIX ".tmp"
#define TEMP_RANDOM 6

/* A copy of a live process is stale when older than that process (its PID
 * was reused), with a margin for the coarser clocks of files and /proc. */
#define START_MARGIN_USEC (2 * G_USEC_PER_SEC)

/* When process @pid started, in g_get_real_time() terms; 0 when not known.
 * Linux: field 22 of /proc/PID/stat, in clock ticks since boot ("btime"). */
static gint64
process_start_time (long pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%ld/stat", pid);
  g_autofree char *stat = NULL;
  g_autofree char *boot = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name, *btime;
  long ticks = sysconf (_SC_CLK_TCK);

  if (ticks <= 0 || !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/stat", &boot, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL || (btime = strstr (boot, "\nbtime ")) == NULL)
    return 0;
  /* After the name: state (field 3) and on; start time is field 22. */
  fields = g_strsplit (after_name + 2, " ", 21);
  if (g_strv_length (fields) < 20)
    return 0;
  return g_ascii_strtoll (btime + strlen ("\nbtime "), NULL, 10) * G_USEC_PER_SEC +
         g_ascii_strtoll (fields[19], NULL, 10) * G_USEC_PER_SEC / ticks;
}

/* The PID in @name when it is one of our temporary copies, else 0. */
static long
temp_file_pid (const char *name)
{
  gsize len = strlen (name);
  const char *end, *digits;
  long pid = 0;

  if (name[0] != '.' || !g_str_has_suffix (name, TEMP_SUFFIX) ||
      len < 1 + strlen (TEMP_MARK) + 2 + TEMP_RANDOM + strlen (TEMP_SUFFIX))
    return 0;
  end = name + len - strlen (TEMP_SUFFIX) - TEMP_RANDOM - 1; /* the '-' before the random part */
  if (*end != '-')
    return 0;
  digits = end;
  while (digits > name && g_ascii_isdigit (digits[-1]))
    digits--;
  if (digits == end || end - digits > 10 || digits - name < (gssize) strlen (TEMP_MARK) ||
      strncmp (digits - strlen (TEMP_MARK), TEMP_MARK, strlen (TEMP_MARK)) != 0)
    return 0;
  for (const char *d = digits; d < end; d++)
    pid = pid * 10 + (*d - '0');
  return pid;
}

/* Left by a process that has ended, or by an earlier one with the PID of a
 * live process (ours included): one under way is newer than its process. */
static gboolean
temp_file_is_stale (long               pid,
                    const struct stat *st)
{
  gint64 mtime = recap_file_mtime_usec (st);
  gint64 started;

  /* EPERM: alive, another user's. */
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  started = process_start_time (pid);
  return started != 0 && mtime < started - START_MARGIN_USEC;
}

gboolean
recap_file_remove_stale_temp (int         dir_fd,
                              const char *name)
{
  long pid = temp_file_pid (name);
  struct stat st;

  if (pid <= 0 || fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode) ||
      !temp_file_is_stale (pid, &st))
    return FALSE;
  if (unlinkat (dir_fd, name, 0) != 0)
    return FALSE;
  g_debug ("Removed %s, a temporary copy process %ld left", name, pid);
  return TRUE;
}

guint
recap_file_remove_stale_temps (const char *folder)
{
  DIR *dir = opendir (folder);
  struct dirent *entry;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((entry = readdir (dir)) != NULL)
    if (entry->d_name[0] == '.')
      removed += recap_file_remove_stale_temp (dirfd (dir), entry->d_name);
  closedir (dir);
  return removed;
}

static gboolean
write_temp_file (Batch                *batch,
                 int                   fd,
                 const char           *target,
                 const RecapFileWrite *write,
                 GError              **error)
{
  gboolean sync = !(write->flags & RECAP_FILE_WRITE_NOT_DURABLE) && !batch_syncs_whole (batch, fd, target);

  /* A private file is the owner's alone, whatever the old one was. */
  if (!(write->flags & RECAP_FILE_WRITE_PRIVATE))
    copy_file_attributes (fd, target);
  if (!write_contents (fd, write, target, error))
    return FALSE;
  if (sync && fsync (fd) != 0)
    return recap_file_set_errno_error (error, errno, N_("Could not save “%s” to disk"), target);
  return TRUE;
}

/* Writes @text to a new temporary file next to @target; returns its path. */
static char *
write_temp_copy (Batch                *batch,
                 const char           *target,
                 const RecapFileWrite *write,
                 GError              **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *temp = g_strdup_printf ("%s/.%s" TEMP_MARK "%ld-XXXXXX" TEMP_SUFFIX, dir, base, (long) getpid ());
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, write->flags & RECAP_FILE_WRITE_PRIVATE ? 0600 : 0666);
  gboolean ok;

  if (fd < 0)
    {
      recap_file_set_errno_error (error, errno, N_("Could not create a temporary file next to “%s”"), target);
      return NULL;
    }

  ok = write_temp_file (batch, fd, target, write, error);
  if (!g_close (fd, NULL) && ok)
    ok = recap_file_set_errno_error (error, errno, N_("Could not write “%s”"), target);
  if (!ok)
    {
      g_unlink (temp);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

/* A file of a batch on its way: the file a write resolves to, and the
 * temporary copy that is to replace it. */
typedef struct {
  RecapFileWrite *write;
  char           *target;
  char           *temp;
  GError         *error;
  int             held; /* the replaced file, held for release_later(); -1 */
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->target);
  g_free (pending->temp);
  g_clear_error (&pending->error);
  g_free (pending);
}

static void
prepare_pending (gpointer item,
                 gpointer user_data)
{
  Pending *pending = item;
  Batch *batch = user_data;
  GFile *file = pending->write->file;
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (&pending->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save “%s”: only local files can be saved"), name);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (batch->cancellable, &pending->error))
    return;

  pending->target = resolve_symlinks (path, &pending->error);
  if (pending->target != NULL)
    pending->temp = write_temp_copy (batch, pending->target, pending->write, &pending->error);
}

static void
prepare_folder (gpointer folder,
                gpointer batch)
{
  GPtrArray *pending = folder;

  for (guint i = 0; i < pending->len; i++)
    prepare_pending (pending->pdata[i], batch);
}

/* The file a rename is to replace, held (O_PATH: not opened for reading,
 * no FIFO waits) so that its blocks are freed when it is let go, not inside
 * rename() while the folder is locked: on ext4 mounted with discard, 843
 * renames over files took 404 ms from 8 threads, and 108-139 ms so. -1
 * when it cannot be held. */
static int
hold_replaced (const char *target)
{
#ifdef O_PATH
  return open (target, O_PATH | O_NOFOLLOW | O_CLOEXEC);
#else
  return -1;
#endif
}

/* Replaced files are let go after the batch has returned: freeing their
 * blocks waits for the disk, 1.5 ms a file on ext4 mounted with discard
 * (9,690 files: 0.8 s from 32 threads), which nothing the batch promises
 * waits for. Each held file is an open file of the process, counted against
 * its RLIMIT_NOFILE: so there is one releaser for the process, which holds
 * at most half of that limit and lets go of the rest at once. */
typedef struct {
  GMutex       lock;
  GCond        released;
  guint        held;  /* files held or on their way to the pool */
  guint        limit;
  GThreadPool *pool;
} Releaser;

static void
release_file (gpointer data,
              gpointer user_data)
{
  Releaser *releaser = user_data;

  close (GPOINTER_TO_INT (data) - 1);
  g_mutex_lock (&releaser->lock);
  g_assert (releaser->held > 0);
  if (--releaser->held == 0)
    g_cond_broadcast (&releaser->released);
  g_mutex_unlock (&releaser->lock);
}

/* Enough to hold any batch a site makes, if the process may open them. */
#define MAX_HELD 65536

static Releaser *
releaser_get (void)
{
  static gsize once = 0;
  static Releaser releaser;

  if (g_once_init_enter (&once))
    {
      struct rlimit limit;

      g_mutex_init (&releaser.lock);
      g_cond_init (&releaser.released);
      if (getrlimit (RLIMIT_NOFILE, &limit) == 0)
        releaser.limit = MIN (limit.rlim_cur / 2, MAX_HELD);
      releaser.pool = g_thread_pool_new (release_file, &releaser, MAX_IO_THREADS, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }
  return &releaser;
}

/* Whether a replaced file may stay held until release_later(). */
static gboolean
releaser_reserve (void)
{
  Releaser *releaser = releaser_get ();
  gboolean ok;

  g_mutex_lock (&releaser->lock);
  ok = releaser->held < releaser->limit;
  if (ok)
    releaser->held++;
  g_mutex_unlock (&releaser->lock);
  return ok;
}

/* Lets go of the files @pending holds, from the releaser's threads. */
static void
release_later (GPtrArray *pending)
{
  Releaser *releaser = releaser_get ();

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (p->held >= 0)
        g_thread_pool_push (releaser->pool, GINT_TO_POINTER (p->held + 1), NULL);
      p->held = -1;
    }
}

void
recap_file_write_wait_released (void)
{
  Releaser *releaser = releaser_get ();

  g_mutex_lock (&releaser->lock);
  while (releaser->held > 0)
    g_cond_wait (&releaser->released, &releaser->lock);
  g_mutex_unlock (&releaser->lock);
}

static void
rename_pending (gpointer item,
                gpointer user_data)
{
  Pending *pending = item;
  int replaced = hold_replaced (pending->target);

  if (g_rename (pending->temp, pending->target) == 0)
    pending->write->replaced = TRUE;
  else
    {
      recap_file_set_errno_error (&pending->error, errno, N_("Could not replace “%s”"), pending->target);
      g_unlink (pending->temp);
    }
  if (replaced >= 0 && pending->write->replaced && releaser_reserve ())
    pending->held = replaced;
  else if (replaced >= 0)
    close (replaced);
}

/* Calls @func on each of @items from up to @max_threads threads. */
static void
run_parallel (GPtrArray *items,
              GFunc      func,
              gpointer   data,
              guint      max_threads)
{
  GThreadPool *pool;

  /* No thread to save one document. */
  if (items->len <= 1)
    {
      g_ptr_array_foreach (items, func, data);
      return;
    }
  pool = g_thread_pool_new (func, data, MIN (items->len, max_threads), FALSE, NULL);
  for (guint i = 0; i < items->len; i++)
    g_thread_pool_push (pool, items->pdata[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* The files of @pending (Pending) by folder, each a GPtrArray. Creating a
 * file locks its folder, and threads waiting on that lock spin: each
 * folder's copies are for one thread. */
static GPtrArray *
group_by_folder (GPtrArray *pending)
{
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      const char *path = g_file_peek_path (p->write->file);
      char *folder = path != NULL ? g_path_get_dirname (path) : g_strdup ("");
      GPtrArray *group = g_hash_table_lookup (folders, folder);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (folders, folder, group);
          g_ptr_array_add (groups, group);
        }
      else
        g_free (folder);
      g_ptr_array_add (group, p);
    }
  return groups;
}

/* FALSE with the first error of @pending, if any. */
static gboolean
no_error (GPtrArray  *pending,
          GError    **error)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (p->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&p->error));
          return FALSE;
        }
    }
  return TRUE;
}

static void
discard_all (GPtrArray *pending)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (p->temp != NULL)
        g_unlink (p->temp);
    }
}

/* Writes every temporary copy and makes it durable; on failure removes
 * them all. */
static gboolean
prepare_all (GPtrArray     *pending,
             GPtrArray     *folders,
             GCancellable  *cancellable,
             GError       **error)
{
  Batch batch = { cancellable };
  gboolean ok;

  batch_init_file_systems (&batch, pending->len);
  g_mutex_init (&batch.lock);
  /* Synced whole, making the copies is CPU work; else each thread waits on
   * an fsync(). */
  if (batch.may_sync_whole)
    run_parallel (folders, prepare_folder, &batch, g_get_num_processors ());
  else
    run_parallel (pending, prepare_pending, &batch, MAX_IO_THREADS);
  g_mutex_clear (&batch.lock);

  ok = no_error (pending, error) && sync_file_systems (&batch, error);
  g_clear_pointer (&batch.file_systems, g_array_unref);
  if (!ok)
    discard_all (pending);
  return ok;
}

/* Renames every temporary copy over its target, then syncs each folder
 * once. From several threads: a replaced file the releaser cannot hold is
 * freed by the thread that renamed it, which waits for the disk (about
 * 1.5 ms on ext4 mounted with discard). */
static gboolean
rename_all (GPtrArray  *pending,
            GError    **error)
{
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer dir;

  run_parallel (pending, rename_pending, NULL, MAX_IO_THREADS);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (p->write->replaced && !(p->write->flags & RECAP_FILE_WRITE_NOT_DURABLE))
        g_hash_table_add (dirs, g_path_get_dirname (p->target));
    }
  g_hash_table_iter_init (&iter, dirs);
  while (g_hash_table_iter_next (&iter, &dir, NULL))
    sync_directory (dir);
  return no_error (pending, error);
}

/* Removes what killed runs of a batch left in its folders. */
static void
sweep_folders (GPtrArray *pending)
{
  g_autoptr(GHashTable) swept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      const char *path = g_file_peek_path (p->write->file);
      char *folder = path != NULL ? g_path_get_dirname (path) : NULL;

      if (folder != NULL && g_hash_table_add (swept, folder))
        recap_file_remove_stale_temps (folder);
    }
}

gboolean
recap_file_write_atomic_all (GPtrArray     *writes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_full (writes->len, (GDestroyNotify) pending_free);
  g_autoptr(GPtrArray) folders = NULL;
  gboolean ok;

  for (guint i = 0; i < writes->len; i++)
    {
      Pending *p = g_new0 (Pending, 1);

      p->write = writes->pdata[i];
      p->write->replaced = FALSE;
      p->held = -1;
      g_ptr_array_add (pending, p);
    }
  if (pending->len > 1)
    sweep_folders (pending);

  /* Durable once for the whole batch: one syncfs() (or an fsync() a copy)
   * and one fsync() a folder, whatever the number of files. */
  folders = group_by_folder (pending);
  ok = prepare_all (pending, folders, cancellable, error) && rename_all (pending, error);
  release_later (pending);
  return ok;
}

gboolean
recap_file_write_atomic (GFile         *file,
                         const char    *text,
                         gsize          len,
                         GCancellable  *cancellable,
                         GError       **error)
{
  RecapFileWrite write = { file, text, len, FALSE };
  g_autoptr(GPtrArray) writes = g_ptr_array_new ();

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_ptr_array_add (writes, &write);
  return recap_file_write_atomic_all (writes, cancellable, error);
}

gboolean
recap_file_write_path (const char           *path,
                       const char           *text,
                       gsize                 len,
                       RecapFileWriteFlags   flags,
                       GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecapFileWrite write = { file, text, len, FALSE, flags };
  g_autoptr(GPtrArray) writes = g_ptr_array_new ();

  g_ptr_array_add (writes, &write);
  return recap_file_write_atomic_all (writes, NULL, error);
}
