/* recap-live-search.h: search as you type over a list of posts
 *
 * Owns what a search field needs around RecapPostSearch: the snapshot of
 * the posts, taken a few posts per main-loop dispatch (no step blocks the
 * loop) as soon as the posts are set, and taken again when many posts
 * came since; the runs in a thread, one at a time, the last query typed
 * next; and the answer, for each post, to the query shown. A post added
 * or changed after the snapshot is matched anew (recap_post_matches()),
 * so the snapshot needs no retaking for a few.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

#define RECAP_TYPE_LIVE_SEARCH (recap_live_search_get_type ())
G_DECLARE_FINAL_TYPE (RecapLiveSearch, recap_live_search, RECAP, LIVE_SEARCH, GObject)

RecapLiveSearch *recap_live_search_new          (void);
/* The posts (RecapPost) to search, or NULL; their snapshot starts. */
void             recap_live_search_set_posts    (RecapLiveSearch *self,
                                                 GListModel      *posts);
/* While @paused (a site loading: a snapshot would be out of date at once)
 * no snapshot is taken; without one, a query is shown at once and
 * recap_live_search_matches() matches each post itself. */
void             recap_live_search_set_paused   (RecapLiveSearch *self,
                                                 gboolean         paused);
/* The query typed, folded (recap_search_fold_dup()); NULL for none. The
 * "shown" signal tells when the answers are for it. */
void             recap_live_search_set_query    (RecapLiveSearch *self,
                                                 const char      *folded_query);
/* The query the answers are for (NULL: none, every post matches). */
const char      *recap_live_search_get_shown    (RecapLiveSearch *self);
/* Whether @post holds the query shown. */
gboolean         recap_live_search_matches      (RecapLiveSearch *self,
                                                 RecapPost       *post);
/* Whether the post at @position of the posts holds the query shown; as
 * recap_live_search_matches(), without looking at the post when it is in
 * the snapshot. The posts must tell each change to a post as a change of
 * the list (RecapSite replaces it in place), and not be telling one. */
gboolean         recap_live_search_matches_at   (RecapLiveSearch *self,
                                                 guint            position);
/* Whether the query typed is not shown yet (searching, or waiting for the
 * snapshot). */
gboolean         recap_live_search_get_busy     (RecapLiveSearch *self);

G_END_DECLS
