/* recap-compat.h: libadwaita's dialogs of 1.5 and later where the library
 * has them, the Debian 12 (libadwaita 1.2) windows where it does not
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwAboutDialog, or before libadwaita 1.5 an AdwAboutWindow: both take
 * the same properties (application-name, version, developers…). */
GtkWidget *recap_compat_about_new          (void);

/* An AdwAlertDialog, or before libadwaita 1.5 an AdwMessageDialog, with
 * @heading and @body (may be NULL). Both emit "response" with its id. */
GtkWidget *recap_compat_alert_new          (const char *heading,
                                            const char *body);
void       recap_compat_alert_add_response (GtkWidget  *alert,
                                            const char *id,
                                            const char *label);

/* Shows a dialog made above over @parent: as an AdwDialog in it, or as a
 * window transient for it. */
void       recap_compat_present            (GtkWidget  *dialog,
                                            GtkWindow  *parent);

G_END_DECLS
