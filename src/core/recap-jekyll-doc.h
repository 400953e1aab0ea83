/* recap-jekyll-doc.h: one file of a site as Jekyll 4.3 reads it: where it
 * goes (post, draft, collection, page, other) and the values Jekyll uses
 * (own front matter, else `defaults:` of _config.yml)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-front-matter.h"
#include "recap-site-config.h"

G_BEGIN_DECLS

typedef struct {
  RecapJekyllKind kind;
  const char *collection;    /* "posts" (also drafts), a label, "pages"; NULL for OTHER */
  const char *reason;        /* OTHER: why Jekyll does not read it as a document */
  char       *title;         /* own or default title, else the first H1, else the
                              * slug titleized as Jekyll does ("adam-fast" → "Adam Fast") */
  char       *layout;        /* NULL: none */
  char       *author;        /* `author` (a string, or the name of an author map) */
  GStrv       authors;       /* `authors` (a list, or a string as one item) */
  GStrv       categories;    /* folders above _posts + categories + category */
  GStrv       tags;          /* tag, else tags */
  GDateTime  *date;          /* in the site zone; NULL when none */
  char       *date_problem;  /* "date Jekyll reads differently: …", or NULL */
  gboolean    published;
  gboolean    future;        /* dated after @now */
  gboolean    builds;        /* a plain `jekyll build` writes it */
  GStrv       inherited;     /* keys whose value came from `defaults:`, sorted */
} RecapJekyllDoc;

/* Reads @text (the whole file at @relative_path) as Jekyll would, with
 * @config, at the moment @now (what "future" means). */
RecapJekyllDoc *recap_jekyll_doc_new  (RecapSiteConfig *config,
                                       const char      *relative_path,
                                       const char      *text,
                                       gsize            len,
                                       GDateTime       *now);
/* The same with @text's front matter already parsed (@fm; NULL when it
 * does not parse). */
RecapJekyllDoc *recap_jekyll_doc_new_parsed (RecapSiteConfig  *config,
                                             const char       *relative_path,
                                             RecapFrontMatter *fm,
                                             const char       *text,
                                             gsize             len,
                                             GDateTime        *now);
void            recap_jekyll_doc_free (RecapJekyllDoc  *doc);
/* What `defaults:` of @config give the document (with front matter) at
 * @relative_path, whatever its own front matter says: key (char *) →
 * RecapJekyllValue, the values owned by @config; empty for a file Jekyll
 * does not read as a document. */
GHashTable     *recap_jekyll_doc_get_defaults (RecapSiteConfig *config,
                                               const char      *relative_path);
/* Every author: `author`, then the `authors` not already named; NULL without. */
GStrv           recap_jekyll_doc_dup_all_authors (const RecapJekyllDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapJekyllDoc, recap_jekyll_doc_free)

/* Jekyll's Utils.titleize_slug on a file's slug: each "-"-separated word
 * capitalized ("adam-fast" → "Adam Fast"). */
char           *recap_jekyll_titleize_slug (const char *slug);

G_END_DECLS
