/* recap-spell-adapter.c: misspellings of a text buffer underlined
 *
 * Keeps, per line of the buffer, the scanner state at its start (see
 * recap-spell-text.h) and whether its words were checked. An edit marks
 * the lines it touched; a GtkSourceScheduler callback then checks lines
 * until its deadline, the lines in view first, so that typing never waits
 * for the checker. A line's state is worked out from the line before; when
 * it comes out as before the edit, the lines after it keep theirs. GNOME
 * Text Editor 43's EditorTextBufferSpellAdapter is the model, with lines
 * instead of a text region because the scanner's state is per line. As
 * there, the word being typed at the cursor is not underlined until the
 * cursor leaves it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gtksourceview/gtksource.h>

#include "recap-spell-adapter.h"
#include "recap-spell-text.h"

#define NONE G_MAXUINT

typedef enum {
  LINE_CHECKED = 1 << 0, /* its words were checked with its current state */
  LINE_DIRTY   = 1 << 1, /* its state may be stale: work it out again */
} LineFlags;

typedef struct
{
  RecapSpellState state;
  guint8          flags;
} LineInfo;

struct _RecapSpellAdapter
{
  GObject            parent_instance;

  GtkTextBuffer     *buffer;
  GSignalGroup      *buffer_signals;
  GtkTextView       *view;       /* weak */
  GSignalGroup      *scroll_signals;
  RecapSpellChecker *checker;
  gulong             checker_changed;
  GtkTextTag        *tag;

  GArray            *lines;      /* of LineInfo, one per buffer line while checking */
  guint              first_dirty; /* no line before it is dirty, or NONE */
  guint              first_unchecked; /* no line before it is unchecked */
  guint              edit_line;  /* where the edit in progress starts */
  guint              edit_end_line;
  gboolean           typing;     /* the last edit was at the cursor, which has not moved since */
  guint              cursor_line; /* where the cursor was then */
  gsize              update_source;
  gboolean           document;
};

G_DEFINE_FINAL_TYPE (RecapSpellAdapter, recap_spell_adapter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_update (RecapSpellAdapter *self);

/* Line bookkeeping */

static LineInfo *
line_info (RecapSpellAdapter *self,
           guint              line)
{
  return &g_array_index (self->lines, LineInfo, line);
}

static void
mark_dirty (RecapSpellAdapter *self,
            guint              line)
{
  if (line == 0 || line >= self->lines->len)
    return; /* the first line's state is always the initial one */
  line_info (self, line)->flags |= LINE_DIRTY;
  self->first_dirty = MIN (self->first_dirty, line);
}

static void
mark_unchecked (RecapSpellAdapter *self,
                guint              line)
{
  if (line >= self->lines->len)
    return;
  line_info (self, line)->flags &= ~LINE_CHECKED;
  self->first_unchecked = MIN (self->first_unchecked, line);
}

/* Every line unchecked, with states to work out: a new checker or text. */
static void
reset_lines (RecapSpellAdapter *self)
{
  LineInfo info = { .flags = LINE_DIRTY };
  guint n = gtk_text_buffer_get_line_count (self->buffer);

  g_array_set_size (self->lines, 0);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->lines, info);
  recap_spell_state_init (&line_info (self, 0)->state, self->document);
  line_info (self, 0)->flags = 0;
  self->first_dirty = n > 1 ? 1 : NONE;
  self->first_unchecked = 0;
}

static guint
next_flagged (RecapSpellAdapter *self,
              guint              from,
              guint              to,
              guint8             flag,
              gboolean           set)
{
  for (guint i = from; i < MIN (to, self->lines->len); i++)
    if (((line_info (self, i)->flags & flag) != 0) == set)
      return i;
  return NONE;
}

/* Checking a line */

typedef struct
{
  RecapSpellAdapter *self;
  const char        *text;
  GtkTextIter        line_start;
  gsize              cursor;     /* line index of the word being typed, or G_MAXSIZE */
} CheckLine;

static void
check_word (gsize    start,
            gsize    end,
            gpointer user_data)
{
  CheckLine *check = user_data;
  GtkTextIter word_start = check->line_start, word_end = check->line_start;

  if ((check->cursor >= start && check->cursor <= end) ||
      recap_spell_checker_check_word (check->self->checker, check->text + start, end - start))
    return;
  gtk_text_iter_set_line_index (&word_start, start);
  gtk_text_iter_set_line_index (&word_end, end);
  gtk_text_buffer_apply_tag (check->self->buffer, check->self->tag, &word_start, &word_end);
}

/* The text of @line without its line break, as bytes that match line indexes. */
static char *
line_text (RecapSpellAdapter *self,
           guint              line,
           GtkTextIter       *start,
           GtkTextIter       *end)
{
  gtk_text_buffer_get_iter_at_line (self->buffer, start, line);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  return gtk_text_iter_get_slice (start, end);
}

/* Gives the state after @line to the next line, which is then not dirty. */
static void
pass_state (RecapSpellAdapter     *self,
            guint                  line,
            const RecapSpellState *state)
{
  LineInfo *next;

  if (line + 1 >= self->lines->len)
    return;
  next = line_info (self, line + 1);
  if (memcmp (&next->state, state, sizeof *state) != 0)
    {
      next->state = *state;
      mark_unchecked (self, line + 1);
      mark_dirty (self, line + 2);
    }
  next->flags &= ~LINE_DIRTY;
  if (self->first_dirty <= line + 1)
    self->first_dirty = next_flagged (self, line + 1, self->lines->len, LINE_DIRTY, TRUE);
}

/* Scans @line (whose state is known), underlining its misspellings when
 * @check, and passes its end state on. */
static void
process_line (RecapSpellAdapter *self,
              guint              line,
              gboolean           check)
{
  CheckLine data = { self, .cursor = G_MAXSIZE };
  RecapSpellState state = line_info (self, line)->state;
  GtkTextIter end, cursor;
  g_autofree char *text = line_text (self, line, &data.line_start, &end);

  data.text = text;
  if (self->typing && line == self->cursor_line)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
      data.cursor = gtk_text_iter_get_line_index (&cursor);
    }
  if (check)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &data.line_start, &end);
      line_info (self, line)->flags |= LINE_CHECKED;
    }
  recap_spell_scan_line (&state, text, strlen (text), check ? check_word : NULL, &data);
  pass_state (self, line, &state);
}

/* The lines in view, and as many again above and below; all without a view. */
static void
priority_range (RecapSpellAdapter *self,
                guint             *first,
                guint             *last)
{
  GdkRectangle rect;
  GtkTextIter iter;
  guint top, bottom, span;

  *first = 0;
  *last = self->lines->len - 1;
  if (self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;
  gtk_text_view_get_visible_rect (self->view, &rect);
  gtk_text_view_get_line_at_y (self->view, &iter, rect.y, NULL);
  top = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (self->view, &iter, rect.y + rect.height, NULL);
  bottom = gtk_text_iter_get_line (&iter);
  span = bottom - top + 1;
  *first = top > span ? top - span : 0;
  *last = MIN (bottom + span, *last);
}

/* One line's work; FALSE when nothing is left. */
static gboolean
step (RecapSpellAdapter *self,
      guint              first,
      guint              last)
{
  guint target = next_flagged (self, first, last + 1, LINE_CHECKED, FALSE);

  if (target == NONE)
    {
      self->first_unchecked = next_flagged (self, self->first_unchecked, self->lines->len, LINE_CHECKED, FALSE);
      target = self->first_unchecked;
    }
  if (target == NONE && self->first_dirty == NONE)
    return FALSE;
  if (self->first_dirty != NONE && (target == NONE || self->first_dirty <= target))
    {
      guint line = self->first_dirty - 1;

      process_line (self, line, (line_info (self, line)->flags & LINE_CHECKED) == 0 &&
                                line >= first && line <= last);
    }
  else
    process_line (self, target, TRUE);
  return TRUE;
}

static gboolean
update (gint64   deadline,
        gpointer user_data)
{
  RecapSpellAdapter *self = user_data;
  guint first, last;

  priority_range (self, &first, &last);
  do
    {
      if (!step (self, first, last))
        {
          self->update_source = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < deadline);
  return G_SOURCE_CONTINUE;
}

static void
queue_update (RecapSpellAdapter *self)
{
  if (self->checker == NULL || self->update_source != 0)
    return;
  self->update_source = gtk_source_scheduler_add (update, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Edits */

/* An edit ending at the cursor is typing: the word there waits. */
static void
edited_at (RecapSpellAdapter *self,
           const GtkTextIter *location)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  self->typing = gtk_text_iter_equal (location, &cursor);
  self->cursor_line = gtk_text_iter_get_line (&cursor);
}

/* The cursor left the word being typed: check it now. */
static void
cursor_moved (RecapSpellAdapter *self)
{
  if (!self->typing || self->checker == NULL)
    return;
  self->typing = FALSE;
  mark_unchecked (self, self->cursor_line);
  queue_update (self);
}

static void
before_insert (RecapSpellAdapter *self,
               GtkTextIter       *location)
{
  self->edit_line = gtk_text_iter_get_line (location);
}

static void
after_insert (RecapSpellAdapter *self,
              GtkTextIter       *location)
{
  guint end_line = gtk_text_iter_get_line (location);
  guint added = end_line - self->edit_line;

  if (self->checker == NULL)
    return;
  if (added > 0)
    {
      LineInfo info = { .flags = LINE_DIRTY };

      for (guint i = 0; i < added; i++)
        g_array_insert_val (self->lines, self->edit_line + 1, info);
    }
  edited_at (self, location);
  for (guint line = self->edit_line; line <= end_line; line++)
    mark_unchecked (self, line);
  for (guint line = self->edit_line + 1; line <= end_line + 1; line++)
    mark_dirty (self, line);
  queue_update (self);
}

static void
before_delete (RecapSpellAdapter *self,
               GtkTextIter       *start,
               GtkTextIter       *end)
{
  self->edit_line = gtk_text_iter_get_line (start);
  self->edit_end_line = gtk_text_iter_get_line (end);
}

static void
after_delete (RecapSpellAdapter *self,
              GtkTextIter       *start)
{
  guint removed = self->edit_end_line - self->edit_line;

  if (self->checker == NULL)
    return;
  edited_at (self, start);
  if (removed > 0)
    g_array_remove_range (self->lines, self->edit_line + 1, removed);
  /* Indexes after the edit moved: the lower bounds stay true when lowered. */
  self->first_dirty = MIN (self->first_dirty, self->edit_line + 1);
  if (self->first_dirty >= self->lines->len)
    self->first_dirty = NONE;
  mark_unchecked (self, self->edit_line);
  mark_dirty (self, self->edit_line + 1);
  queue_update (self);
}

/* The checker */

/* Whether the tag is on any text: removing it walks the whole range,
 * tagged or not (23-140 ms for a 5 MB post just loaded, none tagged). */
static gboolean
has_tagged_text (RecapSpellAdapter *self,
                 const GtkTextIter *start)
{
  GtkTextIter toggle = *start;

  return gtk_text_iter_starts_tag (start, self->tag) || gtk_text_iter_forward_to_tag_toggle (&toggle, self->tag);
}

static void
recheck_all (RecapSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  if (has_tagged_text (self, &start))
    gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
  gtk_source_scheduler_clear (&self->update_source);
  if (self->checker == NULL)
    {
      g_array_set_size (self->lines, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }
  reset_lines (self);
  queue_update (self);
}

static void
recheck_words (RecapSpellAdapter *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    line_info (self, i)->flags &= ~LINE_CHECKED;
  self->first_unchecked = 0;
  queue_update (self);
}

/* The view */

static void
view_scrolled (RecapSpellAdapter *self)
{
  guint first, last;

  priority_range (self, &first, &last);
  if (next_flagged (self, first, last + 1, LINE_CHECKED, FALSE) != NONE)
    queue_update (self);
}

/* GObject */

static void
recap_spell_adapter_dispose (GObject *object)
{
  RecapSpellAdapter *self = RECAP_SPELL_ADAPTER (object);

  gtk_source_scheduler_clear (&self->update_source);
  recap_spell_adapter_set_checker (self, NULL);
  if (self->tag != NULL)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), self->tag);
  g_clear_object (&self->tag);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->scroll_signals);
  g_clear_weak_pointer (&self->view);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (recap_spell_adapter_parent_class)->dispose (object);
}

static void
recap_spell_adapter_finalize (GObject *object)
{
  RecapSpellAdapter *self = RECAP_SPELL_ADAPTER (object);

  g_array_unref (self->lines);

  G_OBJECT_CLASS (recap_spell_adapter_parent_class)->finalize (object);
}

static void
recap_spell_adapter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RecapSpellAdapter *self = RECAP_SPELL_ADAPTER (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, recap_spell_adapter_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_spell_adapter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RecapSpellAdapter *self = RECAP_SPELL_ADAPTER (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      recap_spell_adapter_set_checker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_spell_adapter_class_init (RecapSpellAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_spell_adapter_dispose;
  object_class->finalize = recap_spell_adapter_finalize;
  object_class->get_property = recap_spell_adapter_get_property;
  object_class->set_property = recap_spell_adapter_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, RECAP_TYPE_SPELL_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_spell_adapter_init (RecapSpellAdapter *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (LineInfo));
  self->first_dirty = NONE;

  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "insert-text",
                                 G_CALLBACK (before_insert), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->buffer_signals, "insert-text",
                                 G_CALLBACK (after_insert), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_object (self->buffer_signals, "delete-range",
                                 G_CALLBACK (before_delete), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->buffer_signals, "delete-range",
                                 G_CALLBACK (after_delete), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_object (self->buffer_signals, "notify::cursor-position",
                                 G_CALLBACK (cursor_moved), self, G_CONNECT_SWAPPED);

  self->scroll_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_object (self->scroll_signals, "value-changed",
                                 G_CALLBACK (view_scrolled), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapSpellAdapter *
recap_spell_adapter_new (GtkTextBuffer *buffer,
                         gboolean       document)
{
  RecapSpellAdapter *self;
  GdkRGBA error_color = { 0.878, 0.106, 0.141, 1.0 }; /* GNOME's red 3, #e01b24 */

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (RECAP_TYPE_SPELL_ADAPTER, NULL);
  self->buffer = g_object_ref (buffer);
  self->document = document;
  self->tag = g_object_ref (gtk_text_buffer_create_tag (buffer, RECAP_SPELL_ERROR_TAG,
                                                        "underline", PANGO_UNDERLINE_ERROR,
                                                        "underline-rgba", &error_color,
                                                        NULL));
  g_signal_group_set_target (self->buffer_signals, buffer);
  return self;
}

GtkTextBuffer *
recap_spell_adapter_get_buffer (RecapSpellAdapter *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_ADAPTER (self), NULL);
  return self->buffer;
}

RecapSpellChecker *
recap_spell_adapter_get_checker (RecapSpellAdapter *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_ADAPTER (self), NULL);
  return self->checker;
}

void
recap_spell_adapter_set_checker (RecapSpellAdapter *self,
                                 RecapSpellChecker *checker)
{
  g_return_if_fail (RECAP_IS_SPELL_ADAPTER (self));
  g_return_if_fail (!checker || RECAP_IS_SPELL_CHECKER (checker));

  if (self->checker == checker)
    return;
  g_clear_signal_handler (&self->checker_changed, self->checker);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    self->checker_changed = g_signal_connect_object (checker, "changed", G_CALLBACK (recheck_words),
                                                     self, G_CONNECT_SWAPPED);
  if (self->buffer != NULL)
    recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

void
recap_spell_adapter_set_view (RecapSpellAdapter *self,
                              GtkTextView       *view)
{
  g_return_if_fail (RECAP_IS_SPELL_ADAPTER (self));
  g_return_if_fail (!view || GTK_IS_TEXT_VIEW (view));

  g_set_weak_pointer (&self->view, view);
  g_signal_group_set_target (self->scroll_signals,
                             view ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)) : NULL);
}

gboolean
recap_spell_adapter_get_busy (RecapSpellAdapter *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_ADAPTER (self), FALSE);
  return self->update_source != 0;
}

gboolean
recap_spell_adapter_get_word_at (RecapSpellAdapter *self,
                                 const GtkTextIter *iter,
                                 GtkTextIter       *start,
                                 GtkTextIter       *end)
{
  RecapSpellWordAt find = { 0 };
  RecapSpellState state;
  g_autofree char *text = NULL;
  guint line;

  g_return_val_if_fail (RECAP_IS_SPELL_ADAPTER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  line = gtk_text_iter_get_line (iter);
  if (self->checker == NULL || line >= self->lines->len)
    return FALSE;
  state = line_info (self, line)->state;
  find.index = gtk_text_iter_get_line_index (iter);
  text = line_text (self, line, start, end);
  recap_spell_scan_line (&state, text, strlen (text), recap_spell_word_at_func, &find);
  if (!find.found)
    return FALSE;
  *end = *start;
  gtk_text_iter_set_line_index (start, find.start);
  gtk_text_iter_set_line_index (end, find.end);
  return TRUE;
}
