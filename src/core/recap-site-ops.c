/* recap-site-ops.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-ops.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-file-util.h"
#include "recap-jekyll-date.h"
#include "recap-post.h"
#include "recap-taxonomy.h"
#include "recap-yaml-quote.h"

/* Room for "YYYY-MM-DD-", a "-NN" suffix and ".md" within NAME_MAX (255). */
#define SLUG_MAX_BYTES 200

/* Jekyll's slugify default mode keeps marks, letters and decimal digits
 * (/[^\p{M}\p{L}\p{Nd}]+/); GLib's character classes are the same sets. */
static gboolean
is_slug_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
recap_slugify (const char *title)
{
  g_autofree char *valid = g_utf8_make_valid (title ? title : "", -1);
  g_autofree char *composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *lower = g_utf8_strdown (composed, -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_slug_char (c))
        {
          if (slug->len + (g_utf8_next_char (p) - p) > SLUG_MAX_BYTES)
            break;
          g_string_append_unichar (slug, c);
        }
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "untitled");
  return g_string_free (slug, FALSE);
}

static const char *
template_body (RecapTemplate template)
{
  switch (template)
    {
    case RECAP_TEMPLATE_MEETUP_REPORT:
      return _("\n"
               "## Talks\n"
               "\n"
               "### Talk title, by Speaker\n"
               "\n"
               "What it was about, and what you took home.\n"
               "\n"
               "## Lightning talks\n"
               "\n"
               "- \n"
               "\n"
               "## Links\n"
               "\n"
               "- Slides: \n"
               "- Meetup page: \n");
    case RECAP_TEMPLATE_CONFERENCE_NOTES:
      return _("\n"
               "## Day one\n"
               "\n"
               "### Talk title, by Speaker\n"
               "\n"
               "- \n"
               "\n"
               "## Hallway track\n"
               "\n"
               "- \n"
               "\n"
               "## Take-aways\n"
               "\n"
               "- \n");
    case RECAP_TEMPLATE_BLANK:
    default:
      return "\n";
    }
}

gboolean
recap_template_from_name (const char    *name,
                          RecapTemplate *template)
{
  static const char * const names[] = {
    [RECAP_TEMPLATE_MEETUP_REPORT] = "meetup-report",
    [RECAP_TEMPLATE_CONFERENCE_NOTES] = "conference-notes",
    [RECAP_TEMPLATE_BLANK] = "blank",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *template = i;
        return TRUE;
      }
  return FALSE;
}

static void
append_scalar (GString    *text,
               const char *key,
               const char *value,
               RecapYamlStyle style)
{
  g_autofree char *quoted = NULL;

  if (value == NULL || *value == '\0')
    return;
  quoted = recap_yaml_quote_scalar (value, style, RECAP_YAML_TYPE_STRING, FALSE);
  g_string_append_printf (text, "%s: %s\n", key, quoted);
}

static void
append_tags (GString            *text,
             const char * const *tags)
{
  if (tags == NULL || tags[0] == NULL)
    return;
  g_string_append (text, "tags: [");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *quoted = recap_yaml_quote_scalar (tags[i], RECAP_YAML_STYLE_PLAIN,
                                                         RECAP_YAML_TYPE_STRING, TRUE);
      g_string_append_printf (text, "%s%s", i ? ", " : "", quoted);
    }
  g_string_append (text, "]\n");
}

char *
recap_new_post_text (const RecapNewPost *post)
{
  GString *text = g_string_new ("---\nlayout: post\n");
  g_autofree char *date = post->date ? recap_front_matter_format_date (post->date) : NULL;

  append_scalar (text, "title", post->title, RECAP_YAML_STYLE_DOUBLE_QUOTED);
  if (date != NULL)
    g_string_append_printf (text, "date: %s\n", date);
  append_scalar (text, "author", post->author, RECAP_YAML_STYLE_PLAIN);
  append_scalar (text, "event", post->event, RECAP_YAML_STYLE_DOUBLE_QUOTED);
  append_tags (text, post->tags);
  g_string_append (text, "---\n");
  g_string_append (text, template_body (post->template));
  return g_string_free (text, FALSE);
}

static char *
post_basename (const RecapNewPost *post,
               const char         *slug,
               guint               attempt)
{
  g_autofree char *day = g_date_time_format (post->date, "%Y-%m-%d");
  g_autofree char *suffix = attempt > 1 ? g_strdup_printf ("-%u", attempt) : g_strdup ("");

  return post->draft ? g_strdup_printf ("%s%s.md", slug, suffix)
                     : g_strdup_printf ("%s-%s%s.md", day, slug, suffix);
}

/* Creates @file with @text; fails, touching nothing, when it exists. */
static gboolean
create_file (GFile         *file,
             const char    *text,
             gsize          len,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) mkdir_error = NULL;

  if (!g_file_make_directory_with_parents (folder, cancellable, &mkdir_error) &&
      !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return FALSE;
    }
  stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, error);
  return stream != NULL &&
         g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, len, NULL, cancellable, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* Creates @text (@len bytes) under @folder with the first free name @name_for gives. */
static GFile *
create_unique (GFile         *folder,
               char        *(*name_for) (gconstpointer data, guint attempt),
               gconstpointer  data,
               const char    *text,
               gsize          len,
               GCancellable  *cancellable,
               GError       **error)
{
  for (guint attempt = 1; attempt < 1000; attempt++)
    {
      g_autofree char *name = name_for (data, attempt);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GError) create_error = NULL;

      if (create_file (file, text, len, cancellable, &create_error))
        return g_steal_pointer (&file);
      if (!g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return NULL;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many files with this name"));
  return NULL;
}

typedef struct {
  const RecapNewPost *post;
  char               *slug;
} NewPostName;

static char *
new_post_name (gconstpointer data,
               guint         attempt)
{
  const NewPostName *name = data;

  return post_basename (name->post, name->slug, attempt);
}

GFile *
recap_create_post (GFile               *root,
                   const RecapNewPost  *post,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GFile) folder = g_file_get_child (root, post->draft ? "_drafts" : "_posts");
  g_autofree char *text = recap_new_post_text (post);
  g_autofree char *slug = recap_slugify (post->title);
  NewPostName name = { post, slug };

  return create_unique (folder, new_post_name, &name, text, strlen (text), cancellable, error);
}

/* Edits */

gboolean
recap_edit_rename_tag (GFile                *file,
                       const char           *text,
                       gsize                 len,
                       gconstpointer         data,
                       RecapFrontMatterEdit *out,
                       GError              **error)
{
  const RecapTagRename *rename = data;
  RecapValueEdit edit = { RECAP_TAXONOMY_TAGS, (const char *[]) { rename->old_tag, NULL }, rename->new_tag };

  return recap_edit_values (file, text, len, &edit, out, error);
}

gboolean
recap_edit_set_event (GFile                *file,
                      const char           *text,
                      gsize                 len,
                      gconstpointer         data,
                      RecapFrontMatterEdit *out,
                      GError              **error)
{
  const char *event = data;
  RecapKeyEdit edit = { "event", event != NULL && *event != '\0' ? event : NULL };

  return recap_edit_key (file, text, len, &edit, out, error);
}

static GDateTime *
modification_date (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);
  g_autoptr(GDateTime) utc = info ? g_file_info_get_modification_date_time (info) : NULL;

  return utc ? g_date_time_to_local (utc) : NULL;
}

gboolean
recap_edit_add_front_matter (GFile                *file,
                             const char           *text,
                             gsize                 len,
                             gconstpointer         data,
                             RecapFrontMatterEdit *out,
                             GError              **error)
{
  RecapFrontMatterSplit split;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) date = NULL;

  /* TOML and JSON blocks go on to the refusal of a second block. */
  if (recap_front_matter_split (text, len, &split) && split.format == RECAP_FRONT_MATTER_FORMAT_YAML)
    return recap_edit_no_change (out);
  title = recap_post_title_from_body (text + split.body_start, len - split.body_start);
  if (title == NULL)
    title = g_strndup (basename, strcspn (basename, "."));
  date = recap_jekyll_date_from_file_name (basename);
  if (date == NULL)
    date = modification_date (file);
  return recap_front_matter_create_block (text, len, title, date, out, error);
}

GPtrArray *
recap_posts_with_tag (GListModel *posts,
                      const char *tag)
{
  return recap_taxonomy_files_with (posts, RECAP_TAXONOMY_TAGS, tag);
}

/* Publishing */

/* "2024-03-14-" of a dated post name, or "". */
static char *
date_prefix (const char *basename)
{
  g_autoptr(GDateTime) date = recap_jekyll_date_from_file_name (basename);
  const char *p = basename;

  for (guint dashes = 0; date != NULL && dashes < 3 && *p; p++)
    dashes += *p == '-';
  return g_strndup (basename, p - basename);
}


typedef struct {
  const char *prefix;
  const char *rest;
} PrefixedName;

static char *
prefixed_name (gconstpointer data,
               guint         attempt)
{
  const PrefixedName *name = data;
  const char *dot = strrchr (name->rest, '.');
  gsize stem = dot ? (gsize) (dot - name->rest) : strlen (name->rest);

  if (attempt == 1)
    return g_strconcat (name->prefix, name->rest, NULL);
  return g_strdup_printf ("%s%.*s-%u%s", name->prefix, (int) stem, name->rest, attempt, dot ? dot : "");
}

void
recap_move_free (RecapMove *move)
{
  g_clear_object (&move->from);
  g_clear_object (&move->to);
  g_clear_pointer (&move->before, g_bytes_unref);
  g_clear_pointer (&move->after, g_bytes_unref);
  g_free (move);
}

static RecapMove *
move_new (GFile  *from,
          GFile  *to,
          GBytes *before,
          GBytes *after)
{
  RecapMove *move = g_new0 (RecapMove, 1);

  move->from = g_object_ref (from);
  move->to = g_object_ref (to);
  move->before = g_bytes_ref (before);
  move->after = g_bytes_ref (after);
  return move;
}

/* Writes @after under @folder as @prefix + @basename (or a free variant of
 * it), then deletes @from. @from is left alone unless the copy succeeded. */
static RecapMove *
move_with_text (GFile         *from,
                GFile         *folder,
                const char    *prefix,
                const char    *basename,
                GBytes        *before,
                GBytes        *after,
                GCancellable  *cancellable,
                GError       **error)
{
  PrefixedName name = { prefix, basename };
  gsize len;
  const char *text = g_bytes_get_data (after, &len);
  g_autoptr(GFile) to = create_unique (folder, prefixed_name, &name, text ? text : "", len, cancellable, error);

  if (to == NULL)
    return NULL;
  if (!g_file_delete (from, cancellable, error))
    {
      /* Never two copies: the new one goes again. */
      g_file_delete (to, NULL, NULL);
      return NULL;
    }
  return move_new (from, to, before, after);
}

/* Replaces *@text with @edit's text when the edit changed something. */
static void
take_edit (char                 **text,
           gsize                 *len,
           RecapFrontMatterEdit  *edit)
{
  if (!edit->changed)
    return;
  g_free (*text);
  *text = g_steal_pointer (&edit->text);
  *len = edit->len;
}

/* @text with `date:` set to @date (kept as it is when @only_when_missing
 * and the post has one), and without `published: false` when @publish. */
static GBytes *
edit_for_move (const char    *original,
               gsize          original_len,
               GDateTime     *date,
               gboolean       only_when_missing,
               gboolean       publish,
               GError       **error)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (original, original_len, error);
  g_autofree char *text = g_memdup2 (original, original_len + 1);
  gsize len = original_len;
  gboolean published = TRUE;

  if (fm == NULL)
    return NULL;
  if (date != NULL && !(only_when_missing && recap_front_matter_has_key (fm, "date")))
    {
      g_auto(RecapFrontMatterEdit) block = { 0 };
      g_auto(RecapFrontMatterEdit) edit = { 0 };

      if (!recap_front_matter_get_split (fm)->present &&
          !recap_front_matter_create_block (text, len, NULL, NULL, &block, error))
        return NULL;
      take_edit (&text, &len, &block);
      if (!recap_front_matter_set_date (text, len, "date", date, &edit, error))
        return NULL;
      take_edit (&text, &len, &edit);
    }
  /* Jekyll hides a post with `published: false`, even in _posts. */
  if (publish && recap_front_matter_get_boolean (fm, "published", &published) && !published)
    {
      g_auto(RecapFrontMatterEdit) edit = { 0 };

      if (!recap_front_matter_remove_key (text, len, "published", &edit, error))
        return NULL;
      take_edit (&text, &len, &edit);
    }
  return g_bytes_new_take (g_steal_pointer (&text), len);
}

/* The bytes of @file, checked as text. */
static GBytes *
read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  char *text = NULL;
  gsize len;

  if (!recap_file_read_text (file, cancellable, &text, &len, error))
    return NULL;
  return g_bytes_new_take (text, len);
}

GDateTime *
recap_draft_date (const char *basename,
                  const char *text,
                  gsize       len)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);
  GDateTime *date = fm ? recap_front_matter_get_date (fm, "date") : NULL;

  return date ? date : recap_jekyll_date_from_file_name (basename);
}

char *
recap_published_name (const char *basename,
                      GDateTime  *date)
{
  g_autofree char *prefix = date_prefix (basename);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d-");

  return g_strconcat (day, basename + strlen (prefix), NULL);
}

RecapMove *
recap_publish_draft (GFile         *root,
                     GFile         *draft,
                     GDateTime     *date,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *basename = g_file_get_basename (draft);
  g_autofree char *prefix = date_prefix (basename);
  g_autoptr(GFile) posts = g_file_get_child (root, "_posts");
  g_autoptr(GBytes) before = read_bytes (draft, cancellable, error);
  g_autoptr(GDateTime) kept = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *day = NULL;
  gsize len;
  const char *text;

  if (before == NULL)
    return NULL;
  text = g_bytes_get_data (before, &len);
  if (date == NULL && (kept = recap_draft_date (basename, text, len)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no date to keep: give the date to publish it on"), basename);
      return NULL;
    }
  after = edit_for_move (text, len, date ? date : kept, date == NULL, TRUE, error);
  if (after == NULL)
    return NULL;
  day = g_date_time_format (date ? date : kept, "%Y-%m-%d-");
  return move_with_text (draft, posts, day, basename + strlen (prefix), before, after, cancellable, error);
}

RecapMove *
recap_unpublish_post (GFile         *root,
                      GFile         *post,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *basename = g_file_get_basename (post);
  g_autoptr(GDateTime) file_date = recap_jekyll_date_from_file_name (basename);
  g_autoptr(GFile) drafts = g_file_get_child (root, "_drafts");
  g_autofree char *prefix = date_prefix (basename);
  g_autoptr(GBytes) before = read_bytes (post, cancellable, error);
  g_autoptr(GBytes) after = NULL;
  gsize len;
  const char *text;

  if (before == NULL)
    return NULL;
  text = g_bytes_get_data (before, &len);
  /* Keep the day the file name gave, unless the front matter has one. */
  after = edit_for_move (text, len, file_date, TRUE, FALSE, error);
  if (after == NULL)
    return NULL;
  return move_with_text (post, drafts, "", basename + strlen (prefix), before, after, cancellable, error);
}

RecapMove *
recap_rename_post (GFile         *post,
                   const char    *slug,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *basename = g_file_get_basename (post);
  g_autofree char *prefix = date_prefix (basename);
  g_autofree char *safe_slug = recap_slugify (slug);
  const char *extension = strrchr (basename, '.');
  g_autofree char *name = g_strconcat (prefix, safe_slug, extension ? extension : ".md", NULL);
  g_autoptr(GFile) folder = g_file_get_parent (post);
  g_autoptr(GFile) renamed = g_file_get_child (folder, name);
  g_autoptr(GBytes) bytes = g_file_load_bytes (post, cancellable, NULL, error);

  if (bytes == NULL)
    return NULL;
  /* Without G_FILE_COPY_OVERWRITE the move fails when the name is taken. */
  if (!g_file_equal (renamed, post) &&
      !g_file_move (post, renamed, G_FILE_COPY_NOFOLLOW_SYMLINKS, cancellable, NULL, NULL, error))
    return NULL;
  return move_new (post, renamed, bytes, bytes);
}

gboolean
recap_move_undo (RecapMove     *move,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) now = NULL;
  gsize len;
  const char *before;

  if (g_file_equal (move->from, move->to))
    return TRUE;
  now = g_file_load_bytes (move->to, cancellable, NULL, error);
  if (now == NULL)
    return FALSE;
  if (!g_bytes_equal (now, move->after))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” was changed since; it was left as it is"), g_file_peek_path (move->to));
      return FALSE;
    }
  /* A rename keeps the file itself (its times and permissions). */
  if (g_bytes_equal (move->before, move->after))
    return g_file_move (move->to, move->from, G_FILE_COPY_NOFOLLOW_SYMLINKS, cancellable, NULL, NULL, error);
  before = g_bytes_get_data (move->before, &len);
  if (!create_file (move->from, before ? before : "", len, cancellable, error))
    return FALSE;
  return g_file_delete (move->to, cancellable, error);
}
