/* recap-post-search.c: hand-written, as no library narrows a substring
 * search keystroke by keystroke. SQLite FTS5 was measured against it on
 * the same posts (bench-site search): trigram was slower per keystroke;
 * unicode61 with prefix queries matches words from their start only and
 * was not faster either.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post-search.h"
#include "recap-post-private.h"

#include <string.h>

#include "recap-search-text.h"

/* Needles kept for deleting back: more than a phrase is typed in. */
#define MAX_LEVELS 24
/* The folded fields of 100,000 posts take megabytes: in one string that
 * doubles, the append that grew it copied all of it, 30 ms of the main
 * thread's while it took posts into a snapshot (perf, load-stall at
 * 100,000 posts). In chunks nothing moves. */
#define FIELDS_CHUNK_MAX (1024 * 1024)
/* Fewer posts than this a thread are not worth one. */
#define MIN_PER_THREAD 2048
#define MAX_THREADS 4

typedef struct {
  RecapPost  *post;
  const char *fields;     /* folded, in the snapshot's chunks */
  GBytes     *text;       /* the search text, or the body alone, or NULL */
  const char *data;       /* of @text, not read until searched: the snapshot */
  gsize       size;       /*   touches no text, which may be in the mapped cache */
  guint       revision;
  guint32     fields_len;
  gboolean    folded;     /* FALSE: the body alone, folded at each search */
} Haystack;

/* Bytes of the body kept where a needle was found: typing on usually
 * finds the longer needle at the same place, seen without reading the body. */
#define WINDOW 16

/* A post found, and where the needle was first found in its folded body
 * (or a place before, when the fields held it), with the bytes where it
 * was found, in the fields or the body (NUL-padded at the end of either). */
typedef struct {
  guint32 index;
  guint32 from;
  char    window[WINDOW];
} Hit;

typedef struct {
  char   *needle;
  GArray *hits;           /* of Hit, in the order of the posts */
} Level;

struct _RecapPostSearch
{
  Haystack   *haystacks;
  guint       n_haystacks;
  guint       room;       /* for haystacks */
  GStringChunk *fields;   /* every post's folded fields */
  GHashTable *positions;  /* RecapPost → its index + 1 */
  GPtrArray  *levels;     /* of Level, the last run's last */
  guint8     *found;      /* by the run shown, for each post; NULL before the first run */
  char       *needle;     /* of the run shown; NULL before any */
};

static void
level_free (Level *level)
{
  g_free (level->needle);
  g_array_unref (level->hits);
  g_free (level);
}

/* The body as recap_post_matches() searches it: the search text, else
 * the body alone. */
static void
haystack_init_body (Haystack  *haystack,
                    RecapPost *post)
{
  GBytes *text = recap_post_get_search_text (post);

  haystack->folded = text != NULL;
  if (text == NULL)
    text = recap_post_get_body_bytes (post);
  if (text == NULL)
    return;
  haystack->text = g_bytes_ref (text);
  haystack->data = g_bytes_get_data (text, &haystack->size);
}

/* The folded body of @haystack and its length (with the padding NULs), as
 * recap_search_text_contains() checks it; NULL for a damaged search text. */
static const char *
haystack_folded_body (const Haystack *haystack,
                      gsize          *len)
{
  *len = (haystack->size - 2) / 2;
  if (haystack->size < 2 || haystack->size % 2 != 0 || haystack->data[*len] != '\0')
    return NULL;
  return haystack->data + *len + 1;
}

RecapPostSearch *
recap_post_search_new_sized (guint n_posts)
{
  RecapPostSearch *self = g_atomic_rc_box_new0 (RecapPostSearch);

  self->room = MAX (n_posts, 1);
  self->haystacks = g_new0 (Haystack, self->room);
  self->fields = g_string_chunk_new (MIN (64 * self->room, FIELDS_CHUNK_MAX));
  self->positions = g_hash_table_new (NULL, NULL);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
  return self;
}

gboolean
recap_post_search_add (RecapPostSearch *self,
                       RecapPost       *post)
{
  Haystack *haystack;
  const char *post_fields;

  g_return_val_if_fail (self->levels->len == 0 && self->found == NULL, FALSE);

  if (g_hash_table_contains (self->positions, post))
    return FALSE;
  if (self->n_haystacks == self->room)
    {
      self->room *= 2;
      self->haystacks = g_renew (Haystack, self->haystacks, self->room);
    }
  haystack = &self->haystacks[self->n_haystacks];
  post_fields = recap_post_get_search_fields (post);
  *haystack = (Haystack) { g_object_ref (post), NULL, NULL, NULL, 0, recap_post_get_revision (post),
                           strlen (post_fields), FALSE };
  haystack->fields = g_string_chunk_insert_len (self->fields, post_fields, haystack->fields_len);
  haystack_init_body (haystack, post);
  g_hash_table_insert (self->positions, post, GUINT_TO_POINTER (++self->n_haystacks));
  return TRUE;
}

RecapPostSearch *
recap_post_search_new (GPtrArray *posts)
{
  RecapPostSearch *self = recap_post_search_new_sized (posts->len);

  for (guint i = 0; i < posts->len; i++)
    recap_post_search_add (self, posts->pdata[i]);
  return self;
}

guint
recap_post_search_get_n_posts (RecapPostSearch *self)
{
  return self->n_haystacks;
}

static void
post_search_clear (RecapPostSearch *self)
{
  for (guint i = 0; i < self->n_haystacks; i++)
    {
      g_object_unref (self->haystacks[i].post);
      g_clear_pointer (&self->haystacks[i].text, g_bytes_unref);
    }
  g_free (self->haystacks);
  g_string_chunk_free (self->fields);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->levels);
  g_free (self->found);
  g_free (self->needle);
}

RecapPostSearch *
recap_post_search_ref (RecapPostSearch *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
recap_post_search_unref (RecapPostSearch *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) post_search_clear);
}

/* Searching */

typedef struct {
  RecapPostSearch *self;
  const Hit       *from;     /* the posts to look at, or NULL: all in [first, first + n) */
  guint            first;
  guint            n;
  const char      *needle;
  gsize            needle_len;
  gsize            shift;    /* where the last needle is in this one */
  Hit             *hits;     /* found: room for @n */
  guint            n_hits;
} Chunk;

/* Keeps the bytes at @match (@rest of them to the end of its text). */
static void
keep_window (Hit        *hit,
             const char *match,
             gsize       rest)
{
  memset (hit->window, 0, WINDOW);
  memcpy (hit->window, match, MIN (rest, WINDOW));
}

/* Whether @haystack holds the needle, looking in its folded body from
 * where the last needle was first found there (@hit); @hit gets where this
 * one is first found (or a place before, when the fields hold it). */
static gboolean
haystack_holds (const RecapPostSearch *self,
                const Haystack        *haystack,
                const Chunk           *chunk,
                Hit                   *hit)
{
  const char *fields, *body, *match;
  gsize start = hit->from > chunk->shift ? hit->from - chunk->shift : 0;
  gsize len;

  /* The needle grew at its end and is still where the shorter one was found. */
  if (chunk->shift == 0 && chunk->needle_len <= WINDOW && hit->window[0] != '\0' &&
      memcmp (hit->window, chunk->needle, chunk->needle_len) == 0)
    return TRUE;
  hit->from = start;
  fields = haystack->fields;
  match = recap_search_memmem (fields, haystack->fields_len, chunk->needle, chunk->needle_len);
  if (match != NULL)
    {
      keep_window (hit, match, fields + haystack->fields_len - match);
      return TRUE;
    }
  hit->window[0] = '\0';
  if (haystack->text == NULL)
    return FALSE;
  if (!haystack->folded)
    return recap_search_find_folding (haystack->data, haystack->size - 1, chunk->needle, chunk->needle_len,
                                      NULL) != NULL;
  body = haystack_folded_body (haystack, &len);
  if (body == NULL || start > len)
    return FALSE;
  match = recap_search_memmem (body + start, len - start, chunk->needle, chunk->needle_len);
  if (match == NULL)
    return FALSE;
  hit->from = match - body;
  keep_window (hit, match, len - hit->from);
  return TRUE;
}

static gpointer
scan_chunk (gpointer data)
{
  Chunk *chunk = data;

  for (guint i = 0; i < chunk->n; i++)
    {
      Hit hit = chunk->from ? chunk->from[i] : (Hit) { chunk->first + i, 0, "" };

      if (haystack_holds (chunk->self, &chunk->self->haystacks[hit.index], chunk, &hit))
        chunk->hits[chunk->n_hits++] = hit;
    }
  return NULL;
}

/* The posts among @from (NULL: all) that hold @needle, looked at by up to
 * MAX_THREADS threads, this one among them. */
static GArray *
scan (RecapPostSearch *self,
      GArray          *from,
      const char      *needle,
      gsize            shift)
{
  guint n = from ? from->len : self->n_haystacks;
  guint n_threads = CLAMP (MIN (g_get_num_processors (), n / MIN_PER_THREAD), 1, MAX_THREADS);
  Chunk chunks[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  /* Each thread writes its hits to its own part, then they are put together. */
  g_autoptr(GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (Hit), n);
  GArray *hits;

  for (guint t = 0; t < n_threads; t++)
    {
      guint first = (guint64) n * t / n_threads;

      chunks[t] = (Chunk) { self, from ? &g_array_index (from, Hit, first) : NULL, first,
                            (guint64) n * (t + 1) / n_threads - first, needle, strlen (needle), shift,
                            (Hit *) all->data + first, 0 };
      if (t > 0)
        threads[t] = g_thread_new ("recap-search", scan_chunk, &chunks[t]);
    }
  scan_chunk (&chunks[0]);
  g_array_set_size (all, chunks[0].n_hits);
  for (guint t = 1; t < n_threads; t++)
    {
      guint len = all->len;

      g_thread_join (threads[t]);
      /* Within the room reserved: the parts may overlap, never grow. */
      g_array_set_size (all, len + chunks[t].n_hits);
      memmove ((Hit *) all->data + len, chunks[t].hits, chunks[t].n_hits * sizeof (Hit));
    }
  /* Kept for deleting back: no more memory than the hits need. */
  if (all->len >= n / 2)
    return g_steal_pointer (&all);
  hits = g_array_sized_new (FALSE, FALSE, sizeof (Hit), all->len);
  return g_array_append_vals (hits, all->data, all->len);
}

/* The last level whose needle @needle holds, after dropping the others;
 * NULL when none does. */
static Level *
narrowest_holding (RecapPostSearch *self,
                   const char      *needle)
{
  while (self->levels->len > 0)
    {
      Level *last = g_ptr_array_index (self->levels, self->levels->len - 1);

      if (strstr (needle, last->needle) != NULL)
        return last;
      g_ptr_array_remove_index (self->levels, self->levels->len - 1);
    }
  return NULL;
}

guint
recap_post_search_run (RecapPostSearch *self,
                       const char      *folded_needle)
{
  const char *needle = folded_needle ? folded_needle : "";
  Level *base = narrowest_holding (self, needle);
  Level *level = base;

  if (base == NULL || !g_str_equal (base->needle, needle))
    {
      level = g_new0 (Level, 1);
      level->needle = g_strdup (needle);
      level->hits = scan (self, base ? base->hits : NULL, needle,
                          base ? strstr (needle, base->needle) - needle : 0);
      if (self->levels->len == MAX_LEVELS)
        g_ptr_array_remove_index (self->levels, 0);
      g_ptr_array_add (self->levels, level);
    }
  return level->hits->len;
}

/* A run for a thread: the snapshot is its own, not the posts'. */
typedef struct {
  RecapPostSearch *search;
  char            *needle;
} Run;

static void
run_free (Run *run)
{
  recap_post_search_unref (run->search);
  g_free (run->needle);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Run *run = task_data;

  recap_post_search_run (run->search, run->needle);
  g_task_return_boolean (task, TRUE);
}

void
recap_post_search_run_async (RecapPostSearch     *self,
                             const char          *folded_needle,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  run->search = recap_post_search_ref (self);
  run->needle = g_strdup (folded_needle);
  g_task_set_source_tag (task, recap_post_search_run_async);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_in_thread);
}

RecapPostSearch *
recap_post_search_run_finish (GAsyncResult  *result,
                              const char   **needle,
                              GError       **error)
{
  Run *run = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  *needle = run->needle;
  return run->search;
}

void
recap_post_search_show (RecapPostSearch *self)
{
  Level *level;

  g_return_if_fail (self->levels->len > 0);

  level = g_ptr_array_index (self->levels, self->levels->len - 1);
  g_free (self->needle);
  self->needle = g_strdup (level->needle);
  if (self->found == NULL)
    self->found = g_malloc (self->n_haystacks);
  memset (self->found, 0, self->n_haystacks);
  for (guint i = 0; i < level->hits->len; i++)
    self->found[g_array_index (level->hits, Hit, i).index] = TRUE;
}

const char *
recap_post_search_get_shown (RecapPostSearch *self)
{
  return self->needle;
}

gboolean
recap_post_search_found_at (RecapPostSearch *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->n_haystacks, FALSE);

  return self->needle == NULL || *self->needle == '\0' || self->found[index];
}

gboolean
recap_post_search_found (RecapPostSearch *self,
                         RecapPost       *post)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, post));

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  if (position == 0 || self->haystacks[position - 1].revision != recap_post_get_revision (post))
    return recap_post_matches (post, self->needle, NULL);
  return self->found[position - 1];
}
