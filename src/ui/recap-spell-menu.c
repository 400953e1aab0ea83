/* recap-spell-menu.c: spelling items in a text view's context menu
 *
 * The view's extra menu holds a section that a right click (or the Menu
 * key) fills for the misspelled word there: up to five corrections, "Add
 * to Dictionary" and "Ignore", acting through the "spell-word" actions on
 * the view. GNOME Text Editor 43's EditorSpellMenu is the model.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "recap-spell-menu.h"

#define MAX_CORRECTIONS 5

struct _RecapSpellMenu
{
  GObject             parent_instance;

  GtkTextView        *view;     /* weak: the view owns the menu */
  RecapSpellAdapter  *adapter;
  GMenu              *menu;
  GMenu              *word_section;
  GSimpleActionGroup *actions;
  GtkTextMark        *word_start; /* the word the items are for */
  GtkTextMark        *word_end;
};

G_DEFINE_FINAL_TYPE (RecapSpellMenu, recap_spell_menu, G_TYPE_OBJECT)

static void
clear_word (RecapSpellMenu *self)
{
  g_menu_remove_all (self->word_section);
  if (self->word_start != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_mark_get_buffer (self->word_start);

      if (buffer != NULL)
        {
          gtk_text_buffer_delete_mark (buffer, self->word_start);
          gtk_text_buffer_delete_mark (buffer, self->word_end);
        }
    }
  g_clear_object (&self->word_start);
  g_clear_object (&self->word_end);
}

/* The word the items are for, if it is still there. */
static char *
dup_word (RecapSpellMenu *self,
          GtkTextIter    *start,
          GtkTextIter    *end)
{
  GtkTextBuffer *buffer;

  if (self->word_start == NULL || (buffer = gtk_text_mark_get_buffer (self->word_start)) == NULL)
    return NULL;
  gtk_text_buffer_get_iter_at_mark (buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, self->word_end);
  return gtk_text_iter_get_slice (start, end);
}

void
recap_spell_menu_fill_section (GMenu             *section,
                               RecapSpellChecker *checker,
                               const char        *word)
{
  g_auto(GStrv) corrections = recap_spell_checker_suggest (checker, word, strlen (word));
  g_autoptr(GMenu) corrections_section = g_menu_new ();
  g_autoptr(GMenu) learn_section = g_menu_new ();

  for (guint i = 0; corrections[i] != NULL && i < MAX_CORRECTIONS; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (corrections[i], NULL);

      g_menu_item_set_action_and_target (item, "spell-word.correct", "s", corrections[i]);
      g_menu_append_item (corrections_section, item);
    }
  if (corrections[0] == NULL)
    g_menu_append (corrections_section, _("No Suggestions"), "spell-word.none");
  g_menu_append (learn_section, _("Add to Dictionary"), "spell-word.add");
  g_menu_append (learn_section, _("Ignore"), "spell-word.ignore");
  g_menu_append_section (section, NULL, G_MENU_MODEL (corrections_section));
  g_menu_append_section (section, NULL, G_MENU_MODEL (learn_section));
}

void
recap_spell_menu_update (RecapSpellMenu    *self,
                         const GtkTextIter *iter)
{
  RecapSpellChecker *checker;
  GtkTextIter start, end;
  g_autofree char *word = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (RECAP_IS_SPELL_MENU (self));

  clear_word (self);
  if (self->adapter == NULL || (checker = recap_spell_adapter_get_checker (self->adapter)) == NULL ||
      !recap_spell_adapter_get_word_at (self->adapter, iter, &start, &end))
    return;
  word = gtk_text_iter_get_slice (&start, &end);
  if (recap_spell_checker_check_word (checker, word, strlen (word)))
    return;
  buffer = gtk_text_iter_get_buffer (&start);
  self->word_start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
  self->word_end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE));
  recap_spell_menu_fill_section (self->word_section, checker, word);
}

/* Input */

/* A right click outside the selection moves the cursor there first, as in
 * GNOME Text Editor, so the menu's Cut/Copy/Paste act where it opened. */
static void
place_cursor_outside_selection (GtkTextBuffer     *buffer,
                                const GtkTextIter *iter)
{
  GtkTextIter start, end;

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_in_range (iter, &start, &end))
    return;
  gtk_text_buffer_place_cursor (buffer, iter);
}

static void
view_pressed (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              RecapSpellMenu  *self)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);
  place_cursor_outside_selection (gtk_text_view_get_buffer (self->view), &iter);
  recap_spell_menu_update (self, &iter);
}

static gboolean
view_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  RecapSpellMenu        *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter iter;

  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      recap_spell_menu_update (self, &iter);
    }
  return GDK_EVENT_PROPAGATE;
}

/* Actions */

static void
correct_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RecapSpellMenu *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = dup_word (self, &start, &end);
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (&start);

  if (word == NULL || !gtk_text_view_get_editable (self->view))
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
  clear_word (self);
}

static void
learn (RecapSpellMenu          *self,
       RecapSpellLearnWordFunc  learn_word)
{
  GtkTextIter start, end;
  g_autofree char *word = dup_word (self, &start, &end);
  RecapSpellChecker *checker = self->adapter ? recap_spell_adapter_get_checker (self->adapter) : NULL;

  if (word != NULL && word[0] != '\0' && checker != NULL)
    learn_word (checker, word);
  clear_word (self);
}

/* GObject */

typedef struct
{
  RecapSpellLearnFunc learn;
  gpointer            owner;
} Learner;

static void
add_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Learner *learner = user_data;

  learner->learn (learner->owner, recap_spell_checker_add_word);
}

static void
ignore_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Learner *learner = user_data;

  learner->learn (learner->owner, recap_spell_checker_ignore_word);
}

void
recap_spell_menu_add_actions (GSimpleActionGroup  *group,
                              GCallback            correct,
                              RecapSpellLearnFunc  learn,
                              gpointer             owner)
{
  static const GActionEntry learn_actions[] = {
    { .name = "add", .activate = add_activated },
    { .name = "ignore", .activate = ignore_activated },
    { .name = "none" },
  };
  Learner *learner = g_new (Learner, 1);
  g_autoptr(GSimpleAction) correct_action = g_simple_action_new ("correct", G_VARIANT_TYPE_STRING);
  GAction *none;

  *learner = (Learner) { learn, owner };
  g_object_set_data_full (G_OBJECT (group), "recap-spell-learner", learner, g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (group), learn_actions, G_N_ELEMENTS (learn_actions), learner);
  g_signal_connect (correct_action, "activate", correct, owner);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (correct_action));
  /* "No Suggestions" is a label, shown greyed out. */
  none = g_action_map_lookup_action (G_ACTION_MAP (group), "none");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (none), FALSE);
}

static void
recap_spell_menu_finalize (GObject *object)
{
  RecapSpellMenu *self = RECAP_SPELL_MENU (object);

  clear_word (self);
  g_clear_object (&self->adapter);
  g_clear_object (&self->menu);
  g_clear_object (&self->word_section);
  g_clear_object (&self->actions);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (recap_spell_menu_parent_class)->finalize (object);
}

static void
recap_spell_menu_class_init (RecapSpellMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_spell_menu_finalize;
}

static void
recap_spell_menu_init (RecapSpellMenu *self)
{
  self->menu = g_menu_new ();
  self->word_section = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  recap_spell_menu_add_actions (self->actions, G_CALLBACK (correct_activated),
                                (RecapSpellLearnFunc) learn, self);
}

/* Public API */

void
recap_spell_menu_watch_input (GtkWidget *widget,
                              GCallback  pressed,
                              GCallback  key_pressed,
                              GObject   *owner)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the widget's own handlers, which pop the menu up. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", pressed, owner, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", key_pressed, owner, 0);
  gtk_widget_add_controller (widget, keys);
}

RecapSpellMenu *
recap_spell_menu_attach (GtkTextView *view,
                         GMenuModel  *extra)
{
  RecapSpellMenu *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (RECAP_TYPE_SPELL_MENU, NULL);
  g_set_weak_pointer (&self->view, view);
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->word_section));
  if (extra != NULL)
    g_menu_append_section (self->menu, NULL, extra);
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell-word", G_ACTION_GROUP (self->actions));

  recap_spell_menu_watch_input (GTK_WIDGET (view), G_CALLBACK (view_pressed),
                                G_CALLBACK (view_key_pressed), G_OBJECT (self));

  g_object_set_data_full (G_OBJECT (view), "recap-spell-menu", self, g_object_unref);
  return self;
}

void
recap_spell_menu_set_adapter (RecapSpellMenu    *self,
                              RecapSpellAdapter *adapter)
{
  g_return_if_fail (RECAP_IS_SPELL_MENU (self));
  g_return_if_fail (!adapter || RECAP_IS_SPELL_ADAPTER (adapter));

  clear_word (self);
  g_set_object (&self->adapter, adapter);
}
