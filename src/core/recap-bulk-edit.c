/* recap-bulk-edit.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-bulk-edit.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-file-util.h"

/* The file's bytes after the change are @before with the @cut_len bytes
 * from @cut replaced by @insert: a copy of each whole file would double
 * what a large edit keeps (30 MB for 9,690 posts), in fresh pages that
 * cost a fault each. */
typedef struct {
  GFile  *file;
  GBytes *before;
  gsize   cut;
  gsize   cut_len;
  GBytes *insert;  /* NULL: the file went to the trash */
} Change;

struct _RecapBulkEdit
{
  GPtrArray *changes;
};

static Change *
change_new (GFile *file)
{
  Change *change = g_new0 (Change, 1);

  change->file = g_object_ref (file);
  return change;
}

static void
change_free (Change *change)
{
  g_clear_object (&change->file);
  g_clear_pointer (&change->before, g_bytes_unref);
  g_clear_pointer (&change->insert, g_bytes_unref);
  g_free (change);
}

gboolean
recap_edit_no_change (RecapFrontMatterEdit *out)
{
  memset (out, 0, sizeof *out);
  return TRUE;
}

RecapBulkEdit *
recap_bulk_edit_new (void)
{
  RecapBulkEdit *bulk = g_new0 (RecapBulkEdit, 1);

  bulk->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return bulk;
}

void
recap_bulk_edit_free (RecapBulkEdit *bulk)
{
  g_clear_pointer (&bulk->changes, g_ptr_array_unref);
  g_free (bulk);
}

guint
recap_bulk_edit_get_n_changed (RecapBulkEdit *bulk)
{
  return bulk->changes->len;
}

GFile *
recap_bulk_edit_get_changed_file (RecapBulkEdit *bulk,
                                  guint          index)
{
  g_return_val_if_fail (index < bulk->changes->len, NULL);
  return ((Change *) bulk->changes->pdata[index])->file;
}

/* One file of an edit or an undo: prepared in a worker thread, then
 * written with the others. */
typedef struct {
  Change         *change;
  RecapFileWrite  write;  /* .file is NULL: nothing to write */
  gboolean        changes; /* previewed: the edit changes the file */
  GError         *error;
} Task;

static void
task_clear (Task *task)
{
  g_clear_pointer (&task->change, change_free);
  g_clear_error (&task->error);
}

/* Writes @task's file back as it was before the change. */
static void
task_set_undo_write (Task *task)
{
  gsize len;
  const char *text = g_bytes_get_data (task->change->before, &len);

  task->write = (RecapFileWrite) { task->change->file, text, len, FALSE };
}

/* Writes @task's change. */
static void
task_set_write (Task *task)
{
  Change *change = task->change;
  gsize insert_len;
  const char *insert = g_bytes_get_data (change->insert, &insert_len);

  task_set_undo_write (task);
  task->write.cut = change->cut;
  task->write.cut_len = change->cut_len;
  task->write.insert = insert;
  task->write.insert_len = insert_len;
}

static GArray *
tasks_new (guint n)
{
  GArray *tasks = g_array_sized_new (FALSE, TRUE, sizeof (Task), n);

  g_array_set_clear_func (tasks, (GDestroyNotify) task_clear);
  g_array_set_size (tasks, n);
  return tasks;
}

#define TASK(tasks, i) (&g_array_index ((tasks), Task, (i)))

/* What the worker threads share. */
typedef struct {
  RecapEditFunc      func;
  gconstpointer      data;
  RecapProgressFunc  progress;
  gpointer           progress_data;
  GCancellable      *cancellable;
  GMutex             lock;
  guint              done;
  guint              total;
} Job;

/* One call at a time, so that @done only grows. */
static void
job_advance (Job *job)
{
  if (job->progress == NULL)
    return;
  g_mutex_lock (&job->lock);
  /* Each task advances once: the count never passes the total. */
  g_assert (job->done < job->total);
  job->progress (++job->done, job->total, job->progress_data);
  g_mutex_unlock (&job->lock);
}

/* Reading and parsing take CPU: one thread a processor. */
static void
run_tasks (GArray *tasks,
           GFunc   prepare,
           Job    *job)
{
  GThreadPool *pool = g_thread_pool_new (prepare, job, g_get_num_processors (), FALSE, NULL);

  for (guint i = 0; i < tasks->len; i++)
    g_thread_pool_push (pool, TASK (tasks, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* Failures named in full in a report; more are counted. */
#define MAX_NAMED_FAILURES 20

typedef struct {
  GError  *first;
  GString *others; /* the messages of the next ones, a line each */
  guint    named;
  guint    count;
} Failures;

/* Keeps the first error and the messages of the next few (each names its
 * file), counting @count files. */
static void
note_failures (Failures *failures,
               GError   *error,
               guint     count)
{
  g_assert (error != NULL);

  if (failures->first == NULL)
    failures->first = error;
  else
    {
      if (failures->others == NULL)
        failures->others = g_string_new (NULL);
      if (++failures->named < MAX_NAMED_FAILURES)
        g_string_append_printf (failures->others, "\n%s", error->message);
      g_error_free (error);
    }
  failures->count += count;
}

static gboolean
report_failures (Failures  *failures,
                 GError   **error)
{
  if (failures->first == NULL)
    return TRUE;
  if (failures->others != NULL)
    {
      char *message;

      if (failures->named >= MAX_NAMED_FAILURES)
        g_string_append_printf (failures->others, "\n…");
      message = g_strconcat (failures->first->message, failures->others->str, NULL);
      g_free (failures->first->message);
      failures->first->message = message;
      g_string_free (g_steal_pointer (&failures->others), TRUE);
    }
  if (failures->count > 1)
    g_prefix_error (&failures->first,
                    ngettext ("%u file was not changed. ", "%u files were not changed. ", failures->count),
                    failures->count);
  g_propagate_error (error, failures->first);
  return FALSE;
}

/* Writes the tasks' new bytes in one atomic batch. */
static void
write_tasks (GArray       *tasks,
             GCancellable *cancellable,
             Failures     *failures)
{
  g_autoptr(GPtrArray) writes = g_ptr_array_sized_new (tasks->len);
  GError *error = NULL;
  guint unwritten = 0;

  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = TASK (tasks, i);

      if (task->write.file != NULL)
        g_ptr_array_add (writes, &task->write);
    }
  if (recap_file_write_atomic_all (writes, cancellable, &error))
    return;
  for (guint i = 0; i < writes->len; i++)
    unwritten += !((RecapFileWrite *) writes->pdata[i])->replaced;
  note_failures (failures, error, unwritten);
}

/* Notes the tasks that failed before writing. */
static void
note_task_failures (GArray   *tasks,
                    Failures *failures)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = TASK (tasks, i);

      if (task->error == NULL)
        continue;
      g_prefix_error (&task->error, "%s: ", g_file_peek_path (task->change->file));
      note_failures (failures, g_steal_pointer (&task->error), 1);
    }
}

/* memcmp() == 0, where empty GBytes may give NULL. */
static gboolean
same_bytes (const char *a,
            const char *b,
            gsize       len)
{
  return len == 0 || memcmp (a, b, len) == 0;
}

/* Whether @now is @change's bytes after it. */
static gboolean
change_after_equals (Change *change,
                     GBytes *now)
{
  gsize before_len, insert_len, now_len;
  const char *before = g_bytes_get_data (change->before, &before_len);
  const char *text = g_bytes_get_data (now, &now_len);
  const char *insert = g_bytes_get_data (change->insert, &insert_len);
  gsize cut = change->cut, tail;

  g_assert (cut + change->cut_len <= before_len);
  tail = before_len - cut - change->cut_len;
  return now_len == cut + insert_len + tail && same_bytes (text, before, cut) &&
         same_bytes (text + cut, insert, insert_len) &&
         same_bytes (text + cut + insert_len, before + cut + change->cut_len, tail);
}

/* Keeps what @edit of @change's bytes changes, as its range and
 * replacement; the whole new text when they do not make it (a range that
 * does not hold is a bug of the edit, which must not reach the file). */
static void
change_set_after (Change               *change,
                  RecapFrontMatterEdit *edit)
{
  g_autoptr(GBytes) after = g_bytes_new_static (edit->text, edit->len);

  change->cut = edit->offset;
  change->cut_len = edit->old_len;
  change->insert = g_bytes_new_take (g_steal_pointer (&edit->replacement), edit->replacement_len);
  if (edit->offset + edit->old_len <= g_bytes_get_size (change->before) && change_after_equals (change, after))
    return;
  g_bytes_unref (change->insert);
  change->cut = 0;
  change->cut_len = g_bytes_get_size (change->before);
  change->insert = g_bytes_new_take (g_steal_pointer (&edit->text), edit->len);
}

/* Reads and edits @task's file: TRUE when its bytes change, @text then
 * holding them before and @edit after. */
static gboolean
edit_file (Task                  *task,
           Job                   *job,
           char                 **text,
           gsize                 *len,
           RecapFrontMatterEdit  *edit)
{
  GFile *file = task->change->file;

  return !g_cancellable_set_error_if_cancelled (job->cancellable, &task->error) &&
         recap_file_read_text (file, job->cancellable, text, len, &task->error) &&
         job->func (file, *text, *len, job->data, edit, &task->error) &&
         edit->changed;
}

static void
edit_task (gpointer item,
           gpointer user_data)
{
  Task *task = item;
  Job *job = user_data;
  Change *change = task->change;
  g_autofree char *text = NULL;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  gsize len;

  if (edit_file (task, job, &text, &len, &edit))
    {
      change->before = g_bytes_new_take (g_steal_pointer (&text), len);
      change_set_after (change, &edit);
      task_set_write (task);
    }
  job_advance (job);
}

/* As edit_task(), keeping only whether the file changes: its bytes are
 * freed at once, so the next file reuses their memory (fresh pages cost a
 * fault each: 9,690 files kept 30 MB). */
static void
preview_task (gpointer item,
              gpointer user_data)
{
  Task *task = item;
  g_autofree char *text = NULL;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  gsize len;

  task->changes = edit_file (task, user_data, &text, &len, &edit);
}

gboolean
recap_bulk_edit_apply (RecapBulkEdit      *bulk,
                       GPtrArray          *files,
                       RecapEditFunc       func,
                       gconstpointer       data,
                       RecapProgressFunc   progress,
                       gpointer            progress_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GArray) tasks = tasks_new (files->len);
  Job job = { func, data, progress, progress_data, cancellable, .total = files->len };
  Failures failures = { 0 };

  for (guint i = 0; i < files->len; i++)
    TASK (tasks, i)->change = change_new (files->pdata[i]);
  g_mutex_init (&job.lock);
  run_tasks (tasks, edit_task, &job);
  g_mutex_clear (&job.lock);
  write_tasks (tasks, cancellable, &failures);
  note_task_failures (tasks, &failures);

  /* What was written is kept for undo, even after a partial failure. */
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = TASK (tasks, i);

      if (task->write.replaced)
        g_ptr_array_add (bulk->changes, g_steal_pointer (&task->change));
    }
  return report_failures (&failures, error);
}

guint
recap_bulk_edit_preview (GPtrArray     *files,
                         RecapEditFunc  func,
                         gconstpointer  data,
                         GPtrArray     *changing,
                         GPtrArray     *errors,
                         GCancellable  *cancellable)
{
  g_autoptr(GArray) tasks = tasks_new (files->len);
  Job job = { func, data, NULL, NULL, cancellable, .total = files->len };
  guint n = 0;

  for (guint i = 0; i < files->len; i++)
    TASK (tasks, i)->change = change_new (files->pdata[i]);
  run_tasks (tasks, preview_task, &job);
  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = TASK (tasks, i);

      if (errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&task->error));
      if (!task->changes)
        continue;
      n++;
      if (changing != NULL)
        g_ptr_array_add (changing, g_object_ref (task->change->file));
    }
  return n;
}

static gboolean
trash_file (RecapBulkEdit  *bulk,
            GFile          *file,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GBytes) before = recap_file_read_bytes (file, cancellable, error);
  Change *change;

  if (before == NULL || !g_file_trash (file, cancellable, error))
    return FALSE;
  change = change_new (file);
  change->before = g_steal_pointer (&before);
  g_ptr_array_add (bulk->changes, change);
  return TRUE;
}

gboolean
recap_bulk_edit_trash (RecapBulkEdit  *bulk,
                       GPtrArray      *files,
                       GCancellable   *cancellable,
                       GError        **error)
{
  Failures failures = { 0 };

  for (guint i = 0; i < files->len; i++)
    {
      GError *file_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &file_error))
        {
          note_failures (&failures, file_error, 1);
          break;
        }
      if (!trash_file (bulk, files->pdata[i], cancellable, &file_error))
        {
          g_prefix_error (&file_error, "%s: ", g_file_peek_path (files->pdata[i]));
          note_failures (&failures, file_error, 1);
        }
    }
  return report_failures (&failures, error);
}

/* A trashed file goes back only where nothing else took its place. */
static gboolean
can_restore (Change        *change,
             GCancellable  *cancellable,
             GError       **error)
{
  if (!g_file_query_exists (change->file, cancellable))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” exists again; the trashed file was left in the trash"), g_file_peek_path (change->file));
  return FALSE;
}

/* An edited file goes back only when it was not changed again since. */
static gboolean
can_undo (Change        *change,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GBytes) now = NULL;

  if (change->insert == NULL)
    return can_restore (change, cancellable, error);
  now = recap_file_read_bytes (change->file, cancellable, error);
  if (now == NULL)
    return FALSE;
  if (change_after_equals (change, now))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” was changed again since; it was left as it is"), g_file_peek_path (change->file));
  return FALSE;
}

static void
undo_task (gpointer item,
           gpointer user_data)
{
  Task *task = item;
  Job *job = user_data;

  if (can_undo (task->change, job->cancellable, &task->error))
    task_set_undo_write (task);
}

gboolean
recap_bulk_edit_undo (RecapBulkEdit  *bulk,
                      GCancellable   *cancellable,
                      GError        **error)
{
  gsize n;
  /* The tasks take the changes: undo is offered once. */
  g_autofree Change **changes = (Change **) g_ptr_array_steal (bulk->changes, &n);
  g_autoptr(GArray) tasks = tasks_new (n);
  Job job = { .cancellable = cancellable };
  Failures failures = { 0 };

  for (guint i = 0; i < n; i++)
    TASK (tasks, i)->change = changes[i];
  run_tasks (tasks, undo_task, &job);
  write_tasks (tasks, cancellable, &failures);
  note_task_failures (tasks, &failures);
  return report_failures (&failures, error);
}
