/* recap-post-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-post-row.h"

struct _RecapPostRow
{
  GtkWidget  parent_instance;

  RecapPost *post;
  GBinding  *unsaved_binding;

  GtkLabel  *title_label;
  GtkLabel  *date_label;
  GtkLabel  *tags_label;
  GtkLabel  *snippet_label;
  GtkWidget *draft_badge;
  GtkWidget *unsaved_dot;
};

G_DEFINE_FINAL_TYPE (RecapPostRow, recap_post_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_post_date (RecapPost *post)
{
  GDateTime *date = recap_post_get_date (post);

  /* Translators: date of a post in the sidebar, see g_date_time_format() */
  return date ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (_("No date"));
}

static void
recap_post_row_update (RecapPostRow *self)
{
  g_autofree char *date = NULL;
  g_autofree char *tags = NULL;

  g_clear_pointer (&self->unsaved_binding, g_binding_unbind);
  gtk_widget_set_visible (self->unsaved_dot, FALSE);
  if (self->post == NULL)
    return;

  date = format_post_date (self->post);
  tags = recap_post_get_tags (self->post) ? g_strjoinv (", ", (GStrv) recap_post_get_tags (self->post)) : NULL;
  gtk_label_set_label (self->title_label, recap_post_get_title (self->post));
  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->tags_label, tags ? tags : "");
  gtk_widget_set_visible (self->draft_badge,
                          recap_post_get_is_draft (self->post) || !recap_post_get_published (self->post));
  self->unsaved_binding = g_object_bind_property (self->post, "unsaved",
                                                  self->unsaved_dot, "visible",
                                                  G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, recap_post_get_title (self->post),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date,
                                  -1);
}

/* Where a search matched in the body; NULL hides it. */
void
recap_post_row_set_snippet (RecapPostRow *self,
                            const char   *snippet)
{
  g_return_if_fail (RECAP_IS_POST_ROW (self));

  gtk_label_set_label (self->snippet_label, snippet ? snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL);
}

RecapPost *
recap_post_row_get_post (RecapPostRow *self)
{
  g_return_val_if_fail (RECAP_IS_POST_ROW (self), NULL);
  return self->post;
}

void
recap_post_row_set_post (RecapPostRow *self,
                         RecapPost    *post)
{
  g_return_if_fail (RECAP_IS_POST_ROW (self));

  if (g_set_object (&self->post, post))
    {
      recap_post_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
    }
}

static void
recap_post_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RecapPostRow *self = RECAP_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_post_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RecapPostRow *self = RECAP_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      recap_post_row_set_post (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_post_row_dispose (GObject *object)
{
  RecapPostRow *self = RECAP_POST_ROW (object);
  GtkWidget *child;

  g_clear_pointer (&self->unsaved_binding, g_binding_unbind);
  g_clear_object (&self->post);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_POST_ROW);
  /* The layout boxes are not template children: unparent them too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (recap_post_row_parent_class)->dispose (object);
}

static void
recap_post_row_class_init (RecapPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_post_row_dispose;
  object_class->get_property = recap_post_row_get_property;
  object_class->set_property = recap_post_row_set_property;

  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL, RECAP_TYPE_POST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-post-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, tags_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, draft_badge);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, unsaved_dot);
}

static void
recap_post_row_init (RecapPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
