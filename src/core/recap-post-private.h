/* recap-post-private.h: what the index cache (and the scan that feeds it)
 * needs of a RecapPost: the record a post is stored as, the file stamp
 * that tells whether its file changed, and the search text it can share
 * with the mapped cache. Not for the UI or the CLI.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-post.h"
#include "recap-site-config.h"

G_BEGIN_DECLS

/* For the index cache: what a post is made of, and the size and
 * modification time (microseconds) of the file it was read from. */
typedef struct {
  guint64     size;
  gint64      mtime;
  guint32     flags;
  guint32     words;
  const char *relative_path;
  const char *fields;       /* the text metadata, in one string */
  GBytes     *search_text;  /* NULL for a post without a body… */
  GBytes     *body;         /* …or when the post has only its body (to_record) */
  gsize       search_text_size; /* made from @body or not (to_record) */
} RecapPostRecord;

/* Fills @record, whose fields string is then owned by the caller and freed
 * with g_free(); FALSE when the post cannot be cached (it is then read from
 * its file next time). */
gboolean     recap_post_to_record         (RecapPost             *self,
                                           RecapPostRecord       *record);
/* A post of the site at @root, at @record's relative path. */
RecapPost   *recap_post_new_from_record   (GFile                 *root,
                                           const RecapPostRecord *record);
/* Replaces the search text with the same bytes held elsewhere (the mapped
 * index cache) so that the post's own copy is freed. */
void         recap_post_share_search_text (RecapPost             *self,
                                           GBytes                *search_text);
GBytes      *recap_post_get_search_text   (RecapPost             *self);
/* The body alone (NUL-terminated, the NUL counted), for a post whose search
 * text is not made yet; NULL otherwise. */
GBytes      *recap_post_get_body_bytes    (RecapPost             *self);
/* Title, author, event, path, date and tags folded as the search looks at
 * them, apart by control characters; made on first need. */
const char  *recap_post_get_search_fields (RecapPost             *self);
/* Grows with each recap_post_update_from(): what was read of the post
 * before is out of date. */
guint        recap_post_get_revision      (RecapPost             *self);
/* The size of the post's search text, made or not. */
gsize        recap_post_get_search_text_size (RecapPost          *self);
void         recap_post_set_file_stamp    (RecapPost *self,
                                           guint64    size,
                                           gint64     mtime);
gboolean     recap_post_has_file_stamp    (RecapPost *self,
                                           guint64    size,
                                           gint64     mtime);

/* The post of @text (its file's whole text) with the values Jekyll uses
 * with @config: defaults, site zone, categories from folders, singular
 * keys, the collection. The front matter is parsed once for both. */
RecapPost   *recap_post_new_for_site      (GFile           *file,
                                           const char      *relative_path,
                                           RecapSiteConfig *config,
                                           const char      *text,
                                           gsize            len);

G_END_DECLS
