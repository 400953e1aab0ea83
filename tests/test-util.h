/* test-util.h: file helpers shared by the tests
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A bound for waits, so that a broken feature fails instead of hanging. */
#define TEST_UTIL_TIMEOUT_SECONDS 30

/* Spins the default main context until @condition holds. */
#define TEST_UTIL_WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 test_util_deadline = g_get_monotonic_time () + TEST_UTIL_TIMEOUT_SECONDS * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > test_util_deadline) \
          g_error ("Timed out waiting for %s", #condition); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

/* A fresh temporary folder for each test, removed after it. */
typedef struct {
  char *dir;
} TestUtilDir;

void  test_util_dir_set_up    (TestUtilDir   *fixture,
                               gconstpointer  data);
void  test_util_dir_tear_down (TestUtilDir   *fixture,
                               gconstpointer  data);

/* Writes @contents to @root/@relative_path, creating folders; asserts on failure. */
void  test_util_write_file  (const char *root,
                             const char *relative_path,
                             const char *contents);
/* Deletes a folder and everything under it, without following symlinks. */
void  test_util_remove_tree (const char *path);
/* Copies a folder recursively into a new temporary folder and returns its path. */
char *test_util_copy_tree   (const char *source);

/* The PID of a process that has just ended. */
int   test_util_dead_pid    (void);
/* Writes @folder/.@post_name.recap-@pid-XXXXXX.tmp, as an atomic save of
 * process @pid names its temporary copy; returns its path. */
char *test_util_write_temp_copy (const char *folder,
                                 const char *post_name,
                                 int         pid);

/* Runs `git -C @dir @args`; returns its standard output, asserting it succeeded. */
char *test_util_git             (const char *dir,
                                 const char *args);
/* Makes git (the command and libgit2) read no configuration of the user's
 * or the system's, so that only a test's repositories give an identity;
 * returns the empty home folder to remove at the end. Call before any git. */
char *test_util_isolate_git     (void);

/* The contents of tests/data/@name, of @len bytes; asserts on failure. */
char *test_util_load_data       (const char *name,
                                 gsize      *len);

G_END_DECLS
