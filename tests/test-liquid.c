/* test-liquid.c: Liquid in the preview, resolved, linked or named, never raw braces
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-liquid.h"
#include "recap-site-config.h"

static const RecapLiquidSite site = { "/blog", "https://example.org" };

static char *
render (const char *markdown)
{
  return recap_liquid_render_markdown (markdown, strlen (markdown), &site, RECAP_MARKDOWN_NONE);
}

/* With data-sourcepos, and no site. */
static char *
render_with_lines (const char *markdown)
{
  return recap_liquid_render_markdown (markdown, strlen (markdown), NULL, RECAP_MARKDOWN_SOURCEPOS);
}

static void
assert_renders_to (const char *markdown,
                   const char *expected)
{
  g_autofree char *html = render (markdown);

  g_assert_cmpstr (html, ==, expected);
}

static void
test_site_urls_in_text (void)
{
  assert_renders_to ("Home: {{ site.url }}{{ site.baseurl }}/ and {{ '/about/' | absolute_url }}\n",
                     "<p>Home: https://example.org/blog/ and https://example.org/blog/about/</p>\n");
  assert_renders_to ("{{ \"feed.xml\" | relative_url }}\n", "<p>/blog/feed.xml</p>\n");
}

/* In URLs, the site's own files are found from the preview's site root. */
static void
test_site_urls_in_links_and_html (void)
{
  assert_renders_to ("![a]({{ site.baseurl }}/assets/a.png) [b]({{ '/b/' | relative_url }})\n",
                     "<p><img src=\"/assets/a.png\" alt=\"a\" /> <a href=\"/b/\">b</a></p>\n");
  assert_renders_to ("<img src=\"{{ site.url }}{{ site.baseurl }}/assets/c.png\">\n",
                     "<img src=\"/assets/c.png\">\n");
}

static void
test_post_links (void)
{
  assert_renders_to ("[Earlier]({% post_url 2010-07-21-name %}) and {% link _posts/2016-07-26-x.md %}\n",
                     "<p><a href=\"/_posts/2010-07-21-name\">Earlier</a> and "
                     "<a class=\"liquid-post\" href=\"/_posts/2016-07-26-x.md\">_posts/2016-07-26-x.md</a></p>\n");
}

static void
test_placeholders (void)
{
  assert_renders_to ("{% include newsletter.html %}\n\nBy {{ page.author | upcase }}\n",
                     "<p><span class=\"liquid\" title=\"{% include newsletter.html %}\">include newsletter.html</span></p>\n"
                     "<p>By <span class=\"liquid\" title=\"{{ page.author | upcase }}\">page.author | upcase</span></p>\n");
  /* Nothing of a tag can break out of the placeholder. */
  assert_renders_to ("{{ '<script>x</script>' }}\n",
                     "<p><span class=\"liquid\" title=\"{{ '&lt;script&gt;x&lt;/script&gt;' }}\">"
                     "'&lt;script&gt;x&lt;/script&gt;'</span></p>\n");
}

static void
test_code_shows_liquid_as_written (void)
{
  assert_renders_to ("Use `{{ site.url }}` or\n\n```\n{% include x.html %}\n```\n",
                     "<p>Use <code>{{ site.url }}</code> or</p>\n"
                     "<pre><code>{% include x.html %}\n</code></pre>\n");
}

static void
test_raw (void)
{
  assert_renders_to ("{% raw %}{{ page.title }}{% endraw %}\n", "<p>{{ page.title }}</p>\n");
  assert_renders_to ("```liquid\n{% raw %}\n{% if x %}\n{% endraw %}\n```\n",
                     "<pre><code class=\"language-liquid\">\n{% if x %}\n\n</code></pre>\n");
}

static void
test_highlight_blocks (void)
{
  assert_renders_to ("{% highlight ruby linenos %}\ndef x\n  `ls`\nend\n{% endhighlight %}\n\nAfter\n",
                     "<pre><code class=\"language-ruby\">def x\n  `ls`\nend\n</code></pre>\n"
                     "<p>After</p>\n");
}

/* Lines are kept, so that scroll sync still finds them. */
static void
test_lines_are_kept (void)
{
  g_autofree char *html = render_with_lines ("{% highlight c %}\nint x;\n{% endhighlight %}\n\n{% include a %}\n");

  g_assert_nonnull (strstr (html, "<pre data-sourcepos=\"1:1-3:"));
  g_assert_nonnull (strstr (html, "<p data-sourcepos=\"5:1-5:"));
}

/* Split over lines, a tag still resolves, and the next lines keep their numbers. */
static void
test_split_tags (void)
{
  g_autofree char *html = render_with_lines ("In [v3.4.0]({% link\n_posts/x.md %}), we\nmoved.\n\nNext\n");

  g_assert_nonnull (strstr (html, "<a href=\"/_posts/x.md\">v3.4.0</a>"));
  g_assert_nonnull (strstr (html, "<p data-sourcepos=\"5:1-5:"));
}

static void
test_config_urls (void)
{
  const char *config = "title: x\nurl: \"https://example.org/\"\nbaseurl: /blog/\nsub:\n  url: no\n";
  g_autofree char *url = recap_site_config_parse_url (config, strlen (config));
  g_autofree char *missing = recap_site_config_parse_url ("title: x\n", 9);

  g_assert_cmpstr (url, ==, "https://example.org");
  g_assert_cmpstr (missing, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/liquid/site-urls-in-text", test_site_urls_in_text);
  g_test_add_func ("/liquid/site-urls-in-links-and-html", test_site_urls_in_links_and_html);
  g_test_add_func ("/liquid/post-links", test_post_links);
  g_test_add_func ("/liquid/placeholders", test_placeholders);
  g_test_add_func ("/liquid/code-shows-liquid-as-written", test_code_shows_liquid_as_written);
  g_test_add_func ("/liquid/raw", test_raw);
  g_test_add_func ("/liquid/highlight-blocks", test_highlight_blocks);
  g_test_add_func ("/liquid/lines-are-kept", test_lines_are_kept);
  g_test_add_func ("/liquid/split-tags", test_split_tags);
  g_test_add_func ("/liquid/config-urls", test_config_urls);

  return g_test_run ();
}
