/* recap-chips-row.c: a list of short strings (tags, categories) as removable chips
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-chips-row.h"
#include "recap-completion.h"

struct _RecapChipsRow
{
  AdwPreferencesRow  parent_instance;

  GPtrArray         *items;
  RecapCompletion   *completion;

  GtkLabel          *title_label;
  GtkFlowBox        *chips_box;
  GtkEntry          *new_item_entry;
};

G_DEFINE_FINAL_TYPE (RecapChipsRow, recap_chips_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_chips (RecapChipsRow *self);

static void
emit_changed (RecapChipsRow *self)
{
  rebuild_chips (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_item_at (RecapChipsRow *self,
                guint          index)
{
  if (index >= self->items->len)
    return;
  g_ptr_array_remove_index (self->items, index);
  emit_changed (self);
}

static void
chip_clicked (GtkButton     *chip,
              RecapChipsRow *self)
{
  remove_item_at (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chip), "recap-index")));
}

static GtkWidget *
chip_new (RecapChipsRow *self,
          const char    *item,
          guint          index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *chip = gtk_button_new ();
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), item);

  gtk_box_append (GTK_BOX (box), gtk_label_new (item));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (chip), "recap-index", GUINT_TO_POINTER (index));
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked), self);
  return chip;
}

/* The chips, then the entry's place: the chips wrap with it as one flow. */
static void
rebuild_chips (RecapChipsRow *self)
{
  GtkWidget *entry_child = gtk_widget_get_parent (GTK_WIDGET (self->new_item_entry));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != entry_child)
    gtk_flow_box_remove (self->chips_box, child);
  for (guint i = 0; i < self->items->len; i++)
    gtk_flow_box_insert (self->chips_box, chip_new (self, self->items->pdata[i], i), i);
}

/* Enter or a comma ends an item; an empty, already present item is ignored. */
static void
commit_new_items (RecapChipsRow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->new_item_entry));
  g_auto(GStrv) parts = g_strsplit (typed, ",", -1);
  gboolean added = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0' || g_ptr_array_find_with_equal_func (self->items, parts[i], g_str_equal, NULL))
        continue;
      g_ptr_array_add (self->items, g_strdup (parts[i]));
      added = TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_item_entry), "");
  if (added)
    emit_changed (self);
}

static void
new_item_changed (RecapChipsRow *self)
{
  if (strchr (gtk_editable_get_text (GTK_EDITABLE (self->new_item_entry)), ',') != NULL)
    commit_new_items (self);
}

static gboolean
new_item_key_pressed (RecapChipsRow         *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (self->new_item_entry)) == '\0';

  if (keyval == GDK_KEY_BackSpace && empty && self->items->len > 0)
    {
      remove_item_at (self, self->items->len - 1);
      return TRUE;
    }
  return FALSE;
}

void
recap_chips_row_set_items (RecapChipsRow      *self,
                           const char * const *items)
{
  g_return_if_fail (RECAP_IS_CHIPS_ROW (self));

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (self->items, g_strdup (items[i]));
  rebuild_chips (self);
}

GStrv
recap_chips_row_dup_items (RecapChipsRow *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv items;

  for (guint i = 0; i < self->items->len; i++)
    g_strv_builder_add (builder, self->items->pdata[i]);
  items = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return items;
}

gboolean
recap_chips_row_has_items (RecapChipsRow      *self,
                           const char * const *items)
{
  guint n = items ? g_strv_length ((GStrv) items) : 0;

  if (n != self->items->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (items[i], self->items->pdata[i]))
      return FALSE;
  return TRUE;
}

void
recap_chips_row_set_suggestions (RecapChipsRow      *self,
                                 const char * const *suggestions)
{
  g_return_if_fail (RECAP_IS_CHIPS_ROW (self));

  if (self->completion == NULL)
    {
      self->completion = recap_completion_attach (GTK_WIDGET (self), GTK_EDITABLE (self->new_item_entry));
      g_signal_connect_object (self->completion, "accepted", G_CALLBACK (commit_new_items), self, G_CONNECT_SWAPPED);
    }
  recap_completion_set_suggestions (self->completion, suggestions);
}

GtkEditable *
recap_chips_row_get_editable (RecapChipsRow *self)
{
  g_return_val_if_fail (RECAP_IS_CHIPS_ROW (self), NULL);
  return GTK_EDITABLE (self->new_item_entry);
}

static void
title_changed (RecapChipsRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *add_label = g_strdup_printf (_("Add to %s"), title);

  gtk_label_set_label (self->title_label, title);
  /* The label is cut at ten characters: the whole name in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_item_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
}

static void
recap_chips_row_finalize (GObject *object)
{
  RecapChipsRow *self = RECAP_CHIPS_ROW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (recap_chips_row_parent_class)->finalize (object);
}

static void
recap_chips_row_class_init (RecapChipsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = recap_chips_row_finalize;

  /* Emitted when the user added or removed items. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-chips-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapChipsRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RecapChipsRow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, RecapChipsRow, new_item_entry);
  gtk_widget_class_bind_template_callback (widget_class, commit_new_items);
  gtk_widget_class_bind_template_callback (widget_class, new_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, new_item_key_pressed);
}

static void
recap_chips_row_init (RecapChipsRow *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed), NULL);
}

GtkWidget *
recap_chips_row_new (const char *title)
{
  return g_object_new (RECAP_TYPE_CHIPS_ROW, "title", title, NULL);
}
