/* recap-jekyll-doc.c: a file of the site as Jekyll 4.3's Document reads
 * it (document.rb: merge_defaults, read_content, populate_title,
 * populate_categories, populate_tags; publisher.rb for what it builds)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Recap"

#include "recap-jekyll-doc.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-front-matter.h"
#include "recap-jekyll-date.h"
#include "recap-post.h"

/* A key of the front matter, read on first need. */
typedef struct {
  const char       *key;       /* a literal or a key of the defaults */
  RecapJekyllValue *value;     /* NULL when the key is missing */
} OwnValue;

typedef struct {
  RecapFrontMatter *fm;        /* NULL when the front matter does not parse */
  GHashTable       *defaults;  /* key → RecapJekyllValue, owned by the config */
  GArray           *own;       /* OwnValue: a dozen keys, searched in order (a
                                * hash table per file cost more than the search) */
} Reader;

/* Takes @items; Ruby's Array#compact: null items left out. */
static GStrv
without_nulls (GStrv items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!recap_jekyll_scalar_is_null (items[i], TRUE))
      g_strv_builder_add (builder, items[i]);
  g_strfreev (items);
  return g_strv_builder_end (builder);
}

/* @key of the front matter as a value, NULL when the key is missing. */
static RecapJekyllValue *
read_own (RecapFrontMatter *fm,
          const char       *key)
{
  RecapFrontMatterEntry entry;
  RecapJekyllValue *value;

  if (fm == NULL || strchr (key, '.') != NULL || !recap_front_matter_get_entry (fm, key, &entry))
    return NULL;
  value = g_new0 (RecapJekyllValue, 1);
  switch (entry.kind)
    {
    case RECAP_FRONT_MATTER_KIND_SEQUENCE:
      value->kind = RECAP_JEKYLL_VALUE_LIST;
      value->items = without_nulls (recap_front_matter_get_plain_list (fm, key));
      break;
    case RECAP_FRONT_MATTER_KIND_MAPPING:
      {
        g_auto(GStrv) keys = recap_front_matter_get_keys (fm, key);
        g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

        value->kind = RECAP_JEKYLL_VALUE_MAP;
        for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
          {
            g_autofree char *path = g_strconcat (key, ".", keys[i], NULL);
            g_autofree char *text = recap_front_matter_get_string (fm, path);

            if (text != NULL)
              {
                g_strv_builder_add (items, keys[i]);
                g_strv_builder_add (items, text);
              }
          }
        value->items = g_strv_builder_end (items);
      }
      break;
    case RECAP_FRONT_MATTER_KIND_SCALAR:
    case RECAP_FRONT_MATTER_KIND_ALIAS:
    default:
      value->scalar = recap_front_matter_get_string (fm, key);
      value->plain = entry.scalar_style == RECAP_YAML_STYLE_PLAIN;
      value->kind = value->scalar == NULL || recap_jekyll_scalar_is_null (value->scalar, value->plain)
                    ? RECAP_JEKYLL_VALUE_NULL : RECAP_JEKYLL_VALUE_SCALAR;
      break;
    }
  return value;
}

/* The value of @key in the map @value, NULL without. */
static const char *
map_get (const RecapJekyllValue *value,
         const char             *key)
{
  for (guint i = 0; value->items[i] != NULL; i += 2)
    if (g_str_equal (value->items[i], key))
      return value->items[i + 1];
  return NULL;
}

/* Jekyll's Utils.deep_merge_hashes of the file's map over the default's:
 * the default's keys in their order, each taking the file's value unless
 * that is null, then the file's other keys. */
static RecapJekyllValue *
deep_merge (const RecapJekyllValue *defaults,
            const RecapJekyllValue *own)
{
  RecapJekyllValue *merged = g_new0 (RecapJekyllValue, 1);
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

  for (guint i = 0; defaults->items[i] != NULL; i += 2)
    {
      const char *value = map_get (own, defaults->items[i]);

      g_strv_builder_add (items, defaults->items[i]);
      g_strv_builder_add (items, value != NULL && !recap_jekyll_scalar_is_null (value, TRUE)
                                 ? value : defaults->items[i + 1]);
    }
  for (guint i = 0; own->items[i] != NULL; i += 2)
    if (map_get (defaults, own->items[i]) == NULL)
      {
        g_strv_builder_add (items, own->items[i]);
        g_strv_builder_add (items, own->items[i + 1]);
      }
  merged->kind = RECAP_JEKYLL_VALUE_MAP;
  merged->items = g_strv_builder_end (items);
  return merged;
}

/* The file's value of @key, a map of it merged over the default's map. */
static RecapJekyllValue *
read_own_merged (Reader     *reader,
                 const char *key)
{
  RecapJekyllValue *own = read_own (reader->fm, key);
  const RecapJekyllValue *fallback = g_hash_table_lookup (reader->defaults, key);
  RecapJekyllValue *merged;

  if (own == NULL || own->kind != RECAP_JEKYLL_VALUE_MAP ||
      fallback == NULL || fallback->kind != RECAP_JEKYLL_VALUE_MAP)
    return own;
  merged = deep_merge (fallback, own);
  recap_jekyll_value_free (own);
  return merged;
}

static void
clear_own_value (gpointer data)
{
  g_clear_pointer (&((OwnValue *) data)->value, recap_jekyll_value_free);
}

/* The value Jekyll uses for @key: the file's own, else the default. */
static const RecapJekyllValue *
lookup (Reader     *reader,
        const char *key)
{
  RecapJekyllValue *own = NULL;
  guint i = 0;

  while (i < reader->own->len && !g_str_equal (g_array_index (reader->own, OwnValue, i).key, key))
    i++;
  if (i < reader->own->len)
    own = g_array_index (reader->own, OwnValue, i).value;
  else
    {
      own = read_own_merged (reader, key);
      g_array_append_val (reader->own, ((OwnValue) { key, own }));
    }
  /* Jekyll merges the file's values over the defaults keeping the old
   * value for a nil (utils.rb merge_values): `author: ~` keeps the default. */
  if (own == NULL || (own->kind == RECAP_JEKYLL_VALUE_NULL && g_hash_table_contains (reader->defaults, key)))
    return g_hash_table_lookup (reader->defaults, key);
  return own;
}

static const char *
lookup_string (Reader     *reader,
               const char *key)
{
  const RecapJekyllValue *value = lookup (reader, key);

  return value != NULL && value->kind == RECAP_JEKYLL_VALUE_SCALAR ? value->scalar : NULL;
}

static void
add_unique (GPtrArray  *items,
            const char *item)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (items->pdata[i], item))
      return;
  g_ptr_array_add (items, g_strdup (item));
}

/* A list value as Ruby's Array() (or String#split for @split strings). */
static void
add_value_items (GPtrArray              *items,
                 const RecapJekyllValue *value,
                 gboolean                split)
{
  if (value == NULL)
    return;
  if (value->kind == RECAP_JEKYLL_VALUE_LIST)
    for (guint i = 0; value->items[i] != NULL; i++)
      add_unique (items, value->items[i]);
  else if (value->kind == RECAP_JEKYLL_VALUE_SCALAR && split)
    {
      g_auto(GStrv) words = g_strsplit_set (value->scalar, " \t\n\r", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          add_unique (items, words[i]);
    }
  else if (value->kind == RECAP_JEKYLL_VALUE_SCALAR)
    add_unique (items, value->scalar);
}

static GStrv
end_list (GPtrArray *items)
{
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_free (items, FALSE);
}

/* The path `defaults:` scopes match against: collections_dir left out. */
static const char *
scope_path (RecapSiteConfig *config,
            const char      *relative_path)
{
  const char *dir = recap_site_config_get_collections_dir (config);
  gsize len = strlen (dir);

  if (len > 0 && strncmp (relative_path, dir, len) == 0 && relative_path[len] == '/')
    return relative_path + len + 1;
  return relative_path;
}

/* The defaults of the document of @label at @relative_path; none when
 * Jekyll does not read it as a document (@label NULL). */
static GHashTable *
defaults_for (RecapSiteConfig *config,
              const char      *relative_path,
              const char      *label)
{
  if (label == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);
  return recap_site_config_get_defaults (config, scope_path (config, relative_path), label);
}

/* Folders above _posts/_drafts, then `categories` of the defaults and of
 * the file (merged, not replaced), then `category` (else `categories`). */
static GStrv
read_categories (Reader          *reader,
                 RecapJekyllDoc  *doc,
                 RecapSiteConfig *config,
                 const char      *relative_path)
{
  GPtrArray *items = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit (scope_path (config, relative_path), "/", -1);
  RecapJekyllValue *own = read_own (reader->fm, "categories");
  const RecapJekyllValue *category = lookup (reader, "category");

  for (guint i = 0; (doc->kind == RECAP_JEKYLL_KIND_POST || doc->kind == RECAP_JEKYLL_KIND_DRAFT) && parts[i] != NULL && parts[i + 1] != NULL; i++)
    {
      if (g_str_equal (parts[i], "_posts") || g_str_equal (parts[i], "_drafts"))
        break;
      add_unique (items, parts[i]);
    }
  add_value_items (items, g_hash_table_lookup (reader->defaults, "categories"), TRUE);
  add_value_items (items, own, TRUE);
  if (category != NULL && category->kind != RECAP_JEKYLL_VALUE_NULL)
    add_value_items (items, category, FALSE);
  recap_jekyll_value_free (own);
  return end_list (items);
}

static GStrv
read_tags (Reader *reader)
{
  GPtrArray *items = g_ptr_array_new ();
  const RecapJekyllValue *tag = lookup (reader, "tag");

  if (tag != NULL && tag->kind != RECAP_JEKYLL_VALUE_NULL)
    add_value_items (items, tag, FALSE);
  else
    add_value_items (items, lookup (reader, "tags"), TRUE);
  return end_list (items);
}

static void
read_authors (Reader         *reader,
              RecapJekyllDoc *doc)
{
  const RecapJekyllValue *author = lookup (reader, "author");
  GPtrArray *authors = g_ptr_array_new ();

  if (author != NULL && author->kind == RECAP_JEKYLL_VALUE_SCALAR)
    doc->author = g_strdup (author->scalar);
  for (guint i = 0; author != NULL && author->kind == RECAP_JEKYLL_VALUE_MAP && author->items[i] != NULL; i += 2)
    if (g_str_equal (author->items[i], "name"))
      doc->author = g_strdup (author->items[i + 1]);
  add_value_items (authors, lookup (reader, "authors"), FALSE);
  doc->authors = end_list (authors);
}

/* The slug: the file name without the date prefix and the extension. */
static char *
file_slug (const char *relative_path)
{
  g_autofree char *base = g_path_get_basename (relative_path);
  g_autoptr(GDateTime) date = recap_jekyll_date_from_file_name (base);
  char *start = base, *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* The date prefix "YYYY-MM-DD-" is three dashes in. */
  for (guint dashes = 0; date != NULL && dashes < 3; start++)
    dashes += *start == '-';
  while (*start != '\0' && g_str_has_suffix (start, "."))
    start[strlen (start) - 1] = '\0';
  return g_strdup (start);
}

char *
recap_jekyll_titleize_slug (const char *slug)
{
  g_auto(GStrv) words = g_strsplit (slug, "-", -1);
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      if (i > 0)
        g_string_append_c (title, ' ');
      if (*lower != '\0')
        {
          g_string_append_unichar (title, g_unichar_totitle (g_utf8_get_char (lower)));
          g_string_append (title, g_utf8_next_char (lower));
        }
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
read_title (Reader         *reader,
            RecapJekyllDoc *doc,
            const char     *relative_path,
            const char     *text,
            gsize           len)
{
  const char *own = lookup_string (reader, "title");
  RecapFrontMatterSplit split;
  g_autofree char *slug = NULL;

  recap_front_matter_split (text, len, &split);
  if (own != NULL && *own != '\0')
    doc->title = g_strdup (own);
  else if ((doc->title = recap_post_title_from_body (text + split.body_start, len - split.body_start)) == NULL)
    {
      slug = file_slug (relative_path);
      doc->title = recap_jekyll_titleize_slug (slug);
    }
}

/* The date: `date:` as YAML and Ruby read it, else the file name's. */
static void
read_date (Reader          *reader,
           RecapJekyllDoc  *doc,
           RecapSiteConfig *config,
           const char      *relative_path)
{
  GTimeZone *zone = recap_site_config_get_time_zone (config);
  const RecapJekyllValue *value = lookup (reader, "date");
  g_autofree char *base = g_path_get_basename (relative_path);
  g_autoptr(GDateTime) from_name = recap_jekyll_date_from_file_name (base);
  gboolean odd = FALSE;

  if (value != NULL && value->kind == RECAP_JEKYLL_VALUE_SCALAR)
    {
      doc->date = recap_jekyll_date_parse_lenient (value->scalar, zone, value->plain, &odd);
      if (doc->date == NULL)
        doc->date_problem = g_strdup_printf (_("Jekyll cannot read the date %s: its build fails"), value->scalar);
      else if (odd)
        {
          g_autofree char *read = g_date_time_format (doc->date, "%Y-%m-%d %H:%M:%S %z");

          doc->date_problem = g_strdup_printf (_("date Jekyll reads differently: “%s” is read as %s"), value->scalar, read);
        }
    }
  else if (from_name != NULL)
    doc->date = g_date_time_new (zone, g_date_time_get_year (from_name), g_date_time_get_month (from_name),
                                 g_date_time_get_day_of_month (from_name), 0, 0, 0);
}

/* publisher.rb publish?(), and whether the document is written at all. */
static void
read_state (Reader          *reader,
            RecapJekyllDoc  *doc,
            RecapSiteConfig *config,
            GDateTime       *now)
{
  const RecapJekyllValue *published = lookup (reader, "published");
  gboolean written;

  doc->published = TRUE;
  if (published != NULL && published->kind == RECAP_JEKYLL_VALUE_NULL)
    doc->published = FALSE;
  else if (published != NULL)
    recap_jekyll_value_get_boolean (published, &doc->published);
  doc->future = doc->date != NULL && g_date_time_to_unix (doc->date) > g_date_time_to_unix (now);

  written = doc->kind == RECAP_JEKYLL_KIND_POST || doc->kind == RECAP_JEKYLL_KIND_PAGE ||
            (doc->kind == RECAP_JEKYLL_KIND_COLLECTION &&
             recap_site_config_get_collection_output (config, doc->collection));
  doc->builds = written &&
                (doc->published || recap_site_config_get_unpublished (config)) &&
                (doc->kind == RECAP_JEKYLL_KIND_PAGE || !doc->future || recap_site_config_get_future (config));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GStrv
inherited_keys (Reader *reader)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, reader->defaults);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (lookup (reader, key) == g_hash_table_lookup (reader->defaults, key))
        g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strdupv ((GStrv) keys->pdata);
}

RecapJekyllDoc *
recap_jekyll_doc_new (RecapSiteConfig *config,
                      const char      *relative_path,
                      const char      *text,
                      gsize            len,
                      GDateTime       *now)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);

  return recap_jekyll_doc_new_parsed (config, relative_path, fm, text, len, now);
}

RecapJekyllDoc *
recap_jekyll_doc_new_parsed (RecapSiteConfig  *config,
                             const char       *relative_path,
                             RecapFrontMatter *fm,
                             const char       *text,
                             gsize             len,
                             GDateTime        *now)
{
  RecapJekyllDoc *doc = g_new0 (RecapJekyllDoc, 1);
  const RecapFrontMatterSplit *split = fm ? recap_front_matter_get_split (fm) : NULL;
  /* Outside posts, Jekyll needs "---" as the very first bytes (no BOM). */
  gboolean header = split != NULL && split->present && split->bom_len == 0;
  g_autoptr(GArray) own = g_array_sized_new (FALSE, FALSE, sizeof (OwnValue), 16);
  g_autoptr(GHashTable) defaults = NULL;
  Reader reader = { fm, NULL, own };

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (relative_path != NULL, NULL);

  g_array_set_clear_func (own, clear_own_value);
  doc->kind = recap_site_config_classify (config, relative_path, header, &doc->collection, &doc->reason);
  if (doc->kind == RECAP_JEKYLL_KIND_OTHER)
    doc->collection = NULL;
  defaults = defaults_for (config, relative_path, doc->collection);
  reader.defaults = defaults;

  doc->layout = g_strdup (lookup_string (&reader, "layout"));
  read_authors (&reader, doc);
  doc->categories = read_categories (&reader, doc, config, relative_path);
  doc->tags = read_tags (&reader);
  read_title (&reader, doc, relative_path, text, len);
  read_date (&reader, doc, config, relative_path);
  read_state (&reader, doc, config, now);
  doc->inherited = inherited_keys (&reader);
  return doc;
}

void
recap_jekyll_doc_free (RecapJekyllDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->layout);
  g_free (doc->author);
  g_strfreev (doc->authors);
  g_strfreev (doc->categories);
  g_strfreev (doc->tags);
  g_clear_pointer (&doc->date, g_date_time_unref);
  g_free (doc->date_problem);
  g_strfreev (doc->inherited);
  g_free (doc);
}

GStrv
recap_jekyll_doc_dup_all_authors (const RecapJekyllDoc *doc)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) authors = NULL;

  if (doc->author != NULL)
    g_strv_builder_add (builder, doc->author);
  for (guint i = 0; doc->authors[i] != NULL; i++)
    if (g_strcmp0 (doc->author, doc->authors[i]) != 0)
      g_strv_builder_add (builder, doc->authors[i]);
  authors = g_strv_builder_end (builder);
  return authors[0] != NULL ? g_steal_pointer (&authors) : NULL;
}

GHashTable *
recap_jekyll_doc_get_defaults (RecapSiteConfig *config,
                               const char      *relative_path)
{
  const char *label = NULL;
  const char *reason = NULL;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (relative_path != NULL, NULL);

  if (recap_site_config_classify (config, relative_path, TRUE, &label, &reason) == RECAP_JEKYLL_KIND_OTHER)
    label = NULL;
  return defaults_for (config, relative_path, label);
}
