/* recap-background.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "recap-background.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

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

#ifdef __GLIBC__
static void
trim_memory (gpointer data)
{
  malloc_trim (0);
}
#endif

void
recap_background_trim_memory (void)
{
#ifdef __GLIBC__
  /* Any non-NULL data: the free function ignores it. */
  recap_background_free (GINT_TO_POINTER (1), trim_memory);
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
