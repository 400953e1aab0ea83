/* recap-application.c: the command line, one window per site, the sites
 * reopened at the next start, and the app-wide actions
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-application.h"
#include "recap-compat.h"
#include "recap-file-util.h"
#include "recap-preferences-window.h"
#include "recap-window.h"

struct _RecapApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* Set by Quit: the windows it closes stay in "open-sites". */
  gboolean        quitting;
};

G_DEFINE_FINAL_TYPE (RecapApplication, recap_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a new window"), NULL },
  { NULL }
};

/* The site folder @location belongs to: itself when a folder. */
static GFile *
site_root_of (GFile *location)
{
  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_object_ref (location);
  return recap_site_find_root (location);
}

/* The window showing the site at @root or, with @root NULL, one showing no site. */
static RecapWindow *
find_window (RecapApplication *self,
             GFile            *root)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RecapSite *site;

      if (!RECAP_IS_WINDOW (l->data))
        continue;
      site = recap_window_get_site (l->data);
      if (root == NULL ? site == NULL : site != NULL && g_file_equal (recap_site_get_root (site), root))
        return l->data;
    }
  return NULL;
}

/* Writes the site folders of the open windows to "open-sites", in the
 * order the windows were last used. */
static void
save_open_sites (RecapApplication *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RecapSite *site = RECAP_IS_WINDOW (l->data) ? recap_window_get_site (l->data) : NULL;
      g_autofree char *path = site != NULL ? g_file_get_path (recap_site_get_root (site)) : NULL;

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "open-sites", (const char * const *) paths);
}

static void
present_new_window (RecapApplication *self,
                    GFile            *location)
{
  RecapWindow *window = recap_window_new (self);

  if (location != NULL)
    recap_window_open_location (window, location);
  gtk_window_present (GTK_WINDOW (window));
}

/* One window per site: a site already open is shown in its window (at the
 * post when @location is one), another one gets an empty window or a new one. */
static void
open_location (RecapApplication *self,
               GFile            *location)
{
  g_autoptr(GFile) root = site_root_of (location);
  RecapWindow *window = find_window (self, root);

  if (window == NULL)
    window = find_window (self, NULL);
  if (window == NULL)
    {
      present_new_window (self, location);
      return;
    }
  if (!g_file_equal (location, root) || recap_window_get_site (window) == NULL)
    recap_window_open_location (window, location);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_folder_path (const char *path)
{
  return *path != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* At the first start: a window for each site open when Recap last quit, the
 * last one used reopened as the window reopens it (its post included). */
static void
restore_windows (RecapApplication *self)
{
  g_auto(GStrv) sites = g_settings_get_strv (self->settings, "open-sites");
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");
  RecapWindow *window;

  for (guint i = 0; sites[i] != NULL; i++)
    if (!g_str_equal (sites[i], last) && is_folder_path (sites[i]))
      {
        g_autoptr(GFile) folder = g_file_new_for_path (sites[i]);

        present_new_window (self, folder);
      }
  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL && !g_strv_contains ((const char * const *) sites, last))
    return;
  /* Each window above recorded its site as the last one: the last is still @last. */
  g_settings_set_string (self->settings, "last-folder", last);
  window = recap_window_new (self);
  recap_window_open_last_folder (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
recap_application_activate (GApplication *app)
{
  RecapApplication *self = RECAP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    restore_windows (self);
}

static void
recap_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_location (RECAP_APPLICATION (app), files[i]);
}

static int
recap_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) argv = g_application_command_line_get_arguments (command_line, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, argv[i]));

  if (files->len > 0)
    recap_application_open (app, (GFile **) files->pdata, files->len, "");
  else if (g_variant_dict_contains (options, "new-window"))
    present_new_window (RECAP_APPLICATION (app), NULL);
  else
    g_application_activate (app);
  return EXIT_SUCCESS;
}

/* GSettings aborts the process on a schema it cannot find: run from the
 * build tree without `meson devenv`, say so in one line instead. */
static gboolean
schema_is_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

static int
recap_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("recap %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (!schema_is_installed ())
    {
      g_printerr (_("recap: the settings schema %s is not installed; "
                    "run Recap uninstalled with “meson devenv -C _build recap”\n"), APP_ID);
      return EXIT_FAILURE;
    }
  return -1;
}

static void
recap_application_window_removed (GtkApplication *app,
                                  GtkWindow      *window)
{
  RecapApplication *self = RECAP_APPLICATION (app);

  GTK_APPLICATION_CLASS (recap_application_parent_class)->window_removed (app, window);
  /* The last window closed keeps its site for the next start. */
  if (!self->quitting && gtk_application_get_windows (app) != NULL)
    save_open_sites (self);
}

static void
recap_application_window_added (GtkApplication *app,
                                GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (recap_application_parent_class)->window_added (app, window);
  /* The development build's striped header bar (GNOME's convention). */
  if (g_str_equal (PROFILE, "devel"))
    gtk_widget_add_css_class (GTK_WIDGET (window), "devel");
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  present_new_window (user_data, NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RecapApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing asks about unsaved changes; the last window closed ends the app. */
  save_open_sites (self);
  self->quitting = TRUE;
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
  GtkWidget *about = recap_compat_about_new ();

  g_object_set (about,
                "application-name", _("Recap"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("Recap developers"),
                "developers", developers,
                "comments", _("Write and organize meetup reports and conference notes"),
                "website", "https://github.com/recapnotes/recap",
                "issue-url", "https://github.com/recapnotes/recap/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                NULL);
  recap_compat_present (about, gtk_application_get_active_window (app));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  recap_compat_present (recap_preferences_window_new (),
                        gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "new-window", .activate = new_window_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open-folder", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.new-post", { "<Control>n", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
recap_application_startup (GApplication *app)
{
  RecapApplication *self = RECAP_APPLICATION (app);

  G_APPLICATION_CLASS (recap_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
  /* Any window opening a site records it as the last folder. */
  g_signal_connect_object (self->settings, "changed::last-folder",
                           G_CALLBACK (save_open_sites), self, G_CONNECT_SWAPPED);
}

/* The files the last saves replaced are let go in background threads: at
 * exit() the kernel would let go of the rest one by one. */
static void
recap_application_shutdown (GApplication *app)
{
  recap_file_write_wait_released ();
  G_APPLICATION_CLASS (recap_application_parent_class)->shutdown (app);
}

static void
recap_application_dispose (GObject *object)
{
  RecapApplication *self = RECAP_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (recap_application_parent_class)->dispose (object);
}

static void
recap_application_class_init (RecapApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = recap_application_dispose;
  app_class->startup = recap_application_startup;
  app_class->shutdown = recap_application_shutdown;
  app_class->activate = recap_application_activate;
  app_class->open = recap_application_open;
  app_class->command_line = recap_application_command_line;
  app_class->handle_local_options = recap_application_handle_local_options;
  gtk_app_class->window_added = recap_application_window_added;
  gtk_app_class->window_removed = recap_application_window_removed;
}

static void
recap_application_init (RecapApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER|FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens each Jekyll site FOLDER, or the site of each post FILE, in "
                                              "a window of its own; without one, the sites open when Recap last quit."));
}

RecapApplication *
recap_application_new (void)
{
  return g_object_new (RECAP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/recapnotes/Recap",
                       NULL);
}
