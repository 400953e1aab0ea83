/* bench-util.h: documents and statistics shared by the benchmarks
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A report of about @size bytes made of the sample site's posts: the front
 * matter of one, then their bodies over and over (RECAP_SAMPLE_SITE). */
char   *bench_document (gsize       size);
/* Prints "@label: median …, p90 …, max … (n runs)" for durations in
 * microseconds and returns the median in milliseconds. */
double  bench_report   (const char *label,
                        GArray     *durations_usec);
/* A new temporary folder holding a site of @count posts written by
 * gen-site.py (found through G_TEST_SRCDIR); aborts when it cannot. */
char   *bench_generate_site (guint       count);
/* Runs the main loop for @ms milliseconds, as between two keystrokes. */
void    bench_pause         (guint       ms);

/* Main-loop iterations: the time from one poll's return to the next poll,
 * that is one iteration's prepare, check and dispatch work, on the wall
 * clock and in this thread's CPU time (which a loaded machine does not
 * inflate). bench_iterations_reset() installs the watch on the default
 * context (once) and clears the longest; bench_iterations_longest() gives
 * it in milliseconds. With RECAP_BENCH_TRACE set, every iteration over
 * that many milliseconds is printed with its monotonic start and end in
 * seconds, to be matched with `perf record -k CLOCK_MONOTONIC` samples. */
/* This thread's CPU time in microseconds. */
gint64  bench_thread_cpu_usec    (void);
/* How long this thread has waited for a processor while runnable (the
 * scheduler's run_delay), in microseconds; 0 where unknown. */
gint64  bench_thread_waited_usec (void);
void    bench_iterations_reset   (void);
void    bench_iterations_longest (double     *wall_ms,
                                  double     *cpu_ms);

G_END_DECLS
