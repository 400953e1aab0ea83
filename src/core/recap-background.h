/* recap-background.h: work handed to a thread so that the main loop does not wait on it
 *
 * Freeing the tens of thousands of posts and groups of a big site, and
 * giving freed memory back to the system, take hundreds of milliseconds:
 * done here in a worker thread instead of between two frames.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Calls @free_func on @data in a worker thread. The caller first undoes on
 * its own thread what must be undone there (signal handlers, monitors,
 * sources): what is freed is then touched by nothing else. */
void recap_background_free        (gpointer       data,
                                   GDestroyNotify free_func);
/* Gives memory the process freed back to the system (glibc's malloc_trim),
 * in a worker thread; nothing where that is not glibc. */
void recap_background_trim_memory (void);
/* Returns TRUE from @task when @ok, else @error, which it takes: the end
 * of a task (a worker thread's, mostly) around a call that returns a
 * gboolean and sets a GError. */
void recap_background_return_boolean (GTask    *task,
                                      gboolean  ok,
                                      GError   *error);

G_END_DECLS
