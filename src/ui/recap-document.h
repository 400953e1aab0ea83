/* recap-document.h: the text buffer of an open post, its single source of truth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "recap-post.h"

G_BEGIN_DECLS

#define RECAP_TYPE_DOCUMENT (recap_document_get_type ())
G_DECLARE_FINAL_TYPE (RecapDocument, recap_document, RECAP, DOCUMENT, GtkSourceBuffer)

RecapDocument *recap_document_new          (RecapPost            *post);
RecapPost     *recap_document_get_post     (RecapDocument        *self);
GFile         *recap_document_get_file     (RecapDocument        *self);
/* The whole text, front matter included. */
char          *recap_document_dup_text     (RecapDocument        *self);
void           recap_document_load_async   (RecapDocument        *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean       recap_document_load_finish  (RecapDocument        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void           recap_document_save_async   (RecapDocument        *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean       recap_document_save_finish  (RecapDocument        *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
