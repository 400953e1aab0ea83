/* test-markdown.c: cmark-gfm rendering with the GFM extensions Recap enables
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-markdown.h"

#include <string.h>

static void
assert_renders_containing (const char *markdown,
                           const char *expected)
{
  g_autofree char *html = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_NONE);

  if (strstr (html, expected) == NULL)
    g_error ("Rendering %s gave %s, expected it to contain %s", markdown, html, expected);
}

static void
test_table (void)
{
  assert_renders_containing ("| Talk | Speaker |\n|------|---------|\n| Async | Ana |\n",
                             "<table>");
  assert_renders_containing ("| Talk | Speaker |\n|------|---------|\n| Async | Ana |\n",
                             "<td>Ana</td>");
}

static void
test_strikethrough (void)
{
  assert_renders_containing ("Pizza ~~at 7~~ at 8", "<del>at 7</del>");
}

static void
test_autolink (void)
{
  assert_renders_containing ("Slides at https://example.org/slides today",
                             "<a href=\"https://example.org/slides\">https://example.org/slides</a>");
}

static void
test_tasklist (void)
{
  assert_renders_containing ("- [x] book the room\n- [ ] order pizza\n",
                             "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> book the room");
  assert_renders_containing ("- [x] book the room\n- [ ] order pizza\n",
                             "<input type=\"checkbox\" disabled=\"\" /> order pizza");
}

static void
test_raw_html_is_not_passed_through (void)
{
  g_autofree char *html = NULL;
  const char *markdown = "Hello <script>alert(1)</script>\n\n<img src=x onerror=\"pwned=1\">\n";

  html = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_NONE);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "onerror"));
  g_assert_nonnull (strstr (html, "raw HTML omitted"));
}

static void
test_sourcepos (void)
{
  const char *markdown = "# Title\n\nSecond paragraph\n";
  g_autofree char *with = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_SOURCEPOS);
  g_autofree char *without = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_NONE);

  g_assert_nonnull (strstr (with, "data-sourcepos=\"3:1-3:16\""));
  g_assert_null (strstr (without, "data-sourcepos"));
}

static void
test_smart_punctuation_is_opt_in (void)
{
  const char *markdown = "\"quoted\" -- dash\n";
  g_autofree char *plain = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_NONE);
  g_autofree char *smart = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_SMART);

  g_assert_nonnull (strstr (plain, "&quot;quoted&quot; -- dash"));
  g_assert_nonnull (strstr (smart, "“quoted” – dash"));
}

static void
test_empty_and_invalid_utf8 (void)
{
  g_autofree char *empty = recap_markdown_render ("", 0, RECAP_MARKDOWN_NONE);
  g_autofree char *invalid = recap_markdown_render ("caf\xe9\n", 5, RECAP_MARKDOWN_NONE);

  g_assert_cmpstr (empty, ==, "");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/table", test_table);
  g_test_add_func ("/markdown/strikethrough", test_strikethrough);
  g_test_add_func ("/markdown/autolink", test_autolink);
  g_test_add_func ("/markdown/tasklist", test_tasklist);
  g_test_add_func ("/markdown/raw-html", test_raw_html_is_not_passed_through);
  g_test_add_func ("/markdown/sourcepos", test_sourcepos);
  g_test_add_func ("/markdown/smart", test_smart_punctuation_is_opt_in);
  g_test_add_func ("/markdown/empty-and-invalid-utf8", test_empty_and_invalid_utf8);

  return g_test_run ();
}
