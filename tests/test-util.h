/* test-util.h: file helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @contents to @root/@relative_path, creating folders; asserts on failure. */
void  test_util_write_file  (const char *root,
                             const char *relative_path,
                             const char *contents);
/* Deletes a folder and everything under it, without following symlinks. */
void  test_util_remove_tree (const char *path);
/* Copies a folder recursively into a new temporary folder and returns its path. */
char *test_util_copy_tree   (const char *source);

G_END_DECLS
