/* recap-site-config.h: what Recap reads of a site's _config.yml
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The top-level "baseurl" of @root's _config.yml, normalized to "" or
 * "/sub/path" (one leading slash, no trailing one). "" when the file or
 * the key is missing or the YAML is invalid: Jekyll's default. Blocking. */
char *recap_site_config_read_baseurl (GFile        *root,
                                      GCancellable *cancellable);

/* @text's top-level "baseurl", normalized as above. */
char *recap_site_config_parse_baseurl (const char  *text,
                                       gsize        len);

/* @text's top-level "url", without trailing slashes; "" when missing. */
char    *recap_site_config_parse_url (const char    *text,
                                      gsize          len);

/* The normalized "baseurl" and "url" of @root's _config.yml. Blocking. */
gboolean recap_site_config_read_urls (GFile         *root,
                                      char         **baseurl,
                                      char         **url,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
