/* recap-background.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "recap-background.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* How much nicer than their creator the threads of
 * recap_background_run_on_each_core() are: on a processor with the main
 * thread they get about a tenth of it. */
#define BEHIND_NICE 10
#define MAX_CORES   8

typedef struct {
  gpointer       data;
  GDestroyNotify free_func;
} Garbage;

static void
free_garbage (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Garbage *garbage = task_data;

  garbage->free_func (garbage->data);
  g_free (garbage);
  g_task_return_boolean (task, TRUE);
}

void
recap_background_free (gpointer       data,
                       GDestroyNotify free_func)
{
  g_autoptr(GTask) task = NULL;
  Garbage *garbage;

  g_return_if_fail (free_func != NULL);

  if (data == NULL)
    return;
  garbage = g_new (Garbage, 1);
  garbage->data = data;
  garbage->free_func = free_func;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, recap_background_free);
  /* Freed by the thread itself: as task data, the main thread could free
   * it, when it drops the task's last reference. */
  g_task_set_task_data (task, garbage, NULL);
  g_task_run_in_thread (task, free_garbage);
}

void
recap_background_copy_init (RecapBackgroundCopy *copy,
                            GListModel          *items)
{
  copy->items = g_object_ref (items);
  copy->n_items = g_list_model_get_n_items (items);
  copy->copied = 0;
}

#define COPY_STEP 256
#define COPY_SLICE_USEC 4000

/* Copies items, COPY_STEP at a time, until all are or @deadline (monotonic
 * time) has passed; TRUE when all are. */
static gboolean
copy_some (RecapBackgroundCopy     *copy,
           RecapBackgroundCopyFunc  copy_func,
           gpointer                 data,
           gint64                   deadline)
{
  guint n = MIN (copy->n_items, g_list_model_get_n_items (copy->items));

  while (copy->copied < n)
    {
      guint end = MIN (n, copy->copied + COPY_STEP);

      for (; copy->copied < end; copy->copied++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (copy->items, copy->copied);
          copy_func (data, copy->copied, item);
        }
      if (copy->copied < n && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  copy->n_items = copy->copied;
  g_clear_object (&copy->items);
  return TRUE;
}

void
recap_background_copy_all (RecapBackgroundCopy     *copy,
                           RecapBackgroundCopyFunc  copy_func,
                           gpointer                 data)
{
  copy_some (copy, copy_func, data, G_MAXINT64);
}

typedef struct {
  GTask                   *task;
  RecapBackgroundCopy     *copy;
  RecapBackgroundCopyFunc  copy_func;
  GTaskThreadFunc          thread_func;
} Slices;

static void
slices_free (Slices *slices)
{
  g_object_unref (slices->task);
  g_free (slices);
}

/* Copies for one slice of time; once all is copied, goes on in a thread. */
static gboolean
copy_slice (gpointer user_data)
{
  Slices *slices = user_data;
  GTask *task = slices->task;

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_object (&slices->copy->items);
      return G_SOURCE_REMOVE;
    }
  if (!copy_some (slices->copy, slices->copy_func, g_task_get_task_data (task),
                  g_get_monotonic_time () + COPY_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  g_task_run_in_thread (task, slices->thread_func);
  return G_SOURCE_REMOVE;
}

GSource *
recap_background_idle_source (GMainContext   *context,
                              const char     *static_name,
                              GSourceFunc     func,
                              gpointer        data,
                              GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_static_name (source, static_name);
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, context);
  return source;
}

void
recap_background_copy_then_run (GTask                   *task,
                                 RecapBackgroundCopy     *copy,
                                 RecapBackgroundCopyFunc  copy_func,
                                 GTaskThreadFunc          thread_func)
{
  Slices *slices = g_new (Slices, 1);
  g_autoptr(GSource) source = NULL;

  slices->task = g_object_ref (task);
  slices->copy = copy;
  slices->copy_func = copy_func;
  slices->thread_func = thread_func;
  if (!copy_slice (slices))
    {
      slices_free (slices);
      return;
    }
  /* Copying 50,000 posts at once took 30-120 ms on a busy machine: in
   * slices, below redrawing, so that frames are drawn between them. */
  source = recap_background_idle_source (g_task_get_context (task), "[recap] copy for a thread", copy_slice, slices,
                                         (GDestroyNotify) slices_free);
}

/* More than a process ever runs threads that allocate at once: glibc's own
 * limit is 8 per processor. */
#define MAX_ARENAS 64

void
recap_background_separate_arenas (void)
{
#ifdef __GLIBC__
  /* Beyond glibc's limit, threads share arenas, the main thread's too: a
   * thread freeing the index cache of 100,000 posts held the main thread's
   * arena lock for 48 ms, which the main thread waited for in g_malloc()
   * (perf, sched_wakeup: the waker was in free()). */
  mallopt (M_ARENA_MAX, MAX_ARENAS);
#endif
}

void
recap_background_return_boolean (GTask    *task,
                                 gboolean  ok,
                                 GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct {
  GThreadFunc func;
  gpointer    data;
} Behind;

static void
lower_own_priority (void)
{
#ifdef __linux__
  /* Linux gives each thread its own nice value, first its creator's. The
   * thread is ours and ends here: nothing has to raise it again, which an
   * unprivileged process could not do. */
  id_t thread = (id_t) syscall (SYS_gettid);
  int nice_value = getpriority (PRIO_PROCESS, thread);

  setpriority (PRIO_PROCESS, thread, MIN (nice_value + BEHIND_NICE, 19));
#endif
}

static gpointer
run_behind (gpointer user_data)
{
  Behind *behind = user_data;

  lower_own_priority ();
  return behind->func (behind->data);
}

void
recap_background_run_on_each_core (const char  *static_name,
                                   GThreadFunc  func,
                                   gpointer     data)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_CORES);
  GThread *threads[MAX_CORES];
  Behind behind = { func, data };

  /* The calling thread, often one of GLib's shared pool, is left as it is:
   * it waits. */
  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new (static_name, run_behind, &behind);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
}

/* A batch frees in about a millisecond; the pause after it is as long. */
#define RELEASE_BATCH      256
#define RELEASE_PAUSE_USEC 1000

static gpointer
release_store_behind (gpointer data)
{
  GListStore *store = data;
  guint n;

  lower_own_priority ();
  /* From the end: nothing moves. */
  while ((n = g_list_model_get_n_items (G_LIST_MODEL (store))) > 0)
    {
      guint batch = MIN (n, RELEASE_BATCH);

      g_list_store_splice (store, n - batch, batch, NULL, 0);
      if (n > batch)
        g_usleep (RELEASE_PAUSE_USEC);
    }
  g_object_unref (store);
  return NULL;
}

void
recap_background_free_store (GListStore *store)
{
  g_thread_unref (g_thread_new ("recap-release", release_store_behind, store));
}
