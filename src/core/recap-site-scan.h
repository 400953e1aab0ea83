/* recap-site-scan.h: walking a site folder for posts (blocking; for worker threads)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-index-cache.h"
#include "recap-post.h"
#include "recap-site-config.h"

G_BEGIN_DECLS

typedef struct _RecapSiteScan RecapSiteScan;

/* Called from the scanning thread with each batch of new posts (owned by
 * the callee), so that a long scan shows its first posts early. */
typedef void (*RecapSiteScanBatchFunc) (GPtrArray *posts,
                                        gpointer   user_data);

/* Posts are read as Jekyll reads them with @config (the site's _config.yml;
 * NULL: Jekyll's defaults until recap_site_scan_set_config()). */
RecapSiteScan *recap_site_scan_new        (GFile                  *root,
                                           RecapSiteConfig        *config,
                                           GCancellable           *cancellable);
void           recap_site_scan_free       (RecapSiteScan          *scan);
void           recap_site_scan_set_batch_func (RecapSiteScan      *scan,
                                           guint                   batch_size,
                                           RecapSiteScanBatchFunc  func,
                                           gpointer                user_data);
/* Before the scan runs: the config posts are read with. */
void           recap_site_scan_set_config (RecapSiteScan          *scan,
                                           RecapSiteConfig        *config);
/* Posts whose files did not change since they were cached come from
 * @cache (owned by the caller, kept alive during the scan). */
void           recap_site_scan_set_cache  (RecapSiteScan          *scan,
                                           RecapIndexCache        *cache);
/* How many posts were read from their files rather than the cache. */
guint          recap_site_scan_get_n_read (RecapSiteScan          *scan);
/* What the cache is to hold when the scan (of the root) found it out of
 * date; NULL when it is up to date. */
RecapIndexCacheSnapshot *recap_site_scan_snapshot_cache (RecapSiteScan *scan);
/* Scans @dir (the root or a folder below it). Symlinks are followed; a
 * folder already visited (a symlink loop) is skipped. */
gboolean       recap_site_scan_run        (RecapSiteScan          *scan,
                                           GFile                  *dir,
                                           GError                **error);
/* Posts found and not handed to the batch function yet. */
GPtrArray     *recap_site_scan_take_posts (RecapSiteScan          *scan);
/* Files of _layouts (names without extension), sorted. */
GStrv          recap_site_scan_dup_layouts (RecapSiteScan         *scan);
/* Folders visited, to watch for changes. */
GPtrArray     *recap_site_scan_get_dirs   (RecapSiteScan          *scan);

/* The regular files of @dir (links followed) that may have changed at or
 * after @since (µs since the epoch, g_get_real_time()): their names, in
 * no order; empty if @dir cannot be read. *@dir_changed: whether files
 * may have come or gone in @dir since then (its own time changed). A file
 * system stamps files with a clock that lags the system's, by a tick (up
 * to 10 ms) where files get sub-second times and by up to 2 s where all
 * have whole seconds (FAT keeps even seconds): a stamp that much before
 * @since counts. */
GPtrArray     *recap_site_scan_list_changed_since (const char     *dir,
                                           gint64                  since,
                                           gboolean               *dir_changed);

/* Reads one post as Jekyll does with @config; a file that cannot be read
 * gives an "unreadable" post. */
RecapPost     *recap_site_read_post       (GFile                  *root,
                                           RecapSiteConfig        *config,
                                           GFile                  *file,
                                           GCancellable           *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapSiteScan, recap_site_scan_free)

G_END_DECLS
