/* recap-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-application.h"
#include "recap-document.h"
#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_WINDOW (recap_window_get_type ())
G_DECLARE_FINAL_TYPE (RecapWindow, recap_window, RECAP, WINDOW, AdwApplicationWindow)

RecapWindow   *recap_window_new              (RecapApplication *application);
/* Opens a site folder, or the site of a post file and that post. */
void           recap_window_open_location    (RecapWindow      *self,
                                              GFile            *location);
void           recap_window_open_last_folder (RecapWindow      *self);
RecapSite     *recap_window_get_site         (RecapWindow      *self);
/* The open post's buffer, or NULL. */
RecapDocument *recap_window_get_document     (RecapWindow      *self);

/* Whether the window is too narrow for sidebar, editor and preview side by
 * side: the sidebar then overlays the editor and one view shows at a time. */
gboolean       recap_window_get_narrow       (RecapWindow      *self);

G_END_DECLS
