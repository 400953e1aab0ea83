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
/* Finds the word being typed at the end of @text: FALSE when there is
 * none to complete, else its start in *@start. May set the suggestions. */
typedef gboolean (*RecapCompletionWordFunc) (const char *text,
                                             gsize      *start,
                                             gpointer    user_data);

/* Completes only the word @func finds, and a suggestion replaces only it. */
void             recap_completion_set_word_func   (RecapCompletion         *self,
                                                   RecapCompletionWordFunc  func,
                                                   gpointer                 user_data);

G_END_DECLS
