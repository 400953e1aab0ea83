/* test-accessible-names.c: every icon-only button of the window has a name
 * for screen readers
 *
 * GTK 4.8 names a button from its label only: an icon-only button with a
 * tooltip has that tooltip as its description and reads as "button", so
 * each needs an accessible label of its own. GTK 4.8 also marks such a
 * button as labelled by its own icon, which has no name: that relation
 * does not count.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "recap-find-bar.h"
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
 * button's own toggle, a spin button's +/−. GtkCalendar's month and year
 * arrows (pan-start, pan-end), in its header box, are the toolkit's own
 * and nameless on GTK 4.8 and 4.18, with no API for Recap to reach them. */
static gboolean
is_part_of_other_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_MENU_BUTTON (parent) || GTK_IS_SPIN_BUTTON (parent) ||
         (GTK_IS_BOX (parent) && GTK_IS_CALENDAR (gtk_widget_get_parent (parent)));
}

/* GtkInfoBar's close button, hidden unless "show-close-button", which
 * Recap never sets: never shown, so never read. */
static gboolean
is_hidden_info_bar_close (GtkWidget *widget)
{
  return !gtk_widget_get_visible (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_INFO_BAR) != NULL;
}

/* Whether @widget is labelled by another widget than its own icon. */
static gboolean
is_labelled_by_other (GtkWidget *widget)
{
  GtkWidget *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;
  g_autofree char *not_icon = NULL;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  if (icon == NULL)
    return TRUE;
  not_icon = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, icon, NULL);
  return not_icon != NULL;
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         is_labelled_by_other (widget);
}

/* Walks @root and the popovers under it, which are children of the
 * buttons that open them; adds a line to @unnamed for each icon-only
 * button without a name and counts the ones checked. */
static void
collect_unnamed (GtkWidget *root,
                 GString   *unnamed,
                 guint     *checked)
{
  if (is_icon_only (root) && !is_part_of_other_widget (root) && !is_hidden_info_bar_close (root))
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
  RecapFindBar *find_bar = RECAP_FIND_BAR (ui_test_find_by_type (GTK_WIDGET (post->window), RECAP_TYPE_FIND_BAR));
  GtkWidget *find_entry = ui_test_find_by_type (GTK_WIDGET (find_bar), GTK_TYPE_SEARCH_ENTRY);

  /* The find bar, shown: Ctrl+F is the editor pane's, so from the text. */
  gtk_widget_grab_focus (GTK_WIDGET (post->view));
  ui_test_press (GTK_WINDOW (post->window), "<Control>f");
  UI_TEST_WAIT_FOR (recap_find_bar_get_open (find_bar) && gtk_widget_get_mapped (find_entry));
  /* 40 on this post: header, sidebar, bars, the form's rows and chips;
   * the find bar's five (previous, next, replace, options, close) among
   * them. */
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
