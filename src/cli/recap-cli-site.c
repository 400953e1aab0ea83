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
#include "recap-front-matter.h"
#include "recap-site.h"
#include "recap-site-config.h"
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
  /* The cache write would end with the process: the next run finds the cache. */
  recap_site_wait_for_index_cache (site);
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

/* Which rules are on: all but those --disable and _config.yml's
 * `recap: {disable: […]}` name. FALSE, with a message, on an unknown name. */
static gboolean
read_enabled_rules (const Options *options,
                    GFile         *root,
                    gboolean       enabled[])
{
  g_autoptr(GFile) config = g_file_get_child (root, "_config.yml");
  g_autofree char *text = NULL;
  g_auto(GStrv) from_config = NULL;
  gsize len = 0;

  if (g_file_load_contents (config, NULL, &text, &len, NULL, NULL))
    from_config = recap_site_config_parse_disabled_rules (text, len);
  for (guint i = 0; i < options->disable->len + (from_config ? g_strv_length (from_config) : 0); i++)
    {
      const char *rule = i < options->disable->len ? options->disable->pdata[i]
                                                   : from_config[i - options->disable->len];
      RecapProblemKind kind;

      if (!recap_problem_kind_from_rule (rule, &kind))
        {
          g_autofree char *message = g_strdup_printf (_("There is no lint rule “%s”; see recap-cli lint --help"), rule);

          print_error (i < options->disable->len ? NULL : "_config.yml", message);
          return FALSE;
        }
      enabled[kind] = FALSE;
    }
  return TRUE;
}

/* Where in its file @problem is: the line of the key it is about, else 1:1. */
static void
locate_problem (GFile        *root,
                RecapProblem *problem,
                guint        *line,
                guint        *column)
{
  const char *key = recap_problem_kind_get_key (problem->kind);
  g_autoptr(GFile) file = g_file_resolve_relative_path (root, recap_post_get_relative_path (problem->post));
  g_autofree char *text = NULL;
  g_autoptr(RecapFrontMatter) fm = NULL;
  RecapFrontMatterEntry entry;
  gsize len = 0;

  *line = *column = 1;
  if (key == NULL || !recap_file_read_text (file, NULL, &text, &len, NULL) ||
      (fm = recap_front_matter_parse (text, len, NULL)) == NULL ||
      !recap_front_matter_get_entry (fm, key, &entry))
    return;
  for (gsize i = 0; i < entry.key_start; i++)
    if (text[i] == '\n')
      *line += 1;
  *column = entry.indent + 1;
}

static void
print_problem (GFile        *root,
               RecapProblem *problem,
               GString      *json)
{
  const char *path = recap_post_get_relative_path (problem->post);
  const char *rule = recap_problem_kind_get_rule (problem->kind);
  const char *severity = recap_problem_kind_is_error (problem->kind) ? "error" : "warning";
  guint line, column;

  locate_problem (root, problem, &line, &column);
  if (json == NULL)
    {
      g_print ("%s:%u:%u: %s: %s [%s]\n", path, line, column, severity, problem->message, rule);
      return;
    }
  g_string_append (json, json->len > 1 ? ",\n  {\"path\": " : "\n  {\"path\": ");
  json_append_string (json, path);
  g_string_append_printf (json, ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"rule\": \"%s\", \"message\": ",
                          line, column, severity, rule);
  json_append_string (json, problem->message);
  g_string_append_c (json, '}');
}

int
command_lint (const Options  *options,
              char          **args)
{
  g_autoptr(RecapSite) site = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) json = NULL;
  gboolean enabled[RECAP_PROBLEM_FUTURE_DATE + 1];
  guint n_found = 0;

  if (options->format != NULL && !g_str_equal (options->format, "gcc") && !g_str_equal (options->format, "json"))
    {
      print_error (NULL, _("--format must be gcc or json"));
      return EXIT_USAGE;
    }
  json = g_strcmp0 (options->format, "json") == 0 ? g_string_new ("[") : NULL;
  if ((site = load_site (args[0])) == NULL)
    return EXIT_IO;
  for (guint i = 0; i < G_N_ELEMENTS (enabled); i++)
    enabled[i] = TRUE;
  if (!read_enabled_rules (options, recap_site_get_root (site), enabled))
    return EXIT_USAGE;

  problems = recap_lint (G_LIST_MODEL (site), recap_site_get_layouts (site), now);
  g_ptr_array_sort (problems, compare_problems);
  if (!recap_lint_is_jekyll_site (G_LIST_MODEL (site)))
    g_print (_("%s: note: no _config.yml, _posts or _drafts: not checked as a Jekyll site\n"), args[0]);
  for (guint i = 0; i < problems->len; i++)
    {
      RecapProblem *problem = problems->pdata[i];

      if (!enabled[problem->kind])
        continue;
      print_problem (recap_site_get_root (site), problem, json);
      n_found++;
    }
  if (json != NULL)
    g_print ("%s%s]\n", json->str, n_found > 0 ? "\n" : "");
  else if (!options->quiet)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u problem in %u posts\n", "%u problems in %u posts\n", n_found),
             n_found, g_list_model_get_n_items (G_LIST_MODEL (site)));
  return n_found > 0 ? EXIT_FAILED : EXIT_OK;
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
    return EXIT_IO;
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

/* --date: "keep" (NULL), "today" or YYYY-MM-DD (midnight in @local, the site's zone). */
static gboolean
parse_publish_date (const char  *text,
                    GTimeZone   *local,
                    GDateTime  **date)
{
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
  g_autoptr(RecapSiteConfig) config = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;

  if (draft == NULL)
    return EXIT_FAILED;
  config = recap_site_config_load (root, NULL);
  if (!parse_publish_date (options->date, recap_site_config_get_time_zone (config), &date))
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
  g_autoptr(RecapSiteConfig) config = recap_site_config_load (root, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now (recap_site_config_get_time_zone (config));
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
