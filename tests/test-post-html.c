/* test-post-html.c: the preview's header card and body, front matter never shown raw
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-post-html.h"

static char *
render (const char *text,
        const char *relative_path)
{
  return recap_post_html_render (text, strlen (text), relative_path, RECAP_MARKDOWN_SOURCEPOS);
}

static void
assert_contains (const char *html,
                 const char *expected)
{
  if (strstr (html, expected) == NULL)
    g_error ("Expected %s in %s", expected, html);
}

static void
assert_lacks (const char *html,
              const char *unexpected)
{
  if (strstr (html, unexpected) != NULL)
    g_error ("Did not expect %s in %s", unexpected, html);
}

static void
test_card (void)
{
  g_autofree char *html = render ("---\n"
                                  "layout: post\n"
                                  "title:  \"Async for the rest of us\"\n"
                                  "author: rivka-stein\n"
                                  "date:   2024-03-14 19:00:00 -0500\n"
                                  "tags: [asyncio, meetup]\n"
                                  "event: \"Lakeside Python March 2024\"\n"
                                  "---\n"
                                  "Body text\n",
                                  "_posts/2024-03-14-async.md");

  assert_contains (html, "<header class=\"front-matter\" data-sourcepos=\"1:1-8:1\">");
  assert_contains (html, "<h1 class=\"title\">Async for the rest of us</h1>");
  assert_contains (html, "<span class=\"author\">rivka-stein</span>");
  assert_contains (html, "<time datetime=\"2024-03-14\">");
  assert_contains (html, "<p class=\"event\">Lakeside Python March 2024</p>");
  assert_contains (html, "<li>asyncio</li><li>meetup</li>");
  assert_lacks (html, "badge");
  assert_lacks (html, "layout");
  assert_lacks (html, "---");
}

static void
test_body_lines_are_document_lines (void)
{
  g_autofree char *html = render ("---\ntitle: T\n---\n\nFirst paragraph\n", "page.md");

  assert_contains (html, "<p data-sourcepos=\"5:1-5:15\">First paragraph</p>");
}

static void
test_drafts (void)
{
  g_autofree char *in_drafts = render ("---\ntitle: Idea\n---\nText\n", "_drafts/idea.md");
  g_autofree char *unpublished = render ("---\ntitle: Old\npublished: false\n---\nText\n", "_posts/old.md");
  g_autofree char *published = render ("---\ntitle: New\npublished: true\n---\nText\n", "_posts/new.md");

  assert_contains (in_drafts, "<span class=\"badge draft\">");
  assert_contains (unpublished, "<span class=\"badge draft\">");
  assert_lacks (published, "badge");
}

static void
test_values_are_escaped (void)
{
  g_autofree char *html = render ("---\n"
                                  "title: \"<img src=x onerror=alert(1)>\"\n"
                                  "author: \"Ana & <b>Dev</b>\"\n"
                                  "tags: [\"<script>\", \"a\\\"b\"]\n"
                                  "---\n",
                                  "post.md");

  assert_contains (html, "&lt;img src=x onerror=alert(1)&gt;");
  assert_contains (html, "Ana &amp; &lt;b&gt;Dev&lt;/b&gt;");
  assert_contains (html, "<li>&lt;script&gt;</li><li>a&quot;b</li>");
  assert_lacks (html, "<img");
  assert_lacks (html, "<script");
  assert_lacks (html, "<b>");
}

static void
test_invalid_front_matter_is_not_shown (void)
{
  g_autofree char *html = render ("---\ntitle: [unclosed\nsecret: key\n---\nBody\n",
                                  "_drafts/2024-05-01-broken.md");

  assert_contains (html, "<span class=\"badge draft\">");
  assert_contains (html, "<time datetime=\"2024-05-01\">");
  assert_contains (html, "<p class=\"invalid\">");
  assert_contains (html, "<p data-sourcepos=\"5:1-5:4\">Body</p>");
  assert_lacks (html, "unclosed");
  assert_lacks (html, "secret");
}

static void
test_no_front_matter (void)
{
  g_autofree char *html = render ("# Notes\n\nJust text\n", "notes/list.md");

  assert_lacks (html, "front-matter");
  assert_contains (html, "<h1 data-sourcepos=\"1:1-1:7\">Notes</h1>");
}

static void
test_author_mapping (void)
{
  g_autofree char *html = render ("---\nauthor:\n  name: Marta\n  twitter: marta\n---\n", "post.md");

  assert_contains (html, "<span class=\"author\">Marta</span>");
  assert_lacks (html, "twitter");
}

/* With the site's _config.yml the card shows what Jekyll uses: authors
 * from defaults, singular category and tag, the day in the site's zone. */
static void
test_card_with_config (void)
{
  static const char config_text[] =
    "timezone: America/New_York\n"
    "defaults:\n"
    "  - scope: {path: \"\", type: posts}\n"
    "    values: {author: Ada, layout: news_item}\n";
  static const char text[] =
    "---\n"
    "title: Release\n"
    "date: 2013-05-06 02:12:52 +0200\n"
    "category: release\n"
    "tag: news\n"
    "---\n"
    "Text.\n";
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_from_text (config_text, strlen (config_text), NULL);
  g_autofree char *html = recap_post_html_render_with_config (text, strlen (text), "_posts/2013-05-06-release.md",
                                                              NULL, config, RECAP_MARKDOWN_NONE);

  assert_contains (html, "<span class=\"author\">Ada</span>");
  assert_contains (html, "<time datetime=\"2013-05-05\">");
  assert_contains (html, "<ul class=\"categories\" aria-label=\"Categories\"><li>release</li></ul>");
  assert_contains (html, "<ul class=\"tags\" aria-label=\"Tags\"><li>news</li></ul>");
  assert_lacks (html, "news_item");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/post-html/card", test_card);
  g_test_add_func ("/post-html/body-lines-are-document-lines", test_body_lines_are_document_lines);
  g_test_add_func ("/post-html/drafts", test_drafts);
  g_test_add_func ("/post-html/values-are-escaped", test_values_are_escaped);
  g_test_add_func ("/post-html/invalid-front-matter-is-not-shown", test_invalid_front_matter_is_not_shown);
  g_test_add_func ("/post-html/no-front-matter", test_no_front_matter);
  g_test_add_func ("/post-html/author-mapping", test_author_mapping);
  g_test_add_func ("/post-html/card-with-config", test_card_with_config);

  return g_test_run ();
}
