/* recap-a11y.c: accessible names the toolkit gets wrong
 *
 * GTK 4.8 names a button with a mnemonic label by both the raw label and
 * the shown text ("_Restore Restore"); no GTK or Pango function strips a
 * mnemonic without parsing markup, hence the few lines here. GTK 4.8 also
 * names an icon-only button by nothing at all: its tooltip is only its
 * description. GtkSearchBar's own close button has no name on GTK 4.8 nor
 * 4.18, and no API to reach it: the bar's layout is walked for it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-a11y.h"

char *
recap_a11y_strip_mnemonic (const char *label)
{
  GString *stripped = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (stripped, *p);
    }
  return g_string_free (stripped, FALSE);
}

void
recap_a11y_name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  if (label == NULL || *label == '\0')
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  name = gtk_button_get_use_underline (button) ? recap_a11y_strip_mnemonic (label) : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
recap_a11y_name_from_tooltip (GtkWidget *widget)
{
  const char *tooltip;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  tooltip = gtk_widget_get_tooltip_text (widget);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

void
recap_a11y_name_split_button (GtkWidget  *split_button,
                              const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (split_button));

  for (GtkWidget *child = gtk_widget_get_first_child (split_button); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      recap_a11y_name_from_tooltip (child);
    else if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
recap_a11y_name_search_bar_close (GtkSearchBar *search_bar,
                                  const char   *name)
{
  GtkWidget *revealer, *box, *close;

  g_return_if_fail (GTK_IS_SEARCH_BAR (search_bar));

  /* The bar holds a revealer of a center box: the child in its middle, the
   * close button at its end. */
  revealer = gtk_widget_get_first_child (GTK_WIDGET (search_bar));
  box = GTK_IS_REVEALER (revealer) ? gtk_revealer_get_child (GTK_REVEALER (revealer)) : NULL;
  close = GTK_IS_CENTER_BOX (box) ? gtk_center_box_get_end_widget (GTK_CENTER_BOX (box)) : NULL;
  if (GTK_IS_BUTTON (close))
    gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
