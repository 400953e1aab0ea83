/* recap-match-list.h: the items of a list that a filter keeps, in order
 *
 * As GtkFilterListModel, but matched anew on the caller's terms and told
 * precisely: the caller decides from the positions in the underlying list
 * (a search's answer, without fetching each item), and a change is told
 * as the runs of rows that changed, so that rows over the items that stay
 * are kept. GTK 4.8's filter model tells one change from the first item
 * that changed to the last: at 100,000 posts each keystroke of a search
 * made every row anew, and it asked the filter about each item kept.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RECAP_TYPE_MATCH_LIST (recap_match_list_get_type ())
G_DECLARE_FINAL_TYPE (RecapMatchList, recap_match_list, RECAP, MATCH_LIST, GObject)

/* Whether to keep @item of the underlying list. */
typedef gboolean (*RecapMatchFunc)   (gpointer item,
                                      gpointer user_data);
/* Whether to keep the item at @position of the underlying list. */
typedef gboolean (*RecapMatchAtFunc) (guint    position,
                                      gpointer user_data);

/* How the terms changed since the last match, as GtkFilterChange: only
 * items kept so far may stay (narrower), or all those stay (wider). */
typedef enum {
  RECAP_MATCH_DIFFERENT,
  RECAP_MATCH_NARROWER,
  RECAP_MATCH_WIDER,
} RecapMatchChange;

/* Changes told at most for one match: runs of rows that changed with few
 * rows between them are told as one, rows between made anew. Each change
 * cost the sidebar's rows and list view some 25 µs, and each row told
 * removed and added again 0.25 µs (at 100,000 posts). */
#define RECAP_MATCH_LIST_MAX_RUNS 256

RecapMatchList *recap_match_list_new            (void);
/* The underlying list, or NULL; its items are matched with the function. */
void            recap_match_list_set_model      (RecapMatchList  *self,
                                                 GListModel      *model);
GListModel     *recap_match_list_get_model      (RecapMatchList  *self);
/* The function that matches the items the list adds, and those
 * recap_match_list_refilter() looks at without its own; NULL keeps every
 * item. The items kept change only with recap_match_list_refilter(). */
void            recap_match_list_set_match_func (RecapMatchList  *self,
                                                 RecapMatchFunc   match,
                                                 gpointer         user_data);
gboolean        recap_match_list_has_match_func (RecapMatchList  *self);
/* Matches anew after @change with @keep (NULL: the match function on each
 * item looked at). The row at @pinned (G_MAXUINT: none), if it stays, is
 * in no change told, so that a selection keeps it. */
void            recap_match_list_refilter       (RecapMatchList  *self,
                                                 RecapMatchChange change,
                                                 RecapMatchAtFunc keep,
                                                 gpointer         user_data,
                                                 guint            pinned);

/* Sets *@row to the row of the model's item at @position, G_MAXUINT when
 * the item is not kept. FALSE while a change is being told, when rows and
 * positions do not follow one order. */
gboolean        recap_match_list_find_row       (RecapMatchList  *self,
                                                 guint            position,
                                                 guint           *row);

G_END_DECLS
