/* main.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "recap-application.h"
#include "recap-background.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RecapApplication) app = NULL;

  recap_background_separate_arenas ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = recap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
