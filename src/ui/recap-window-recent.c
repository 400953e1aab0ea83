/* recap-window-recent.c: the sites and the post to come back to
 *
 * Keeps the "recent-folders" setting (most recent first, at most
 * MAX_RECENT) and the Open button's menu made from it, and the
 * "last-post" setting the next start opens again.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-a11y.h"
#include "recap-window-private.h"

#define MAX_RECENT 8

static void
update_recent_menu (RecapWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-folders");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autofree char *label = g_filename_display_name (basename);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

void
recap_window_remember_site (RecapWindow *self,
                            GFile       *root)
{
  g_autofree char *path = g_file_get_path (root);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) paths = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (path == NULL)
    return;
  old = g_settings_get_strv (self->settings, "recent-folders");
  paths = g_strv_builder_new ();
  g_strv_builder_add (paths, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (paths, old[i]);
        n++;
      }
  recent = g_strv_builder_end (paths);
  g_settings_set_strv (self->settings, "recent-folders", (const char * const *) recent);
  g_settings_set_string (self->settings, "last-folder", path);
}

void
recap_window_remember_post (RecapWindow   *self,
                            RecapDocument *document)
{
  RecapPost *post = document != NULL ? recap_document_get_post (document) : NULL;

  g_settings_set_string (self->settings, "last-post", post != NULL ? recap_post_get_relative_path (post) : "");
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  recap_window_open_location (RECAP_WINDOW (widget), folder);
}

void
recap_window_class_init_recent (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
recap_window_init_recent (RecapWindow *self)
{
  g_signal_connect_object (self->settings, "changed::recent-folders", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  update_recent_menu (self);
  recap_a11y_name_split_button (self->open_button, _("Open Folder"));
}
