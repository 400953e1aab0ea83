/* recap-site-scheme.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-scheme.h"

#include "recap-site-uri.h"

#define REGISTERED_KEY "recap-site-scheme-registered"
#define ROOT_KEY       "recap-site-scheme-root"

typedef struct {
  char *root_path;
  char *uri;
} Lookup;

typedef struct {
  GInputStream *stream;
  goffset       size;
  char         *content_type;
} SiteFile;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->root_path);
  g_free (lookup->uri);
  g_free (lookup);
}

static void
site_file_free (SiteFile *file)
{
  g_clear_object (&file->stream);
  g_free (file->content_type);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SiteFile, site_file_free)

static char *
mime_type_for (const char *path)
{
  g_autofree char *content_type = g_content_type_guess (path, NULL, 0, NULL);

  return g_content_type_get_mime_type (content_type);
}

/* Worker thread: the resolution checks and the open touch the disk. */
static void
open_site_file (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  GError *error = NULL;
  g_autofree char *path = recap_site_uri_resolve (lookup->root_path, lookup->uri, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  SiteFile *site_file;

  if (path != NULL)
    {
      file = g_file_new_for_path (path);
      stream = g_file_read (file, cancellable, &error);
    }
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  site_file = g_new0 (SiteFile, 1);
  site_file->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  site_file->size = g_file_info_get_size (info);
  site_file->content_type = mime_type_for (path);
  g_task_return_pointer (task, site_file, (GDestroyNotify) site_file_free);
}

static void
site_file_opened (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SiteFile) file = g_task_propagate_pointer (G_TASK (result), &error);

  if (file == NULL)
    webkit_uri_scheme_request_finish_error (request, error);
  else
    webkit_uri_scheme_request_finish (request, file->stream, file->size, file->content_type);
}

static void
serve_request (WebKitURISchemeRequest *request,
               gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  const char *root_path = web_view ? g_object_get_data (G_OBJECT (web_view), ROOT_KEY) : NULL;
  g_autoptr(GTask) task = NULL;
  Lookup *lookup;

  if (root_path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No site is open");
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  lookup = g_new0 (Lookup, 1);
  lookup->root_path = g_strdup (root_path);
  lookup->uri = g_strdup (webkit_uri_scheme_request_get_uri (request));
  task = g_task_new (NULL, NULL, site_file_opened, g_object_ref (request));
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, open_site_file);
}

void
recap_site_scheme_add_to (WebKitWebView *web_view)
{
  WebKitWebContext *context;

  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  context = webkit_web_view_get_context (web_view);
  if (g_object_get_data (G_OBJECT (context), REGISTERED_KEY) != NULL)
    return;
  webkit_web_context_register_uri_scheme (context, RECAP_SITE_URI_SCHEME, serve_request, NULL, NULL);
  g_object_set_data (G_OBJECT (context), REGISTERED_KEY, GINT_TO_POINTER (TRUE));
}

void
recap_site_scheme_set_site_root (WebKitWebView *web_view,
                                 GFile         *root)
{
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));
  g_return_if_fail (!root || G_IS_FILE (root));

  g_object_set_data_full (G_OBJECT (web_view), ROOT_KEY, root ? g_file_get_path (root) : NULL, g_free);
}
