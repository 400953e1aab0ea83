/* recap-background.h: work handed to a thread so that the main loop does not wait on it
 *
 * Freeing the tens of thousands of posts and groups of a big site, and
 * giving freed memory back to the system, take hundreds of milliseconds:
 * done here in a worker thread instead of between two frames. Work on the
 * posts in a thread reads a copy of them, made between frames.
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
/* Drops @store, which nothing else holds or watches any more, in a thread
 * of its own nicer than the caller, its items a few hundred at a time with
 * a pause between: the last unref of a GObject takes a lock of GLib's that
 * every property change takes too, and while a thread freed 100,000 posts
 * at once the main thread waited up to 15 ms for it at a time (GLib 2.74;
 * perf, sched_switch: the waker was in g_object_unref()). At the caller's
 * priority, the thread took the main thread's processor after each pause. */
void recap_background_free_store (GListStore *store);

/* The copy a worker thread reads of the items of a list, made on the
 * thread that owns them: items change (and free their strings) there. */
typedef struct {
  GListModel *items;    /* until all are copied */
  guint       n_items;  /* how many to copy; once all are, how many were */
  guint       copied;
} RecapBackgroundCopy;

/* Copies what is needed of @item, the @position-th, into @data. */
typedef void (*RecapBackgroundCopyFunc) (gpointer data,
                                         guint    position,
                                         gpointer item);

/* Starts a copy of as many items as @items has now. */
void recap_background_copy_init     (RecapBackgroundCopy     *copy,
                                     GListModel              *items);
/* Copies every item at once, with @copy_func and @data. */
void recap_background_copy_all      (RecapBackgroundCopy     *copy,
                                     RecapBackgroundCopyFunc  copy_func,
                                     gpointer                 data);
/* Copies the items with @copy_func and @task's data, a few at a time
 * within 4 ms per dispatch, below redrawing, then runs @thread_func for
 * @task in a thread; returns the task's cancellation error if it is
 * cancelled before that. A list that shrinks meanwhile ends the copy where
 * it ends: callers start again when the list changes. @copy is in the
 * task's data. */
void recap_background_copy_then_run (GTask                   *task,
                                     RecapBackgroundCopy     *copy,
                                     RecapBackgroundCopyFunc  copy_func,
                                     GTaskThreadFunc          thread_func);

/* Attaches @func (with @data, freed by @notify) to @context as an idle
 * source below redrawing, so that frames are drawn between its dispatches;
 * @static_name names it for profilers. Returns the source: a reference the
 * caller owns. */
GSource *recap_background_idle_source (GMainContext   *context,
                                       const char     *static_name,
                                       GSourceFunc     func,
                                       gpointer        data,
                                       GDestroyNotify  notify);

/* Runs @func with @data on a thread of its own per processor (at most 8),
 * and returns when all have returned. The threads run below the priority of
 * the others (where that is known: Linux), so that the main thread, with
 * frames to draw, gets a processor before them: at 100,000 posts the
 * site's readers kept it waiting for one most of its long iterations. */
void recap_background_run_on_each_core (const char  *static_name,
                                        GThreadFunc  func,
                                        gpointer     data);

/* Gives each thread that allocates a malloc arena of its own, up to far
 * more threads than the app runs at once, so that threads freeing big
 * things do not hold the main thread's. Call it in main() before any
 * thread starts; nothing where that is not glibc. */
void recap_background_separate_arenas (void);
/* Returns TRUE from @task when @ok, else @error, which it takes: the end
 * of a task (a worker thread's, mostly) around a call that returns a
 * gboolean and sets a GError. */
void recap_background_return_boolean (GTask    *task,
                                      gboolean  ok,
                                      GError   *error);

G_END_DECLS
