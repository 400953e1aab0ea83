/* recap-completion.h
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RECAP_TYPE_COMPLETION (recap_completion_get_type ())
G_DECLARE_FINAL_TYPE (RecapCompletion, recap_completion, RECAP, COMPLETION, GObject)

RecapCompletion *recap_completion_attach          (GtkWidget          *anchor,
                                                   GtkEditable        *editable);
void             recap_completion_set_suggestions (RecapCompletion    *self,
                                                   const char * const *suggestions);

G_END_DECLS
