/* recap-post-search.h: search as you type over many posts
 *
 * A search takes a snapshot of the posts: their folded fields copied into
 * one block, their search texts referenced (those bytes never change), so
 * that it reads nothing a post owns while it runs. It matches as
 * recap_post_matches() does: the folded needle anywhere in the fields or
 * the body. Typing on costs little: a needle that holds the one before
 * looks only at the posts that one found, and in each body only from where
 * that one was first found (the longer needle cannot start earlier), so
 * the words typed so far are not read again; the needles typed before are
 * kept, so that deleting back to one gives its posts at once. The posts are
 * split over the processors.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-post.h"

G_BEGIN_DECLS

typedef struct _RecapPostSearch RecapPostSearch;

/* A snapshot of @posts (RecapPost), taken in the thread that owns them. */
RecapPostSearch *recap_post_search_new   (GPtrArray       *posts);
void             recap_post_search_free  (RecapPostSearch *self);
/* Finds the posts holding @folded_needle (made by recap_search_fold_dup();
 * NULL or "" finds every post) and returns how many. Not meant for two
 * threads at once, nor while recap_post_search_found() runs. */
guint            recap_post_search_run   (RecapPostSearch *self,
                                          const char      *folded_needle);
/* Whether the last run found @post; before any run, TRUE. A post not in
 * the snapshot, or changed since (recap_post_update_from()), is matched
 * anew with recap_post_matches(). */
gboolean         recap_post_search_found (RecapPostSearch *self,
                                          RecapPost       *post);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapPostSearch, recap_post_search_free)

G_END_DECLS
