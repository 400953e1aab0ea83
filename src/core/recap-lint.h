/* recap-lint.h: problems a site's posts have (the Problems view, `recap-cli lint`)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_PROBLEM_INVALID_FRONT_MATTER,
  RECAP_PROBLEM_MISSING_TITLE,
  RECAP_PROBLEM_DATE_MISMATCH,
  RECAP_PROBLEM_DUPLICATE_PERMALINK,
  RECAP_PROBLEM_UNKNOWN_LAYOUT,
  RECAP_PROBLEM_DATED_OUTSIDE_POSTS,
  RECAP_PROBLEM_BYTE_ORDER_MARK,
  RECAP_PROBLEM_FUTURE_DATE,
  RECAP_PROBLEM_DATE_READ_DIFFERENTLY, /* Jekyll reads the date text otherwise */
  RECAP_PROBLEM_NOT_READ,              /* in _posts without a date in its name */
  RECAP_PROBLEM_TITLE_TOO_LONG,        /* over 60 characters: search results cut it */
  RECAP_PROBLEM_DESCRIPTION_TOO_LONG,  /* description or excerpt over 160 characters */
} RecapProblemKind;

typedef struct {
  RecapPost        *post;
  RecapProblemKind  kind;
  char             *message;
} RecapProblem;

/* TRUE when @posts look like a Jekyll site: posts in _posts or _drafts, or
 * values or collections from a _config.yml. Jekyll-only rules (dated
 * files outside _posts, BOM, future dates…) apply only then. */
gboolean    recap_lint_is_jekyll_site (GListModel        *posts);
/* The rule's name for @kind, as `recap-cli lint` prints it and `--disable`
 * and _config.yml's `recap: {disable: [...]}` take: "missing-title"… */
const char *recap_problem_kind_get_rule (RecapProblemKind     kind);
/* The kind named @rule; FALSE when no rule has that name. */
gboolean    recap_problem_kind_from_rule (const char         *rule,
                                          RecapProblemKind   *kind);
/* Errors keep Jekyll from building the post as written; the rest are warnings. */
gboolean    recap_problem_kind_is_error (RecapProblemKind     kind);
/* The front-matter key a problem of @kind is about, or NULL. */
const char *recap_problem_kind_get_key  (RecapProblemKind     kind);

/* The problems of @posts (a model of RecapPost); @layouts: the site's
 * _layouts (unknown layouts are reported only when it has some); @now:
 * posts dated later are not built by Jekyll. Each post's problem labels
 * are also set on it (recap_post_set_problems). */
GPtrArray  *recap_lint          (GListModel          *posts,
                                 const char * const  *layouts,
                                 GDateTime           *now);
/* The same, copying the posts between frames and looking at them in a
 * thread; the labels are set on the posts between frames too, all of
 * them before it finishes. */
void        recap_lint_async    (GListModel          *posts,
                                 const char * const  *layouts,
                                 GDateTime           *now,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The problems found; NULL with @error when cancelled. */
GPtrArray  *recap_lint_finish   (GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
