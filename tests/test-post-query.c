/* test-post-query.c: typed filters — parsing, writing back, completion, matching
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-post-query.h"
#include "test-post-util.h"

static void
assert_term (RecapPostQuery  *query,
             guint            index,
             RecapQueryField  field,
             const char      *value,
             gboolean         negated)
{
  const RecapQueryTerm *term = recap_post_query_get_term (query, index);

  g_assert_cmpint (term->field, ==, field);
  g_assert_cmpstr (term->value, ==, value);
  g_assert_cmpint (term->negated, ==, negated);
}

static void
test_parse (void)
{
  g_autoptr(RecapPostQuery) query =
    recap_post_query_parse ("tag:python  year:2023 draft:yes author:\"Rivka Stein\" async -Category:news "
                            "draft:no Status:FUTURE https://example.org collection:Talks");

  g_assert_cmpuint (recap_post_query_get_n_terms (query), ==, 10);
  assert_term (query, 0, RECAP_QUERY_TAG, "python", FALSE);
  assert_term (query, 1, RECAP_QUERY_YEAR, "2023", FALSE);
  assert_term (query, 2, RECAP_QUERY_STATUS, "draft", FALSE);
  assert_term (query, 3, RECAP_QUERY_AUTHOR, "Rivka Stein", FALSE);
  assert_term (query, 4, RECAP_QUERY_TEXT, "async", FALSE);
  assert_term (query, 5, RECAP_QUERY_CATEGORY, "news", TRUE);
  assert_term (query, 6, RECAP_QUERY_STATUS, "draft", TRUE);
  assert_term (query, 7, RECAP_QUERY_STATUS, "future", FALSE);
  /* An unknown key is text. */
  assert_term (query, 8, RECAP_QUERY_TEXT, "https://example.org", FALSE);
  assert_term (query, 9, RECAP_QUERY_COLLECTION, "talks", FALSE);
}

static void
test_parse_edge_cases (void)
{
  static const struct { const char *text; guint n; } cases[] = {
    { "", 0 },
    { "   ", 0 },
    { "tag:", 1 },              /* a key without a value is text */
    { "tag:a tag:a", 1 },       /* the same term once */
    { "author:\"unclosed", 1 }, /* the rest of the text is the value */
    { "- -", 1 },               /* a lone dash is text, once */
    { "draft:maybe", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RecapPostQuery) query = recap_post_query_parse (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (recap_post_query_get_n_terms (query), ==, cases[i].n);
    }
  {
    g_autoptr(RecapPostQuery) query = recap_post_query_parse ("author:\"unclosed quote");
    assert_term (query, 0, RECAP_QUERY_AUTHOR, "unclosed quote", FALSE);
  }
  {
    g_autoptr(RecapPostQuery) query = recap_post_query_parse ("draft:maybe");
    assert_term (query, 0, RECAP_QUERY_TEXT, "draft:maybe", FALSE);
  }
}

static void
test_round_trip (void)
{
  g_autoptr(RecapPostQuery) query = recap_post_query_parse ("tags:python author:\"Rivka Stein\" -draft:yes "
                                                            "\"two words\" year:2023");
  g_autofree char *text = recap_post_query_to_string (query);
  g_autoptr(RecapPostQuery) again = recap_post_query_parse (text);
  g_autofree char *text_again = recap_post_query_to_string (again);

  g_assert_cmpstr (text, ==, "tag:python author:\"Rivka Stein\" -status:draft \"two words\" year:2023");
  g_assert_cmpstr (text_again, ==, text);

  recap_post_query_remove (query, 1);
  recap_post_query_add (query, RECAP_QUERY_CATEGORY, "news", FALSE);
  g_clear_pointer (&text, g_free);
  text = recap_post_query_to_string (query);
  g_assert_cmpstr (text, ==, "tag:python -status:draft \"two words\" year:2023 category:news");
}

static void
test_describe (void)
{
  g_autoptr(RecapPostQuery) query = recap_post_query_parse ("tag:python -draft:yes meetup");
  g_autofree char *tag = recap_query_term_describe (recap_post_query_get_term (query, 0));
  g_autofree char *draft = recap_query_term_describe (recap_post_query_get_term (query, 1));
  g_autofree char *text = recap_query_term_describe (recap_post_query_get_term (query, 2));

  g_assert_cmpstr (tag, ==, "tag: python");
  g_assert_cmpstr (draft, ==, "not status: draft");
  g_assert_cmpstr (text, ==, "“meetup”");
}

static void
test_completion_point (void)
{
  static const struct {
    const char      *text;
    gboolean         applies;
    RecapQueryField  field;
    gsize            prefix_start;
  } cases[] = {
    { "tag:py", TRUE, RECAP_QUERY_TAG, 4 },
    { "year:2023 author:\"Rivka S", TRUE, RECAP_QUERY_AUTHOR, 18 },
    { "author:\"Rivka Stein\"", FALSE, 0, 0 },
    { "year:2023 -cat", TRUE, RECAP_QUERY_TEXT, 11 },
    { "tag:python ", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "-categories:", TRUE, RECAP_QUERY_CATEGORY, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RecapQueryField field = RECAP_QUERY_TEXT;
      gsize start = 0;
      gboolean applies = recap_post_query_completion_point (cases[i].text, &field, &start);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (applies, ==, cases[i].applies);
      if (!applies)
        continue;
      g_assert_cmpint (field, ==, cases[i].field);
      g_assert_cmpuint (start, ==, cases[i].prefix_start);
    }
}

static GDateTime *
now (void)
{
  return g_date_time_new_utc (2025, 6, 1, 0, 0, 0);
}

static void
test_status_and_collection (void)
{
  g_autoptr(GDateTime) when = now ();
  g_autoptr(RecapPost) draft = test_post_new ("_drafts/a.md", "---\ntitle: A\n---\n");
  g_autoptr(RecapPost) unpublished = test_post_new ("_posts/2024-01-01-b.md", "---\npublished: false\n---\n");
  g_autoptr(RecapPost) future = test_post_new ("_posts/2026-01-01-c.md", "---\ntitle: C\n---\n");
  g_autoptr(RecapPost) published = test_post_new ("_posts/2024-01-01-d.md", "---\ntitle: D\n---\n");
  g_autoptr(RecapPost) talk = test_post_new ("_talks/e.md", "---\ntitle: E\n---\n");
  g_autoptr(RecapPost) page = test_post_new ("about.md", "---\ntitle: About\n---\n");
  g_autofree char *drafts = recap_post_dup_collection (draft);
  g_autofree char *talks = recap_post_dup_collection (talk);
  g_autofree char *pages = recap_post_dup_collection (page);

  g_assert_cmpint (recap_post_get_status (draft, when), ==, RECAP_POST_STATUS_DRAFT);
  g_assert_cmpint (recap_post_get_status (unpublished, when), ==, RECAP_POST_STATUS_UNPUBLISHED);
  g_assert_cmpint (recap_post_get_status (future, when), ==, RECAP_POST_STATUS_FUTURE);
  g_assert_cmpint (recap_post_get_status (published, when), ==, RECAP_POST_STATUS_PUBLISHED);
  g_assert_cmpstr (drafts, ==, "posts");
  g_assert_cmpstr (talks, ==, "talks");
  g_assert_cmpstr (pages, ==, "pages");
}

static gboolean
matches (const char *query_text,
         RecapPost  *post)
{
  g_autoptr(RecapPostQuery) query = recap_post_query_parse (query_text);
  g_autoptr(GDateTime) when = now ();

  return recap_post_query_matches (query, post, when);
}

static void
test_matches (void)
{
  g_autoptr(RecapPost) post = test_post_new ("_drafts/2023-05-04-async.md",
                                        "---\ntitle: Async for the rest of us\ndate: 2023-05-04\n"
                                        "author: Rivka Stein\ntags: [Python, Tecnología]\n"
                                        "categories: talks\n---\nWe met at the library.\n");

  g_assert_true (matches ("", post));
  g_assert_true (matches ("tag:python year:2023 draft:yes author:\"rivka stein\"", post));
  /* Diacritics and case do not matter in values. */
  g_assert_true (matches ("tag:tecnologia", post));
  g_assert_true (matches ("tag:TECNOLOGI\xcc\x81" "A", post));
  /* Terms of one field are alternatives, of different fields all needed. */
  g_assert_true (matches ("tag:rust tag:python", post));
  g_assert_false (matches ("tag:rust year:2023", post));
  g_assert_false (matches ("tag:python year:2022", post));
  g_assert_true (matches ("year:2022 year:2023", post));
  g_assert_true (matches ("category:talks collection:posts", post));
  g_assert_false (matches ("status:published", post));
  g_assert_false (matches ("draft:no", post));
  g_assert_false (matches ("-tag:python", post));
  g_assert_true (matches ("-tag:rust", post));
  /* Every word of text must be found, in the body or the metadata. */
  g_assert_true (matches ("library async", post));
  g_assert_false (matches ("library kotlin", post));
  g_assert_false (matches ("-library", post));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/post-query/parse", test_parse);
  g_test_add_func ("/post-query/parse-edge-cases", test_parse_edge_cases);
  g_test_add_func ("/post-query/round-trip", test_round_trip);
  g_test_add_func ("/post-query/describe", test_describe);
  g_test_add_func ("/post-query/completion-point", test_completion_point);
  g_test_add_func ("/post-query/status-and-collection", test_status_and_collection);
  g_test_add_func ("/post-query/matches", test_matches);
  return g_test_run ();
}
