/* test-post-util.h: a post made from text, for the tests of what reads posts
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "recap-post.h"

/* A post of @text at @relative_path in a site that is not on disk. */
static inline RecapPost *
test_post_new (const char *relative_path,
               const char *text)
{
  g_autofree char *path = g_build_filename ("/nonexistent-site", relative_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return recap_post_new_from_text (file, relative_path, text, strlen (text));
}
