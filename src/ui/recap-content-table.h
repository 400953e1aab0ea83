/* recap-content-table.h: the site's posts as a sortable, filterable table
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-post.h"

G_BEGIN_DECLS

#define RECAP_TYPE_CONTENT_TABLE (recap_content_table_get_type ())
G_DECLARE_FINAL_TYPE (RecapContentTable, recap_content_table, RECAP, CONTENT_TABLE, AdwBin)

/* Shows @posts (a model of RecapPost; NULL for none). */
void        recap_content_table_set_posts     (RecapContentTable *self,
                                               GListModel        *posts);
/* The filter, as typed: `tag:python year:2023 draft:yes async`. */
void        recap_content_table_set_query     (RecapContentTable *self,
                                               const char        *query);
const char *recap_content_table_get_query     (RecapContentTable *self);
/* Sorts by the column @column_id ("title", "date", "status", "authors",
 * "tags", "categories", "collection", "words", "modified"). */
void        recap_content_table_sort_by       (RecapContentTable *self,
                                               const char        *column_id,
                                               GtkSortType        order);
/* The rows as shown, filtered and sorted: a model of RecapPost. */
GListModel *recap_content_table_get_rows      (RecapContentTable *self);
GtkSelectionModel *recap_content_table_get_selection (RecapContentTable *self);
/* The selected posts (RecapPost), in the order shown. */
GPtrArray  *recap_content_table_dup_selected_posts (RecapContentTable *self);
void        recap_content_table_select_all    (RecapContentTable *self);
/* Selects every row, and keeps selecting the rows that filtering and
 * sorting bring until both are done (a step replaces rows, and they lose
 * their selection). A new query typed before then stops it. */
void        recap_content_table_select_all_when_done (RecapContentTable *self);
/* Whether sorting and filtering are done (they run a step at a time). */
gboolean    recap_content_table_is_busy       (RecapContentTable *self);
GtkColumnView *recap_content_table_get_view   (RecapContentTable *self);

G_END_DECLS
