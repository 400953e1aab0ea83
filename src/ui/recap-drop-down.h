/* recap-drop-down.h: drop-downs whose button never widens with its choice
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives the button of @self, a drop-down of a GtkStringList, a label that
 * ellipsizes and asks for no width of its own, so that a longer choice
 * ("Posts (100000)" as a site loads) never widens the button and what is
 * beside it; the popup keeps GTK's own rows, with their check mark. Call
 * once, before @self has a list factory. */
void recap_drop_down_ellipsize (GtkDropDown *self);

G_END_DECLS
