/* recap-site-images.h: where images added to a post go in its site, their
 * names and the links to them
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where images go in a site whose posts link none. */
#define RECAP_SITE_IMAGES_DEFAULT_FOLDER "assets/images"

/* The folder, relative to the site root and without leading or trailing
 * slash, that the most @posts (a model of RecapPost) link images into: each
 * post counts once per folder, a folder being the first two levels of the
 * link's path ("assets/images" for "/assets/images/blog/x.png"), since
 * deeper ones are usually a post's own. Site-absolute links, relative ones
 * and Liquid baseurl forms count (other Liquid does not); links starting
 * with @baseurl are read without it; folders starting with "_" do not
 * count, Jekyll does not publish them. RECAP_SITE_IMAGES_DEFAULT_FOLDER when no post links any. */
char   *recap_site_images_guess_folder (GListModel    *posts,
                                        const char    *baseurl);

/* The folder the user set (@setting, as in the "image-folder" setting) when
 * it is a folder inside the site, else recap_site_images_guess_folder(). */
char   *recap_site_images_choose_folder (const char   *setting,
                                         GListModel   *posts,
                                         const char   *baseurl);

/* What image names for a post start with: its file name without the
 * extension ("2024-03-14-async" for "_posts/2024-03-14-async.md"), with
 * characters that need escaping in a URL made "-". */
char   *recap_site_images_stem         (const char    *relative_path);

/* Copies @source into @root/@folder (created when missing) as
 * STEM-N.EXTENSION, N being the first number from 1 that no STEM-N.* there
 * has (so that N numbers a post's images whatever their formats).
 * Never overwrites: the file is created exclusively, and a name taken
 * meanwhile moves on to the next number. Returns the new file; on failure
 * nothing is left behind. Blocking. */
GFile  *recap_site_images_copy         (GFile         *root,
                                        const char    *folder,
                                        const char    *stem,
                                        const char    *extension,
                                        GInputStream  *source,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* The markdown of an image with empty alt text: "![](/FOLDER/NAME)", with
 * "{{ site.baseurl }}" before the path when @baseurl is not empty. The
 * alt text goes at offset 2. */
char   *recap_site_images_link         (const char    *folder,
                                        const char    *name,
                                        const char    *baseurl);

/* Where a new image goes when @offset (bytes into @line, one line of text)
 * is inside an image's markdown, "![alt](url)": after it, so that pasting
 * twice in a row gives two images. Else @offset. */
gsize   recap_site_images_insert_point  (const char    *line,
                                         gsize          offset);

/* Whether @text still links the image at @site_relative_path ("assets/images/x.png"). */
gboolean recap_site_images_is_linked   (const char    *text,
                                        const char    *site_relative_path);

G_END_DECLS
