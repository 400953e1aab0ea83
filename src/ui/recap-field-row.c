/* recap-field-row.c: a one-line text field of the front-matter form, its label beside its value
 *
 * AdwEntryRow stacks its title over its value, two lines a field; this row
 * keeps both on one line. While the row is not focused, a label showing the
 * value ellipsized lies over the text (whose own glyphs the style sheet
 * makes transparent), with the whole value in a tooltip; the GtkText under
 * it takes the clicks and the focus, and is the row's GtkEditable.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-field-row.h"

#include "recap-a11y.h"

struct _RecapFieldRow
{
  AdwPreferencesRow  parent_instance;

  char              *value;   /* the value last set or applied */
  char              *placeholder;

  GtkBox            *box;
  GtkLabel          *title_label;
  GtkText           *text;
  GtkLabel          *value_label;
  GtkWidget         *apply_button;
};

static void recap_field_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapFieldRow, recap_field_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, recap_field_row_editable_init))

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_apply_button (RecapFieldRow *self)
{
  gtk_widget_set_visible (self->apply_button, recap_field_row_get_pending (self));
}

/* The unfocused label shows the value, else the placeholder, dimmed as
 * GtkText dims its own while focused. */
static void
update_value_label (RecapFieldRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  gboolean placeholder = *text == '\0' && self->placeholder != NULL;

  gtk_label_set_label (self->value_label, placeholder ? self->placeholder : text);
  if (placeholder)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
}

static void
text_changed (RecapFieldRow *self)
{
  update_value_label (self);
  update_apply_button (self);
}

/* Enter or the apply button. */
static void
apply (RecapFieldRow *self)
{
  g_signal_emit (self, signals[APPLY], 0);
}

/* However "apply" came, the text is the value now: no pending edit. */
static void
real_apply (RecapFieldRow *self)
{
  g_free (self->value);
  self->value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));
  update_apply_button (self);
}

/* The whole value, when the label shows it cut. */
static gboolean
value_query_tooltip (RecapFieldRow *self,
                     int            x,
                     int            y,
                     gboolean       keyboard_mode,
                     GtkTooltip    *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (self->value_label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (self->value_label));
  return TRUE;
}

static void
title_changed (RecapFieldRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);
  /* The label is cut at ten characters: the whole name in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  /* Screen readers and tests find the text field by the field's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* The focus goes to the text, as in an AdwEntryRow. */
static gboolean
recap_field_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RECAP_FIELD_ROW (widget)->text));
}

static GtkEditable *
recap_field_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (RECAP_FIELD_ROW (editable)->text);
}

static void
recap_field_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = recap_field_row_get_delegate;
}

static void
recap_field_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
recap_field_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (!gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
recap_field_row_dispose (GObject *object)
{
  RecapFieldRow *self = RECAP_FIELD_ROW (object);

  if (self->text != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->text = NULL;

  G_OBJECT_CLASS (recap_field_row_parent_class)->dispose (object);
}

static void
recap_field_row_finalize (GObject *object)
{
  RecapFieldRow *self = RECAP_FIELD_ROW (object);

  g_free (self->value);
  g_free (self->placeholder);

  G_OBJECT_CLASS (recap_field_row_parent_class)->finalize (object);
}

static void
recap_field_row_class_init (RecapFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = recap_field_row_get_property;
  object_class->set_property = recap_field_row_set_property;
  object_class->dispose = recap_field_row_dispose;
  object_class->finalize = recap_field_row_finalize;
  widget_class->grab_focus = recap_field_row_grab_focus;
  gtk_editable_install_properties (object_class, 1);

  /* The user committed the value. */
  signals[APPLY] = g_signal_new_class_handler ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST,
                                               G_CALLBACK (real_apply), NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A text field to screen readers, its text read through the delegate
   * (GtkText alone has no role), as AdwEntryRow is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapFieldRow, box);
  gtk_widget_class_bind_template_child (widget_class, RecapFieldRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RecapFieldRow, text);
  gtk_widget_class_bind_template_child (widget_class, RecapFieldRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, RecapFieldRow, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, text_changed);
  gtk_widget_class_bind_template_callback (widget_class, apply);
  gtk_widget_class_bind_template_callback (widget_class, value_query_tooltip);
}

static void
recap_field_row_init (RecapFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed), NULL);
}

/* Public API */

GtkWidget *
recap_field_row_new (const char *title)
{
  return g_object_new (RECAP_TYPE_FIELD_ROW, "title", title, NULL);
}

void
recap_field_row_set_value (RecapFieldRow *self,
                           const char    *value)
{
  g_return_if_fail (RECAP_IS_FIELD_ROW (self));

  g_free (self->value);
  self->value = g_strdup (value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text)), value) != 0)
    {
      /* The buffer's value is where the field's own undo stops. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (self->text), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->text), value);
      gtk_editable_set_enable_undo (GTK_EDITABLE (self->text), TRUE);
    }
  update_apply_button (self);
}

gboolean
recap_field_row_get_pending (RecapFieldRow *self)
{
  g_return_val_if_fail (RECAP_IS_FIELD_ROW (self), FALSE);
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text)), self->value ? self->value : "") != 0;
}

void
recap_field_row_add_suffix (RecapFieldRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (RECAP_IS_FIELD_ROW (self));
  /* A menu button shows only its icon here (a day's calendar). */
  if (GTK_IS_MENU_BUTTON (widget))
    recap_a11y_name_from_tooltip (widget);
  gtk_box_append (self->box, widget);
}

void
recap_field_row_set_placeholder (RecapFieldRow *self,
                                 const char    *placeholder)
{
  g_return_if_fail (RECAP_IS_FIELD_ROW (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  gtk_text_set_placeholder_text (self->text, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder ? placeholder : "", -1);
  update_value_label (self);
}

const char *
recap_field_row_get_placeholder (RecapFieldRow *self)
{
  g_return_val_if_fail (RECAP_IS_FIELD_ROW (self), NULL);
  return self->placeholder;
}
