/* recap-recovery.h: drafts of unsaved edits, kept apart from the posts
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The unsaved text of one post, as last written to the recovery area. */
typedef struct {
  GFile     *file;  /* the post the text belongs to */
  char      *text;
  GDateTime *saved; /* local time of the write */
  char      *base;  /* SHA-256 of the file's bytes the edits started from; NULL: not known */
} RecapDraft;

void        recap_draft_free (RecapDraft *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapDraft, recap_draft_free)

#define RECAP_TYPE_RECOVERY (recap_recovery_get_type ())
G_DECLARE_FINAL_TYPE (RecapRecovery, recap_recovery, RECAP, RECOVERY, GObject)

/* Drafts live in @dir, one text file a post named by a hash of its location,
 * beside a small key file that names the post. The operations of one
 * RecapRecovery run in a worker thread, one at a time, in call order. */
RecapRecovery *recap_recovery_new          (const char           *dir);
/* $XDG_STATE_HOME/recap/recovery */
RecapRecovery *recap_recovery_new_default  (void);
const char    *recap_recovery_get_dir      (RecapRecovery        *self);

/* Keeps @text as the draft of @file; @base (or NULL) is the SHA-256 of
 * the file's bytes the edits started from, for telling at restore time
 * whether another program changed the file since. */
void           recap_recovery_save_async   (RecapRecovery        *self,
                                            GFile                *file,
                                            const char           *text,
                                            const char           *base,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean       recap_recovery_save_finish  (RecapRecovery        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* Removes the draft of @file; no draft is no error. */
void           recap_recovery_discard_async  (RecapRecovery      *self,
                                              GFile              *file,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean       recap_recovery_discard_finish (RecapRecovery      *self,
                                              GAsyncResult       *result,
                                              GError            **error);
/* The draft of @file, or NULL (without error) when there is none. */
void           recap_recovery_lookup_async   (RecapRecovery      *self,
                                              GFile              *file,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
RecapDraft    *recap_recovery_lookup_finish  (RecapRecovery      *self,
                                              GAsyncResult       *result,
                                              GError            **error);
/* Every draft, oldest first, as a GPtrArray of RecapDraft. */
void           recap_recovery_list_async     (RecapRecovery      *self,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GPtrArray     *recap_recovery_list_finish    (RecapRecovery      *self,
                                              GAsyncResult       *result,
                                              GError            **error);

G_END_DECLS
