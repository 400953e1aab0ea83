/* recap-git-monitor.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-git-monitor.h"

#include <string.h>

/* After the last change of a burst (a loading site, a bulk edit). */
#define SETTLE_MS 300

struct _RecapGitMonitor
{
  GObject       parent_instance;

  RecapSite    *site;
  GHashTable   *states;      /* relative path -> RecapGitState; NULL when not a work tree */
  GCancellable *running;     /* the status being computed, NULL when none is */
  gboolean      stale;       /* changes came while it was computed */
  guint         settle_source;
};

G_DEFINE_FINAL_TYPE (RecapGitMonitor, recap_git_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start (RecapGitMonitor *self);

static void
status_computed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RecapGitMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *states = recap_git_status_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL && !g_error_matches (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOT_A_WORK_TREE))
    g_warning ("Could not read the git status: %s", error->message);
  g_clear_object (&self->running);
  g_clear_pointer (&self->states, g_hash_table_unref);
  self->states = states;
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->stale)
    start (self);
}

static void
start (RecapGitMonitor *self)
{
  self->stale = FALSE;
  self->running = g_cancellable_new ();
  recap_git_status_async (recap_site_get_root (self->site), self->running, status_computed, g_object_ref (self));
}

void
recap_git_monitor_refresh (RecapGitMonitor *self)
{
  g_return_if_fail (RECAP_IS_GIT_MONITOR (self));

  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (self->running != NULL)
    self->stale = TRUE;
  else
    start (self);
}

static gboolean
settled (gpointer user_data)
{
  RecapGitMonitor *self = user_data;

  self->settle_source = 0;
  recap_git_monitor_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
posts_changed (RecapGitMonitor *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (SETTLE_MS, settled, self);
}

RecapGitMonitor *
recap_git_monitor_new (RecapSite *site)
{
  RecapGitMonitor *self;

  g_return_val_if_fail (RECAP_IS_SITE (site), NULL);

  self = g_object_new (RECAP_TYPE_GIT_MONITOR, NULL);
  self->site = g_object_ref (site);
  g_signal_connect_object (site, "items-changed", G_CALLBACK (posts_changed), self, G_CONNECT_SWAPPED);
  start (self);
  return self;
}

RecapSite *
recap_git_monitor_get_site (RecapGitMonitor *self)
{
  g_return_val_if_fail (RECAP_IS_GIT_MONITOR (self), NULL);
  return self->site;
}

gboolean
recap_git_monitor_get_is_work_tree (RecapGitMonitor *self)
{
  g_return_val_if_fail (RECAP_IS_GIT_MONITOR (self), FALSE);
  return self->states != NULL;
}

guint
recap_git_monitor_get_n_changed (RecapGitMonitor *self)
{
  g_return_val_if_fail (RECAP_IS_GIT_MONITOR (self), 0);
  return self->states != NULL ? g_hash_table_size (self->states) : 0;
}

RecapGitState
recap_git_monitor_get_state (RecapGitMonitor *self,
                             const char      *relative_path)
{
  g_return_val_if_fail (RECAP_IS_GIT_MONITOR (self), RECAP_GIT_CURRENT);

  if (self->states == NULL || relative_path == NULL)
    return RECAP_GIT_CURRENT;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->states, relative_path));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
recap_git_monitor_dup_changed (RecapGitMonitor *self)
{
  g_autofree const char **paths = NULL;
  guint n = 0;

  g_return_val_if_fail (RECAP_IS_GIT_MONITOR (self), NULL);

  if (self->states == NULL)
    return g_new0 (char *, 1);
  paths = (const char **) g_hash_table_get_keys_as_array (self->states, &n);
  g_qsort_with_data (paths, n, sizeof paths[0], compare_paths, NULL);
  return g_strdupv ((GStrv) paths);
}

static void
recap_git_monitor_dispose (GObject *object)
{
  RecapGitMonitor *self = RECAP_GIT_MONITOR (object);

  g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_object (&self->site);
  g_clear_pointer (&self->states, g_hash_table_unref);

  G_OBJECT_CLASS (recap_git_monitor_parent_class)->dispose (object);
}

static void
recap_git_monitor_class_init (RecapGitMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_git_monitor_dispose;

  /* A new status: the states and counts may all have changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_git_monitor_init (RecapGitMonitor *self)
{
}
