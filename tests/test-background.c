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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/background/run-on-each-core", test_run_on_each_core);
  return g_test_run ();
}
