/* recap-post.h: one markdown post of a site and the metadata the sidebar shows
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RECAP_TYPE_POST (recap_post_get_type ())
G_DECLARE_FINAL_TYPE (RecapPost, recap_post, RECAP, POST, GObject)

/* Reads metadata from the document text; never fails: a front-matter error
 * is kept in the post (recap_post_get_error) and the fallbacks are used. */
RecapPost   *recap_post_new_from_text   (GFile       *file,
                                         const char  *relative_path,
                                         const char  *text,
                                         gsize        len);
/* A post that could not be read (unreadable, binary, too large). */
RecapPost   *recap_post_new_unreadable  (GFile       *file,
                                         const char  *relative_path,
                                         const char  *reason);

GFile       *recap_post_get_file          (RecapPost *self);
const char  *recap_post_get_relative_path (RecapPost *self);
const char  *recap_post_get_title         (RecapPost *self);
/* Day the post is about: front-matter date, else file-name prefix; may be NULL. */
GDateTime   *recap_post_get_date          (RecapPost *self);
const char  *recap_post_get_author        (RecapPost *self);
const char  *recap_post_get_event         (RecapPost *self);
const char  *recap_post_get_layout        (RecapPost *self);
const char * const *recap_post_get_tags       (RecapPost *self);
const char * const *recap_post_get_categories (RecapPost *self);
gboolean     recap_post_get_is_draft      (RecapPost *self);
gboolean     recap_post_get_published     (RecapPost *self);
/* TRUE while the post is open with changes not yet saved ("unsaved" property). */
gboolean     recap_post_get_unsaved       (RecapPost *self);
void         recap_post_set_unsaved       (RecapPost *self,
                                           gboolean   unsaved);
/* Front-matter or read error, NULL when the post is fine. */
const char  *recap_post_get_error         (RecapPost *self);
/* What lint looks at. */
gboolean     recap_post_get_has_front_matter (RecapPost *self);
/* TRUE when the front matter has a non-empty title. */
gboolean     recap_post_get_title_set     (RecapPost *self);
/* TRUE when the front-matter date is another day than the file name's. */
gboolean     recap_post_get_date_mismatch (RecapPost *self);
gboolean     recap_post_get_has_bom       (RecapPost *self);
const char  *recap_post_get_permalink     (RecapPost *self);
/* Where Jekyll files the post: "posts", "drafts", a collection label or
 * "pages"; NULL for a file Jekyll does not read (see the skip reason) or
 * before the site's _config.yml was applied. */
const char  *recap_post_get_collection    (RecapPost *self);
const char  *recap_post_get_skip_reason   (RecapPost *self);
/* "date Jekyll reads differently: …" when Jekyll reads the date text
 * otherwise than it looks, else NULL. */
const char  *recap_post_get_date_problem  (RecapPost *self);
/* Keys whose value comes from `defaults:` in _config.yml (NULL: none). */
const char * const *recap_post_get_inherited (RecapPost *self);
gboolean     recap_post_get_inherits      (RecapPost  *self,
                                           const char *key);
/* Every author: `author` (a name, or the name of a map) and the
 * `authors` list, own or from defaults; NULL without. recap_post_get_author()
 * gives them joined by commas. */
const char * const *recap_post_get_authors (RecapPost *self);
/* `description`, else `excerpt`, of the front matter; NULL without. */
const char  *recap_post_get_description   (RecapPost *self);
/* TRUE when the site's _config.yml says `future: true`. */
gboolean     recap_post_get_site_builds_future (RecapPost *self);
/* Short descriptions of the post's problems, as lint last found them. */
const char * const *recap_post_get_problems (RecapPost          *self);
void         recap_post_set_problems      (RecapPost          *self,
                                           const char * const *problems);
/* The markdown after the front matter, for full-text search. */
const char  *recap_post_get_body          (RecapPost *self);
/* The body's word count as recap_text_count() counts it, from the file. */
guint        recap_post_get_words         (RecapPost *self);
/* When the file was last modified, in microseconds since 1970 (as read
 * from the file or the index cache); 0 when not known. */
gint64       recap_post_get_modified      (RecapPost *self);
/* Whether @folded_needle (a search folded with recap_search_fold_dup(), so
 * case and accents do not matter) is in the title, tags, author, event,
 * path in the site, date (YYYY-MM-DD) or body; with
 * @snippet, a short excerpt of the body around the match when the match is
 * only in the body. */
gboolean     recap_post_matches           (RecapPost  *self,
                                           const char *folded_needle,
                                           char      **snippet);
/* Title fallback chain, shared with the editor. */
char        *recap_post_title_from_body   (const char *body,
                                           gsize       len);

/* Takes the metadata @other read from the same file, keeping this object
 * (and its unsaved mark) for those who hold it. */
void         recap_post_update_from       (RecapPost *self,
                                           RecapPost *other);

/* Sorts newest first, undated last, then by title. */
int          recap_post_compare           (RecapPost *a,
                                           RecapPost *b);

G_END_DECLS
