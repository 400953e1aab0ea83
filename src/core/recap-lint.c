/* recap-lint.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-lint.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-jekyll-date.h"

static void
problem_free (RecapProblem *problem)
{
  g_clear_object (&problem->post);
  g_free (problem->message);
  g_free (problem);
}

/* A short name for the kind, e.g. "Missing title". */
static const char *
problem_label (RecapProblemKind kind)
{
  switch (kind)
    {
    case RECAP_PROBLEM_INVALID_FRONT_MATTER:
      return _("Invalid front matter");
    case RECAP_PROBLEM_MISSING_TITLE:
      return _("Missing title");
    case RECAP_PROBLEM_DATE_MISMATCH:
      return _("Date differs from the file name");
    case RECAP_PROBLEM_DUPLICATE_PERMALINK:
      return _("Duplicate permalink");
    case RECAP_PROBLEM_UNKNOWN_LAYOUT:
      return _("Unknown layout");
    case RECAP_PROBLEM_DATED_OUTSIDE_POSTS:
      return _("Dated file outside _posts");
    case RECAP_PROBLEM_BYTE_ORDER_MARK:
      return _("Byte order mark (Jekyll ignores the front matter)");
    case RECAP_PROBLEM_FUTURE_DATE:
    default:
      return _("Dated in the future (Jekyll skips it)");
    }
}

static void
add (GPtrArray        *problems,
     RecapPost        *post,
     RecapProblemKind  kind,
     char             *message)
{
  RecapProblem *problem = g_new0 (RecapProblem, 1);

  problem->post = g_object_ref (post);
  problem->kind = kind;
  problem->message = message ? message : g_strdup (problem_label (kind));
  g_ptr_array_add (problems, problem);
}

static gboolean
in_folder (RecapPost  *post,
           const char *folder)
{
  const char *path = recap_post_get_relative_path (post);
  g_autofree char *inside = g_strconcat ("/", folder, "/", NULL);

  return g_str_has_prefix (path, inside + 1) || strstr (path, inside) != NULL;
}

static gboolean
is_post (RecapPost *post)
{
  return in_folder (post, "_posts") || in_folder (post, "_drafts");
}

/* Below _posts, _drafts or another underscore folder (a Jekyll collection). */
static gboolean
in_collection (RecapPost *post)
{
  const char *path = recap_post_get_relative_path (post);

  return path[0] == '_' || strstr (path, "/_") != NULL;
}

static gboolean
layout_is_known (const char         *layout,
                 const char * const *layouts)
{
  /* Jekyll reads "null" and "none" as "no layout". */
  return layout == NULL || layouts == NULL || layouts[0] == NULL ||
         g_str_equal (layout, "null") || g_str_equal (layout, "none") ||
         g_strv_contains (layouts, layout);
}

static void
lint_post (GPtrArray          *problems,
           RecapPost          *post,
           const char * const *layouts,
           GDateTime          *now)
{
  g_autofree char *name = g_file_get_basename (recap_post_get_file (post));
  g_autoptr(GDateTime) file_date = recap_jekyll_date_from_file_name (name);
  GDateTime *date = recap_post_get_date (post);

  if (recap_post_get_error (post) != NULL)
    add (problems, post, RECAP_PROBLEM_INVALID_FRONT_MATTER, g_strdup (recap_post_get_error (post)));
  if (recap_post_get_has_bom (post))
    add (problems, post, RECAP_PROBLEM_BYTE_ORDER_MARK, NULL);
  if (is_post (post) && recap_post_get_error (post) == NULL && !recap_post_get_title_set (post))
    add (problems, post, RECAP_PROBLEM_MISSING_TITLE, NULL);
  if (recap_post_get_date_mismatch (post))
    add (problems, post, RECAP_PROBLEM_DATE_MISMATCH, NULL);
  if (!layout_is_known (recap_post_get_layout (post), layouts))
    add (problems, post, RECAP_PROBLEM_UNKNOWN_LAYOUT,
         g_strdup_printf (_("Unknown layout “%s”"), recap_post_get_layout (post)));
  /* Collections (_schedule, _talks…) may date their files; elsewhere a
   * dated name is a post Jekyll will not publish. */
  if (file_date != NULL && !in_collection (post))
    add (problems, post, RECAP_PROBLEM_DATED_OUTSIDE_POSTS, NULL);
  if (in_folder (post, "_posts") && date != NULL && now != NULL && g_date_time_compare (date, now) > 0)
    add (problems, post, RECAP_PROBLEM_FUTURE_DATE, NULL);
}

static void
lint_permalinks (GPtrArray  *problems,
                 GListModel *posts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      const char *permalink = recap_post_get_permalink (post);
      RecapPost *first;

      /* YAML's null: the post has no permalink of its own. */
      if (permalink == NULL || g_str_equal (permalink, "null") || g_str_equal (permalink, "~"))
        continue;
      first = g_hash_table_lookup (seen, permalink);
      if (first == NULL)
        {
          g_hash_table_insert (seen, (gpointer) permalink, post);
          continue;
        }
      add (problems, post, RECAP_PROBLEM_DUPLICATE_PERMALINK,
           g_strdup_printf (_("Permalink “%s” is also used by %s"), permalink,
                            recap_post_get_relative_path (first)));
    }
}

static void
set_post_problems (GListModel *posts,
                   GPtrArray  *problems)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strv_builder_unref);
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < problems->len; i++)
    {
      RecapProblem *problem = problems->pdata[i];
      GStrvBuilder *builder = g_hash_table_lookup (labels, problem->post);

      if (builder == NULL)
        g_hash_table_insert (labels, problem->post, builder = g_strv_builder_new ());
      g_strv_builder_add (builder, problem_label (problem->kind));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      GStrvBuilder *builder = g_hash_table_lookup (labels, post);
      g_auto(GStrv) post_labels = builder ? g_strv_builder_end (builder) : NULL;

      recap_post_set_problems (post, (const char * const *) post_labels);
    }
}

GPtrArray *
recap_lint (GListModel         *posts,
            const char * const *layouts,
            GDateTime          *now)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      lint_post (problems, post, layouts, now);
    }
  lint_permalinks (problems, posts);
  set_post_problems (posts, problems);
  return problems;
}
