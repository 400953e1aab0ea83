/* recap-cli-site.c: recap-cli's commands over a whole site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-bulk-edit.h"
#include "recap-cli.h"
#include "recap-lint.h"
#include "recap-site.h"
#include "recap-site-ops.h"

static RecapSite *
load_site (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (dir);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GError) error = NULL;

  if (!recap_site_load_sync (site, NULL, &error))
    {
      print_error (dir, error->message);
      return NULL;
    }
  return g_steal_pointer (&site);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const RecapProblem *x = *(RecapProblem **) a;
  const RecapProblem *y = *(RecapProblem **) b;
  int by_path = g_strcmp0 (recap_post_get_relative_path (x->post), recap_post_get_relative_path (y->post));

  return by_path != 0 ? by_path : (int) x->kind - (int) y->kind;
}

int
command_lint (const Options  *options,
              char          **args)
{
  g_autoptr(RecapSite) site = load_site (args[0]);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) problems = NULL;

  if (site == NULL)
    return EXIT_FAILED;
  problems = recap_lint (G_LIST_MODEL (site), recap_site_get_layouts (site), now);
  g_ptr_array_sort (problems, compare_problems);
  for (guint i = 0; i < problems->len; i++)
    {
      RecapProblem *problem = problems->pdata[i];
      g_print ("%s: %s\n", recap_post_get_relative_path (problem->post), problem->message);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem in %u posts\n", "%u problems in %u posts\n", problems->len),
           problems->len, g_list_model_get_n_items (G_LIST_MODEL (site)));
  return problems->len > 0 ? EXIT_FAILED : EXIT_OK;
}

/* Applies @func to @files and reports what changed. */
static int
run_bulk (GPtrArray     *files,
          RecapEditFunc  func,
          gconstpointer  data)
{
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok = recap_bulk_edit_apply (bulk, files, func, data, NULL, NULL, NULL, &error);
  guint changed = recap_bulk_edit_get_n_changed (bulk);

  if (!ok)
    print_error (NULL, error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u file changed\n", "%u files changed\n", changed), changed);
  return ok ? EXIT_OK : EXIT_FAILED;
}

int
command_rename_tag (const Options  *options,
                    char          **args)
{
  g_autoptr(RecapSite) site = load_site (args[0]);
  g_autoptr(GPtrArray) files = NULL;
  RecapTagRename rename = { args[1], args[2] };

  if (site == NULL)
    return EXIT_FAILED;
  files = recap_posts_with_tag (G_LIST_MODEL (site), rename.old_tag);
  return run_bulk (files, recap_edit_rename_tag, &rename);
}

int
command_set_event (const Options  *options,
                   char          **args)
{
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 2; args[i] != NULL; i++)
    g_ptr_array_add (files, g_path_is_absolute (args[i]) ? g_file_new_for_path (args[i])
                                                         : g_file_resolve_relative_path (root, args[i]));
  return run_bulk (files, recap_edit_set_event, *args[1] ? args[1] : NULL);
}
