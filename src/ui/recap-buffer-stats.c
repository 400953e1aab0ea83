/* recap-buffer-stats.c: the counts and headings of a text buffer
 *
 * A change schedules one count a little later (so a burst of keystrokes
 * costs one), and the count runs in a worker thread on a copy of the text:
 * parsing a large post takes longer than a frame, and the copy is taken a
 * part per main-loop iteration (recap-buffer-copy.h). Only one count runs at a
 * time; a change meanwhile is counted when it ends, and no sooner than
 * twice the last count's time, so that a huge post (seconds for 10 MB on a
 * busy machine) takes at most a third of a core while typing.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-buffer-stats.h"

#include "recap-buffer-copy.h"

#include <string.h>

/* Long enough to take a burst of typing as one change, short enough to feel live. */
#define UPDATE_DELAY_MS 150

struct _RecapBufferStats
{
  GObject          parent_instance;

  GtkTextBuffer   *buffer;
  GSignalGroup    *buffer_signals;
  GCancellable    *cancellable;
  guint            update_source;
  guint            generation;       /* counts the buffers set */
  gboolean         running;
  gint64           started;          /* monotonic time the running count began */
  guint            delay_ms;         /* before the next count */
  gboolean         text_changed;     /* since the last count began */
  gboolean         selection_changed;

  RecapTextCounts  body;
  RecapTextCounts  selected;
  gboolean         has_selection;
  GPtrArray       *headings;
};

G_DEFINE_FINAL_TYPE (RecapBufferStats, recap_buffer_stats, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one count reads (a copy) and makes. */
typedef struct {
  RecapBufferStats *stats;     /* unowned: cancelled when it goes */
  guint            generation; /* of the buffer the copy is of */
  char            *text;       /* NULL when it did not change */
  char            *selection;  /* NULL without a selection */
  RecapTextCounts  body;
  RecapTextCounts  selected;
  GPtrArray       *headings;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->selection);
  g_clear_pointer (&job->headings, g_ptr_array_unref);
  g_free (job);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;

  if (job->text != NULL)
    {
      recap_text_count (job->text, strlen (job->text), &job->body);
      job->headings = recap_text_headings (job->text, strlen (job->text));
    }
  if (job->selection != NULL)
    recap_text_count (job->selection, strlen (job->selection), &job->selected);
  g_task_return_boolean (task, TRUE);
}

static void schedule_update (RecapBufferStats *self);

static void
counted (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RecapBufferStats *self = RECAP_BUFFER_STATS (object);
  Job *job = g_task_get_task_data (G_TASK (result));

  /* FALSE when cancelled: the stats are gone. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  self->running = FALSE;
  self->delay_ms = MAX (UPDATE_DELAY_MS, 2 * (g_get_monotonic_time () - self->started) / 1000);
  /* Of another buffer, set meanwhile: that one is counted next. */
  if (job->generation == self->generation)
    {
      if (job->text != NULL)
        {
          self->body = job->body;
          g_clear_pointer (&self->headings, g_ptr_array_unref);
          self->headings = g_steal_pointer (&job->headings);
        }
      self->has_selection = job->selection != NULL;
      self->selected = job->selected;
      g_signal_emit (self, signals[UPDATED], 0);
    }
  if (self->text_changed || self->selection_changed)
    schedule_update (self);
}

static char *
dup_selection (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
run_count (RecapBufferStats *self,
           Job              *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, counted, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, count_in_thread);
}

static void
text_copied (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;

  job->text = recap_buffer_copy_finish (GTK_TEXT_BUFFER (object), result, NULL);
  /* NULL when cancelled: the stats are gone. */
  if (job->text == NULL)
    {
      job_free (job);
      return;
    }
  run_count (job->stats, job);
}

static void
start_count (RecapBufferStats *self)
{
  Job *job = g_new0 (Job, 1);
  gboolean copy_text = self->text_changed;

  job->stats = self;
  job->generation = self->generation;
  job->selection = dup_selection (self->buffer);
  self->text_changed = FALSE;
  self->selection_changed = FALSE;
  self->running = TRUE;
  self->started = g_get_monotonic_time ();
  if (copy_text)
    recap_buffer_copy_async (self->buffer, self->cancellable, text_copied, job);
  else
    run_count (self, job);
}

static gboolean
update_timeout (gpointer user_data)
{
  RecapBufferStats *self = user_data;

  self->update_source = 0;
  if (!self->running && self->buffer != NULL)
    start_count (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (RecapBufferStats *self)
{
  if (self->update_source == 0 && !self->running)
    self->update_source = g_timeout_add (self->delay_ms, update_timeout, self);
}

static void
text_changed (RecapBufferStats *self)
{
  self->text_changed = TRUE;
  schedule_update (self);
}

static void
mark_set (RecapBufferStats *self,
          GtkTextIter      *location,
          GtkTextMark      *mark)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (mark);

  /* A cursor move without a selection before or after changes nothing. */
  if (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;
  if (!self->has_selection && !gtk_text_buffer_get_has_selection (buffer))
    return;
  self->selection_changed = TRUE;
  schedule_update (self);
}

static void
recap_buffer_stats_dispose (GObject *object)
{
  RecapBufferStats *self = RECAP_BUFFER_STATS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->buffer);
  g_clear_pointer (&self->headings, g_ptr_array_unref);

  G_OBJECT_CLASS (recap_buffer_stats_parent_class)->dispose (object);
}

static void
recap_buffer_stats_class_init (RecapBufferStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_buffer_stats_dispose;

  /* The counts or the headings may have changed. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_buffer_stats_init (RecapBufferStats *self)
{
  self->cancellable = g_cancellable_new ();
  self->delay_ms = UPDATE_DELAY_MS;
  self->headings = g_ptr_array_new ();
  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "changed",
                                 G_CALLBACK (text_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->buffer_signals, "mark-set",
                                 G_CALLBACK (mark_set), self, G_CONNECT_SWAPPED);
}

RecapBufferStats *
recap_buffer_stats_new (void)
{
  return g_object_new (RECAP_TYPE_BUFFER_STATS, NULL);
}

void
recap_buffer_stats_set_buffer (RecapBufferStats *self,
                               GtkTextBuffer    *buffer)
{
  g_return_if_fail (RECAP_IS_BUFFER_STATS (self));
  g_return_if_fail (!buffer || GTK_IS_TEXT_BUFFER (buffer));

  if (!g_set_object (&self->buffer, buffer))
    return;
  g_signal_group_set_target (self->buffer_signals, buffer);
  self->generation++;
  self->has_selection = FALSE;
  if (buffer != NULL)
    text_changed (self);
}

const RecapTextCounts *
recap_buffer_stats_get_counts (RecapBufferStats *self,
                               gboolean         *selection)
{
  g_return_val_if_fail (RECAP_IS_BUFFER_STATS (self), NULL);

  if (selection != NULL)
    *selection = self->has_selection;
  return self->has_selection ? &self->selected : &self->body;
}

GPtrArray *
recap_buffer_stats_get_headings (RecapBufferStats *self)
{
  g_return_val_if_fail (RECAP_IS_BUFFER_STATS (self), NULL);
  return self->headings;
}
