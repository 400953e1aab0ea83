/* recap-live-search.c: the snapshot taken in steps and the runs of
 * RecapPostSearch for a search field (see the header).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-live-search.h"

#include <string.h>

#include "recap-background.h"
#include "recap-post-search.h"

/* Main-loop time for taking posts into the snapshot per dispatch: 100,000
 * posts in one step took 45-77 ms (making and copying their folded fields). */
#define TAKE_BUDGET_USEC 3000
/* Posts taken between looks at the clock. */
#define TAKE_STEP 16
/* A post in no snapshot: taken after it, or changed since. */
#define NO_SLOT G_MAXUINT

struct _RecapLiveSearch
{
  GObject          parent_instance;

  GListModel      *posts;
  gboolean         paused;
  char            *query;     /* typed, folded; NULL for none */
  char            *shown;     /* the query the answers are for */
  RecapPostSearch *search;    /* the snapshot searched, NULL before one is taken */
  GArray          *slots;     /* of guint, for each of @posts: its index in @search, or NO_SLOT */
  RecapPostSearch *taking;    /* the next snapshot, posts being taken; or NULL */
  guint            n_looked;  /* of @posts, for @taking */
  GArray          *taking_slots; /* for the first @n_looked of @posts, as @slots */
  guint            take_source;
  guint            n_added;   /* posts added since @taking or @search began */
  GCancellable    *running;   /* a run in a thread, NULL when none is */
};

G_DEFINE_FINAL_TYPE (RecapLiveSearch, recap_live_search, G_TYPE_OBJECT)

enum {
  SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (RecapLiveSearch *self);

/* Sets the answers to @query, which the snapshot has found (or, without
 * one, which recap_live_search_matches() looks for itself). */
static void
show (RecapLiveSearch *self,
      const char      *query)
{
  g_autofree char *before = g_steal_pointer (&self->shown);

  self->shown = g_strdup (query);
  g_signal_emit (self, signals[SHOWN], 0, before);
}

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  const char *needle = NULL;
  RecapPostSearch *search = recap_post_search_run_finish (result, &needle, &error);
  RecapLiveSearch *self;

  /* Cancelled when @self went. */
  if (search == NULL)
    return;
  self = RECAP_LIVE_SEARCH (user_data);
  g_clear_object (&self->running);
  /* Shown when still wanted; typed on meanwhile, the next run narrows it. */
  if (search == self->search && g_strcmp0 (needle, self->query) == 0)
    {
      recap_post_search_show (search);
      /* The same query on a new snapshot: the same answers. */
      if (g_strcmp0 (self->shown, needle) != 0)
        show (self, needle);
    }
  update (self);
}

/* Brings the answers to the query typed: a run in a thread on the
 * snapshot, or, with none taken or being taken, at once. A query shown
 * before the snapshot was (re)taken runs again on it, so that the posts
 * added meanwhile are no longer matched each by itself. */
static void
update (RecapLiveSearch *self)
{
  gboolean current = g_strcmp0 (self->shown, self->query) == 0;

  if (self->running != NULL)
    return;
  if (self->query == NULL || (self->search == NULL && self->taking == NULL))
    {
      if (!current)
        show (self, self->query);
      return;
    }
  /* Taken soon: its first run will be the query's. */
  if (self->search == NULL ||
      (current && g_strcmp0 (recap_post_search_get_shown (self->search), self->query) == 0))
    return;
  self->running = g_cancellable_new ();
  recap_post_search_run_async (self->search, self->query, self->running, run_done, self);
}

/* A snapshot of 100,000 posts took 11-12 ms to free: a thread frees it. */
static void
drop_snapshot (RecapPostSearch **search)
{
  recap_background_free (g_steal_pointer (search), (GDestroyNotify) recap_post_search_unref);
}

static void
stop_taking (RecapLiveSearch *self)
{
  g_clear_handle_id (&self->take_source, g_source_remove);
  drop_snapshot (&self->taking);
  g_clear_pointer (&self->taking_slots, g_array_unref);
}

/* Takes posts into the next snapshot for a while; the posts looked at
 * follow the list's changes (posts_changed()). */
static gboolean
take_posts (gpointer user_data)
{
  RecapLiveSearch *self = user_data;
  gint64 deadline = g_get_monotonic_time () + TAKE_BUDGET_USEC;
  guint n = g_list_model_get_n_items (self->posts);

  while (self->n_looked < n && g_get_monotonic_time () < deadline)
    for (guint end = MIN (n, self->n_looked + TAKE_STEP); self->n_looked < end; self->n_looked++)
      {
        g_autoptr(RecapPost) post = g_list_model_get_item (self->posts, self->n_looked);
        guint slot = recap_post_search_get_n_posts (self->taking);

        if (!recap_post_search_add (self->taking, post))
          slot = NO_SLOT;
        g_array_append_val (self->taking_slots, slot);
      }
  if (self->n_looked < n)
    return G_SOURCE_CONTINUE;
  self->take_source = 0;
  drop_snapshot (&self->search);
  self->search = g_steal_pointer (&self->taking);
  g_clear_pointer (&self->slots, g_array_unref);
  self->slots = g_steal_pointer (&self->taking_slots);
  update (self);
  return G_SOURCE_REMOVE;
}

/* Starts the next snapshot, unless paused. */
static void
start_taking (RecapLiveSearch *self)
{
  stop_taking (self);
  if (self->posts == NULL || self->paused)
    return;
  self->taking = recap_post_search_new_sized (g_list_model_get_n_items (self->posts));
  self->n_looked = 0;
  self->taking_slots = g_array_sized_new (FALSE, FALSE, sizeof (guint), g_list_model_get_n_items (self->posts));
  self->n_added = 0;
  self->take_source = g_idle_add_full (G_PRIORITY_LOW, take_posts, self, NULL);
}

/* Whether so many posts came since the snapshot began that matching them
 * anew at each keystroke would cost more than taking it again. */
static gboolean
snapshot_stale (RecapLiveSearch *self)
{
  guint n = self->search ? recap_post_search_get_n_posts (self->search) : 0;

  return self->search == NULL || self->n_added > n / 16 + 64;
}

/* Follows a change to the first @n_slotted posts in @slots: the posts
 * added there are in no snapshot. Returns the posts slotted after it. */
static guint
splice_slots (GArray *slots,
              guint   n_slotted,
              guint   position,
              guint   removed,
              guint   added)
{
  guint gone;

  if (position >= n_slotted)
    return n_slotted;
  gone = MIN (removed, n_slotted - position);
  g_array_remove_range (slots, position, gone);
  g_array_set_size (slots, slots->len + added);
  memmove (&g_array_index (slots, guint, position + added), &g_array_index (slots, guint, position),
           (slots->len - position - added) * sizeof (guint));
  memset (&g_array_index (slots, guint, position), 0xff, added * sizeof (guint));
  return n_slotted - gone + added;
}

static void
posts_changed (RecapLiveSearch *self,
               guint            position,
               guint            removed,
               guint            added)
{
  if (self->slots != NULL)
    splice_slots (self->slots, self->slots->len, position, removed, added);
  if (self->taking_slots != NULL)
    self->n_looked = splice_slots (self->taking_slots, self->n_looked, position, removed, added);
  self->n_added += added;
  if (self->taking == NULL && snapshot_stale (self))
    start_taking (self);
}

void
recap_live_search_set_posts (RecapLiveSearch *self,
                             GListModel      *posts)
{
  g_return_if_fail (RECAP_IS_LIVE_SEARCH (self));

  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, posts_changed, self);
  g_set_object (&self->posts, posts);
  if (posts != NULL)
    g_signal_connect_object (posts, "items-changed", G_CALLBACK (posts_changed), self, G_CONNECT_SWAPPED);
  drop_snapshot (&self->search);
  g_clear_pointer (&self->slots, g_array_unref);
  start_taking (self);
  update (self);
}

void
recap_live_search_set_paused (RecapLiveSearch *self,
                              gboolean         paused)
{
  g_return_if_fail (RECAP_IS_LIVE_SEARCH (self));

  if (self->paused == !!paused)
    return;
  self->paused = !!paused;
  if (paused)
    stop_taking (self);
  else if (snapshot_stale (self))
    start_taking (self);
  update (self);
}

void
recap_live_search_set_query (RecapLiveSearch *self,
                             const char      *folded_query)
{
  g_return_if_fail (RECAP_IS_LIVE_SEARCH (self));

  g_free (self->query);
  self->query = g_strdup (folded_query);
  update (self);
}

const char *
recap_live_search_get_shown (RecapLiveSearch *self)
{
  g_return_val_if_fail (RECAP_IS_LIVE_SEARCH (self), NULL);
  return self->shown;
}

gboolean
recap_live_search_matches (RecapLiveSearch *self,
                           RecapPost       *post)
{
  g_return_val_if_fail (RECAP_IS_LIVE_SEARCH (self), FALSE);

  if (self->shown == NULL)
    return TRUE;
  if (self->search != NULL && g_strcmp0 (recap_post_search_get_shown (self->search), self->shown) == 0)
    return recap_post_search_found (self->search, post);
  return recap_post_matches (post, self->shown, NULL);
}

gboolean
recap_live_search_matches_at (RecapLiveSearch *self,
                              guint            position)
{
  g_autoptr(RecapPost) post = NULL;

  g_return_val_if_fail (RECAP_IS_LIVE_SEARCH (self), FALSE);

  if (self->shown == NULL)
    return TRUE;
  if (self->search != NULL && g_strcmp0 (recap_post_search_get_shown (self->search), self->shown) == 0 &&
      position < self->slots->len && g_array_index (self->slots, guint, position) != NO_SLOT)
    return recap_post_search_found_at (self->search, g_array_index (self->slots, guint, position));
  post = g_list_model_get_item (self->posts, position);
  return recap_live_search_matches (self, post);
}

gboolean
recap_live_search_get_busy (RecapLiveSearch *self)
{
  g_return_val_if_fail (RECAP_IS_LIVE_SEARCH (self), FALSE);
  return self->running != NULL || g_strcmp0 (self->shown, self->query) != 0;
}

static void
recap_live_search_dispose (GObject *object)
{
  RecapLiveSearch *self = RECAP_LIVE_SEARCH (object);

  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  stop_taking (self);
  drop_snapshot (&self->search);
  g_clear_pointer (&self->slots, g_array_unref);
  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, posts_changed, self);
  g_clear_object (&self->posts);

  G_OBJECT_CLASS (recap_live_search_parent_class)->dispose (object);
}

static void
recap_live_search_finalize (GObject *object)
{
  RecapLiveSearch *self = RECAP_LIVE_SEARCH (object);

  g_free (self->query);
  g_free (self->shown);

  G_OBJECT_CLASS (recap_live_search_parent_class)->finalize (object);
}

static void
recap_live_search_class_init (RecapLiveSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_live_search_dispose;
  object_class->finalize = recap_live_search_finalize;

  /**
   * RecapLiveSearch::shown:
   * @before: the query the answers were for
   *
   * The answers are now for recap_live_search_get_shown().
   */
  signals[SHOWN] = g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
recap_live_search_init (RecapLiveSearch *self)
{
}

RecapLiveSearch *
recap_live_search_new (void)
{
  return g_object_new (RECAP_TYPE_LIVE_SEARCH, NULL);
}
