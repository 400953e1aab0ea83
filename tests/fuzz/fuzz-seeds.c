/* fuzz-seeds.c: runs the fuzz target over its seed corpus without libFuzzer,
 * so that every build (and CI under ASan) checks the seeds.
 *
 * Usage: fuzz-seeds DIR_OR_FILE…
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_seeds (const char *path,
               GPtrArray  *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect_seeds (argv[i], files);
  g_ptr_array_sort (files, compare_names);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize len;

      g_file_get_contents (g_ptr_array_index (files, i), &data, &len, &error);
      g_assert_no_error (error);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
    }
  g_print ("Ran %u seeds\n", files->len);
  return files->len > 0 ? 0 : 1;
}
