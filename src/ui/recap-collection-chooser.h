/* recap-collection-chooser.h: the sidebar's choice of which files to list,
 * by where Jekyll files them (posts, drafts, a collection, pages, files it
 * does not read), each with its count
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-post.h"

G_BEGIN_DECLS

#define RECAP_TYPE_COLLECTION_CHOOSER (recap_collection_chooser_get_type ())
G_DECLARE_FINAL_TYPE (RecapCollectionChooser, recap_collection_chooser, RECAP, COLLECTION_CHOOSER, GtkWidget)

GtkWidget  *recap_collection_chooser_new        (void);
/* The choice: "posts" (posts and drafts), "drafts", a collection label,
 * "pages", "other" (files Jekyll does not read) or "all". Notified as
 * "filter" when it changes. */
const char *recap_collection_chooser_get_filter (RecapCollectionChooser *self);
void        recap_collection_chooser_set_filter (RecapCollectionChooser *self,
                                                 const char             *filter);
/* Counts @posts (RecapPost) for each choice and lists the choices. TRUE
 * when recap_collection_chooser_shows() may now answer otherwise for a
 * post it was asked about (the site gained its first post, or lost its last).
 * The chooser follows @posts from then on, keeping the counts as they
 * change, so that calling it again costs no pass over them. */
gboolean    recap_collection_chooser_count      (RecapCollectionChooser *self,
                                                 GListModel             *posts);
/* TRUE when the next recap_collection_chooser_count() will return TRUE:
 * the posts followed changed since in a way that matters to it. */
gboolean    recap_collection_chooser_outdated   (RecapCollectionChooser *self);
/* TRUE when @post is among the chosen files. On a folder with no posts
 * (not a Jekyll site) "posts" shows every file. */
gboolean    recap_collection_chooser_shows      (RecapCollectionChooser *self,
                                                 RecapPost              *post);
/* TRUE when the choice leaves out some of the files last counted. */
gboolean    recap_collection_chooser_hides_some (RecapCollectionChooser *self);

G_END_DECLS
