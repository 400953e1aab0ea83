/* test-spell-text.c: which words of a post the spell checker looks at
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-spell-text.h"

typedef struct
{
  const char *text;
  GString    *words;
} Collect;

static void
collect_word (gsize    start,
              gsize    end,
              gpointer user_data)
{
  Collect *collect = user_data;

  if (collect->words->len > 0)
    g_string_append_c (collect->words, ' ');
  g_string_append_len (collect->words, collect->text + start, end - start);
}

/* The words of @text, space-separated. */
static char *
words_of (const char *text,
          gboolean    document)
{
  Collect collect = { text, g_string_new (NULL) };

  recap_spell_scan_text (text, -1, document, collect_word, &collect);
  return g_string_free (collect.words, FALSE);
}

static void
assert_words (const char *text,
              const char *expected)
{
  g_autofree char *words = words_of (text, TRUE);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_plain (void)
{
  assert_words ("Hello wrold, it's *bold* and _emph_.\n", "Hello wrold it's bold and emph");
  assert_words ("l’été déjà well-known\r\nnext", "l’été déjà well known next");
  assert_words ("", "");
}

static void
test_front_matter_keys (void)
{
  assert_words ("---\ntitle: Teh meetup\ntags:\n  - rust\n# a comment\n---\nBody\n",
                "Teh meetup rust Body");
  /* Not at the start: a thematic break, not front matter. */
  assert_words ("Intro\n---\nkey: value\n", "Intro key value");
  /* A form field's text never opens front matter. */
  g_autofree char *field = words_of ("---\ntitle: x\n", FALSE);
  g_assert_cmpstr (field, ==, "title x");
}

static void
test_fenced_code (void)
{
  assert_words ("Before\n```rust\nlet fooo = bar;\n```\nAfter\n", "Before After");
  assert_words ("A\n~~~~\ncode\n~~~\nstill code\n~~~~\nB\n", "A B");
  /* A backtick fence's info string holds no backtick: this is inline code. */
  assert_words ("```a` b\n", "a b");
}

static void
test_indented_code (void)
{
  assert_words ("Text\n\n    codde here\n\n    more codde\nBack\n", "Text Back");
  /* Indented list continuations are text. */
  assert_words ("- item\n\n    continued here\n", "item continued here");
  /* No blank line before: a lazy continuation, not code. */
  assert_words ("para\n    goes on\n", "para goes on");
  /* A fence at the margin ends the list: indented lines after it are code. */
  assert_words ("- item\n```\nx\n```\n\n    codde\n", "item");
}

static void
test_inline_code (void)
{
  assert_words ("Use `fooo bar` and ``a ` b`` now", "Use and now");
  assert_words ("An `unclosed span", "An unclosed span");
}

static void
test_urls_and_links (void)
{
  assert_words ("See https://exampel.com/pathh?q=1 and www.fooo.org.", "See and");
  assert_words ("A [linkk text](/assets/imgg (title)) done", "A linkk text done");
  assert_words ("[ref]: https://exampel.org \"Titel\"", "ref Titel");
  assert_words ("Read post.md or assets/imagess today", "Read or today");
}

static void
test_html (void)
{
  assert_words ("a <span class=\"fooo\">text</span> b", "a text b");
  assert_words ("x <!-- hiddn\nstill hiddn -->\ny", "x y");
  assert_words ("<img src=\"a\"\n  alt=\"multi\">\nz", "z");
  assert_words ("1 < 2 is true", "is true");
}

static void
test_liquid (void)
{
  assert_words ("{{ site.baseurl }} and {% include fooo.html %} end", "and end");
  assert_words ("{% highlight ruby %}\ndef fooo\n{% endhighlight %}\nok", "ok");
  assert_words ("{{ page.titel\n | upcase }} after", "after");
}

static void
test_email_and_names (void)
{
  assert_words ("Mail jane.doe@exampel.com now", "Mail now");
  assert_words ("GNOME in 2024 has v2 and snake_case", "in has and");
  assert_words ("@mentionn #hashtagg", "hashtagg");
}

/* The state carried per line: a line scanned with the state of the line
 * before gives the same words as the whole text. */
static void
test_line_state (void)
{
  RecapSpellState a, b;

  recap_spell_state_init (&a, TRUE);
  recap_spell_state_init (&b, TRUE);
  g_assert_cmpint (memcmp (&a, &b, sizeof a), ==, 0);
  recap_spell_scan_line (&a, "```", 3, NULL, NULL);
  g_assert_cmpint (memcmp (&a, &b, sizeof a), !=, 0);
  recap_spell_scan_line (&b, "text", 4, NULL, NULL);
  recap_spell_scan_line (&a, "```", 3, NULL, NULL);
  g_assert_cmpint (memcmp (&a, &b, sizeof a), ==, 0);
}

static void
test_find_lang (void)
{
  g_autofree char *a = recap_spell_find_lang ("title: x\nlang: de-DE\n", -1);
  g_autofree char *b = recap_spell_find_lang ("---\nlang: \"fr\" # French\n---\n", -1);
  g_autofree char *c = recap_spell_find_lang ("nested:\n  lang: it\n", -1);
  g_autofree char *d = recap_spell_find_lang ("lang: en\nlang: it", 9);

  g_assert_cmpstr (a, ==, "de-DE");
  g_assert_cmpstr (b, ==, "fr");
  g_assert_null (c);
  g_assert_cmpstr (d, ==, "en");
}

static void
test_match_language (void)
{
  const char * const available[] = { "de_AT", "de_DE", "en_GB", "en_US", "fr", NULL };

  g_assert_cmpstr (recap_spell_match_language ("de-DE", available), ==, "de_DE");
  g_assert_cmpstr (recap_spell_match_language ("de", available), ==, "de_DE");
  g_assert_cmpstr (recap_spell_match_language ("en", available), ==, "en_US");
  g_assert_cmpstr (recap_spell_match_language ("en-GB", available), ==, "en_GB");
  g_assert_cmpstr (recap_spell_match_language ("fr_CA", available), ==, "fr");
  g_assert_null (recap_spell_match_language ("it", available));
  g_assert_null (recap_spell_match_language ("", available));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spell-text/plain", test_plain);
  g_test_add_func ("/spell-text/front-matter-keys", test_front_matter_keys);
  g_test_add_func ("/spell-text/fenced-code", test_fenced_code);
  g_test_add_func ("/spell-text/indented-code", test_indented_code);
  g_test_add_func ("/spell-text/inline-code", test_inline_code);
  g_test_add_func ("/spell-text/urls-and-links", test_urls_and_links);
  g_test_add_func ("/spell-text/html", test_html);
  g_test_add_func ("/spell-text/liquid", test_liquid);
  g_test_add_func ("/spell-text/email-and-names", test_email_and_names);
  g_test_add_func ("/spell-text/line-state", test_line_state);
  g_test_add_func ("/spell-text/find-lang", test_find_lang);
  g_test_add_func ("/spell-text/match-language", test_match_language);

  return g_test_run ();
}
