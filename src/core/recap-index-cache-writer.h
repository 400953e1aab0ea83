/* recap-index-cache-writer.h: a site's index cache written after its load
 *
 * Writing the cache took a third of the processor time of a first load:
 * the load reports its posts first, and the cache is written afterwards in
 * a worker thread, from a snapshot that owns what it holds. The posts read
 * from their files then share the new cache's texts (see
 * recap_index_cache_share_text()), a few per main-loop dispatch.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-index-cache.h"

G_BEGIN_DECLS

typedef struct _RecapIndexCacheWriter RecapIndexCacheWriter;

RecapIndexCacheWriter *recap_index_cache_writer_new   (void);
/* Does not wait: a write under way ends on its own (it holds all it
 * needs), and the posts no longer share its texts. A process that exits
 * during a write leaves at most a temporary file, never read as a cache
 * and removed by the next write to the folder. */
void                   recap_index_cache_writer_free  (RecapIndexCacheWriter   *self);
/* Saves @snapshot (taken) as the cache of the site at @root in a worker
 * thread, after the writes started before it; then the posts of @posts
 * (RecapPost, held weakly) whose files are as cached share its texts, from
 * the caller's thread-default main context. */
void                   recap_index_cache_writer_start (RecapIndexCacheWriter   *self,
                                                       GFile                   *root,
                                                       guint64                  config_stamp,
                                                       RecapIndexCacheSnapshot *snapshot,
                                                       GListModel              *posts);
/* Blocks until every write started is over (written or failed) and has
 * queued its handing of texts to the posts in the main context. */
void                   recap_index_cache_writer_wait  (RecapIndexCacheWriter   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapIndexCacheWriter, recap_index_cache_writer_free)

G_END_DECLS
