/* test-site-config.c: _config.yml as Jekyll 4.3 reads it, and the values
 * Jekyll gives a file (own, else defaults), its dates and where it goes
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-jekyll-date.h"
#include "recap-jekyll-doc.h"
#include "recap-site-config.h"
#include "test-util.h"

static const char config_text[] =
  "title: Site\n"
  "lang: de\n"
  "baseurl: /blog/\n"
  "timezone: America/New_York\n"
  "future: yes\n"
  "unpublished: off\n"
  "excerpt_separator: <!--more-->\n"
  "exclude: [docs, \"*.txt\"]\n"
  "include: [_redirects]\n"
  "collections:\n"
  "  talks: {output: true, permalink: /talks/:name/}\n"
  "  people:\n"
  "    output: false\n"
  "defaults:\n"
  "  - scope: {path: \"\"}\n"
  "    values: {layout: default, author: Site Team}\n"
  "  - scope: {path: \"\", type: posts}\n"
  "    values: {layout: post, categories: [news]}\n"
  "  - scope: {path: \"news/*\"}\n"
  "    values: {layout: wide, image: a.png}\n"
  "  - scope: {path: \"\", type: talks}\n"
  "    values: {layout: talk, published: false}\n";

static RecapSiteConfig *
make_config (void)
{
  g_autoptr(GError) error = NULL;
  RecapSiteConfig *config = recap_site_config_new_from_text (config_text, strlen (config_text), &error);

  g_assert_no_error (error);
  return config;
}

static void
test_config_values (void)
{
  g_autoptr(RecapSiteConfig) config = make_config ();
  const char * const *collections = recap_site_config_get_collections (config);

  g_assert_true (recap_site_config_get_present (config));
  g_assert_cmpstr (recap_site_config_get_title (config), ==, "Site");
  g_assert_cmpstr (recap_site_config_get_lang (config), ==, "de");
  g_assert_cmpstr (recap_site_config_get_baseurl (config), ==, "/blog");
  g_assert_cmpstr (recap_site_config_get_timezone_name (config), ==, "America/New_York");
  g_assert_cmpstr (g_time_zone_get_identifier (recap_site_config_get_time_zone (config)), ==, "America/New_York");
  g_assert_true (recap_site_config_get_future (config));
  g_assert_false (recap_site_config_get_unpublished (config));
  g_assert_cmpstr (recap_site_config_get_excerpt_separator (config), ==, "<!--more-->");
  g_assert_cmpuint (g_strv_length ((GStrv) collections), ==, 2);
  g_assert_cmpstr (collections[0], ==, "talks");
  g_assert_true (recap_site_config_get_collection_output (config, "talks"));
  g_assert_false (recap_site_config_get_collection_output (config, "people"));
  g_assert_cmpstr (recap_site_config_get_collection_permalink (config, "talks"), ==, "/talks/:name/");
  /* Jekyll's default excludes are added to the site's own. */
  g_assert_true (g_strv_contains (recap_site_config_get_exclude (config), "docs"));
  g_assert_true (g_strv_contains (recap_site_config_get_exclude (config), "node_modules"));
  g_assert_true (g_strv_contains (recap_site_config_get_include (config), "_redirects"));
}

static void
test_config_missing_and_invalid (void)
{
  g_autoptr(RecapSiteConfig) plain = recap_site_config_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapSiteConfig) broken = recap_site_config_new_from_text ("a: [b\n", 6, &error);

  g_assert_false (recap_site_config_get_present (plain));
  g_assert_cmpstr (recap_site_config_get_baseurl (plain), ==, "");
  g_assert_cmpstr (recap_site_config_get_excerpt_separator (plain), ==, "\n\n");
  g_assert_false (recap_site_config_get_future (plain));
  g_assert_true (g_strv_contains (recap_site_config_get_include (plain), ".htaccess"));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (recap_site_config_get_present (broken));
}

/* Jekyll reads _config.yaml when there is no _config.yml, and Recap names
 * the file it read (the form's "— from _config.yaml"). */
static void
test_config_file_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("recap-config-XXXXXX", &error);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(RecapSiteConfig) none = recap_site_config_load (root, NULL);
  g_autoptr(RecapSiteConfig) yaml = NULL;
  g_autoptr(RecapSiteConfig) yml = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (recap_site_config_get_file_name (none), ==, "_config.yml");
  test_util_write_file (dir, "_config.yaml", "title: Long name\n");
  yaml = recap_site_config_load (root, NULL);
  g_assert_cmpstr (recap_site_config_get_file_name (yaml), ==, "_config.yaml");
  g_assert_cmpstr (recap_site_config_get_title (yaml), ==, "Long name");
  test_util_write_file (dir, "_config.yml", "title: Short name\n");
  yml = recap_site_config_load (root, NULL);
  g_assert_cmpstr (recap_site_config_get_file_name (yml), ==, "_config.yml");
  g_assert_cmpstr (recap_site_config_get_title (yml), ==, "Short name");
  test_util_remove_tree (dir);
}

static void
assert_kind (RecapSiteConfig *config,
             const char      *path,
             gboolean         header,
             RecapJekyllKind  kind,
             const char      *label)
{
  const char *got_label, *reason;

  g_assert_cmpint (recap_site_config_classify (config, path, header, &got_label, &reason), ==, kind);
  g_assert_cmpstr (got_label, ==, label);
  g_assert_true ((kind == RECAP_JEKYLL_KIND_OTHER) == (reason != NULL));
}

static void
test_classify (void)
{
  g_autoptr(RecapSiteConfig) config = make_config ();

  assert_kind (config, "_posts/2024-01-02-a.md", FALSE, RECAP_JEKYLL_KIND_POST, "posts");
  assert_kind (config, "news/_posts/sub/2024-01-02-a.md", TRUE, RECAP_JEKYLL_KIND_POST, "posts");
  assert_kind (config, "_posts/no-date.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "_drafts/idea.md", TRUE, RECAP_JEKYLL_KIND_DRAFT, "posts");
  assert_kind (config, "_talks/keynote.md", TRUE, RECAP_JEKYLL_KIND_COLLECTION, "talks");
  assert_kind (config, "_talks/keynote.md", FALSE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "_unknown/x.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "about.md", TRUE, RECAP_JEKYLL_KIND_PAGE, "pages");
  assert_kind (config, "about.md", FALSE, RECAP_JEKYLL_KIND_OTHER, NULL);
  /* exclude: a plain prefix ("docs" also takes "docs2") and fnmatch globs. */
  assert_kind (config, "docs/_posts/2024-01-02-a.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "docs2/page.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "notes/a.txt", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "node_modules/pkg/readme.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, ".github/issue.md", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  assert_kind (config, "backup.md~", TRUE, RECAP_JEKYLL_KIND_OTHER, NULL);
  /* include: [_redirects] makes an underscore folder an ordinary one. */
  assert_kind (config, "_redirects/old.md", TRUE, RECAP_JEKYLL_KIND_PAGE, "pages");
}

static const RecapJekyllValue *
lookup_default (GHashTable *defaults,
                const char *key)
{
  return g_hash_table_lookup (defaults, key);
}

static void
test_defaults_precedence (void)
{
  g_autoptr(RecapSiteConfig) config = make_config ();
  g_autoptr(GHashTable) post = recap_site_config_get_defaults (config, "_posts/2024-01-02-a.md", "posts");
  g_autoptr(GHashTable) news = recap_site_config_get_defaults (config, "news/_posts/2024-01-02-a.md", "posts");
  g_autoptr(GHashTable) page = recap_site_config_get_defaults (config, "about.md", "pages");
  g_autoptr(GHashTable) deep = recap_site_config_get_defaults (config, "blog/news/x.md", "pages");

  /* Same path: the set with a type wins. */
  g_assert_cmpstr (lookup_default (post, "layout")->scalar, ==, "post");
  g_assert_cmpstr (lookup_default (post, "author")->scalar, ==, "Site Team");
  g_assert_cmpint (lookup_default (post, "categories")->kind, ==, RECAP_JEKYLL_VALUE_LIST);
  /* A longer path wins over a type. */
  g_assert_cmpstr (lookup_default (news, "layout")->scalar, ==, "wide");
  g_assert_nonnull (lookup_default (news, "image"));
  g_assert_cmpstr (lookup_default (page, "layout")->scalar, ==, "default");
  g_assert_null (lookup_default (page, "categories"));
  g_assert_null (lookup_default (deep, "image"));
}

static RecapJekyllDoc *
read_doc (RecapSiteConfig *config,
          const char      *path,
          const char      *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 6, 1, 0, 0, 0);

  return recap_jekyll_doc_new (config, path, text, strlen (text), now);
}

static void
test_doc_effective_values (void)
{
  g_autoptr(RecapSiteConfig) config = make_config ();
  g_autoptr(RecapJekyllDoc) post = read_doc (config, "news/_posts/2024-01-02-adam-fast.md",
                                             "---\ncategories: a b\ncategory: General\ntag: one two\n"
                                             "tags: [x]\ntitle: ~\nauthor: {name: Ada, url: x}\n---\nText\n");
  g_autoptr(RecapJekyllDoc) own = read_doc (config, "_posts/2024-01-02-b.md",
                                            "---\nlayout: null\npublished: off\nauthors: [A, B]\n---\n# Heading\n");
  g_autoptr(RecapJekyllDoc) talk = read_doc (config, "_talks/2030-01-01-keynote.md", "---\ntitle: K\n---\n");

  g_assert_cmpint (post->kind, ==, RECAP_JEKYLL_KIND_POST);
  g_assert_cmpstr (post->layout, ==, "wide");
  g_assert_cmpstr (post->author, ==, "Ada");
  g_assert_cmpstr (post->title, ==, "Adam Fast");
  g_assert_cmpstrv (post->categories, ((const char *[]) { "news", "a", "b", "General", NULL }));
  g_assert_cmpstrv (post->tags, ((const char *[]) { "one two", NULL }));
  g_assert_cmpstrv (post->inherited, ((const char *[]) { "image", "layout", NULL }));
  g_assert_true (post->published);
  g_assert_true (post->builds);

  /* Jekyll keeps the default for a null (utils.rb merge_values). */
  g_assert_cmpstr (own->layout, ==, "post");
  g_assert_false (own->published);
  g_assert_false (own->builds);
  g_assert_cmpstr (own->title, ==, "Heading");
  g_assert_cmpstr (own->author, ==, "Site Team");
  g_assert_cmpstrv (own->authors, ((const char *[]) { "A", "B", NULL }));

  /* A collection document: its defaults by type, future allowed by the site. */
  g_assert_cmpint (talk->kind, ==, RECAP_JEKYLL_KIND_COLLECTION);
  g_assert_cmpstr (talk->layout, ==, "talk");
  g_assert_true (talk->future);
  g_assert_false (talk->published);
  g_assert_false (talk->builds);
}

static char *
doc_date (RecapSiteConfig *config,
          const char      *date_line)
{
  g_autofree char *text = g_strdup_printf ("---\n%s\n---\n", date_line);
  g_autoptr(RecapJekyllDoc) doc = read_doc (config, "_posts/2013-05-06-a.md", text);

  return doc->date ? g_date_time_format (doc->date, "%F %T %z") : NULL;
}

static void
assert_doc_date (RecapSiteConfig *config,
                 const char      *date_line,
                 const char      *expected)
{
  g_autofree char *got = doc_date (config, date_line);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_doc_dates_in_site_zone (void)
{
  g_autoptr(RecapSiteConfig) config = make_config ();
  g_autoptr(RecapJekyllDoc) odd = NULL;
  g_autoptr(RecapJekyllDoc) bad = NULL;

  /* Written with an offset: the site's day can differ from the written one. */
  assert_doc_date (config, "date: \"2013-05-06 02:12:52 +0200\"", "2013-05-05 20:12:52 -0400");
  /* Quoted and zone-less: the site zone; unquoted: a YAML timestamp, UTC. */
  assert_doc_date (config, "date: \"2019-03-25 06:00:00\"", "2019-03-25 06:00:00 -0400");
  assert_doc_date (config, "date: 2019-03-25 06:00:00", "2019-03-25 02:00:00 -0400");
  assert_doc_date (config, "date: 2019-03-25", "2019-03-25 00:00:00 -0400");
  /* Ruby's Time.parse: a trailing year, zone names, roll-over. */
  /* Ruby drops a zone written after a repeated year: the site zone it is. */
  assert_doc_date (config, "date: 2023-01-29 18:30:22 2023 -0800", "2023-01-29 18:30:22 -0500");
  assert_doc_date (config, "date: 2024-01-10 10:00:00 PM UTC", "2024-01-10 17:00:00 -0500");
  assert_doc_date (config, "date: 2024-01-10 10:00:00 EST", "2024-01-10 10:00:00 -0500");
  assert_doc_date (config, "date: 2024-02-30", "2024-03-01 00:00:00 -0500");
  /* No date key: the file name's day, at midnight in the site zone. */
  assert_doc_date (config, "title: x", "2013-05-06 00:00:00 -0400");

  odd = read_doc (config, "_posts/2024-02-29-a.md", "---\ndate: 2024-02-30\n---\n");
  g_assert_nonnull (odd->date_problem);
  g_assert_true (g_str_has_prefix (odd->date_problem, "date Jekyll reads differently"));
  bad = read_doc (config, "_posts/2024-02-29-a.md", "---\ndate: soon\n---\n");
  g_assert_null (bad->date);
  g_assert_nonnull (bad->date_problem);
}

static void
test_yaml_booleans_and_nulls (void)
{
  RecapJekyllValue value = { RECAP_JEKYLL_VALUE_SCALAR, (char *) "Off", TRUE, NULL };
  gboolean out = TRUE;

  g_assert_true (recap_jekyll_value_get_boolean (&value, &out));
  g_assert_false (out);
  value.scalar = (char *) "yes";
  g_assert_true (recap_jekyll_value_get_boolean (&value, &out));
  g_assert_true (out);
  /* Psych (Ruby's YAML) reads y and n as strings, and quoted text too. */
  value.scalar = (char *) "n";
  g_assert_false (recap_jekyll_value_get_boolean (&value, &out));
  value.scalar = (char *) "false";
  value.plain = FALSE;
  g_assert_false (recap_jekyll_value_get_boolean (&value, &out));
  g_assert_true (recap_jekyll_scalar_is_null ("~", TRUE));
  g_assert_true (recap_jekyll_scalar_is_null ("NULL", TRUE));
  g_assert_false (recap_jekyll_scalar_is_null ("null", FALSE));
}

static void
test_titleize_slug (void)
{
  g_autofree char *adam = recap_jekyll_titleize_slug ("adam-fast");
  g_autofree char *mixed = recap_jekyll_titleize_slug ("iOS-tips-élan");

  g_assert_cmpstr (adam, ==, "Adam Fast");
  g_assert_cmpstr (mixed, ==, "Ios Tips Élan");
}

/* A default map and the file's map are merged key by key, as Jekyll's
 * Utils.deep_merge_hashes does: the file's keys win, a null keeps the default. */
static void
test_doc_deep_merge (void)
{
  static const char text[] =
    "defaults:\n"
    "  - scope: {path: \"\"}\n"
    "    values: {author: {name: Site Team, url: /about}}\n";
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_from_text (text, strlen (text), NULL);
  g_autoptr(RecapJekyllDoc) partial = read_doc (config, "_posts/2024-01-02-a.md", "---\nauthor: {url: /ada}\n---\n");
  g_autoptr(RecapJekyllDoc) named = read_doc (config, "_posts/2024-01-02-b.md", "---\nauthor:\n  name: Ada\n---\n");
  g_autoptr(RecapJekyllDoc) null_name = read_doc (config, "_posts/2024-01-02-c.md", "---\nauthor: {name: ~, x: y}\n---\n");
  g_autoptr(RecapJekyllDoc) plain = read_doc (config, "_posts/2024-01-02-d.md", "---\nauthor: Bo\n---\n");

  g_assert_cmpstr (partial->author, ==, "Site Team");
  g_assert_cmpstrv (partial->inherited, ((const char *[]) { NULL }));
  g_assert_cmpstr (named->author, ==, "Ada");
  g_assert_cmpstr (null_name->author, ==, "Site Team");
  /* A string over a map is no merge: the string. */
  g_assert_cmpstr (plain->author, ==, "Bo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/site-config/values", test_config_values);
  g_test_add_func ("/site-config/missing-and-invalid", test_config_missing_and_invalid);
  g_test_add_func ("/site-config/file-name", test_config_file_name);
  g_test_add_func ("/site-config/classify", test_classify);
  g_test_add_func ("/site-config/defaults-precedence", test_defaults_precedence);
  g_test_add_func ("/site-config/doc/effective-values", test_doc_effective_values);
  g_test_add_func ("/site-config/doc/dates", test_doc_dates_in_site_zone);
  g_test_add_func ("/site-config/yaml-booleans-and-nulls", test_yaml_booleans_and_nulls);
  g_test_add_func ("/site-config/titleize-slug", test_titleize_slug);
  g_test_add_func ("/site-config/doc/deep-merge", test_doc_deep_merge);
  return g_test_run ();
}
