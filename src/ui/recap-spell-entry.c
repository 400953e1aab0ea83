/* recap-spell-entry.c: misspellings of a one-line text field underlined
 *
 * A title is a few words: the whole text is checked when it changes, and
 * the misspellings become error underlines in the GtkText's attributes
 * (GtkText has no text tags).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-spell-entry.h"
#include "recap-spell-text.h"

struct _RecapSpellEntry
{
  GObject            parent_instance;

  GtkText           *text;    /* weak: the field owns the checker */
  RecapSpellChecker *checker;
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

static void
set_checker (RecapSpellEntry   *self,
             RecapSpellChecker *checker)
{
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, recheck, self);
  if (!g_set_object (&self->checker, checker))
    return;
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
  g_object_set_data_full (G_OBJECT (editable), "recap-spell-entry", self, g_object_unref);
  return self;
}
