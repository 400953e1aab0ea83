/* recap-post-query.h: the filters of the content table, typed or as chips
 *
 * A query is a list of terms: `tag:python year:2023 draft:yes
 * author:"Rivka Stein" async`. Terms of one field are alternatives (a post
 * tagged python or rust matches `tag:python tag:rust`), terms of different
 * fields must all hold, and every word of text must be found. A leading
 * '-' negates a term: `-tag:python` leaves out what is tagged python.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-post.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_QUERY_TAG,
  RECAP_QUERY_CATEGORY,
  RECAP_QUERY_AUTHOR,
  RECAP_QUERY_YEAR,
  RECAP_QUERY_STATUS,
  RECAP_QUERY_COLLECTION,
  RECAP_QUERY_TEXT,
} RecapQueryField;

typedef enum {
  RECAP_POST_STATUS_PUBLISHED,
  RECAP_POST_STATUS_DRAFT,       /* in _drafts */
  RECAP_POST_STATUS_UNPUBLISHED, /* published: false */
  RECAP_POST_STATUS_FUTURE,      /* dated after now: Jekyll skips it without --future */
} RecapPostStatus;

typedef struct {
  RecapQueryField  field;
  char            *value;
  gboolean         negated;
} RecapQueryTerm;

typedef struct _RecapPostQuery RecapPostQuery;

/* Parses @text; an unknown `key:` stays text, as does an unclosed quote's rest. */
RecapPostQuery       *recap_post_query_parse      (const char       *text);
RecapPostQuery       *recap_post_query_new        (void);
void                  recap_post_query_free       (RecapPostQuery   *query);
guint                 recap_post_query_get_n_terms (RecapPostQuery  *query);
const RecapQueryTerm *recap_post_query_get_term   (RecapPostQuery   *query,
                                                   guint             index);
/* Adds a term, unless an equal one is there already. */
void                  recap_post_query_add        (RecapPostQuery   *query,
                                                   RecapQueryField   field,
                                                   const char       *value,
                                                   gboolean          negated);
void                  recap_post_query_remove     (RecapPostQuery   *query,
                                                   guint             index);
/* The query as typed again: parsing it gives the same terms. */
char                 *recap_post_query_to_string  (RecapPostQuery   *query);
/* A term as a chip shows it: "tag: python", "not draft". */
char                 *recap_query_term_describe   (const RecapQueryTerm *term);
gboolean              recap_post_query_is_empty   (RecapPostQuery   *query);
/* Whether @post passes every term, the post's status taken at @now. Field
 * values compare as recap_taxonomy_fold() folds them (case, diacritics). */
gboolean              recap_post_query_matches    (RecapPostQuery   *query,
                                                   RecapPost        *post,
                                                   GDateTime        *now);

/* The keyword of a field ("tag", "year"…), NULL for text. */
const char           *recap_query_field_keyword   (RecapQueryField   field);
/* The field a keyword names ("tags" and "category" too), FALSE when none. */
gboolean              recap_query_field_from_keyword (const char     *keyword,
                                                      gsize           len,
                                                      RecapQueryField *field);
/* Where completion applies in @text: the last word, when it is `key:prefix`
 * (@field set, @prefix_start at the prefix) or a bare word (text, start of
 * the word); FALSE after a space or a closed quote. */
gboolean              recap_post_query_completion_point (const char      *text,
                                                         RecapQueryField *field,
                                                         gsize           *prefix_start);

RecapPostStatus       recap_post_get_status       (RecapPost        *post,
                                                   GDateTime        *now);
/* "published", "draft", "unpublished", "future": the words `status:` takes. */
const char           *recap_post_status_to_string (RecapPostStatus   status);
/* The collection of @post as Jekyll names it: "posts" for _posts and
 * _drafts, "talks" for _talks/, "pages" for anything else. */
char                 *recap_post_dup_collection   (RecapPost        *post);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapPostQuery, recap_post_query_free)

G_END_DECLS
