/* recap-site-scheme.h: the recap-site: URI scheme, through which a preview reads its site's files
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* Registers the scheme on @web_view's context, once per context. */
void recap_site_scheme_add_to        (WebKitWebView *web_view);
/* The folder @web_view's recap-site: URIs read from; NULL serves nothing. */
void recap_site_scheme_set_site_root (WebKitWebView *web_view,
                                      GFile         *root);

G_END_DECLS
