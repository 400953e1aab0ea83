/* recap-front-matter-fold.c: the front matter folded to one summary line in the source view
 *
 * Hand-written: GtkSourceView 5.6 has no folding. The bytes never change:
 * an invisible, non-editable tag covers the front matter up to the end of
 * its closing fence's text, so that only the fence's line break stays,
 * as one empty line; the summary button lies over that line as an overlay
 * of the view (gtk_text_view_add_overlay), never as a character of the
 * buffer. Lines wholly hidden take no height, so that line is always the
 * first one shown, at the top of the text. The range is found again at
 * each change of the buffer (typing, form edits, undo, reload), and the
 * cursor and the selection bound are kept out of it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-front-matter-fold.h"

/* Room above and below the summary line's text for the button. */
#define SUMMARY_PIXELS_ABOVE 1
#define SUMMARY_PIXELS_BELOW 3

struct _RecapFrontMatterFold
{
  GObject        parent_instance;

  GtkTextView   *view;      /* weak: the view owns the summary widget */
  RecapDocument *document;
  GSignalGroup  *document_signals;
  GtkTextTag    *hidden;    /* in the document's tag table */
  GtkTextTag    *locked;
  GtkWidget     *summary;   /* owned, and in the view */
  GtkWidget     *summary_label;
  gboolean       collapsed;
  gboolean       hiding;
};

G_DEFINE_FINAL_TYPE (RecapFrontMatterFold, recap_front_matter_fold, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the hidden text ends (the fence's line break) and the body starts. */
static gboolean
find_range (RecapFrontMatterFold *self,
            GtkTextIter          *hide_end,
            GtkTextIter          *body)
{
  if (self->document == NULL || !self->collapsed ||
      !recap_document_find_front_matter_end (self->document, hide_end))
    return FALSE;
  *body = *hide_end;
  gtk_text_iter_forward_to_line_end (hide_end);
  gtk_text_iter_forward_line (body);
  /* A closing fence without a line break leaves no line to show the summary on. */
  return gtk_text_iter_compare (hide_end, body) < 0;
}

/* Whether @tag covers exactly the start of the text to @end. */
static gboolean
tag_covers (GtkTextBuffer     *buffer,
            GtkTextTag        *tag,
            const GtkTextIter *end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    return FALSE;
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  if (!gtk_text_iter_equal (&iter, end))
    return FALSE;
  return !gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

/* @tag over the start of the text to @end, or nowhere when @end is NULL;
 * rewritten only when it is not right already, so that typing in the body
 * lays nothing out again. */
static void
cover (GtkTextBuffer     *buffer,
       GtkTextTag        *tag,
       const GtkTextIter *end)
{
  GtkTextIter start, tagged_end;

  if (end != NULL && tag_covers (buffer, tag, end))
    return;
  gtk_text_buffer_get_start_iter (buffer, &start);
  tagged_end = start;
  if (gtk_text_iter_starts_tag (&tagged_end, tag) || gtk_text_iter_forward_to_tag_toggle (&tagged_end, tag))
    {
      gtk_text_iter_forward_to_tag_toggle (&tagged_end, tag);
      gtk_text_buffer_remove_tag (buffer, tag, &start, &tagged_end);
    }
  if (end != NULL)
    gtk_text_buffer_apply_tag (buffer, tag, &start, end);
}

/* The front matter hidden up to the fence's line break, and locked with
 * that line break, which Backspace at the body's start would delete. */
static void
refresh (RecapFrontMatterFold *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter hide_end, body;
  gboolean hiding = find_range (self, &hide_end, &body);

  if (self->document != NULL)
    {
      cover (buffer, self->hidden, hiding ? &hide_end : NULL);
      cover (buffer, self->locked, hiding ? &body : NULL);
    }
  self->hiding = hiding;
  gtk_widget_set_visible (self->summary, hiding);
}

/* The cursor and the selection bound stay out of the hidden text; a
 * selection wholly inside it (a match found there) unfolds it instead. */
static void
keep_marks_out (RecapFrontMatterFold *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter insert, bound, body;
  gboolean insert_hidden, bound_hidden;

  if (!self->hiding)
    return;
  /* The body starts where the lock ends: no need to read the text again. */
  gtk_text_buffer_get_start_iter (buffer, &body);
  gtk_text_iter_forward_to_tag_toggle (&body, self->locked);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  insert_hidden = gtk_text_iter_compare (&insert, &body) < 0;
  bound_hidden = gtk_text_iter_compare (&bound, &body) < 0;
  if (insert_hidden && bound_hidden && !gtk_text_iter_equal (&insert, &bound))
    recap_front_matter_fold_set_collapsed (self, FALSE);
  else if (insert_hidden || bound_hidden)
    gtk_text_buffer_select_range (buffer, insert_hidden ? &body : &insert, bound_hidden ? &body : &bound);
}

static void
mark_set (RecapFrontMatterFold *self,
          const GtkTextIter    *location,
          GtkTextMark          *mark,
          GtkTextBuffer        *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    keep_marks_out (self);
}

/* The text changed: the front matter may have grown, shrunk or gone. */
static void
buffer_changed (RecapFrontMatterFold *self)
{
  refresh (self);
  keep_marks_out (self);
}

/* The summary opens the front matter as text, the cursor on its first key. */
static void
summary_clicked (RecapFrontMatterFold *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter first_key;

  recap_front_matter_fold_set_collapsed (self, FALSE);
  gtk_text_buffer_get_iter_at_line (buffer, &first_key, 1);
  gtk_text_buffer_place_cursor (buffer, &first_key);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
}

static GtkWidget *
summary_new (RecapFrontMatterFold *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->summary_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-end-symbolic"));
  gtk_box_append (GTK_BOX (box), self->summary_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "front-matter-fold");
  gtk_widget_set_tooltip_text (button, _("Show the Front Matter as Text"));
  gtk_widget_set_visible (button, FALSE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (summary_clicked), self, G_CONNECT_SWAPPED);
  return button;
}

static void
recap_front_matter_fold_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RecapFrontMatterFold *self = RECAP_FRONT_MATTER_FOLD (object);

  switch (prop_id)
    {
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_front_matter_fold_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RecapFrontMatterFold *self = RECAP_FRONT_MATTER_FOLD (object);

  switch (prop_id)
    {
    case PROP_COLLAPSED:
      recap_front_matter_fold_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_front_matter_fold_dispose (GObject *object)
{
  RecapFrontMatterFold *self = RECAP_FRONT_MATTER_FOLD (object);

  recap_front_matter_fold_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_weak_pointer (&self->view);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (recap_front_matter_fold_parent_class)->dispose (object);
}

static void
recap_front_matter_fold_class_init (RecapFrontMatterFoldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_front_matter_fold_dispose;
  object_class->get_property = recap_front_matter_fold_get_property;
  object_class->set_property = recap_front_matter_fold_set_property;

  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_front_matter_fold_init (RecapFrontMatterFold *self)
{
  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "mark-set", G_CALLBACK (mark_set), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapFrontMatterFold *
recap_front_matter_fold_new (GtkTextView *view)
{
  RecapFrontMatterFold *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (RECAP_TYPE_FRONT_MATTER_FOLD, NULL);
  g_set_weak_pointer (&self->view, view);
  self->summary = g_object_ref (summary_new (self));
  gtk_text_view_add_overlay (view, self->summary, 0, 0);
  return self;
}

void
recap_front_matter_fold_set_document (RecapFrontMatterFold *self,
                                      RecapDocument        *document)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    {
      GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->document));

      gtk_text_tag_table_remove (tags, self->hidden);
      gtk_text_tag_table_remove (tags, self->locked);
      self->hidden = self->locked = NULL;
    }
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  if (document != NULL)
    {
      /* Lines wholly hidden take no room: the spacing is the summary line's. */
      self->hidden = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (document), NULL,
                                                 "invisible", TRUE,
                                                 "pixels-above-lines", SUMMARY_PIXELS_ABOVE,
                                                 "pixels-below-lines", SUMMARY_PIXELS_BELOW,
                                                 NULL);
      self->locked = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (document), NULL, "editable", FALSE, NULL);
    }
  buffer_changed (self);
}

gboolean
recap_front_matter_fold_get_collapsed (RecapFrontMatterFold *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self), FALSE);
  return self->collapsed;
}

void
recap_front_matter_fold_set_collapsed (RecapFrontMatterFold *self,
                                       gboolean              collapsed)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self));

  collapsed = !!collapsed;
  if (self->collapsed == collapsed)
    return;
  self->collapsed = collapsed;
  /* The cursor may have been where the text now hides. */
  buffer_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

void
recap_front_matter_fold_set_summary (RecapFrontMatterFold *self,
                                     const char           *summary)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self));

  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

gboolean
recap_front_matter_fold_get_hiding (RecapFrontMatterFold *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self), FALSE);
  return self->hiding;
}

gboolean
recap_front_matter_fold_get_hidden_end (RecapFrontMatterFold *self,
                                        GtkTextIter          *end)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self), FALSE);

  if (!self->hiding)
    return FALSE;
  /* The tag starts at the start: its next toggle is its end. */
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->document), end);
  return gtk_text_iter_forward_to_tag_toggle (end, self->hidden);
}

GtkWidget *
recap_front_matter_fold_get_summary_widget (RecapFrontMatterFold *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FOLD (self), NULL);
  return self->summary;
}
