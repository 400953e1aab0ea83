/* recap-window-organize.c: the window's organizing actions — new posts,
 * publishing and renaming the open post, tag renames and the bulk
 * operations on the posts selected in the sidebar, each with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-completion.h"
#include "recap-new-post-dialog.h"
#include "recap-rename-tag-dialog.h"
#include "recap-site-ops.h"
#include "recap-window-private.h"

/* New posts, publishing */

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
        recap_window_show_toast (self, error->message);
      return;
    }
  recap_sidebar_select_post (self->sidebar, post);
  recap_window_then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
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
  RecapMove *moved;

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
    g_task_return_pointer (task, moved, (GDestroyNotify) recap_move_free);
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
  g_autoptr(RecapMove) done = g_task_propagate_pointer (G_TASK (result), &error);

  if (done == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not move the post: %s"), error->message);
      recap_window_show_toast (self, message);
      return;
    }
  recap_site_reload_file_async (self->site, move->file, NULL, NULL, NULL);
  open_new_file (self, done->to);
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
  if (recap_window_has_unsaved_changes (self))
    {
      recap_window_show_toast (self, _("Save the post before moving it"));
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
    recap_window_show_toast (RECAP_WINDOW (object), error->message);
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
    recap_window_show_toast (self, error->message);
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

      if (is_open_file (self, file) && recap_window_has_unsaved_changes (self))
        recap_window_show_toast (self, _("The open post has unsaved changes: save it first"));
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
      recap_window_set_document (self, NULL);
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

void
recap_window_update_organize_actions (RecapWindow *self)
{
  RecapPost *post = self->document ? recap_document_get_post (self->document) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-tag", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", post && recap_post_get_is_draft (post));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-post", post != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpublish",
                                 post && g_str_has_prefix (recap_post_get_relative_path (post), "_posts/"));
}

void
recap_window_class_init_organize (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tag", NULL, rename_tag_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.rename-post", NULL, rename_post_action);
  gtk_widget_class_install_action (widget_class, "win.assign-event", NULL, assign_event_action);
  gtk_widget_class_install_action (widget_class, "win.add-front-matter", NULL, add_front_matter_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, move_post_action);
  gtk_widget_class_install_action (widget_class, "win.unpublish", NULL, move_post_action);
}
