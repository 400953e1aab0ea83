/* recap-cli.c: list, read and edit the front matter of Jekyll posts
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "recap-cli.h"
#include "recap-file-util.h"
#include "recap-front-matter.h"
#include "recap-jekyll-doc.h"
#include "recap-site.h"

/* The options a command takes. */
typedef enum {
  OPTION_JSON     = 1 << 0,
  OPTION_DATE     = 1 << 1,
  OPTION_TEMPLATE = 1 << 2,
  OPTION_TITLE    = 1 << 3,
  OPTION_DRAFT    = 1 << 4,
  OPTION_FORMAT   = 1 << 5,
  OPTION_OUTPUT   = 1 << 6,
  OPTION_IMAGES   = 1 << 7,
  OPTION_DISABLE  = 1 << 8,
  OPTION_QUIET    = 1 << 9,  /* every command's */
} OptionFlags;

typedef struct {
  const char  *name;
  const char  *parameters;  /* shown after the command name in the usage line */
  guint        min_args;
  guint        max_args;    /* G_MAXUINT: any number */
  const char  *summary;
  const char  *description;
  CommandFunc  run;
  OptionFlags  options;
} Command;

void
print_error (const char *subject,
             const char *message)
{
  if (subject != NULL)
    g_printerr ("recap-cli: %s: %s\n", subject, message);
  else
    g_printerr ("recap-cli: %s\n", message);
}

/* Reading and writing one file */

typedef struct {
  GFile *file;
  char  *path;
  char  *text;
  gsize  len;
} Post;

static void
post_clear (Post *post)
{
  g_clear_object (&post->file);
  g_clear_pointer (&post->path, g_free);
  g_clear_pointer (&post->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Post, post_clear)

int
exit_status_for_error (const GError *error)
{
  /* The system's errors (missing, permissions, not a regular file…) are
   * I/O; Recap's refusals of the contents (binary, not UTF-8, too large)
   * are problems found. */
  return error->domain == G_IO_ERROR ? EXIT_IO : EXIT_FAILED;
}

/* EXIT_OK, or the exit status for what kept @path from being read. */
static int
post_read (Post       *post,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  post->path = g_strdup (path);
  post->file = g_file_new_for_commandline_arg (path);
  if (recap_file_read_text (post->file, NULL, &post->text, &post->len, &error))
    return EXIT_OK;
  print_error (path, error->message);
  return exit_status_for_error (error);
}

typedef gboolean (*EditFunc) (const Post            *post,
                              char                 **args,
                              RecapFrontMatterEdit  *edit,
                              GError               **error);

/* Reads FILE, applies the edit and replaces the file atomically, only when
 * something changed. On any error the file is left as it was. */
static int
run_edit (char     **args,
          EditFunc   edit_func)
{
  g_auto(Post) post = { 0 };
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = post_read (&post, args[0])) != EXIT_OK)
    return status;
  if (!edit_func (&post, args + 1, &edit, &error))
    {
      print_error (post.path, error->message);
      return EXIT_FAILED;
    }
  if (edit.changed && !recap_file_write_atomic (post.file, edit.text, edit.len, NULL, &error))
    {
      print_error (post.path, error->message);
      return exit_status_for_error (error);
    }
  return EXIT_OK;
}

/* get */

static void
print_value (const Post             *post,
             RecapFrontMatter       *fm,
             const char             *key,
             RecapFrontMatterEntry  *entry)
{
  g_autofree char *value = recap_front_matter_get_string (fm, key);
  g_auto(GStrv) items = NULL;

  if (value != NULL)
    {
      g_print ("%s\n", value);
      return;
    }
  if (entry->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE &&
      (items = recap_front_matter_get_list (fm, key)) != NULL)
    {
      for (guint i = 0; items[i] != NULL; i++)
        g_print ("%s\n", items[i]);
      return;
    }
  /* A mapping: its YAML, as written. */
  g_print ("%.*s\n", (int) (entry->value_end - entry->value_start), post->text + entry->value_start);
}

static int
command_get (const Options  *options,
             char          **args)
{
  g_auto(Post) post = { 0 };
  g_autoptr(RecapFrontMatter) fm = NULL;
  g_autoptr(GError) error = NULL;
  RecapFrontMatterEntry entry;
  int status;

  if ((status = post_read (&post, args[0])) != EXIT_OK)
    return status;
  fm = recap_front_matter_parse (post.text, post.len, &error);
  if (fm == NULL)
    {
      print_error (post.path, error->message);
      return EXIT_FAILED;
    }
  if (!recap_front_matter_get_entry (fm, args[1], &entry))
    {
      g_autofree char *message = g_strdup_printf (_("There is no key “%s”"), args[1]);

      print_error (post.path, message);
      return EXIT_FAILED;
    }
  print_value (&post, fm, args[1], &entry);
  return EXIT_OK;
}

/* set, set-list, unset */

static gboolean
edit_set (const Post            *post,
          char                 **args,
          RecapFrontMatterEdit  *edit,
          GError               **error)
{
  return recap_front_matter_set_string (post->text, post->len, args[0], args[1], edit, error);
}

static gboolean
edit_set_list (const Post            *post,
               char                 **args,
               RecapFrontMatterEdit  *edit,
               GError               **error)
{
  return recap_front_matter_set_list (post->text, post->len, args[0],
                                      (const char * const *) args + 1, edit, error);
}

static gboolean
edit_unset (const Post            *post,
            char                 **args,
            RecapFrontMatterEdit  *edit,
            GError               **error)
{
  return recap_front_matter_remove_key (post->text, post->len, args[0], edit, error);
}

static int
command_set (const Options  *options,
             char          **args)
{
  return run_edit (args, edit_set);
}

static int
command_set_list (const Options  *options,
                  char          **args)
{
  return run_edit (args, edit_set_list);
}

static int
command_unset (const Options  *options,
               char          **args)
{
  return run_edit (args, edit_unset);
}

/* list */

static const char *
post_state (RecapPost *post)
{
  if (recap_post_get_is_draft (post))
    return "draft";
  return recap_post_get_published (post) ? "published" : "unpublished";
}

void
json_append_string (GString    *out,
                    const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
json_append_list (GString            *out,
                  const char * const *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_append_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

static void
json_append_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  json_append_string (out, value);
}

static char *
format_post_date (RecapPost *post,
                  gboolean   iso)
{
  GDateTime *date = recap_post_get_date (post);

  if (date == NULL)
    return NULL;
  return iso ? g_date_time_format_iso8601 (date) : recap_front_matter_format_date (date);
}

static void
json_append_flag (GString    *out,
                  const char *name,
                  gboolean    value)
{
  g_string_append_printf (out, ", \"%s\": %s", name, value ? "true" : "false");
}

static void
json_append_list_member (GString            *out,
                         const char         *name,
                         const char * const *items)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  json_append_list (out, items);
}

/* The post as Jekyll reads it with the site's _config.yml; NULL when its
 * file cannot be read now. */
static RecapJekyllDoc *
read_jekyll_doc (RecapSiteConfig *config,
                 RecapPost       *post,
                 GDateTime       *now)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_load_contents (recap_post_get_file (post), NULL, &text, &len, NULL, NULL))
    return NULL;
  return recap_jekyll_doc_new (config, recap_post_get_relative_path (post), text, len, now);
}

static const char *
jekyll_collection (RecapJekyllDoc *doc)
{
  return doc->kind == RECAP_JEKYLL_KIND_DRAFT ? "drafts" : doc->collection;
}

static void
append_post_json (GString         *out,
                  RecapPost       *post,
                  RecapJekyllDoc  *doc)
{
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  if (doc == NULL)
    date = format_post_date (post, TRUE);
  else if (doc->date != NULL)
    {
      date = g_date_time_format (doc->date, "%Y-%m-%dT%H:%M:%S%:z");
      day = g_date_time_format (doc->date, "%Y-%m-%d");
    }
  g_string_append (out, "  {\"path\": ");
  json_append_string (out, recap_post_get_relative_path (post));
  json_append_member (out, "title", doc ? doc->title : recap_post_get_title (post));
  json_append_member (out, "date", date);
  json_append_member (out, "author", doc ? doc->author : recap_post_get_author (post));
  json_append_list_member (out, "tags", doc ? (const char * const *) doc->tags : recap_post_get_tags (post));
  json_append_list_member (out, "categories",
                           doc ? (const char * const *) doc->categories : recap_post_get_categories (post));
  json_append_member (out, "event", recap_post_get_event (post));
  json_append_member (out, "state", post_state (post));
  json_append_member (out, "error", recap_post_get_error (post));
  g_string_append_printf (out, ", \"words\": %u", recap_post_get_words (post));
  if (doc != NULL)
    {
      json_append_member (out, "layout", doc->layout);
      json_append_list_member (out, "authors", (const char * const *) doc->authors);
      json_append_member (out, "day", day);
      json_append_member (out, "collection", jekyll_collection (doc));
      json_append_member (out, "skipped", doc->reason);
      json_append_member (out, "date_problem", doc->date_problem);
      json_append_flag (out, "draft", doc->kind == RECAP_JEKYLL_KIND_DRAFT);
      json_append_flag (out, "published", doc->published);
      json_append_flag (out, "future", doc->future);
      json_append_flag (out, "builds", doc->builds);
      json_append_list_member (out, "inherited", (const char * const *) doc->inherited);
    }
  g_string_append_c (out, '}');
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (out, "  %-11s %s\n", label, value);
}

static void
append_post_text (GString   *out,
                  RecapPost *post)
{
  g_autofree char *date = format_post_date (post, FALSE);
  const char * const *tags = recap_post_get_tags (post);
  const char * const *categories = recap_post_get_categories (post);
  g_autofree char *tag_text = tags != NULL ? g_strjoinv (", ", (GStrv) tags) : NULL;
  g_autofree char *category_text = categories != NULL ? g_strjoinv (", ", (GStrv) categories) : NULL;

  g_string_append_printf (out, "%s\n", recap_post_get_relative_path (post));
  append_field (out, _("title:"), recap_post_get_title (post));
  append_field (out, _("date:"), date);
  append_field (out, _("author:"), recap_post_get_author (post));
  append_field (out, _("event:"), recap_post_get_event (post));
  append_field (out, _("tags:"), tag_text);
  append_field (out, _("categories:"), category_text);
  append_field (out, _("state:"), post_state (post));
  append_field (out, _("error:"), recap_post_get_error (post));
}

static int
command_list (const Options  *options,
              char          **args)
{
  g_autoptr(GFile) root = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(RecapSite) site = recap_site_new (root);
  g_autoptr(GString) out = g_string_new (options->json ? "[\n" : NULL);
  g_autoptr(RecapSiteConfig) config = recap_site_config_load (root, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!recap_site_load_sync (site, NULL, &error))
    {
      print_error (args[0], error->message);
      return EXIT_IO;
    }
  /* The cache write would end with the process: the next run finds the cache. */
  recap_site_wait_for_index_cache (site);

  n = g_list_model_get_n_items (G_LIST_MODEL (site));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);

      if (options->json)
        {
          g_autoptr(RecapJekyllDoc) doc = read_jekyll_doc (config, post, now);

          append_post_json (out, post, doc);
          g_string_append (out, i + 1 < n ? ",\n" : "\n");
        }
      else
        {
          if (i > 0)
            g_string_append_c (out, '\n');
          append_post_text (out, post);
        }
    }
  if (options->json)
    g_string_append (out, "]\n");

  fputs (out->str, stdout);
  return EXIT_OK;
}

/* check */

typedef struct {
  guint    checked;
  guint    unreadable;
  guint    io_errors;   /* of the unreadable: the system's errors */
  guint    invalid;
  guint    read_only;
  guint    changed;
  GString *json;  /* with --json: the "files" members so far */
} CheckTotals;

/* One file's finding: "recap-cli: PATH: MESSAGE", or a JSON object with
 * --json; @problem: changed, invalid, read-only or unreadable. */
static void
report_file (CheckTotals *totals,
             const char  *path,
             const char  *problem,
             const char  *message)
{
  if (totals->json == NULL)
    {
      print_error (path, message);
      return;
    }
  g_string_append (totals->json, totals->json->len > 0 ? ",\n    {\"path\": " : "\n    {\"path\": ");
  json_append_string (totals->json, path);
  g_string_append (totals->json, ", \"problem\": ");
  json_append_string (totals->json, problem);
  g_string_append (totals->json, ", \"message\": ");
  json_append_string (totals->json, message);
  g_string_append_c (totals->json, '}');
}

static void
check_file (const char  *path,
            CheckTotals *totals)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  totals->checked++;
  if (!recap_file_read_text (file, NULL, &text, &len, &error))
    {
      totals->unreadable++;
      totals->io_errors += exit_status_for_error (error) == EXIT_IO;
      report_file (totals, path, "unreadable", error->message);
      return;
    }
  if (recap_front_matter_check_round_trip (text, len, &changed_path, &error))
    return;

  if (changed_path != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("setting “%s” to its own value would change the file%s%s"),
                                                  changed_path, error != NULL ? ": " : "",
                                                  error != NULL ? error->message : "");
      totals->changed++;
      report_file (totals, path, "changed", message);
    }
  /* TOML and JSON front matter: read, never written. */
  else if (g_error_matches (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY))
    {
      totals->read_only++;
      report_file (totals, path, "read-only", error->message);
    }
  else
    {
      totals->invalid++;
      report_file (totals, path, "invalid", error->message);
    }
}

static void check_path (const char *path, CheckTotals *totals);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
check_directory (const char  *path,
                 CheckTotals *totals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      totals->unreadable++;
      totals->io_errors++;
      report_file (totals, path, "unreadable", error->message);
      return;
    }

  /* Sorted, so that reports are stable. */
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      const char *child_name = g_ptr_array_index (names, i);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR) ? !recap_site_is_skipped_dir (child_name)
                                                  : recap_site_is_post_name (child_name))
        check_path (child, totals);
    }
}

static void
check_path (const char  *path,
            CheckTotals *totals)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    check_directory (path, totals);
  else
    check_file (path, totals);
}

static void
print_check_json (const CheckTotals *totals)
{
  g_print ("{\"checked\": %u, \"changed\": %u, \"invalid\": %u, \"read_only\": %u, "
           "\"unreadable\": %u,\n  \"files\": [%s%s]}\n",
           totals->checked, totals->changed, totals->invalid, totals->read_only, totals->unreadable,
           totals->json->str, totals->json->len > 0 ? "\n  " : "");
}

static int
command_check (const Options  *options,
               char          **args)
{
  g_autoptr(GString) json = options->json ? g_string_new (NULL) : NULL;
  CheckTotals totals = { .json = json };

  check_path (args[0], &totals);
  if (options->json)
    print_check_json (&totals);
  else if (!options->quiet)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Checked %u file: %u would change, %u with invalid front matter, "
                          "%u read-only (TOML or JSON), %u unreadable\n",
                          "Checked %u files: %u would change, %u with invalid front matter, "
                          "%u read-only (TOML or JSON), %u unreadable\n",
                          totals.checked),
             totals.checked, totals.changed, totals.invalid, totals.read_only, totals.unreadable);
  if (totals.io_errors > 0)
    return EXIT_IO;
  return totals.changed + totals.invalid + totals.read_only + totals.unreadable > 0 ? EXIT_FAILED : EXIT_OK;
}

/* Commands and their help */

#define EXIT_STATUS_HELP \
  N_("Exit status: 0 on success (lint and check: nothing found), 1 when " \
     "problems were found or the command refused (the file is then unchanged), " \
     "2 on a usage error, 3 when a file or folder could not be read or written.")

static const Command commands[] = {
  {
    "list", N_("DIR"), 1, 1,
    N_("List the posts of a Jekyll site."),
    N_("Prints every post and page below DIR (skipping _site, _layouts, hidden "
       "folders and the like) with its title, date, author, event, tags, "
       "categories, state (published, unpublished or draft) and any front-matter "
       "error. With --json, prints a JSON array of objects with the members path, "
       "title, date (ISO 8601 or null), author, tags, categories, event, state, "
       "error and words (the body's word count, without code blocks and link "
       "targets)."),
    command_list, OPTION_JSON,
  },
  {
    "get", N_("FILE KEY"), 2, 2,
    N_("Print the value of a front-matter key."),
    N_("KEY may be a dotted path into nested mappings, such as seo.type. A "
       "string is printed as it reads (quotes and escapes resolved), a list one "
       "item per line, a mapping as the YAML written in the file. A missing key "
       "is an error."),
    command_get,
  },
  {
    "set", N_("FILE KEY VALUE"), 3, 3,
    N_("Set a front-matter key to a string."),
    N_("Changes only the bytes of that value: key order, comments, quoting and "
       "line breaks elsewhere stay as they are. The old quoting is kept when the "
       "new value allows it, otherwise the minimal safe quoting is used; a plain "
       "true, false, number or date stays plain when VALUE is of the same kind. "
       "A missing key is added at the end of its mapping; a file without front "
       "matter gets a new block. The file is replaced atomically and only when "
       "something changed."),
    command_set,
  },
  {
    "set-list", N_("FILE KEY [VALUE…]"), 2, G_MAXUINT,
    N_("Set a front-matter key to a list of strings."),
    N_("Rewrites only the items that differ and keeps the list’s style (flow "
       "[a, b] or block “- a” lines), its indentation and its comments. Jekyll’s "
       "space-separated tags and categories stay a string while the values "
       "contain no spaces. Without VALUE the list becomes empty ([])."),
    command_set_list,
  },
  {
    "unset", N_("FILE KEY"), 2, 2,
    N_("Remove a front-matter key."),
    N_("Removes the whole entry, nested lines and its end-of-line comment "
       "included (every copy of a duplicated key). A missing key is an error."),
    command_unset,
  },
  {
    "check", N_("DIR"), 1, 1,
    N_("Check that Recap reads every post and changes nothing by itself."),
    N_("Reads each post below DIR (or the single file DIR), sets every key to "
       "the value it already has and reports any file whose bytes would change "
       "(there should be none), every file with invalid front matter, every file "
       "with TOML or JSON front matter (which Recap never edits) and every "
       "unreadable file. Exit status 1 when it found any of these, 3 when the "
       "system could not read a file or folder. With --json, prints an object with the counts checked, "
       "changed, invalid, read_only and unreadable, and files: an array of "
       "objects with the members path, problem and message."),
    command_check, OPTION_JSON,
  },
  {
    "lint", N_("DIR"), 1, 1,
    N_("List the problems of a site’s posts."),
    N_("Reports invalid front matter, posts without a title, front-matter dates "
       "that differ from the file name’s, duplicate permalinks, layouts missing "
       "from _layouts, dated files outside _posts and collections, byte order "
       "marks and posts dated in the future. --format=gcc (the default) prints "
       "one per line as PATH:LINE:COLUMN: error|warning: MESSAGE [RULE], which "
       "editors and CI problem matchers place; --format=json prints an array of "
       "objects with the members path, line, column, severity, rule and message. "
       "--disable=RULE (repeatable) turns a rule off, as does a list in the "
       "site’s _config.yml: “recap: {disable: [RULE, …]}”. Rules: "
       "invalid-front-matter, missing-title, date-mismatch, duplicate-permalink, "
       "unknown-layout, dated-outside-posts, byte-order-mark, future-date, "
       "date-read-differently, post-not-read, title-too-long, description-too-long. Exit "
       "status 1 when there are problems, so that a site’s CI can use it."),
    command_lint, OPTION_FORMAT | OPTION_DISABLE,
  },
  {
    "rename-tag", N_("DIR OLD NEW"), 3, 3,
    N_("Rename or merge a tag in every post of a site."),
    N_("Changes OLD to NEW in the tags of every post below DIR, only those "
       "bytes; where a post has NEW already, the two merge into one. Each "
       "changed file is replaced atomically."),
    command_rename_tag,
  },
  {
    "set-event", N_("DIR EVENT FILE…"), 3, G_MAXUINT,
    N_("Assign posts to an event."),
    N_("Sets the event key of each FILE (relative to DIR, or absolute) to EVENT, "
       "adding the key where it is missing; an empty EVENT removes it. Each "
       "changed file is replaced atomically."),
    command_set_event,
  },
  {
    "new", N_("DIR"), 1, 1,
    N_("Create a post from a template."),
    N_("Writes a new post below the site DIR, as the window’s New Post does: "
       "_posts/YYYY-MM-DD-SLUG.md dated now, or _drafts/SLUG.md with --draft, "
       "the slug made from --title; a name already taken gets -2, -3… so that "
       "no file is overwritten. --template is meetup-report, conference-notes "
       "or blank (the default). Prints the new file’s path."),
    command_new, OPTION_TEMPLATE | OPTION_TITLE | OPTION_DRAFT,
  },
  {
    "publish", N_("FILE"), 1, 1,
    N_("Publish a draft."),
    N_("Moves FILE from _drafts to _posts as YYYY-MM-DD-NAME (a date the draft’s "
       "name started with is not repeated) and removes “published: false”. "
       "--date=keep (the default) keeps the date the draft carries, in its front "
       "matter or else its name, and refuses a draft that has none; "
       "--date=today or --date=YYYY-MM-DD sets the date key to that day. Only "
       "those bytes change. Prints OLD → NEW."),
    command_publish, OPTION_DATE,
  },
  {
    "unpublish", N_("FILE"), 1, 1,
    N_("Move a post back to the drafts."),
    N_("Moves FILE from _posts to _drafts, without the date in its name; the "
       "date goes into the front matter when it had none. Prints OLD → NEW."),
    command_unpublish,
  },
  {
    "rename-post", N_("FILE NEW-SLUG"), 2, 2,
    N_("Rename a post’s file, keeping its date."),
    N_("Renames FILE to its date prefix, NEW-SLUG (made safe for a file name) "
       "and its extension; refuses when that name is taken. Prints OLD → NEW."),
    command_rename_post,
  },
  {
    "add-front-matter", N_("FILE…"), 1, G_MAXUINT,
    N_("Give loose notes a front-matter block."),
    N_("Adds a block with a title (the first heading, else the file name) and "
       "a date (from the file name, else its modification time) to each FILE "
       "that has none; files with front matter stay as they are. When a FILE "
       "cannot be read or edited, no file is changed. Prints each changed file."),
    command_add_front_matter,
  },
  {
    "tag", N_("add|remove FILE… TAG"), 3, G_MAXUINT,
    N_("Add a tag to posts or remove it from them."),
    N_("Adds TAG to the tags of each FILE that lacks it (at the end, keeping the "
       "list’s style; a post without tags gets the key), or removes it from each "
       "FILE that has it, changing only those bytes. When a FILE cannot be read "
       "or edited, no file is changed. Prints each changed file."),
    command_tag,
  },
  {
    "category", N_("add|remove FILE… CATEGORY"), 3, G_MAXUINT,
    N_("Add a category to posts or remove it from them."),
    N_("As tag, for the categories key."),
    command_category,
  },
  {
    "set-many", N_("KEY VALUE FILE…"), 3, G_MAXUINT,
    N_("Set a front-matter key on many posts."),
    N_("Sets KEY to VALUE in each FILE as set does; files that have that value "
       "already stay as they are. When a FILE cannot be read or edited, no file "
       "is changed. Prints each changed file."),
    command_set_many,
  },
  {
    "unset-many", N_("KEY FILE…"), 2, G_MAXUINT,
    N_("Remove a front-matter key from many posts."),
    N_("Removes KEY from each FILE that has it, as unset does; files without it "
       "stay as they are. When a FILE cannot be read or edited, no file is "
       "changed. Prints each changed file."),
    command_unset_many,
  },
  {
    "export", N_("FILE"), 1, 1,
    N_("Export a post as one standalone HTML file."),
    N_("Writes FILE as the preview shows it, front-matter card and rendered "
       "body, in the preview’s light style and without scripts, to OUT (-o) "
       "or else to standard output. --images=embed (the default) puts the "
       "site’s images inside the file as data: URIs; --images=copy copies "
       "them into OUT_files beside OUT. --format=html is the only format."),
    command_export, OPTION_FORMAT | OPTION_OUTPUT | OPTION_IMAGES,
  },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static char *wrap_paragraph (const char *text, guint width);

static void
print_usage (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *summary = wrap_paragraph (_("Lists, reads and edits the YAML front matter of Jekyll "
                                               "posts, changing only the bytes of what is edited, and "
                                               "organizes a site (new posts, publishing, renames, tags, "
                                               "events) as the Recap window does."), 78);
  g_autofree char *exit_status = wrap_paragraph (_(EXIT_STATUS_HELP), 78);
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  g_string_append_printf (out, "%s\n  recap-cli %s\n\n%s\n",
                          _("Usage:"), _("[--version] [-q] COMMAND [OPTION…] ARGUMENT…"), summary);
  g_string_append_printf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-*s %s\n", width, commands[i].name, _(commands[i].summary));
  g_string_append_printf (out, "\n%s\n%s\n",
                          _("Run “recap-cli COMMAND --help” for the details of a command."),
                          exit_status);
  g_print ("%s", out->str);
}

/* Breaks @text into lines of at most @width columns (at spaces). */
static char *
wrap_paragraph (const char *text,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);
  glong column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong word_len = g_utf8_strlen (words[i], -1);

      if (column > 0 && column + 1 + word_len > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += word_len;
    }
  return g_string_free (out, FALSE);
}

static GOptionContext *
command_context (const Command *command,
                 Options       *options)
{
  /* For the help only: parse_arguments() reads the options. */
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON instead of text"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &options->date, N_("keep, today or YYYY-MM-DD"), N_("DATE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &options->template,
      N_("meetup-report, conference-notes or blank"), N_("TEMPLATE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title, N_("The title of the post"), N_("TITLE") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &options->draft, N_("Create it in _drafts"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      command->run == command_lint ? N_("gcc (the default) or json") : N_("html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("Write to OUT"), N_("OUT") },
    { "images", 0, 0, G_OPTION_ARG_STRING, &options->images, N_("embed or copy"), N_("IMAGES") },
    { "disable", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, N_("Turn the rule RULE off"), N_("RULE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet, N_("Print no summary line"), NULL },
  };
  const OptionFlags flags[] = { OPTION_JSON, OPTION_DATE, OPTION_TEMPLATE, OPTION_TITLE, OPTION_DRAFT,
                                OPTION_FORMAT, OPTION_OUTPUT, OPTION_IMAGES, OPTION_DISABLE, OPTION_QUIET };
  g_autofree char *parameters = g_strdup_printf ("%s %s", command->name, _(command->parameters));
  g_autofree char *description = wrap_paragraph (_(command->description), 78);
  g_autofree char *exit_status = wrap_paragraph (_(EXIT_STATUS_HELP), 78);
  g_autofree char *text = g_strdup_printf ("%s\n\n%s", description, exit_status);
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_description (context, text);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if ((command->options | OPTION_QUIET) & flags[i])
      {
        const GOptionEntry one[] = { entries[i], { NULL } };
        g_option_context_add_main_entries (context, one, GETTEXT_PACKAGE);
      }
  return context;
}

/* Reads @arg into @options when it is one of @accepted; FALSE otherwise. */
static gboolean
parse_option (OptionFlags  accepted,
              const char  *arg,
              Options     *options)
{
  const char *value;

  if ((accepted & OPTION_JSON) && g_str_equal (arg, "--json"))
    options->json = TRUE;
  else if ((accepted & OPTION_DRAFT) && g_str_equal (arg, "--draft"))
    options->draft = TRUE;
  else if ((accepted & OPTION_DATE) && (value = g_str_has_prefix (arg, "--date=") ? arg + 7 : NULL))
    options->date = value;
  else if ((accepted & OPTION_TEMPLATE) && (value = g_str_has_prefix (arg, "--template=") ? arg + 11 : NULL))
    options->template = value;
  else if ((accepted & OPTION_TITLE) && (value = g_str_has_prefix (arg, "--title=") ? arg + 8 : NULL))
    options->title = value;
  else if ((accepted & OPTION_FORMAT) && (value = g_str_has_prefix (arg, "--format=") ? arg + 9 : NULL))
    options->format = value;
  else if ((accepted & OPTION_IMAGES) && (value = g_str_has_prefix (arg, "--images=") ? arg + 9 : NULL))
    options->images = value;
  else if ((accepted & OPTION_DISABLE) && (value = g_str_has_prefix (arg, "--disable=") ? arg + 10 : NULL))
    g_ptr_array_add (options->disable, (char *) value);
  else if (g_str_equal (arg, "-q") || g_str_equal (arg, "--quiet"))
    options->quiet = TRUE;
  else if ((accepted & OPTION_OUTPUT) && (value = g_str_has_prefix (arg, "--output=") ? arg + 9 : NULL))
    options->output = value;
  else if ((accepted & OPTION_OUTPUT) && g_str_has_prefix (arg, "-o") && arg[2] != '\0')
    options->output = arg + 2;
  else
    return FALSE;
  return TRUE;
}

/* Options are read by hand, not by GOption: values such as "- item" or
 * "-1" must reach the command as they are. "--" ends the options. */
static gboolean
parse_arguments (const Command  *command,
                 int             argc,
                 char          **argv,
                 Options        *options,
                 GPtrArray      *args)
{
  gboolean options_done = FALSE;
  gboolean help = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (options_done)
        g_ptr_array_add (args, argv[i]);
      else if (g_str_equal (argv[i], "--"))
        options_done = TRUE;
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        help = TRUE;
      else if ((command->options & OPTION_OUTPUT) && g_str_equal (argv[i], "-o") && i + 1 < argc)
        options->output = argv[++i];
      else if (!parse_option (command->options, argv[i], options))
        g_ptr_array_add (args, argv[i]);
    }
  g_ptr_array_add (args, NULL);
  return !help;
}

static int
run_command (const Command  *command,
             int             argc,
             char          **argv,
             gboolean        quiet)
{
  g_autoptr(GPtrArray) disable = g_ptr_array_new ();
  Options options = { .disable = disable };
  g_autoptr(GOptionContext) context = command_context (command, &options);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  guint n_args;

  options.quiet = quiet;
  if (!parse_arguments (command, argc, argv, &options, args))
    {
      g_print ("%s", help);
      return EXIT_OK;
    }

  n_args = args->len - 1;
  if (n_args < command->min_args || n_args > command->max_args)
    {
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }
  return command->run (&options, (char **) args->pdata);
}

int
main (int    argc,
      char **argv)
{
  const Command *command;
  gboolean quiet = FALSE;
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("recap-cli");
#ifdef LOCALEDIR
  /* Set by the build for installed translations; else gettext's default. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* -q before the command applies to it. */
  if (argc >= 2 && (g_str_equal (argv[1], "-q") || g_str_equal (argv[1], "--quiet")))
    {
      quiet = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  if (argc >= 2 && g_str_equal (argv[1], "--version"))
    {
      g_print ("recap-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”; see recap-cli --help"), argv[1]);

      print_error (NULL, message);
      return EXIT_USAGE;
    }
  status = run_command (command, argc - 1, argv + 1, quiet);
  /* The files a command replaced are let go in background threads; at
   * exit() the kernel would let go of the rest one by one, slower. */
  recap_file_write_wait_released ();
  return status;
}
