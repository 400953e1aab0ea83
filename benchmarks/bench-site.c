/* bench-site.c: site index, search and tag rename on a generated site
 *
 * RECAP_BENCH_SIZES sets the sites' sizes (default 10000); an argument
 * "index" runs only the index benchmark, "search" only the search ones
 * (the former scan of each post, RecapPostSearch, then FTS5), "edit" only
 * the bulk edits. RECAP_BENCH_VERBOSE=1 prints RecapPostSearch's time for
 * each keystroke.
 *
 * Prints figures; asserts nothing about time. Both sides of each comparison
 * run in the same process run, on the same files, with a warm page cache.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "recap-bulk-edit.h"
#include "recap-file-util.h"
#include "recap-index-cache.h"
#include "recap-live-search.h"
#include "recap-post-search.h"
#include "recap-search-text.h"
#include "recap-site.h"
#include "recap-site-ops.h"
#include "bench-fts.h"
#include "bench-util.h"
#include "bench-write-floor.h"
#include "test-util.h"

#define RUNS 5

typedef double (*Measure) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of RUNS runs, after one to warm the caches. */
static double
median_ms (Measure  measure,
           gpointer data)
{
  double runs[RUNS];

  measure (data);
  for (guint i = 0; i < RUNS; i++)
    runs[i] = measure (data);
  qsort (runs, RUNS, sizeof runs[0], compare_doubles);
  return runs[RUNS / 2];
}

/* The median of @values (double), which it sorts. */
static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the process, all threads, in microseconds: on a loaded
 * machine the wall time per keystroke measures the load as much. */
static gint64
cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* A site indexed again and again, and how long each load's cache write
 * took to end, from the load's start. */
typedef struct {
  const char *dir;
  GArray     *written_ms;  /* double */
} Indexing;

static double index_site (gpointer data);

static char *
cache_file (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);

  return recap_index_cache_dup_path (root);
}

/* Reads and parses every file: no index cache from an earlier run (whose
 * write index_site() waited for). */
static double
index_site_uncached (gpointer data)
{
  Indexing *indexing = data;
  g_autofree char *cache = cache_file (indexing->dir);

  g_unlink (cache);
  return index_site (data);
}

/* The time until the load returns, with its posts; the cache is written
 * after that, in a thread: waited for here, so that the processor time of
 * a run counts it and the next run starts on its own. */
static double
index_site (gpointer data)
{
  Indexing *indexing = data;
  g_autoptr(GFile) root = g_file_new_for_path (indexing->dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  gint64 start = g_get_monotonic_time ();
  double loaded, written;

  if (!recap_site_load_sync (site, NULL, NULL))
    g_error ("Could not index %s", indexing->dir);
  loaded = elapsed_ms (start);
  recap_site_wait_for_index_cache (site);
  written = elapsed_ms (start);
  g_array_append_val (indexing->written_ms, written);
  return loaded;
}

/* The floor: walk the same folders and read the same files, nothing else. */
static guint64
read_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 bytes = 0;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !recap_site_is_skipped_dir (name))
        bytes += read_tree (child);
      else if (recap_site_is_post_name (name))
        {
          g_autofree char *text = NULL;
          gsize len = 0;

          g_file_get_contents (child, &text, &len, NULL);
          bytes += len;
        }
    }
  return bytes;
}

static double
read_only (gpointer dir)
{
  gint64 start = g_get_monotonic_time ();

  read_tree (dir);
  return elapsed_ms (start);
}

typedef struct {
  const char *script;
  const char *dir;
} Python;

static double
python_frontmatter (gpointer data)
{
  Python *python = data;
  const char *argv[] = { "/usr/bin/python3", python->script, python->dir, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  /* The script times itself, so interpreter start-up is not counted against it. */
  return g_ascii_strtod (out, NULL) * 1000.0;
}

/* The site as the app has it right after a first, uncached load: the
 * index cache still being written, the posts not yet sharing its texts. */
static RecapSite *
load (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  RecapSite *site = recap_site_new (root);

  recap_site_load_sync (site, NULL, NULL);
  return site;
}

/* As in the app once its main loop has run: the new index cache written,
 * and the posts sharing its texts. */
static void
settle (RecapSite *site)
{
  recap_site_wait_for_index_cache (site);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The site's posts, as the sidebar lists them. */
static GPtrArray *
site_posts (RecapSite *site)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (site));
  GPtrArray *posts = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (posts, g_list_model_get_item (G_LIST_MODEL (site), i));
  return posts;
}

/* Every prefix of a phrase typed into the search entry, the scan that
 * recap_post_matches() does: each longer query looks only at the posts the
 * shorter one kept, as the sidebar's filter does (GTK_FILTER_CHANGE_MORE_STRICT). */
static void
bench_scan (GPtrArray  *posts,
            const char *phrase)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;

  for (guint i = 0; i < posts->len; i++)
    g_ptr_array_add (shown, g_object_ref (posts->pdata[i]));
  for (gsize len = 1; len <= strlen (phrase); len++)
    {
      g_autofree char *query = recap_search_fold_dup (phrase, len);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start = g_get_monotonic_time (), cpu_start = cpu_usec ();
      gint64 usec, cpu;

      for (guint i = 0; i < shown->len; i++)
        if (recap_post_matches (shown->pdata[i], query, NULL))
          g_ptr_array_add (kept, g_object_ref (shown->pdata[i]));
      usec = g_get_monotonic_time () - start;
      cpu = cpu_usec () - cpu_start;
      g_array_append_val (times, usec);
      g_array_append_val (cpu_times, cpu);
      g_clear_pointer (&shown, g_ptr_array_unref);
      shown = g_steal_pointer (&kept);
    }
  label = g_strdup_printf ("scan “%s”, %u posts (%u match)", phrase, posts->len, shown->len);
  bench_report (label, times);
  bench_report ("  CPU time, all threads", cpu_times);
}

/* The same keystrokes through RecapPostSearch: narrowing, resuming each
 * post where the shorter query was found, on every processor. */
static void
bench_post_search (RecapPostSearch *search,
                   guint            n_posts,
                   const char      *phrase)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;
  guint found = 0;

  for (gsize len = 1; len <= strlen (phrase); len++)
    {
      g_autofree char *query = recap_search_fold_dup (phrase, len);
      gint64 start = g_get_monotonic_time (), cpu_start = cpu_usec ();
      gint64 usec, cpu;

      found = recap_post_search_run (search, query);
      recap_post_search_show (search);
      usec = g_get_monotonic_time () - start;
      cpu = cpu_usec () - cpu_start;
      g_array_append_val (cpu_times, cpu);
      if (g_getenv ("RECAP_BENCH_VERBOSE"))
        g_print ("  “%s”: %u found, %.2f ms\n", query, found, usec / 1000.0);
      g_array_append_val (times, usec);
    }
  label = g_strdup_printf ("RecapPostSearch “%s”, %u posts (%u match)", phrase, n_posts, found);
  bench_report (label, times);
  bench_report ("  CPU time, all threads", cpu_times);
}

/* The snapshot as the sidebar takes it, a few posts per main-loop step
 * (making the posts' folded fields on the way), up to the first keystroke
 * shown: the longest step is a stall of the window (target ≤ 16 ms). */
static void
bench_live_snapshot (GPtrArray *posts)
{
  g_autoptr(GListStore) store = g_list_store_new (RECAP_TYPE_POST);
  g_autoptr(RecapLiveSearch) live = recap_live_search_new ();
  gint64 start, cpu_start;
  double longest_wall, longest_cpu;

  g_list_store_splice (store, 0, 0, posts->pdata, posts->len);
  bench_iterations_reset ();
  start = g_get_monotonic_time ();
  cpu_start = cpu_usec ();
  recap_live_search_set_posts (live, G_LIST_MODEL (store));
  recap_live_search_set_query (live, "l");
  while (recap_live_search_get_busy (live))
    g_main_context_iteration (NULL, TRUE);
  bench_iterations_longest (&longest_wall, &longest_cpu);
  g_print ("RecapLiveSearch snapshot of %u posts, fields made on the way, to “l” shown: %.1f ms, CPU %.1f ms; "
           "longest main-loop iteration %.1f ms (%.1f ms CPU)\n", posts->len, elapsed_ms (start),
           (cpu_usec () - cpu_start) / 1000.0, longest_wall, longest_cpu);
}

/* Keystrokes in the first seconds after a first load, while the index
 * cache is written and before the posts share its texts. */
static void
bench_search_after_load (RecapSite  *site,
                         const char *phrase)
{
  g_autoptr(GPtrArray) posts = site_posts (site);
  g_autoptr(RecapPostSearch) search = recap_post_search_new (posts);

  g_print ("right after a first, uncached load:\n");
  bench_post_search (search, posts->len, phrase);
}

/* Search as you type at @site, target ≤ 16 ms at 100,000 posts, ≤ 5 ms at
 * 10,000 per keystroke. */
static void
bench_search (RecapSite          *site,
              const char * const *phrases)
{
  g_autoptr(GPtrArray) posts = site_posts (site);
  g_autoptr(RecapPostSearch) search = NULL;
  gint64 start, cpu_start;

  g_print ("search per keystroke, %u posts (target median ≤ %s ms):\n", posts->len,
           posts->len >= 100000 ? "16" : "5");
  bench_live_snapshot (posts);
  for (guint p = 0; phrases[p] != NULL; p++)
    bench_scan (posts, phrases[p]);
  start = g_get_monotonic_time ();
  cpu_start = cpu_usec ();
  search = recap_post_search_new (posts);
  g_print ("RecapPostSearch snapshot of %u posts (first keystroke, fields made by the scan): %.1f ms, "
           "CPU %.1f ms\n", posts->len, elapsed_ms (start), (cpu_usec () - cpu_start) / 1000.0);
  for (guint p = 0; phrases[p] != NULL; p++)
    bench_post_search (search, posts->len, phrases[p]);
}

static double
timeval_ms (const struct timeval *tv)
{
  return tv->tv_sec * 1000.0 + tv->tv_usec / 1000.0;
}

/* The processor time (user and system, of every thread) the process has
 * taken so far: unlike wall time, what a step adds to it does not depend
 * on how many other processes share the cores. */
static double
process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return timeval_ms (&usage.ru_utime) + timeval_ms (&usage.ru_stime);
}

/* The processor time one run of @measure takes. */
static double
cpu_ms (Measure  measure,
        gpointer data)
{
  double before = process_cpu_ms ();

  measure (data);
  return process_cpu_ms () - before;
}

/* Lets the disk finish what earlier writes left (on ext4 mounted with
 * discard, freeing the blocks of replaced files goes on for seconds and
 * slows the next writes), as before a user's edit. */
static void
settle_disk (void)
{
  sync ();
  g_usleep (3 * G_USEC_PER_SEC);
}

/* How long after the operation just returned the files it replaced were
 * all let go (recap_file_write_atomic_all() frees them in the background),
 * waiting for that: the next timed step does not overlap it. */
static double
wait_released_ms (void)
{
  gint64 returned = g_get_monotonic_time ();

  recap_file_write_wait_released ();
  return elapsed_ms (returned);
}

/* Applies @func to @files, then undoes it: each written as one batch.
 * First the same edit without writing (reading, parsing and editing on
 * every core, as the preview of a bulk edit does): the CPU part. */
static void
time_bulk_edit (const char    *what,
                GPtrArray     *files,
                RecapEditFunc  func,
                gconstpointer  data)
{
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double processor_ms = process_cpu_ms ();
  guint changing = recap_bulk_edit_preview (files, func, data, NULL, NULL, NULL);
  double cpu_ms = elapsed_ms (start), edit_ms, undo_ms, edit_processor_ms, undo_processor_ms;
  double edit_tail_ms, undo_tail_ms;

  processor_ms = process_cpu_ms () - processor_ms;
  settle_disk ();
  start = g_get_monotonic_time ();
  edit_processor_ms = process_cpu_ms ();
  if (!recap_bulk_edit_apply (bulk, files, func, data, NULL, NULL, NULL, &error))
    g_error ("%s: %s", what, error->message);
  edit_ms = elapsed_ms (start);
  edit_processor_ms = process_cpu_ms () - edit_processor_ms;
  edit_tail_ms = wait_released_ms ();
  settle_disk ();
  start = g_get_monotonic_time ();
  undo_processor_ms = process_cpu_ms ();
  if (!recap_bulk_edit_undo (bulk, NULL, &error))
    g_error ("%s, undo: %s", what, error->message);
  undo_ms = elapsed_ms (start);
  undo_processor_ms = process_cpu_ms () - undo_processor_ms;
  undo_tail_ms = wait_released_ms ();
  g_print ("%s in %u files: %.0f ms (%.2f ms a file, written atomically as one batch); undo %.0f ms\n",
           what, files->len, edit_ms, edit_ms / MAX (files->len, 1), undo_ms);
  g_print ("  of which reading, parsing and editing (no write, %u files change): %.0f ms (processor time %.0f ms "
           "on %u cores); the durable write of the batch the rest, %.0f ms\n", changing, cpu_ms, processor_ms,
           g_get_num_processors (), edit_ms - cpu_ms);
  g_print ("  processor time (user + system, all threads): the edit with its write %.0f ms, the undo %.0f ms\n",
           edit_processor_ms, undo_processor_ms);
  g_print ("  after returning, the replaced files were let go (blocks freed, in the background) %.0f ms later "
           "for the edit, %.0f ms for the undo (the undo started after)\n", edit_tail_ms, undo_tail_ms);
}

/* The plain-C floor of writing @files durably as one batch, from as many
 * threads as recap renames with: renaming over the files, then holding
 * each replaced file open across its rename as recap does. */
static void
bench_write_floor_of (GPtrArray *files)
{
  for (guint hold = 0; hold <= 1; hold++)
    {
      BenchWriteFloor floor;

      settle_disk ();
      floor = bench_write_floor (files, 32, hold);

      g_print ("  write floor (plain C, %u files, 32 threads%s): %.0f ms = temporary copies %.0f ms + one syncfs "
               "%.0f ms + renames and folder fsync %.0f ms\n", files->len, hold ? ", replaced file held" : "",
               floor.write_ms + floor.sync_ms + floor.rename_ms, floor.write_ms, floor.sync_ms, floor.rename_ms);
    }
}

/* A tag some posts have, then an edit of every post: no tag is on all of
 * them, so the site-wide edit sets `event` (parse, surgical edit, write,
 * as a tag rename does). */
static void
bench_rename (RecapSite  *site,
              const char *tag)
{
  g_autoptr(GPtrArray) tagged = recap_posts_with_tag (G_LIST_MODEL (site), tag);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *what = g_strdup_printf ("tag rename “%s”", tag);
  RecapTagRename rename = { tag, "renamed-by-benchmark" };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (site));

  time_bulk_edit (what, tagged, recap_edit_rename_tag, &rename);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);

      if (recap_post_get_has_front_matter (post))
        g_ptr_array_add (all, g_object_ref (recap_post_get_file (post)));
    }
  time_bulk_edit ("site-wide edit (event set on every post, target ≤ 1000 ms for 10000)", all,
                  recap_edit_set_event, "Renamed by benchmark");
  bench_write_floor_of (all);
}

static void
bench_index (const char *dir,
             guint       count)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "python-frontmatter-baseline.py", NULL);
  Python python = { script, dir };
  g_autoptr(GArray) written_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Indexing indexing = { dir, written_ms };
  double uncached = median_ms (index_site_uncached, &indexing);
  double written = median_of (written_ms);
  double recap = median_ms (index_site, &indexing);
  double floor_ms = median_ms (read_only, (gpointer) dir);
  double baseline = median_ms (python_frontmatter, &python);
  double uncached_cpu = cpu_ms (index_site_uncached, &indexing);
  double floor_cpu = cpu_ms (read_only, (gpointer) dir);

  g_print ("index %u posts: recap %.0f ms with its index cache (target ≤ %s), %.0f ms reading every file\n",
           count, recap, count >= 100000 ? "1000" : "100", uncached);
  g_print ("  reading every file, the new index cache is written in the background %.0f ms after the load began\n",
           written);
  /* Issue 16's target is on the uncached wall time only. */
  g_print ("  read-only floor %.0f ms: recap/floor %.2fx cached, %.2fx reading every file (target ≤ 3x reading every file)\n",
           floor_ms, recap / floor_ms, uncached / floor_ms);
  g_print ("  processor time of one run (user + system, all threads): recap %.0f ms reading every file, "
           "floor %.0f ms (%.1fx; no target: the ≤ 3x is on wall time, on %u cores)\n",
           uncached_cpu, floor_cpu, uncached_cpu / floor_cpu, g_get_num_processors ());
  if (baseline > 0)
    g_print ("  python-frontmatter style (PyYAML CSafeLoader): %.0f ms — recap is %.1fx faster cached, "
             "%.1fx reading every file (target ≥ 7x)\n", baseline, baseline / recap, baseline / uncached);
  else
    g_print ("  python3-yaml not installed: baseline skipped\n");
}

/* The generated site and its index cache, which would stay behind in
 * ~/.cache (38 MB for 10,000 posts) under the site's random name. */
static void
remove_site (const char *dir)
{
  g_autofree char *cache = cache_file (dir);

  g_unlink (cache);
  test_util_remove_tree (dir);
}

static const char * const search_phrases[] = {
  "lightning talk", "tecnologia", "2023-05", "python", "post-4242", NULL
};

int
main (int   argc,
      char *argv[])
{
  const char *sizes = g_getenv ("RECAP_BENCH_SIZES");
  g_auto(GStrv) counts = g_strsplit (sizes ? sizes : "10000", ",", -1);

  const char *only;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* An argument "index", "search" or "edit" runs only those benchmarks. */
  only = argc > 1 ? argv[1] : "";

  for (guint i = 0; counts[i] != NULL; i++)
    {
      guint count = atoi (counts[i]);
      g_autofree char *dir = bench_generate_site (count);
      g_autoptr(RecapSite) site = NULL;
      gboolean searching = !g_str_equal (only, "edit");

      if (*only == '\0' || g_str_equal (only, "index"))
        bench_index (dir, count);
      if (g_str_equal (only, "index"))
        {
          remove_site (dir);
          continue;
        }
      site = load (dir);
      if (searching)
        bench_search_after_load (site, search_phrases[0]);
      settle (site);
      /* Nearly every generated post has "lightning" and "python", none
       * "tecnologia", one post-4242 in its path, a tenth a date in 2023. */
      if (searching)
        {
          bench_search (site, search_phrases);
          bench_fts_search (site, dir, search_phrases);
        }
      if (!g_str_equal (only, "search"))
        bench_rename (site, "sprints");
      remove_site (dir);
    }
  return 0;
}
