/* recap-window-layout.c: the window's adaptive layout
 *
 * The sidebar is a split (recap-sidebar-split.c) that folds away, with the header's toggle and F9.
 * Below NARROW_WIDTH the sidebar overlays the editor when shown, and the
 * editor pane shows one of editor and preview at a time: the header's
 * "Editor and Preview" button hides, and so do New Post and Save (in the
 * menu, and Ctrl+N and Ctrl+S), for the header to fit in 360 px. GTK 4.8 and libadwaita 1.2 have no
 * breakpoints, so the window's size_allocate compares its width, as GNOME
 * applications did before AdwBreakpoint. The default width counts too: the
 * wide layout needs some 860 px, so a window restored or set to less must
 * be narrow before it is first measured.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-window-private.h"

/* Sidebar (280), editor and preview (280 each) and some room to write. */
#define NARROW_WIDTH 900

static void
apply_narrow (RecapWindow *self,
              gboolean     narrow)
{
  self->narrow = narrow;
  recap_sidebar_split_set_collapsed (self->split, narrow);
  gtk_widget_set_visible (self->split_button, !narrow);
  gtk_widget_set_visible (self->new_post_button, !narrow);
  gtk_widget_set_visible (self->table_button, !narrow);
  gtk_widget_set_visible (self->taxonomy_button, !narrow);
  gtk_widget_set_visible (self->save_button, !narrow);
  recap_editor_pane_set_narrow (self->pane, narrow);
}

void
recap_window_layout_follow_width (RecapWindow *self,
                                  int          width)
{
  gboolean narrow = width < NARROW_WIDTH;

  if (narrow != self->narrow)
    apply_narrow (self, narrow);
}

void
recap_window_layout_post_opened (RecapWindow *self)
{
  /* A folded sidebar covers the post just chosen in it. */
  if (recap_sidebar_split_get_collapsed (self->split))
    recap_sidebar_split_set_show_sidebar (self->split, FALSE);
}

gboolean
recap_window_get_narrow (RecapWindow *self)
{
  g_return_val_if_fail (RECAP_IS_WINDOW (self), FALSE);
  return self->narrow;
}

void
recap_window_class_init_layout (GtkWidgetClass *widget_class)
{
  /* A binding rather than an application accel: it works in every window and in tests. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}

static void
follow_default_width (RecapWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && !gtk_window_is_maximized (GTK_WINDOW (self)))
    recap_window_layout_follow_width (self, width);
}

void
recap_window_init_layout (RecapWindow *self)
{
  g_autoptr(GPropertyAction) show_sidebar = g_property_action_new ("show-sidebar", self->split, "show-sidebar");

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_sidebar));
  /* Its width is a setting, as the paned's position was. */
  g_settings_bind (self->settings, "sidebar-width", self->sidebar, "width-request",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  apply_narrow (self, FALSE);
  /* After the settings gave the window its size. */
  g_signal_connect (self, "notify::default-width", G_CALLBACK (follow_default_width), NULL);
  follow_default_width (self);
}
