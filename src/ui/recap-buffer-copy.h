/* recap-buffer-copy.h: a copy of a text buffer's text, taken a part per main-loop iteration
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Copies the whole text of @buffer (as gtk_text_buffer_get_text() with
 * hidden characters) a part at a time, each part in its own main-loop
 * iteration, and starts again when the buffer changes meanwhile: the
 * result is the text as it was after the last change. */
void  recap_buffer_copy_async  (GtkTextBuffer        *buffer,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
/* The copy (free with g_free()), or NULL with @error set when cancelled. */
char *recap_buffer_copy_finish (GtkTextBuffer        *buffer,
                                GAsyncResult         *result,
                                GError              **error);

G_END_DECLS
