/* bench-write-floor.h: the plain-C floor of a durable batch write
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  double write_ms;   /* every temporary copy written (no sync) */
  double sync_ms;    /* one syncfs() */
  double rename_ms;  /* every copy renamed over its file, then one fsync() a folder */
} BenchWriteFloor;

/* Writes each of @files (GFile, local) back with its own bytes as
 * recap_file_write_atomic_all() does, in plain C, from @n_threads threads,
 * and times each step. Reading the files is not timed. @hold: each
 * replaced file is held open (O_PATH) across its rename and let go after. */
BenchWriteFloor bench_write_floor (GPtrArray *files,
                                   guint      n_threads,
                                   gboolean   hold);

G_END_DECLS
