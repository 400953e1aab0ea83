/* test-front-matter-property.c: properties of the edits over every fixture
 *
 * Setting any key of any fixture to any of many awkward values reads back
 * as that value and leaves every other key as it was; setting it again
 * changes nothing; setting every key to what it is changes no byte.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-front-matter.h"
#include "test-util.h"

/* Properties over every fixture: parse, set(k, v), parse gives v for k and
 * the same for every other key; set(k, v) again changes nothing. */

static const char * const property_values[] = {
  "", "x", "plain words", "true", "False", "null", "~", "42", "-7", "3.14", "1e3", "0x1F",
  "12:30", "2021-03-04", "a: b", "a #b", "#hash", "- dash", "-1", "? q", ": c", "[x]",
  "{y}", "a, b", "&anchor", "*alias", "!tag", "%p", "@at", "`tick`", "|", ">", "'", "\"",
  "it's", "say \"hi\"", "back\\slash", " lead", "trail ", "tab\tin", "line\nbreak",
  "ends\n", "keeps\n\n", "\nleading", "a\n\nb", " a\n b", "ünïcödé", "日本語", "emoji 🎉",
  "---", "...", "a: b\nc: d", "x\r\ny", "bell\a", "\xc2\x85", "\xe2\x80\xa8",
};

static const char * const property_fixtures[] = {
  "meetup-report.md", "conference-day.md", "user-group-notes.md", "writeup.md",
  "no-front-matter.md", "comments.md", "block-scalars.md", "quoted-keys.md", "empty.md",
  "only-front-matter.md", "unclosed.md", "crlf.md", "bom.md", "non-ascii.md", "flow-maps.md",
  "nested-lists.md", "duplicate-keys.md", "anchors.md", "tags-string.md", "dots-end.md",
  "anchors-26dv.md",
};

/* "path=value" for every key, in order; the key set to @skip is left out. */
static void
describe (RecapFrontMatter *fm,
          const char       *prefix,
          const char       *skip,
          GString          *out)
{
  g_auto(GStrv) keys = recap_front_matter_get_keys (fm, prefix);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", keys[i], NULL) : g_strdup (keys[i]);
      g_autofree char *value = NULL;
      g_auto(GStrv) list = NULL;
      RecapFrontMatterEntry entry;

      if (g_strcmp0 (path, skip) == 0)
        continue;
      /* An alias stays an alias; what it reads follows its anchor. */
      if (recap_front_matter_get_entry (fm, path, &entry) && entry.kind == RECAP_FRONT_MATTER_KIND_ALIAS)
        {
          g_string_append_printf (out, "%s=*\n", path);
          continue;
        }
      value = recap_front_matter_get_string (fm, path);
      list = recap_front_matter_get_list (fm, path);
      g_string_append_printf (out, "%s=%s", path, value != NULL ? value : "");
      for (guint j = 0; list != NULL && list[j] != NULL; j++)
        g_string_append_printf (out, "|%s", list[j]);
      g_string_append_c (out, '\n');
      describe (fm, path, skip, out);
    }
}

static char *
describe_text (const char *text,
               gsize       len,
               const char *skip)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (fm);
  describe (fm, NULL, skip, out);
  return g_string_free (out, FALSE);
}

static GPtrArray *
top_level_paths (const char *text,
                 gsize       len)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);
  g_auto(GStrv) keys = recap_front_matter_get_keys (fm, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (paths, g_strdup (keys[i]));
  /* A new key and a nested one too. */
  g_ptr_array_add (paths, g_strdup ("fresh"));
  if (recap_front_matter_has_key (fm, "seo"))
    g_ptr_array_add (paths, g_strdup ("seo.type"));
  return paths;
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY);
}

static guint
check_set_property (const char *text,
                    gsize       len,
                    const char *path,
                    const char *value)
{
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_auto(RecapFrontMatterEdit) again = { 0 };
  g_autoptr(RecapFrontMatter) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;

  if (!recap_front_matter_set_string (text, len, path, value, &edit, &error))
    {
      /* Only refusals are allowed, never a failed self-check. */
      g_assert_true (is_refusal (error));
      return 0;
    }

  after = recap_front_matter_parse (edit.text, edit.len, NULL);
  read_back = recap_front_matter_get_string (after, path);
  g_assert_cmpstr (read_back, ==, value);

  others_before = describe_text (text, len, path);
  others_after = describe_text (edit.text, edit.len, path);
  g_assert_cmpstr (others_after, ==, others_before);

  g_assert_true (recap_front_matter_set_string (edit.text, edit.len, path, value, &again, NULL));
  g_assert_false (again.changed);
  g_assert_cmpmem (again.text, again.len, edit.text, edit.len);
  return 1;
}

static char *
random_value (GRand *rand)
{
  static const char * const pieces[] = {
    "a", "Z", "0", "7", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", ",", "[", "]",
    "{", "}", "'", "\"", "\\", "\n", "\t", "&", "*", "!", "|", ">", "%", "@", "`", "é",
    "日", "true", "null", ".", "---",
  };
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 8);

  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (out, FALSE);
}

static void
test_property_set (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240501);
  guint checked = 0;

  for (guint f = 0; f < G_N_ELEMENTS (property_fixtures); f++)
    {
      gsize len;
      g_autofree char *text = test_util_load_data (property_fixtures[f], &len);
      g_autoptr(GPtrArray) paths = top_level_paths (text, len);

      for (guint p = 0; p < paths->len; p++)
        {
          const char *path = g_ptr_array_index (paths, p);

          for (guint v = 0; v < G_N_ELEMENTS (property_values); v++)
            checked += check_set_property (text, len, path, property_values[v]);
          for (guint r = 0; r < 40; r++)
            {
              g_autofree char *value = random_value (rand);

              checked += check_set_property (text, len, path, value);
            }
        }
    }
  g_test_message ("%u set/parse round trips", checked);
  g_assert_cmpuint (checked, >, 5000);
}

static void
check_list_property (const char         *text,
                     gsize               len,
                     const char         *path,
                     const char * const *items)
{
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_auto(RecapFrontMatterEdit) again = { 0 };
  g_autoptr(RecapFrontMatter) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) read_back = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;

  if (!recap_front_matter_set_list (text, len, path, items, &edit, &error))
    {
      g_assert_true (is_refusal (error));
      return;
    }

  after = recap_front_matter_parse (edit.text, edit.len, NULL);
  read_back = recap_front_matter_get_list (after, path);
  g_assert_true (g_strv_equal ((const char * const *) read_back, items));

  others_before = describe_text (text, len, path);
  others_after = describe_text (edit.text, edit.len, path);
  g_assert_cmpstr (others_after, ==, others_before);

  g_assert_true (recap_front_matter_set_list (edit.text, edit.len, path, items, &again, NULL));
  g_assert_false (again.changed);
}

static void
test_property_lists (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint f = 0; f < G_N_ELEMENTS (property_fixtures); f++)
    {
      gsize len;
      g_autofree char *text = test_util_load_data (property_fixtures[f], &len);
      g_autoptr(GPtrArray) paths = top_level_paths (text, len);

      for (guint p = 0; p < paths->len; p++)
        for (guint r = 0; r < 30; r++)
          {
            g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
            guint n = g_rand_int_range (rand, 0, 5);

            for (guint i = 0; i < n; i++)
              g_ptr_array_add (items, random_value (rand));
            g_ptr_array_add (items, NULL);
            check_list_property (text, len, g_ptr_array_index (paths, p), (const char * const *) items->pdata);
          }
    }
}

/* Setting every key to what it already is changes no byte. */
static void
test_property_round_trip (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (property_fixtures); f++)
    {
      gsize len;
      g_autofree char *text = test_util_load_data (property_fixtures[f], &len);
      g_autofree char *changed_path = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (recap_front_matter_check_round_trip (text, len, &changed_path, &error));
      g_assert_no_error (error);
      g_assert_null (changed_path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/front-matter/property/set", test_property_set);
  g_test_add_func ("/front-matter/property/lists", test_property_lists);
  g_test_add_func ("/front-matter/property/round-trip", test_property_round_trip);
  return g_test_run ();
}
