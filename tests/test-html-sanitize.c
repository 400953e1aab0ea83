/* test-html-sanitize.c: raw HTML keeps what GitHub keeps, and nothing that runs or loads
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-html-sanitize.h"
#include "recap-markdown.h"

static char *
sanitize (const char *html)
{
  return recap_html_sanitize (html, strlen (html));
}

static void
assert_sanitizes_to (const char *html,
                     const char *expected)
{
  g_autofree char *result = sanitize (html);

  g_assert_cmpstr (result, ==, expected);
}

/* Fails when @bad holds for what any of @cases gives. */
static void
assert_none_gives (const char * const  *cases,
                   gsize                n_cases,
                   gboolean           (*bad) (const char *lower_result),
                   const char          *expected)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *result = sanitize (cases[i]);
      g_autofree char *lower = g_ascii_strdown (result, -1);

      if (bad (g_strstrip (lower)))
        g_error ("%s gave %s, expected %s", cases[i], result, expected);
    }
}

static gboolean
is_not_empty (const char *result)
{
  return *result != '\0';
}

static gboolean
has_url (const char *result)
{
  return strstr (result, "href") || strstr (result, "src") || strstr (result, "script:");
}

static void
test_github_elements_stay (void)
{
  assert_sanitizes_to ("<details open><summary>More</summary><p>Hidden</p></details>",
                       "<details open><summary>More</summary><p>Hidden</p></details>");
  assert_sanitizes_to ("<p align=\"center\"><img src=\"/a.png\" width=\"200\" alt=\"Logo\"></p>",
                       "<p align=\"center\"><img src=\"/a.png\" width=\"200\" alt=\"Logo\"></p>");
  assert_sanitizes_to ("<div align=\"right\"><span>a</span><br><i>b</i> <b>c</b> <kbd>Ctrl</kbd>"
                       "<sub>2</sub><sup>3</sup></div>",
                       "<div align=\"right\"><span>a</span><br><i>b</i> <b>c</b> <kbd>Ctrl</kbd>"
                       "<sub>2</sub><sup>3</sup></div>");
  assert_sanitizes_to ("<figure><img src=\"x.png\"><figcaption>Cap</figcaption></figure>",
                       "<figure><img src=\"x.png\"><figcaption>Cap</figcaption></figure>");
  assert_sanitizes_to ("<table><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                       "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
                       "<table><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                       "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
}

/* libxml2 does not know HTML5's void <source>: what follows must not end up inside it. */
static void
test_picture_source (void)
{
  assert_sanitizes_to ("<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"dark.png\">"
                       "<img src=\"light.png\"></picture>",
                       "<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"dark.png\">"
                       "<img src=\"light.png\"></picture>");
}

static void
test_dangerous_elements_go_with_content (void)
{
  const char *cases[] = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<style>body{display:none}</style>",
    "<iframe src=\"https://evil.example\">fallback</iframe>",
    "<object data=\"x.swf\">o</object><embed src=\"x.swf\">",
    "<form action=\"https://evil.example\"><input name=q><button>Go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<template><img src=x onerror=alert(1)></template>",
    "<noscript><img src=x onerror=alert(1)></noscript>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<!-- a comment -->",
  };

  assert_none_gives (cases, G_N_ELEMENTS (cases), is_not_empty, "nothing");
}

static void
test_handlers_and_styles_go (void)
{
  assert_sanitizes_to ("<img src=\"a.png\" onerror=\"alert(1)\" ONLOAD=x style=\"position:fixed\">",
                       "<img src=\"a.png\">");
  assert_sanitizes_to ("<details ontoggle=\"alert(1)\" open><summary onclick=x>s</summary></details>",
                       "<details open><summary>s</summary></details>");
  assert_sanitizes_to ("<a href=\"https://example.org\" target=\"_blank\" formaction=\"x\">x</a>",
                       "<a href=\"https://example.org\">x</a>");
}

static void
test_unsafe_urls_go (void)
{
  const char *cases[] = {
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
    "<img src=\"file:///etc/passwd\">",
    "<source srcset=\"ok.png 1x, javascript:alert(1) 2x\">",
  };

  assert_none_gives (cases, G_N_ELEMENTS (cases), has_url, "no URL");
  assert_sanitizes_to ("<a href=\"mailto:a@example.org\">m</a><a href=\"#fn-1\">f</a>"
                       "<a href=\"../x.md?a=1\">r</a>",
                       "<a href=\"mailto:a@example.org\">m</a><a href=\"#fn-1\">f</a>"
                       "<a href=\"../x.md?a=1\">r</a>");
}

/* Tags outside the list go, their text stays; a task checkbox stays disabled. */
static void
test_unknown_tags_keep_their_text (void)
{
  assert_sanitizes_to ("<center><blink>Hello</blink></center>", "Hello");
  assert_sanitizes_to ("<ul><li><input type=\"checkbox\" checked> done</li></ul>",
                       "<ul><li><input type=\"checkbox\" checked disabled> done</li></ul>");
  assert_sanitizes_to ("<input type=\"text\" value=\"x\">", "");
}

/* Whatever the input, the output is balanced markup with escaped text. */
static void
test_adversarial_markup (void)
{
  const char *cases[] = {
    "<img src=\"x\" alt=\"a\" onerror=\"alert(1)\"",
    "<a href=\"x\">unclosed <b>bold",
    "</div></p></details>stray",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x\" onerror=\"alert(1)\">",
    "<a href='\"><script>alert(1)</script>'>q</a>",
    "<p title=\"</p><script>alert(1)</script>\">t</p>",
    "<img src=\"a.png?x=<b>&y=\"q\"\">",
    "\xff\xfe invalid UTF-8 <b>x</b>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = sanitize (cases[i]);
      g_autofree char *again = sanitize (result);
      g_autofree char *lower = g_ascii_strdown (result, -1);

      g_assert_true (g_utf8_validate (result, -1, NULL));
      if (strstr (lower, "<script") || strstr (lower, "onerror=") || strstr (lower, "javascript:"))
        g_error ("%s gave %s", cases[i], result);
      /* Sanitizing is stable: nothing left for a second pass to find. */
      g_assert_cmpstr (again, ==, result);
    }
}

/* Deep markup keeps its text; absurdly deep markup is cut where libxml2's
 * depth limit stops it, with nothing unsafe past the cut. */
static char *
nested (guint       depth,
        const char *inside)
{
  GString *html = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div><span>");
  g_string_append (html, inside);
  return g_string_free (html, FALSE);
}

static void
test_deep_nesting (void)
{
  g_autofree char *deep = nested (100, "deep<script>alert(1)</script>");
  g_autofree char *absurd = nested (20000, "absurd<script>alert(1)</script>");
  g_autofree char *deep_result = sanitize (deep);
  g_autofree char *absurd_result = sanitize (absurd);

  g_assert_nonnull (strstr (deep_result, "deep"));
  g_assert_null (strstr (deep_result, "<script"));
  g_assert_null (strstr (absurd_result, "<script"));
}

/* Through markdown: cmark's own markup and its source positions survive. */
static void
test_markdown_with_raw_html (void)
{
  const char *markdown = "# Title\n\n"
                         "<details>\n<summary>Click</summary>\n\nInside *markdown*\n\n</details>\n\n"
                         "Press <kbd>Ctrl</kbd>+<kbd>C</kbd><script>alert(1)</script>.\n\n"
                         "- [x] done\n\n"
                         "Note[^1].\n\n[^1]: The footnote.\n";
  g_autofree char *html = recap_markdown_render (markdown, strlen (markdown),
                                                 RECAP_MARKDOWN_SAFE_HTML | RECAP_MARKDOWN_SOURCEPOS);

  g_assert_nonnull (strstr (html, "<h1 data-sourcepos=\"1:1-1:7\">Title</h1>"));
  g_assert_nonnull (strstr (html, "<summary>Click</summary>"));
  g_assert_nonnull (strstr (html, "<em>markdown</em>"));
  g_assert_nonnull (strstr (html, "<kbd>Ctrl</kbd>+<kbd>C</kbd>."));
  g_assert_nonnull (strstr (html, "<input type=\"checkbox\" checked disabled"));
  g_assert_nonnull (strstr (html, "class=\"footnote-ref\""));
  g_assert_nonnull (strstr (html, "The footnote."));
  g_assert_null (strstr (html, "alert"));
}

/* Without raw HTML cmark's markup is used as it is, unless a URL must go. */
static void
test_markdown_urls (void)
{
  const char *markdown = "[a](javascript:alert(1)) <javascript:alert(2)> ![i](data:image/png;base64,AAAA) "
                         "[ok](https://example.org)\n";
  g_autofree char *html = recap_markdown_render (markdown, strlen (markdown), RECAP_MARKDOWN_SAFE_HTML);
  const char *safe = "[ok](https://example.org)\n\n---\n";
  g_autofree char *plain = recap_markdown_render (safe, strlen (safe), RECAP_MARKDOWN_SAFE_HTML);

  /* The autolink's text stays, as text. */
  g_assert_null (strstr (html, "\"javascript:"));
  g_assert_null (strstr (html, "data:"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org\">ok</a>"));
  /* Untouched by the sanitizer, which would write "<hr>". */
  g_assert_nonnull (strstr (plain, "<hr />"));
}

static void
test_remote_images (void)
{
  g_assert_true (recap_html_has_remote_images ("<p><img src=\"https://example.org/a.png\" alt=\"a\"></p>"));
  g_assert_true (recap_html_has_remote_images ("<source srcset=\"a.png 1x, HTTP://example.org/b.png 2x\">"));
  g_assert_false (recap_html_has_remote_images ("<img src=\"/assets/a.png\"><a href=\"https://example.org\">x</a>"));
  g_assert_false (recap_html_has_remote_images ("<p>see https://example.org/a.png</p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-sanitize/github-elements-stay", test_github_elements_stay);
  g_test_add_func ("/html-sanitize/picture-source", test_picture_source);
  g_test_add_func ("/html-sanitize/dangerous-elements-go-with-content", test_dangerous_elements_go_with_content);
  g_test_add_func ("/html-sanitize/handlers-and-styles-go", test_handlers_and_styles_go);
  g_test_add_func ("/html-sanitize/unsafe-urls-go", test_unsafe_urls_go);
  g_test_add_func ("/html-sanitize/unknown-tags-keep-their-text", test_unknown_tags_keep_their_text);
  g_test_add_func ("/html-sanitize/adversarial-markup", test_adversarial_markup);
  g_test_add_func ("/html-sanitize/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-sanitize/markdown-with-raw-html", test_markdown_with_raw_html);
  g_test_add_func ("/html-sanitize/markdown-urls", test_markdown_urls);
  g_test_add_func ("/html-sanitize/remote-images", test_remote_images);

  return g_test_run ();
}
