/* test-form-model.c: which fields the front-matter form shows, of what kind, in what order
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-form-model.h"
#include "recap-jekyll-doc.h"

static RecapFormModel *
model_for (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return recap_form_model_new (fm);
}

static const RecapFormField *
field_at (RecapFormModel *model,
          const char     *path)
{
  for (guint i = 0; i < recap_form_model_get_n_fields (model); i++)
    {
      const RecapFormField *field = recap_form_model_get_field (model, i);
      if (g_str_equal (field->path, path))
        return field;
    }
  g_error ("No field %s", path);
}

static void
assert_kind (RecapFormModel     *model,
             const char         *path,
             RecapFormFieldKind  kind)
{
  g_assert_cmpint (field_at (model, path)->kind, ==, kind);
}

/* The paths of the fields, one line each, in the form's order. */
static char *
paths_of (RecapFormModel *model)
{
  GString *paths = g_string_new (NULL);

  for (guint i = 0; i < recap_form_model_get_n_fields (model); i++)
    g_string_append_printf (paths, "%s\n", recap_form_model_get_field (model, i)->path);
  return g_string_free (paths, FALSE);
}

static void
test_known_fields (void)
{
  g_autoptr(RecapFormModel) model = model_for (
    "---\n"
    "image: /assets/a.png\n"
    "hidden: false\n"
    "featured: yes\n"
    "published: true\n"
    "description: |\n  Two\n  lines\n"
    "excerpt: Short\n"
    "categories: news events\n"
    "tags:\n  - gnome\n  - gtk\n"
    "layout: post\n"
    "event: GUADEC\n"
    "date: 2024-03-14 10:00:00 +0100\n"
    "author: Kim\n"
    "title: Hello\n"
    "---\nBody\n");
  const RecapFormField *title = field_at (model, "title");

  g_assert_cmpstr (title->label, ==, "Title");
  g_assert_cmpstr (title->key, ==, "title");
  g_assert_null (title->parent);
  g_assert_null (title->shared_notice);
  assert_kind (model, "title", RECAP_FORM_FIELD_TEXT);
  assert_kind (model, "author", RECAP_FORM_FIELD_TEXT);
  assert_kind (model, "date", RECAP_FORM_FIELD_DATE);
  assert_kind (model, "event", RECAP_FORM_FIELD_TEXT);
  assert_kind (model, "layout", RECAP_FORM_FIELD_CHOICE);
  assert_kind (model, "tags", RECAP_FORM_FIELD_CHIPS);
  /* Jekyll's space-separated string is a list too. */
  assert_kind (model, "categories", RECAP_FORM_FIELD_CHIPS);
  assert_kind (model, "excerpt", RECAP_FORM_FIELD_TEXT_AREA);
  assert_kind (model, "description", RECAP_FORM_FIELD_TEXT_AREA);
  assert_kind (model, "published", RECAP_FORM_FIELD_SWITCH);
  assert_kind (model, "featured", RECAP_FORM_FIELD_SWITCH);
  assert_kind (model, "hidden", RECAP_FORM_FIELD_SWITCH);
  assert_kind (model, "image", RECAP_FORM_FIELD_IMAGE);
  g_assert_cmpstr (field_at (model, "categories")->label, ==, "Categories");
  g_assert_cmpstr (field_at (model, "image")->label, ==, "Image");

  /* The site's authors, events, tags and categories are suggested. */
  g_assert_true (field_at (model, "author")->suggests);
  g_assert_true (field_at (model, "event")->suggests);
  g_assert_true (field_at (model, "tags")->suggests);
  g_assert_true (field_at (model, "categories")->suggests);
  g_assert_false (title->suggests);
  g_assert_false (field_at (model, "layout")->suggests);
}

/* A known name whose value does not fit its row gets the row the value fits. */
static void
test_known_field_other_value (void)
{
  g_autoptr(RecapFormModel) model = model_for (
    "---\npublished: later\nfeatured: |\n  not\n  yet\ntitle: [a, b]\ntags: {a: 1}\n"
    "author: >-\n  Lee\n  Jones\n---\n");

  assert_kind (model, "published", RECAP_FORM_FIELD_TEXT);
  /* Line breaks in a one-line field would show as "↵". */
  assert_kind (model, "author", RECAP_FORM_FIELD_TEXT_AREA);
  assert_kind (model, "featured", RECAP_FORM_FIELD_TEXT_AREA);
  assert_kind (model, "title", RECAP_FORM_FIELD_CHIPS);
  assert_kind (model, "tags", RECAP_FORM_FIELD_MAP);
}

static void
test_other_fields (void)
{
  g_autoptr(RecapFormModel) model = model_for (
    "---\n"
    "draft: no\n"
    "summary: >\n  folded\n  text\n"
    "subtitle: plain\n"
    "keywords: [one, two]\n"
    "seo:\n  type: article\n  title: Nested\n  author: Lee\n"
    "---\n");
  const RecapFormField *nested = field_at (model, "seo.title");

  assert_kind (model, "draft", RECAP_FORM_FIELD_SWITCH);
  assert_kind (model, "summary", RECAP_FORM_FIELD_TEXT_AREA);
  assert_kind (model, "subtitle", RECAP_FORM_FIELD_TEXT);
  assert_kind (model, "keywords", RECAP_FORM_FIELD_CHIPS);
  assert_kind (model, "seo", RECAP_FORM_FIELD_MAP);
  g_assert_null (field_at (model, "subtitle")->label);
  g_assert_false (field_at (model, "keywords")->suggests);

  /* Known names mean the top-level fields only. */
  g_assert_cmpstr (nested->parent, ==, "seo");
  g_assert_cmpstr (nested->key, ==, "title");
  g_assert_null (nested->label);
  g_assert_cmpint (nested->kind, ==, RECAP_FORM_FIELD_TEXT);
  g_assert_false (field_at (model, "seo.author")->suggests);
}

/* Known fields first in their order, then the others as written, each
 * mapping's fields right after it; a duplicated key once. */
static void
test_order (void)
{
  g_autoptr(RecapFormModel) model = model_for (
    "---\n"
    "zeta: 1\n"
    "image: a.png\n"
    "seo:\n  title: T\n  type: article\n"
    "alpha: 2\n"
    "title: First\n"
    "zeta: 3\n"
    "date: 2024-01-01\n"
    "---\n");
  g_autofree char *paths = paths_of (model);

  g_assert_cmpstr (paths, ==, "title\ndate\nimage\nzeta\nseo\nseo.title\nseo.type\nalpha\n");
}

static void
test_read_only (void)
{
  static const char text[] =
    "---\n"
    "title: &t Old\n"
    "og_title: *t\n"
    "author: kim\n"
    "defaults: &d\n  layout: post\n"
    "page: *d\n"
    "---\nBody\n";
  g_autoptr(RecapFormModel) model = model_for (text);
  const RecapFormField *title = field_at (model, "title");
  const RecapFormField *alias = field_at (model, "og_title");
  guint line, column;

  /* An edit of the anchored value would change what the alias reads. */
  g_assert_cmpint (title->kind, ==, RECAP_FORM_FIELD_READ_ONLY);
  g_assert_nonnull (title->shared_notice);
  g_assert_nonnull (strstr (title->shared_notice, "“title” is shared with “og_title” through the anchor &t"));
  /* The alias itself is read-only, but can go. */
  g_assert_cmpint (alias->kind, ==, RECAP_FORM_FIELD_READ_ONLY);
  g_assert_null (alias->shared_notice);
  assert_kind (model, "author", RECAP_FORM_FIELD_TEXT);
  g_assert_null (field_at (model, "author")->shared_notice);
  /* A shared mapping is not opened: its fields are not shown. */
  assert_kind (model, "defaults", RECAP_FORM_FIELD_READ_ONLY);
  g_assert_nonnull (field_at (model, "defaults")->shared_notice);
  g_assert_cmpuint (recap_form_model_get_n_fields (model), ==, 5);

  {
    g_autofree char *source = recap_form_field_dup_source (alias, text);
    g_assert_cmpstr (source, ==, "*t");
  }
  recap_form_field_get_position (alias, text, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 1);
}

/* A long value is cut on a character boundary; columns count characters. */
static void
test_source_and_position (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitlé: Ünïcode\nseo:\n  list: [xy");
  g_autoptr(RecapFormModel) model = NULL;
  g_autofree char *source = NULL;
  const RecapFormField *list;
  guint line, column;

  /* Byte 200 of the value falls inside an "é". */
  for (guint i = 0; i < 100; i++)
    g_string_append (text, "é, ");
  g_string_append (text, "end]\n---\n");
  model = model_for (text->str);
  list = field_at (model, "seo.list");
  g_assert_cmpint (list->kind, ==, RECAP_FORM_FIELD_CHIPS);

  source = recap_form_field_dup_source (list, text->str);
  g_assert_true (g_utf8_validate (source, -1, NULL));
  g_assert_true (g_str_has_suffix (source, "…"));
  g_assert_cmpuint (strlen (source), ==, 199 + strlen ("…"));
  g_assert_true (g_str_has_prefix (source, "[xyé, é, "));

  recap_form_field_get_position (list, text->str, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 3);
  recap_form_field_get_position (field_at (model, "titlé"), text->str, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 1);
}

/* The signature follows which fields exist and their kinds, not their values. */
static void
test_signature (void)
{
  g_autoptr(RecapFormModel) base = model_for ("---\ntitle: A\npublished: true\nseo:\n  type: x\n---\n");
  g_autoptr(RecapFormModel) other_values = model_for ("---\ntitle: B\npublished: false\nseo:\n  type: y\n---\n");
  g_autoptr(RecapFormModel) reordered = model_for ("---\nseo:\n  type: x\npublished: true\ntitle: A\n---\n");
  g_autoptr(RecapFormModel) added = model_for ("---\ntitle: A\npublished: true\nseo:\n  type: x\nextra: 1\n---\n");
  g_autoptr(RecapFormModel) nested_added = model_for ("---\ntitle: A\npublished: true\nseo:\n  type: x\n  b: 1\n---\n");
  g_autoptr(RecapFormModel) kind_changed = model_for ("---\ntitle: A\npublished: soon\nseo:\n  type: x\n---\n");
  g_autoptr(RecapFormModel) empty = model_for ("No front matter\n");
  const char *signature = recap_form_model_get_signature (base);

  g_assert_cmpstr (recap_form_model_get_signature (other_values), ==, signature);
  /* The form orders known fields itself: moving them changes no row. */
  g_assert_cmpstr (recap_form_model_get_signature (reordered), ==, signature);
  g_assert_cmpstr (recap_form_model_get_signature (added), !=, signature);
  g_assert_cmpstr (recap_form_model_get_signature (nested_added), !=, signature);
  g_assert_cmpstr (recap_form_model_get_signature (kind_changed), !=, signature);
  g_assert_cmpuint (recap_form_model_get_n_fields (empty), ==, 0);
  g_assert_cmpstr (recap_form_model_get_signature (empty), ==, "");
}

static RecapFormModel *
model_with_keys (guint       keys,
                 const char *extra)
{
  g_autoptr(GString) text = g_string_new ("---\n");

  for (guint i = 0; i < keys; i++)
    g_string_append_printf (text, "key%u: value %u\n", i, i);
  g_string_append (text, extra);
  g_string_append (text, "---\nBody\n");
  return model_for (text->str);
}

static RecapFormModel *
model_with_tags (guint tags)
{
  g_autoptr(GString) text = g_string_new ("---\ntags:\n");

  for (guint i = 0; i < tags; i++)
    g_string_append_printf (text, "  - tag%u\n", i);
  g_string_append (text, "---\n");
  return model_for (text->str);
}

/* Beyond RECAP_FORM_MAX_FIELDS fields (nested ones count) the front matter
 * is edited in the source; a longer list is not made into chips. */
static void
test_cap (void)
{
  g_autoptr(RecapFormModel) few = model_with_keys (RECAP_FORM_MAX_FIELDS, "");
  g_autoptr(RecapFormModel) more = model_with_keys (RECAP_FORM_MAX_FIELDS + 1, "");
  g_autoptr(RecapFormModel) nested = model_with_keys (RECAP_FORM_MAX_FIELDS - 1, "seo:\n  type: x\n");
  g_autoptr(RecapFormModel) tags = model_with_tags (RECAP_FORM_MAX_FIELDS);
  g_autoptr(RecapFormModel) more_tags = model_with_tags (RECAP_FORM_MAX_FIELDS + 1);

  g_assert_cmpuint (RECAP_FORM_MAX_FIELDS, ==, 300);
  g_assert_cmpuint (recap_form_model_get_n_fields (few), ==, 300);
  g_assert_false (recap_form_model_is_too_big (few));
  g_assert_cmpuint (recap_form_model_get_n_fields (more), ==, 301);
  g_assert_true (recap_form_model_is_too_big (more));
  g_assert_cmpuint (recap_form_model_get_n_fields (nested), ==, 301);
  g_assert_true (recap_form_model_is_too_big (nested));

  assert_kind (tags, "tags", RECAP_FORM_FIELD_CHIPS);
  assert_kind (more_tags, "tags", RECAP_FORM_FIELD_READ_ONLY);
  g_assert_null (field_at (more_tags, "tags")->shared_notice);
}

/* Chips would write back only a list's strings: one that holds maps or
 * lists is shown read-only, known (tags) or not (people). */
static void
test_mixed_lists_read_only (void)
{
  g_autoptr(RecapFormModel) model = model_for ("---\ntags:\n  - python\n  - name: Kim\n"
                                               "people:\n  - name: Kim\n  - Lee\n"
                                               "matrix: [[1, 2]]\ncategories: [talks]\n---\n");

  assert_kind (model, "tags", RECAP_FORM_FIELD_READ_ONLY);
  assert_kind (model, "people", RECAP_FORM_FIELD_READ_ONLY);
  assert_kind (model, "matrix", RECAP_FORM_FIELD_READ_ONLY);
  assert_kind (model, "categories", RECAP_FORM_FIELD_CHIPS);
}

/* What `defaults:` give the post: a known key the file lacks takes its
 * place as a text field, other scalars come after the file's keys, and
 * a list or a null default gives no field. */
static void
test_inherited_defaults (void)
{
  static const char config_text[] =
    "defaults:\n"
    "  - scope: {path: \"\", type: posts}\n"
    "    values: {layout: news_item, author: Site Team, comments: true, tags: [a, b], image: ~}\n"
    "  - scope: {path: \"\", type: pages}\n"
    "    values: {layout: page, sidebar: left}\n";
  static const char text[] = "---\ntitle: Hello\nauthor: Ada\n---\n";
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_from_text (config_text, strlen (config_text), NULL);
  g_autoptr(GHashTable) defaults = recap_jekyll_doc_get_defaults (config, "_posts/2024-03-01-hello.md");
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, strlen (text), NULL);
  g_autoptr(RecapFormModel) model = recap_form_model_new_with_defaults (fm, defaults);
  g_autoptr(RecapFormModel) plain = recap_form_model_new (fm);
  g_autofree char *paths = paths_of (model);

  g_assert_cmpstr (paths, ==, "title\nauthor\nlayout\ncomments\n");
  g_assert_cmpuint (recap_form_model_get_n_own_fields (model), ==, 2);
  g_assert_null (field_at (model, "title")->inherited);
  g_assert_cmpstr (field_at (model, "author")->inherited, ==, "Site Team");
  g_assert_false (field_at (model, "author")->absent);
  g_assert_cmpstr (field_at (model, "layout")->inherited, ==, "news_item");
  g_assert_true (field_at (model, "layout")->absent);
  g_assert_true (field_at (model, "layout")->suggests);
  assert_kind (model, "layout", RECAP_FORM_FIELD_TEXT);
  g_assert_cmpstr (field_at (model, "comments")->inherited, ==, "true");
  assert_kind (model, "comments", RECAP_FORM_FIELD_TEXT);
  /* Typing a key into the file changes the rows. */
  g_assert_cmpstr (recap_form_model_get_signature (plain), !=, recap_form_model_get_signature (model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-model/known-fields", test_known_fields);
  g_test_add_func ("/form-model/known-field-other-value", test_known_field_other_value);
  g_test_add_func ("/form-model/other-fields", test_other_fields);
  g_test_add_func ("/form-model/order", test_order);
  g_test_add_func ("/form-model/read-only", test_read_only);
  g_test_add_func ("/form-model/source-and-position", test_source_and_position);
  g_test_add_func ("/form-model/signature", test_signature);
  g_test_add_func ("/form-model/cap", test_cap);
  g_test_add_func ("/form-model/mixed-lists-read-only", test_mixed_lists_read_only);
  g_test_add_func ("/form-model/inherited-defaults", test_inherited_defaults);

  return g_test_run ();
}
