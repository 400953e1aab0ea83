/* recap-liquid.h: the Liquid in a post's markdown, as the preview shows it
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-markdown.h"

G_BEGIN_DECLS

/* What Liquid reads of _config.yml; NULL members count as "". */
typedef struct {
  const char *baseurl; /* "" or "/sub/path" */
  const char *url;     /* "" or "https://example.org" */
} RecapLiquidSite;

/* The class of the links that {% post_url %} and {% link %} become; their
 * href is the site path of the target ("/_posts/2024-01-01-name" without
 * extension for post_url, "/_posts/x.md" for link). */
#define RECAP_LIQUID_POST_LINK_CLASS "liquid-post"

/* Renders @markdown like recap_markdown_render() with Liquid resolved the
 * way the preview can show it (always with RECAP_MARKDOWN_SAFE_HTML):
 * - in text, site.baseurl, site.url and the relative_url and absolute_url
 *   filters of a quoted path give the URLs @site makes of them;
 * - in link and image URLs and HTML tags they give site-rooted paths, so
 *   that the site's own files show from the preview's site root;
 * - {% post_url %} and {% link %} give links of RECAP_LIQUID_POST_LINK_CLASS;
 * - {% highlight lang %}…{% endhighlight %} on lines of their own is a
 *   fenced code block, {% raw %}…{% endraw %} shows its content as is;
 * - every other tag or output is a muted placeholder naming it;
 * - inside code spans and blocks Liquid shows as written.
 * Liquid must fit on one line; the lines of @markdown are kept. */
char *recap_liquid_render_markdown (const char            *markdown,
                                    gsize                  len,
                                    const RecapLiquidSite *site,
                                    RecapMarkdownFlags     flags);

G_END_DECLS
