/* recap-post-group.h: posts grouped by event, tag, author or year
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_GROUP_BY_EVENT,
  RECAP_GROUP_BY_TAG,
  RECAP_GROUP_BY_AUTHOR,
  RECAP_GROUP_BY_YEAR,
  RECAP_GROUP_BY_PROBLEM, /* the labels lint set on each post */
} RecapGroupBy;

#define RECAP_TYPE_POST_GROUP (recap_post_group_get_type ())
G_DECLARE_FINAL_TYPE (RecapPostGroup, recap_post_group, RECAP, POST_GROUP, GObject)

/* The groups of @posts (a model of RecapPost), in the order the sidebar
 * shows them: events newest first, tags by use, authors by name, years
 * newest first; posts with no value form a last group whose key is NULL. */
GPtrArray    *recap_post_group_compute   (GListModel     *posts,
                                          RecapGroupBy    by);
/* The same in a worker thread, for big sites: what grouping reads of the
 * posts is copied first, some thousands at the call and the rest from
 * idle callbacks of the thread-default main context, so the groups are
 * those of @posts as copied even if posts change before the result
 * arrives. Cancel @cancellable when @posts changes during the copy.
 * Cancelling makes the result G_IO_ERROR_CANCELLED, computed or not. */
void          recap_post_group_compute_async  (GListModel          *posts,
                                               RecapGroupBy         by,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* A GPtrArray of RecapPostGroup, or NULL with @error set. */
GPtrArray    *recap_post_group_compute_finish (GAsyncResult        *result,
                                               GError             **error);
RecapGroupBy  recap_post_group_get_by    (RecapPostGroup *self);
/* The event, tag, author or year; NULL for the "none" group. */
const char   *recap_post_group_get_key   (RecapPostGroup *self);
guint         recap_post_group_get_count (RecapPostGroup *self);
/* First and last dates of its posts; NULL when none is dated. */
GDateTime    *recap_post_group_get_first (RecapPostGroup *self);
GDateTime    *recap_post_group_get_last  (RecapPostGroup *self);
/* Its posts, in the order of the model the groups were computed from: a
 * snapshot, computed again with the groups. */
GListModel   *recap_post_group_get_posts (RecapPostGroup *self);

G_END_DECLS
