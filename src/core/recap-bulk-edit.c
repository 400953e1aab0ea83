/* recap-bulk-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-bulk-edit.h"

#include <glib/gi18n.h>

#include "recap-file-util.h"

typedef struct {
  GFile  *file;
  GBytes *before;
  GBytes *after;   /* NULL: the file went to the trash */
} Change;

struct _RecapBulkEdit
{
  GPtrArray *changes;
};

static void
change_free (Change *change)
{
  g_clear_object (&change->file);
  g_clear_pointer (&change->before, g_bytes_unref);
  g_clear_pointer (&change->after, g_bytes_unref);
  g_free (change);
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

static void
add_change (RecapBulkEdit *bulk,
            GFile         *file,
            GBytes        *before,
            GBytes        *after)
{
  Change *change = g_new0 (Change, 1);

  change->file = g_object_ref (file);
  change->before = before;
  change->after = after;
  g_ptr_array_add (bulk->changes, change);
}

static gboolean
edit_file (RecapBulkEdit  *bulk,
           GFile          *file,
           RecapEditFunc   func,
           gconstpointer   data,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autofree char *text = NULL;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  gsize len;

  if (!recap_file_read_text (file, cancellable, &text, &len, error) ||
      !func (file, text, len, data, &edit, error))
    return FALSE;
  if (!edit.changed)
    return TRUE;
  if (!recap_file_write_atomic (file, edit.text, edit.len, cancellable, error))
    return FALSE;

  add_change (bulk, file, g_bytes_new_take (g_steal_pointer (&text), len), g_bytes_new (edit.text, edit.len));
  return TRUE;
}

/* Keeps the first error, counting the others. */
static void
note_failure (GError  **first,
              guint    *failures,
              GError   *error)
{
  if (*first == NULL)
    *first = error;
  else
    g_error_free (error);
  (*failures)++;
}

static gboolean
report_failures (GError  *first,
                 guint    failures,
                 GError **error)
{
  if (first == NULL)
    return TRUE;
  if (failures > 1)
    g_prefix_error (&first, ngettext ("%u file was not changed. ", "%u files were not changed. ", failures),
                    failures);
  g_propagate_error (error, first);
  return FALSE;
}

typedef gboolean (*FileFunc) (RecapBulkEdit *bulk, GFile *file, RecapEditFunc func, gconstpointer data,
                              GCancellable *cancellable, GError **error);

/* Runs @file_func on each file, going on after failures. */
static gboolean
for_each_file (RecapBulkEdit      *bulk,
               GPtrArray          *files,
               FileFunc            file_func,
               RecapEditFunc       func,
               gconstpointer       data,
               RecapProgressFunc   progress,
               gpointer            progress_data,
               GCancellable       *cancellable,
               GError            **error)
{
  GError *first = NULL;
  guint failures = 0;

  for (guint i = 0; i < files->len; i++)
    {
      GError *file_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &file_error))
        {
          note_failure (&first, &failures, file_error);
          break;
        }
      if (!file_func (bulk, files->pdata[i], func, data, cancellable, &file_error))
        {
          g_prefix_error (&file_error, "%s: ", g_file_peek_path (files->pdata[i]));
          note_failure (&first, &failures, file_error);
        }
      if (progress != NULL)
        progress (i + 1, files->len, progress_data);
    }
  return report_failures (first, failures, error);
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
  return for_each_file (bulk, files, edit_file, func, data, progress, progress_data, cancellable, error);
}

static gboolean
trash_file (RecapBulkEdit  *bulk,
            GFile          *file,
            RecapEditFunc   func,
            gconstpointer   data,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GBytes) before = g_file_load_bytes (file, cancellable, NULL, error);

  if (before == NULL || !g_file_trash (file, cancellable, error))
    return FALSE;
  add_change (bulk, file, g_steal_pointer (&before), NULL);
  return TRUE;
}

gboolean
recap_bulk_edit_trash (RecapBulkEdit  *bulk,
                       GPtrArray      *files,
                       GCancellable   *cancellable,
                       GError        **error)
{
  return for_each_file (bulk, files, trash_file, NULL, NULL, NULL, NULL, cancellable, error);
}

/* Puts a trashed file back where it was (whole, through a temporary file),
 * unless something else is there now. */
static gboolean
restore_file (Change        *change,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (change->before, &len);

  if (g_file_query_exists (change->file, cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” exists again; the trashed file was left in the trash"), g_file_peek_path (change->file));
      return FALSE;
    }
  return recap_file_write_atomic (change->file, bytes, len, cancellable, error);
}

static gboolean
undo_change (Change        *change,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) now = NULL;
  gsize len;
  const char *before = g_bytes_get_data (change->before, &len);

  if (change->after == NULL)
    return restore_file (change, cancellable, error);
  now = g_file_load_bytes (change->file, cancellable, NULL, error);
  if (now == NULL)
    return FALSE;
  if (!g_bytes_equal (now, change->after))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” was changed again since; it was left as it is"), g_file_peek_path (change->file));
      return FALSE;
    }
  return recap_file_write_atomic (change->file, before, len, cancellable, error);
}

gboolean
recap_bulk_edit_undo (RecapBulkEdit  *bulk,
                      GCancellable   *cancellable,
                      GError        **error)
{
  GError *first = NULL;
  guint failures = 0;

  for (guint i = 0; i < bulk->changes->len; i++)
    {
      GError *file_error = NULL;

      if (!undo_change (bulk->changes->pdata[i], cancellable, &file_error))
        note_failure (&first, &failures, file_error);
    }
  g_ptr_array_set_size (bulk->changes, 0);
  return report_failures (first, failures, error);
}
