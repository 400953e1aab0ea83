/* recap-buffer-copy.c: a copy of a text buffer's text, taken a part per main-loop iteration
 *
 * gtk_text_buffer_get_text() of a 5 MB post took 43-49 ms of one main-loop
 * iteration (the word count's copy, the preview's). A GtkTextBuffer can only
 * be read on the main thread, so the copy is taken in parts of COPY_CHARS,
 * each in an idle, and taken again from the start if the buffer changes
 * before it is whole. Hand-written: GTK has no incremental copy.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-buffer-copy.h"

/* About 2 ms of copying on this machine. */
#define COPY_CHARS (256 * 1024)

typedef struct {
  GString *text;
  int      copied;  /* characters */
  gulong   changed_handler;
  guint    source;
} Copy;

static void
copy_free (Copy *copy)
{
  if (copy->text != NULL)
    g_string_free (copy->text, TRUE);
  g_assert (copy->source == 0 && copy->changed_handler == 0);
  g_free (copy);
}

/* Ends @task: the buffer's handler and the idle go first. */
static void
copy_stop (GTask *task)
{
  Copy *copy = g_task_get_task_data (task);

  g_clear_signal_handler (&copy->changed_handler, g_task_get_source_object (task));
  g_clear_handle_id (&copy->source, g_source_remove);
}

static void
buffer_changed (GTask *task)
{
  Copy *copy = g_task_get_task_data (task);

  g_string_truncate (copy->text, 0);
  copy->copied = 0;
}

static gboolean
copy_part (gpointer user_data)
{
  GTask *task = user_data;
  Copy *copy = g_task_get_task_data (task);
  GtkTextBuffer *buffer = g_task_get_source_object (task);
  g_autofree char *part = NULL;
  GtkTextIter start, end;

  if (g_task_return_error_if_cancelled (task))
    {
      copy->source = 0;
      copy_stop (task);
      return G_SOURCE_REMOVE;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &start, copy->copied);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, copy->copied + COPY_CHARS);
  part = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_string_append (copy->text, part);
  copy->copied = gtk_text_iter_get_offset (&end);
  if (!gtk_text_iter_is_end (&end))
    return G_SOURCE_CONTINUE;
  copy->source = 0;
  copy_stop (task);
  g_task_return_pointer (task, g_string_free (g_steal_pointer (&copy->text), FALSE), g_free);
  return G_SOURCE_REMOVE;
}

void
recap_buffer_copy_async (GtkTextBuffer       *buffer,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Copy *copy;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  task = g_task_new (buffer, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_buffer_copy_async);
  copy = g_new0 (Copy, 1);
  copy->text = g_string_sized_new (gtk_text_buffer_get_char_count (buffer) + 1);
  g_task_set_task_data (task, copy, (GDestroyNotify) copy_free);
  copy->changed_handler = g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed), task);
  /* The idle holds the task; its last part returns it. */
  copy->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, copy_part, task, g_object_unref);
}

char *
recap_buffer_copy_finish (GtkTextBuffer  *buffer,
                          GAsyncResult   *result,
                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, buffer), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
