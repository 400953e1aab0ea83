/* recap-find-bar.h: find and replace in the open post, or find in its preview
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "recap-front-matter-fold.h"

G_BEGIN_DECLS

#define RECAP_TYPE_FIND_BAR (recap_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (RecapFindBar, recap_find_bar, RECAP, FIND_BAR, GtkWidget)

/* The source view whose buffer the bar searches, following its buffer;
 * replacing needs the view editable. */
void     recap_find_bar_set_view        (RecapFindBar  *self,
                                         GtkTextView   *view);
/* The fold of the view's front matter: the text it hides is searched too,
 * and a match there opens it. */
void     recap_find_bar_set_fold        (RecapFindBar         *self,
                                         RecapFrontMatterFold *fold);
/* The preview, searched instead of the text while "in-preview" is set (the
 * preview-only layout): next, previous and the counter, no replacing. */
void     recap_find_bar_set_web_view    (RecapFindBar  *self,
                                         WebKitWebView *web_view);
void     recap_find_bar_set_in_preview  (RecapFindBar  *self,
                                         gboolean       in_preview);
/* Shows the bar, with the replace entry when @replace, the selected text
 * (on one line) as what to find, and focuses the find entry. */
void     recap_find_bar_open            (RecapFindBar  *self,
                                         gboolean       replace);
/* Hides the bar, drops the highlights, and gives the focus back to the
 * text (or the preview). */
void     recap_find_bar_close           (RecapFindBar  *self);
gboolean recap_find_bar_get_open        (RecapFindBar  *self);
/* Select the next or previous match, after or before the selection,
 * wrapping around. */
void     recap_find_bar_next            (RecapFindBar  *self);
void     recap_find_bar_previous        (RecapFindBar  *self);
/* Replaces the selected match and selects the next one. */
void     recap_find_bar_replace         (RecapFindBar  *self);
/* Replaces every match, as one undo step. */
void     recap_find_bar_replace_all     (RecapFindBar  *self);

G_END_DECLS
