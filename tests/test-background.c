/* test-background.c: work handed to threads behind the main thread
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "recap-background.h"

typedef struct {
  GThread *caller;
  GMutex   lock;
  GArray  *nice_values;  /* int, one per call */
  guint    on_caller;    /* calls made on the calling thread */
} Calls;

static int
thread_nice_value (void)
{
#ifdef __linux__
  return getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
#else
  return 0;
#endif
}

static gpointer
record_call (gpointer data)
{
  Calls *calls = data;
  int nice_value = thread_nice_value ();

  g_mutex_lock (&calls->lock);
  g_array_append_val (calls->nice_values, nice_value);
  if (g_thread_self () == calls->caller)
    calls->on_caller++;
  g_mutex_unlock (&calls->lock);
  return NULL;
}

/* One call per processor, each on a thread of its own, nicer than the
 * caller, which keeps its own priority. */
static void
test_run_on_each_core (void)
{
  Calls calls = { g_thread_self (), { 0 }, g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  int caller_nice = thread_nice_value ();

  g_mutex_init (&calls.lock);
  recap_background_run_on_each_core ("test-behind", record_call, &calls);
  g_assert_cmpuint (calls.nice_values->len, ==, CLAMP (g_get_num_processors (), 1, 8));
  g_assert_cmpuint (calls.on_caller, ==, 0);
  g_assert_cmpint (thread_nice_value (), ==, caller_nice);
#ifdef __linux__
  for (guint i = 0; i < calls.nice_values->len; i++)
    g_assert_cmpint (g_array_index (calls.nice_values, int, i), ==, MIN (caller_nice + 10, 19));
#endif
  g_mutex_clear (&calls.lock);
  g_array_unref (calls.nice_values);
}

typedef struct {
  GThread *thread;      /* where the store ended */
  int      nice_value;  /* there */
} Ended;

static void
store_ended (gpointer  data,
             GObject  *store)
{
  Ended *ended = data;

  ended->nice_value = thread_nice_value ();
  g_atomic_pointer_set (&ended->thread, g_thread_self ());
}

/* Each item and the store end, in another thread nicer than the caller (a
 * waking thread of the caller's priority took its processor from the main
 * thread after each pause), and nothing blocks. */
static void
test_free_store (void)
{
  Ended ended = { NULL, 0 };
  /* Sized at once: the weak pointers are its slots, which must not move. */
  g_autoptr(GPtrArray) items = g_ptr_array_sized_new (1000);
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  GObject *weak_store = G_OBJECT (store);
  gint64 limit = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean all_gone = FALSE;

  /* Several batches, the last one short. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
      g_ptr_array_add (items, item);
      g_object_add_weak_pointer (item, &items->pdata[i]);
    }
  /* Notified in this order: @ended is set before the weak pointer is cleared. */
  g_object_weak_ref (weak_store, store_ended, &ended);
  g_object_add_weak_pointer (weak_store, (gpointer *) &weak_store);
  recap_background_free_store (store);
  while (!all_gone && g_get_monotonic_time () < limit)
    {
      all_gone = g_atomic_pointer_get (&weak_store) == NULL;
      for (guint i = 0; all_gone && i < items->len; i++)
        all_gone = g_atomic_pointer_get (&items->pdata[i]) == NULL;
      g_usleep (1000);
    }
  g_assert_null (weak_store);
  for (guint i = 0; i < items->len; i++)
    g_assert_null (items->pdata[i]);
  g_assert_nonnull (g_atomic_pointer_get (&ended.thread));
  g_assert_true (ended.thread != g_thread_self ());
#ifdef __linux__
  g_assert_cmpint (ended.nice_value, ==, MIN (thread_nice_value () + 10, 19));
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/background/run-on-each-core", test_run_on_each_core);
  g_test_add_func ("/background/free-store", test_free_store);
  return g_test_run ();
}
