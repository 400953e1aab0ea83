/* recap-completion.c: suggestions under a text field, from values used across the site
 *
 * GtkEntryCompletion only serves GtkEntry and is deprecated; this works on
 * any GtkEditable (AdwEntryRow, GtkText).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-completion.h"

#include <string.h>

#define MAX_SUGGESTIONS 8

struct _RecapCompletion
{
  GObject      parent_instance;

  GtkEditable *editable;  /* unowned: the completion lives as long as it */
  GtkWidget   *popover;
  GtkListBox  *list;
  GStrv        suggestions;
  gboolean     accepting;
  gboolean     navigated; /* the user moved into the list since the last keystroke */
  RecapCompletionWordFunc word_func; /* NULL: the whole text is completed */
  gpointer     word_data;
  gsize        word_start;
};

G_DEFINE_FINAL_TYPE (RecapCompletion, recap_completion, G_TYPE_OBJECT)

enum {
  ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  MATCH_NONE,
  MATCH_PREFIX,
  MATCH_INSIDE,
} Match;

/* How @suggestion contains what was typed; the same text is no suggestion. */
static Match
match_suggestion (const char *suggestion,
                  const char *typed_folded)
{
  g_autofree char *folded = g_utf8_casefold (suggestion, -1);
  const char *at = strstr (folded, typed_folded);

  if (at == NULL || g_str_equal (folded, typed_folded))
    return MATCH_NONE;
  return at == folded ? MATCH_PREFIX : MATCH_INSIDE;
}

static void
clear_list (RecapCompletion *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* Suggestions that start with what was typed come first, then those that
 * contain it, each in the site's order. */
static guint
fill_list (RecapCompletion *self,
           const char      *typed)
{
  g_autofree char *typed_folded = g_utf8_casefold (typed, -1);
  static const Match passes[] = { MATCH_PREFIX, MATCH_INSIDE };
  guint n = 0;

  clear_list (self);
  for (guint pass = 0; pass < G_N_ELEMENTS (passes); pass++)
    for (guint i = 0; self->suggestions && self->suggestions[i] && n < MAX_SUGGESTIONS; i++)
      if (match_suggestion (self->suggestions[i], typed_folded) == passes[pass])
        {
          GtkWidget *label = gtk_label_new (self->suggestions[i]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_list_box_append (self->list, label);
          n++;
        }
  return n;
}

/* Only typing suggests: text set by the program (a sync from the buffer) does not. */
static gboolean
editable_is_focus (GtkEditable *editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (editable);

  return gtk_widget_is_focus (GTK_WIDGET (delegate ? delegate : editable));
}

static void
text_changed (RecapCompletion *self)
{
  const char *typed = gtk_editable_get_text (self->editable);

  self->word_start = 0;
  if (self->word_func != NULL && !self->accepting &&
      !self->word_func (typed, &self->word_start, self->word_data))
    typed = "";
  typed += self->word_start;
  if (self->accepting || *typed == '\0' || !editable_is_focus (self->editable))
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }
  /* Nothing is selected until the user moves into the list: Enter keeps
   * exactly what was typed. */
  self->navigated = FALSE;
  if (fill_list (self, typed) == 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
accept_row (RecapCompletion *self,
            GtkListBoxRow   *row)
{
  const char *suggestion = gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row)));

  g_autofree char *text = g_strdup_printf ("%.*s%s", (int) self->word_start,
                                           gtk_editable_get_text (self->editable), suggestion);

  self->accepting = TRUE;
  gtk_editable_set_text (self->editable, text);
  gtk_editable_set_position (self->editable, -1);
  self->accepting = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[ACCEPTED], 0, suggestion);
}

static void
move_selection (RecapCompletion *self,
                int              step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) + step : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));

  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      self->navigated = TRUE;
    }
}

/* Up, Down, Enter and Escape act on the suggestions while they show;
 * Enter takes a suggestion only after Up or Down chose one, else it goes
 * on to the field with the typed text. */
static gboolean
key_pressed (RecapCompletion       *self,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkEventControllerKey *controller)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (self->popover))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = self->navigated ? gtk_list_box_get_selected_row (self->list) : NULL;
      if (selected == NULL)
        {
          gtk_popover_popdown (GTK_POPOVER (self->popover));
          return FALSE;
        }
      accept_row (self, selected);
      return TRUE;
    default:
      return FALSE;
    }
}

void
recap_completion_set_suggestions (RecapCompletion    *self,
                                  const char * const *suggestions)
{
  g_return_if_fail (RECAP_IS_COMPLETION (self));

  g_strfreev (self->suggestions);
  self->suggestions = g_strdupv ((GStrv) suggestions);
}

void
recap_completion_set_word_func (RecapCompletion         *self,
                                RecapCompletionWordFunc  func,
                                gpointer                 user_data)
{
  g_return_if_fail (RECAP_IS_COMPLETION (self));

  self->word_func = func;
  self->word_data = user_data;
}

static void
recap_completion_finalize (GObject *object)
{
  RecapCompletion *self = RECAP_COMPLETION (object);

  g_clear_pointer (&self->suggestions, g_strfreev);

  G_OBJECT_CLASS (recap_completion_parent_class)->finalize (object);
}

static void
recap_completion_class_init (RecapCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_completion_finalize;

  /* Emitted with the suggestion the user picked, after it is in the field. */
  signals[ACCEPTED] = g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
recap_completion_init (RecapCompletion *self)
{
}

static void
build_popover (RecapCompletion *self,
               GtkWidget       *anchor)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (accept_row), self);

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->list));
  gtk_widget_add_css_class (self->popover, "menu");
  gtk_widget_set_parent (self->popover, anchor);
}

static void
unparent_popover (gpointer  data,
                  GObject  *anchor)
{
  RecapCompletion *self = data;

  /* The anchor is being finalized; the popover goes with it. */
  self->popover = NULL;
  g_object_unref (self);
}

static void
anchor_destroyed (GtkWidget       *anchor,
                  RecapCompletion *self)
{
  if (self->popover != NULL)
    gtk_widget_unparent (self->popover);
  self->popover = NULL;
}

/* Attaches to @editable, showing the popover under @anchor (often the
 * editable itself). The completion lives as long as @anchor. */
RecapCompletion *
recap_completion_attach (GtkWidget   *anchor,
                         GtkEditable *editable)
{
  RecapCompletion *self;
  GtkEventController *keys;

  g_return_val_if_fail (GTK_IS_WIDGET (anchor), NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  self = g_object_new (RECAP_TYPE_COMPLETION, NULL);
  self->editable = editable;
  build_popover (self, anchor);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (anchor, keys);

  g_signal_connect_object (editable, "changed", G_CALLBACK (text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (anchor, "destroy", G_CALLBACK (anchor_destroyed), self);
  g_object_weak_ref (G_OBJECT (anchor), unparent_popover, self);
  return self;
}
