/* test-taxonomy.c: counts, near-duplicates and the value and key edits
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-post.h"
#include "recap-taxonomy.h"

static void
test_fold (void)
{
  g_autofree char *composed = recap_taxonomy_fold ("Tecnología");
  g_autofree char *decomposed = recap_taxonomy_fold ("TECNOLOGI\xcc\x81" "A");
  g_autofree char *plain = recap_taxonomy_fold ("tecnologia");

  g_assert_cmpstr (composed, ==, "tecnologia");
  g_assert_cmpstr (decomposed, ==, "tecnologia");
  g_assert_cmpstr (plain, ==, "tecnologia");
}

static GListModel *
posts_new (const char * const *texts)
{
  GListStore *store = g_list_store_new (RECAP_TYPE_POST);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("_posts/2024-01-%02u-p.md", i + 1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RecapPost) post = recap_post_new_from_text (file, path, texts[i], strlen (texts[i]));

      g_list_store_append (store, post);
    }
  return G_LIST_MODEL (store);
}

static void
test_count (void)
{
  static const char * const texts[] = {
    "---\ntags: [python, rust]\nauthor: Kim\n---\n",
    "---\ntags: [python, python]\ncategories: talks news\nauthor: Kim\n---\n",
    "---\ntags: go\ncategories: [talks]\n---\n",
    NULL,
  };
  g_autoptr(GListModel) posts = posts_new (texts);
  g_autoptr(GPtrArray) tags = recap_taxonomy_count (posts, RECAP_TAXONOMY_TAGS);
  g_autoptr(GPtrArray) categories = recap_taxonomy_count (posts, RECAP_TAXONOMY_CATEGORIES);
  g_autoptr(GPtrArray) authors = recap_taxonomy_count (posts, RECAP_TAXONOMY_AUTHORS);
  g_autoptr(GPtrArray) files = recap_taxonomy_files_with (posts, RECAP_TAXONOMY_CATEGORIES, "talks");
  RecapTaxonomyEntry *entry;

  g_assert_cmpuint (tags->len, ==, 3);
  entry = tags->pdata[0];
  g_assert_cmpstr (entry->name, ==, "python"); /* twice in one post counts once */
  g_assert_cmpuint (entry->count, ==, 2);
  entry = tags->pdata[1];
  g_assert_cmpstr (entry->name, ==, "go"); /* equal counts by name */
  g_assert_cmpuint (categories->len, ==, 2);
  entry = categories->pdata[0];
  g_assert_cmpstr (entry->name, ==, "talks");
  g_assert_cmpuint (entry->count, ==, 2);
  g_assert_cmpuint (authors->len, ==, 1);
  entry = authors->pdata[0];
  g_assert_cmpuint (entry->count, ==, 2);
  g_assert_cmpuint (files->len, ==, 2);
}

static void
add_entry (GPtrArray  *entries,
           const char *name,
           guint       count)
{
  RecapTaxonomyEntry *entry = g_new0 (RecapTaxonomyEntry, 1);

  entry->name = g_strdup (name);
  entry->count = count;
  g_ptr_array_add (entries, entry);
}

static void
test_near_duplicates (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) recap_taxonomy_entry_free);
  g_autoptr(GPtrArray) near = NULL;

  add_entry (entries, "python", 40);
  add_entry (entries, "Python", 3);
  add_entry (entries, "meet-up", 2);
  add_entry (entries, "meetup", 12);
  add_entry (entries, "meetups", 5);
  add_entry (entries, "open_source", 1);
  add_entry (entries, "Open Source", 7);
  add_entry (entries, "tecnología", 4);
  add_entry (entries, "tecnologia", 1);
  add_entry (entries, "story", 2);
  add_entry (entries, "stories", 1);
  add_entry (entries, "class", 1);
  add_entry (entries, "classes", 1);
  /* No plurals: these stay apart from "statu", "analysi", "cs". */
  add_entry (entries, "status", 1);
  add_entry (entries, "statu", 1);
  add_entry (entries, "css", 1);
  add_entry (entries, "cs", 1);
  add_entry (entries, "rust", 9);

  near = recap_taxonomy_near_duplicates (entries);
  g_assert_cmpuint (near->len, ==, 6);
  /* The most used spelling first, groups in order of it. */
  g_assert_cmpstrv (near->pdata[0], ((const char *[]) { "python", "Python", NULL }));
  g_assert_cmpstrv (near->pdata[1], ((const char *[]) { "meetup", "meetups", "meet-up", NULL }));
  g_assert_cmpstrv (near->pdata[2], ((const char *[]) { "Open Source", "open_source", NULL }));
  g_assert_cmpstrv (near->pdata[3], ((const char *[]) { "tecnología", "tecnologia", NULL }));
  g_assert_cmpstrv (near->pdata[4], ((const char *[]) { "story", "stories", NULL }));
  g_assert_cmpstrv (near->pdata[5], ((const char *[]) { "class", "classes", NULL }));
}

static char *
edit (const char *text,
      gconstpointer data,
      gboolean (*func) (GFile *, const char *, gsize, gconstpointer, RecapFrontMatterEdit *, GError **))
{
  g_auto(RecapFrontMatterEdit) out = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (func (NULL, text, strlen (text), data, &out, &error));
  g_assert_no_error (error);
  return out.changed ? g_strdup (out.text) : NULL;
}

static void
test_edit_values (void)
{
  static const struct {
    const char    *text;
    RecapTaxonomy  taxonomy;
    const char    *old_values[3];
    const char    *new_value;
    const char    *expected; /* NULL: no change */
  } cases[] = {
    /* Add, keeping the flow style and what is there */
    { "---\ntags: [a, b] # mine\n---\nx\n", RECAP_TAXONOMY_TAGS, { NULL }, "c",
      "---\ntags: [a, b, c] # mine\n---\nx\n" },
    { "---\ntags: [a, c]\n---\n", RECAP_TAXONOMY_TAGS, { NULL }, "c", NULL },
    { "---\ntitle: T\n---\n", RECAP_TAXONOMY_CATEGORIES, { NULL }, "news", "---\ntitle: T\ncategories: [news]\n---\n" },
    /* Jekyll's space-separated string stays one */
    { "---\ncategories: talks news\n---\n", RECAP_TAXONOMY_CATEGORIES, { NULL }, "py", "---\ncategories: talks news py\n---\n" },
    /* Remove */
    { "---\ntags:\n  - a\n  - b\n---\n", RECAP_TAXONOMY_TAGS, { "a", NULL }, NULL, "---\ntags:\n  - b\n---\n" },
    { "---\ntags: [a]\n---\n", RECAP_TAXONOMY_TAGS, { "z", NULL }, NULL, NULL },
    /* Merge two into one, the new name where the first stood */
    { "---\ntags: [Python, x, python]\n---\n", RECAP_TAXONOMY_TAGS, { "Python", "python", NULL }, "py",
      "---\ntags: [py, x]\n---\n" },
    /* An author string is renamed or removed as one */
    { "---\nauthor: \"Kim\"\n---\n", RECAP_TAXONOMY_AUTHORS, { "Kim", NULL }, "Kim Lee", "---\nauthor: \"Kim Lee\"\n---\n" },
    { "---\nauthor: Kim\ntitle: T\n---\n", RECAP_TAXONOMY_AUTHORS, { "Kim", NULL }, NULL, "---\ntitle: T\n---\n" },
    { "---\nauthor: Ann\n---\n", RECAP_TAXONOMY_AUTHORS, { "Kim", NULL }, NULL, NULL },
    { "---\nauthor: [Kim, Ann]\n---\n", RECAP_TAXONOMY_AUTHORS, { "Kim", NULL }, "Lee", "---\nauthor: [Lee, Ann]\n---\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RecapValueEdit value_edit = { cases[i].taxonomy, cases[i].old_values[0] ? cases[i].old_values : NULL,
                                    cases[i].new_value };
      g_autofree char *result = edit (cases[i].text, &value_edit, recap_edit_values);

      g_test_message ("case %u", i);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_edit_values_refuses_mixed_list (void)
{
  static const char text[] = "---\ntags:\n  - python\n  - name: Kim\n---\n";
  RecapValueEdit value_edit = { RECAP_TAXONOMY_TAGS, NULL, "go" };
  g_auto(RecapFrontMatterEdit) out = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (recap_edit_values (NULL, text, strlen (text), &value_edit, &out, &error));
  g_assert_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY);
}

static void
test_edit_key (void)
{
  static const struct {
    const char *text;
    const char *key;
    const char *value;
    const char *expected;
  } cases[] = {
    { "---\ntitle: T\n---\n", "layout", "post", "---\ntitle: T\nlayout: post\n---\n" },
    { "---\nlayout: post # x\n---\n", "layout", "talk", "---\nlayout: talk # x\n---\n" },
    { "---\nlayout: post\n---\n", "layout", "post", NULL },
    { "---\npublished: true\n---\n", "published", "false", "---\npublished: false\n---\n" },
    { "---\nevent: E\ntitle: T\n---\n", "event", NULL, "---\ntitle: T\n---\n" },
    { "---\ntitle: T\n---\n", "event", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RecapKeyEdit key_edit = { cases[i].key, cases[i].value };
      g_autofree char *result = edit (cases[i].text, &key_edit, recap_edit_key);

      g_test_message ("case %u", i);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/taxonomy/fold", test_fold);
  g_test_add_func ("/taxonomy/count", test_count);
  g_test_add_func ("/taxonomy/near-duplicates", test_near_duplicates);
  g_test_add_func ("/taxonomy/edit-values", test_edit_values);
  g_test_add_func ("/taxonomy/edit-values-refuses-mixed-list", test_edit_values_refuses_mixed_list);
  g_test_add_func ("/taxonomy/edit-key", test_edit_key);
  return g_test_run ();
}
