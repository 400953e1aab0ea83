/* test-translations.c: the window speaks German under LANGUAGE=de
 *
 * The catalogs are the ones this build compiled from po/, bound here the way
 * main.c binds the installed ones.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "recap-window.h"
#include "ui-test-util.h"

/* TRUE when a label or status page below @root reads @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (root) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_window_in_german (void)
{
  RecapWindow *window = recap_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (shows_text (GTK_WIDGET (window), "Eine Website öffnen"));
  g_assert_false (shows_text (GTK_WIDGET (window), "Open a Site"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_plurals_in_german (void)
{
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u post moved to the trash",
                                "%u posts moved to the trash", 1),
                   ==, "%u Beitrag in den Papierkorb verschoben");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u post moved to the trash",
                                "%u posts moved to the trash", 3),
                   ==, "%u Beiträge in den Papierkorb verschoben");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RECAP_BUILD_LOCALEDIR");

  /* LANGUAGE picks the catalog, but glibc ignores it in the C locale, and
   * glibc 2.41 (Debian 13) counts C.UTF-8 as C: so a German locale when one
   * is generated (dev.sh makes one). gtk_init () sets the locale from the
   * environment, hence LC_ALL rather than only setlocale () here. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", setlocale (LC_ALL, "de_DE.UTF-8") ? "de_DE.UTF-8" : "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!ui_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/translations/window-in-german", test_window_in_german);
  g_test_add_func ("/translations/plurals-in-german", test_plurals_in_german);
  return g_test_run ();
}
