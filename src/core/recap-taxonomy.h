/* recap-taxonomy.h: a site's tags, categories and authors — counts,
 * near-duplicates, and the edits that rename, merge, add and remove them
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-bulk-edit.h"
#include "recap-post.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_TAXONOMY_TAGS,
  RECAP_TAXONOMY_CATEGORIES,
  RECAP_TAXONOMY_AUTHORS,
} RecapTaxonomy;

/* The front-matter key a taxonomy's values live in: tags, categories, author. */
const char  *recap_taxonomy_key        (RecapTaxonomy  taxonomy);
/* @post's values (the post model's accessors, so effective values). */
GStrv        recap_taxonomy_post_values (RecapTaxonomy  taxonomy,
                                         RecapPost     *post);
/* Whether @post has @value, spelled exactly. */
gboolean     recap_taxonomy_post_has    (RecapTaxonomy  taxonomy,
                                         RecapPost     *post,
                                         const char    *value);

/* @text without case and diacritics, NFC and NFD alike: "Tecnología",
 * "tecnologia" and "TECNOLOGI\u0301A" fold the same. */
char        *recap_taxonomy_fold        (const char    *text);

typedef struct {
  char  *name;
  guint  count;
} RecapTaxonomyEntry;

void         recap_taxonomy_entry_free  (RecapTaxonomyEntry *entry);
/* Every value of @taxonomy in @posts with the number of posts that have it,
 * most used first, then by name. */
GPtrArray   *recap_taxonomy_count       (GListModel    *posts,
                                         RecapTaxonomy  taxonomy);
/* Values that are likely spellings of one: the same but for case,
 * diacritics, a plural -s/-es, or '-', '_' and spaces ("Python"/"python",
 * "meetup"/"meet-up"/"meetups"). Each element is a NULL-terminated GStrv of
 * the names of @entries (RecapTaxonomyEntry) that go together, the most
 * used first (the one to merge into); groups in order of their first name. */
GPtrArray   *recap_taxonomy_near_duplicates (GPtrArray *entries);
/* Files of the posts of @posts that have @value. */
GPtrArray   *recap_taxonomy_files_with  (GListModel    *posts,
                                         RecapTaxonomy  taxonomy,
                                         const char    *value);

/* Edit functions for recap_bulk_edit_apply(): @data is a RecapValueEdit. */
typedef struct {
  RecapTaxonomy       taxonomy;
  const char * const *old_values; /* renamed or removed; NULL to add */
  const char         *new_value;  /* renamed to or added; NULL to remove */
} RecapValueEdit;

/* Changes each of @old_values into @new_value where the post has it (a
 * merge, when there are several or the post has @new_value already), or
 * removes them when @new_value is NULL, or adds @new_value when
 * @old_values is NULL. A list keeps its order and style; `author` as one
 * string is set or removed. Files without the value do not change. */
gboolean     recap_edit_values          (GFile                *file,
                                         const char           *text,
                                         gsize                 len,
                                         gconstpointer         value_edit,
                                         RecapFrontMatterEdit *out,
                                         GError              **error);

/* Setting or removing any key on many posts: @data is a RecapKeyEdit. */
typedef struct {
  const char *key;   /* a dotted path, as recap_front_matter_set_string() takes */
  const char *value; /* NULL removes the key */
} RecapKeyEdit;

/* Sets the key to the value (`true`/`false` stay booleans where they were),
 * or removes it; a post that has it already does not change. */
gboolean     recap_edit_key             (GFile                *file,
                                         const char           *text,
                                         gsize                 len,
                                         gconstpointer         key_edit,
                                         RecapFrontMatterEdit *out,
                                         GError              **error);

G_END_DECLS
