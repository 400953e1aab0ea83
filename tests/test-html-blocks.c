/* test-html-blocks.c: the preview replaces only the blocks an edit changed
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-html-blocks.h"
#include "recap-markdown.h"

static RecapHtmlBlocks *
blocks_for (const char *markdown)
{
  g_autofree char *html = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_SOURCEPOS);

  return recap_html_blocks_new (html);
}

/* The blocks of @new that replace those of @old, checked against the expected patch. */
static void
assert_diff (const char *old_markdown,
             const char *new_markdown,
             guint       expected_start,
             int         expected_removed,
             const char *expected_html)
{
  g_autoptr(RecapHtmlBlocks) old = blocks_for (old_markdown);
  g_autoptr(RecapHtmlBlocks) new = blocks_for (new_markdown);
  g_autofree char *html = NULL;
  guint start;
  int removed;

  html = recap_html_blocks_diff (old, new, &start, &removed);
  g_assert_cmpuint (start, ==, expected_start);
  g_assert_cmpint (removed, ==, expected_removed);
  g_assert_cmpstr (html, ==, expected_html);
}

/* What replaces the whole page: nothing to compare with. */
static char *
whole_html (RecapHtmlBlocks *blocks)
{
  guint start;
  int removed;
  char *html = recap_html_blocks_diff (NULL, blocks, &start, &removed);

  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpint (removed, ==, -1);
  return html;
}

static void
test_whole_document_without_old (void)
{
  g_autoptr(RecapHtmlBlocks) blocks = blocks_for ("# Title\n\n- one\n- two\n\n> quote\n");
  g_autofree char *html = whole_html (blocks);

  g_assert_cmpstr (html, ==,
                   "<h1 data-sourcepos>Title</h1>"
                   "<ul data-sourcepos>\n<li data-sourcepos>one</li>\n<li data-sourcepos>two</li>\n</ul>"
                   "<blockquote data-sourcepos>\n<p data-sourcepos>quote</p>\n</blockquote>");
  g_assert_cmpstr (recap_html_blocks_get_positions (blocks), ==, "1-1,3-5,3-3,4-5,6-6,6-6");
}

static void
test_typing_replaces_one_block (void)
{
  assert_diff ("First\n\nSecond\n\nThird\n",
               "First\n\nSecond, edited\n\nThird\n",
               1, 1, "<p data-sourcepos>Second, edited</p>");
}

static void
test_new_lines_do_not_change_later_blocks (void)
{
  assert_diff ("First\n\nSecond\n\nThird\n",
               "First\n\nNew\n\n\n\nSecond\n\nThird\n",
               1, 0, "<p data-sourcepos>New</p>");
}

static void
test_deleting_a_block (void)
{
  assert_diff ("First\n\nSecond\n\nThird\n", "First\n\nThird\n", 1, 1, "");
}

static void
test_nested_and_void_elements (void)
{
  assert_diff ("- a\n  > b\n  > ![i](x.png)\n\n---\n\n| t |\n|---|\n| c |\n",
               "- a\n  > b\n  > ![i](x.png)\n\n---\n\n| t |\n|---|\n| d |\n",
               2, 1,
               "<table data-sourcepos>\n<thead>\n<tr data-sourcepos>\n<th data-sourcepos>t</th>\n</tr>\n</thead>\n"
               "<tbody>\n<tr data-sourcepos>\n<td data-sourcepos>d</td>\n</tr>\n</tbody>\n</table>");
}

static void
test_comments_are_blocks (void)
{
  assert_diff ("A\n\n<div>raw</div>\n\nB\n",
               "A\n\n<div>raw</div>\n\nC\n",
               2, 1, "<p data-sourcepos>C</p>");
}

/* Markup it cannot split still renders, as one block. */
static void
test_unsplittable_markup_is_one_block (void)
{
  g_autoptr(RecapHtmlBlocks) blocks = recap_html_blocks_new ("text <b>outside</b> a block");
  g_autofree char *html = whole_html (blocks);

  g_assert_cmpstr (html, ==, "text <b>outside</b> a block");
  g_assert_cmpstr (recap_html_blocks_get_positions (blocks), ==, "");
}

/* A big page goes in parts of whole blocks that together make the diff. */
static void
test_join_in_parts (void)
{
  g_autoptr(RecapHtmlBlocks) old = blocks_for ("# Title\n\nkept\n");
  g_autoptr(RecapHtmlBlocks) new = blocks_for ("# Title\n\none\n\ntwo\n\nthree\n\nkept\n");
  g_autofree char *whole = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  guint start, end, next, parts = 0;
  int removed;

  whole = recap_html_blocks_diff (old, new, &start, &removed);
  recap_html_blocks_diff_range (old, new, &start, &removed, &end);
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpint (removed, ==, 0);
  g_assert_cmpuint (end, ==, 4);
  for (guint first = start; first < end; first = next, parts++)
    {
      g_autofree char *part = recap_html_blocks_join (new, first, end, 30, &next);

      g_assert_cmpuint (next, >, first);
      /* A part over the limit is one block. */
      g_assert_true (strlen (part) <= 30 || next == first + 1);
      g_string_append (joined, part);
    }
  g_assert_cmpuint (parts, ==, 3);
  g_assert_cmpstr (joined->str, ==, whole);
  g_assert_cmpstr (whole, ==, "<p data-sourcepos>one</p><p data-sourcepos>two</p><p data-sourcepos>three</p>");

  /* Without an old page, everything, in one part when it fits. */
  recap_html_blocks_diff_range (NULL, new, &start, &removed, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpuint (end, ==, 5);
  g_free (whole);
  whole = recap_html_blocks_join (new, 0, end, G_MAXSIZE, &next);
  g_assert_cmpuint (next, ==, 5);
  g_assert_true (g_str_has_prefix (whole, "<h1 data-sourcepos>Title</h1>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-blocks/whole-document-without-old", test_whole_document_without_old);
  g_test_add_func ("/html-blocks/typing-replaces-one-block", test_typing_replaces_one_block);
  g_test_add_func ("/html-blocks/new-lines-do-not-change-later-blocks", test_new_lines_do_not_change_later_blocks);
  g_test_add_func ("/html-blocks/deleting-a-block", test_deleting_a_block);
  g_test_add_func ("/html-blocks/nested-and-void-elements", test_nested_and_void_elements);
  g_test_add_func ("/html-blocks/comments-are-blocks", test_comments_are_blocks);
  g_test_add_func ("/html-blocks/unsplittable-markup-is-one-block", test_unsplittable_markup_is_one_block);
  g_test_add_func ("/html-blocks/join-in-parts", test_join_in_parts);

  return g_test_run ();
}
