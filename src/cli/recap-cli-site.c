/* recap-cli-site.c: recap-cli's commands over a whole site
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "recap-bulk-edit.h"
#include "recap-cli.h"
#include "recap-file-util.h"
#include "recap-lint.h"
#include "recap-site.h"
#include "recap-site-ops.h"
#include "recap-taxonomy.h"

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

/* Applies @func to @files and reports what changed; with @names, each changed file too. */
static int
run_bulk (GPtrArray     *files,
          RecapEditFunc  func,
          gconstpointer  data,
          gboolean       names)
{
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok = recap_bulk_edit_apply (bulk, files, func, data, NULL, NULL, NULL, &error);
  guint changed = recap_bulk_edit_get_n_changed (bulk);

  if (!ok)
    print_error (NULL, error->message);
  for (guint i = 0; names && i < changed; i++)
    g_print ("%s\n", g_file_peek_path (recap_bulk_edit_get_changed_file (bulk, i)));
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
  return run_bulk (files, recap_edit_rename_tag, &rename, FALSE);
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
  return run_bulk (files, recap_edit_set_event, *args[1] ? args[1] : NULL, FALSE);
}

/* Commands that move one post: the window's Publish Draft, Move to Drafts and Rename Post */

/* The path of @file below the site @root, for messages. */
static char *
site_path (GFile *root,
           GFile *file)
{
  char *relative = g_file_get_relative_path (root, file);

  return relative ? relative : g_file_get_path (file);
}

/* @file when its folder is @folder (below a site), else NULL after saying so. */
static GFile *
post_in_folder (const char *path,
                const char *folder,
                GFile     **root)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = parent ? g_file_get_basename (parent) : NULL;

  if (g_strcmp0 (name, folder) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("not in a %s folder"), folder);

      print_error (path, message);
      return NULL;
    }
  *root = g_file_get_parent (parent);
  return g_steal_pointer (&file);
}

/* Prints what @move did, or why there is none. */
static int
report_move (const char *path,
             GFile      *root,
             RecapMove  *move,
             GError     *error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (move == NULL)
    {
      print_error (path, error->message);
      return EXIT_FAILED;
    }
  from = site_path (root, move->from);
  to = site_path (root, move->to);
  g_print (_("%s → %s\n"), from, to);
  return EXIT_OK;
}

/* --date: "keep" (NULL), "today" or YYYY-MM-DD (local midnight). */
static gboolean
parse_publish_date (const char  *text,
                    GDateTime  **date)
{
  g_autoptr(GTimeZone) local = recap_time_zone_new_local ();
  int year, month, day;
  char end;

  *date = NULL;
  if (text == NULL || g_str_equal (text, "keep"))
    return TRUE;
  if (g_str_equal (text, "today"))
    {
      *date = g_date_time_new_now (local);
      return TRUE;
    }
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  *date = g_date_time_new (local, year, month, day, 0, 0, 0);
  return *date != NULL;
}

int
command_publish (const Options  *options,
                 char          **args)
{
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) draft = post_in_folder (args[0], "_drafts", &root);
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (draft == NULL)
    return EXIT_FAILED;
  if (!parse_publish_date (options->date, &date))
    {
      g_autofree char *message = g_strdup_printf (_("--date must be keep, today or YYYY-MM-DD, not “%s”"),
                                                  options->date);
      print_error (NULL, message);
      return EXIT_USAGE;
    }
  move = recap_publish_draft (root, draft, date, NULL, &error);
  return report_move (args[0], root, move, error);
}

int
command_unpublish (const Options  *options,
                   char          **args)
{
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) post = post_in_folder (args[0], "_posts", &root);
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (post == NULL)
    return EXIT_FAILED;
  move = recap_unpublish_post (root, post, NULL, &error);
  return report_move (args[0], root, move, error);
}

int
command_rename_post (const Options  *options,
                     char          **args)
{
  g_autoptr(GFile) post = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(GFile) folder = g_file_get_parent (post);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapMove) move = recap_rename_post (post, args[1], NULL, &error);

  return report_move (args[0], folder, move, error);
}

int
command_new (const Options  *options,
             char          **args)
{
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *title = g_strstrip (g_strdup (options->title ? options->title : ""));
  RecapNewPost post = { RECAP_TEMPLATE_BLANK, title, NULL, NULL, NULL, now, options->draft };

  if (options->template != NULL && !recap_template_from_name (options->template, &post.template))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown template “%s”: use meetup-report, "
                                                    "conference-notes or blank"), options->template);
      print_error (NULL, message);
      return EXIT_USAGE;
    }
  if (*title == '\0')
    {
      print_error (NULL, _("A new post needs a --title"));
      return EXIT_USAGE;
    }
  if (g_file_query_file_type (root, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      print_error (args[0], _("not a folder"));
      return EXIT_FAILED;
    }
  file = recap_create_post (root, &post, NULL, &error);
  if (file == NULL)
    {
      print_error (args[0], error->message);
      return EXIT_FAILED;
    }
  created = site_path (root, file);
  g_print ("%s\n", created);
  return EXIT_OK;
}

static void
error_free_nullable (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* Runs @func over @files without writing: FALSE, after naming each file
 * that would fail (by its @names, as given), when any would. @changing gets the files that would change. */
static gboolean
dry_run (GPtrArray     *files,
         char         **names,
         RecapEditFunc  func,
         gconstpointer  data,
         GPtrArray     *changing)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (error_free_nullable);
  gboolean ok = TRUE;

  recap_bulk_edit_preview (files, func, data, changing, errors, NULL);
  for (guint i = 0; i < errors->len; i++)
    if (errors->pdata[i] != NULL)
      {
        print_error (names[i], ((GError *) errors->pdata[i])->message);
        ok = FALSE;
      }
  return ok;
}

/* Edits @names (files as given) all or nothing: a file it cannot take leaves every file as it is. */
static int
run_all_or_nothing (char          **names,
                    RecapEditFunc   func,
                    gconstpointer   data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changing = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (names[i]));
  if (!dry_run (files, names, func, data, changing))
    return EXIT_FAILED;
  return run_bulk (changing, func, data, TRUE);
}

int
command_add_front_matter (const Options  *options,
                          char          **args)
{
  return run_all_or_nothing (args, recap_edit_add_front_matter, NULL);
}

/* tag|category add|remove FILE… VALUE */
static int
edit_taxonomy (RecapTaxonomy   taxonomy,
               char          **args)
{
  guint n = g_strv_length (args);
  g_autofree char *value = g_strstrip (g_strdup (args[n - 1]));
  g_auto(GStrv) files = g_new0 (char *, n - 1);
  const char *old_values[] = { value, NULL };
  RecapValueEdit edit = { taxonomy, NULL, value };

  if (!g_str_equal (args[0], "add") && !g_str_equal (args[0], "remove"))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is neither add nor remove"), args[0]);
      print_error (NULL, message);
      return EXIT_USAGE;
    }
  if (*value == '\0')
    {
      print_error (NULL, _("The value is empty"));
      return EXIT_USAGE;
    }
  if (g_str_equal (args[0], "remove"))
    edit = (RecapValueEdit) { taxonomy, old_values, NULL };
  for (guint i = 1; i < n - 1; i++)
    files[i - 1] = g_strdup (args[i]);
  return run_all_or_nothing (files, recap_edit_values, &edit);
}

int
command_tag (const Options  *options,
             char          **args)
{
  return edit_taxonomy (RECAP_TAXONOMY_TAGS, args);
}

int
command_category (const Options  *options,
                  char          **args)
{
  return edit_taxonomy (RECAP_TAXONOMY_CATEGORIES, args);
}

int
command_set_many (const Options  *options,
                  char          **args)
{
  RecapKeyEdit edit = { args[0], args[1] };

  return run_all_or_nothing (args + 2, recap_edit_key, &edit);
}

int
command_unset_many (const Options  *options,
                    char          **args)
{
  RecapKeyEdit edit = { args[0], NULL };

  return run_all_or_nothing (args + 1, recap_edit_key, &edit);
}
