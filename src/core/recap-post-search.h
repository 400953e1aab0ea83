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

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

typedef struct _RecapPostSearch RecapPostSearch;

/* A snapshot of @posts (RecapPost), taken in the thread that owns them. */
RecapPostSearch *recap_post_search_new   (GPtrArray       *posts);
/* An empty snapshot with room for @n_posts, to take them one at a time
 * with recap_post_search_add(): a main loop can take them in steps. */
RecapPostSearch *recap_post_search_new_sized (guint       n_posts);
/* Takes @post into the snapshot, before any run, in the thread that owns
 * it; FALSE when it is in already. A post changed since it was taken, or
 * never taken, is still answered right by recap_post_search_found(). */
gboolean         recap_post_search_add   (RecapPostSearch *self,
                                          RecapPost       *post);
/* How many posts the snapshot holds. */
guint            recap_post_search_get_n_posts (RecapPostSearch *self);
RecapPostSearch *recap_post_search_ref   (RecapPostSearch *self);
void             recap_post_search_unref (RecapPostSearch *self);
/* Finds the posts holding @folded_needle (made by recap_search_fold_dup();
 * NULL or "" finds every post) and returns how many. Runs in any thread,
 * one run at a time; it reads nothing of the posts themselves. */
guint            recap_post_search_run   (RecapPostSearch *self,
                                          const char      *folded_needle);
/* Runs recap_post_search_run() in a thread. */
void             recap_post_search_run_async  (RecapPostSearch     *self,
                                               const char          *folded_needle,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The search that ran and, in *@needle, for what (both held by @result);
 * NULL with @error when @cancellable was cancelled. */
RecapPostSearch *recap_post_search_run_finish (GAsyncResult        *result,
                                               const char         **needle,
                                               GError             **error);
/* Makes the last run's posts those recap_post_search_found() answers
 * with; in the posts' thread, not while a run goes on. */
void             recap_post_search_show  (RecapPostSearch *self);
/* The needle of the run shown, NULL before any. */
const char      *recap_post_search_get_shown (RecapPostSearch *self);
/* Whether the run shown found @post; before any, TRUE. A post not in the
 * snapshot, or changed since (recap_post_update_from()), is matched anew
 * with recap_post_matches(). In the posts' thread. */
gboolean         recap_post_search_found (RecapPostSearch *self,
                                          RecapPost       *post);

/* Whether the run shown found the post taken @index-th (from 0: the post
 * taken when recap_post_search_get_n_posts() was @index) as it was taken;
 * before any run, TRUE. For a caller that knows the post did not change
 * since: it does not look at the post, which at 100,000 posts cost a
 * cache miss each. */
gboolean         recap_post_search_found_at (RecapPostSearch *self,
                                             guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapPostSearch, recap_post_search_unref)

G_END_DECLS
