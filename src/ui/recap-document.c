/* recap-document.c: the text buffer of an open post
 *
 * The object itself: its properties, with the setters every file changes
 * them through (so that each change is notified), the buffer's handlers,
 * construction and the getters. Its fields are in
 * recap-document-private.h, which lists the files that do the rest:
 * the queue of file operations, loading, saving and recovery drafts.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "recap-document-private.h"
#include "recap-front-matter.h"

/* Delay between an unsaved change and its draft: long enough to batch
 * typing, short enough that a crash loses little. */
#define DRAFT_DELAY_SECONDS 2

G_DEFINE_FINAL_TYPE (RecapDocument, recap_document, GTK_SOURCE_TYPE_BUFFER)

G_DEFINE_QUARK (recap-document-error-quark, recap_document_error)

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  FILLING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Setters of the document's state */

void
emit_saved (RecapDocument *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

void
emit_filling (RecapDocument *self,
              gsize          size)
{
  g_signal_emit (self, signals[FILLING], 0, (guint64) size);
}

void
set_flag (RecapDocument *self,
          gboolean      *flag,
          gboolean       value,
          guint          prop_id)
{
  if (*flag == !!value)
    return;
  *flag = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
set_encoding (RecapDocument           *self,
              const GtkSourceEncoding *encoding)
{
  if (self->encoding == encoding)
    return;
  self->encoding = encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

/* @id: a GtkSourceView language, or NULL for none. */
void
set_language (RecapDocument *self,
              const char    *id)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (self),
                                  id ? gtk_source_language_manager_get_language (languages, id) : NULL);
}

void
set_draft (RecapDocument *self,
           RecapDraft    *draft)
{
  g_clear_pointer (&self->draft, recap_draft_free);
  self->draft = draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
}

/* The buffer's handlers */

static void
recap_document_changed (GtkTextBuffer *buffer)
{
  RecapDocument *self = RECAP_DOCUMENT (buffer);

  if (GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->changed != NULL)
    GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->changed (buffer);
  self->change_serial++;
  if (self->recovery != NULL && !self->loading && self->draft_source == 0)
    self->draft_source = g_timeout_add_seconds (DRAFT_DELAY_SECONDS, write_draft, self);
}

/* Forgets the front matter's extent when an edit at @line reaches the
 * lines that decided it; an edit below them changes none of it. */
static void
forget_extent_from (RecapDocument     *self,
                    const GtkTextIter *line)
{
  if (gtk_text_iter_get_line (line) <= self->extent_read_to)
    self->extent_read_to = -1;
}

static void
recap_document_insert_text (GtkTextBuffer *buffer,
                            GtkTextIter   *pos,
                            const char    *text,
                            int            len)
{
  forget_extent_from (RECAP_DOCUMENT (buffer), pos);
  GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->insert_text (buffer, pos, text, len);
}

static void
recap_document_delete_range (GtkTextBuffer *buffer,
                             GtkTextIter   *start,
                             GtkTextIter   *end)
{
  forget_extent_from (RECAP_DOCUMENT (buffer), start);
  GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->delete_range (buffer, start, end);
}

static void
recap_document_modified_changed (GtkTextBuffer *buffer)
{
  RecapDocument *self = RECAP_DOCUMENT (buffer);
  gboolean modified = gtk_text_buffer_get_modified (buffer);

  if (GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->modified_changed != NULL)
    GTK_TEXT_BUFFER_CLASS (recap_document_parent_class)->modified_changed (buffer);
  /* Disposed: the post is no longer ours to mark. Filling the buffer is
   * no edit: the load ends with the buffer unmodified. */
  if (self->post == NULL || self->loading)
    return;
  recap_post_set_unsaved (self->post, modified);
  if (!modified && self->recovery != NULL)
    remove_draft (self);
}

/* GObject */

static void
recap_document_dispose (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  /* Closing with unsaved changes (the session ending, say): keep them. */
  if (self->recovery != NULL && self->draft_source != 0)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      write_draft (self);
    }
  g_clear_object (&self->monitor);
  if (self->post != NULL)
    recap_post_set_unsaved (self->post, FALSE);
  g_clear_object (&self->post);
  g_clear_object (&self->recovery);
  g_clear_object (&self->file);
  g_clear_object (&self->source_file);
  g_clear_pointer (&self->draft, recap_draft_free);

  G_OBJECT_CLASS (recap_document_parent_class)->dispose (object);
}

static void
recap_document_finalize (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  g_free (self->disk_checksum);
  g_free (self->changed_checksum);
  g_free (self->full_text);

  G_OBJECT_CLASS (recap_document_parent_class)->finalize (object);
}

/* Not in init: highlighting creates the tag table, a construct property of the buffer. */
static void
recap_document_constructed (GObject *object)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  G_OBJECT_CLASS (recap_document_parent_class)->constructed (object);

  /* Keep the last line break (or its absence) as it is on disk. The
   * syntax is set when the text is read: for a post of lines too long to
   * highlight, GtkSourceView's first load of the markdown definition was
   * 100-700 ms for nothing. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self), FALSE);
}

static void
recap_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RecapDocument *self = RECAP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ENCODING:
      g_value_set_boxed (value, self->encoding);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_LARGE:
      g_value_set_boolean (value, self->large);
      break;
    case PROP_CUT:
      g_value_set_boolean (value, self->cut);
      break;
    case PROP_EXTERNALLY_MODIFIED:
      g_value_set_boolean (value, self->externally_modified);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->draft != NULL);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
read_only_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
recap_document_class_init (RecapDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = recap_document_constructed;
  object_class->dispose = recap_document_dispose;
  object_class->finalize = recap_document_finalize;
  object_class->get_property = recap_document_get_property;
  buffer_class->changed = recap_document_changed;
  buffer_class->insert_text = recap_document_insert_text;
  buffer_class->delete_range = recap_document_delete_range;
  buffer_class->modified_changed = recap_document_modified_changed;

  properties[PROP_ENCODING] =
    g_param_spec_boxed ("encoding", NULL, NULL, GTK_SOURCE_TYPE_ENCODING,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = read_only_boolean ("read-only");
  properties[PROP_LARGE] = read_only_boolean ("large");
  properties[PROP_CUT] = read_only_boolean ("cut");
  properties[PROP_EXTERNALLY_MODIFIED] = read_only_boolean ("externally-modified");
  properties[PROP_DELETED] = read_only_boolean ("deleted");
  properties[PROP_HAS_DRAFT] = read_only_boolean ("has-draft");
  properties[PROP_LOADING] = read_only_boolean ("loading");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file now holds what the buffer held when the save began. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A file being opened was read (its size in bytes) and its text goes into
   * the buffer now, over several main-loop iterations for a big one, with
   * "loading" TRUE until it is all in. A view given the buffer now gets it
   * a part at a time: GTK 4.8's accessibility layer sends the whole text of
   * a buffer set on a view over D-Bus in one go. */
  signals[FILLING] = g_signal_new ("filling", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
}

static void
recap_document_init (RecapDocument *self)
{
  self->source_file = gtk_source_file_new ();
  self->encoding = gtk_source_encoding_get_utf8 ();
  self->extent_read_to = -1;
  self->newline = RECAP_FILE_NEWLINE_LF;
  self->cursor_moved_to = -1;
  g_queue_init (&self->ops);
  self->monitor = recap_buffer_monitor_new ();
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapDocument *
recap_document_new (RecapPost     *post,
                    RecapRecovery *recovery)
{
  RecapDocument *self;

  g_return_val_if_fail (RECAP_IS_POST (post), NULL);
  g_return_val_if_fail (!recovery || RECAP_IS_RECOVERY (recovery), NULL);

  self = g_object_new (RECAP_TYPE_DOCUMENT, NULL);
  self->post = g_object_ref (post);
  self->recovery = recovery ? g_object_ref (recovery) : NULL;
  self->file = g_object_ref (recap_post_get_file (post));
  return self;
}

RecapPost *
recap_document_get_post (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->post;
}

GFile *
recap_document_get_file (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->file;
}

char *
recap_document_dup_text (RecapDocument *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);

  /* Shown cut: the buffer holds only what the editor can lay out. */
  if (self->full_text != NULL)
    return g_strdup (self->full_text);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
}

/* Whether the line at @line starts with @fence (ASCII). A character at a
 * time, no copy: it is asked of every line of the front matter. */
static gboolean
line_starts_with (const GtkTextIter *line,
                  const char        *fence)
{
  GtkTextIter iter = *line;

  for (const char *c = fence; *c != '\0'; c++, gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_get_char (&iter) != (gunichar) *c)
      return FALSE;
  return TRUE;
}

/* Walks the lines rather than copying the text: a post of megabytes is
 * read line by line only up to its closing fence. Returns the last line
 * read, which decided the answer; @found: whether that line is the
 * closing fence. */
static int
scan_front_matter (RecapDocument *self,
                   gboolean      *found)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, line;

  *found = FALSE;
  gtk_text_buffer_get_start_iter (buffer, &start);
  line = start;
  if (!line_starts_with (&line, "---"))
    return 0;
  while (gtk_text_iter_forward_line (&line))
    if (line_starts_with (&line, "---") || line_starts_with (&line, "..."))
      {
        GtkTextIter after = line;
        g_autofree char *text = NULL;
        RecapFrontMatterSplit split;

        gtk_text_iter_forward_line (&after);
        text = gtk_text_buffer_get_slice (buffer, &start, &after, TRUE);
        /* The same front matter as in the whole text, or none. */
        *found = recap_front_matter_split (text, strlen (text), &split) && split.end == strlen (text);
        return gtk_text_iter_get_line (&line);
      }
  /* Unclosed: the last line decided, and text added after it may close it. */
  return gtk_text_iter_get_line (&line);
}

gboolean
recap_document_find_front_matter_end (RecapDocument *self,
                                      GtkTextIter   *closing)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);

  if (self->extent_read_to < 0)
    self->extent_read_to = scan_front_matter (self, &self->extent_found);
  if (self->extent_found)
    gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self), closing, self->extent_read_to);
  return self->extent_found;
}

const GtkSourceEncoding *
recap_document_get_encoding (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->encoding;
}

gboolean
recap_document_get_read_only (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
recap_document_get_large (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->large;
}

gboolean
recap_document_get_cut (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->cut;
}

gboolean
recap_document_get_externally_modified (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->externally_modified;
}

gboolean
recap_document_get_deleted (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->deleted;
}

gboolean
recap_document_get_loading (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return self->loading;
}

gboolean
recap_document_get_unsaved (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), FALSE);
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)) && !self->loading;
}

const RecapDraft *
recap_document_get_draft (RecapDocument *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT (self), NULL);
  return self->draft;
}

void
recap_document_set_post (RecapDocument *self,
                         RecapPost     *post)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (RECAP_IS_POST (post));

  if (self->post == post)
    return;
  recap_post_set_unsaved (self->post, FALSE);
  g_set_object (&self->post, post);
  recap_post_set_unsaved (post, gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)));
}
