/* recap-preview.h: the rendered view of the open post
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "recap-document.h"

G_BEGIN_DECLS

#define RECAP_TYPE_PREVIEW (recap_preview_get_type ())
G_DECLARE_FINAL_TYPE (RecapPreview, recap_preview, RECAP, PREVIEW, AdwBin)

/* Follows @document's text until another one (or NULL) is set. Images and
 * links resolve in the site of its post, the only files the page can read. */
void           recap_preview_set_document    (RecapPreview  *self,
                                              RecapDocument *document);
/* The editor of the document, in a scrolled window: with "sync-scroll",
 * scrolling either one scrolls the other to the same place. */
void           recap_preview_set_source_view (RecapPreview  *self,
                                              GtkTextView   *source_view);
WebKitWebView *recap_preview_get_web_view    (RecapPreview  *self);
/* Scrolls the page to the block of the document's 1-based @line, as the
 * editor's outline jumps to a heading; nothing before the page is shown. */
void           recap_preview_scroll_to_line  (RecapPreview  *self,
                                              guint          line);

G_END_DECLS
