/* recap-preferences-window.h: the application's preferences
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_PREFERENCES_WINDOW (recap_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RecapPreferencesWindow, recap_preferences_window, RECAP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences, bound to the settings, for @parent (may be NULL). */
GtkWidget *recap_preferences_window_new (GtkWindow *parent);

G_END_DECLS
