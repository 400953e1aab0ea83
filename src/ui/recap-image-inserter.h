/* recap-image-inserter.h: images pasted or dropped into the editor, copied
 * into the site and linked from the post
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-document.h"
#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_IMAGE_INSERTER (recap_image_inserter_get_type ())
G_DECLARE_FINAL_TYPE (RecapImageInserter, recap_image_inserter, RECAP, IMAGE_INSERTER, GObject)

/* Takes over pasting images into @view (a texture, or copied image files)
 * and dropping image files on it: each is copied (never moved) into the
 * site's image folder, named from the post, and "![](/folder/name)" goes
 * where it was pasted or dropped, the cursor in the alt text. A copy is
 * deleted again when the post is saved, or closed, without its link.
 * Failures are emitted as "message". */
RecapImageInserter *recap_image_inserter_new          (GtkTextView        *view);
/* The site images go into; NULL: pasting images pastes as before. */
void                recap_image_inserter_set_site     (RecapImageInserter *self,
                                                       RecapSite          *site);
/* The document links go into. The copies made for the previous one and
 * not linked from its file on disk are deleted. */
void                recap_image_inserter_set_document (RecapImageInserter *self,
                                                       RecapDocument      *document);

G_END_DECLS
