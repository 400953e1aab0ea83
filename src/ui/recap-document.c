/* recap-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-document.h"

#include <adwaita.h>

struct _RecapDocument
{
  GtkSourceBuffer  parent_instance;

  RecapPost       *post;
  GtkSourceFile   *source_file;
};

G_DEFINE_FINAL_TYPE (RecapDocument, recap_document, GTK_SOURCE_TYPE_BUFFER)

static void
update_style_scheme (RecapDocument   *self,
                     GParamSpec      *pspec,
                     AdwStyleManager *style_manager)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
update_unsaved (RecapDocument *self)
{
  recap_post_set_unsaved (self->post, gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)));
}

static void
recap_document_dispose (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  if (self->post != NULL)
    recap_post_set_unsaved (self->post, FALSE);
  g_clear_object (&self->post);
  g_clear_object (&self->source_file);

  G_OBJECT_CLASS (recap_document_parent_class)->dispose (object);
}

/* Not in init: styling creates the tag table, a construct property of the buffer. */
static void
recap_document_constructed (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  G_OBJECT_CLASS (recap_document_parent_class)->constructed (object);

  /* Keep the last line break (or its absence) as it is on disk. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (self),
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self, NULL, style_manager);
  g_signal_connect (self, "modified-changed", G_CALLBACK (update_unsaved), NULL);
}

static void
recap_document_class_init (RecapDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = recap_document_constructed;
  object_class->dispose = recap_document_dispose;
}

static void
recap_document_init (RecapDocument *self)
{
  self->source_file = gtk_source_file_new ();
}

RecapDocument *
recap_document_new (RecapPost *post)
{
  RecapDocument *self;

  g_return_val_if_fail (RECAP_IS_POST (post), NULL);

  self = g_object_new (RECAP_TYPE_DOCUMENT, NULL);
  self->post = g_object_ref (post);
  gtk_source_file_set_location (self->source_file, recap_post_get_file (post));
  return self;
}

RecapPost *
recap_document_get_post (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->post;
}

GFile *
recap_document_get_file (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return gtk_source_file_get_location (self->source_file);
}

char *
recap_document_dup_text (RecapDocument *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecapDocument *self = g_task_get_source_object (task);
  GtkTextIter start;
  GError *error = NULL;

  if (!gtk_source_file_loader_load_finish (GTK_SOURCE_FILE_LOADER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_task_return_boolean (task, TRUE);
}

void
recap_document_load_async (RecapDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  GTask *task;

  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_document_load_async);
  loader = gtk_source_file_loader_new (GTK_SOURCE_BUFFER (self), self->source_file);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL, load_done, task);
}

gboolean
recap_document_load_finish (RecapDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecapDocument *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!gtk_source_file_saver_save_finish (GTK_SOURCE_FILE_SAVER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_task_return_boolean (task, TRUE);
}

void
recap_document_save_async (RecapDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  GTask *task;

  g_return_if_fail (RECAP_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_document_save_async);
  /* The saver writes a temporary file and renames it over the original,
   * in the encoding and newline type the loader found. */
  saver = gtk_source_file_saver_new (GTK_SOURCE_BUFFER (self), self->source_file);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL, save_done, task);
}

gboolean
recap_document_save_finish (RecapDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
