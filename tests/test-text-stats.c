/* test-text-stats.c: words, characters, reading time and headings of a post
 *
 * The expected counts are hand counts of the text a reader sees.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-text-stats.h"

#include <string.h>

static void
assert_counts (const char *text,
               guint       words,
               guint       characters)
{
  RecapTextCounts counts;

  recap_text_count (text, strlen (text), &counts);
  if (counts.words != words || counts.characters != characters)
    g_error ("%s: counted %u words and %u characters, expected %u and %u",
             text, counts.words, counts.characters, words, characters);
}

static void
test_plain (void)
{
  assert_counts ("", 0, 0);
  assert_counts ("One two  three\n", 3, 14);
  /* A line break inside a paragraph is one space; between blocks, nothing. */
  assert_counts ("One\ntwo\n\nthree", 3, 12);
  /* Punctuation alone is no word; words keep their apostrophes and hyphens. */
  assert_counts ("Don't - well-known 3.5 — ok!", 4, 28);
}

static void
test_markup (void)
{
  /* Emphasis does not split a word; markup is not counted. */
  assert_counts ("**bold**ly *it* `code`", 3, 14);
  assert_counts ("# Title\n\n> Quote\n\n- a\n- b", 4, 12);
  /* Links count their text, not their target. */
  assert_counts ("See [the slides](https://example.org/a/b/c).", 3, 15);
  assert_counts ("See [the slides][s].\n\n[s]: https://example.org/s", 3, 15);
  /* Images count nothing. */
  assert_counts ("A ![big photo](/img/p.png) here", 2, 7);
  assert_counts ("| Talk | Speaker |\n|---|---|\n| Async | Ana |\n", 4, 19);
}

static void
test_skipped (void)
{
  assert_counts ("---\ntitle: Many words in front matter\n---\nBody\n", 1, 4);
  assert_counts ("Text\n\n```\nfenced code\n```\n\n    indented code\n", 1, 4);
  assert_counts ("<div>\nhtml block\n</div>\n\nText <b>bold</b>", 2, 9);
  assert_counts ("Hi {{ page.title }} and {% include x.html %}.", 2, 9);
  assert_counts ("{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\nAfter", 1, 5);
  assert_counts ("{% comment %}\nnot shown\n\nat all\n{% endcomment %}\nShown", 1, 6);
  assert_counts ("{% raw %}{{ x }}{% endraw %}", 1, 7);
}

static void
test_non_ascii (void)
{
  /* A combining accent is part of its letter. */
  assert_counts ("café cafe\xCC\x81 Grüße Ωμέγα", 4, 21);
  /* Each Han, Hiragana and Katakana character is a word; CJK punctuation is not. */
  assert_counts ("東京です。カレー", 7, 8);
  assert_counts ("Rust と Go", 3, 9);
  /* Hangul is written with spaces between words. */
  assert_counts ("안녕하세요 세계", 2, 8);
  /* An emoji is a character but no word; the joiner of a ZWJ sequence is not
   * counted, the emoji it joins are (characters, not grapheme clusters). */
  assert_counts ("Yay \xF0\x9F\x8E\x89 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", 1, 8);
}

/* tests/data/counts.md, which the UI test counts too. */
static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "counts.md", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_fixture (void)
{
  g_autofree char *text = read_fixture ();
  RecapTextCounts counts;

  recap_text_count (text, strlen (text), &counts);
  /* Hand count: see tests/data/counts.md; 30 words and 165 characters in
   * the headings, paragraphs and list, 6 and 15 in "Grüße aus 東京です。". */
  g_assert_cmpuint (counts.words, ==, 36);
  g_assert_cmpuint (counts.characters, ==, 180);
}

/* A body of hundreds of KB is not given to cmark-gfm, whose Debian 12
 * version parses a paragraph of many delimiters in quadratic time (a post
 * of one 5 MB line kept its site from loading for minutes): it is counted
 * as written, so the markup's characters count too. */
static void
test_huge_body_counted_as_written (void)
{
  const char *piece = "lorem *dolor* [sit](https://example.com) ";
  g_autoptr(GString) text = g_string_new ("---\ntitle: x\n---\n");
  gsize body_start = text->len;
  guint n = 0;
  RecapTextCounts counts;

  while (text->len - body_start <= RECAP_TEXT_MARKDOWN_MAX)
    {
      g_string_append (text, piece);
      n++;
    }
  recap_text_count (text->str, text->len, &counts);
  g_assert_cmpuint (counts.words, ==, 3 * n);
  g_assert_cmpuint (counts.characters, ==, text->len - body_start);

  /* Under the limit, as the preview reads it. */
  recap_text_count ("lorem *dolor* [sit](https://example.com) ", strlen (piece), &counts);
  g_assert_cmpuint (counts.words, ==, 3);
  g_assert_cmpuint (counts.characters, ==, strlen ("lorem dolor sit"));
}

static void
test_reading_minutes (void)
{
  g_assert_cmpuint (recap_text_reading_minutes (0), ==, 0);
  g_assert_cmpuint (recap_text_reading_minutes (1), ==, 1);
  g_assert_cmpuint (recap_text_reading_minutes (230), ==, 1);
  g_assert_cmpuint (recap_text_reading_minutes (231), ==, 2);
  g_assert_cmpuint (recap_text_reading_minutes (2300), ==, 10);
}

typedef struct {
  guint       line;
  guint       level;
  const char *text;
} Expected;

static void
assert_headings (const char     *text,
                 const Expected *expected,
                 guint           n_expected)
{
  g_autoptr(GPtrArray) headings = recap_text_headings (text, strlen (text));

  g_assert_cmpuint (headings->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      RecapHeading *heading = g_ptr_array_index (headings, i);

      g_assert_cmpuint (heading->line, ==, expected[i].line);
      g_assert_cmpuint (heading->level, ==, expected[i].level);
      g_assert_cmpstr (heading->text, ==, expected[i].text);
    }
}

static void
test_headings (void)
{
  static const Expected atx[] = {
    { 0, 1, "One" }, { 2, 2, "Two bold" }, { 3, 6, "Six" }, { 5, 3, "Closed" },
  };
  static const Expected setext[] = {
    { 0, 1, "Title" }, { 3, 2, "Two lines" },
  };
  static const Expected setext_after_front_matter[] = {
    { 3, 2, "Intro" },
  };
  static const Expected after_front_matter[] = {
    { 3, 2, "Intro" }, { 5, 2, "Quoted" }, { 7, 1, "End" },
  };

  assert_headings ("# One\n\n## Two **bold**\n###### Six\n####### Seven\n### Closed ###\n#NoSpace\n",
                   atx, G_N_ELEMENTS (atx));
  assert_headings ("Title\n=====\n\nTwo\nlines\n---\n", setext, G_N_ELEMENTS (setext));
  /* The front matter's closing fence is no setext underline; lines count from its start. */
  assert_headings ("---\ntitle: x\n---\nIntro\n---\n\n```\n# code\n```\n    # indented\n",
                   setext_after_front_matter, G_N_ELEMENTS (setext_after_front_matter));
  assert_headings ("---\ntitle: x\n---\n", NULL, 0);
  assert_headings ("---\ntitle: x\n---\n## Intro\n\n> ## Quoted\n\n# End\n",
                   after_front_matter, G_N_ELEMENTS (after_front_matter));
}

static void
test_headings_in_quotes_and_lists (void)
{
  static const Expected expected[] = {
    { 0, 2, "Quoted" }, { 2, 3, "Listed" },
  };

  assert_headings ("> ## Quoted\n\n- ### Listed\n", expected, G_N_ELEMENTS (expected));
}

static void
test_fixture_headings (void)
{
  static const Expected expected[] = {
    { 4, 1, "Meetup notes" }, { 16, 2, "Setext heading" }, { 27, 3, "Deep {{ page.title }} dive" },
  };
  g_autofree char *text = read_fixture ();

  assert_headings (text, expected, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-stats/plain", test_plain);
  g_test_add_func ("/text-stats/huge-body-counted-as-written", test_huge_body_counted_as_written);
  g_test_add_func ("/text-stats/markup", test_markup);
  g_test_add_func ("/text-stats/skipped", test_skipped);
  g_test_add_func ("/text-stats/non-ascii", test_non_ascii);
  g_test_add_func ("/text-stats/fixture", test_fixture);
  g_test_add_func ("/text-stats/reading-minutes", test_reading_minutes);
  g_test_add_func ("/text-stats/headings", test_headings);
  g_test_add_func ("/text-stats/headings-in-quotes-and-lists", test_headings_in_quotes_and_lists);
  g_test_add_func ("/text-stats/fixture-headings", test_fixture_headings);

  return g_test_run ();
}
