/* recap-group-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-group-row.h"

struct _RecapGroupRow
{
  GtkWidget  parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *range_label;
  GtkLabel  *count_label;
};

G_DEFINE_FINAL_TYPE (RecapGroupRow, recap_group_row, GTK_TYPE_WIDGET)

static const char *
name_of_none (RecapGroupBy by)
{
  switch (by)
    {
    case RECAP_GROUP_BY_EVENT:
      return _("No event");
    case RECAP_GROUP_BY_TAG:
      return _("No tags");
    case RECAP_GROUP_BY_AUTHOR:
      return _("No author");
    case RECAP_GROUP_BY_PROBLEM:
      return _("No problems");
    case RECAP_GROUP_BY_YEAR:
    default:
      return _("No date");
    }
}

/* "12 March 2024", or "12 March – 3 May 2024" for a span. */
static char *
format_range (RecapPostGroup *group)
{
  GDateTime *first = recap_post_group_get_first (group);
  GDateTime *last = recap_post_group_get_last (group);
  /* Translators: a day in the sidebar, see g_date_time_format() */
  const char *day_format = _("%-d %B %Y");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == NULL)
    return g_strdup ("");
  from = g_date_time_format (first, day_format);
  to = g_date_time_format (last, day_format);
  if (g_str_equal (from, to))
    return g_steal_pointer (&from);
  /* Translators: a span of days, e.g. "12 March 2024 – 3 May 2024" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

void
recap_group_row_set_group (RecapGroupRow  *self,
                           RecapPostGroup *group)
{
  const char *key = recap_post_group_get_key (group);
  RecapGroupBy by = recap_post_group_get_by (group);
  g_autofree char *count = g_strdup_printf ("%u", recap_post_group_get_count (group));
  g_autofree char *range = by == RECAP_GROUP_BY_YEAR ? g_strdup ("") : format_range (group);

  gtk_label_set_label (self->name_label, key ? key : name_of_none (by));
  gtk_label_set_label (self->range_label, range);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), *range != '\0');
  gtk_label_set_label (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, key ? key : name_of_none (by),
                                  -1);
}

static void
recap_group_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RECAP_TYPE_GROUP_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (recap_group_row_parent_class)->dispose (object);
}

static void
recap_group_row_class_init (RecapGroupRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = recap_group_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-group-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapGroupRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RecapGroupRow, range_label);
  gtk_widget_class_bind_template_child (widget_class, RecapGroupRow, count_label);
}

static void
recap_group_row_init (RecapGroupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
