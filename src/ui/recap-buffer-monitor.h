/* recap-buffer-monitor.h: watches the file of an open document for other programs' changes
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RECAP_TYPE_BUFFER_MONITOR (recap_buffer_monitor_get_type ())
G_DECLARE_FINAL_TYPE (RecapBufferMonitor, recap_buffer_monitor, RECAP, BUFFER_MONITOR, GObject)

RecapBufferMonitor *recap_buffer_monitor_new      (void);
/* Watches @real_path (symlinks already followed: the file other programs
 * change); NULL stops watching. Watching the same path again keeps the
 * watch as it is. */
void                recap_buffer_monitor_set_path (RecapBufferMonitor *self,
                                                   const char         *real_path);

G_END_DECLS
