/* recap-buffer-stats.h: the counts and headings of a text buffer, kept up to date off the keystroke path
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-text-stats.h"

G_BEGIN_DECLS

#define RECAP_TYPE_BUFFER_STATS (recap_buffer_stats_get_type ())
G_DECLARE_FINAL_TYPE (RecapBufferStats, recap_buffer_stats, RECAP, BUFFER_STATS, GObject)

RecapBufferStats      *recap_buffer_stats_new           (void);
/* Follows @buffer (or nothing): shortly after its text or selection
 * changes, counts and headings are made again in a worker thread and
 * "updated" is emitted. */
void                   recap_buffer_stats_set_buffer    (RecapBufferStats *self,
                                                         GtkTextBuffer    *buffer);
/* The counts of the body (front matter, code and link targets left out, see
 * recap-text-stats.h), or of the selection when @selection is set to TRUE. */
const RecapTextCounts *recap_buffer_stats_get_counts    (RecapBufferStats *self,
                                                         gboolean         *selection);
/* The body's headings, RecapHeading items, in document order. */
GPtrArray             *recap_buffer_stats_get_headings  (RecapBufferStats *self);

G_END_DECLS
