/* recap-site-config.h: what Recap reads of a site's _config.yml, the way
 * Jekyll 4.3 reads it: defaults, zone, exclude/include, future,
 * unpublished, collections, and the few top-level strings Recap shows
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A YAML value as Jekyll gets it, reduced to what front matter uses. */
typedef enum {
  RECAP_JEKYLL_VALUE_NULL,    /* ~, null, or nothing: YAML 1.1's null */
  RECAP_JEKYLL_VALUE_SCALAR,
  RECAP_JEKYLL_VALUE_LIST,    /* @items: the scalar items (nested values left out) */
  RECAP_JEKYLL_VALUE_MAP,     /* @items: key, value, key, value… (scalar values only) */
} RecapJekyllValueKind;

typedef struct {
  RecapJekyllValueKind kind;
  char                *scalar;  /* SCALAR: the decoded text */
  gboolean             plain;   /* SCALAR: written unquoted (so YAML may read a
                                 * boolean, a null or a timestamp in it) */
  GStrv                items;
} RecapJekyllValue;

RecapJekyllValue *recap_jekyll_value_copy (const RecapJekyllValue *value);
void              recap_jekyll_value_free (RecapJekyllValue       *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapJekyllValue, recap_jekyll_value_free)
/* Ruby's YAML (Psych) reading of a plain scalar as a boolean: yes/true/on
 * and no/false/off, any case (y and n stay strings). FALSE when @value is
 * no boolean. */
gboolean          recap_jekyll_value_get_boolean (const RecapJekyllValue *value,
                                                  gboolean               *out);
/* TRUE for a plain scalar YAML 1.1 reads as null ("~", "null", ""). */
gboolean          recap_jekyll_scalar_is_null    (const char *text,
                                                  gboolean    plain);

typedef struct _RecapSiteConfig RecapSiteConfig;

/* Where Jekyll puts a file of the site. */
typedef enum {
  RECAP_JEKYLL_KIND_POST,
  RECAP_JEKYLL_KIND_DRAFT,
  RECAP_JEKYLL_KIND_COLLECTION, /* a document of a collection other than posts */
  RECAP_JEKYLL_KIND_PAGE,
  RECAP_JEKYLL_KIND_OTHER,      /* not read as a document; see the reason */
} RecapJekyllKind;

/* The config of a site without _config.yml: Jekyll's defaults. */
RecapSiteConfig *recap_site_config_new_default (void);
/* Parses @text; invalid YAML gives Jekyll's defaults and @error set
 * (Recap then shows the site anyway). */
RecapSiteConfig *recap_site_config_new_from_text (const char  *text,
                                                  gsize        len,
                                                  GError     **error);
/* Reads @root's _config.yml (or _config.yaml). Never NULL: a missing or
 * invalid file gives Jekyll's defaults. Blocking. */
RecapSiteConfig *recap_site_config_load         (GFile        *root,
                                                 GCancellable *cancellable);
RecapSiteConfig *recap_site_config_ref          (RecapSiteConfig *self);
void             recap_site_config_unref        (RecapSiteConfig *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapSiteConfig, recap_site_config_unref)

/* A number that differs between configs of different texts; 0 for none. */
guint64      recap_site_config_get_stamp        (RecapSiteConfig *self);
/* The config file's name as Jekyll found it: "_config.yml" or
 * "_config.yaml"; "_config.yml" when there is none. */
const char  *recap_site_config_get_file_name    (RecapSiteConfig *self);
/* TRUE when the site has a _config.yml (or _config.yaml) that parsed. */
gboolean     recap_site_config_get_present      (RecapSiteConfig *self);
/* Normalized to "" or "/sub/path" (one leading slash, no trailing one). */
const char  *recap_site_config_get_baseurl      (RecapSiteConfig *self);
/* The top-level "url", without trailing slashes; "" when missing. */
const char  *recap_site_config_get_url          (RecapSiteConfig *self);
const char  *recap_site_config_get_title        (RecapSiteConfig *self);
const char  *recap_site_config_get_lang         (RecapSiteConfig *self);
/* The IANA name of `timezone:`, or NULL (the machine's zone). */
const char  *recap_site_config_get_timezone_name (RecapSiteConfig *self);
/* The zone Jekyll reads zone-less dates in and files posts under. */
GTimeZone   *recap_site_config_get_time_zone    (RecapSiteConfig *self);
gboolean     recap_site_config_get_future       (RecapSiteConfig *self);
gboolean     recap_site_config_get_unpublished  (RecapSiteConfig *self);
/* "\n\n" unless set. */
const char  *recap_site_config_get_excerpt_separator (RecapSiteConfig *self);
/* "" unless set; no trailing slash. */
const char  *recap_site_config_get_collections_dir (RecapSiteConfig *self);
/* Labels of the collections other than posts, in file order. */
const char * const *recap_site_config_get_collections (RecapSiteConfig *self);
/* Whether collection @label is written (`output: true`); its permalink. */
gboolean     recap_site_config_get_collection_output (RecapSiteConfig *self,
                                                      const char      *label);
const char  *recap_site_config_get_collection_permalink (RecapSiteConfig *self,
                                                         const char      *label);
/* Jekyll's exclude (with its default excludes) and include lists. */
const char * const *recap_site_config_get_exclude (RecapSiteConfig *self);
const char * const *recap_site_config_get_include (RecapSiteConfig *self);

/* What Jekyll makes of the file at @relative_path: @has_front_matter says
 * whether it starts with a front-matter block Jekyll sees (no BOM outside
 * posts). @label gets the collection label (or "posts"), @reason (for
 * OTHER) a sentence saying why Jekyll does not read it as a document. */
RecapJekyllKind recap_site_config_classify      (RecapSiteConfig *self,
                                                 const char      *relative_path,
                                                 gboolean         has_front_matter,
                                                 const char     **label,
                                                 const char     **reason);
/* Jekyll's entry filter on one path: excluded (and not included), or a
 * dot, underscore, "#" or "~" name that is not included. */
gboolean     recap_site_config_is_filtered      (RecapSiteConfig *self,
                                                 const char      *relative_path);
/* The values `defaults:` give a document at @relative_path of @type
 * ("posts", "drafts", "pages" or a collection label), merged with Jekyll's
 * precedence: key (char *) → RecapJekyllValue, owned by the config. */
GHashTable  *recap_site_config_get_defaults     (RecapSiteConfig *self,
                                                 const char      *relative_path,
                                                 const char      *type);

/* @text's baseurl, normalized as above. */
char        *recap_site_config_parse_baseurl    (const char *text,
                                                 gsize       len);
/* The baseurl of @root's _config.yml, as above. Blocking. */
char        *recap_site_config_read_baseurl     (GFile        *root,
                                                 GCancellable *cancellable);
/* @text's "url", as recap_site_config_get_url() gives it. */
char        *recap_site_config_parse_url        (const char *text,
                                                 gsize       len);

/* The lint rules @text's `recap:` key turns off, as in
 * `recap: {disable: [future-date, unknown-layout]}`; an empty list when
 * there are none or the YAML is invalid. */
GStrv recap_site_config_parse_disabled_rules (const char *text,
                                              gsize       len);

G_END_DECLS
