/* recap-site-config.c: the site's _config.yml as Jekyll 4.3 reads it
 * (configuration.rb, frontmatter_defaults.rb, entry_filter.rb), loaded
 * with libyaml's document API. Read-only: Recap never writes it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Recap"

#include "recap-site-config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

typedef struct {
  char       *path;     /* scope path, sanitized ("" for every file) */
  char       *type;     /* NULL: any type */
  GHashTable *values;   /* key → RecapJekyllValue */
} DefaultSet;

typedef struct {
  char     *label;
  char     *permalink;
  gboolean  output;
} Collection;

struct _RecapSiteConfig
{
  gatomicrefcount  ref_count;
  gboolean         present;
  char            *file_name;     /* "_config.yml" or "_config.yaml" */
  guint64          stamp;
  char            *baseurl;
  char            *url;
  char            *title;
  char            *lang;
  char            *timezone_name;
  GTimeZone       *time_zone;
  gboolean         future;
  gboolean         unpublished;
  char            *excerpt_separator;
  char            *collections_dir;
  GArray          *collections;   /* Collection, posts left out */
  GStrv            collection_labels;
  GStrv            exclude;
  GStrv            include;
  GArray          *defaults;      /* DefaultSet, in file order */
};

/* configuration.rb: DEFAULT_EXCLUDES, added to any exclude list. */
static const char * const default_excludes[] = {
  ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
  "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/", NULL
};

/* Values */

RecapJekyllValue *
recap_jekyll_value_copy (const RecapJekyllValue *value)
{
  RecapJekyllValue *copy = g_new0 (RecapJekyllValue, 1);

  copy->kind = value->kind;
  copy->scalar = g_strdup (value->scalar);
  copy->plain = value->plain;
  copy->items = g_strdupv (value->items);
  return copy;
}

void
recap_jekyll_value_free (RecapJekyllValue *value)
{
  if (value == NULL)
    return;
  g_free (value->scalar);
  g_strfreev (value->items);
  g_free (value);
}

gboolean
recap_jekyll_scalar_is_null (const char *text,
                             gboolean    plain)
{
  static const char * const nulls[] = { "", "~", "null", "Null", "NULL", NULL };

  return plain && g_strv_contains (nulls, text);
}

gboolean
recap_jekyll_value_get_boolean (const RecapJekyllValue *value,
                                gboolean               *out)
{
  /* Ruby's Psych: YAML 1.1 without y/n (which it reads as strings). */
  static const char * const yes[] = { "yes", "true", "on", NULL };
  static const char * const no[] = { "no", "false", "off", NULL };
  g_autofree char *lower = NULL;

  if (value == NULL || value->kind != RECAP_JEKYLL_VALUE_SCALAR || !value->plain)
    return FALSE;
  lower = g_ascii_strdown (value->scalar, -1);
  if (g_strv_contains (yes, lower))
    *out = TRUE;
  else if (g_strv_contains (no, lower))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* YAML nodes */

static yaml_node_t *
node_get (yaml_document_t *doc,
          int              index)
{
  return index > 0 ? yaml_document_get_node (doc, index) : NULL;
}

static char *
scalar_dup (yaml_node_t *node)
{
  return g_strndup ((const char *) node->data.scalar.value, node->data.scalar.length);
}

static gboolean
scalar_is_plain (yaml_node_t *node)
{
  return node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
         node->data.scalar.style == YAML_ANY_SCALAR_STYLE;
}

/* The value of @key in mapping @map, or NULL. The last of duplicate keys
 * counts, as in Ruby's YAML. */
static yaml_node_t *
map_get (yaml_document_t *doc,
         yaml_node_t     *map,
         const char      *key)
{
  yaml_node_t *found = NULL;

  if (map == NULL || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *k = node_get (doc, pair->key);

      if (k != NULL && k->type == YAML_SCALAR_NODE &&
          strlen (key) == k->data.scalar.length &&
          memcmp (k->data.scalar.value, key, k->data.scalar.length) == 0)
        found = node_get (doc, pair->value);
    }
  return found;
}

/* A scalar's text, NULL for a null or another kind of node. */
static char *
node_string (yaml_node_t *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;
  text = scalar_dup (node);
  if (recap_jekyll_scalar_is_null (text, scalar_is_plain (node)))
    return NULL;
  return g_steal_pointer (&text);
}

static gboolean
node_boolean (yaml_node_t *node,
              gboolean     fallback)
{
  g_autofree char *text = node_string (node);
  RecapJekyllValue value = { RECAP_JEKYLL_VALUE_SCALAR, text, TRUE, NULL };
  gboolean out = fallback;

  if (text != NULL && scalar_is_plain (node))
    recap_jekyll_value_get_boolean (&value, &out);
  return out;
}

/* Scalars of a sequence (or of a lone scalar, as Ruby's Array() makes it). */
static GStrv
node_strv (yaml_document_t *doc,
           yaml_node_t     *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && node->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
        {
          g_autofree char *text = node_string (node_get (doc, *item));

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }
  else if (node != NULL && node->type == YAML_SCALAR_NODE)
    {
      g_autofree char *text = node_string (node);

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static RecapJekyllValue *
value_from_node (yaml_document_t *doc,
                 yaml_node_t     *node)
{
  RecapJekyllValue *value = g_new0 (RecapJekyllValue, 1);

  if (node->type == YAML_SCALAR_NODE)
    {
      value->scalar = scalar_dup (node);
      value->plain = scalar_is_plain (node);
      value->kind = recap_jekyll_scalar_is_null (value->scalar, value->plain)
                    ? RECAP_JEKYLL_VALUE_NULL : RECAP_JEKYLL_VALUE_SCALAR;
      if (value->kind == RECAP_JEKYLL_VALUE_NULL)
        g_clear_pointer (&value->scalar, g_free);
    }
  else if (node->type == YAML_SEQUENCE_NODE)
    {
      value->kind = RECAP_JEKYLL_VALUE_LIST;
      value->items = node_strv (doc, node);
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      value->kind = RECAP_JEKYLL_VALUE_MAP;
      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++)
        {
          g_autofree char *key = node_string (node_get (doc, pair->key));
          g_autofree char *text = node_string (node_get (doc, pair->value));

          if (key != NULL && text != NULL)
            {
              g_strv_builder_add (builder, key);
              g_strv_builder_add (builder, text);
            }
        }
      value->items = g_strv_builder_end (builder);
    }
  return value;
}

/* The config */

static void
clear_default_set (gpointer data)
{
  DefaultSet *set = data;

  g_free (set->path);
  g_free (set->type);
  g_clear_pointer (&set->values, g_hash_table_unref);
}

static void
clear_collection (gpointer data)
{
  Collection *collection = data;

  g_free (collection->label);
  g_free (collection->permalink);
}

RecapSiteConfig *
recap_site_config_new_default (void)
{
  RecapSiteConfig *self = g_new0 (RecapSiteConfig, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->file_name = g_strdup ("_config.yml");
  self->baseurl = g_strdup ("");
  self->url = g_strdup ("");
  self->excerpt_separator = g_strdup ("\n\n");
  self->collections_dir = g_strdup ("");
  self->collections = g_array_new (FALSE, TRUE, sizeof (Collection));
  g_array_set_clear_func (self->collections, clear_collection);
  self->collection_labels = g_new0 (char *, 1);
  self->defaults = g_array_new (FALSE, TRUE, sizeof (DefaultSet));
  g_array_set_clear_func (self->defaults, clear_default_set);
  self->exclude = g_strdupv ((GStrv) default_excludes);
  self->include = g_strdupv ((GStrv) (const char * const[]) { ".htaccess", NULL });
  self->time_zone = g_time_zone_new_local ();
  return self;
}

RecapSiteConfig *
recap_site_config_ref (RecapSiteConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
recap_site_config_unref (RecapSiteConfig *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->file_name);
  g_free (self->baseurl);
  g_free (self->url);
  g_free (self->title);
  g_free (self->lang);
  g_free (self->timezone_name);
  g_time_zone_unref (self->time_zone);
  g_free (self->excerpt_separator);
  g_free (self->collections_dir);
  g_array_unref (self->collections);
  g_strfreev (self->collection_labels);
  g_strfreev (self->exclude);
  g_strfreev (self->include);
  g_array_unref (self->defaults);
  g_free (self);
}

/* "/a/b/" → "/a/b"; "" stays "". */
static char *
normalize_baseurl (const char *value)
{
  g_autofree char *trimmed = NULL;
  const char *start = value ? value : "";

  while (g_ascii_isspace (*start) || *start == '/')
    start++;
  trimmed = g_strdup (start);
  g_strchomp (trimmed);
  while (*trimmed != '\0' && g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  return *trimmed == '\0' ? g_strdup ("") : g_strconcat ("/", trimmed, NULL);
}

/* frontmatter_defaults.rb: sanitize_path() drops a leading slash (and "./"). */
static char *
sanitize_scope_path (const char *path)
{
  const char *start = path ? path : "";
  g_autofree char *copy = NULL;

  while (*start == '/' || g_str_has_prefix (start, "./"))
    start += *start == '/' ? 1 : 2;
  copy = g_strdup (start);
  while (g_str_has_suffix (copy, "/"))
    copy[strlen (copy) - 1] = '\0';
  return g_steal_pointer (&copy);
}

/* Takes @path; frontmatter_defaults.rb matches scopes without collections_dir. */
static char *
strip_collections_dir (RecapSiteConfig *self,
                       char            *path)
{
  gsize len = strlen (self->collections_dir);
  char *stripped;

  if (len == 0 || strncmp (path, self->collections_dir, len) != 0 || path[len] != '/')
    return path;
  stripped = g_strdup (path + len + 1);
  g_free (path);
  return stripped;
}

static void
read_defaults (RecapSiteConfig *self,
               yaml_document_t *doc,
               yaml_node_t     *list)
{
  if (list == NULL || list->type != YAML_SEQUENCE_NODE)
    return;
  for (yaml_node_item_t *item = list->data.sequence.items.start; item < list->data.sequence.items.top; item++)
    {
      yaml_node_t *set_node = node_get (doc, *item);
      yaml_node_t *scope = map_get (doc, set_node, "scope");
      yaml_node_t *values = map_get (doc, set_node, "values");
      g_autofree char *path = node_string (map_get (doc, scope, "path"));
      DefaultSet set = { 0 };

      /* valid?(): a scope mapping and a values mapping. */
      if (scope == NULL || scope->type != YAML_MAPPING_NODE || values == NULL || values->type != YAML_MAPPING_NODE)
        continue;
      set.path = strip_collections_dir (self, sanitize_scope_path (path));
      set.type = node_string (map_get (doc, scope, "type"));
      set.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) recap_jekyll_value_free);
      for (yaml_node_pair_t *pair = values->data.mapping.pairs.start; pair < values->data.mapping.pairs.top; pair++)
        {
          yaml_node_t *key = node_get (doc, pair->key);
          yaml_node_t *value = node_get (doc, pair->value);

          if (key != NULL && key->type == YAML_SCALAR_NODE && value != NULL)
            g_hash_table_replace (set.values, scalar_dup (key), value_from_node (doc, value));
        }
      g_array_append_val (self->defaults, set);
    }
}

/* `collections:` is a list of labels or a mapping of label → metadata. */
static void
read_collections (RecapSiteConfig *self,
                  yaml_document_t *doc,
                  yaml_node_t     *node)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (node != NULL && node->type == YAML_MAPPING_NODE)
    {
      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++)
        {
          yaml_node_t *meta = node_get (doc, pair->value);
          Collection collection = { node_string (node_get (doc, pair->key)), NULL, FALSE };

          if (collection.label == NULL || g_str_equal (collection.label, "posts"))
            {
              g_free (collection.label);
              continue;
            }
          collection.output = node_boolean (map_get (doc, meta, "output"), FALSE);
          collection.permalink = node_string (map_get (doc, meta, "permalink"));
          g_array_append_val (self->collections, collection);
        }
    }
  else
    {
      names = node_strv (doc, node);
      for (guint i = 0; names[i] != NULL; i++)
        if (!g_str_equal (names[i], "posts"))
          {
            Collection collection = { g_strdup (names[i]), NULL, FALSE };
            g_array_append_val (self->collections, collection);
          }
    }
  for (guint i = 0; i < self->collections->len; i++)
    g_strv_builder_add (labels, g_array_index (self->collections, Collection, i).label);
  g_strfreev (self->collection_labels);
  self->collection_labels = g_strv_builder_end (labels);
}

/* Array(exclude) + DEFAULT_EXCLUDES, without repeats. */
static GStrv
with_defaults (GStrv               own,
               const char * const *defaults)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) own);
  for (guint i = 0; defaults[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) own, defaults[i]))
      g_strv_builder_add (builder, defaults[i]);
  return g_strv_builder_end (builder);
}

static void
read_string (yaml_document_t  *doc,
             yaml_node_t      *root,
             const char       *key,
             char            **out)
{
  char *value = node_string (map_get (doc, root, key));

  if (value != NULL)
    {
      g_free (*out);
      *out = value;
    }
}

static void
read_time_zone (RecapSiteConfig *self)
{
  GTimeZone *zone;

  if (self->timezone_name == NULL)
    return;
  zone = g_time_zone_new_identifier (self->timezone_name);
  if (zone == NULL)
    {
      g_debug ("Unknown timezone %s in _config.yml: using the local zone", self->timezone_name);
      return;
    }
  g_time_zone_unref (self->time_zone);
  self->time_zone = zone;
}

static void
read_document (RecapSiteConfig *self,
               yaml_document_t *doc)
{
  yaml_node_t *root = yaml_document_get_root_node (doc);
  g_auto(GStrv) exclude = NULL;
  g_auto(GStrv) include = NULL;
  g_autofree char *baseurl = NULL;
  g_autofree char *collections_dir = NULL;

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    return;
  self->present = TRUE;
  read_string (doc, root, "baseurl", &baseurl);
  g_free (self->baseurl);
  self->baseurl = normalize_baseurl (baseurl);
  read_string (doc, root, "url", &self->url);
  g_strstrip (self->url);
  while (g_str_has_suffix (self->url, "/"))
    self->url[strlen (self->url) - 1] = '\0';
  read_string (doc, root, "title", &self->title);
  read_string (doc, root, "lang", &self->lang);
  read_string (doc, root, "timezone", &self->timezone_name);
  read_time_zone (self);
  read_string (doc, root, "excerpt_separator", &self->excerpt_separator);
  read_string (doc, root, "collections_dir", &collections_dir);
  if (collections_dir != NULL)
    {
      g_free (self->collections_dir);
      self->collections_dir = sanitize_scope_path (collections_dir);
    }
  self->future = node_boolean (map_get (doc, root, "future"), FALSE);
  self->unpublished = node_boolean (map_get (doc, root, "unpublished"), FALSE);
  read_collections (self, doc, map_get (doc, root, "collections"));
  read_defaults (self, doc, map_get (doc, root, "defaults"));
  exclude = node_strv (doc, map_get (doc, root, "exclude"));
  include = node_strv (doc, map_get (doc, root, "include"));
  g_strfreev (self->exclude);
  self->exclude = with_defaults (exclude, default_excludes);
  g_strfreev (self->include);
  self->include = with_defaults (include, (const char * const[]) { ".htaccess", NULL });
}

/* 64 bits of the text's SHA-1: tells one config from another. */
static guint64
text_stamp (const char *text,
            gsize       len)
{
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) text, len);

  digest[16] = '\0';
  return g_ascii_strtoull (digest, NULL, 16) | 1;
}

RecapSiteConfig *
recap_site_config_new_from_text (const char  *text,
                                 gsize        len,
                                 GError     **error)
{
  RecapSiteConfig *self = recap_site_config_new_default ();
  yaml_parser_t parser;
  yaml_document_t doc;

  g_return_val_if_fail (text != NULL, NULL);

  self->stamp = text_stamp (text, len);
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  if (yaml_parser_load (&parser, &doc))
    {
      read_document (self, &doc);
      yaml_document_delete (&doc);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("_config.yml: %s at line %zu"), parser.problem ? parser.problem : _("invalid YAML"),
                 parser.problem_mark.line + 1);
  yaml_parser_delete (&parser);
  return self;
}

RecapSiteConfig *
recap_site_config_load (GFile        *root,
                        GCancellable *cancellable)
{
  static const char * const names[] = { "_config.yml", "_config.yaml" };

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (root, names[i]);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      RecapSiteConfig *self;
      gsize len = 0;

      if (!g_file_load_contents (file, cancellable, &text, &len, NULL, NULL))
        continue;
      self = recap_site_config_new_from_text (text, len, &error);
      g_free (self->file_name);
      self->file_name = g_strdup (names[i]);
      if (error != NULL)
        g_debug ("%s", error->message);
      return self;
    }
  return recap_site_config_new_default ();
}

/* Getters */

guint64
recap_site_config_get_stamp (RecapSiteConfig *self)
{
  return self->stamp;
}

const char *
recap_site_config_get_file_name (RecapSiteConfig *self)
{
  return self->file_name;
}

gboolean
recap_site_config_get_present (RecapSiteConfig *self)
{
  return self->present;
}

const char *
recap_site_config_get_baseurl (RecapSiteConfig *self)
{
  return self->baseurl;
}

const char *
recap_site_config_get_url (RecapSiteConfig *self)
{
  return self->url;
}

const char *
recap_site_config_get_title (RecapSiteConfig *self)
{
  return self->title;
}

const char *
recap_site_config_get_lang (RecapSiteConfig *self)
{
  return self->lang;
}

const char *
recap_site_config_get_timezone_name (RecapSiteConfig *self)
{
  return self->timezone_name;
}

GTimeZone *
recap_site_config_get_time_zone (RecapSiteConfig *self)
{
  return self->time_zone;
}

gboolean
recap_site_config_get_future (RecapSiteConfig *self)
{
  return self->future;
}

gboolean
recap_site_config_get_unpublished (RecapSiteConfig *self)
{
  return self->unpublished;
}

const char *
recap_site_config_get_excerpt_separator (RecapSiteConfig *self)
{
  return self->excerpt_separator;
}

const char *
recap_site_config_get_collections_dir (RecapSiteConfig *self)
{
  return self->collections_dir;
}

const char * const *
recap_site_config_get_collections (RecapSiteConfig *self)
{
  return (const char * const *) self->collection_labels;
}

static Collection *
find_collection (RecapSiteConfig *self,
                 const char      *label)
{
  for (guint i = 0; i < self->collections->len; i++)
    if (g_str_equal (g_array_index (self->collections, Collection, i).label, label))
      return &g_array_index (self->collections, Collection, i);
  return NULL;
}

gboolean
recap_site_config_get_collection_output (RecapSiteConfig *self,
                                         const char      *label)
{
  Collection *collection = find_collection (self, label);

  return collection != NULL && collection->output;
}

const char *
recap_site_config_get_collection_permalink (RecapSiteConfig *self,
                                            const char      *label)
{
  Collection *collection = find_collection (self, label);

  return collection ? collection->permalink : NULL;
}

const char * const *
recap_site_config_get_exclude (RecapSiteConfig *self)
{
  return (const char * const *) self->exclude;
}

const char * const *
recap_site_config_get_include (RecapSiteConfig *self)
{
  return (const char * const *) self->include;
}

/* Entry filter */

/* entry_filter.rb glob_include?(): File.fnmatch? (no FNM_PATHNAME, so "*"
 * crosses "/"), a plain string prefix, or the folder itself. */
static gboolean
glob_include (const char * const *patterns,
              const char         *entry,
              gboolean            is_dir)
{
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    {
      const char *pattern = patterns[i];

      /* Without a wildcard a pattern matches only itself, which is a prefix. */
      if ((strpbrk (pattern, "*?") != NULL && g_pattern_match_simple (pattern, entry)) ||
          g_str_has_prefix (entry, pattern) ||
          (is_dir && g_str_has_prefix (pattern, entry) && g_str_equal (pattern + strlen (entry), "/")))
        return TRUE;
    }
  return FALSE;
}

/* One step of Jekyll's walk: @entry (relative to the source) in @dir_name.
 * Called for each folder of each post: no copies of the lists. */
static gboolean
filters_entry (RecapSiteConfig *self,
               const char      *entry,
               gboolean         is_dir)
{
  const char * const *include = (const char * const *) self->include;
  g_autofree char *base = g_path_get_basename (entry);

  /* included?: the include list against the entry, and its base name. */
  if (glob_include (include, entry, is_dir) || glob_include (include, base, is_dir))
    return FALSE;
  /* excluded?: Jekyll's exclude list less the include list, whose
   * patterns matched above if they are the entry's. */
  if (glob_include ((const char * const *) self->exclude, entry, is_dir))
    return TRUE;
  return strchr ("._#~", base[0]) != NULL || g_str_has_suffix (base, "~");
}

gboolean
recap_site_config_is_filtered (RecapSiteConfig *self,
                               const char      *relative_path)
{
  g_autofree char *entry = g_strdup (relative_path);
  gboolean is_dir = *entry != '\0';  /* "" has no entries: not filtered */

  /* Each folder of the path, cut in place, then the file. */
  for (char *end = entry; is_dir; end++)
    {
      end += strcspn (end, "/");
      is_dir = *end == '/';
      *end = '\0';
      if (filters_entry (self, entry, is_dir))
        return TRUE;
      *end = is_dir ? '/' : '\0';
    }
  return FALSE;
}

/* Jekyll's DATE_FILENAME_MATCHER on a base name: (\d{2,4}-\d{1,2}-\d{1,2})-. */
static gboolean
has_date_prefix (const char *name)
{
  guint counts[3] = { 0 };
  guint part = 0;
  const char *p = name;

  for (; *p != '\0' && part < 3; p++)
    {
      if (g_ascii_isdigit (*p))
        counts[part]++;
      else if (*p == '-' && counts[part] > 0)
        part++;
      else
        return FALSE;
    }
  return part == 3 && counts[0] >= 2 && counts[0] <= 4 && counts[1] <= 2 && counts[2] <= 2 &&
         strchr (p, '.') != NULL;
}

/* The folders of @parts[0..n) pass the entry filter, @skip left out. */
static gboolean
folders_pass (RecapSiteConfig *self,
              GStrv            parts,
              guint            n)
{
  g_autoptr(GString) entry = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (entry, '/');
      g_string_append (entry, parts[i]);
      if (filters_entry (self, entry->str, TRUE))
        return FALSE;
    }
  return TRUE;
}

static RecapJekyllKind
classify_special (RecapSiteConfig *self,
                  const char      *relative_path,
                  GStrv            parts,
                  guint            at,
                  gboolean         has_front_matter,
                  const char     **label,
                  const char     **reason)
{
  const char *name = parts[at];
  const char *base = parts[g_strv_length (parts) - 1];

  if (g_str_equal (name, "_posts") || g_str_equal (name, "_drafts"))
    {
      if (recap_site_config_is_filtered (self, base) && !g_str_equal (base, name))
        return (*reason = _("Jekyll skips files whose names start with . _ # or end with ~")), RECAP_JEKYLL_KIND_OTHER;
      if (g_str_equal (name, "_posts") && !has_date_prefix (base))
        return (*reason = _("No date in the file name: Jekyll skips it")), RECAP_JEKYLL_KIND_OTHER;
      *label = "posts";
      return g_str_equal (name, "_drafts") ? RECAP_JEKYLL_KIND_DRAFT : RECAP_JEKYLL_KIND_POST;
    }
  if (at == 0 && find_collection (self, name + 1) != NULL)
    {
      if (!has_front_matter)
        return (*reason = _("No front matter: Jekyll copies it as a static file")), RECAP_JEKYLL_KIND_OTHER;
      *label = find_collection (self, name + 1)->label;
      return RECAP_JEKYLL_KIND_COLLECTION;
    }
  (void) relative_path;
  *reason = _("In a folder Jekyll skips");
  return RECAP_JEKYLL_KIND_OTHER;
}

/* Not a folder Jekyll reads specially: _posts, _drafts, a collection. */
static gboolean
is_plain_folder (RecapSiteConfig *self,
                 const char      *name,
                 gboolean         top)
{
  return !g_str_equal (name, "_posts") && !g_str_equal (name, "_drafts") &&
         !(top && find_collection (self, name + 1) != NULL);
}

RecapJekyllKind
recap_site_config_classify (RecapSiteConfig *self,
                            const char      *relative_path,
                            gboolean         has_front_matter,
                            const char     **label,
                            const char     **reason)
{
  const char *dir = self->collections_dir;
  const char *in_dir = relative_path;
  g_auto(GStrv) parts = NULL;
  guint n;
  const char *ignored_label, *ignored_reason;

  label = label ? label : &ignored_label;
  reason = reason ? reason : &ignored_reason;
  *label = NULL;
  *reason = NULL;
  if (*dir != '\0' && g_str_has_prefix (relative_path, dir) && relative_path[strlen (dir)] == '/')
    in_dir = relative_path + strlen (dir) + 1;
  parts = g_strsplit (in_dir, "/", -1);
  n = g_strv_length (parts);

  /* Excludes count against the whole path, wherever the file is. */
  for (guint i = 0; i < n; i++)
    {
      gboolean special = parts[i][0] == '_' && i + 1 < n;

      /* An included underscore folder (include: [_pages]) is walked as any other. */
      if (!special || (is_plain_folder (self, parts[i], i == 0) && folders_pass (self, parts, i + 1)))
        continue;
      /* With collections_dir, Jekyll reads posts and collections only there. */
      if (!folders_pass (self, parts, i) || (in_dir == relative_path && *dir != '\0'))
        break;
      if (glob_include ((const char * const *) self->exclude, relative_path, FALSE) &&
          !glob_include ((const char * const *) self->include, relative_path, FALSE))
        return (*reason = _("Excluded in _config.yml")), RECAP_JEKYLL_KIND_OTHER;
      return classify_special (self, relative_path, parts, i, has_front_matter, label, reason);
    }
  if (recap_site_config_is_filtered (self, relative_path))
    {
      gboolean excluded = glob_include ((const char * const *) self->exclude, relative_path, FALSE);

      *reason = excluded ? _("Excluded in _config.yml") : _("In a folder Jekyll skips");
      return RECAP_JEKYLL_KIND_OTHER;
    }
  if (!has_front_matter)
    return (*reason = _("No front matter: Jekyll copies it as a static file")), RECAP_JEKYLL_KIND_OTHER;
  *label = "pages";
  return RECAP_JEKYLL_KIND_PAGE;
}

/* Defaults */

/* Dir.glob-like: "*" within one folder, "**" across folders; @path is in
 * the scope when one of its leading parts matches. */
static gboolean
glob_scope_matches (const char *scope,
                    const char *path)
{
  g_auto(GStrv) pattern = g_strsplit (scope, "/", -1);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint np = g_strv_length (pattern), n = g_strv_length (parts);
  /* reach[j]: pattern[0..i) matches parts[0..j) */
  g_autofree gboolean *reach = g_new0 (gboolean, n + 1);

  reach[0] = TRUE;
  for (guint i = 0; i < np; i++)
    {
      g_autofree gboolean *next = g_new0 (gboolean, n + 1);
      gboolean any = g_str_equal (pattern[i], "**");

      for (guint j = 0; j <= n; j++)
        {
          if (!reach[j])
            continue;
          if (any)
            for (guint k = j; k <= n; k++)
              next[k] = TRUE;
          else if (j < n && g_pattern_match_simple (pattern[i], parts[j]))
            next[j + 1] = TRUE;
        }
      g_free (reach);
      reach = g_steal_pointer (&next);
    }
  for (guint j = 1; j <= n; j++)
    if (reach[j])
      return TRUE;
  return FALSE;
}

/* path_is_subpath?(): the scope is the path or one of its folders. */
static gboolean
applies_path (const DefaultSet *set,
              const char       *path)
{
  gsize len = strlen (set->path);

  if (len == 0)
    return TRUE;
  if (strchr (set->path, '*') != NULL)
    return glob_scope_matches (set->path, path);
  return g_str_has_prefix (path, set->path) && (path[len] == '\0' || path[len] == '/');
}

/* has_precedence?(): a longer scope path wins; at equal length, a type does. */
static gboolean
has_precedence (const DefaultSet *old,
                const DefaultSet *new)
{
  gsize new_len = strlen (new->path), old_len = strlen (old->path);

  if (new_len != old_len)
    return new_len >= old_len;
  return new->type != NULL || old->type == NULL;
}

static void
merge_values (GHashTable *into,
              GHashTable *values,
              gboolean    replace)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (replace || !g_hash_table_contains (into, key))
      g_hash_table_insert (into, key, value);
}

GHashTable *
recap_site_config_get_defaults (RecapSiteConfig *self,
                                const char      *relative_path,
                                const char      *type)
{
  GHashTable *merged = g_hash_table_new (g_str_hash, g_str_equal);
  const DefaultSet *old = NULL;

  g_return_val_if_fail (relative_path != NULL, merged);

  for (guint i = 0; i < self->defaults->len; i++)
    {
      const DefaultSet *set = &g_array_index (self->defaults, DefaultSet, i);

      if (!applies_path (set, relative_path) ||
          (set->type != NULL && (type == NULL || !g_str_equal (set->type, type))))
        continue;
      if (old == NULL || has_precedence (old, set))
        {
          merge_values (merged, set->values, TRUE);
          old = set;
        }
      else
        merge_values (merged, set->values, FALSE);
    }
  return merged;
}

/* The baseurl alone, for those who need no more. */

char *
recap_site_config_parse_baseurl (const char *text,
                                 gsize       len)
{
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_from_text (text, len, NULL);

  return g_strdup (config->baseurl);
}

char *
recap_site_config_read_baseurl (GFile        *root,
                                GCancellable *cancellable)
{
  g_autoptr(RecapSiteConfig) config = recap_site_config_load (root, cancellable);

  return g_strdup (config->baseurl);
}

char *
recap_site_config_parse_url (const char *text,
                             gsize       len)
{
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_from_text (text, len, NULL);

  return g_strdup (config->url);
}

/* The next event's type, the event kept in @event; YAML_NO_EVENT on a
 * parse error. */
static yaml_event_type_t
next_event (yaml_parser_t *parser,
            yaml_event_t  *event)
{
  if (!yaml_parser_parse (parser, event))
    {
      memset (event, 0, sizeof *event);
      return YAML_NO_EVENT;
    }
  return event->type;
}

/* Consumes the rest of a node whose first event was of @type. */
static gboolean
skip_node (yaml_parser_t     *parser,
           yaml_event_type_t  type)
{
  int depth = type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT;

  while (depth > 0)
    {
      yaml_event_t event;

      type = next_event (parser, &event);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT)
        return FALSE;
      if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT)
        depth++;
      else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT)
        depth--;
    }
  return TRUE;
}

/* In a mapping whose start was read: reads up to @key, so that the next
 * event is its value, and returns TRUE; FALSE when it has no such key. */
static gboolean
find_key (yaml_parser_t *parser,
          const char    *key)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);
      gboolean found = type == YAML_SCALAR_EVENT && g_str_equal ((const char *) event.data.scalar.value, key);

      yaml_event_delete (&event);
      if (found)
        return TRUE;
      if (type == YAML_NO_EVENT || type == YAML_MAPPING_END_EVENT || !skip_node (parser, type))
        return FALSE;
      type = next_event (parser, &event);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || !skip_node (parser, type))
        return FALSE;
    }
}

/* Reads the next event and tells whether it is of @type. */
static gboolean
expect (yaml_parser_t     *parser,
        yaml_event_type_t  type)
{
  yaml_event_t event;
  gboolean matched = next_event (parser, &event) == type;

  yaml_event_delete (&event);
  return matched;
}

/* The scalars of the sequence whose start was read (nested nodes skipped). */
static void
read_scalars (yaml_parser_t *parser,
              GStrvBuilder  *builder)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);

      if (type == YAML_SCALAR_EVENT)
        g_strv_builder_add (builder, (const char *) event.data.scalar.value);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || type == YAML_SEQUENCE_END_EVENT || !skip_node (parser, type))
        return;
    }
}

/* Reads to the end of the stream: FALSE on a YAML error, as Jekyll
 * rejects a file it cannot parse as a whole. */
static gboolean
rest_is_valid (yaml_parser_t *parser)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);

      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || type == YAML_STREAM_END_EVENT)
        return type == YAML_STREAM_END_EVENT;
    }
}

GStrv
recap_site_config_parse_disabled_rules (const char *text,
                                        gsize       len)
{
  g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
  yaml_parser_t parser;
  gboolean valid;

  g_return_val_if_fail (text != NULL, NULL);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  if (expect (&parser, YAML_STREAM_START_EVENT) && expect (&parser, YAML_DOCUMENT_START_EVENT) &&
      expect (&parser, YAML_MAPPING_START_EVENT) && find_key (&parser, "recap") &&
      expect (&parser, YAML_MAPPING_START_EVENT) && find_key (&parser, "disable") &&
      expect (&parser, YAML_SEQUENCE_START_EVENT))
    read_scalars (&parser, rules);
  valid = rest_is_valid (&parser);
  yaml_parser_delete (&parser);
  if (!valid)
    return g_new0 (char *, 1);
  return g_strv_builder_end (rules);
}
