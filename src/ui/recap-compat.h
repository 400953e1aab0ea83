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

/* RecapAlert is AdwAlertDialog, or before libadwaita 1.5 AdwMessageDialog:
 * recap_alert_*() are the calls the two share by name and arguments. */
#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwAlertDialog RecapAlert;
typedef AdwAlertDialogClass RecapAlertClass;
# define RECAP_TYPE_ALERT     ADW_TYPE_ALERT_DIALOG
# define RECAP_ALERT(widget)  ADW_ALERT_DIALOG (widget)
# define RECAP_ALERT_CALL(fn) adw_alert_dialog_##fn
#else
typedef AdwMessageDialog RecapAlert;
typedef AdwMessageDialogClass RecapAlertClass;
# define RECAP_TYPE_ALERT     ADW_TYPE_MESSAGE_DIALOG
# define RECAP_ALERT(widget)  ADW_MESSAGE_DIALOG (widget)
# define RECAP_ALERT_CALL(fn) adw_message_dialog_##fn
#endif
#define recap_alert_add_response          RECAP_ALERT_CALL (add_response)
#define recap_alert_add_responses         RECAP_ALERT_CALL (add_responses)
#define recap_alert_format_body           RECAP_ALERT_CALL (format_body)
#define recap_alert_get_body              RECAP_ALERT_CALL (get_body)
#define recap_alert_get_extra_child       RECAP_ALERT_CALL (get_extra_child)
#define recap_alert_get_heading           RECAP_ALERT_CALL (get_heading)
#define recap_alert_get_response_enabled  RECAP_ALERT_CALL (get_response_enabled)
#define recap_alert_get_response_label    RECAP_ALERT_CALL (get_response_label)
#define recap_alert_has_response          RECAP_ALERT_CALL (has_response)
#define recap_alert_set_close_response    RECAP_ALERT_CALL (set_close_response)
#define recap_alert_set_default_response  RECAP_ALERT_CALL (set_default_response)
#define recap_alert_set_extra_child       RECAP_ALERT_CALL (set_extra_child)
#define recap_alert_set_response_appearance RECAP_ALERT_CALL (set_response_appearance)
#define recap_alert_set_response_enabled  RECAP_ALERT_CALL (set_response_enabled)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapAlert, g_object_unref)

/* RecapPreferencesBase is AdwPreferencesDialog, or before libadwaita 1.5
 * AdwPreferencesWindow: the parent of the preferences' template. */
#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwPreferencesDialog RecapPreferencesBase;
typedef AdwPreferencesDialogClass RecapPreferencesBaseClass;
# define RECAP_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_DIALOG
#else
typedef AdwPreferencesWindow RecapPreferencesBase;
typedef AdwPreferencesWindowClass RecapPreferencesBaseClass;
# define RECAP_TYPE_PREFERENCES_BASE ADW_TYPE_PREFERENCES_WINDOW
#endif
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapPreferencesBase, g_object_unref)

/* An AdwAlertDialog, or before libadwaita 1.5 an AdwMessageDialog, with
 * @heading and @body (may be NULL). Both emit "response" with its id. */
GtkWidget *recap_compat_alert_new          (const char *heading,
                                            const char *body);

/* Shows a dialog made above over @parent: as an AdwDialog in it, or as a
 * window transient for it. */
void       recap_compat_present            (GtkWidget  *dialog,
                                            GtkWindow  *parent);
/* Closes a dialog shown with recap_compat_present(). */
void       recap_compat_close              (GtkWidget  *dialog);

G_END_DECLS
