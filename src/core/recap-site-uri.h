/* recap-site-uri.h: recap-site: URIs, through which the preview reads the files of a site
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RECAP_SITE_URI_SCHEME "recap-site"

/* "recap-site://site/<folder of @relative_path>/": the base URI of a post's
 * preview, so that relative links resolve against the post's folder and
 * site-absolute ones ("/assets/x.png") against the site root. */
char *recap_site_uri_base_for (const char  *relative_path);

/* The canonical path of the file inside @root_path that @uri names. Fails
 * for anything that is not a site file: ".." or an encoded "/" that leaves
 * the site, a symlink that points out of it, hidden names, folders and
 * missing files. Blocking: call it from a worker thread. */
char *recap_site_uri_resolve  (const char  *root_path,
                               const char  *uri,
                               GError     **error);

G_END_DECLS
