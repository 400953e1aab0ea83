/* recap-index-cache.h: the site index kept between runs
 *
 * The markdown files stay the truth: a cached post is used only while its
 * file has the size and modification time it had when it was read.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

typedef struct _RecapIndexCache RecapIndexCache;
/* What a cache of some posts holds, copied from them. */
typedef struct _RecapIndexCacheSnapshot RecapIndexCacheSnapshot;

/* Where the cache of the site at @root is kept. */
char            *recap_index_cache_dup_path (GFile          *root);
/* The cache of the site at @root; empty when there is none, it is
 * unusable, or it was written with another _config.yml (@config_stamp:
 * recap_site_config_get_stamp()). */
RecapIndexCache *recap_index_cache_load   (GFile            *root,
                                           guint64           config_stamp);
void             recap_index_cache_free   (RecapIndexCache  *cache);
guint            recap_index_cache_get_size (RecapIndexCache *cache);
/* The cached post for @relative_path, when its file still has @size and @mtime. */
RecapPost       *recap_index_cache_lookup (RecapIndexCache  *cache,
                                           GFile            *root,
                                           const char       *relative_path,
                                           guint64           size,
                                           gint64            mtime);
/* Points the search texts of @posts (RecapPost) saved in the cache into it,
 * so that the posts' own copies are freed. */
void             recap_index_cache_share_texts (RecapIndexCache *cache,
                                                GListModel      *posts);
/* The same for one post: for sharing a few at a time. */
void             recap_index_cache_share_text  (RecapIndexCache *cache,
                                                RecapPost       *post);
/* What the cache of @posts (RecapPost) holds, copied on the thread that
 * owns them (their metadata, references to their texts): it can then be
 * saved from any thread while the posts change or are freed. */
RecapIndexCacheSnapshot *recap_index_cache_snapshot_new  (GPtrArray               *posts);
void                     recap_index_cache_snapshot_free (RecapIndexCacheSnapshot *snapshot);
/* Replaces the cache of the site at @root with @snapshot, atomically: a
 * load reads the old cache or the new one, whole. Any thread. */
gboolean         recap_index_cache_save   (GFile                   *root,
                                           guint64                  config_stamp,
                                           RecapIndexCacheSnapshot *snapshot,
                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapIndexCache, recap_index_cache_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapIndexCacheSnapshot, recap_index_cache_snapshot_free)

G_END_DECLS
