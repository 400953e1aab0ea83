/* recap-document-bar.h: what the editor must know about its file, with the ways out
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-document.h"

G_BEGIN_DECLS

#define RECAP_TYPE_DOCUMENT_BAR (recap_document_bar_get_type ())
G_DECLARE_FINAL_TYPE (RecapDocumentBar, recap_document_bar, RECAP, DOCUMENT_BAR, AdwBin)

/* Follows @document: a change or deletion on disk, a recovered draft, an
 * unreadable byte, a large file or an encoding other than UTF-8, the most
 * pressing first. */
void        recap_document_bar_set_document (RecapDocumentBar *self,
                                             RecapDocument    *document);
/* The message shown, or NULL when the bar is hidden. */
const char *recap_document_bar_get_message  (RecapDocumentBar *self);

G_END_DECLS
