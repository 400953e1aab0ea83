/* recap-spell-entry.c: misspellings of a one-line text field underlined
 *
 * A title is a few words: the whole text is checked when it changes, and
 * the misspellings become error underlines in the GtkText's attributes
 * (GtkText has no text tags). A right click (or the Menu key) on one
 * fills the text's extra menu with the items of recap-spell-menu.c; a
 * correction sets the field's text and activates it, so the form applies
 * it as it does a typed title.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-spell-entry.h"
#include "recap-spell-menu.h"
#include "recap-spell-text.h"

struct _RecapSpellEntry
{
  GObject            parent_instance;

  GtkText           *text;    /* weak: the field owns the checker */
  RecapSpellChecker *checker;
  GMenu              *menu;
  GSimpleActionGroup *actions;
  char               *word;       /* the word the items are for */
  gsize               word_start; /* its byte offset in the text */
};

G_DEFINE_FINAL_TYPE (RecapSpellEntry, recap_spell_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  RecapSpellEntry *self;
  const char      *text;
  PangoAttrList   *attrs;
} CheckText;

static void
check_word (gsize    start,
            gsize    end,
            gpointer user_data)
{
  CheckText *check = user_data;
  PangoAttribute *underline, *color;

  if (recap_spell_checker_check_word (check->self->checker, check->text + start, end - start))
    return;
  underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
  color = pango_attr_underline_color_new (0xe0e0, 0x1b1b, 0x2424); /* #e01b24, as in the editor */
  underline->start_index = color->start_index = start;
  underline->end_index = color->end_index = end;
  pango_attr_list_insert (check->attrs, underline);
  pango_attr_list_insert (check->attrs, color);
}

static void
recheck (RecapSpellEntry *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  CheckText check = { self };

  if (self->text == NULL)
    return;
  if (self->checker != NULL)
    {
      check.text = gtk_editable_get_text (GTK_EDITABLE (self->text));
      check.attrs = attrs = pango_attr_list_new ();
      recap_spell_scan_text (check.text, -1, FALSE, check_word, &check);
    }
  gtk_text_set_attributes (self->text, attrs);
}

/* Menu */

static void
clear_word (RecapSpellEntry *self)
{
  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->word, g_free);
}

void
recap_spell_entry_update (RecapSpellEntry *self,
                          int              position)
{
  const char *text;
  RecapSpellWordAt find = { 0 };

  g_return_if_fail (RECAP_IS_SPELL_ENTRY (self));

  clear_word (self);
  if (self->text == NULL || self->checker == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  find.index = g_utf8_offset_to_pointer (text, CLAMP (position, 0, (int) g_utf8_strlen (text, -1))) - text;
  recap_spell_scan_text (text, -1, FALSE, recap_spell_word_at_func, &find);
  if (!find.found ||
      recap_spell_checker_check_word (self->checker, text + find.start, find.end - find.start))
    return;
  self->word = g_strndup (text + find.start, find.end - find.start);
  self->word_start = find.start;
  recap_spell_menu_fill_section (self->menu, self->checker, self->word);
}

/* The character under @x, measured on a layout of the text like the one
 * GtkText draws (GTK 4.8 does not give out its own), scrolled as it is. */
static int
position_at (GtkText *text,
             double   x)
{
  const char *string = gtk_editable_get_text (GTK_EDITABLE (text));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (text), string);
  int scroll_offset = 0, index = 0, trailing = 0;

  g_object_get (text, "scroll-offset", &scroll_offset, NULL);
  pango_layout_set_attributes (layout, gtk_text_get_attributes (text));
  pango_layout_xy_to_index (layout, (x + scroll_offset) * PANGO_SCALE, 0, &index, &trailing);
  return g_utf8_pointer_to_offset (string, string + index);
}

static void
text_pressed (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              RecapSpellEntry *self)
{
  if (self->text != NULL)
    recap_spell_entry_update (self, position_at (self->text, x));
}

static gboolean
text_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  RecapSpellEntry       *self)
{
  if (self->text != NULL &&
      (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0)))
    recap_spell_entry_update (self, gtk_editable_get_position (GTK_EDITABLE (self->text)));
  return GDK_EVENT_PROPAGATE;
}

/* The word the items are for, if the text still has it there. */
static gboolean
has_word (RecapSpellEntry *self)
{
  const char *text = self->text ? gtk_editable_get_text (GTK_EDITABLE (self->text)) : NULL;

  return self->word != NULL && text != NULL && strlen (text) >= self->word_start + strlen (self->word) &&
         strncmp (text + self->word_start, self->word, strlen (self->word)) == 0;
}

/* The row around the text that applies it (an AdwEntryRow, a form field
 * row): the first ancestor with an "apply" signal. */
static GtkWidget *
applying_row (RecapSpellEntry *self)
{
  for (GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->text)); row; row = gtk_widget_get_parent (row))
    if (g_signal_lookup ("apply", G_OBJECT_TYPE (row)) != 0)
      return row;
  return NULL;
}

/* As Enter does: an entry row applies its text. A row counts only edits
 * made while its text has the focus; else it is told to apply. */
static void
apply (RecapSpellEntry *self)
{
  GtkWidget *row = applying_row (self);

  if (row == NULL || (gtk_widget_get_state_flags (GTK_WIDGET (self->text)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    gtk_widget_activate (GTK_WIDGET (self->text));
  else
    g_signal_emit_by_name (row, "apply");
}

static void
correct_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RecapSpellEntry *self = user_data;
  const char *text, *correction = g_variant_get_string (parameter, NULL);
  g_autoptr(GString) corrected = NULL;

  if (!has_word (self) || !gtk_editable_get_editable (GTK_EDITABLE (self->text)))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  corrected = g_string_new_len (text, self->word_start);
  g_string_append (corrected, correction);
  g_string_append (corrected, text + self->word_start + strlen (self->word));
  gtk_editable_set_text (GTK_EDITABLE (self->text), corrected->str);
  gtk_editable_set_position (GTK_EDITABLE (self->text),
                             g_utf8_pointer_to_offset (corrected->str, corrected->str + self->word_start) +
                             g_utf8_strlen (correction, -1));
  clear_word (self);
  apply (self);
}

static void
learn (RecapSpellEntry         *self,
       RecapSpellLearnWordFunc  learn_word)
{
  if (has_word (self) && self->checker != NULL)
    learn_word (self->checker, self->word);
  clear_word (self);
}

/* GObject */

static void
set_checker (RecapSpellEntry   *self,
             RecapSpellChecker *checker)
{
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, recheck, self);
  if (!g_set_object (&self->checker, checker))
    return;
  clear_word (self);
  if (checker != NULL)
    g_signal_connect_object (checker, "changed", G_CALLBACK (recheck), self, G_CONNECT_SWAPPED);
  recheck (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

static void
recap_spell_entry_dispose (GObject *object)
{
  RecapSpellEntry *self = RECAP_SPELL_ENTRY (object);

  g_clear_weak_pointer (&self->text);
  set_checker (self, NULL);
  clear_word (self);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (recap_spell_entry_parent_class)->dispose (object);
}

static void
recap_spell_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, RECAP_SPELL_ENTRY (object)->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_spell_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHECKER:
      set_checker (RECAP_SPELL_ENTRY (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_spell_entry_class_init (RecapSpellEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_spell_entry_dispose;
  object_class->get_property = recap_spell_entry_get_property;
  object_class->set_property = recap_spell_entry_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, RECAP_TYPE_SPELL_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_spell_entry_init (RecapSpellEntry *self)
{
  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  recap_spell_menu_add_actions (self->actions, G_CALLBACK (correct_activated),
                                (RecapSpellLearnFunc) learn, self);
}

RecapSpellEntry *
recap_spell_entry_attach (GtkEditable *editable)
{
  RecapSpellEntry *self;
  GtkEditable *delegate;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  /* Entries and entry rows edit through a GtkText. */
  for (delegate = editable; !GTK_IS_TEXT (delegate);)
    {
      delegate = gtk_editable_get_delegate (delegate);
      g_return_val_if_fail (delegate != NULL, NULL);
    }
  self = g_object_new (RECAP_TYPE_SPELL_ENTRY, NULL);
  g_set_weak_pointer (&self->text, GTK_TEXT (delegate));
  g_signal_connect_object (delegate, "changed", G_CALLBACK (recheck), self, G_CONNECT_SWAPPED);
  gtk_text_set_extra_menu (GTK_TEXT (delegate), G_MENU_MODEL (self->menu));
  gtk_widget_insert_action_group (GTK_WIDGET (delegate), "spell-word", G_ACTION_GROUP (self->actions));

  recap_spell_menu_watch_input (GTK_WIDGET (delegate), G_CALLBACK (text_pressed),
                                G_CALLBACK (text_key_pressed), G_OBJECT (self));
  g_object_set_data_full (G_OBJECT (editable), "recap-spell-entry", self, g_object_unref);
  return self;
}
