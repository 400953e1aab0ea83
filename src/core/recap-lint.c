/* recap-lint.c
 *
 * The lint reads a copy of what it needs of each post, so that the window
 * can run it in a thread: posts change (and free their strings) on the
 * main thread when their files are read again.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-lint.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-background.h"
#include "recap-jekyll-date.h"

/* Posts labelled between two looks at the clock, and main-loop time for
 * labelling per dispatch. */
#define LABEL_STEP 256
#define LABEL_SLICE_USEC 4000

/* What the lint reads of one post. */
typedef struct {
  RecapPost *post;
  char      *relative_path;
  char      *error;
  char      *layout;
  char      *permalink;
  char      *collection;
  char      *skip_reason;
  char      *date_problem;
  char      *title;         /* the post's own, NULL when it has none */
  char      *description;
  GDateTime *date;
  gboolean   has_bom;
  gboolean   title_set;
  gboolean   date_mismatch;
  gboolean   inherits;      /* has values from _config.yml's defaults */
  gboolean   site_future;   /* _config.yml says future: true */
  GStrv      labels;        /* of the problems found, set by lint_run() */
} Input;

static void
input_copy (Input     *input,
            RecapPost *post)
{
  GDateTime *date = recap_post_get_date (post);

  input->post = g_object_ref (post);
  input->relative_path = g_strdup (recap_post_get_relative_path (post));
  input->error = g_strdup (recap_post_get_error (post));
  input->layout = g_strdup (recap_post_get_layout (post));
  input->permalink = g_strdup (recap_post_get_permalink (post));
  input->collection = g_strdup (recap_post_get_collection (post));
  input->skip_reason = g_strdup (recap_post_get_skip_reason (post));
  input->date_problem = g_strdup (recap_post_get_date_problem (post));
  input->title = recap_post_get_title_set (post) ? g_strdup (recap_post_get_title (post)) : NULL;
  input->description = g_strdup (recap_post_get_description (post));
  input->inherits = recap_post_get_inherited (post) != NULL;
  input->site_future = recap_post_get_site_builds_future (post);
  input->date = date ? g_date_time_ref (date) : NULL;
  input->has_bom = recap_post_get_has_bom (post);
  input->title_set = recap_post_get_title_set (post);
  input->date_mismatch = recap_post_get_date_mismatch (post);
}

static void
input_clear (Input *input)
{
  g_clear_object (&input->post);
  g_clear_pointer (&input->relative_path, g_free);
  g_clear_pointer (&input->error, g_free);
  g_clear_pointer (&input->layout, g_free);
  g_clear_pointer (&input->permalink, g_free);
  g_clear_pointer (&input->collection, g_free);
  g_clear_pointer (&input->skip_reason, g_free);
  g_clear_pointer (&input->date_problem, g_free);
  g_clear_pointer (&input->title, g_free);
  g_clear_pointer (&input->description, g_free);
  g_clear_pointer (&input->date, g_date_time_unref);
  g_clear_pointer (&input->labels, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

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
      return _("Byte order mark");
    case RECAP_PROBLEM_DATE_READ_DIFFERENTLY:
      return _("Date Jekyll reads differently");
    case RECAP_PROBLEM_NOT_READ:
      return _("Jekyll skips it");
    case RECAP_PROBLEM_TITLE_TOO_LONG:
      return _("Title over 60 characters");
    case RECAP_PROBLEM_DESCRIPTION_TOO_LONG:
      return _("Description over 160 characters");
    case RECAP_PROBLEM_FUTURE_DATE:
    default:
      return _("Dated in the future (Jekyll skips it)");
    }
}

static const char * const rules[] = {
  [RECAP_PROBLEM_INVALID_FRONT_MATTER] = "invalid-front-matter",
  [RECAP_PROBLEM_MISSING_TITLE] = "missing-title",
  [RECAP_PROBLEM_DATE_MISMATCH] = "date-mismatch",
  [RECAP_PROBLEM_DUPLICATE_PERMALINK] = "duplicate-permalink",
  [RECAP_PROBLEM_UNKNOWN_LAYOUT] = "unknown-layout",
  [RECAP_PROBLEM_DATED_OUTSIDE_POSTS] = "dated-outside-posts",
  [RECAP_PROBLEM_BYTE_ORDER_MARK] = "byte-order-mark",
  [RECAP_PROBLEM_FUTURE_DATE] = "future-date",
  [RECAP_PROBLEM_DATE_READ_DIFFERENTLY] = "date-read-differently",
  [RECAP_PROBLEM_NOT_READ] = "post-not-read",
  [RECAP_PROBLEM_TITLE_TOO_LONG] = "title-too-long",
  [RECAP_PROBLEM_DESCRIPTION_TOO_LONG] = "description-too-long",
};
/* Every kind has a rule name. */
G_STATIC_ASSERT (G_N_ELEMENTS (rules) == RECAP_PROBLEM_DESCRIPTION_TOO_LONG + 1);

const char *
recap_problem_kind_get_rule (RecapProblemKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (rules), NULL);
  return rules[kind];
}

gboolean
recap_problem_kind_from_rule (const char       *rule,
                              RecapProblemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i], rule) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
recap_problem_kind_is_error (RecapProblemKind kind)
{
  return kind == RECAP_PROBLEM_INVALID_FRONT_MATTER || kind == RECAP_PROBLEM_BYTE_ORDER_MARK ||
         kind == RECAP_PROBLEM_DUPLICATE_PERMALINK;
}

const char *
recap_problem_kind_get_key (RecapProblemKind kind)
{
  switch (kind)
    {
    case RECAP_PROBLEM_DATE_MISMATCH:
    case RECAP_PROBLEM_FUTURE_DATE:
    case RECAP_PROBLEM_DATE_READ_DIFFERENTLY:
      return "date";
    case RECAP_PROBLEM_TITLE_TOO_LONG:
      return "title";
    case RECAP_PROBLEM_DUPLICATE_PERMALINK:
      return "permalink";
    case RECAP_PROBLEM_UNKNOWN_LAYOUT:
      return "layout";
    default:
      return NULL;
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
in_folder (const char *path,
           const char *folder)
{
  g_autofree char *inside = g_strconcat ("/", folder, "/", NULL);

  return g_str_has_prefix (path, inside + 1) || strstr (path, inside) != NULL;
}

static gboolean
is_post (const char *path)
{
  return in_folder (path, "_posts") || in_folder (path, "_drafts");
}

/* Below _posts, _drafts or another underscore folder (a Jekyll collection). */
static gboolean
in_collection (const char *path)
{
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

/* What Jekyll does with a byte order mark, which differs for posts. */
static char *
bom_message (Input *input)
{
  if (g_strcmp0 (input->collection, "posts") == 0 || g_strcmp0 (input->collection, "drafts") == 0)
    return g_strdup (_("Byte order mark: Jekyll strips it from posts, but other tools read the front matter as text"));
  return g_strdup (_("Byte order mark: Jekyll copies this file as it is, front matter and all, "
                     "instead of building a page"));
}

/* Longer texts are cut in search results. */
#define TITLE_MAX       60
#define DESCRIPTION_MAX 160

static void
lint_lengths (GPtrArray *problems,
              Input     *input)
{
  if (input->title != NULL && g_utf8_strlen (input->title, -1) > TITLE_MAX)
    add (problems, input->post, RECAP_PROBLEM_TITLE_TOO_LONG,
         g_strdup_printf (_("Title of %ld characters: search results show about %d"),
                          g_utf8_strlen (input->title, -1), TITLE_MAX));
  if (input->description != NULL && g_utf8_strlen (input->description, -1) > DESCRIPTION_MAX)
    add (problems, input->post, RECAP_PROBLEM_DESCRIPTION_TOO_LONG,
         g_strdup_printf (_("Description of %ld characters: search results show about %d"),
                          g_utf8_strlen (input->description, -1), DESCRIPTION_MAX));
}

/* Rules about what Jekyll itself makes of the file. */
static void
lint_jekyll (GPtrArray *problems,
             Input     *input,
             GDateTime *now)
{
  const char *path = input->relative_path;
  const char *slash = strrchr (path, '/');
  g_autoptr(GDateTime) file_date = recap_jekyll_date_from_file_name (slash ? slash + 1 : path);
  RecapPost *post = input->post;

  if (input->has_bom)
    add (problems, post, RECAP_PROBLEM_BYTE_ORDER_MARK, bom_message (input));
  if (input->date_problem != NULL)
    add (problems, post, RECAP_PROBLEM_DATE_READ_DIFFERENTLY, g_strdup (input->date_problem));
  if (in_folder (path, "_posts") && input->collection == NULL && input->skip_reason != NULL)
    add (problems, post, RECAP_PROBLEM_NOT_READ, g_strdup (input->skip_reason));
  /* Collections (_schedule, _talks…) may date their files; elsewhere a
   * dated name is a post Jekyll will not publish. */
  if (file_date != NULL && !in_collection (path))
    add (problems, post, RECAP_PROBLEM_DATED_OUTSIDE_POSTS, NULL);
  if (in_folder (path, "_posts") && !input->site_future &&
      input->date != NULL && now != NULL && g_date_time_compare (input->date, now) > 0)
    add (problems, post, RECAP_PROBLEM_FUTURE_DATE, NULL);
}

static void
lint_post (GPtrArray          *problems,
           Input              *input,
           const char * const *layouts,
           GDateTime          *now,
           gboolean            jekyll)
{
  const char *path = input->relative_path;
  RecapPost *post = input->post;

  if (input->error != NULL)
    add (problems, post, RECAP_PROBLEM_INVALID_FRONT_MATTER, g_strdup (input->error));
  if (is_post (path) && input->error == NULL && !input->title_set)
    add (problems, post, RECAP_PROBLEM_MISSING_TITLE, NULL);
  if (input->date_mismatch)
    add (problems, post, RECAP_PROBLEM_DATE_MISMATCH, NULL);
  if (!layout_is_known (input->layout, layouts))
    add (problems, post, RECAP_PROBLEM_UNKNOWN_LAYOUT,
         g_strdup_printf (_("Unknown layout “%s”"), input->layout));
  lint_lengths (problems, input);
  if (jekyll)
    lint_jekyll (problems, input, now);
}

static gboolean
input_says_jekyll (Input *input)
{
  return is_post (input->relative_path) || input->inherits ||
         (input->collection != NULL && !g_str_equal (input->collection, "pages"));
}

static void
lint_permalinks (GPtrArray *problems,
                 Input     *inputs,
                 guint      n_inputs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_inputs; i++)
    {
      const char *permalink = inputs[i].permalink;
      Input *first;

      /* YAML's null: the post has no permalink of its own. */
      if (permalink == NULL || g_str_equal (permalink, "null") || g_str_equal (permalink, "~"))
        continue;
      first = g_hash_table_lookup (seen, permalink);
      if (first == NULL)
        {
          g_hash_table_insert (seen, (gpointer) permalink, &inputs[i]);
          continue;
        }
      add (problems, inputs[i].post, RECAP_PROBLEM_DUPLICATE_PERMALINK,
           g_strdup_printf (_("Permalink “%s” is also used by %s"), permalink, first->relative_path));
    }
}

/* The lint of a copy of the posts, and what it found. */
typedef struct {
  RecapBackgroundCopy  copy;
  char               **layouts;
  GDateTime           *now;
  Input               *inputs;
  GPtrArray           *problems;  /* once linted */
  guint                labelled;  /* posts given their labels so far */
} Lint;

static void
copy_input (gpointer data,
            guint    position,
            gpointer post)
{
  Lint *lint = data;

  input_copy (&lint->inputs[position], post);
}

static Lint *
lint_new (GListModel         *posts,
          const char * const *layouts,
          GDateTime          *now)
{
  Lint *lint = g_new0 (Lint, 1);

  recap_background_copy_init (&lint->copy, posts);
  lint->layouts = g_strdupv ((char **) layouts);
  lint->now = now ? g_date_time_ref (now) : NULL;
  lint->inputs = g_new0 (Input, lint->copy.n_items);
  return lint;
}

static void
lint_free (Lint *lint)
{
  for (guint i = 0; i < lint->copy.copied; i++)
    input_clear (&lint->inputs[i]);
  g_free (lint->inputs);
  g_clear_object (&lint->copy.items);
  g_strfreev (lint->layouts);
  g_clear_pointer (&lint->now, g_date_time_unref);
  g_clear_pointer (&lint->problems, g_ptr_array_unref);
  g_free (lint);
}

/* A copy of 50,000 posts takes long to free: a thread frees it. */
static void
lint_free_later (Lint *lint)
{
  recap_background_free (lint, (GDestroyNotify) lint_free);
}

/* The labels of what was found on each post, in their inputs. */
static void
lint_label (Lint *lint)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strv_builder_unref);

  for (guint i = 0; i < lint->problems->len; i++)
    {
      RecapProblem *problem = lint->problems->pdata[i];
      GStrvBuilder *builder = g_hash_table_lookup (labels, problem->post);

      if (builder == NULL)
        g_hash_table_insert (labels, problem->post, builder = g_strv_builder_new ());
      g_strv_builder_add (builder, problem_label (problem->kind));
    }
  for (guint i = 0; i < lint->copy.n_items; i++)
    {
      GStrvBuilder *builder = g_hash_table_lookup (labels, lint->inputs[i].post);

      lint->inputs[i].labels = builder ? g_strv_builder_end (builder) : NULL;
    }
}

/* Reads nothing but the copy: runs in any thread. */
static void
lint_run (Lint *lint)
{
  gboolean jekyll = FALSE;

  for (guint i = 0; i < lint->copy.n_items && !jekyll; i++)
    jekyll = input_says_jekyll (&lint->inputs[i]);
  lint->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  for (guint i = 0; i < lint->copy.n_items; i++)
    lint_post (lint->problems, &lint->inputs[i], (const char * const *) lint->layouts, lint->now, jekyll);
  lint_permalinks (lint->problems, lint->inputs, lint->copy.n_items);
  lint_label (lint);
}

/* On the posts' thread: sets the labels of what was found on each post,
 * gathered by lint_run(), LABEL_STEP posts at a time until all are or
 * @deadline (monotonic time) has passed; TRUE when all are. */
static gboolean
lint_set_problems (Lint   *lint,
                   gint64  deadline)
{
  while (lint->labelled < lint->copy.n_items)
    {
      guint end = MIN (lint->copy.n_items, lint->labelled + LABEL_STEP);

      for (; lint->labelled < end; lint->labelled++)
        recap_post_set_problems (lint->inputs[lint->labelled].post,
                                 (const char * const *) lint->inputs[lint->labelled].labels);
      if (lint->labelled < lint->copy.n_items && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  return TRUE;
}

gboolean
recap_lint_is_jekyll_site (GListModel *posts)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (posts), FALSE);

  n = g_list_model_get_n_items (posts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      g_auto(Input) input = { 0 };

      input_copy (&input, post);
      if (input_says_jekyll (&input))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
recap_lint (GListModel         *posts,
            const char * const *layouts,
            GDateTime          *now)
{
  Lint *lint;
  GPtrArray *problems;

  g_return_val_if_fail (G_IS_LIST_MODEL (posts), NULL);

  lint = lint_new (posts, layouts, now);
  recap_background_copy_all (&lint->copy, copy_input, lint);
  lint_run (lint);
  lint_set_problems (lint, G_MAXINT64);
  problems = g_steal_pointer (&lint->problems);
  lint_free (lint);
  return problems;
}

static void
lint_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  lint_run (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Labels the posts for one slice of time; once all are, returns the
 * problems. At 100,000 posts, labelling them all at once took 46-76 ms. */
static gboolean
label_slice (gpointer user_data)
{
  GTask *task = user_data;
  Lint *lint = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (!lint_set_problems (lint, g_get_monotonic_time () + LABEL_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  g_task_return_pointer (task, g_steal_pointer (&lint->problems), (GDestroyNotify) g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

/* The thread is done with the copy: the labels go on the posts in
 * slices, below redrawing, so that frames are drawn between them. */
static void
linted (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GSource) source = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  source = recap_background_idle_source (g_task_get_context (task), "[recap] lint labels", label_slice,
                                         g_object_ref (task), g_object_unref);
}

void
recap_lint_async (GListModel          *posts,
                  const char * const  *layouts,
                  GDateTime           *now,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) run = NULL;
  Lint *lint;

  g_return_if_fail (G_IS_LIST_MODEL (posts));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_lint_async);
  lint = lint_new (posts, layouts, now);
  g_task_set_task_data (task, lint, (GDestroyNotify) lint_free_later);
  /* The copy and the thread's run, on a task of their own: @task holds
   * the lint until the labels are set. */
  run = g_task_new (NULL, cancellable, linted, g_object_ref (task));
  g_task_set_task_data (run, lint, NULL);
  recap_background_copy_then_run (run, &lint->copy, copy_input, lint_in_thread);
}

GPtrArray *
recap_lint_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == recap_lint_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
