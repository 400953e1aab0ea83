/* recap-compat.c: libadwaita's dialogs of 1.5 and later where the library
 * has them, the Debian 12 (libadwaita 1.2) windows where it does not
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-compat.h"

GtkWidget *
recap_compat_about_new (void)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_about_dialog_new ());
#else
  return adw_about_window_new ();
#endif
}

GtkWidget *
recap_compat_alert_new (const char *heading,
                        const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
recap_compat_present (GtkWidget *dialog,
                      GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (parent));
      return;
    }
#endif
  g_assert (GTK_IS_WINDOW (dialog));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
recap_compat_close (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_close (ADW_DIALOG (dialog));
      return;
    }
#endif
  gtk_window_close (GTK_WINDOW (dialog));
}
