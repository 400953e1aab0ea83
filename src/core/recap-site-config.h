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

/* The lint rules @text's `recap:` key turns off, as in
 * `recap: {disable: [future-date, unknown-layout]}`; an empty list when
 * there are none or the YAML is invalid. */
GStrv recap_site_config_parse_disabled_rules (const char *text,
                                              gsize       len);

G_END_DECLS
