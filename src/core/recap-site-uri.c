/* recap-site-uri.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-uri.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SITE_URI_PREFIX RECAP_SITE_URI_SCHEME "://site/"

char *
recap_site_uri_base_for (const char *relative_path)
{
  g_autofree char *folder = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (relative_path != NULL, NULL);

  folder = g_path_get_dirname (relative_path);
  if (g_str_equal (folder, "."))
    return g_strdup (SITE_URI_PREFIX);
  escaped = g_uri_escape_string (folder, "/", FALSE);
  return g_strconcat (SITE_URI_PREFIX, escaped, "/", NULL);
}

static gpointer
fail (GError     **error,
      GIOErrorEnum code,
      const char  *reason,
      const char  *uri)
{
  g_set_error (error, G_IO_ERROR, code, "%s: %s", reason, uri);
  return NULL;
}

/* The decoded path segments of @uri, with "." and ".." applied. Not
 * GUri: it would silently clamp a ".." that leaves the root. */
static GPtrArray *
site_segments (const char  *uri,
               GError     **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;
  const char *rest;

  if (!g_str_has_prefix (uri, SITE_URI_PREFIX))
    return fail (error, G_IO_ERROR_INVALID_ARGUMENT, "Not a site URI", uri);

  rest = uri + strlen (SITE_URI_PREFIX);
  path = g_strndup (rest, strcspn (rest, "?#"));
  parts = g_strsplit (path, "/", -1);
  for (char **part = parts; *part != NULL; part++)
    {
      /* An encoded "/" or NUL in a segment gives NULL. */
      g_autofree char *name = g_uri_unescape_string (*part, "/");

      if (name == NULL)
        return fail (error, G_IO_ERROR_INVALID_ARGUMENT, "Invalid path", uri);
      if (*name == '\0' || g_str_equal (name, "."))
        continue;
      if (g_str_equal (name, ".."))
        {
          if (segments->len == 0)
            return fail (error, G_IO_ERROR_PERMISSION_DENIED, "Outside the site", uri);
          g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      /* Jekyll does not publish hidden files either (.git, .env, …). */
      if (name[0] == '.')
        return fail (error, G_IO_ERROR_PERMISSION_DENIED, "Hidden file", uri);
      g_ptr_array_add (segments, g_steal_pointer (&name));
    }
  return g_steal_pointer (&segments);
}

static char *
canonicalize (const char  *path,
              GError     **error)
{
  char *real_path = realpath (path, NULL);
  int saved_errno = errno;

  if (real_path == NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", g_strerror (saved_errno), path);
  return real_path;
}

/* TRUE for @folder itself and anything below it. */
static gboolean
is_inside (const char *path,
           const char *folder)
{
  gsize folder_len = strlen (folder);

  return strncmp (path, folder, folder_len) == 0 &&
         (path[folder_len] == '\0' || path[folder_len] == '/' || g_str_has_suffix (folder, "/"));
}

char *
recap_site_uri_resolve (const char  *root_path,
                        const char  *uri,
                        GError     **error)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *real_root = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *real_path = NULL;

  g_return_val_if_fail (root_path != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if ((segments = site_segments (uri, error)) == NULL ||
      (real_root = canonicalize (root_path, error)) == NULL)
    return NULL;

  g_ptr_array_insert (segments, 0, g_strdup (real_root));
  g_ptr_array_add (segments, NULL);
  candidate = g_build_filenamev ((char **) segments->pdata);

  /* Symlinks are resolved before the check, so none can lead out. */
  if ((real_path = canonicalize (candidate, error)) == NULL)
    return NULL;
  if (!is_inside (real_path, real_root))
    return fail (error, G_IO_ERROR_PERMISSION_DENIED, "Outside the site", uri);
  if (!g_file_test (real_path, G_FILE_TEST_IS_REGULAR))
    return fail (error, G_IO_ERROR_NOT_REGULAR_FILE, "Not a file", uri);
  return g_steal_pointer (&real_path);
}
