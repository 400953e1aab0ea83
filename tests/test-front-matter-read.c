/* test-front-matter-read.c: splitting the fences and reading front matter
 *
 * The fence split (YAML, TOML, JSON), the typed readers, entries and their
 * byte spans, invalid YAML, the alias (shared value) check, keys in the
 * thousands, and the read-only readers of TOML and JSON front matter.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-front-matter.h"
#include "test-util.h"

/* Split */

typedef struct {
  const char             *text;
  RecapFrontMatterFormat  format;  /* NONE: no front matter */
  gsize                   yaml_start;
  gsize                   yaml_end;
  gsize                   body_start;
} SplitCase;

static const SplitCase split_cases[] = {
  { "---\na: 1\n---\nbody", RECAP_FRONT_MATTER_FORMAT_YAML, 4, 9, 13 },
  { "---\r\na: 1\r\n---\r\nbody", RECAP_FRONT_MATTER_FORMAT_YAML, 5, 11, 16 },
  { "\xef\xbb\xbf---\na: 1\n---\n", RECAP_FRONT_MATTER_FORMAT_YAML, 7, 12, 16 },
  { "---\n---\n", RECAP_FRONT_MATTER_FORMAT_YAML, 4, 4, 8 },
  { "---\n---", RECAP_FRONT_MATTER_FORMAT_YAML, 4, 4, 7 },
  { "---  \na: 1\n...\nbody", RECAP_FRONT_MATTER_FORMAT_YAML, 6, 11, 15 },
  { "--- \na: 1\n---   \nbody", RECAP_FRONT_MATTER_FORMAT_YAML, 5, 10, 17 },
  { "---\na: 1\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "# Title\n---\na: 1\n---\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "----\na: 1\n----\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "---\na: 1\n----\nb\n---\n", RECAP_FRONT_MATTER_FORMAT_YAML, 4, 16, 20 },
  { "", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "---", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
};

/* The split of @test->text agrees with @test in every field. */
static void
assert_split (const SplitCase *test)
{
  gboolean present = test->format != RECAP_FRONT_MATTER_FORMAT_NONE;
  RecapFrontMatterSplit split;

  g_test_message ("split: %s", test->text);
  g_assert_cmpint (recap_front_matter_split (test->text, strlen (test->text), &split), ==, present);
  g_assert_cmpint (split.present, ==, present);
  g_assert_cmpint (split.format, ==, test->format);
  if (!present)
    {
      g_assert_cmpuint (split.body_start, ==, split.bom_len);
      return;
    }
  g_assert_cmpuint (split.yaml_start, ==, test->yaml_start);
  g_assert_cmpuint (split.yaml_end, ==, test->yaml_end);
  g_assert_cmpuint (split.body_start, ==, test->body_start);
  g_assert_cmpuint (split.end, ==, test->body_start);
}

static void
test_split (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (split_cases); i++)
    assert_split (&split_cases[i]);
}

static void
test_split_bom (void)
{
  RecapFrontMatterSplit split;

  recap_front_matter_split ("\xef\xbb\xbf# no front matter\n", 21, &split);
  g_assert_false (split.present);
  g_assert_cmpuint (split.bom_len, ==, 3);
  g_assert_cmpuint (split.body_start, ==, 3);
}

/* Readers */

static RecapFrontMatter *
parse_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RecapFrontMatter *fm;
  gsize len;

  text = test_util_load_data (name, &len);
  fm = recap_front_matter_parse (text, len, &error);
  g_assert_no_error (error);
  return fm;
}

static void
assert_string (RecapFrontMatter *fm,
               const char       *path,
               const char       *expected)
{
  g_autofree char *value = recap_front_matter_get_string (fm, path);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_list (RecapFrontMatter *fm,
             const char       *path,
             const char       *expected)
{
  g_auto(GStrv) value = recap_front_matter_get_list (fm, path);
  g_autofree char *joined = value != NULL ? g_strjoinv ("|", value) : NULL;

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_readers_scalars (void)
{
  g_autoptr(RecapFrontMatter) fm = parse_fixture ("conference-day.md");
  g_autoptr(RecapFrontMatter) blocks = parse_fixture ("block-scalars.md");
  g_autoptr(RecapFrontMatter) quoted = parse_fixture ("quoted-keys.md");

  assert_string (fm, "title", "RegionCon 2019. Day One");
  assert_string (fm, "date", "2019-06-14 09:30:00 -0500");
  assert_string (fm, "seo.type", "Article");
  assert_string (fm, "seo", NULL);
  assert_string (fm, "missing", NULL);
  assert_string (blocks, "description", "First line of the description.\nSecond line, with a colon: here.\n");
  assert_string (blocks, "summary", "A folded paragraph that continues here.\n");
  assert_string (blocks, "note", "No trailing newline.");
  assert_string (blocks, "kept", "Keeps its breaks.\n\n");
  assert_string (quoted, "event name", "Spring sprint");
}

static void
test_readers_lists (void)
{
  g_autoptr(RecapFrontMatter) meetup = parse_fixture ("meetup-report.md");
  g_autoptr(RecapFrontMatter) conference = parse_fixture ("conference-day.md");
  g_autoptr(RecapFrontMatter) tags = parse_fixture ("tags-string.md");
  g_autoptr(RecapFrontMatter) nested = parse_fixture ("nested-lists.md");

  assert_list (meetup, "tags", "riverside");
  assert_list (meetup, "categories", "meetup|talks");
  assert_list (meetup, "image", "");
  assert_list (meetup, "author", NULL);
  assert_list (conference, "tags", "Python|RegionCon|Community");
  assert_list (conference, "categories", "article");
  assert_list (tags, "tags", "python|web|testing");
  assert_list (tags, "categories", "meetup|talks");
  assert_list (tags, "category", NULL);
  assert_list (nested, "tags", "indentless|list");
  assert_list (nested, "matrix", "");
}

/* Only a list of scalars reads as a plain list: writing back what
 * get_list() reads of the others would drop their maps and lists. */
static void
test_readers_plain_lists (void)
{
  static const char mixed[] = "---\ntags:\n  - python\n  - name: Kim\n  - [a, b]\nwords: one two\n---\n";
  g_autoptr(RecapFrontMatter) nested = parse_fixture ("nested-lists.md");
  g_autoptr(RecapFrontMatter) tags = parse_fixture ("tags-string.md");
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (mixed, strlen (mixed), NULL);
  g_auto(GStrv) plain = recap_front_matter_get_plain_list (nested, "tags");
  g_auto(GStrv) words = recap_front_matter_get_plain_list (tags, "tags");
  g_auto(GStrv) lenient = recap_front_matter_get_list (fm, "tags");

  g_assert_cmpuint (g_strv_length (plain), ==, 2);
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_null (recap_front_matter_get_plain_list (nested, "matrix"));
  g_assert_null (recap_front_matter_get_plain_list (nested, "speakers"));
  g_assert_null (recap_front_matter_get_plain_list (fm, "tags"));
  g_assert_null (recap_front_matter_get_plain_list (fm, "missing"));
  g_assert_cmpuint (g_strv_length (lenient), ==, 1);
}

static void
test_readers_booleans (void)
{
  static const struct { const char *text; gboolean found; gboolean value; } cases[] = {
    { "---\np: true\n---\n", TRUE, TRUE },
    { "---\np: False\n---\n", TRUE, FALSE },
    { "---\np: YES\n---\n", TRUE, TRUE },
    { "---\np: no\n---\n", TRUE, FALSE },
    { "---\np: \"true\"\n---\n", FALSE, FALSE },
    { "---\np: maybe\n---\n", FALSE, FALSE },
    { "---\np:\n---\n", FALSE, FALSE },
    { "---\nq: true\n---\n", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (cases[i].text, strlen (cases[i].text), NULL);
      gboolean value = !cases[i].value;

      g_assert_cmpint (recap_front_matter_get_boolean (fm, "p", &value), ==, cases[i].found);
      if (cases[i].found)
        g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_readers_dates (void)
{
  static const struct { const char *value; const char *utc; } cases[] = {
    { "2018-05-11 17:12:00 -0600", "2018-05-11T23:12:00Z" },
    { "'2018-05-11 17:12:00 +0200'", "2018-05-11T15:12:00Z" },
    { "2018-05-11T17:12:00Z", "2018-05-11T17:12:00Z" },
    { "2018-05-11 17:12 +05:30", "2018-05-11T11:42:00Z" },
    { "2018-5-1 9:05:07.5 -01", "2018-05-01T10:05:07Z" },
    { "2018-02-30", NULL },
    { "2018-05-11 25:00", NULL },
    { "yesterday", NULL },
    { "2018-05-11 17:12:00 -0600 extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\ndate: %s\n---\n", cases[i].value);
      g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, strlen (text), NULL);
      g_autoptr(GDateTime) date = recap_front_matter_get_date (fm, "date");
      g_autoptr(GDateTime) utc = date != NULL ? g_date_time_to_utc (date) : NULL;
      g_autofree char *formatted = utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      g_assert_cmpstr (formatted, ==, cases[i].utc);
    }
}

static void
test_readers_local_date (void)
{
  const char *text = "---\ndate: 2020-02-03\n---\n";
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, strlen (text), NULL);
  g_autoptr(GDateTime) date = recap_front_matter_get_date (fm, "date");
  g_autoptr(GDateTime) local = g_date_time_new_local (2020, 2, 3, 0, 0, 0);

  g_assert_true (g_date_time_equal (date, local));
}

/* Jekyll's (\d{2,4}-\d{1,2}-\d{1,2})- prefix, at local midnight. */
static void
test_file_name_dates (void)
{
  static const struct { const char *name; int year, month, day; } cases[] = {
    { "2024-03-14-slug.md", 2024, 3, 14 },
    { "2024-3-4-slug.md", 2024, 3, 4 },
    { "99-12-31-slug.md", 99, 12, 31 },
    { "2024-03-14.md", 0, 0, 0 },
    { "20245-03-14-slug.md", 0, 0, 0 },
    { "2024-003-14-slug.md", 0, 0, 0 },
    { "2024-03-144-slug.md", 0, 0, 0 },
    { "2024-02-30-slug.md", 0, 0, 0 },
    { "1-03-14-slug.md", 0, 0, 0 },
    { "2024-03--slug.md", 0, 0, 0 },
    { "slug.md", 0, 0, 0 },
    { "", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = recap_jekyll_date_from_file_name (cases[i].name);
      g_autoptr(GDateTime) local = cases[i].year != 0
                                   ? g_date_time_new_local (cases[i].year, cases[i].month, cases[i].day, 0, 0, 0)
                                   : NULL;

      if (local == NULL)
        g_assert_null (date);
      else
        g_assert_true (date != NULL && g_date_time_equal (date, local));
    }
}

static void
test_readers_duplicates_and_anchors (void)
{
  g_autoptr(RecapFrontMatter) duplicates = parse_fixture ("duplicate-keys.md");
  g_autoptr(RecapFrontMatter) anchors = parse_fixture ("anchors.md");
  g_auto(GStrv) keys = recap_front_matter_get_keys (duplicates, NULL);
  g_autofree char *joined = g_strjoinv ("|", keys);

  g_assert_cmpstr (joined, ==, "title|author|title");
  assert_string (duplicates, "title", "Second title");
  assert_string (anchors, "organizer", "Kim");
  assert_string (anchors, "defaults.author", "team");
  g_assert_true (recap_front_matter_has_key (anchors, "post.<<"));
}

static void
assert_span (const char *text,
             gsize       start,
             gsize       end,
             const char *expected)
{
  g_assert_cmpmem (text + start, end - start, expected, strlen (expected));
}

static void
test_entries (void)
{
  g_autofree char *text = NULL;
  g_autoptr(RecapFrontMatter) fm = NULL;
  RecapFrontMatterEntry entry;
  gsize len;

  text = test_util_load_data ("conference-day.md", &len);
  fm = recap_front_matter_parse (text, len, NULL);

  g_assert_true (recap_front_matter_get_entry (fm, "title", &entry));
  g_assert_cmpint (entry.kind, ==, RECAP_FRONT_MATTER_KIND_SCALAR);
  g_assert_cmpint (entry.scalar_style, ==, RECAP_YAML_STYLE_DOUBLE_QUOTED);
  assert_span (text, entry.key_start, entry.key_end, "title");
  assert_span (text, entry.value_start, entry.value_end, "\"RegionCon 2019. Day One\"");

  g_assert_true (recap_front_matter_get_entry (fm, "tags", &entry));
  g_assert_cmpint (entry.kind, ==, RECAP_FRONT_MATTER_KIND_SEQUENCE);
  g_assert_false (entry.flow);
  assert_span (text, entry.value_start, entry.value_end, "- Python\n  - RegionCon\n  - Community");

  g_assert_true (recap_front_matter_get_entry (fm, "seo.type", &entry));
  g_assert_cmpuint (entry.indent, ==, 2);
  g_assert_false (recap_front_matter_get_entry (fm, "seo.none", &entry));
}

static void
test_invalid (void)
{
  static const struct { const char *text; int code; guint line; guint column; } cases[] = {
    { "---\ntitle: Broken\n\tindented: with a tab\n---\n", RECAP_FRONT_MATTER_ERROR_INVALID, 3, 1 },
    { "---\na: b: c\n---\n", RECAP_FRONT_MATTER_ERROR_INVALID, 2, 5 },
    { "---\na: [1, 2\n---\n", RECAP_FRONT_MATTER_ERROR_INVALID, 3, 1 },
    { "---\na: *nowhere\n---\n", RECAP_FRONT_MATTER_ERROR_INVALID, 2, 4 },
    { "---\n- a\n- b\n---\n", RECAP_FRONT_MATTER_ERROR_NOT_MAPPING, 2, 1 },
    { "---\njust text\n---\n", RECAP_FRONT_MATTER_ERROR_NOT_MAPPING, 2, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;
      RecapFrontMatter *fm = recap_front_matter_parse_at (cases[i].text, strlen (cases[i].text),
                                                          &line, &column, &error);

      g_test_message ("invalid case %u: %s", i, error != NULL ? error->message : "no error");
      g_assert_null (fm);
      g_assert_error (error, RECAP_FRONT_MATTER_ERROR, cases[i].code);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

static void
test_no_front_matter_is_empty (void)
{
  g_autoptr(RecapFrontMatter) fm = parse_fixture ("no-front-matter.md");
  g_autoptr(RecapFrontMatter) unclosed = parse_fixture ("unclosed.md");
  g_autoptr(RecapFrontMatter) empty = parse_fixture ("empty.md");
  g_auto(GStrv) keys = recap_front_matter_get_keys (empty, NULL);

  g_assert_false (recap_front_matter_get_split (fm)->present);
  g_assert_false (recap_front_matter_has_key (unclosed, "title"));
  g_assert_true (recap_front_matter_get_split (empty)->present);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
}

static void
test_robustness (void)
{
  g_autoptr(GString) deep = g_string_new ("---\na: ");
  g_autoptr(GString) long_value = g_string_new ("---\na: ");
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapFrontMatter) fm = NULL;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autofree char *value = NULL;

  /* Deep nesting is refused, not recursed into. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (deep, '[');
  g_string_append (deep, "\n---\n");
  g_assert_null (recap_front_matter_parse (deep->str, deep->len, &error));
  g_assert_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_INVALID);

  /* A megabyte-long value reads and edits. */
  for (guint i = 0; i < 1 << 20; i++)
    g_string_append_c (long_value, 'a' + i % 26);
  g_string_append (long_value, "\nb: c\n---\n");
  fm = recap_front_matter_parse (long_value->str, long_value->len, NULL);
  value = recap_front_matter_get_string (fm, "a");
  g_assert_cmpuint (strlen (value), ==, 1 << 20);
  g_assert_true (recap_front_matter_set_string (long_value->str, long_value->len, "b", "d", &edit, NULL));
  g_assert_cmpuint (edit.len, ==, long_value->len);
}

static void
assert_shared (RecapFrontMatter *fm,
               const char       *path,
               const char       *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (recap_front_matter_check_unshared (fm, path, &error));
  g_assert_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, message);
}

/* The form asks before it offers an edit: what an alias elsewhere reads. */
static void
test_anchors_check_unshared (void)
{
  g_autoptr(RecapFrontMatter) suite = parse_fixture ("anchors-26dv.md");
  g_autoptr(RecapFrontMatter) anchors = parse_fixture ("anchors.md");
  g_autoptr(RecapFrontMatter) plain = parse_fixture ("conference-day.md");

  assert_shared (suite, "top1.key1",
                 "“top1.key1” is shared with “top3” through the anchor &alias1; edit it in the source");
  assert_shared (suite, "top2.key2",
                 "“top2.key2” is shared with “top4” through the anchor &alias2; edit it in the source");
  g_assert_true (recap_front_matter_check_unshared (suite, "top5", NULL));
  g_assert_true (recap_front_matter_check_unshared (suite, "top3", NULL));
  g_assert_true (recap_front_matter_check_unshared (suite, "top6.key6", NULL));

  assert_shared (anchors, "name",
                 "“name” is shared with “organizer” through the anchor &who; edit it in the source");
  assert_shared (anchors, "defaults.layout",
                 "“defaults.layout” is shared with “post.<<” through the anchor &base; edit it in the source");
  g_assert_true (recap_front_matter_check_unshared (anchors, "organizer", NULL));
  g_assert_true (recap_front_matter_check_unshared (anchors, "post.title", NULL));

  g_assert_true (recap_front_matter_check_unshared (plain, "title", NULL));
}

/* "key0: value 0" … under @parent (top level when NULL), then key0 again. */
static GString *
many_keys_document (guint       keys,
                    const char *parent)
{
  GString *text = g_string_new ("---\n");
  const char *indent = parent != NULL ? "  " : "";

  if (parent != NULL)
    g_string_append_printf (text, "%s:\n", parent);
  for (guint i = 0; i < keys; i++)
    g_string_append_printf (text, "%skey%u: value %u\n", indent, i, i);
  g_string_append_printf (text, "%skey0: last\n---\nBody.\n", indent);
  return text;
}

/* The work of check for @keys keys: parsers started and keys compared. */
static RecapFrontMatterCounters
check_cost (guint       keys,
            const char *parent)
{
  g_autoptr(GString) text = many_keys_document (keys, parent);
  g_autofree char *changed_path = NULL;
  g_autoptr(GError) error = NULL;
  RecapFrontMatterCounters before, after, cost;

  recap_front_matter_get_counters (&before);
  g_assert_true (recap_front_matter_check_round_trip (text->str, text->len, &changed_path, &error));
  g_assert_no_error (error);
  recap_front_matter_get_counters (&after);
  cost.parses = after.parses - before.parses;
  cost.key_compares = after.key_compares - before.key_compares;
  return cost;
}

/* check was one parse and a scan of the keys per key: quadratic. It
 * must parse once and find each key at a constant cost. */
static void
test_many_keys_linear (void)
{
  static const char * const parents[] = { NULL, "seo" };

  for (guint p = 0; p < G_N_ELEMENTS (parents); p++)
    for (guint keys = 500; keys <= 4000; keys *= 2)
      {
        RecapFrontMatterCounters cost = check_cost (keys, parents[p]);

        g_assert_cmpuint (cost.parses, ==, 1);
        g_assert_cmpuint (cost.key_compares, <=, 4 * keys);
      }
}

/* The index of a big mapping finds the last of duplicate keys, like a scan. */
static void
test_many_keys_lookup (void)
{
  g_autoptr(GString) top = many_keys_document (100, NULL);
  g_autoptr(GString) nested = many_keys_document (100, "seo");
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (top->str, top->len, NULL);
  g_autoptr(RecapFrontMatter) nested_fm = recap_front_matter_parse (nested->str, nested->len, NULL);
  g_auto(RecapFrontMatterEdit) edit = { 0 };

  assert_string (fm, "key0", "last");
  assert_string (fm, "key99", "value 99");
  g_assert_false (recap_front_matter_has_key (fm, "key100"));
  assert_string (nested_fm, "seo.key0", "last");
  assert_string (nested_fm, "seo.key42", "value 42");
  g_assert_false (recap_front_matter_has_key (nested_fm, "seo.key"));

  g_assert_true (recap_front_matter_set_string (top->str, top->len, "key0", "new", &edit, NULL));
  g_assert_nonnull (strstr (edit.text, "key0: value 0\n"));
  g_assert_nonnull (strstr (edit.text, "key0: new\n"));
}

static const SplitCase format_cases[] = {
  { "---\na: 1\n---\nbody", RECAP_FRONT_MATTER_FORMAT_YAML, 4, 9, 13 },
  { "+++\ntitle = \"x\"\n+++\nbody", RECAP_FRONT_MATTER_FORMAT_TOML, 4, 16, 20 },
  { "\xef\xbb\xbf+++\r\na = 1\r\n+++\r\n", RECAP_FRONT_MATTER_FORMAT_TOML, 8, 15, 20 },
  { "{\"title\": \"x\"}\nbody", RECAP_FRONT_MATTER_FORMAT_JSON, 0, 14, 15 },
  { "{\n  \"a\": \"}\",\n  \"b\": [1, {\"c\": 2}]\n}  \nbody", RECAP_FRONT_MATTER_FORMAT_JSON, 0, 36, 39 },
  { "{}\n", RECAP_FRONT_MATTER_FORMAT_JSON, 0, 2, 3 },
  { "+++\ntitle = \"x\"\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "{% include x.html %}\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "{{ page.title }}\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "{\"a\": 1} trailing\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "{\"a\": 1\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
  { "# Title\n", RECAP_FRONT_MATTER_FORMAT_NONE, 0, 0, 0 },
};

/* Nesting deeper than YAML's limit is not taken for front matter. */
static void
test_split_deep_json (void)
{
  g_autoptr(GString) text = g_string_new ("{\"a\": ");
  RecapFrontMatterSplit split;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\nBody\n");
  g_assert_false (recap_front_matter_split (text->str, text->len, &split));
  g_assert_cmpint (split.format, ==, RECAP_FRONT_MATTER_FORMAT_NONE);
}

static void
test_split_formats (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    assert_split (&format_cases[i]);
}

/* Posts with Hugo's front matter list with their title, date and tags. */
static void
test_foreign_readers (void)
{
  g_autoptr(RecapFrontMatter) toml = parse_fixture ("toml-front-matter.md");
  g_autoptr(RecapFrontMatter) json = parse_fixture ("json-front-matter.md");
  g_autoptr(GDateTime) toml_date = recap_front_matter_get_date (toml, "date");
  g_autoptr(GDateTime) json_date = recap_front_matter_get_date (json, "date");
  g_auto(GStrv) toml_tags = recap_front_matter_get_list (toml, "tags");
  g_auto(GStrv) json_tags = recap_front_matter_get_list (json, "tags");
  const char * const toml_expected[] = { "python", "django", NULL };
  const char * const json_expected[] = { "sprints", "python", NULL };
  gboolean draft = TRUE;

  assert_string (toml, "title", "Conference \"Wrap\" Up");
  g_assert_nonnull (toml_date);
  g_assert_cmpint (g_date_time_to_unix (toml_date), ==, 1570946400);
  g_assert_true (g_strv_equal ((const char * const *) toml_tags, toml_expected));
  g_assert_true (recap_front_matter_get_boolean (toml, "draft", &draft));
  g_assert_false (draft);
  g_assert_false (recap_front_matter_has_key (toml, "author"));
  g_assert_cmpstr (recap_front_matter_get_read_only_notice (toml), ==, "TOML front matter is shown read-only");

  assert_string (json, "title", "Sprint notes");
  assert_string (json, "weight", "3");
  g_assert_nonnull (json_date);
  g_assert_cmpint (g_date_time_to_unix (json_date), ==, 1588320000);
  g_assert_true (g_strv_equal ((const char * const *) json_tags, json_expected));
  g_assert_false (recap_front_matter_has_key (json, "params"));
  g_assert_cmpstr (recap_front_matter_get_read_only_notice (json), ==, "JSON front matter is shown read-only");
}

/* check refuses them too: Recap never writes them, so it cannot vouch. */
static void
test_foreign_round_trip_refused (void)
{
  static const char * const fixtures[] = { "toml-front-matter.md", "json-front-matter.md" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      gsize len;
      g_autofree char *text = test_util_load_data (fixtures[i], &len);
      g_autofree char *changed_path = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (recap_front_matter_check_round_trip (text, len, &changed_path, &error));
      g_assert_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY);
      g_assert_null (changed_path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/front-matter/split/table", test_split);
  g_test_add_func ("/front-matter/split/bom", test_split_bom);
  g_test_add_func ("/front-matter/split/formats", test_split_formats);
  g_test_add_func ("/front-matter/split/deep-json", test_split_deep_json);
  g_test_add_func ("/front-matter/foreign/readers", test_foreign_readers);
  g_test_add_func ("/front-matter/foreign/round-trip-refused", test_foreign_round_trip_refused);
  g_test_add_func ("/front-matter/read/scalars", test_readers_scalars);
  g_test_add_func ("/front-matter/read/lists", test_readers_lists);
  g_test_add_func ("/front-matter/read/plain-lists", test_readers_plain_lists);
  g_test_add_func ("/front-matter/read/booleans", test_readers_booleans);
  g_test_add_func ("/front-matter/read/dates", test_readers_dates);
  g_test_add_func ("/front-matter/read/local-date", test_readers_local_date);
  g_test_add_func ("/front-matter/read/file-name-dates", test_file_name_dates);
  g_test_add_func ("/front-matter/read/duplicates-and-anchors", test_readers_duplicates_and_anchors);
  g_test_add_func ("/front-matter/read/entries", test_entries);
  g_test_add_func ("/front-matter/read/invalid", test_invalid);
  g_test_add_func ("/front-matter/read/no-front-matter", test_no_front_matter_is_empty);
  g_test_add_func ("/front-matter/anchors/check-unshared", test_anchors_check_unshared);
  g_test_add_func ("/front-matter/many-keys/linear", test_many_keys_linear);
  g_test_add_func ("/front-matter/many-keys/lookup", test_many_keys_lookup);
  g_test_add_func ("/front-matter/robustness", test_robustness);
  return g_test_run ();
}
