/* recap-post-export.c
 *
 * Image sources are rewritten with a regex: the body is cmark's own output
 * (raw HTML never passes), whose <img src="…"> form is fixed.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post-export.h"

#include <string.h>

#include "recap-file-util.h"
#include "recap-front-matter.h"
#include "recap-post-html.h"
#include "recap-site-uri.h"

#define STYLESHEET        "/io/github/recapnotes/Recap/preview/preview.css"
#define IMG_SRC_PATTERN   "(<img src=\")([^\"]*)(\")"
/* As in the preview: nothing runs; images from anywhere, the file's own folder included. */
#define CONTENT_POLICY    "default-src 'none'; style-src 'unsafe-inline'; img-src * data:"

typedef struct {
  RecapExportImages  images;
  char              *root_path;
  char              *base_uri;      /* the post's folder, as a recap-site: URI */
  GFile             *copy_folder;   /* RECAP_EXPORT_IMAGES_COPY: where copies go */
  char              *copy_href;     /* and its name, relative to the file */
  GHashTable        *copied;        /* source path → href, so each copies once */
  GHashTable        *names;         /* the names in copy_folder */
  GCancellable      *cancellable;
  GError            *error;         /* the first failure */
} Rewrite;

static void
rewrite_clear (Rewrite *rewrite)
{
  g_free (rewrite->root_path);
  g_free (rewrite->base_uri);
  g_clear_object (&rewrite->copy_folder);
  g_free (rewrite->copy_href);
  g_clear_pointer (&rewrite->copied, g_hash_table_unref);
  g_clear_pointer (&rewrite->names, g_hash_table_unref);
  g_clear_error (&rewrite->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rewrite, rewrite_clear)

/* The file inside the site that @src (as cmark escaped it) names, or NULL. */
static char *
site_file_of (Rewrite    *rewrite,
              const char *src)
{
  g_autoptr(GString) url = g_string_new (src);
  g_autofree char *uri = NULL;

  g_string_replace (url, "&amp;", "&", 0);
  uri = g_uri_resolve_relative (rewrite->base_uri, url->str, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_peek_scheme (uri), RECAP_SITE_URI_SCHEME) != 0)
    return NULL;
  return recap_site_uri_resolve (rewrite->root_path, uri, NULL);
}

static char *
embed (Rewrite    *rewrite,
       const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *base64 = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  type = g_content_type_guess (path, (const guchar *) data, len, NULL);
  mime = g_content_type_get_mime_type (type);
  /* Only images: a page linking another site file as an image gets no copy of it. */
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    return NULL;
  base64 = g_base64_encode ((const guchar *) data, len);
  return g_strdup_printf ("data:%s;base64,%s", mime, base64);
}

/* A name in the copy folder no other image took: NAME, NAME-2… */
static char *
free_copy_name (Rewrite    *rewrite,
                const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');
  g_autofree char *stem = g_strndup (basename, dot && dot != basename ? (gsize) (dot - basename) : strlen (basename));
  const char *extension = dot && dot != basename ? dot : "";
  char *name = g_strdup (basename);

  for (guint n = 2; g_hash_table_contains (rewrite->names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u%s", stem, n, extension);
    }
  g_hash_table_add (rewrite->names, name);
  return g_strdup (name);
}

static char *
copy_beside (Rewrite    *rewrite,
             const char *path)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  const char *href = g_hash_table_lookup (rewrite->copied, path);

  if (href != NULL)
    return g_strdup (href);
  if (!g_file_make_directory_with_parents (rewrite->copy_folder, rewrite->cancellable, NULL) &&
      !g_file_query_exists (rewrite->copy_folder, NULL))
    {
      g_set_error (&rewrite->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not create %s", g_file_peek_path (rewrite->copy_folder));
      return NULL;
    }
  name = free_copy_name (rewrite, path);
  target = g_file_get_child (rewrite->copy_folder, name);
  /* The folder is the export's own: a new export replaces what an older one put there. */
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, rewrite->cancellable, NULL, NULL, &rewrite->error))
    return NULL;
  escaped = g_uri_escape_string (name, NULL, TRUE);
  g_hash_table_insert (rewrite->copied, g_strdup (path), g_strconcat (rewrite->copy_href, "/", escaped, NULL));
  return g_strdup (g_hash_table_lookup (rewrite->copied, path));
}

static gboolean
rewrite_src (const GMatchInfo *match,
             GString          *result,
             gpointer          user_data)
{
  Rewrite *rewrite = user_data;
  g_autofree char *src = g_match_info_fetch (match, 2);
  g_autofree char *path = rewrite->error ? NULL : site_file_of (rewrite, src);
  g_autofree char *new_src = NULL;

  if (path != NULL)
    new_src = rewrite->images == RECAP_EXPORT_IMAGES_EMBED ? embed (rewrite, path) : copy_beside (rewrite, path);
  g_string_append_printf (result, "<img src=\"%s\"", new_src ? new_src : src);
  return rewrite->error != NULL;
}

static void
rewrite_init (Rewrite            *rewrite,
              GFile              *root,
              const char         *relative_path,
              RecapExportImages   images,
              GFile              *out,
              GCancellable       *cancellable)
{
  rewrite->images = images;
  rewrite->root_path = g_file_get_path (root);
  rewrite->base_uri = recap_site_uri_base_for (relative_path);
  rewrite->copied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rewrite->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rewrite->cancellable = cancellable;
  if (images == RECAP_EXPORT_IMAGES_COPY)
    {
      g_autofree char *stem = g_file_get_basename (out);
      char *dot = strrchr (stem, '.');
      g_autoptr(GFile) parent = g_file_get_parent (out);
      g_autofree char *folder_name = NULL;

      if (dot != NULL && dot != stem)
        *dot = '\0';
      folder_name = g_strconcat (stem, "_files", NULL);
      rewrite->copy_folder = g_file_get_child (parent, folder_name);
      rewrite->copy_href = g_uri_escape_string (folder_name, NULL, TRUE);
    }
}

/* The post's title, else its file name. */
static char *
document_title (const char *text,
                gsize       len,
                const char *relative_path)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);
  g_autofree char *title = fm ? recap_front_matter_get_string (fm, "title") : NULL;

  return title && *g_strstrip (title) ? g_steal_pointer (&title) : g_path_get_basename (relative_path);
}

static char *
stylesheet (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (STYLESHEET, 0, NULL);

  g_assert (css != NULL);
  return g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));
}

char *
recap_post_export_html (const char         *text,
                        gsize               len,
                        GFile              *root,
                        const char         *relative_path,
                        RecapExportImages   images,
                        GFile              *out,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_auto(Rewrite) rewrite = { 0 };
  g_autoptr(GRegex) regex = g_regex_new (IMG_SRC_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autofree char *body = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *css = stylesheet ();

  g_return_val_if_fail (text != NULL && relative_path != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (images == RECAP_EXPORT_IMAGES_EMBED || G_IS_FILE (out), NULL);

  rewrite_init (&rewrite, root, relative_path, images, out, cancellable);
  body = recap_post_html_render (text, len, relative_path, RECAP_MARKDOWN_NONE);
  rewritten = g_regex_replace_eval (regex, body, -1, 0, 0, rewrite_src, &rewrite, NULL);
  if (rewrite.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&rewrite.error));
      return NULL;
    }
  title = document_title (text, len, relative_path);
  escaped_title = g_markup_escape_text (title, -1);
  return g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html>\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"
                          "<meta name=\"generator\" content=\"Recap\">\n"
                          "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n"
                          "<article class=\"markdown-body\">\n%s</article>\n</body>\n</html>\n",
                          CONTENT_POLICY, escaped_title, css, rewritten);
}

gboolean
recap_post_export_write (const char         *text,
                         gsize               len,
                         GFile              *root,
                         const char         *relative_path,
                         RecapExportImages   images,
                         GFile              *out,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (G_IS_FILE (out), FALSE);

  html = recap_post_export_html (text, len, root, relative_path, images, out, cancellable, error);
  return html != NULL && recap_file_write_atomic (out, html, strlen (html), cancellable, error);
}
