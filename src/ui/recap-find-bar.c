/* recap-find-bar.c: find and replace in the open post, or find in its preview
 *
 * Owns the find entry, the "3 of 12" counter, the options and the replace
 * row, and the search itself: a GtkSourceSearchContext on the source
 * view's buffer (all matches highlighted while the bar is open), or, in the
 * preview-only layout, the preview's WebKitFindController. Modelled on
 * GNOME Text Editor's search bar; replacing only ever edits the buffer.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "recap-find-bar.h"

#include "recap-a11y.h"

/* WebKit counts matches up to this many. */
#define PREVIEW_MAX_MATCHES 1000
/* A longer selection is not what the user wants to find. */
#define PREFILL_MAX_CHARS 200

struct _RecapFindBar
{
  GtkWidget                parent_instance;

  GtkTextView             *view;
  GSignalGroup            *view_signals;
  GSignalGroup            *buffer_signals;
  WebKitWebView           *web_view;
  GSignalGroup            *finder_signals;
  GSignalGroup            *web_view_signals;
  gboolean                 in_preview;

  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;      /* while the bar is open on the text */
  RecapFrontMatterFold    *fold;
  GtkSourceBuffer         *hidden_copy;  /* the text the fold hides, searched */
  GtkSourceSearchContext  *hidden_context;
  guint                    hidden_source; /* searching it, once the context found nothing */
  gboolean                 moving_forward;
  int                      start_offset; /* the cursor when the search began */
  gboolean                 select_first; /* select the first match once counted */
  int                      preview_position;
  int                      preview_count; /* -1 while WebKit counts */

  GtkSearchBar            *search_bar;
  GtkSearchEntry          *find_entry;
  GtkLabel                *counter;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
  GtkWidget               *replace_buttons;
  GtkCheckButton          *case_check;
  GtkCheckButton          *words_check;
  GtkCheckButton          *regex_check;
};

G_DEFINE_FINAL_TYPE (RecapFindBar, recap_find_bar, GTK_TYPE_WIDGET)

static GtkTextBuffer *
get_buffer (RecapFindBar *self)
{
  return self->context ? GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context)) : NULL;
}

/* "3 of 12", 0 before the first move; nothing while counting. */
static void
update_counter (RecapFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *label = NULL;
  int count = -1;
  int position = 0;
  GtkTextIter begin, end;

  if (self->in_preview)
    {
      count = self->preview_count;
      position = self->preview_position;
    }
  else if (self->context != NULL)
    {
      count = gtk_source_search_context_get_occurrences_count (self->context);
      if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &begin, &end))
        position = gtk_source_search_context_get_occurrence_position (self->context, &begin, &end);
    }

  if (*text == '\0' || count < 0)
    label = g_strdup ("");
  else if (count == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: the match at the cursor, and how many there are */
    label = g_strdup_printf (_("%d of %d"), MAX (position, 0), count);
  gtk_label_set_text (self->counter, label);
  if (*text != '\0' && count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
select_match (RecapFindBar *self,
              GtkTextIter  *begin,
              GtkTextIter  *end)
{
  GtkTextBuffer *buffer = get_buffer (self);

  gtk_text_buffer_select_range (buffer, begin, end);
  gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (buffer), 0.25, FALSE, 0, 0);
  update_counter (self);
}

static void attach_context (RecapFindBar *self);

/* GtkSourceSearchContext skips text the view hides (it searches with
 * GTK_TEXT_SEARCH_VISIBLE_ONLY), so a word of the folded front matter had
 * "No matches". When nothing shown matches, or a move wraps around, the
 * hidden text (at the top) is searched in a copy, with the same settings;
 * its @first match (else its last) is selected, which opens the fold, and
 * a new context counts what it shows. */
static gboolean
select_hidden_match (RecapFindBar *self,
                     gboolean      first)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextBuffer *copy;
  GtkTextIter start, end, from, match_start, match_end;
  g_autofree char *hidden = NULL;

  if (self->fold == NULL || !recap_front_matter_fold_get_hidden_end (self->fold, &end))
    return FALSE;
  gtk_text_buffer_get_start_iter (buffer, &start);
  hidden = gtk_text_iter_get_slice (&start, &end);
  if (self->hidden_copy == NULL)
    {
      self->hidden_copy = gtk_source_buffer_new (NULL);
      self->hidden_context = gtk_source_search_context_new (self->hidden_copy, self->settings);
    }
  copy = GTK_TEXT_BUFFER (self->hidden_copy);
  gtk_text_buffer_set_text (copy, hidden, -1);
  if (first)
    gtk_text_buffer_get_start_iter (copy, &from);
  else
    gtk_text_buffer_get_end_iter (copy, &from);
  if (first ? !gtk_source_search_context_forward (self->hidden_context, &from, &match_start, &match_end, NULL)
            : !gtk_source_search_context_backward (self->hidden_context, &from, &match_start, &match_end, NULL))
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, gtk_text_iter_get_offset (&match_start));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, gtk_text_iter_get_offset (&match_end));
  select_match (self, &start, &end);
  attach_context (self);
  return TRUE;
}

static gboolean
search_hidden_text (gpointer user_data)
{
  RecapFindBar *self = user_data;

  self->hidden_source = 0;
  select_hidden_match (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Once the context has counted the matches, the first one from where the
 * search began is selected, as the user types. Not while the entry's own
 * text is selected, as it is just after opening: there is one selection at
 * a time (X11's PRIMARY), so selecting in the post unselected the entry,
 * and what was typed next went in front of the old text ("talstickers"). */
static void
occurrences_counted (RecapFindBar *self)
{
  GtkTextIter from, begin, end;
  int count = gtk_source_search_context_get_occurrences_count (self->context);
  gboolean entry_selected = gtk_editable_get_selection_bounds (GTK_EDITABLE (self->find_entry), NULL, NULL);

  if (self->select_first && count > 0)
    {
      self->select_first = FALSE;
      gtk_text_buffer_get_iter_at_offset (get_buffer (self), &from, self->start_offset);
      if (!entry_selected && gtk_source_search_context_forward (self->context, &from, &begin, &end, NULL))
        select_match (self, &begin, &end);
    }
  else if (self->select_first && count == 0 && !entry_selected && self->fold != NULL &&
           gtk_source_search_settings_get_search_text (self->settings) != NULL)
    {
      self->select_first = FALSE;
      /* Not in this notify: a new context replaces the one emitting it. */
      g_clear_handle_id (&self->hidden_source, g_source_remove);
      self->hidden_source = g_idle_add (search_hidden_text, self);
    }
  update_counter (self);
}

static void
regex_error_changed (RecapFindBar *self)
{
  GError *error = self->context ? gtk_source_search_context_get_regex_error (self->context) : NULL;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->find_entry), error ? error->message : NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    update_counter (self);
}

static void
detach_context (RecapFindBar *self)
{
  g_signal_group_set_target (self->buffer_signals, NULL);
  g_clear_handle_id (&self->hidden_source, g_source_remove);
  g_clear_object (&self->context);
}

/* Searches the view's buffer from its cursor. */
static void
attach_context (RecapFindBar *self)
{
  GtkTextBuffer *buffer = self->view ? gtk_text_view_get_buffer (self->view) : NULL;
  GtkTextIter begin, end;

  detach_context (self);
  if (!GTK_SOURCE_IS_BUFFER (buffer) || self->in_preview || !recap_find_bar_get_open (self))
    return;

  gtk_text_buffer_get_selection_bounds (buffer, &begin, &end);
  self->start_offset = gtk_text_iter_get_offset (&begin);
  self->select_first = TRUE;
  self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), self->settings);
  g_signal_connect_object (self->context, "notify::occurrences-count",
                           G_CALLBACK (occurrences_counted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::regex-error",
                           G_CALLBACK (regex_error_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_set_target (self->buffer_signals, buffer);
  update_counter (self);
}

static WebKitFindOptions
preview_options (RecapFindBar *self)
{
  WebKitFindOptions options = WEBKIT_FIND_OPTIONS_WRAP_AROUND;

  if (!gtk_check_button_get_active (self->case_check))
    options |= WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE;
  if (gtk_check_button_get_active (self->words_check))
    options |= WEBKIT_FIND_OPTIONS_AT_WORD_STARTS;
  return options;
}

static void
search_preview (RecapFindBar *self)
{
  WebKitFindController *finder = webkit_web_view_get_find_controller (self->web_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  self->preview_position = 0;
  self->preview_count = -1;
  if (*text == '\0' || !recap_find_bar_get_open (self))
    webkit_find_controller_search_finish (finder);
  else
    webkit_find_controller_search (finder, text, preview_options (self), PREVIEW_MAX_MATCHES);
  update_counter (self);
}

static void
preview_found (RecapFindBar *self,
               guint         count)
{
  self->preview_count = count;
  self->preview_position = CLAMP (self->preview_position, 1, (int) count);
  update_counter (self);
}

/* A page loaded anew (another post, a reload) lost WebKit's matches. */
static void
preview_loaded (RecapFindBar    *self,
                WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED && self->in_preview && recap_find_bar_get_open (self))
    search_preview (self);
}

static void
preview_not_found (RecapFindBar *self)
{
  self->preview_count = 0;
  self->preview_position = 0;
  update_counter (self);
}

/* Text or options changed: search again, from where the search began. */
static void
search_again (RecapFindBar *self)
{
  if (self->in_preview && self->web_view != NULL)
    search_preview (self);
  else
    {
      self->select_first = TRUE;
      update_counter (self);
    }
}

static void
find_text_changed (RecapFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  /* The settings' notify searches again. */
  gtk_source_search_settings_set_search_text (self->settings, *text ? text : NULL);
}

/* Replacing needs an editable text, not the preview. */
static void
update_replace_sensitive (RecapFindBar *self)
{
  gboolean can_replace = !self->in_preview && self->view != NULL && gtk_text_view_get_editable (self->view);

  if (!can_replace)
    gtk_toggle_button_set_active (self->replace_toggle, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->replace_toggle), can_replace);
}

static void
search_mode_changed (RecapFindBar *self)
{
  if (recap_find_bar_get_open (self))
    return;
  /* Closed by Escape, the close button or the pane: highlights go, the
   * text gets the focus back. */
  detach_context (self);
  if (self->web_view != NULL)
    search_preview (self);
  if (self->in_preview && self->web_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
  else if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
in_find_entry (RecapFindBar *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->find_entry));
}

/* The search bar's revealer maps its content only at the second frame of
 * its slide, and GTK gives key events only to mapped widgets: text typed at
 * once after Ctrl+F was lost ("python" came out as "ython"). Until then the
 * key goes to the entry's text here, through its input method. */
static gboolean
forward_to_unmapped_entry (RecapFindBar          *self,
                           GtkEventControllerKey *controller)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->find_entry)));

  return gtk_widget_has_focus (text) && !gtk_widget_get_mapped (text) &&
         gtk_event_controller_key_forward (controller, text);
}

/* Escape closes the bar from any of its widgets (before an entry takes it
 * to drop its selection); in the find entry Enter goes to the next match
 * and Shift+Enter back, as in browsers. Taken here, before the entry's
 * text: its "activate" was seen missing the key after the preview had
 * the focus. */
static gboolean
key_pressed (RecapFindBar          *self,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;

  if (keyval == GDK_KEY_Escape && modifiers == 0)
    recap_find_bar_close (self);
  else if (enter && modifiers == 0 && in_find_entry (self))
    recap_find_bar_next (self);
  else if (enter && modifiers == GDK_SHIFT_MASK && in_find_entry (self))
    recap_find_bar_previous (self);
  else
    return forward_to_unmapped_entry (self, controller);
  return TRUE;
}

static void
moved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(RecapFindBar) self = user_data;
  GtkSourceSearchContext *context = GTK_SOURCE_SEARCH_CONTEXT (object);
  GtkTextIter begin, end;
  gboolean found, wrapped = FALSE;

  /* forward_finish() and backward_finish() are the same, the direction aside. */
  found = gtk_source_search_context_forward_finish (context, result, &begin, &end, &wrapped, NULL);
  if (context != self->context || ((!found || wrapped) && select_hidden_match (self, self->moving_forward)))
    return;
  if (found)
    select_match (self, &begin, &end);
}

static void
move (RecapFindBar *self,
      gboolean      forward)
{
  GtkTextIter begin, end;

  if (self->context == NULL)
    return;
  self->select_first = FALSE;
  self->moving_forward = forward;
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &begin, &end);
  if (forward)
    gtk_source_search_context_forward_async (self->context, &end, NULL, moved, g_object_ref (self));
  else
    gtk_source_search_context_backward_async (self->context, &begin, NULL, moved, g_object_ref (self));
}

static void
move_preview (RecapFindBar *self,
              gboolean      forward)
{
  WebKitFindController *finder = webkit_web_view_get_find_controller (self->web_view);

  if (self->preview_count <= 0)
    return;
  if (forward)
    {
      self->preview_position = self->preview_position % self->preview_count + 1;
      webkit_find_controller_search_next (finder);
    }
  else
    {
      self->preview_position = self->preview_position > 1 ? self->preview_position - 1 : self->preview_count;
      webkit_find_controller_search_previous (finder);
    }
  update_counter (self);
}

static void
recap_find_bar_dispose (GObject *object)
{
  RecapFindBar *self = RECAP_FIND_BAR (object);

  detach_context (self);
  g_clear_object (&self->hidden_context);
  g_clear_object (&self->hidden_copy);
  g_clear_object (&self->fold);
  g_clear_object (&self->view_signals);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->finder_signals);
  g_clear_object (&self->web_view_signals);
  g_clear_object (&self->view);
  g_clear_object (&self->web_view);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_FIND_BAR);

  G_OBJECT_CLASS (recap_find_bar_parent_class)->dispose (object);
}

static void
recap_find_bar_class_init (RecapFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_find_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, find_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, counter);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, replace_buttons);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, case_check);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, words_check);
  gtk_widget_class_bind_template_child (widget_class, RecapFindBar, regex_check);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, find_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, recap_find_bar_next);
  gtk_widget_class_bind_template_callback (widget_class, recap_find_bar_previous);
  gtk_widget_class_bind_template_callback (widget_class, recap_find_bar_close);
  gtk_widget_class_bind_template_callback (widget_class, recap_find_bar_replace);
  gtk_widget_class_bind_template_callback (widget_class, recap_find_bar_replace_all);
}

static void
bind_options (RecapFindBar *self)
{
  GBindingFlags flags = G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL;

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->case_check, "active", self->settings, "case-sensitive", flags);
  g_object_bind_property (self->words_check, "active", self->settings, "at-word-boundaries", flags);
  g_object_bind_property (self->regex_check, "active", self->settings, "regex-enabled", flags);
  g_signal_connect_object (self->settings, "notify", G_CALLBACK (search_again), self, G_CONNECT_SWAPPED);
}

static void
recap_find_bar_init (RecapFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  recap_a11y_name_search_bar_close (self->search_bar, _("Close the Find Bar"));
  bind_options (self);

  self->view_signals = g_signal_group_new (GTK_TYPE_TEXT_VIEW);
  g_signal_group_connect_object (self->view_signals, "notify::buffer",
                                 G_CALLBACK (attach_context), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::editable",
                                 G_CALLBACK (update_replace_sensitive), self, G_CONNECT_SWAPPED);
  /* The selection moved: the counter's position with it. */
  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "notify::has-selection",
                                 G_CALLBACK (update_counter), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->buffer_signals, "notify::cursor-position",
                                 G_CALLBACK (update_counter), self, G_CONNECT_SWAPPED);
  self->finder_signals = g_signal_group_new (WEBKIT_TYPE_FIND_CONTROLLER);
  g_signal_group_connect_object (self->finder_signals, "found-text",
                                 G_CALLBACK (preview_found), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->finder_signals, "failed-to-find-text",
                                 G_CALLBACK (preview_not_found), self, G_CONNECT_SWAPPED);
  self->web_view_signals = g_signal_group_new (WEBKIT_TYPE_WEB_VIEW);
  g_signal_group_connect_object (self->web_view_signals, "load-changed",
                                 G_CALLBACK (preview_loaded), self, G_CONNECT_SWAPPED);
  self->preview_count = -1;
}

/* Public API */

void
recap_find_bar_set_view (RecapFindBar *self,
                         GtkTextView  *view)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  g_set_object (&self->view, view);
  g_signal_group_set_target (self->view_signals, view);
  update_replace_sensitive (self);
  attach_context (self);
}

void
recap_find_bar_set_fold (RecapFindBar         *self,
                         RecapFrontMatterFold *fold)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  g_return_if_fail (fold == NULL || RECAP_IS_FRONT_MATTER_FOLD (fold));

  g_set_object (&self->fold, fold);
}

void
recap_find_bar_set_web_view (RecapFindBar  *self,
                             WebKitWebView *web_view)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  g_set_object (&self->web_view, web_view);
  g_signal_group_set_target (self->web_view_signals, web_view);
  g_signal_group_set_target (self->finder_signals, webkit_web_view_get_find_controller (web_view));
}

void
recap_find_bar_set_in_preview (RecapFindBar *self,
                               gboolean      in_preview)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));

  if (self->in_preview == !!in_preview)
    return;
  self->in_preview = !!in_preview;
  /* WebKit has no regular expressions. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->regex_check), !in_preview);
  update_replace_sensitive (self);
  attach_context (self);
  if (self->web_view != NULL)
    search_preview (self);
}

gboolean
recap_find_bar_get_open (RecapFindBar *self)
{
  g_return_val_if_fail (RECAP_IS_FIND_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

/* The selection, when it is a short piece of one line. */
static char *
dup_selected_text (RecapFindBar *self)
{
  GtkTextBuffer *buffer = self->view ? gtk_text_view_get_buffer (self->view) : NULL;
  GtkTextIter begin, end;

  if (self->in_preview || buffer == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &begin, &end) ||
      gtk_text_iter_get_line (&begin) != gtk_text_iter_get_line (&end) ||
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&begin) > PREFILL_MAX_CHARS)
    return NULL;
  return gtk_text_iter_get_slice (&begin, &end);
}

/* GtkSearchBar's revealer shows its content, and so realizes it, only at
 * its first frame, and GTK drops every key event whose focus widget has an
 * unrealized ancestor: keys typed at once after Ctrl+F were lost when that
 * frame came late, the main loop busy (seen under load: Ctrl+G after two
 * Enters went nowhere, the bar's box still unrealized). */
static void
realize_find_entry (RecapFindBar *self)
{
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    gtk_widget_realize (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->find_entry))));
}

void
recap_find_bar_open (RecapFindBar *self,
                     gboolean      replace)
{
  g_autofree char *selected = NULL;
  gboolean was_open;

  g_return_if_fail (RECAP_IS_FIND_BAR (self));

  selected = dup_selected_text (self);
  was_open = recap_find_bar_get_open (self);
  if (selected != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);
  /* Selected before the entry takes the focus (the search bar gives it):
   * a realized GtkText that takes the focus with no selection starts
   * blinking its cursor, and warns once the selection comes. */
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
  realize_find_entry (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->replace_toggle)))
    gtk_toggle_button_set_active (self->replace_toggle, replace);
  if (!was_open)
    {
      attach_context (self);
      if (self->in_preview && self->web_view != NULL)
        search_preview (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

void
recap_find_bar_close (RecapFindBar *self)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
step (RecapFindBar *self,
      gboolean      forward)
{
  if (self->in_preview && self->web_view != NULL)
    move_preview (self, forward);
  else
    move (self, forward);
}

void
recap_find_bar_next (RecapFindBar *self)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  step (self, TRUE);
}

void
recap_find_bar_previous (RecapFindBar *self)
{
  g_return_if_fail (RECAP_IS_FIND_BAR (self));
  step (self, FALSE);
}

void
recap_find_bar_replace (RecapFindBar *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextIter begin, end;

  g_return_if_fail (RECAP_IS_FIND_BAR (self));

  if (self->context == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->replace_toggle)))
    return;
  /* Only a selected match is replaced; else the first Replace selects one. */
  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &begin, &end) &&
      gtk_source_search_context_get_occurrence_position (self->context, &begin, &end) > 0)
    {
      if (!gtk_source_search_context_replace (self->context, &begin, &end,
                                              gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), -1,
                                              &error))
        {
          g_debug ("Could not replace: %s", error->message);
          return;
        }
      gtk_text_buffer_select_range (get_buffer (self), &end, &end);
    }
  move (self, TRUE);
}

void
recap_find_bar_replace_all (RecapFindBar *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RECAP_IS_FIND_BAR (self));

  if (self->context == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->replace_toggle)))
    return;
  /* One user action inside: one undo step. */
  if (!gtk_source_search_context_replace_all (self->context,
                                              gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), -1,
                                              &error))
    g_debug ("Could not replace: %s", error->message);
}
