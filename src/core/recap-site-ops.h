/* recap-site-ops.h: organizing a site — new posts, tags, events, publishing
 *
 * All blocking file I/O: run in worker threads (or the command line).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-front-matter.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_TEMPLATE_MEETUP_REPORT,
  RECAP_TEMPLATE_CONFERENCE_NOTES,
  RECAP_TEMPLATE_BLANK,
} RecapTemplate;

typedef struct {
  RecapTemplate       template;
  const char         *title;
  const char         *author; /* may be NULL or empty */
  const char         *event;  /* may be NULL or empty */
  const char * const *tags;   /* may be NULL */
  GDateTime          *date;
  gboolean            draft;
} RecapNewPost;

/* Jekyll's slugify default mode: letters and digits of every script, lowercased,
 * other runs to one "-": "Café & Code!" → "café-code", "서울 밋업" → "서울-밋업".
 * NFC, at most 200 bytes, never empty. */
char     *recap_slugify             (const char          *title);
/* The text of a new post: front matter (layout, title, date, author, event,
 * tags, published) and the template's body. */
char     *recap_new_post_text       (const RecapNewPost  *post);
/* Writes a new post as _posts/YYYY-MM-DD-slug.md, or _drafts/slug.md; a
 * name already taken gets -2, -3… so that no file is ever overwritten. */
GFile    *recap_create_post         (GFile               *root,
                                     const RecapNewPost  *post,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* Edit functions for recap_bulk_edit_apply(). */
typedef struct {
  const char *old_tag;
  const char *new_tag;
} RecapTagRename;

/* Renames a tag in `tags` (a list or space-separated string); when the new
 * name is there already, the two merge. Order of the others is kept. */
gboolean  recap_edit_rename_tag     (GFile                *file,
                                     const char           *text,
                                     gsize                 len,
                                     gconstpointer         rename,
                                     RecapFrontMatterEdit *out,
                                     GError              **error);
/* Sets `event` to the string @event, or removes the key when it is NULL or "". */
gboolean  recap_edit_set_event      (GFile                *file,
                                     const char           *text,
                                     gsize                 len,
                                     gconstpointer         event,
                                     RecapFrontMatterEdit *out,
                                     GError              **error);

/* Gives a loose note a front-matter block: title from its first heading
 * (else the file name), date from the file name (else when it was last
 * modified). Notes that have front matter are left alone. */
gboolean  recap_edit_add_front_matter (GFile                *file,
                                       const char           *text,
                                       gsize                 len,
                                       gconstpointer         data,
                                       RecapFrontMatterEdit *out,
                                       GError              **error);

/* Files of the posts of @posts (RecapPost) that have @tag. */
GPtrArray *recap_posts_with_tag     (GListModel          *posts,
                                     const char          *tag);

/* Template names for the command line: "meetup-report", "conference-notes", "blank". */
gboolean  recap_template_from_name  (const char          *name,
                                     RecapTemplate       *template);

/* A file moved (and maybe edited) by a site operation, with the bytes it
 * had before and has after, so that the move can be undone. */
typedef struct {
  GFile  *from;
  GFile  *to;
  GBytes *before;
  GBytes *after;
} RecapMove;

void      recap_move_free           (RecapMove           *move);
/* Puts @move->from back with its exact bytes and removes @move->to; refuses,
 * changing nothing, when @to was changed since or @from exists again. */
gboolean  recap_move_undo           (RecapMove           *move,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* The date a draft carries: its front matter's `date`, else the date its
 * file name starts with; NULL when it has neither. */
GDateTime *recap_draft_date         (const char          *basename,
                                     const char          *text,
                                     gsize                len);
/* The name a draft gets in _posts when published on @date: @date's day,
 * then the draft's name without any date it started with. */
char     *recap_published_name      (const char          *basename,
                                     GDateTime           *date);

/* Moves _drafts/x.md (or _drafts/DATE-x.md) to _posts/DAY-x.md and removes
 * `published: false`. With a @date, `date:` is set to it; without, the date
 * the draft carries is kept (written to `date:` when only its name had it),
 * and a draft that carries none is refused. */
RecapMove *recap_publish_draft      (GFile               *root,
                                     GFile               *draft,
                                     GDateTime           *date,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* Moves _posts/DATE-x.md back to _drafts/x.md; the date stays in the front matter. */
RecapMove *recap_unpublish_post     (GFile               *root,
                                     GFile               *post,
                                     GCancellable        *cancellable,
                                     GError             **error);

/* Renames a post's file to @slug (made safe with recap_slugify()), keeping
 * its date prefix and extension; never replaces another file. Renaming to
 * the same name gives a move whose @from and @to are equal. */
RecapMove *recap_rename_post        (GFile               *post,
                                     const char          *slug,
                                     GCancellable        *cancellable,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapMove, recap_move_free)

G_END_DECLS
