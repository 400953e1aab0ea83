/* recap-post.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post.h"
#include "recap-post-private.h"

#include <string.h>

#include "recap-front-matter.h"
#include "recap-jekyll-date.h"
#include "recap-jekyll-doc.h"
#include "recap-search-text.h"
#include "recap-text-stats.h"

struct _RecapPost
{
  GObject    parent_instance;

  GFile     *file;           /* made on first need from @root for posts from the cache */
  GFile     *root;
  char      *relative_path;
  char      *title;
  GDateTime *date;
  gint64     date_usec;       /* @date as a number, for sorting big sites */
  char      *author;
  char      *event;
  char      *layout;
  GStrv      tags;
  GStrv      categories;
  char      *error;
  GBytes    *search_text;    /* the body, see recap-search-text.h; or, before the index cache
                                holds it, just @body (NUL-terminated) to spare the folded copy */
  GBytes    *body;
  char      *search_fields;   /* title, author, event and tags folded, made on first search */
  guint      revision;        /* how many times recap_post_update_from() changed it */
  char      *title_key;       /* collation key of the title, made on first need */
  char      *permalink;
  char      *collection;      /* as Jekyll files it (recap_post_get_collection) */
  char      *skip_reason;     /* why Jekyll does not read it, or NULL */
  char      *date_problem;    /* "date Jekyll reads differently…", or NULL */
  GStrv      inherited;       /* keys whose value comes from _config.yml's defaults */
  char      *description;     /* `description`, else `excerpt` */
  GStrv      authors;         /* `author` and `authors`, as Jekyll uses them; NULL: none */
  GStrv      problems;
  guint      words;           /* of the body, see recap-text-stats.h */
  guint64    file_size;       /* of the file the metadata was read from, for the index cache */
  gint64     file_mtime;
  guint      has_front_matter : 1;
  guint      title_set : 1;
  guint      date_mismatch : 1;
  guint      has_bom : 1;
  guint      is_draft : 1;
  guint      published : 1;
  guint      unsaved : 1;
  guint      site_future : 1; /* _config.yml: future: true */
};

G_DEFINE_FINAL_TYPE (RecapPost, recap_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_RELATIVE_PATH,
  PROP_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
recap_post_finalize (GObject *object)
{
  RecapPost *self = RECAP_POST (object);

  g_clear_object (&self->file);
  g_clear_object (&self->root);
  g_clear_pointer (&self->relative_path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->event, g_free);
  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->search_text, g_bytes_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->search_fields, g_free);
  g_clear_pointer (&self->title_key, g_free);
  g_clear_pointer (&self->permalink, g_free);
  g_clear_pointer (&self->collection, g_free);
  g_clear_pointer (&self->skip_reason, g_free);
  g_clear_pointer (&self->date_problem, g_free);
  g_clear_pointer (&self->inherited, g_strfreev);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->problems, g_strfreev);

  G_OBJECT_CLASS (recap_post_parent_class)->finalize (object);
}

static void
recap_post_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RecapPost *self = RECAP_POST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RELATIVE_PATH:
      g_value_set_string (value, self->relative_path);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_post_class_init (RecapPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = recap_post_finalize;
  object_class->get_property = recap_post_get_property;

  /* Read-only properties so that GtkExpression-based filters and sorters can use them. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATIVE_PATH] =
    g_param_spec_string ("relative-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_post_init (RecapPost *self)
{
  self->published = TRUE;
}

static gboolean
path_is_draft (const char *relative_path)
{
  return g_str_has_prefix (relative_path, "_drafts/") ||
         strstr (relative_path, "/_drafts/") != NULL;
}

/* Takes @date (may be NULL). */
static void
set_date (RecapPost *self,
          GDateTime *date)
{
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date;
  self->date_usec = date ? g_date_time_to_unix (date) * G_USEC_PER_SEC + g_date_time_get_microsecond (date) : 0;
}

static RecapPost *
recap_post_new_base (GFile      *file,
                     const char *relative_path)
{
  RecapPost *self = g_object_new (RECAP_TYPE_POST, NULL);
  g_autofree char *basename = g_file_get_basename (file);

  self->file = g_object_ref (file);
  self->relative_path = g_strdup (relative_path);
  self->is_draft = path_is_draft (relative_path);
  set_date (self, recap_jekyll_date_from_file_name (basename));
  return self;
}

static gboolean
skip_fence (const char *line,
            gsize       line_len,
            gboolean   *in_fence)
{
  gboolean fence = line_len >= 3 &&
                   (strncmp (line, "```", 3) == 0 || strncmp (line, "~~~", 3) == 0);

  if (fence)
    *in_fence = !*in_fence;
  return fence || *in_fence;
}

/* The text of the first level-1 ATX heading outside code fences. */
char *
recap_post_title_from_body (const char *body,
                            gsize       len)
{
  const char *end = body + len;
  gboolean in_fence = FALSE;

  for (const char *line = body; line < end;)
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize line_len = (eol ? eol : end) - line;

      if (!skip_fence (line, line_len, &in_fence) &&
          line_len > 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '\t'))
        {
          g_autofree char *heading = g_strndup (line + 2, line_len - 2);
          g_strstrip (heading);
          if (*heading != '\0')
            return g_steal_pointer (&heading);
        }
      line = eol ? eol + 1 : end;
    }
  return NULL;
}

static char *
title_fallback (RecapPost  *self,
                const char *text,
                gsize       len)
{
  RecapFrontMatterSplit split;
  char *title;

  recap_front_matter_split (text, len, &split);
  title = recap_post_title_from_body (text + split.body_start, len - split.body_start);
  return title ? title : g_file_get_basename (self->file);
}

static void
read_body (RecapPost  *self,
           const char *text,
           gsize       len)
{
  RecapFrontMatterSplit split;

  recap_front_matter_split (text, len, &split);
  self->words = recap_text_count_words (text, len);
  self->body = g_bytes_new_take (g_strndup (text + split.body_start, len - split.body_start),
                                 len - split.body_start + 1);
}

static char *
non_empty_string (RecapFrontMatter *fm,
                  const char       *key)
{
  g_autofree char *value = recap_front_matter_get_string (fm, key);

  if (value != NULL)
    g_strstrip (value);
  return value && *value ? g_steal_pointer (&value) : NULL;
}

static void
read_front_matter (RecapPost        *self,
                   RecapFrontMatter *fm)
{
  GDateTime *date = recap_front_matter_get_date (fm, "date");
  gboolean published;

  self->title = non_empty_string (fm, "title");
  self->author = non_empty_string (fm, "author");
  if (self->author != NULL)
    self->authors = g_strdupv ((GStrv) (const char * const[]) { self->author, NULL });
  self->event = non_empty_string (fm, "event");
  self->layout = non_empty_string (fm, "layout");
  self->tags = recap_front_matter_get_list (fm, "tags");
  self->categories = recap_front_matter_get_list (fm, "categories");
  if (recap_front_matter_get_boolean (fm, "published", &published))
    self->published = published;
  self->permalink = non_empty_string (fm, "permalink");
  self->description = non_empty_string (fm, "description");
  if (self->description == NULL)
    self->description = non_empty_string (fm, "excerpt");
  self->has_front_matter = recap_front_matter_get_split (fm)->present;
  self->title_set = self->title != NULL;
  if (date != NULL)
    {
      self->date_mismatch = self->date != NULL &&
                            g_date_time_get_year (date) * 10000 + g_date_time_get_month (date) * 100 +
                            g_date_time_get_day_of_month (date) !=
                            g_date_time_get_year (self->date) * 10000 + g_date_time_get_month (self->date) * 100 +
                            g_date_time_get_day_of_month (self->date);
      set_date (self, date);
    }
}

/* @fm: @text's front matter, or NULL when it does not parse (@error says why). */
static RecapPost *
post_new_parsed (GFile            *file,
                 const char       *relative_path,
                 RecapFrontMatter *fm,
                 const GError     *error,
                 const char       *text,
                 gsize             len)
{
  RecapPost *self = recap_post_new_base (file, relative_path);

  if (fm != NULL)
    read_front_matter (self, fm);
  else
    self->error = g_strdup (error->message);
  self->has_bom = len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0;

  if (self->title == NULL)
    self->title = title_fallback (self, text, len);
  read_body (self, text, len);
  return self;
}

RecapPost *
recap_post_new_from_text (GFile      *file,
                          const char *relative_path,
                          const char *text,
                          gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, &error);

  return post_new_parsed (file, relative_path, fm, error, text, len);
}

RecapPost *
recap_post_new_unreadable (GFile      *file,
                           const char *relative_path,
                           const char *reason)
{
  RecapPost *self = recap_post_new_base (file, relative_path);

  self->title = g_file_get_basename (file);
  self->error = g_strdup (reason);
  return self;
}

static gint
day_number (GDateTime *date)
{
  return g_date_time_get_year (date) * 10000 + g_date_time_get_month (date) * 100 +
         g_date_time_get_day_of_month (date);
}

/* The values Jekyll uses replace the post's own: what every view shows. */
static void
take_jekyll_values (RecapPost      *self,
                    RecapJekyllDoc *doc)
{
  gboolean is_document = doc->kind != RECAP_JEKYLL_KIND_PAGE && doc->kind != RECAP_JEKYLL_KIND_OTHER;

  g_free (self->layout);
  self->layout = g_steal_pointer (&doc->layout);
  g_strfreev (self->authors);
  self->authors = recap_jekyll_doc_dup_all_authors (doc);
  g_free (self->author);
  self->author = self->authors ? g_strjoinv (", ", self->authors) : NULL;
  g_strfreev (self->tags);
  self->tags = doc->tags[0] != NULL ? g_steal_pointer (&doc->tags) : NULL;
  g_strfreev (self->categories);
  self->categories = doc->categories[0] != NULL ? g_steal_pointer (&doc->categories) : NULL;
  if (!self->title_set && is_document)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&doc->title);
    }
  self->published = doc->published;
  self->collection = doc->kind == RECAP_JEKYLL_KIND_DRAFT ? g_strdup ("drafts") : g_strdup (doc->collection);
  self->skip_reason = g_strdup (doc->reason);
  self->date_problem = g_steal_pointer (&doc->date_problem);
  self->inherited = doc->inherited[0] != NULL ? g_steal_pointer (&doc->inherited) : NULL;
}

/* Replaces the post's values (read from @text and its front matter @fm)
 * by those Jekyll uses with @config. */
static void
read_as_jekyll (RecapPost        *self,
                RecapSiteConfig  *config,
                RecapFrontMatter *fm,
                const char       *text,
                gsize             len)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(RecapJekyllDoc) doc = NULL;
  g_autofree char *basename = g_path_get_basename (self->relative_path);
  g_autoptr(GDateTime) file_date = recap_jekyll_date_from_file_name (basename);

  doc = recap_jekyll_doc_new_parsed (config, self->relative_path, fm, text, len, now);
  take_jekyll_values (self, doc);
  self->site_future = recap_site_config_get_future (config);
  /* The day Jekyll files the post under, in the site's zone, against the name's. */
  self->date_mismatch = doc->date != NULL && file_date != NULL && day_number (doc->date) != day_number (file_date);
  if (doc->date != NULL)
    set_date (self, g_steal_pointer (&doc->date));
}

RecapPost *
recap_post_new_for_site (GFile           *file,
                         const char      *relative_path,
                         RecapSiteConfig *config,
                         const char      *text,
                         gsize            len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, &error);
  RecapPost *self = post_new_parsed (file, relative_path, fm, error, text, len);

  g_return_val_if_fail (config != NULL, self);

  read_as_jekyll (self, config, fm, text, len);
  return self;
}

GFile *
recap_post_get_file (RecapPost *self)
{
  GFile *file;

  g_return_val_if_fail (RECAP_IS_POST (self), NULL);

  /* Posts are made in worker threads and used in the main one. */
  file = g_atomic_pointer_get (&self->file);
  if (file != NULL)
    return file;
  file = g_file_resolve_relative_path (self->root, self->relative_path);
  if (!g_atomic_pointer_compare_and_exchange (&self->file, NULL, file))
    {
      g_object_unref (file);
      file = g_atomic_pointer_get (&self->file);
    }
  return file;
}

const char *
recap_post_get_relative_path (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->relative_path;
}

const char *
recap_post_get_title (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->title;
}

GDateTime *
recap_post_get_date (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->date;
}

const char *
recap_post_get_author (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->author;
}

const char *
recap_post_get_event (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->event;
}

const char *
recap_post_get_layout (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->layout;
}

const char * const *
recap_post_get_tags (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return (const char * const *) self->tags;
}

const char * const *
recap_post_get_categories (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return (const char * const *) self->categories;
}

gboolean
recap_post_get_is_draft (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->is_draft;
}

gboolean
recap_post_get_published (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->published;
}

/* Index cache: the text fields travel as one string, separated by ASCII unit
 * separators (lists by record separators), so that reading a post back checks
 * and splits one string instead of a dozen. */
#define FIELD_SEPARATOR '\x1f'
#define ITEM_SEPARATOR  '\x1e'

enum {
  FLAG_HAS_FRONT_MATTER = 1 << 0,
  FLAG_TITLE_SET        = 1 << 1,
  FLAG_DATE_MISMATCH    = 1 << 2,
  FLAG_HAS_BOM          = 1 << 3,
  FLAG_PUBLISHED        = 1 << 4,
  FLAG_SITE_FUTURE      = 1 << 5,
};

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
append_field (GString    *fields,
              const char *value)
{
  if (value != NULL && strpbrk (value, "\x1e\x1f") != NULL)
    return FALSE;
  g_string_append (fields, value ? value : "");
  g_string_append_c (fields, FIELD_SEPARATOR);
  return TRUE;
}

static gboolean
append_list (GString            *fields,
             const char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (strpbrk (items[i], "\x1e\x1f") != NULL)
        return FALSE;
      g_string_append (fields, items[i]);
      g_string_append_c (fields, ITEM_SEPARATOR);
    }
  g_string_append_c (fields, FIELD_SEPARATOR);
  return TRUE;
}

gboolean
recap_post_to_record (RecapPost       *self,
                      RecapPostRecord *record)
{
  g_autofree char *date = self->date ? g_date_time_format_iso8601 (self->date) : NULL;
  g_autoptr(GString) fields = g_string_new (NULL);

  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);

  /* Values holding the separators themselves are not cached: read again next time. */
  if (!append_field (fields, self->title) ||
      !append_field (fields, date) || !append_field (fields, self->author) ||
      !append_field (fields, self->event) || !append_field (fields, self->layout) ||
      !append_field (fields, self->permalink) || !append_list (fields, (const char * const *) self->tags) ||
      !append_list (fields, (const char * const *) self->categories) || !append_field (fields, self->error) ||
      !append_field (fields, self->collection) || !append_field (fields, self->skip_reason) ||
      !append_field (fields, self->date_problem) || !append_list (fields, (const char * const *) self->inherited) ||
      !append_field (fields, self->description) || !append_list (fields, (const char * const *) self->authors))
    return FALSE;

  *record = (RecapPostRecord) {
    .size = self->file_size,
    .mtime = self->file_mtime,
    .flags = (self->has_front_matter ? FLAG_HAS_FRONT_MATTER : 0) |
             (self->title_set ? FLAG_TITLE_SET : 0) |
             (self->date_mismatch ? FLAG_DATE_MISMATCH : 0) |
             (self->has_bom ? FLAG_HAS_BOM : 0) |
             (self->published ? FLAG_PUBLISHED : 0) |
             (self->site_future ? FLAG_SITE_FUTURE : 0),
    .words = self->words,
    .relative_path = or_empty (self->relative_path),
    .fields = g_string_free (g_steal_pointer (&fields), FALSE),
    .search_text = self->search_text,
    .body = self->body,
    .search_text_size = recap_post_get_search_text_size (self),
  };
  return TRUE;
}

/* The text up to the next @separator (or the end), moving @cursor past it. */
static char *
next_field (const char **cursor,
            char         separator)
{
  const char *end = strchr (*cursor, separator);
  char *field;

  if (end == NULL)
    end = *cursor + strlen (*cursor);
  field = g_strndup (*cursor, end - *cursor);
  *cursor = *end ? end + 1 : end;
  return field;
}

static char *
next_value (const char **cursor)
{
  char *value = next_field (cursor, FIELD_SEPARATOR);

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* Items end with ITEM_SEPARATOR: their count sizes the array at once. */
static GStrv
next_list (const char **cursor)
{
  g_autofree char *list = next_field (cursor, FIELD_SEPARATOR);
  guint n = 0, i = 0;
  GStrv items;

  if (*list == '\0')
    return NULL;
  for (const char *p = list; (p = strchr (p, ITEM_SEPARATOR)) != NULL; p++)
    n++;
  items = g_new (char *, n + 1);
  for (const char *cursor_in_list = list; i < n; i++)
    items[i] = next_field (&cursor_in_list, ITEM_SEPARATOR);
  items[n] = NULL;
  return items;
}

RecapPost *
recap_post_new_from_record (GFile                 *root,
                            const RecapPostRecord *record)
{
  RecapPost *self = g_object_new (RECAP_TYPE_POST, NULL);
  g_autofree char *date = NULL;
  const char *cursor = record->fields;

  self->root = g_object_ref (root);
  self->relative_path = g_strdup (record->relative_path);
  self->file_size = record->size;
  self->file_mtime = record->mtime;
  self->words = record->words;
  self->title = next_field (&cursor, FIELD_SEPARATOR);
  date = next_value (&cursor);
  self->author = next_value (&cursor);
  self->event = next_value (&cursor);
  self->layout = next_value (&cursor);
  self->permalink = next_value (&cursor);
  self->tags = next_list (&cursor);
  self->categories = next_list (&cursor);
  self->error = next_value (&cursor);
  self->collection = next_value (&cursor);
  self->skip_reason = next_value (&cursor);
  self->date_problem = next_value (&cursor);
  self->inherited = next_list (&cursor);
  self->description = next_value (&cursor);
  self->authors = next_list (&cursor);
  self->search_text = record->search_text ? g_bytes_ref (record->search_text) : NULL;
  self->is_draft = path_is_draft (self->relative_path);
  set_date (self, date ? g_date_time_new_from_iso8601 (date, NULL) : NULL);
  self->has_front_matter = !!(record->flags & FLAG_HAS_FRONT_MATTER);
  self->title_set = !!(record->flags & FLAG_TITLE_SET);
  self->date_mismatch = !!(record->flags & FLAG_DATE_MISMATCH);
  self->has_bom = !!(record->flags & FLAG_HAS_BOM);
  self->published = !!(record->flags & FLAG_PUBLISHED);
  self->site_future = !!(record->flags & FLAG_SITE_FUTURE);
  return self;
}

void
recap_post_share_search_text (RecapPost *self,
                              GBytes    *search_text)
{
  g_return_if_fail (RECAP_IS_POST (self));
  /* Not compared byte by byte: that would bring the whole mapped copy into memory. */
  g_return_if_fail (recap_post_get_search_text_size (self) == g_bytes_get_size (search_text));

  g_bytes_ref (search_text);
  g_clear_pointer (&self->search_text, g_bytes_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->search_text = search_text;
}

GBytes *
recap_post_get_search_text (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->search_text;
}

gsize
recap_post_get_search_text_size (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), 0);

  if (self->search_text != NULL)
    return g_bytes_get_size (self->search_text);
  return self->body ? recap_search_text_size (g_bytes_get_size (self->body) - 1) : 0;
}

gint64
recap_post_get_modified (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), 0);
  return self->file_mtime;
}

void
recap_post_set_file_stamp (RecapPost *self,
                           guint64    size,
                           gint64     mtime)
{
  g_return_if_fail (RECAP_IS_POST (self));

  self->file_size = size;
  self->file_mtime = mtime;
}

gboolean
recap_post_has_file_stamp (RecapPost *self,
                           guint64    size,
                           gint64     mtime)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->file_size == size && self->file_mtime == mtime;
}

gboolean
recap_post_get_has_front_matter (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->has_front_matter;
}

gboolean
recap_post_get_title_set (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->title_set;
}

gboolean
recap_post_get_date_mismatch (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->date_mismatch;
}

gboolean
recap_post_get_has_bom (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->has_bom;
}

const char *
recap_post_get_permalink (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->permalink;
}

const char *
recap_post_get_collection (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->collection;
}

const char *
recap_post_get_skip_reason (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->skip_reason;
}

const char *
recap_post_get_date_problem (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->date_problem;
}

const char * const *
recap_post_get_inherited (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return (const char * const *) self->inherited;
}

gboolean
recap_post_get_inherits (RecapPost  *self,
                         const char *key)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->inherited != NULL && g_strv_contains ((const char * const *) self->inherited, key);
}

const char * const *
recap_post_get_authors (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return (const char * const *) self->authors;
}

const char *
recap_post_get_description (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->description;
}

gboolean
recap_post_get_site_builds_future (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->site_future;
}

const char * const *
recap_post_get_problems (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return (const char * const *) self->problems;
}

void
recap_post_set_problems (RecapPost          *self,
                         const char * const *problems)
{
  g_return_if_fail (RECAP_IS_POST (self));

  /* Linting again mostly finds the same: no copy then. */
  if (self->problems == NULL ? problems == NULL
                             : problems != NULL && g_strv_equal ((const char * const *) self->problems, problems))
    return;
  g_strfreev (self->problems);
  self->problems = g_strdupv ((GStrv) problems);
}

#define SWAP(a, b) G_STMT_START { __typeof__ (a) swap_tmp = (a); (a) = (b); (b) = swap_tmp; } G_STMT_END

void
recap_post_update_from (RecapPost *self,
                        RecapPost *other)
{
  g_return_if_fail (RECAP_IS_POST (self));
  g_return_if_fail (RECAP_IS_POST (other));

  self->revision++;
  /* Swapped, so that @other frees the old values. */
  SWAP (self->relative_path, other->relative_path);
  SWAP (self->title, other->title);
  SWAP (self->title_key, other->title_key);
  SWAP (self->date, other->date);
  SWAP (self->date_usec, other->date_usec);
  SWAP (self->author, other->author);
  SWAP (self->event, other->event);
  SWAP (self->layout, other->layout);
  SWAP (self->tags, other->tags);
  SWAP (self->categories, other->categories);
  SWAP (self->error, other->error);
  SWAP (self->search_text, other->search_text);
  SWAP (self->body, other->body);
  g_clear_pointer (&self->search_fields, g_free);
  SWAP (self->permalink, other->permalink);
  SWAP (self->collection, other->collection);
  SWAP (self->skip_reason, other->skip_reason);
  SWAP (self->date_problem, other->date_problem);
  SWAP (self->inherited, other->inherited);
  SWAP (self->description, other->description);
  SWAP (self->authors, other->authors);
  self->site_future = other->site_future;
  self->words = other->words;
  self->file_size = other->file_size;
  self->file_mtime = other->file_mtime;
  self->has_front_matter = other->has_front_matter;
  self->title_set = other->title_set;
  self->date_mismatch = other->date_mismatch;
  self->has_bom = other->has_bom;
  self->is_draft = other->is_draft;
  self->published = other->published;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
recap_post_get_unsaved (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);
  return self->unsaved;
}

void
recap_post_set_unsaved (RecapPost *self,
                        gboolean   unsaved)
{
  g_return_if_fail (RECAP_IS_POST (self));

  if (self->unsaved == !!unsaved)
    return;
  self->unsaved = !!unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

guint
recap_post_get_words (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), 0);
  return self->words;
}

const char *
recap_post_get_body (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  if (self->search_text != NULL)
    return recap_search_text_get_body (self->search_text, NULL);
  return self->body ? g_bytes_get_data (self->body, NULL) : "";
}

/* Appends @value folded and @separator at @out; returns the end. */
static char *
append_folded (char       *out,
               const char *value,
               char        separator)
{
  gsize len = value ? recap_search_fold (value, strlen (value), out) : 0;

  out[len] = separator;
  return out + len + 1;
}

/* Title, author, event, tags, path and date (as YYYY-MM-DD), folded, apart
 * by separators no needle has. Made in one allocation: the first keystroke
 * makes it for every post. */
static const char *
make_search_fields (RecapPost *self)
{
  g_autofree char *date = self->date ? g_date_time_format (self->date, "%Y-%m-%d") : NULL;
  const char *values[] = { self->title, self->author, self->event, self->relative_path, date };
  gsize size = 1;
  char *out;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    size += (values[i] ? strlen (values[i]) : 0) + 1;
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    size += strlen (self->tags[i]) + 1;

  out = self->search_fields = g_malloc (size);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    out = append_folded (out, values[i], FIELD_SEPARATOR);
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    out = append_folded (out, self->tags[i], ITEM_SEPARATOR);
  *out = '\0';
  return self->search_fields;
}

static const char *
get_search_fields (RecapPost *self)
{
  return self->search_fields != NULL ? self->search_fields : make_search_fields (self);
}

const char *
recap_post_get_search_fields (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return get_search_fields (self);
}

GBytes *
recap_post_get_body_bytes (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->body;
}

guint
recap_post_get_revision (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), 0);
  return self->revision;
}

#define SNIPPET_CONTEXT 40

/* About SNIPPET_CONTEXT characters each side of @match, on one line. */
static char *
snippet_around (const char *body,
                const char *match,
                gsize       match_len)
{
  const char *start = match;
  const char *end = match + match_len;
  g_autofree char *snippet = NULL;

  for (guint i = 0; i < SNIPPET_CONTEXT && start > body; i++)
    start = g_utf8_find_prev_char (body, start);
  for (guint i = 0; i < SNIPPET_CONTEXT && *end; i++)
    end = g_utf8_next_char (end);
  snippet = g_strndup (start, end - start);
  g_strdelimit (snippet, "\r\n\t", ' ');
  return g_strstrip (g_strdup_printf ("%s%s%s", start > body ? "…" : "", snippet, *end ? "…" : ""));
}

gboolean
recap_post_matches (RecapPost   *self,
                    const char  *folded_needle,
                    char       **snippet)
{
  gsize needle_len, match_len = 0;
  const char *in_body;

  g_return_val_if_fail (RECAP_IS_POST (self), FALSE);

  if (snippet != NULL)
    *snippet = NULL;
  if (folded_needle == NULL || *folded_needle == '\0' ||
      strstr (get_search_fields (self), folded_needle) != NULL)
    return TRUE;
  needle_len = strlen (folded_needle);
  if (self->search_text != NULL && snippet == NULL)
    return recap_search_text_contains (self->search_text, folded_needle, needle_len);
  if (self->search_text != NULL)
    in_body = recap_search_text_find (self->search_text, folded_needle, needle_len, &match_len);
  else if (self->body != NULL)
    in_body = recap_search_find_folding (g_bytes_get_data (self->body, NULL), g_bytes_get_size (self->body) - 1,
                                         folded_needle, needle_len, &match_len);
  else
    return FALSE;
  if (in_body != NULL && snippet != NULL)
    *snippet = snippet_around (recap_post_get_body (self), in_body, match_len);
  return in_body != NULL;
}

const char *
recap_post_get_error (RecapPost *self)
{
  g_return_val_if_fail (RECAP_IS_POST (self), NULL);
  return self->error;
}

/* Made once, not in every comparison: g_utf8_collate() normalizes both
 * strings each time, and sorting a big site compares titles often. Sorting
 * may run in a worker thread, hence the atomic publication. */
static const char *
get_title_key (RecapPost *self)
{
  char *key = g_atomic_pointer_get (&self->title_key);

  if (key == NULL)
    {
      key = g_utf8_collate_key (self->title, -1);
      if (!g_atomic_pointer_compare_and_exchange (&self->title_key, NULL, key))
        {
          g_free (key);
          key = g_atomic_pointer_get (&self->title_key);
        }
    }
  return key;
}

int
recap_post_compare (RecapPost *a,
                    RecapPost *b)
{
  int by_title;

  if (a->date != NULL && b->date != NULL)
    {
      int by_date = (b->date_usec > a->date_usec) - (b->date_usec < a->date_usec);

      if (by_date != 0)
        return by_date;
      /* Posts of the same moment (many on a big site): a cheap order suffices. */
      by_title = g_ascii_strcasecmp (a->title, b->title);
      return by_title != 0 ? by_title : strcmp (a->title, b->title);
    }
  if (a->date != NULL || b->date != NULL)
    return a->date != NULL ? -1 : 1;
  /* Undated notes are listed by title, so in the user's language's order. */
  return strcmp (get_title_key (a), get_title_key (b));
}
