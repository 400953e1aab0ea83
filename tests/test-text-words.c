/* test-text-words.c: the index's word count without cmark-gfm
 *
 * recap_text_count_words() skips cmark-gfm's parse for a body whose markup
 * cannot change its words. Each case here checks that it counts what
 * recap_text_count() counts, and which path it takes: the plain one where
 * the markup is safe, cmark-gfm where a naive count would differ.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-text-stats.h"
#include "recap-front-matter.h"

#include <string.h>

typedef struct {
  const char *text;
  gboolean    plain;  /* counted without cmark-gfm */
} Case;

/* The same words both ways, and the path @plain says. */
static void
assert_same_words (const char *text,
                   gsize       len,
                   gboolean    plain)
{
  RecapFrontMatterSplit split;
  RecapTextCounts counts;
  guint words = G_MAXUINT;
  gboolean took_plain;

  recap_front_matter_split (text, len, &split);
  recap_text_count (text, len, &counts);
  took_plain = recap_text_count_words_plain (text + split.body_start, len - split.body_start, &words);
  if (took_plain != plain || (took_plain && words != counts.words))
    g_error ("“%s”: %s path (%u words), expected the %s path; cmark-gfm counts %u",
             text, took_plain ? "plain" : "cmark-gfm", words, plain ? "plain" : "cmark-gfm", counts.words);
  g_assert_cmpuint (recap_text_count_words (text, len), ==, counts.words);
}

static void
assert_cases (const Case *cases,
              guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    assert_same_words (cases[i].text, strlen (cases[i].text), cases[i].plain);
}

static void
test_prose (void)
{
  static const Case cases[] = {
    { "", TRUE },
    { "One two  three\n", TRUE },
    { "  One\ntwo   \n\n\n   three  \n", TRUE },
    { "Don't - well-known 3.5 — ok! 2019 was fine.\n", TRUE },
    { "Q & A, 100% sure &, &&\n", TRUE },
    /* Could be an entity: cmark-gfm decides. */
    { "R&D\n", FALSE },
    { "Mail ana@example.org or see www.example.org and https://example.org/x?y=1.\n", TRUE },
    { "Windows\r\nline ends\r\n\r\nwork\r\n", TRUE },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_markup (void)
{
  static const Case cases[] = {
    { "**bold**ly *it* _under_score_ ~~gone~~ ~one~ `code` ``two `ticks``\n", TRUE },
    { "# Title #\n\n## Two\n#NoSpace and ####### seven\n", TRUE },
    { "Setext\n======\n\nTwo\nlines\n---\n\n***\n- - -\n___\n", TRUE },
    { "> Quote\n> more\n>lazy\n\n> > nested *quote*\n", TRUE },
    { "- a\n- b\n  - nested\n+ plus\n* star\n\n-   three spaces\n", TRUE },
    { "- item\n\n   continued\n\n  > quoted in item\n", TRUE },
    /* Ordered list markers hold digits that cmark-gfm drops. */
    { "1. one\n2. two\n", FALSE },
    { "Text\n\n10) ten\n", FALSE },
    { "- 1. nested\n", FALSE },
    { "> 3. quoted\n", FALSE },
    { "3.5 is no marker, 2019 neither\n", TRUE },
    /* Links, images, references, footnotes and task items. */
    { "See [the slides](https://example.org/a \"A title\").\n", FALSE },
    { "A ![big photo](/img/p.png) here\n", FALSE },
    { "[s]: https://example.org/s\n", FALSE },
    { "Note[^1].\n\n[^1]: The note.\n", FALSE },
    { "- [x] done\n- [ ] todo\n", FALSE },
    /* Tables, escapes and hard breaks, entities. */
    { "| Talk | Speaker |\n|---|---|\n| Async|Ana |\n", FALSE },
    { "a\\*b\\\nc\n", FALSE },
    { "Tom &amp; Jerry&nbsp;go &#65;\n", FALSE },
    /* An autolink runs to the next ASCII space: here it takes in a
     * backtick, and the code span left runs over the line's end. */
    { "www.x.com\xC2\xA0,`a b`\n-& `a b`\n", FALSE },
    /* HTML and autolinks. */
    { "<div>\nhtml block\n</div>\n\nText <b>bold</b>\n", FALSE },
    { "<https://example.org>\n", FALSE },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_code (void)
{
  static const Case cases[] = {
    { "Text\n\n```\nfenced code\n```\n\nafter\n", TRUE },
    { "Text\n```python\n# not a heading\nx = [1, 2] < 3 {{ y }}\n```\nafter\n", TRUE },
    { "~~~\ncode\n```\nstill code\n~~~~\nafter\n", TRUE },
    { "````\ncode\n```\nstill code\n   ````  \nafter\n", TRUE },
    { "```\nnever closed\n\nstill code\n", TRUE },
    { "```\ncode\n    ```\nstill code: indented four\n", TRUE },
    { "```\ncode\n``` x\nstill code: text after the marks\n", TRUE },
    /* Fences not at the left margin may be inside a list or quote. */
    { " ```\ncode\n ```\n", FALSE },
    { "- ```\n  code\n  ```\n", FALSE },
    { "> ```\n> code\n", FALSE },
    /* A backtick in the info string: no fence but a code span. */
    { "```a`b\ncode\n", FALSE },
    /* Indented code, also after a list marker or in a quote. */
    { "Text\n\n    indented code\n", FALSE },
    { "\tindented code\n", FALSE },
    { "-     indented code in an item\n", FALSE },
    { ">     indented code in a quote\n", FALSE },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_liquid_and_front_matter (void)
{
  static const Case cases[] = {
    { "---\ntitle: Many words in front matter\n---\nBody *text*\n", TRUE },
    { "+++\ntitle = \"TOML front matter\"\n+++\nBody\n", TRUE },
    { "Hi {{ page.title }} and {% include x.html %}.\n", FALSE },
    { "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\nAfter\n", FALSE },
    { "{% raw %}{{ x }}{% endraw %}\n", FALSE },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_unicode (void)
{
  static const Case cases[] = {
    { "café cafe\xCC\x81 Grüße Ωμέγα\n", TRUE },
    { "東京です。カレー Rust と Go\n", TRUE },
    { "안녕하세요 세계\n", TRUE },
    { "Yay \xF0\x9F\x8E\x89 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB zero\xE2\x80\x8Bwidth\n", TRUE },
    { "\xEF\xBB\xBFWith a byte order mark\n", TRUE },
    { "no\xC2\xA0" "break\xE3\x80\x80" "ideographic space\n", TRUE },
    /* cmark-gfm replaces what is not UTF-8, in code too, and ends a line at a lone \r. */
    { "bad \xC3 byte\n", FALSE },
    { "```\nbad \xFF byte\n```\n", FALSE },
    { "one\rtwo\n", FALSE },
    { "```\ncode\r```\nafter\n", FALSE },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

/* A NUL in the body: cmark-gfm reads it as U+FFFD. */
static void
test_nul (void)
{
  static const char text[] = "one\0two three\n";

  assert_same_words (text, sizeof text - 1, FALSE);
}

/* Bodies strung from pieces of markup at random (the same ones each
 * run): wherever the plain path takes one, it counts what cmark-gfm does.
 * This found the code spans that strip a space or take in a line's end. */
static void
test_random_bodies (void)
{
  static const char * const pieces[] = {
    "a", "bc", "3", "word", " ", "\n", "\n\n", "*", "**", "_", "~", "~~", "`", "``", "```", "~~~", "````",
    "#", "## ", "> ", ">", "- ", "+ ", "* ", "1. ", "2) ", "  ", "   ", "    ", "     ", "\t", "=", "===",
    "---", "***", "___", "é", "東", "カ", "한", "\xCC\x81", "\xE2\x80\x8B", "\xC2\xA0", "{", "}", "%",
    "[", "]", "(", ")", "!", "<", "&", "&amp;", "&x", "\\", "|", "www.x.com", "a@b.co", "http://x.y/",
    "\r\n", ":", "^", ".", ",", "'", "\"", "@", "-", "+", "x_y", "*a*", "`c`", "2013.", "\n```\n",
    "\n~~~\n", "\n- ", "\n> ", "\n    ", "\n1. ", "` `", "`a b`", " `", "` ", "\n\n   ", "\n#",
    "\n===\n", "\n---\n", "\n```py\n", "x`y`z", "\n* ", "\xE2\x80\x94", "\xF0\x9F\x8E\x89",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint n_plain = 0;

  for (guint i = 0; i < 50000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_pieces = g_rand_int_range (rand, 1, 60);
      RecapFrontMatterSplit split;
      RecapTextCounts counts;
      guint words;

      for (guint j = 0; j < n_pieces; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      recap_front_matter_split (text->str, text->len, &split);
      if (!recap_text_count_words_plain (text->str + split.body_start, text->len - split.body_start, &words))
        continue;
      n_plain++;
      recap_text_count (text->str, text->len, &counts);
      if (words != counts.words)
        g_error ("“%s”: %u words on the plain path, cmark-gfm counts %u", text->str, words, counts.words);
    }
  /* Enough of them take the plain path to mean something. */
  g_assert_cmpuint (n_plain, >, 5000);
}

/* tests/data/counts.md has links and Liquid: cmark-gfm counts it. */
static void
test_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "counts.md", NULL);
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  assert_same_words (text, len, FALSE);
  g_assert_cmpuint (recap_text_count_words (text, len), ==, 36);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-words/prose", test_prose);
  g_test_add_func ("/text-words/markup", test_markup);
  g_test_add_func ("/text-words/code", test_code);
  g_test_add_func ("/text-words/liquid-and-front-matter", test_liquid_and_front_matter);
  g_test_add_func ("/text-words/unicode", test_unicode);
  g_test_add_func ("/text-words/nul", test_nul);
  g_test_add_func ("/text-words/random-bodies", test_random_bodies);
  g_test_add_func ("/text-words/fixture", test_fixture);

  return g_test_run ();
}
