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

G_END_DECLS
