/* recap-drop-down.c: drop-downs whose button never widens with its choice
 *
 * GtkDropDown's own rows never ellipsize: a button whose choice grows
 * grows with it, and so do the sidebar beside it and the window's layout,
 * which is then measured and drawn again whole.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-drop-down.h"

#define BUTTON_ROW_RESOURCE "/io/github/recapnotes/Recap/recap-drop-down-button.ui"

void
recap_drop_down_ellipsize (GtkDropDown *self)
{
  g_autoptr(GtkListItemFactory) button = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (self));
  g_return_if_fail (gtk_drop_down_get_list_factory (self) == NULL);

  button = gtk_builder_list_item_factory_new_from_resource (NULL, BUTTON_ROW_RESOURCE);
  /* The factory GTK made for the drop-down serves its popup, as before. */
  gtk_drop_down_set_list_factory (self, gtk_drop_down_get_factory (self));
  gtk_drop_down_set_factory (self, button);
}
