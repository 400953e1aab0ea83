/* recap-site-images.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-images.h"

#include <string.h>

#include "recap-liquid-url.h"
#include "recap-post.h"

/* Markdown images and HTML <img> sources; cmark does not say where its
 * nodes' URLs are in the text, and a regex over the body is enough to count. */
#define IMAGE_LINK_PATTERN \
  "!\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]+)|<img\\s[^>]*\\bsrc\\s*=\\s*[\"']([^\"']+)"

/* How many levels of a link's folder make the site's image folder. */
#define FOLDER_DEPTH 2

/* The site-relative folder @url (from the post at @relative_path) is in,
 * cut to FOLDER_DEPTH levels; NULL for remote URLs, files at the root,
 * Liquid left unexpanded and folders Jekyll does not publish ("_posts"). */
static char *
site_folder_of (const char *url,
                const char *relative_path,
                const char *baseurl)
{
  g_autofree char *path = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_auto(GStrv) levels = NULL;

  if (g_uri_peek_scheme (url) != NULL || g_str_has_prefix (url, "//") ||
      strstr (url, "{{") != NULL || strstr (url, "{%") != NULL)
    return NULL;
  path = g_uri_unescape_segment (url, url + strcspn (url, "?#"), NULL);
  if (path == NULL)
    return NULL;
  if (*baseurl != '\0' && g_str_has_prefix (path, baseurl) && path[strlen (baseurl)] == '/')
    memmove (path, path + strlen (baseurl), strlen (path + strlen (baseurl)) + 1);
  if (path[0] == '/')
    absolute = g_canonicalize_filename (path, "/");
  else
    {
      g_autofree char *post_folder = g_path_get_dirname (relative_path);
      g_autofree char *base = g_build_filename ("/", post_folder, NULL);
      absolute = g_canonicalize_filename (path, base);
    }
  folder = g_path_get_dirname (absolute + 1);
  if (g_str_equal (folder, ".") || *folder == '\0' || *folder == '_')
    return NULL;
  levels = g_strsplit (folder, "/", FOLDER_DEPTH + 1);
  if (g_strv_length (levels) > FOLDER_DEPTH)
    g_clear_pointer (&levels[FOLDER_DEPTH], g_free);
  return g_strjoinv ("/", levels);
}

/* Adds one vote to each folder @post links images into. */
static void
count_post_folders (RecapPost  *post,
                    GRegex     *regex,
                    const char *baseurl,
                    GHashTable *votes)
{
  const char *body = recap_post_get_body (post);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer folder;

  if (body == NULL || (strstr (body, "![") == NULL && strstr (body, "<img") == NULL))
    return;
  text = recap_liquid_url_expand (body, strlen (body));
  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *url = g_match_info_fetch (match, 1);
      char *found;

      if (url == NULL || *url == '\0')
        {
          g_free (url);
          url = g_match_info_fetch (match, 2);
        }
      found = site_folder_of (url, recap_post_get_relative_path (post), baseurl);
      if (found != NULL)
        g_hash_table_add (seen, found);
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (votes, folder));
      g_hash_table_insert (votes, g_strdup (folder), GUINT_TO_POINTER (count + 1));
    }
}

char *
recap_site_images_guess_folder (GListModel *posts,
                                const char *baseurl)
{
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) regex = g_regex_new (IMAGE_LINK_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  const char *best = NULL;
  guint best_votes = 0;
  GHashTableIter iter;
  gpointer folder, count;

  g_return_val_if_fail (G_IS_LIST_MODEL (posts), NULL);
  g_assert (regex != NULL);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      count_post_folders (post, regex, baseurl ? baseurl : "", votes);
    }
  /* The most votes; of equals, the first by name, so that the answer is stable. */
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &folder, &count))
    if (GPOINTER_TO_UINT (count) > best_votes ||
        (GPOINTER_TO_UINT (count) == best_votes && strcmp (folder, best) < 0))
      {
        best = folder;
        best_votes = GPOINTER_TO_UINT (count);
      }
  return g_strdup (best ? best : RECAP_SITE_IMAGES_DEFAULT_FOLDER);
}

/* @setting without slashes at its ends; NULL when empty or when it would
 * leave the site. */
static char *
normalize_setting (const char *setting)
{
  g_autofree char *folder = g_strdup (setting ? setting : "");
  g_auto(GStrv) levels = NULL;

  g_strstrip (folder);
  while (g_str_has_suffix (folder, "/"))
    folder[strlen (folder) - 1] = '\0';
  levels = g_strsplit (folder[0] == '/' ? folder + 1 : folder, "/", -1);
  if (levels[0] == NULL || *levels[0] == '\0')
    return NULL;
  for (guint i = 0; levels[i] != NULL; i++)
    if (*levels[i] == '\0' || g_str_equal (levels[i], ".") || g_str_equal (levels[i], ".."))
      return NULL;
  return g_strjoinv ("/", levels);
}

char *
recap_site_images_choose_folder (const char *setting,
                                 GListModel *posts,
                                 const char *baseurl)
{
  char *folder = normalize_setting (setting);

  return folder ? folder : recap_site_images_guess_folder (posts, baseurl);
}

char *
recap_site_images_stem (const char *relative_path)
{
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (relative_path != NULL, NULL);

  name = g_path_get_basename (relative_path);
  if ((dot = strrchr (name, '.')) != NULL && dot != name)
    *dot = '\0';
  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL && !((guchar) *p & 0x80))
      *p = '-';
  return g_steal_pointer (&name);
}

/* The numbers N of the names STEM-N.ANYTHING in @folder: an image's
 * number stays its own whatever the other images' formats. */
static GHashTable *
numbers_taken (GFile        *folder,
               const char   *stem,
               GCancellable *cancellable)
{
  GHashTable *taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      char *end = NULL;
      guint64 number = 0;

      if (g_str_has_prefix (name, prefix) && g_ascii_isdigit (name[strlen (prefix)]))
        number = g_ascii_strtoull (name + strlen (prefix), &end, 10);
      if (number > 0 && number < G_MAXUINT && end != NULL && *end == '.')
        g_hash_table_add (taken, GUINT_TO_POINTER ((guint) number));
      g_object_unref (info);
    }
  return taken;
}

/* Writes @source into a new file: STEM-N.EXTENSION with the first N no
 * name uses; created exclusively, so that a name taken meanwhile is not
 * overwritten either. */
static GFile *
create_free_name (GFile         *folder,
                  const char    *stem,
                  const char    *extension,
                  GInputStream  *source,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GHashTable) taken = numbers_taken (folder, stem, cancellable);

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) create_error = NULL;
      g_autoptr(GFileOutputStream) out = NULL;

      if (g_hash_table_contains (taken, GUINT_TO_POINTER (n)))
        continue;
      name = g_strdup_printf ("%s-%u.%s", stem, n, extension);
      file = g_file_get_child (folder, name);
      out = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &create_error);
      if (g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      if (out == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return NULL;
        }
      if (g_output_stream_splice (G_OUTPUT_STREAM (out), source,
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error) < 0)
        {
          g_file_delete (file, NULL, NULL);
          return NULL;
        }
      return g_steal_pointer (&file);
    }
}

GFile *
recap_site_images_copy (GFile         *root,
                        const char    *folder,
                        const char    *stem,
                        const char    *extension,
                        GInputStream  *source,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) mkdir_error = NULL;

  g_return_val_if_fail (G_IS_FILE (root), NULL);
  g_return_val_if_fail (folder != NULL && stem != NULL && extension != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (source), NULL);

  dir = g_file_resolve_relative_path (root, folder);
  if (!g_file_make_directory_with_parents (dir, cancellable, &mkdir_error) &&
      !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return NULL;
    }
  return create_free_name (dir, stem, extension, source, cancellable, error);
}

char *
recap_site_images_link (const char *folder,
                        const char *name,
                        const char *baseurl)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (folder != NULL && name != NULL, NULL);

  path = g_strconcat ("/", folder, "/", name, NULL);
  escaped = g_uri_escape_string (path, "/", TRUE);
  url = recap_liquid_url_for (escaped, baseurl);
  return g_strdup_printf ("![](%s)", url);
}

gsize
recap_site_images_insert_point (const char *line,
                                gsize       offset)
{
  g_autoptr(GRegex) regex = g_regex_new ("!\\[[^\\]\\n]*\\]\\([^)\\n]*\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (line != NULL, offset);

  for (g_regex_match (regex, line, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if ((gsize) start < offset && offset < (gsize) end)
        return end;
    }
  return offset;
}

gboolean
recap_site_images_is_linked (const char *text,
                             const char *site_relative_path)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL && site_relative_path != NULL, FALSE);

  escaped = g_uri_escape_string (site_relative_path, "/", TRUE);
  return strstr (text, site_relative_path) != NULL || strstr (text, escaped) != NULL;
}
