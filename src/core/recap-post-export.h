/* recap-post-export.h: a post as one standalone HTML file, the way the
 * preview shows it in its light style
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What becomes of the site's images a post shows. */
typedef enum {
  RECAP_EXPORT_IMAGES_EMBED, /* data: URIs inside the file */
  RECAP_EXPORT_IMAGES_COPY,  /* copies in a folder beside it, STEM_files/ */
} RecapExportImages;

/* The HTML document of @text (the whole post, at @relative_path in the
 * site @root): the header card and the rendered body, with the preview's
 * stylesheet, no script. Images inside the site are embedded or, for
 * RECAP_EXPORT_IMAGES_COPY, copied next to @out (which must then be set)
 * and linked relatively; remote and missing ones keep their URL. Blocking. */
char     *recap_post_export_html  (const char         *text,
                                   gsize               len,
                                   GFile              *root,
                                   const char         *relative_path,
                                   RecapExportImages   images,
                                   GFile              *out,
                                   GCancellable       *cancellable,
                                   GError            **error);

/* recap_post_export_html() written to @out, atomically. Blocking. */
gboolean  recap_post_export_write (const char         *text,
                                   gsize               len,
                                   GFile              *root,
                                   const char         *relative_path,
                                   RecapExportImages   images,
                                   GFile              *out,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_END_DECLS
