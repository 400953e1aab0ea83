/* recap-a11y.h: accessible names the toolkit gets wrong
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @label without its mnemonic underscores: "_Restore" reads "Restore",
 * "Save__As" reads "Save_As". Free with g_free(). */
char *recap_a11y_strip_mnemonic (const char *label);

/* Gives @button its label, without mnemonic underscores, as accessible
 * name: GTK 4.8 otherwise reads a mnemonic button as "_Restore Restore". */
void  recap_a11y_name_button    (GtkButton  *button);

/* Gives the icon-only @widget its tooltip as accessible name: GTK 4.8
 * gives a tooltip as description only, and the button reads as "button". */
void  recap_a11y_name_from_tooltip (GtkWidget *widget);

/* Names the parts of the split button @split_button: its main button
 * @name, its arrow from its tooltip. libadwaita 1.2 gives the arrow's
 * "dropdown-tooltip" as tooltip only, and GTK 4.8 labels the main button
 * by its nameless icon. */
void  recap_a11y_name_split_button (GtkWidget  *split_button,
                                    const char *name);

/* Gives the close button of @search_bar (show-close-button) the accessible
 * name @name: GTK 4.8 and 4.18 give it only its icon. */
void  recap_a11y_name_search_bar_close (GtkSearchBar *search_bar,
                                        const char   *name);

G_END_DECLS
