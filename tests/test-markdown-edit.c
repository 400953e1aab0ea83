/* test-markdown-edit.c: list and quote continuation, outdent, styles, URLs
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-markdown-edit.h"

static RecapMarkdownLine
parse (const char *line)
{
  RecapMarkdownLine parsed;

  recap_markdown_line_parse (line, -1, &parsed);
  return parsed;
}

static void
assert_next (const char *line,
             const char *expected)
{
  RecapMarkdownLine parsed = parse (line);
  g_autofree char *next = recap_markdown_line_next_prefix (line, &parsed);

  g_assert_cmpstr (next, ==, expected);
}

static void
test_parse (void)
{
  RecapMarkdownLine parsed = parse ("  - [x] done");

  g_assert_cmpint (parsed.kind, ==, RECAP_MARKDOWN_LINE_TASK);
  g_assert_cmpuint (parsed.quote_len, ==, 0);
  g_assert_cmpuint (parsed.indent_len, ==, 2);
  g_assert_cmpuint (parsed.marker_len, ==, 2);
  g_assert_cmpuint (parsed.box_len, ==, 4);
  g_assert_cmpuint (recap_markdown_line_prefix_len (&parsed), ==, 8);
  g_assert_false (parsed.empty);

  parsed = parse ("> 12) ");
  g_assert_cmpint (parsed.kind, ==, RECAP_MARKDOWN_LINE_ORDERED);
  g_assert_cmpuint (parsed.quote_len, ==, 2);
  g_assert_cmpuint (parsed.marker_len, ==, 4);
  g_assert_true (parsed.empty);

  parsed = parse ("> > quoted");
  g_assert_cmpint (parsed.kind, ==, RECAP_MARKDOWN_LINE_QUOTE);
  g_assert_cmpuint (recap_markdown_line_prefix_len (&parsed), ==, 4);

  /* Not list items: no space after the marker, a rule, emphasis, plain text. */
  g_assert_cmpint (parse ("-not a list").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  g_assert_cmpint (parse ("* * *").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  g_assert_cmpint (parse ("---").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  g_assert_cmpint (parse ("**bold** start").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  g_assert_cmpint (parse ("2024. A year").kind, ==, RECAP_MARKDOWN_LINE_ORDERED);
  g_assert_cmpint (parse ("    indented text").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  g_assert_cmpint (parse ("").kind, ==, RECAP_MARKDOWN_LINE_TEXT);
  /* "[link](x)" after a bullet is content, not a task box. */
  g_assert_cmpint (parse ("- [link](x)").kind, ==, RECAP_MARKDOWN_LINE_BULLET);
  g_assert_cmpint (parse ("- [ ]").kind, ==, RECAP_MARKDOWN_LINE_TASK);
  g_assert_true (parse ("- [ ]").empty);
}

static void
test_next_prefix (void)
{
  assert_next ("- one", "- ");
  assert_next ("* one", "* ");
  assert_next ("+   spaced", "+   ");
  assert_next ("1. one", "2. ");
  assert_next ("9) nine", "10) ");
  assert_next ("   41. answer", "   42. ");
  assert_next ("- [x] done", "- [ ] ");
  assert_next ("  * [ ] todo", "  * [ ] ");
  assert_next ("> said", "> ");
  assert_next ("> > nested", "> > ");
  assert_next ("> - quoted item", "> - ");
  assert_next ("plain", NULL);
  assert_next ("---", NULL);
}

static void
assert_end (const char *line,
            const char *kept)
{
  RecapMarkdownLine parsed = parse (line);

  g_assert_true (parsed.empty);
  g_assert_cmpuint (recap_markdown_line_end_len (line, &parsed), ==, strlen (kept));
  g_assert_true (g_str_has_prefix (line, kept));
}

static void
test_end (void)
{
  assert_end ("- ", "");
  assert_end ("  3. ", "");
  assert_end ("- [ ] ", "");
  assert_end ("> - ", "> ");
  assert_end ("> ", "");
  assert_end (">", "");
  assert_end ("> > ", "> ");
}

static void
test_outdent (void)
{
  const char *text = "- top\n"
                     "  - middle\n"
                     "\n"
                     "    continued paragraph\n";
  const char *ordered = "1. first\n   - child\n";

  /* From four spaces to the middle item's two, from two to the top's none. */
  g_assert_cmpuint (recap_markdown_outdent_len (text, -1, 4), ==, 2);
  g_assert_cmpuint (recap_markdown_outdent_len (text, -1, 2), ==, 0);
  /* A grandchild of an ordered item. */
  g_assert_cmpuint (recap_markdown_outdent_len (ordered, -1, 6), ==, 3);
  /* Nothing above: all the way out. */
  g_assert_cmpuint (recap_markdown_outdent_len ("", -1, 4), ==, 0);
  g_assert_cmpuint (recap_markdown_outdent_len ("text\n", -1, 4), ==, 0);
  /* Text without a final newline counts as a line too. */
  g_assert_cmpuint (recap_markdown_outdent_len ("  - a", -1, 4), ==, 2);
}

/* Whether the line starting with @line (found in @text) is code. */
static gboolean
is_code (const char *text,
         const char *line)
{
  const char *at = strstr (text, line);

  g_assert_nonnull (at);
  g_assert_true (at == text || at[-1] == '\n');
  return recap_markdown_line_is_code (text, -1, at - text);
}

static void
test_code (void)
{
  const char *text = "---\n"
                     "tags:\n"
                     "- yaml item\n"
                     "---\n"
                     "- first item\n"
                     "\n"
                     "```sh\n"
                     "- in a backtick fence\n"
                     "```\n"
                     "> a quote\n"
                     "~~~~\n"
                     "> in a tilde fence\n"
                     "~~~\n"
                     "1. still in it, the fence was longer\n"
                     "~~~~\n"
                     "\n"
                     "    - indented code\n"
                     "1. after the code\n"
                     "\n"
                     "    - a nested item, in the list\n";

  g_assert_true (is_code (text, "---\ntags"));
  g_assert_true (is_code (text, "- yaml item"));
  g_assert_false (is_code (text, "- first item"));
  g_assert_true (is_code (text, "```sh"));
  g_assert_true (is_code (text, "- in a backtick fence"));
  g_assert_false (is_code (text, "> a quote"));
  g_assert_true (is_code (text, "> in a tilde fence"));
  g_assert_true (is_code (text, "1. still in it"));
  g_assert_true (is_code (text, "    - indented code"));
  g_assert_false (is_code (text, "1. after the code"));
  g_assert_false (is_code (text, "    - a nested item"));
  /* Without front matter, "---" is a rule and what follows is text. */
  g_assert_false (is_code ("text\n---\n- item\n", "- item"));
  /* The line may be the text's last, without a newline. */
  g_assert_true (is_code ("```\n- code", "- code"));
  g_assert_false (is_code ("```\n```\n- item", "- item"));
}

static void
test_styles (void)
{
  g_assert_cmpstr (recap_markdown_style_marker (RECAP_MARKDOWN_BOLD), ==, "**");
  g_assert_cmpstr (recap_markdown_style_marker (RECAP_MARKDOWN_ITALIC), ==, "*");
  g_assert_cmpstr (recap_markdown_style_marker (RECAP_MARKDOWN_CODE), ==, "`");

  g_assert_true (recap_markdown_style_is_on (RECAP_MARKDOWN_BOLD, 2, 2));
  g_assert_false (recap_markdown_style_is_on (RECAP_MARKDOWN_ITALIC, 2, 2));
  g_assert_true (recap_markdown_style_is_on (RECAP_MARKDOWN_ITALIC, 1, 1));
  g_assert_false (recap_markdown_style_is_on (RECAP_MARKDOWN_BOLD, 1, 1));
  g_assert_true (recap_markdown_style_is_on (RECAP_MARKDOWN_BOLD, 3, 3));
  g_assert_true (recap_markdown_style_is_on (RECAP_MARKDOWN_ITALIC, 3, 3));
  g_assert_false (recap_markdown_style_is_on (RECAP_MARKDOWN_BOLD, 2, 0));
  g_assert_true (recap_markdown_style_is_on (RECAP_MARKDOWN_CODE, 1, 1));
  g_assert_false (recap_markdown_style_is_on (RECAP_MARKDOWN_CODE, 0, 1));
}

static void
test_url (void)
{
  g_assert_true (recap_markdown_is_url ("https://gnome.org/"));
  g_assert_true (recap_markdown_is_url ("http://example.com/a?b=c#d"));
  g_assert_true (recap_markdown_is_url ("mailto:someone@example.com"));
  g_assert_false (recap_markdown_is_url ("gnome.org"));
  g_assert_false (recap_markdown_is_url ("see https://gnome.org/"));
  g_assert_false (recap_markdown_is_url ("https://gnome.org/\nsecond line"));
  g_assert_false (recap_markdown_is_url ("localhost:4000"));
  g_assert_false (recap_markdown_is_url ("javascript:alert(1)"));
  g_assert_false (recap_markdown_is_url (""));
  g_assert_false (recap_markdown_is_url (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown-edit/parse", test_parse);
  g_test_add_func ("/markdown-edit/next-prefix", test_next_prefix);
  g_test_add_func ("/markdown-edit/end", test_end);
  g_test_add_func ("/markdown-edit/outdent", test_outdent);
  g_test_add_func ("/markdown-edit/code", test_code);
  g_test_add_func ("/markdown-edit/styles", test_styles);
  g_test_add_func ("/markdown-edit/url", test_url);

  return g_test_run ();
}
