/* recap-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-document-bar.h"
#include "recap-completion.h"
#include "recap-file-chooser.h"
#include "recap-front-matter-form.h"
#include "recap-new-post-dialog.h"
#include "recap-preview.h"
#include "recap-recovery-dialog.h"
#include "recap-rename-tag-dialog.h"
#include "recap-sidebar.h"
#include "recap-site-ops.h"
#include "recap-window.h"

/* What to do once the user has dealt with unsaved changes. */
typedef enum {
  NEXT_NONE,
  NEXT_OPEN_POST,
  NEXT_OPEN_LOCATION,
  NEXT_CLOSE,
} NextStepKind;

typedef struct {
  NextStepKind  kind;
  RecapPost    *post;
  GFile        *location;
} NextStep;

struct _RecapWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RecapSite            *site;
  RecapDocument        *document;
  GFile                *post_to_select; /* opened from the command line before the scan ended */
  GCancellable         *site_cancellable;
  NextStep              next;
  RecapBulkEdit        *last_edit;      /* the bulk edit the Undo toast reverts */
  gboolean              confirming;
  RecapRecovery        *recovery;        /* drafts of unsaved edits */
  GFile                *restore_on_open; /* the post to open with its draft */

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkStack             *editor_stack;
  GtkPaned             *sidebar_paned;
  GtkPaned             *editor_paned;
  RecapSidebar         *sidebar;
  GtkSourceView        *source_view;
  RecapFrontMatterForm *form;
  RecapDocumentBar     *document_bar;
  RecapPreview         *preview;
};

G_DEFINE_FINAL_TYPE (RecapWindow, recap_window, ADW_TYPE_APPLICATION_WINDOW)

static void recap_window_open_post (RecapWindow *self, RecapPost *post);
static void recap_window_open_site (RecapWindow *self, GFile *root, GFile *post_file);
static void choose_save_location (RecapWindow *self);

static void
next_step_clear (NextStep *next)
{
  g_clear_object (&next->post);
  g_clear_object (&next->location);
  next->kind = NEXT_NONE;
}

static void
show_toast (RecapWindow *self,
            const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
has_unsaved_changes (RecapWindow *self)
{
  return self->document != NULL && gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
}

/* Title and sidebar follow the buffer: a leading "*" marks unsaved changes. */
static void
update_title (RecapWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *site_name = NULL;
  RecapPost *post;

  if (self->site != NULL)
    site_name = g_file_get_basename (recap_site_get_root (self->site));
  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, site_name ? site_name : _("Recap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Recap"));
      return;
    }

  post = recap_document_get_post (self->document);
  title = g_strdup_printf ("%s%s", has_unsaved_changes (self) ? "*" : "", recap_post_get_title (post));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, recap_post_get_relative_path (post));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (RecapWindow *self)
{
  RecapPost *post = self->document ? recap_document_get_post (self->document) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-tag", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", post && recap_post_get_is_draft (post));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-post", post != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpublish",
                                 post && g_str_has_prefix (recap_post_get_relative_path (post), "_posts/"));
}

static void
run_next_step (RecapWindow *self)
{
  NextStep next = self->next;

  self->next = (NextStep) { NEXT_NONE, NULL, NULL };
  switch (next.kind)
    {
    case NEXT_OPEN_POST:
      recap_window_open_post (self, next.post);
      break;
    case NEXT_OPEN_LOCATION:
      recap_window_open_location (self, next.location);
      break;
    case NEXT_CLOSE:
      gtk_window_destroy (GTK_WINDOW (self));
      break;
    case NEXT_NONE:
    default:
      break;
    }
  next_step_clear (&next);
}

/* Puts the selection back on the open post after a cancelled switch. */
static void
select_open_post (RecapWindow *self)
{
  recap_sidebar_select_post (self->sidebar, self->document ? recap_document_get_post (self->document) : NULL);
}

static void
save_error_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RecapWindow      *self)
{
  if (g_str_equal (response, "save-as") && self->document != NULL)
    choose_save_location (self);
}

/* The file is untouched and the buffer keeps the changes: offer another place. */
static void
show_save_error (RecapWindow  *self,
                 const GError *error)
{
  AdwMessageDialog *dialog;

  /* The bar above the editor asks what to do about the other program's change. */
  if (g_error_matches (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nThe file on disk was not changed and your changes are still here. "
                                    "Save them somewhere else?"),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_then_next (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!recap_document_save_finish (RECAP_DOCUMENT (object), result, &error))
    {
      show_save_error (self, error);
      next_step_clear (&self->next);
      select_open_post (self);
      return;
    }
  run_next_step (self);
}

static void
confirm_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RecapWindow      *self)
{
  self->confirming = FALSE;
  if (g_str_equal (response, "save"))
    recap_document_save_async (self->document, NULL, saved_then_next, g_object_ref (self));
  else if (g_str_equal (response, "discard"))
    {
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->document), FALSE);
      run_next_step (self);
    }
  else
    {
      next_step_clear (&self->next);
      select_open_post (self);
    }
}

static void
confirm_unsaved_changes (RecapWindow *self)
{
  RecapPost *post = recap_document_get_post (self->document);
  AdwMessageDialog *dialog;

  if (self->confirming)
    return;
  self->confirming = TRUE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  recap_post_get_title (post));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Runs @next now, or after asking what to do with unsaved changes. */
static void
then (RecapWindow *self,
      NextStep     next)
{
  next_step_clear (&self->next);
  self->next = next;
  if (has_unsaved_changes (self))
    confirm_unsaved_changes (self);
  else
    run_next_step (self);
}

/* Large files pause the live preview; bytes no encoding could read make the editor read-only. */
static void
show_document_state (RecapWindow   *self,
                     RecapDocument *document)
{
  recap_document_bar_set_document (self->document_bar, document);
  recap_preview_set_document (self->preview, document && !recap_document_get_large (document) ? document : NULL);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view),
                              document == NULL || !recap_document_get_read_only (document));
}

static void
set_document (RecapWindow   *self,
              RecapDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update_title, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "modified-changed", G_CALLBACK (update_title), self);
      gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (document));
    }
  show_document_state (self, document);
  recap_front_matter_form_set_document (self->form, document);
  gtk_stack_set_visible_child_name (self->editor_stack, document ? "post" : "none");
  update_title (self);
  update_actions (self);
}

/* The recovery dialog asked for the draft of the post just opened. */
static void
restore_requested_draft (RecapWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->restore_on_open);

  if (file != NULL && self->document != NULL && recap_document_get_draft (self->document) != NULL &&
      g_file_equal (file, recap_document_get_file (self->document)))
    recap_document_restore_draft (self->document);
}

static void
post_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  RecapDocument *document = RECAP_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  if (!recap_document_load_finish (document, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                                  recap_post_get_title (recap_document_get_post (document)),
                                                  error->message);
      show_toast (self, message);
      select_open_post (self);
      return;
    }
  set_document (self, document);
  restore_requested_draft (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
recap_window_open_post (RecapWindow *self,
                        RecapPost   *post)
{
  g_autoptr(RecapDocument) document = recap_document_new (post, self->recovery);

  recap_document_load_async (document, NULL, post_loaded, g_object_ref (self));
}

static gboolean
is_open_post (RecapWindow *self,
              RecapPost   *post)
{
  return self->document != NULL && recap_document_get_post (self->document) == post;
}

static void
sidebar_post_activated (RecapWindow *self,
                        RecapPost   *post)
{
  if (is_open_post (self, post) || self->confirming)
    return;
  then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
}

/* Opens the post given on the command line once the scan has found it. */
static void
open_post_file (RecapWindow *self,
                GFile       *file)
{
  RecapPost *post = recap_site_find_post (self->site, file);

  if (post != NULL)
    {
      recap_sidebar_select_post (self->sidebar, post);
      recap_window_open_post (self, post);
    }
}

static void
restore_post (RecapWindow *self,
              RecapPost   *post)
{
  g_set_object (&self->restore_on_open, recap_post_get_file (post));
  if (is_open_post (self, post))
    {
      restore_requested_draft (self);
      return;
    }
  recap_sidebar_select_post (self->sidebar, post);
  then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
}

static void
drafts_listed (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  g_autoptr(GPtrArray) drafts = recap_recovery_list_finish (RECAP_RECOVERY (object), result, NULL);
  RecapRecoveryDialog *dialog = NULL;

  for (guint i = 0; drafts != NULL && self->site != NULL && i < drafts->len; i++)
    {
      RecapDraft *draft = g_ptr_array_index (drafts, i);
      RecapPost *post = recap_site_find_post (self->site, draft->file);

      if (post == NULL)
        continue;
      if (dialog == NULL)
        {
          dialog = recap_recovery_dialog_new (GTK_WINDOW (self), self->recovery);
          g_signal_connect_object (dialog, "restore", G_CALLBACK (restore_post), self, G_CONNECT_SWAPPED);
        }
      recap_recovery_dialog_add_draft (dialog, post, draft);
    }
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* Drafts a session left when it ended without saving, for this site's posts. */
static void
offer_recovery (RecapWindow *self)
{
  recap_recovery_list_async (self->recovery, drafts_listed, g_object_ref (self));
}

static void
site_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) post_file = g_steal_pointer (&self->post_to_select);

  if (!recap_site_load_finish (RECAP_SITE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_autofree char *message = g_strdup_printf (_("Could not read the folder: %s"), error->message);
      show_toast (self, message);
    }

  recap_sidebar_set_loading (self->sidebar, FALSE);
  offer_recovery (self);
  if (post_file != NULL)
    open_post_file (self, post_file);
}

static void
recap_window_open_site (RecapWindow *self,
                        GFile       *root,
                        GFile       *post_file)
{
  g_autofree char *path = g_file_get_path (root);

  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  self->site_cancellable = g_cancellable_new ();

  set_document (self, NULL);
  g_set_object (&self->post_to_select, post_file);
  g_clear_object (&self->site);
  self->site = recap_site_new (root);
  recap_sidebar_set_site (self->sidebar, self->site);
  recap_sidebar_set_loading (self->sidebar, TRUE);
  recap_front_matter_form_set_site (self->form, self->site);
  gtk_stack_set_visible_child_name (self->main_stack, "site");
  update_title (self);
  update_actions (self);

  if (path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
  recap_site_load_async (self->site, self->site_cancellable, site_loaded, g_object_ref (self));
}

void
recap_window_open_location (RecapWindow *self,
                            GFile       *location)
{
  g_autoptr(GFile) root = NULL;

  g_return_if_fail (RECAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (location));

  if (has_unsaved_changes (self))
    {
      then (self, (NextStep) { NEXT_OPEN_LOCATION, NULL, g_object_ref (location) });
      return;
    }

  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      recap_window_open_site (self, location, NULL);
      return;
    }
  root = recap_site_find_root (location);
  recap_window_open_site (self, root, location);
}

void
recap_window_open_last_folder (RecapWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "last-folder");
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (RECAP_IS_WINDOW (self));

  if (*path == '\0')
    return;
  folder = g_file_new_for_path (path);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    recap_window_open_site (self, folder, NULL);
}

RecapSite *
recap_window_get_site (RecapWindow *self)
{
  g_return_val_if_fail (RECAP_IS_WINDOW (self), NULL);
  return self->site;
}

RecapDocument *
recap_window_get_document (RecapWindow *self)
{
  g_return_val_if_fail (RECAP_IS_WINDOW (self), NULL);
  return self->document;
}

static void
saved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!recap_document_save_finish (RECAP_DOCUMENT (object), result, &error))
    show_save_error (self, error);
  else if (RECAP_DOCUMENT (object) == self->document)
    show_document_state (self, self->document);
}

/* Moves the cursor to a 1-based line and column of the open post. */
static void
form_show_source (RecapWindow *self,
                  guint        line,
                  guint        column)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, MAX (line, 1) - 1, MAX (column, 1) - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
form_message (RecapWindow *self,
              const char  *message)
{
  show_toast (self, message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);

  if (self->document != NULL)
    recap_document_save_async (self->document, NULL, saved, g_object_ref (self));
}

static void
save_as (RecapWindow *self,
         GFile       *file)
{
  if (self->document != NULL)
    recap_document_save_as_async (self->document, file, NULL, saved, g_object_ref (self));
}

static void
save_location_chosen (GFile    *file,
                      gpointer  user_data)
{
  if (file != NULL)
    save_as (user_data, file);
}

static void
choose_save_location (RecapWindow *self)
{
  recap_choose_file (GTK_WINDOW (self), RECAP_CHOOSE_SAVE, _("Save As"), recap_document_get_file (self->document),
                     save_location_chosen, g_object_ref (self), g_object_unref);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);

  if (self->document != NULL)
    choose_save_location (self);
}

static void
folder_chosen (GFile    *folder,
               gpointer  user_data)
{
  if (folder != NULL)
    recap_window_open_location (user_data, folder);
}

static void
choose_folder (RecapWindow *self)
{
  recap_choose_file (GTK_WINDOW (self), RECAP_CHOOSE_FOLDER, _("Open Folder"), NULL,
                     folder_chosen, g_object_ref (self), g_object_unref);
}

/* Organizing: new posts, publishing */

static void
open_reloaded_post (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  RecapPost *post = recap_site_reload_file_finish (RECAP_SITE (object), result, &error);

  if (post == NULL)
    {
      if (error != NULL)
        show_toast (self, error->message);
      return;
    }
  recap_sidebar_select_post (self->sidebar, post);
  then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
}

/* Shows @file in the sidebar now, and opens it. */
static void
open_new_file (RecapWindow *self,
               GFile       *file)
{
  if (self->site != NULL)
    recap_site_reload_file_async (self->site, file, NULL, open_reloaded_post, g_object_ref (self));
}

static void
new_post_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapNewPostDialog *dialog;

  if (self->site == NULL)
    return;
  dialog = recap_new_post_dialog_new (GTK_WINDOW (self), self->site);
  g_signal_connect_object (dialog, "created", G_CALLBACK (open_new_file), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef enum {
  MOVE_PUBLISH,
  MOVE_UNPUBLISH,
  MOVE_RENAME,
} MoveKind;

typedef struct {
  MoveKind  kind;
  GFile    *root;
  GFile    *file;
  char     *slug;
} Move;

static void
move_free (Move *move)
{
  g_clear_object (&move->root);
  g_clear_object (&move->file);
  g_free (move->slug);
  g_free (move);
}

static void
move_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Move *move = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GError *error = NULL;
  GFile *moved;

  switch (move->kind)
    {
    case MOVE_PUBLISH:
      moved = recap_publish_draft (move->root, move->file, now, cancellable, &error);
      break;
    case MOVE_UNPUBLISH:
      moved = recap_unpublish_post (move->root, move->file, cancellable, &error);
      break;
    case MOVE_RENAME:
    default:
      moved = recap_rename_post (move->file, move->slug, cancellable, &error);
      break;
    }

  if (moved != NULL)
    g_task_return_pointer (task, moved, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
moved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  RecapWindow *self = RECAP_WINDOW (object);
  Move *move = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), &error);

  if (file == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not move the post: %s"), error->message);
      show_toast (self, message);
      return;
    }
  recap_site_reload_file_async (self->site, move->file, NULL, NULL, NULL);
  open_new_file (self, file);
}

/* Publishing and renaming move the file, so they work on the saved post. */
static void
move_open_post (RecapWindow *self,
                MoveKind     kind,
                const char  *slug)
{
  g_autoptr(GTask) task = NULL;
  Move *move;

  if (self->document == NULL || self->site == NULL)
    return;
  if (has_unsaved_changes (self))
    {
      show_toast (self, _("Save the post before moving it"));
      return;
    }
  move = g_new0 (Move, 1);
  move->kind = kind;
  move->root = g_object_ref (recap_site_get_root (self->site));
  move->file = g_object_ref (recap_document_get_file (self->document));
  move->slug = g_strdup (slug);
  task = g_task_new (self, NULL, moved, NULL);
  g_task_set_task_data (task, move, (GDestroyNotify) move_free);
  g_task_run_in_thread (task, move_thread);
}

static void
move_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_open_post (RECAP_WINDOW (widget),
                  g_str_equal (action_name, "win.publish") ? MOVE_PUBLISH : MOVE_UNPUBLISH, NULL);
}

static void
rename_response (AdwMessageDialog *dialog,
                 const char       *response,
                 RecapWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "rename"))
    move_open_post (self, MOVE_RENAME, gtk_editable_get_text (entry));
}

static void
rename_post_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  g_autofree char *slug = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->document == NULL)
    return;
  slug = recap_slugify (recap_post_get_title (recap_document_get_post (self->document)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename Post"),
                                                       _("The new file name, after the date")));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), slug);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("File name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (recap_bulk_edit_undo (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
undone (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (RECAP_WINDOW (object), error->message);
}

static void
undo_last_edit (RecapWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->last_edit == NULL)
    return;
  task = g_task_new (self, NULL, undone, NULL);
  g_task_set_task_data (task, g_steal_pointer (&self->last_edit), (GDestroyNotify) recap_bulk_edit_free);
  g_task_run_in_thread (task, undo_thread);
}

/* Shows what a bulk operation did, with Undo; the window keeps @edit for it. */
static void
offer_undo (RecapWindow   *self,
            RecapBulkEdit *edit,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_clear_pointer (&self->last_edit, recap_bulk_edit_free);
  self->last_edit = edit;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_last_edit), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
tag_renamed (RecapWindow          *self,
             RecapBulkEdit        *edit,
             RecapRenameTagDialog *dialog)
{
  guint n = recap_bulk_edit_get_n_changed (edit);
  g_autofree char *message = g_strdup_printf (ngettext ("Tag renamed in %u post", "Tag renamed in %u posts", n), n);

  offer_undo (self, recap_rename_tag_dialog_steal_edit (dialog), message);
}

/* Bulk operations on the posts selected in the sidebar */

typedef enum {
  BULK_SET_EVENT,
  BULK_ADD_FRONT_MATTER,
  BULK_TRASH,
} BulkKind;

typedef struct {
  BulkKind       kind;
  GPtrArray     *files;
  char          *event;
  RecapBulkEdit *edit;
} Bulk;

static void
bulk_free (Bulk *bulk)
{
  g_clear_pointer (&bulk->files, g_ptr_array_unref);
  g_clear_pointer (&bulk->edit, recap_bulk_edit_free);
  g_free (bulk->event);
  g_free (bulk);
}

static void
bulk_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Bulk *bulk = task_data;
  GError *error = NULL;
  gboolean ok;

  switch (bulk->kind)
    {
    case BULK_SET_EVENT:
      ok = recap_bulk_edit_apply (bulk->edit, bulk->files, recap_edit_set_event, bulk->event,
                                  NULL, NULL, cancellable, &error);
      break;
    case BULK_ADD_FRONT_MATTER:
      ok = recap_bulk_edit_apply (bulk->edit, bulk->files, recap_edit_add_front_matter, NULL,
                                  NULL, NULL, cancellable, &error);
      break;
    case BULK_TRASH:
    default:
      ok = recap_bulk_edit_trash (bulk->edit, bulk->files, cancellable, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static char *
bulk_message (Bulk *bulk)
{
  guint n = recap_bulk_edit_get_n_changed (bulk->edit);

  switch (bulk->kind)
    {
    case BULK_SET_EVENT:
      return g_strdup_printf (ngettext ("Event set on %u post", "Event set on %u posts", n), n);
    case BULK_ADD_FRONT_MATTER:
      return g_strdup_printf (ngettext ("Front matter added to %u note", "Front matter added to %u notes", n), n);
    case BULK_TRASH:
    default:
      return g_strdup_printf (ngettext ("%u post moved to the trash", "%u posts moved to the trash", n), n);
    }
}

static void
bulk_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecapWindow *self = RECAP_WINDOW (object);
  Bulk *bulk = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (self, error->message);
  if (recap_bulk_edit_get_n_changed (bulk->edit) == 0)
    return;
  message = bulk_message (bulk);
  offer_undo (self, g_steal_pointer (&bulk->edit), message);
}

static gboolean
is_open_file (RecapWindow *self,
              GFile       *file)
{
  return self->document != NULL && g_file_equal (recap_document_get_file (self->document), file);
}

/* Files of the selected posts; the open post only when saved, as the
 * operation writes the file under the buffer. */
static GPtrArray *
selected_files (RecapWindow *self)
{
  g_autoptr(GPtrArray) posts = recap_sidebar_dup_selected_posts (self->sidebar);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < posts->len; i++)
    {
      GFile *file = recap_post_get_file (posts->pdata[i]);

      if (is_open_file (self, file) && has_unsaved_changes (self))
        show_toast (self, _("The open post has unsaved changes: save it first"));
      else
        g_ptr_array_add (files, g_object_ref (file));
    }
  return files;
}

static void
run_bulk (RecapWindow *self,
          BulkKind     kind,
          GPtrArray   *files,
          const char  *event)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, bulk_done, NULL);
  Bulk *bulk = g_new0 (Bulk, 1);

  bulk->kind = kind;
  bulk->files = g_ptr_array_ref (files);
  bulk->event = g_strdup (event);
  bulk->edit = recap_bulk_edit_new ();
  /* A trashed open post closes; nothing is left to save. */
  for (guint i = 0; kind == BULK_TRASH && i < files->len; i++)
    if (is_open_file (self, files->pdata[i]))
      set_document (self, NULL);
  g_task_set_task_data (task, bulk, (GDestroyNotify) bulk_free);
  g_task_run_in_thread (task, bulk_thread);
}

static void
trash_response (AdwMessageDialog *dialog,
                const char       *response,
                RecapWindow      *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "recap-files");

  if (g_str_equal (response, "trash"))
    run_bulk (self, BULK_TRASH, files, NULL);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  g_autoptr(GPtrArray) files = selected_files (self);
  AdwMessageDialog *dialog;

  if (files->len == 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       ngettext ("Move Post to the Trash?",
                                                                 "Move Posts to the Trash?", files->len),
                                                       NULL));
  adw_message_dialog_format_body (dialog, ngettext ("%u post will be moved to the trash.",
                                                    "%u posts will be moved to the trash.", files->len),
                                  files->len);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "trash", _("_Move to Trash"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "trash", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-files", g_ptr_array_ref (files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (trash_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assign_event_response (AdwMessageDialog *dialog,
                       const char       *response,
                       RecapWindow      *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "recap-files");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *event = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "assign"))
    run_bulk (self, BULK_SET_EVENT, files, event);
  else if (g_str_equal (response, "remove"))
    run_bulk (self, BULK_SET_EVENT, files, NULL);
}

static void
assign_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  g_autoptr(GPtrArray) files = selected_files (self);
  g_auto(GStrv) events = NULL;
  GtkWidget *entry;
  AdwMessageDialog *dialog;

  if (files->len == 0 || self->site == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Assign to Event"), NULL));
  adw_message_dialog_format_body (dialog, ngettext ("The event of %u post", "The event of %u posts", files->len),
                                  files->len);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event"), -1);
  events = recap_site_collect_values (G_LIST_MODEL (self->site), "event");
  recap_completion_set_suggestions (recap_completion_attach (entry, GTK_EDITABLE (entry)),
                                    (const char * const *) events);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove from Event"),
                                    "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "assign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-files", g_ptr_array_ref (files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (assign_event_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_front_matter_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  g_autoptr(GPtrArray) files = selected_files (self);

  if (files->len > 0)
    run_bulk (self, BULK_ADD_FRONT_MATTER, files, NULL);
}

static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapRenameTagDialog *dialog;

  if (self->site == NULL)
    return;
  dialog = recap_rename_tag_dialog_new (GTK_WINDOW (self), self->site,
                                        parameter ? g_variant_get_string (parameter, NULL) : NULL);
  g_signal_connect_object (dialog, "renamed", G_CALLBACK (tag_renamed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  recap_sidebar_focus_search (RECAP_WINDOW (widget)->sidebar);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_folder (RECAP_WINDOW (widget));
}

static void
save_window_state (RecapWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->sidebar_paned));
}

static gboolean
recap_window_close_request (GtkWindow *window)
{
  RecapWindow *self = RECAP_WINDOW (window);

  save_window_state (self);
  if (!has_unsaved_changes (self))
    return GTK_WINDOW_CLASS (recap_window_parent_class)->close_request (window);

  then (self, (NextStep) { NEXT_CLOSE, NULL, NULL });
  return TRUE;
}

static void
restore_window_state (RecapWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->sidebar_paned, g_settings_get_int (self->settings, "sidebar-width"));
}

/* Preview: layout (header bar), scroll sync and remote images (menu) are settings. */

static void
apply_preview_mode (RecapWindow *self)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "preview-mode");

  gtk_widget_set_visible (gtk_paned_get_start_child (self->editor_paned), !g_str_equal (mode, "preview"));
  gtk_widget_set_visible (GTK_WIDGET (self->preview), !g_str_equal (mode, "editor"));
}

static void
setup_preview (RecapWindow *self)
{
  static const char * const keys[] = { "preview-mode", "sync-scroll", "load-remote-images" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
  g_settings_bind (self->settings, "sync-scroll", self->preview, "sync-scroll", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "load-remote-images", self->preview, "load-remote-images", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::preview-mode",
                           G_CALLBACK (apply_preview_mode), self, G_CONNECT_SWAPPED);
  apply_preview_mode (self);
  recap_preview_set_source_view (self->preview, GTK_TEXT_VIEW (self->source_view));
}

static void
recap_window_dispose (GObject *object)
{
  RecapWindow *self = RECAP_WINDOW (object);

  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update_title, self);
  g_clear_object (&self->document);
  next_step_clear (&self->next);
  g_clear_pointer (&self->last_edit, recap_bulk_edit_free);
  g_clear_object (&self->post_to_select);
  g_clear_object (&self->site);
  g_clear_object (&self->settings);
  g_clear_object (&self->restore_on_open);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (recap_window_parent_class)->dispose (object);
}

static void
recap_window_class_init (RecapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = recap_window_dispose;
  window_class->close_request = recap_window_close_request;

  g_type_ensure (RECAP_TYPE_PREVIEW);
  g_type_ensure (RECAP_TYPE_SIDEBAR);
  g_type_ensure (RECAP_TYPE_FRONT_MATTER_FORM);
  g_type_ensure (RECAP_TYPE_DOCUMENT_BAR);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, editor_paned);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_post_activated);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, form);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, document_bar);
  gtk_widget_class_bind_template_callback (widget_class, form_show_source);
  gtk_widget_class_bind_template_callback (widget_class, form_message);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_install_action (widget_class, "win.find-post", NULL, find_post_action);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tag", NULL, rename_tag_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.rename-post", NULL, rename_post_action);
  gtk_widget_class_install_action (widget_class, "win.assign-event", NULL, assign_event_action);
  gtk_widget_class_install_action (widget_class, "win.add-front-matter", NULL, add_front_matter_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, move_post_action);
  gtk_widget_class_install_action (widget_class, "win.unpublish", NULL, move_post_action);
}

static void
recap_window_init (RecapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  setup_preview (self);
  self->recovery = recap_recovery_new_default ();
  restore_window_state (self);
  update_title (self);
  update_actions (self);
}

RecapWindow *
recap_window_new (RecapApplication *application)
{
  return g_object_new (RECAP_TYPE_WINDOW, "application", application, NULL);
}
