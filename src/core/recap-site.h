/* recap-site.h: the posts of a folder, as a GListModel of RecapPost kept in
 * recap_post_compare() order (newest first)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"
#include "recap-site-config.h"

G_BEGIN_DECLS

#define RECAP_TYPE_SITE (recap_site_get_type ())
G_DECLARE_FINAL_TYPE (RecapSite, recap_site, RECAP, SITE, GObject)

RecapSite *recap_site_new           (GFile                *root);
GFile     *recap_site_get_root      (RecapSite            *self);
/* The site's _config.yml as last read (Jekyll's defaults before the load). */
RecapSiteConfig *recap_site_dup_config (RecapSite         *self);
/* Now, in the site's zone (`timezone:`): what new and published posts are dated. */
GDateTime *recap_site_new_now        (RecapSite            *self);
/* Scans the folder in worker threads; the main loop inserts the posts as
 * they come, a few milliseconds' worth at a time, and the load finishes
 * when all are in. */
void       recap_site_load_async    (RecapSite            *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean   recap_site_load_finish   (RecapSite            *self,
                                     GAsyncResult         *result,
                                     GError              **error);
/* Blocking scan, for worker threads and the command line. */
gboolean   recap_site_load_sync     (RecapSite            *self,
                                     GCancellable         *cancellable,
                                     GError              **error);
/* A load that found the index cache out of date reports its posts, then
 * writes the cache in a worker thread: this blocks until that is over, for
 * a process about to exit (recap-cli) that leaves the cache to the next. */
void       recap_site_wait_for_index_cache (RecapSite     *self);
/* How many folders the site watches for changes so far: after a load it
 * adds their monitors a few between two frames. */
guint      recap_site_get_n_watched_dirs (RecapSite *self);
/* Names of the layouts in the site's _layouts folder (no extension), sorted;
 * NULL before the first load. */
const char * const *recap_site_get_layouts (RecapSite *self);
/* Reads @file again now (after Recap itself created, moved or changed it)
 * instead of waiting for the folder monitor. */
void       recap_site_reload_file_async  (RecapSite           *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The post now at that file (owned by the site), or NULL. */
RecapPost *recap_site_reload_file_finish (RecapSite           *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* The values of @key ("author", "event", "layout", "tags", "categories")
 * used across @posts (a model of RecapPost), sorted, each once. */
GStrv      recap_site_collect_values     (GListModel          *posts,
                                          const char          *key);
/* The post for @file, or NULL. */
RecapPost *recap_site_find_post     (RecapSite            *self,
                                     GFile                *file);
/* Where @post is in the site's list, by a binary search: G_MAXUINT when
 * it is not listed. */
guint      recap_site_get_position  (RecapSite            *self,
                                     RecapPost            *post);
/* How many posts of its list the site has read to place or find one (its
 * binary searches and order checks): for tests that check that following
 * changes on disk costs in proportion to the changes, not to the site. */
guint64    recap_site_get_n_reads   (RecapSite            *self);

/* The site a post file belongs to: the nearest folder above it with a
 * _config.yml or a _posts folder, else the folder of the file. Blocking. */
GFile     *recap_site_find_root      (GFile               *file);

/* TRUE for folders a scan skips: hidden ones, _site, node_modules, vendor,
 * and Jekyll's _layouts/_includes/_sass. */
gboolean   recap_site_is_skipped_dir (const char          *name);
/* TRUE for .md and .markdown files. */
gboolean   recap_site_is_post_name   (const char          *name);

G_END_DECLS
