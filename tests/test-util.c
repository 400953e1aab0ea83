/* test-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

void
test_util_write_file (const char *root,
                      const char *relative_path,
                      const char *contents)
{
  g_autofree char *path = g_build_filename (root, relative_path, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

#define TREE_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE

static void
remove_file_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, TREE_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_file_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

void
test_util_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  remove_file_tree (file);
}

static void
copy_file_tree (GFile *source,
                GFile *target)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (source, TREE_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  g_assert_nonnull (children);
  g_file_make_directory_with_parents (target, NULL, NULL);
  while (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info)
    {
      g_autoptr(GFile) from = g_file_get_child (source, g_file_info_get_name (info));
      g_autoptr(GFile) to = g_file_get_child (target, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_file_tree (from, to);
      else if (!g_file_copy (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
        g_error ("Could not copy %s: %s", g_file_peek_path (from), error->message);
    }
}

char *
test_util_copy_tree (const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("recap-test-XXXXXX", &error);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = NULL;

  g_assert_no_error (error);
  to = g_file_new_for_path (tmp);
  copy_file_tree (from, to);
  return g_steal_pointer (&tmp);
}

void
test_util_dir_set_up (TestUtilDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("recap-test-XXXXXX", &error);
  g_assert_no_error (error);
}

void
test_util_dir_tear_down (TestUtilDir   *fixture,
                         gconstpointer  data)
{
  test_util_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

int
test_util_dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

char *
test_util_git (const char *dir,
               const char *args)
{
  g_autofree char *command = g_strdup_printf ("git -C '%s' %s", dir, args);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command, err);
  return out;
}

char *
test_util_isolate_git (void)
{
  char *home = g_dir_make_tmp ("recap-git-home-XXXXXX", NULL);

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  return home;
}

char *
test_util_write_temp_copy (const char *folder,
                           const char *post_name,
                           int         pid)
{
  g_autofree char *name = g_strdup_printf (".%s.recap-%d-Ab3dE9.tmp", post_name, pid);

  test_util_write_file (folder, name, "a copy being written");
  return g_build_filename (folder, name, NULL);
}

char *
test_util_load_data (const char *name,
                     gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, len, &error);
  g_assert_no_error (error);
  return text;
}
