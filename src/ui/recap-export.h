/* recap-export.h: an open post exported to HTML or PDF, or printed
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-document.h"
#include "recap-post-export.h"

G_BEGIN_DECLS

/* Writes the text of @document, a post of the site at @root, to @out as
 * recap_post_export_write() does, in a worker thread. */
void     recap_export_html_async  (RecapDocument        *document,
                                   GFile                *root,
                                   RecapExportImages     images,
                                   GFile                *out,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);

/* Prints @document (its exported HTML, light style, images embedded)
 * through WebKit's print operation: to the PDF file @out without a
 * dialog, or, with @out NULL, after the print dialog over @parent. */
void     recap_export_print_async  (RecapDocument        *document,
                                    GFile                *root,
                                    GFile                *out,
                                    GtkWindow            *parent,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);

/* Finishes either export. FALSE with G_IO_ERROR_CANCELLED when the user
 * closed the print dialog. */
gboolean recap_export_finish       (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
