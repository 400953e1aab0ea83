/* recap-site-private.h: what the two files of RecapSite share
 *
 *   recap-site.c        the sorted list of posts, _config.yml, the load
 *   recap-site-watch.c  following changes on disk: folder monitors, the
 *                       refreshes that read changed paths again, catch-up
 *
 * Only these files include this header, so the names it declares have a
 * site_ prefix but no recap_ one; none of it is API.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-index-cache-writer.h"
#include "recap-site.h"

G_BEGIN_DECLS

typedef struct _CatchUp CatchUp;

struct _RecapSite
{
  GObject       parent_instance;

  GFile        *root;
  GListStore   *posts;
  GStrv         layouts;
  GHashTable   *monitors;     /* folder path → GFileMonitor */
  GQueue        unwatched;    /* GFile: folders to watch, a few per dispatch */
  guint         watch_source;
  CatchUp      *catch_up;     /* to run once the folders are watched, or NULL */
  GHashTable   *pending;      /* path → GFile changed on disk, not re-read yet */
  GCancellable *cancellable;
  guint         refresh_source;
  GTree        *by_path;      /* file path → its post in @posts: one post per path */
  GQueue        refreshes;    /* Refresh: read again, applied a few posts per dispatch */
  guint         apply_source;
  guint64       n_reads;      /* posts of @posts read to place or find one */
  GMutex        config_lock;
  RecapSiteConfig *config;    /* under @config_lock: the threads read posts with it */
  RecapIndexCacheWriter *cache_writer; /* writes the index cache after a load */
};

/* recap-site.c: the list */

/* recap_post_compare() for g_ptr_array_sort(), which passes element pointers. */
int        site_compare_post_pointers (gconstpointer  a,
                                       gconstpointer  b);
/* The post at @position, counted in n_reads. */
RecapPost *site_read_item             (RecapSite     *self,
                                       guint          position);
const char *site_path_of              (RecapPost     *post);
/* Inserts the sorted posts of @sorted from *@next on, as few splices as
 * fit before @deadline (monotonic µs; 0: none); *@next tells how far. */
void       site_insert_sorted         (RecapSite     *self,
                                       GPtrArray     *sorted,
                                       guint         *next,
                                       gint64         deadline);

/* recap-site.c: _config.yml, from any thread */

RecapSiteConfig *site_dup_config      (RecapSite     *self);
/* Reads _config.yml again and keeps it. */
RecapSiteConfig *site_load_config     (RecapSite     *self,
                                       GCancellable  *cancellable);
gboolean   site_is_config_file        (RecapSite     *self,
                                       GFile         *file);

/* recap-site-watch.c */

void       site_init_watching         (RecapSite     *self);
/* Drops the monitors and every queued refresh and catch-up (dispose). */
void       site_stop_watching         (RecapSite     *self);
/* Watches @dirs, a few between two frames. */
void       site_watch_dirs            (RecapSite     *self,
                                       GPtrArray     *dirs);
/* Reads again the posts in @dirs modified since @since (µs since the
 * epoch), once the folders are watched. */
void       site_catch_up              (RecapSite     *self,
                                       GPtrArray     *dirs,
                                       gint64         since,
                                       GCancellable  *cancellable);

G_END_DECLS
