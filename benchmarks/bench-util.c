/* bench-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recap-front-matter.h"

/* Has front matter, a site image, code and a link: a typical report. */
#define FRONT_MATTER_POST "2024-03-14-async-for-the-rest-of-us.md"

static char *
read_post (const char            *posts_dir,
           const char            *name,
           RecapFrontMatterSplit *split)
{
  g_autofree char *path = g_build_filename (posts_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, &error))
    g_error ("Cannot read a sample post: %s", error->message);
  recap_front_matter_split (text, len, split);
  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The bodies of the sample posts, in file name order. */
static GPtrArray *
sample_bodies (const char *posts_dir)
{
  g_autoptr(GDir) dir = g_dir_open (posts_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *bodies = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      RecapFrontMatterSplit split;
      g_autofree char *text = read_post (posts_dir, g_ptr_array_index (names, i), &split);
      g_ptr_array_add (bodies, g_strdup (text + split.body_start));
    }
  return bodies;
}

char *
bench_document (gsize size)
{
  const char *site = g_getenv ("RECAP_SAMPLE_SITE");
  g_autofree char *posts_dir = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autofree char *first = NULL;
  RecapFrontMatterSplit split;
  GString *document;
  const char *last_line;

  g_assert_nonnull (site);
  posts_dir = g_build_filename (site, "_posts", NULL);
  bodies = sample_bodies (posts_dir);
  first = read_post (posts_dir, FRONT_MATTER_POST, &split);

  document = g_string_new_len (first, split.end);
  for (guint i = 0; document->len < size; i = (i + 1) % bodies->len)
    g_string_append_printf (document, "%s\n", (char *) g_ptr_array_index (bodies, i));

  /* Cut back to @size, at the end of a line. */
  last_line = g_strrstr_len (document->str, size, "\n");
  g_string_truncate (document, last_line ? (gsize) (last_line - document->str) + 1 : size);
  return g_string_free (document, FALSE);
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 first = *(const gint64 *) a;
  gint64 second = *(const gint64 *) b;

  return (first > second) - (first < second);
}

static double
percentile_ms (GArray *sorted,
               guint   percent)
{
  guint index = MIN (sorted->len - 1, sorted->len * percent / 100);

  return g_array_index (sorted, gint64, index) / 1000.0;
}

double
bench_report (const char *label,
              GArray     *durations_usec)
{
  g_assert_cmpuint (durations_usec->len, >, 0);
  g_array_sort (durations_usec, compare_durations);
  g_print ("%-44s median %8.3f ms   p90 %8.3f ms   max %8.3f ms   (%u runs)\n",
           label, percentile_ms (durations_usec, 50), percentile_ms (durations_usec, 90),
           percentile_ms (durations_usec, 100), durations_usec->len);
  return percentile_ms (durations_usec, 50);
}

char *
bench_generate_site (guint count)
{
  g_autofree char *tmp = g_dir_make_tmp ("recap-bench-XXXXXX", NULL);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-site.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, count_text, tmp, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    g_error ("Could not generate a site of %u posts", count);
  return g_steal_pointer (&tmp);
}

static gboolean
pause_over (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
bench_pause (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, pause_over, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct {
  GPollFunc poll;       /* the context's own */
  gint64    woke;       /* when the last poll returned, 0 before the first */
  gint64    woke_cpu;
  gint64    woke_waited;
  gint64    longest_wall;
  gint64    longest_cpu;
  gint64    trace_over; /* microseconds; 0: no trace */
} Iterations;

static Iterations iterations;

gint64
bench_thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

gint64
bench_thread_waited_usec (void)
{
  g_autofree char *stat = NULL;
  const char *waited;

  /* "<on a processor, ns> <waited, ns> <time slices>" */
  if (!g_file_get_contents ("/proc/thread-self/schedstat", &stat, NULL, NULL) ||
      (waited = strchr (stat, ' ')) == NULL)
    return 0;
  return g_ascii_strtoll (waited + 1, NULL, 10) / 1000;
}

static gint
poll_and_time (GPollFD *fds,
               guint    n_fds,
               gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = bench_thread_cpu_usec ();
  gint result;

  if (iterations.woke != 0)
    {
      gint64 wall = now - iterations.woke;

      iterations.longest_wall = MAX (iterations.longest_wall, wall);
      iterations.longest_cpu = MAX (iterations.longest_cpu, cpu - iterations.woke_cpu);
      if (iterations.trace_over > 0 && wall > iterations.trace_over)
        g_printerr ("long iteration %.6f-%.6f: %.1f ms wall, %.1f ms CPU, %.1f ms waiting for a processor\n",
                    iterations.woke / 1e6, now / 1e6, wall / 1000.0, (cpu - iterations.woke_cpu) / 1000.0,
                    (bench_thread_waited_usec () - iterations.woke_waited) / 1000.0);
    }
  result = iterations.poll (fds, n_fds, timeout);
  iterations.woke = g_get_monotonic_time ();
  iterations.woke_cpu = bench_thread_cpu_usec ();
  if (iterations.trace_over > 0)
    iterations.woke_waited = bench_thread_waited_usec ();
  return result;
}

void
bench_iterations_reset (void)
{
  if (iterations.poll == NULL)
    {
      const char *trace = g_getenv ("RECAP_BENCH_TRACE");

      iterations.poll = g_main_context_get_poll_func (NULL);
      iterations.trace_over = trace ? atoi (trace) * 1000 : 0;
      g_main_context_set_poll_func (NULL, poll_and_time);
    }
  iterations.woke = 0;
  iterations.longest_wall = iterations.longest_cpu = 0;
}

void
bench_iterations_longest (double *wall_ms,
                          double *cpu_ms)
{
  *wall_ms = iterations.longest_wall / 1000.0;
  *cpu_ms = iterations.longest_cpu / 1000.0;
}
