/* recap-buffer-monitor.c: the GFileMonitor of an open document's file
 *
 * Owns the watch on one path and says "changed" when the file may have
 * changed; the document decides what the change means by reading the file.
 * GNOME Text Editor's editor-buffer-monitor.c is the model.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-buffer-monitor.h"

struct _RecapBufferMonitor
{
  GObject       parent_instance;

  GFileMonitor *monitor;
  char         *path;
};

G_DEFINE_FINAL_TYPE (RecapBufferMonitor, recap_buffer_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
file_changed (RecapBufferMonitor *self,
              GFile              *file,
              GFile              *other_file,
              GFileMonitorEvent   event,
              GFileMonitor       *monitor)
{
  /* A late event of a monitor cancelled since. */
  if (monitor != self->monitor)
    return;
  /* A program writing in place (truncate, then write) sends CHANGED
   * while it writes: reading then would show a half-written file and lose
   * the cursor. CHANGES_DONE_HINT follows when it closes the file. */
  if (event != G_FILE_MONITOR_EVENT_CHANGED)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
stop_watching (RecapBufferMonitor *self)
{
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->path, g_free);
}

static void
recap_buffer_monitor_dispose (GObject *object)
{
  stop_watching (RECAP_BUFFER_MONITOR (object));

  G_OBJECT_CLASS (recap_buffer_monitor_parent_class)->dispose (object);
}

static void
recap_buffer_monitor_class_init (RecapBufferMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_buffer_monitor_dispose;

  /* Any event but a write still under way: the file may differ now. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_buffer_monitor_init (RecapBufferMonitor *self)
{
}

RecapBufferMonitor *
recap_buffer_monitor_new (void)
{
  return g_object_new (RECAP_TYPE_BUFFER_MONITOR, NULL);
}

void
recap_buffer_monitor_set_path (RecapBufferMonitor *self,
                               const char         *real_path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RECAP_IS_BUFFER_MONITOR (self));

  if (g_strcmp0 (real_path, self->path) == 0)
    return;
  stop_watching (self);
  if (real_path == NULL)
    return;
  file = g_file_new_for_path (real_path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s: %s", real_path, error->message);
      return;
    }
  self->path = g_strdup (real_path);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed), self, G_CONNECT_SWAPPED);
}
