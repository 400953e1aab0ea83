/* recap-liquid-url.h: the Liquid forms of site URLs in a post, as Jekyll
 * would expand them for a site served from its root
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Liquid that posts put in links and image sources,
 * "{{ site.baseurl }}/x.png" and "{{ '/x.png' | relative_url }}", as the
 * URLs Jekyll makes of them with an empty baseurl: "/x.png". The preview
 * and exports show a site from its root, where that is the right URL; the
 * line structure of @text is kept. Other Liquid is left as it is. */
char *recap_liquid_url_expand (const char *text,
                               gsize       len);

/* The text of a link to @site_path ("/assets/x.png") that works on the
 * published site: @site_path itself with an empty @baseurl, else with
 * "{{ site.baseurl }}" before it. */
char *recap_liquid_url_for    (const char *site_path,
                               const char *baseurl);

G_END_DECLS
