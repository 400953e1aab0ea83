/* test-accessible-names.c: every icon-only button of the window has a name
 * for screen readers
 *
 * GTK 4.8 names a button from its label only: an icon-only button with a
 * tooltip has that tooltip as its description and reads as "button", so
 * each needs an accessible label of its own.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"

#define POST_PATH "_posts/2022-05-12-packaging-workshop.md"

/* Whether @widget is a button that shows only an icon. */
static gboolean
is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL &&
           gtk_menu_button_get_child (GTK_MENU_BUTTON (widget)) == NULL;
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           (gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL ||
            GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))));
  return FALSE;
}

/* Buttons inside other widgets, which name the widget as a whole: a menu
 * button's own toggle, a spin button's +/−, a calendar's month arrows. */
static gboolean
is_part_of_other_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_MENU_BUTTON (parent) || GTK_IS_SPIN_BUTTON (parent) || GTK_IS_CALENDAR (parent);
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Walks @root and the popovers under it, which are children of the
 * buttons that open them; adds a line to @unnamed for each icon-only
 * button without a name and counts the ones checked. */
static void
collect_unnamed (GtkWidget *root,
                 GString   *unnamed,
                 guint     *checked)
{
  if (is_icon_only (root) && !is_part_of_other_widget (root))
    {
      (*checked)++;
      if (!has_name (root))
        g_string_append_printf (unnamed, "\n  %s icon %s, tooltip \"%s\", in %s",
                                G_OBJECT_TYPE_NAME (root),
                                GTK_IS_MENU_BUTTON (root) ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root))
                                                          : gtk_button_get_icon_name (GTK_BUTTON (root)),
                                gtk_widget_get_tooltip_text (root),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, checked);
}

static void
assert_all_named (GtkWidget *root,
                  guint      at_least)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint checked = 0;

  collect_unnamed (root, unnamed, &checked);
  if (unnamed->len > 0)
    g_error ("Icon-only buttons without an accessible name:%s", unnamed->str);
  g_test_message ("%u icon-only buttons checked", checked);
  g_assert_cmpuint (checked, >=, at_least);
}

/* With a post open: the header bars, the sidebar, the document bar, the
 * find bar, the form, the status bar and the popovers of their menus. */
static void
test_window (UiTestPost    *post,
             gconstpointer  data)
{
  /* The find bar, shown. */
  ui_test_press (GTK_WINDOW (post->window), "<Control>f");
  /* 45 on this post: header, sidebar, bars, the form's rows and chips. */
  assert_all_named (GTK_WIDGET (post->window), 40);
}

static void
set_up (UiTestPost    *post,
        gconstpointer  data)
{
  ui_test_post_set_up (post, NULL, POST_PATH);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/accessible-names/window", UiTestPost, NULL, set_up, test_window, ui_test_post_tear_down);
  return g_test_run ();
}
