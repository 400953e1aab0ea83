/* recap-preferences-window.h: the application's preferences
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-compat.h"

G_BEGIN_DECLS

#define RECAP_TYPE_PREFERENCES_WINDOW (recap_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RecapPreferencesWindow, recap_preferences_window, RECAP, PREFERENCES_WINDOW, RecapPreferencesBase)

/* The preferences, bound to the settings: an AdwPreferencesDialog, or
 * before libadwaita 1.5 a window. Show them with recap_compat_present(). */
GtkWidget *recap_preferences_window_new (void);

G_END_DECLS
