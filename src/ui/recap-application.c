/* recap-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-application.h"
#include "recap-preferences-window.h"
#include "recap-window.h"

struct _RecapApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RecapApplication, recap_application, ADW_TYPE_APPLICATION)

static RecapWindow *
recap_application_get_window (RecapApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (recap_window_new (self));
  return RECAP_WINDOW (window);
}

static void
recap_application_activate (GApplication *app)
{
  RecapApplication *self = RECAP_APPLICATION (app);
  gboolean is_new = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  RecapWindow *window = recap_application_get_window (self);

  if (is_new)
    recap_window_open_last_folder (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
recap_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  RecapWindow *window = recap_application_get_window (RECAP_APPLICATION (app));

  /* One site a window: the last argument wins, like opening one after another. */
  if (n_files > 0)
    recap_window_open_location (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing asks about unsaved changes; the last window closed ends the app. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Recap developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Recap"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Recap developers"),
                         "developers", developers,
                         "comments", _("Write and organize meetup reports and conference notes"),
                         "website", "https://github.com/recapnotes/recap",
                         "issue-url", "https://github.com/recapnotes/recap/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (recap_preferences_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open-folder", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.find-post", { "<Control>k", NULL } },
    { "win.new-post", { "<Control>n", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
recap_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (recap_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
}

static void
recap_application_class_init (RecapApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = recap_application_startup;
  app_class->activate = recap_application_activate;
  app_class->open = recap_application_open;
}

static void
recap_application_init (RecapApplication *self)
{
}

RecapApplication *
recap_application_new (void)
{
  return g_object_new (RECAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/recapnotes/Recap",
                       NULL);
}
