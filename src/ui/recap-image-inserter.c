/* recap-image-inserter.c: images pasted or dropped into the editor
 *
 * Owns the copies of one editing session: the copying (in a worker
 * thread), the links it inserts, and the clean-up that deletes a copy once
 * the post's file on disk no longer links it, after a save and when the
 * editor moves to another post or closes. Where images go, their names and
 * their links are the core's (recap-site-images.h).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-file-util.h"
#include "recap-image-inserter.h"
#include "recap-site-config.h"
#include "recap-site-images.h"

struct _RecapImageInserter
{
  GObject        parent_instance;

  GtkTextView   *view;
  RecapSite     *site;
  char          *baseurl;          /* the site's, "" until read */
  RecapDocument *document;
  GSignalGroup  *document_signals;
  GSettings     *settings;
  GCancellable  *cancellable;      /* of reading the site's baseurl */
  GPtrArray     *copies;           /* Copy: made for the document, not yet deleted */
};

G_DEFINE_FINAL_TYPE (RecapImageInserter, recap_image_inserter, G_TYPE_OBJECT)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A file this session copied into the site, and its path there. */
typedef struct {
  GFile *file;
  char  *site_path;
} Copy;

static void
copy_free (Copy *copy)
{
  g_clear_object (&copy->file);
  g_free (copy->site_path);
  g_free (copy);
}

static Copy *
copy_new (GFile *root,
          GFile *file)
{
  Copy *copy = g_new0 (Copy, 1);

  copy->file = g_object_ref (file);
  copy->site_path = g_file_get_relative_path (root, file);
  return copy;
}

/* A GCopyFunc. */
static gpointer
copy_dup (gconstpointer data,
          gpointer      user_data)
{
  const Copy *copy = data;
  Copy *dup = g_new0 (Copy, 1);

  dup->file = g_object_ref (copy->file);
  dup->site_path = g_strdup (copy->site_path);
  return dup;
}

static GPtrArray *
copies_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) copy_free);
}

static void
show_message (RecapImageInserter *self,
              const char         *format,
              const GError       *error)
{
  g_autofree char *message = g_strdup_printf (format, error->message);

  g_signal_emit (self, signals[MESSAGE], 0, message);
}

/* Clean-up: a copy stays only while the post's file links it */

typedef struct {
  RecapImageInserter *self;   /* to forget deleted copies; NULL once closed */
  GFile              *post_file;
  GPtrArray          *copies; /* Copy */
} Cleanup;

static void
cleanup_free (Cleanup *cleanup)
{
  g_clear_object (&cleanup->self);
  g_clear_object (&cleanup->post_file);
  g_clear_pointer (&cleanup->copies, g_ptr_array_unref);
  g_free (cleanup);
}

/* Returns the copies it deleted. */
static void
cleanup_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Cleanup *cleanup = task_data;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  /* An unreadable post proves nothing: keep its images. */
  if (!recap_file_read_text (cleanup->post_file, NULL, &text, &len, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < cleanup->copies->len; i++)
    {
      Copy *copy = g_ptr_array_index (cleanup->copies, i);

      if (!recap_site_images_is_linked (text, copy->site_path) &&
          g_file_delete (copy->file, NULL, NULL))
        g_ptr_array_add (deleted, g_object_ref (copy->file));
    }
  g_task_return_pointer (task, g_steal_pointer (&deleted), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
copy_has_file (gconstpointer copy,
               gconstpointer file)
{
  return g_file_equal (((const Copy *) copy)->file, G_FILE (file));
}

static void
cleaned_up (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Cleanup *cleanup = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) deleted = g_task_propagate_pointer (G_TASK (result), NULL);
  guint index;

  for (guint i = 0; cleanup->self != NULL && deleted != NULL && i < deleted->len; i++)
    if (g_ptr_array_find_with_equal_func (cleanup->self->copies, g_ptr_array_index (deleted, i),
                                          copy_has_file, &index))
      g_ptr_array_remove_index (cleanup->self->copies, index);
  if (user_data != NULL)
    g_application_release (user_data);
}

/* Deletes those of @copies that @post_file no longer links. @self, when
 * not NULL, then forgets them. The application stays up until it is done. */
static void
clean_up (RecapImageInserter *self,
          GFile              *post_file,
          GPtrArray          *copies)
{
  GApplication *application = g_application_get_default ();
  Cleanup *cleanup = g_new0 (Cleanup, 1);
  g_autoptr(GTask) task = NULL;

  cleanup->self = self ? g_object_ref (self) : NULL;
  cleanup->post_file = g_object_ref (post_file);
  cleanup->copies = g_ptr_array_ref (copies);
  if (application != NULL)
    g_application_hold (application);
  task = g_task_new (NULL, NULL, cleaned_up, application);
  g_task_set_source_tag (task, clean_up);
  g_task_set_task_data (task, cleanup, (GDestroyNotify) cleanup_free);
  g_task_run_in_thread (task, cleanup_in_thread);
}

/* The copies made for the document as it was saved, with later ones kept
 * out: their links may not have reached the file yet. */
static void
document_saved (RecapImageInserter *self)
{
  g_autoptr(GPtrArray) copies = NULL;

  if (self->copies->len == 0)
    return;
  copies = g_ptr_array_copy (self->copies, copy_dup, NULL);
  g_ptr_array_set_free_func (copies, (GDestroyNotify) copy_free);
  clean_up (self, recap_document_get_file (self->document), copies);
}

/* The document goes: its copies are checked one last time, then forgotten. */
static void
release_document (RecapImageInserter *self,
                  gboolean            closing)
{
  g_autoptr(GPtrArray) copies = g_steal_pointer (&self->copies);

  self->copies = copies_new ();
  if (self->document != NULL && copies->len > 0)
    clean_up (closing ? NULL : self, recap_document_get_file (self->document), copies);
  g_clear_object (&self->document);
}

/* Copying */

typedef struct {
  RecapDocument *document;
  GtkTextMark   *mark;     /* where the links go */
  GFile         *root;
  char          *folder;
  char          *stem;
  char          *baseurl;
  GPtrArray     *sources;  /* GFile or GdkTexture */
} InsertJob;

static void
insert_job_free (InsertJob *job)
{
  if (job->mark != NULL && !gtk_text_mark_get_deleted (job->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (job->mark), job->mark);
  g_clear_object (&job->mark);
  g_clear_object (&job->document);
  g_clear_object (&job->root);
  g_free (job->folder);
  g_free (job->stem);
  g_free (job->baseurl);
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsertJob, insert_job_free)

/* A stream of @source's bytes, and the extension its copy gets. */
static GInputStream *
open_source (GObject       *source,
             char         **extension,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *name = NULL;
  const char *dot;

  if (GDK_IS_TEXTURE (source))
    {
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (GDK_TEXTURE (source));

      *extension = g_strdup ("png");
      return g_memory_input_stream_new_from_bytes (png);
    }
  name = g_file_get_basename (G_FILE (source));
  dot = strrchr (name, '.');
  *extension = g_ascii_strdown (dot && dot[1] != '\0' ? dot + 1 : "png", -1);
  return G_INPUT_STREAM (g_file_read (G_FILE (source), cancellable, error));
}

static void
delete_all (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
}

/* Returns the copies, in the order of the sources: all of them or none. */
static void
copy_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InsertJob *job = task_data;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < job->sources->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *extension = NULL;
      g_autoptr(GInputStream) stream = open_source (g_ptr_array_index (job->sources, i), &extension,
                                                    cancellable, &error);
      GFile *copy = stream ? recap_site_images_copy (job->root, job->folder, job->stem, extension,
                                                     stream, cancellable, &error)
                           : NULL;

      if (copy == NULL)
        {
          delete_all (copies);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (copies, copy);
    }
  g_task_return_pointer (task, g_steal_pointer (&copies), (GDestroyNotify) g_ptr_array_unref);
}

/* One undoable insertion of the links, the cursor in the first alt text.
 * They make a paragraph of their own: inside one, an image would be inline. */
static void
insert_links (RecapImageInserter *self,
              InsertJob          *job,
              GPtrArray          *copies)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (job->document);
  g_autoptr(GString) links = g_string_new (NULL);
  GtkTextIter iter;
  const char *before;
  int offset;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, job->mark);
  before = gtk_text_iter_starts_line (&iter) ? "" : "\n\n";
  g_string_append (links, before);
  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (copies, i));
      g_autofree char *link = recap_site_images_link (job->folder, name, job->baseurl);

      g_string_append_printf (links, "%s%s", i > 0 ? "\n" : "", link);
      g_ptr_array_add (self->copies, copy_new (job->root, g_ptr_array_index (copies, i)));
    }
  if (!gtk_text_iter_ends_line (&iter))
    g_string_append (links, "\n\n");
  offset = gtk_text_iter_get_offset (&iter) + strlen (before);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, links->str, links->len);
  gtk_text_buffer_end_user_action (buffer);
  /* "![" comes before the alt text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset + 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
copied (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  RecapImageInserter *self = RECAP_IMAGE_INSERTER (object);
  InsertJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;

  copies = g_task_propagate_pointer (G_TASK (result), &error);
  if (copies == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could not add the image: %s"), error);
      return;
    }
  /* The editor moved on to another post meanwhile: nothing links the copies. */
  if (job->document != self->document || gtk_text_mark_get_deleted (job->mark))
    {
      for (guint i = 0; i < copies->len; i++)
        g_file_delete_async (g_ptr_array_index (copies, i), G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      return;
    }
  insert_links (self, job, copies);
}

/* Copies @sources (GFile or GdkTexture) and links them at @where. */
static void
insert_images (RecapImageInserter *self,
               GPtrArray          *sources,
               const GtkTextIter  *where)
{
  g_autoptr(InsertJob) job = g_new0 (InsertJob, 1);
  g_autoptr(GTask) task = NULL;
  g_autofree char *setting = g_settings_get_string (self->settings, "image-folder");
  RecapPost *post = recap_document_get_post (self->document);

  job->document = g_object_ref (self->document);
  job->mark = g_object_ref (gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->document), NULL, where, TRUE));
  job->root = g_object_ref (recap_site_get_root (self->site));
  job->folder = recap_site_images_choose_folder (setting, G_LIST_MODEL (self->site), self->baseurl);
  job->stem = recap_site_images_stem (recap_post_get_relative_path (post));
  job->baseurl = g_strdup (self->baseurl);
  job->sources = g_ptr_array_ref (sources);

  task = g_task_new (self, NULL, copied, NULL);
  g_task_set_source_tag (task, insert_images);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) insert_job_free);
  g_task_run_in_thread (task, copy_in_thread);
}

/* Pasting and dropping */

static gboolean
can_insert (RecapImageInserter *self)
{
  return self->site != NULL && self->document != NULL &&
         gtk_text_view_get_buffer (self->view) == GTK_TEXT_BUFFER (self->document) &&
         gtk_text_view_get_editable (self->view);
}

/* The image files of @files, by their names' content types. */
static GPtrArray *
image_files (GSList *files)
{
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (type);

      if (mime != NULL && g_str_has_prefix (mime, "image/"))
        g_ptr_array_add (images, g_object_ref (l->data));
    }
  return images;
}

/* Where an image pasted at the cursor goes: there, or after the image
 * markdown the cursor is in (as it is after a paste). */
static void
get_insert_iter (RecapImageInserter *self,
                 GtkTextIter        *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_autofree char *line = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, iter, gtk_text_buffer_get_insert (buffer));
  start = end = *iter;
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  gtk_text_iter_set_line_index (iter, recap_site_images_insert_point (line, gtk_text_iter_get_line_index (iter)));
}

static void
paste_text (RecapImageInserter *self)
{
  gtk_text_buffer_paste_clipboard (gtk_text_view_get_buffer (self->view),
                                   gtk_widget_get_clipboard (GTK_WIDGET (self->view)),
                                   NULL, gtk_text_view_get_editable (self->view));
}

static void
file_list_read (GObject      *clipboard,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RecapImageInserter) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  g_autoptr(GSList) files = value ? gdk_file_list_get_files (g_value_get_boxed (value)) : NULL;
  g_autoptr(GPtrArray) images = image_files (files);
  GtkTextIter iter;

  if (!can_insert (self))
    return;
  if (images->len == 0)
    {
      paste_text (self);
      return;
    }
  get_insert_iter (self, &iter);
  insert_images (self, images, &iter);
}

static void
texture_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RecapImageInserter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  GtkTextIter iter;

  if (texture == NULL)
    {
      show_message (self, _("Could not paste the image: %s"), error);
      return;
    }
  if (!can_insert (self))
    return;
  g_ptr_array_add (sources, g_steal_pointer (&texture));
  get_insert_iter (self, &iter);
  insert_images (self, sources, &iter);
}

/* Before the view's own paste: copied files, or an image without text,
 * become images of the site; anything else pastes as text. */
static void
paste_clipboard (RecapImageInserter *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self->view));
  g_autoptr(GdkContentFormats) formats = NULL;

  if (!can_insert (self))
    return;
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    file_list_read, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_texture_async (clipboard, NULL, texture_read, g_object_ref (self));
  else
    return;
  g_signal_stop_emission_by_name (self->view, "paste-clipboard");
}

static gboolean
files_dropped (RecapImageInserter *self,
               const GValue       *value,
               double              x,
               double              y)
{
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) images = image_files (files);
  GtkTextIter iter;
  int buffer_x, buffer_y;

  if (!can_insert (self) || images->len == 0)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);
  insert_images (self, images, &iter);
  return TRUE;
}

/* Ahead of the view's own drop target, which would insert the file names. */
static void
add_drop_target (RecapImageInserter *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "recap-image-drop");
  g_signal_connect_object (target, "drop", G_CALLBACK (files_dropped), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (target));
}

/* The site's baseurl */

static void
baseurl_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RecapImageInserter *self = RECAP_IMAGE_INSERTER (object);
  char *baseurl = g_task_propagate_pointer (G_TASK (result), NULL);

  if (baseurl != NULL)
    {
      g_free (self->baseurl);
      self->baseurl = baseurl;
    }
}

static void
read_baseurl_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_task_return_pointer (task, recap_site_config_read_baseurl (task_data, cancellable), g_free);
}

static void
read_baseurl (RecapImageInserter *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_free (self->baseurl);
  self->baseurl = g_strdup ("");
  if (self->site == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, baseurl_read, NULL);
  g_task_set_source_tag (task, read_baseurl);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (recap_site_get_root (self->site)), g_object_unref);
  g_task_run_in_thread (task, read_baseurl_in_thread);
}

/* GObject */

static void
recap_image_inserter_dispose (GObject *object)
{
  RecapImageInserter *self = RECAP_IMAGE_INSERTER (object);

  if (self->copies != NULL)
    release_document (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->site);
  g_clear_object (&self->view);
  g_clear_pointer (&self->copies, g_ptr_array_unref);

  G_OBJECT_CLASS (recap_image_inserter_parent_class)->dispose (object);
}

static void
recap_image_inserter_finalize (GObject *object)
{
  RecapImageInserter *self = RECAP_IMAGE_INSERTER (object);

  g_free (self->baseurl);

  G_OBJECT_CLASS (recap_image_inserter_parent_class)->finalize (object);
}

static void
recap_image_inserter_class_init (RecapImageInserterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_image_inserter_dispose;
  object_class->finalize = recap_image_inserter_finalize;

  /* A failure to tell the user about. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
recap_image_inserter_init (RecapImageInserter *self)
{
  self->baseurl = g_strdup ("");
  self->copies = copies_new ();
  self->settings = g_settings_new (APP_ID);
  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "saved",
                                 G_CALLBACK (document_saved), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapImageInserter *
recap_image_inserter_new (GtkTextView *view)
{
  RecapImageInserter *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (RECAP_TYPE_IMAGE_INSERTER, NULL);
  self->view = g_object_ref (view);
  g_signal_connect_object (view, "paste-clipboard", G_CALLBACK (paste_clipboard), self, G_CONNECT_SWAPPED);
  add_drop_target (self);
  return self;
}

void
recap_image_inserter_set_site (RecapImageInserter *self,
                               RecapSite          *site)
{
  g_return_if_fail (RECAP_IS_IMAGE_INSERTER (self));
  g_return_if_fail (!site || RECAP_IS_SITE (site));

  if (g_set_object (&self->site, site))
    read_baseurl (self);
}

void
recap_image_inserter_set_document (RecapImageInserter *self,
                                   RecapDocument      *document)
{
  g_return_if_fail (RECAP_IS_IMAGE_INSERTER (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (document == self->document)
    return;
  release_document (self, FALSE);
  self->document = document ? g_object_ref (document) : NULL;
  g_signal_group_set_target (self->document_signals, document);
}
