/* recap-post-html.h: a post the way the preview shows it, a header card from
 * its front matter and then the rendered body
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-liquid.h"
#include "recap-site-config.h"

G_BEGIN_DECLS

/* @text is the whole document; @relative_path (in its site) tells drafts
 * and the date in a post's file name. The front matter never appears as
 * text: it becomes the card, with every value escaped. With
 * RECAP_MARKDOWN_SOURCEPOS, data-sourcepos lines are lines of @text. Raw
 * HTML goes through recap_html_sanitize(), Liquid is shown as
 * recap_liquid_render_markdown() shows it for a site with empty URLs. */
char *recap_post_html_render          (const char            *text,
                                       gsize                  len,
                                       const char            *relative_path,
                                       RecapMarkdownFlags     flags);
/* The same with the URLs of @site (NULL: empty ones). */
char *recap_post_html_render_for_site (const char            *text,
                                       gsize                  len,
                                       const char            *relative_path,
                                       const RecapLiquidSite *site,
                                       RecapMarkdownFlags     flags);
/* The same with the card's values as Jekyll uses them with @config: own
 * or from `defaults:`, the date in the site's zone, categories and tags
 * from every source (see recap-jekyll-doc.h). */
char *recap_post_html_render_with_config (const char            *text,
                                          gsize                  len,
                                          const char            *relative_path,
                                          const RecapLiquidSite *site,
                                          RecapSiteConfig       *config,
                                          RecapMarkdownFlags     flags);

G_END_DECLS
