/* recap-export.c: an open post exported to HTML or PDF, or printed
 *
 * The HTML is the core's (recap-post-export.c), made in a worker thread
 * from a copy of the buffer's text. PDF and printing load it, images
 * embedded, into an offscreen WebKitWebView without scripts and hand that
 * to WebKitPrintOperation: to GTK's "Print to File" printer for a PDF,
 * through the print dialog otherwise.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <webkit/webkit.h>

#include "recap-export.h"

/* GTK's file print backend names its printer so, whatever the language. */
#define PRINT_TO_FILE "Print to File"

typedef struct {
  char              *text;
  char              *relative_path;
  GFile             *root;
  RecapExportImages  images;
  GFile             *out;       /* HTML or PDF file; NULL to print */
  char              *html;      /* printing: the page */
  GtkWindow         *parent;
  WebKitWebView     *web_view;
  WebKitPrintOperation *operation;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->text);
  g_free (job->relative_path);
  g_clear_object (&job->root);
  g_clear_object (&job->out);
  g_free (job->html);
  g_clear_object (&job->parent);
  g_clear_object (&job->operation);
  g_clear_object (&job->web_view);
  g_free (job);
}

static GTask *
export_task_new (RecapDocument       *document,
                 GFile               *root,
                 RecapExportImages    images,
                 GFile               *out,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->text = recap_document_dup_text (document);
  job->relative_path = g_strdup (recap_post_get_relative_path (recap_document_get_post (document)));
  job->root = g_object_ref (root);
  job->images = images;
  job->out = out ? g_object_ref (out) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  return task;
}

/* HTML */

static void
write_html_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (recap_post_export_write (job->text, strlen (job->text), job->root, job->relative_path,
                               job->images, job->out, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
recap_export_html_async (RecapDocument       *document,
                         GFile               *root,
                         RecapExportImages    images,
                         GFile               *out,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RECAP_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (root) && G_IS_FILE (out));

  task = export_task_new (document, root, images, out, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_export_html_async);
  g_task_run_in_thread (task, write_html_in_thread);
}

/* PDF and printing */

/* WebKit emits "finished" after "failed" too: the first one answers. */
static void
print_finished (WebKitPrintOperation *operation,
                GTask                *task)
{
  g_signal_handlers_disconnect_by_data (operation, task);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
print_failed (WebKitPrintOperation *operation,
              const GError         *error,
              GTask                *task)
{
  g_signal_handlers_disconnect_by_data (operation, task);
  g_task_return_error (task, g_error_copy (error));
  g_object_unref (task);
}

static GtkPrintSettings *
pdf_settings (GFile *out)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  g_autofree char *uri = g_file_get_uri (out);

  gtk_print_settings_set_printer (settings, PRINT_TO_FILE);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  return settings;
}

/* The page is in: print it. The task's reference goes with the operation's end. */
static void
page_loaded (WebKitWebView   *web_view,
             WebKitLoadEvent  event,
             GTask           *task)
{
  ExportJob *job = g_task_get_task_data (task);
  WebKitPrintOperation *operation;

  if (event != WEBKIT_LOAD_FINISHED)
    return;
  g_signal_handlers_disconnect_by_func (web_view, page_loaded, task);
  operation = job->operation = webkit_print_operation_new (web_view);
  g_signal_connect (operation, "finished", G_CALLBACK (print_finished), task);
  g_signal_connect (operation, "failed", G_CALLBACK (print_failed), task);
  if (job->out != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = pdf_settings (job->out);

      webkit_print_operation_set_print_settings (operation, settings);
      webkit_print_operation_print (operation);
    }
  else if (webkit_print_operation_run_dialog (operation, job->parent) == WEBKIT_PRINT_OPERATION_RESPONSE_CANCEL)
    {
      g_signal_handlers_disconnect_by_data (operation, task);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Printing cancelled");
      g_object_unref (task);
    }
}

/* A view that runs nothing and loads nothing but the page's own images. */
static WebKitWebView *
print_view_new (void)
{
  g_autoptr(WebKitSettings) settings = g_object_new (WEBKIT_TYPE_SETTINGS,
                                                     "enable-javascript", FALSE,
                                                     "enable-html5-database", FALSE,
                                                     "enable-html5-local-storage", FALSE,
                                                     "enable-page-cache", FALSE,
                                                     "print-backgrounds", TRUE,
                                                     NULL);

  return g_object_ref_sink (g_object_new (WEBKIT_TYPE_WEB_VIEW, "settings", settings, NULL));
}

static void
page_made (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = G_TASK (result);
  GTask *print_task = user_data;
  ExportJob *job = g_task_get_task_data (print_task);
  GError *error = NULL;

  job->html = g_task_propagate_pointer (task, &error);
  if (job->html == NULL)
    {
      g_task_return_error (print_task, error);
      g_object_unref (print_task);
      return;
    }
  job->web_view = print_view_new ();
  g_signal_connect (job->web_view, "load-changed", G_CALLBACK (page_loaded), print_task);
  webkit_web_view_load_html (job->web_view, job->html, "about:blank");
}

static void
make_page_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  char *html = recap_post_export_html (job->text, strlen (job->text), job->root, job->relative_path,
                                       RECAP_EXPORT_IMAGES_EMBED, NULL, cancellable, &error);

  if (html != NULL)
    g_task_return_pointer (task, html, g_free);
  else
    g_task_return_error (task, error);
}

void
recap_export_print_async (RecapDocument       *document,
                          GFile               *root,
                          GFile               *out,
                          GtkWindow           *parent,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) page_task = NULL;
  ExportJob *job;

  g_return_if_fail (RECAP_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (root));
  g_return_if_fail (out != NULL || GTK_IS_WINDOW (parent));

  /* Held until the print operation ends. */
  task = export_task_new (document, root, RECAP_EXPORT_IMAGES_EMBED, out, NULL, callback, user_data);
  g_task_set_source_tag (task, recap_export_print_async);
  job = g_task_get_task_data (task);
  job->parent = parent ? g_object_ref (parent) : NULL;

  page_task = g_task_new (NULL, NULL, page_made, task);
  g_task_set_task_data (page_task, job, NULL);
  g_task_run_in_thread (page_task, make_page_in_thread);
}

gboolean
recap_export_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
