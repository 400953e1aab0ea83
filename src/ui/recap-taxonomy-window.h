/* recap-taxonomy-window.h: every tag, category and author of a site with
 * its count; rename, merge and delete, near-duplicates offered for merging
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-site.h"
#include "recap-taxonomy.h"

G_BEGIN_DECLS

#define RECAP_TYPE_TAXONOMY_WINDOW (recap_taxonomy_window_get_type ())
G_DECLARE_FINAL_TYPE (RecapTaxonomyWindow, recap_taxonomy_window, RECAP, TAXONOMY_WINDOW, AdwWindow)

/* Signals: "edited" (const char *label, RecapBulkEdit *edit) once an
 * operation wrote its files: the handler takes @edit (for Undo);
 * "show-posts" (const char *query) to list a value's posts. */
RecapTaxonomyWindow *recap_taxonomy_window_new      (GtkWindow           *parent,
                                                     RecapSite           *site);
void                 recap_taxonomy_window_set_taxonomy (RecapTaxonomyWindow *self,
                                                         RecapTaxonomy        taxonomy);
/* The names listed, as filtered and sorted: a model of GtkStringObject. */
GListModel          *recap_taxonomy_window_get_rows  (RecapTaxonomyWindow *self);
GtkSelectionModel   *recap_taxonomy_window_get_selection (RecapTaxonomyWindow *self);
guint                recap_taxonomy_window_get_count (RecapTaxonomyWindow *self,
                                                     const char          *name);
/* Sorts by "name" or "count". */
void                 recap_taxonomy_window_sort_by   (RecapTaxonomyWindow *self,
                                                     const char          *column,
                                                     GtkSortType          order);
void                 recap_taxonomy_window_set_search (RecapTaxonomyWindow *self,
                                                      const char          *text);
/* The operations, as the buttons start them once confirmed: @new_name
 * NULL deletes @names from every post; several @names merge. */
void                 recap_taxonomy_window_run       (RecapTaxonomyWindow *self,
                                                     const char * const  *names,
                                                     const char          *new_name);
/* Merges @names into @into, as dropping their rows onto @into's row does. */
void                 recap_taxonomy_window_merge_into (RecapTaxonomyWindow *self,
                                                      const char * const  *names,
                                                      const char          *into);
/* Asks what the sidebar's tag menu asked for @name: @operation is
 * "rename", "merge" (into a name to type) or "delete"; a NULL @name
 * lists the tags with the search focused, to pick one by typing. */
void                 recap_taxonomy_window_start     (RecapTaxonomyWindow *self,
                                                     const char          *operation,
                                                     const char          *name);
/* The near-duplicate groups offered for merging, each a GStrv. */
GPtrArray           *recap_taxonomy_window_get_suggestions (RecapTaxonomyWindow *self);
/* Whether an operation is running. */
gboolean             recap_taxonomy_window_is_busy   (RecapTaxonomyWindow *self);

G_END_DECLS
