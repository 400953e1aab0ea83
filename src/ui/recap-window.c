/* recap-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-compat.h"
#include "recap-file-chooser.h"
#include "recap-recovery-dialog.h"
#include "recap-window-private.h"

/* From this size, a post is shown while its text goes in: see document_filling(). */
#define SHOW_WHILE_FILLING_SIZE (512 * 1024)

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

void
recap_window_show_toast (RecapWindow *self,
            const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

gboolean
recap_window_has_unsaved_changes (RecapWindow *self)
{
  RecapDocument *document = recap_window_get_document (self);

  return document != NULL && recap_document_get_unsaved (document);
}

/* Title and sidebar follow the buffer: a leading "*" marks unsaved changes. */
static void
update_title (RecapWindow *self)
{
  RecapDocument *document = recap_window_get_document (self);
  g_autofree char *title = NULL;
  g_autofree char *site_name = NULL;

  if (self->site != NULL)
    site_name = g_file_get_basename (recap_site_get_root (self->site));
  if (document == NULL)
    {
      adw_window_title_set_title (self->window_title, site_name ? site_name : _("Recap"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Recap"));
      return;
    }

  title = recap_editor_pane_dup_title (self->pane);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, recap_post_get_relative_path (recap_document_get_post (document)));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (RecapWindow *self)
{
  gboolean has_document = recap_window_get_document (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  recap_window_update_organize_actions (self);
  recap_window_update_export_actions (self);
  recap_window_update_git_actions (self);
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
  RecapDocument *document = recap_window_get_document (self);

  recap_sidebar_select_post (self->sidebar, document ? recap_document_get_post (document) : NULL);
}

static void
save_error_response (RecapAlert       *dialog,
                     const char       *response,
                     RecapWindow      *self)
{
  if (g_str_equal (response, "save-as") && recap_window_get_document (self) != NULL)
    choose_save_location (self);
}

/* The file is untouched and the buffer keeps the changes: offer another place. */
static void
show_save_error (RecapWindow  *self,
                 const GError *error)
{
  RecapAlert *dialog;

  /* The bar above the editor asks what to do about the other program's change. */
  if (g_error_matches (error, RECAP_DOCUMENT_ERROR, RECAP_DOCUMENT_ERROR_EXTERNALLY_MODIFIED))
    return;

  dialog = RECAP_ALERT (recap_compat_alert_new (_("Could Not Save"), NULL));
  recap_alert_format_body (dialog,
                           _("%s\n\nThe file on disk was not changed and your changes are still here. "
                             "Save them somewhere else?"),
                           error->message);
  recap_alert_add_responses (dialog,
                             "cancel", _("_Cancel"),
                             "save-as", _("Save _As…"),
                             NULL);
  recap_alert_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "save-as");
  recap_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response), self, 0);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
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
confirm_response (RecapAlert       *dialog,
                  const char       *response,
                  RecapWindow      *self)
{
  RecapDocument *document = recap_window_get_document (self);

  self->confirming = FALSE;
  if (g_str_equal (response, "save"))
    recap_document_save_async (document, NULL, saved_then_next, g_object_ref (self));
  else if (g_str_equal (response, "discard"))
    {
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
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
  RecapDocument *document = recap_window_get_document (self);
  RecapPost *post = recap_document_get_post (document);
  RecapAlert *dialog;

  if (self->confirming)
    return;
  self->confirming = TRUE;
  dialog = RECAP_ALERT (recap_compat_alert_new (_("Save Changes?"), NULL));
  recap_alert_format_body (dialog,
                           _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                           recap_post_get_title (post));
  recap_alert_add_responses (dialog,
                             "cancel", _("_Cancel"),
                             "discard", _("_Discard"),
                             "save", _("_Save"),
                             NULL);
  recap_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  recap_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "save");
  recap_alert_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response), self);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

void
recap_window_then (RecapWindow *self,
                   NextStep     next)
{
  next_step_clear (&self->next);
  self->next = next;
  if (recap_window_has_unsaved_changes (self))
    confirm_unsaved_changes (self);
  else
    run_next_step (self);
}

void
recap_window_set_document (RecapWindow   *self,
                           RecapDocument *document)
{
  recap_editor_pane_set_document (self->pane, document);
  recap_window_remember_post (self, document);
  gtk_stack_set_visible_child_name (self->editor_stack, document ? "post" : "none");
  update_title (self);
  update_actions (self);
}

void
recap_window_follow_post (RecapWindow *self,
                          RecapPost   *post)
{
  RecapDocument *document = recap_window_get_document (self);

  if (document == NULL || !g_file_equal (recap_document_get_file (document), recap_post_get_file (post)))
    return;
  recap_document_set_post (document, post);
  recap_sidebar_select_post (self->sidebar, post);
  update_title (self);
  update_actions (self);
}

/* The recovery dialog asked for the draft of the post just opened. */
static void
restore_requested_draft (RecapWindow *self)
{
  RecapDocument *document = recap_window_get_document (self);
  g_autoptr(GFile) file = g_steal_pointer (&self->restore_on_open);

  if (file != NULL && document != NULL && recap_document_get_draft (document) != NULL &&
      g_file_equal (file, recap_document_get_file (document)))
    recap_document_restore_draft (document);
}

static void
show_open_error (RecapWindow   *self,
                 RecapDocument *document,
                 const GError  *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                              recap_post_get_title (recap_document_get_post (document)),
                                              error->message);

  recap_window_show_toast (self, message);
}

/* A post being opened; a big one is shown while its text goes in. */
typedef struct {
  RecapWindow *window;
  gulong       filling_handler;
  gboolean     shown;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->window);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

/* GTK 4.8 sends the whole text of a buffer set on a view over D-Bus (its
 * accessibility layer), in one main-loop iteration: 5 MB took ~80 ms. A big
 * post is set on the view empty, and its text reaches the view (and the
 * screen reader) in the parts it goes in. */
static void
document_filling (RecapDocument *document,
                  guint64        size,
                  Opening       *opening)
{
  if (size < SHOW_WHILE_FILLING_SIZE)
    return;
  opening->shown = TRUE;
  recap_window_set_document (opening->window, document);
}

static void
post_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  RecapWindow *self = opening->window;
  RecapDocument *document = RECAP_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  g_signal_handler_disconnect (document, opening->filling_handler);
  if (!recap_document_load_finish (document, result, &error))
    {
      if (opening->shown && recap_window_get_document (self) == document)
        recap_window_set_document (self, NULL);
      show_open_error (self, document, error);
      select_open_post (self);
      return;
    }
  /* Shown while its text went in, then left for another post. */
  if (opening->shown && recap_window_get_document (self) != document)
    return;
  if (!opening->shown)
    recap_window_set_document (self, document);
  restore_requested_draft (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pane));
}

static void
recap_window_open_post (RecapWindow *self,
                        RecapPost   *post)
{
  g_autoptr(RecapDocument) document = recap_document_new (post, self->recovery);
  Opening *opening = g_new0 (Opening, 1);

  opening->window = g_object_ref (self);
  opening->filling_handler = g_signal_connect (document, "filling", G_CALLBACK (document_filling), opening);
  recap_document_load_async (document, NULL, post_loaded, opening);
}

static gboolean
is_open_post (RecapWindow *self,
              RecapPost   *post)
{
  RecapDocument *document = recap_window_get_document (self);

  return document != NULL && recap_document_get_post (document) == post;
}

static void
sidebar_post_activated (RecapWindow *self,
                        RecapPost   *post)
{
  recap_window_layout_post_opened (self);
  if (is_open_post (self, post) || self->confirming)
    return;
  recap_window_then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
}

static void
unlisted_file_loaded (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  RecapDocument *document = RECAP_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!recap_document_load_finish (document, result, &error))
    {
      show_open_error (self, document, error);
      return;
    }
  message = g_strdup_printf (_("“%s” is not a post of this site: Recap lists Markdown files (.md, .markdown)"),
                             recap_post_get_title (recap_document_get_post (document)));
  recap_window_show_toast (self, message);
}

/* Opens the post given on the command line once the scan has found it. A
 * file the scan did not list (missing, a pipe, no post's name) is loaded
 * anyway, only to say why, in the words a click on it would get. */
static void
open_post_file (RecapWindow *self,
                GFile       *file)
{
  RecapPost *post = recap_site_find_post (self->site, file);
  g_autoptr(RecapPost) unlisted = NULL;
  g_autoptr(RecapDocument) document = NULL;
  g_autofree char *name = NULL;

  if (post != NULL)
    {
      recap_sidebar_select_post (self->sidebar, post);
      recap_window_open_post (self, post);
      return;
    }
  name = g_file_get_basename (file);
  unlisted = recap_post_new_unreadable (file, name, NULL);
  document = recap_document_new (unlisted, NULL);
  recap_document_load_async (document, NULL, unlisted_file_loaded, g_object_ref (self));
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
  recap_window_then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
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
          dialog = recap_recovery_dialog_new (self->recovery);
          g_signal_connect_object (dialog, "restore", G_CALLBACK (restore_post), self, G_CONNECT_SWAPPED);
        }
      recap_recovery_dialog_add_draft (dialog, post, draft);
    }
  if (dialog != NULL)
    recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
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
  g_autoptr(GFile) post_file = NULL;

  if (!recap_site_load_finish (RECAP_SITE (object), result, &error))
    {
      /* A site opened since replaced this one: the post to select is the newer load's. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_autofree char *message = g_strdup_printf (_("Could not read the folder: %s"), error->message);
      recap_window_show_toast (self, message);
    }
  post_file = g_steal_pointer (&self->post_to_select);

  recap_sidebar_set_loading (self->sidebar, FALSE);
  offer_recovery (self);
  if (post_file != NULL)
    open_post_file (self, post_file);
}

/* A post the site reads again (after a save, a move, another program's
 * change) comes back as a new post and row, which the selection does not
 * keep: the document takes the new post (title and sidebar follow it),
 * and its row is selected again, unless the user selected others meanwhile,
 * without scrolling the list away from where the user left it. */
static void
site_items_changed (RecapWindow *self,
                    guint        position,
                    guint        removed,
                    guint        added)
{
  RecapDocument *document = recap_window_get_document (self);

  for (guint i = position; document != NULL && i < position + added; i++)
    {
      g_autoptr(RecapPost) item = g_list_model_get_item (G_LIST_MODEL (self->site), i);
      g_autoptr(GPtrArray) selected = NULL;

      if (!g_file_equal (recap_post_get_file (item), recap_document_get_file (document)))
        continue;
      selected = recap_sidebar_dup_selected_posts (self->sidebar);
      recap_document_set_post (document, item);
      if (selected->len == 0)
        recap_sidebar_reselect_post (self->sidebar, item);
      update_title (self);
      update_actions (self);
      return;
    }
}

static void
recap_window_open_site (RecapWindow *self,
                        GFile       *root,
                        GFile       *post_file)
{
  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  self->site_cancellable = g_cancellable_new ();

  recap_window_set_document (self, NULL);
  g_set_object (&self->post_to_select, post_file);
  /* Undo is for the site on screen; the same site opened again keeps it. */
  if (self->site == NULL || !g_file_equal (root, recap_site_get_root (self->site)))
    recap_op_history_clear (self->history);
  g_clear_object (&self->site);
  self->site = recap_site_new (root);
  recap_window_set_git_site (self);
  recap_sidebar_set_site (self->sidebar, self->site);
  recap_content_table_set_posts (self->table, G_LIST_MODEL (self->site));
  /* After the sidebar's own handlers, so that its rows are up to date. */
  g_signal_connect_object (self->site, "items-changed", G_CALLBACK (site_items_changed), self, G_CONNECT_SWAPPED);
  recap_sidebar_set_loading (self->sidebar, TRUE);
  recap_editor_pane_set_site (self->pane, self->site);
  gtk_stack_set_visible_child_name (self->main_stack, "site");
  update_title (self);
  update_actions (self);

  recap_window_remember_site (self, root);
  recap_site_load_async (self->site, self->site_cancellable, site_loaded, g_object_ref (self));
}

void
recap_window_open_location (RecapWindow *self,
                            GFile       *location)
{
  g_autoptr(GFile) root = NULL;

  g_return_if_fail (RECAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (location));

  if (recap_window_has_unsaved_changes (self))
    {
      recap_window_then (self, (NextStep) { NEXT_OPEN_LOCATION, NULL, g_object_ref (location) });
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

/* The last site, with the post open when the last session ended, unless
 * it is gone (the sidebar then has nothing to say about it). */
void
recap_window_open_last_folder (RecapWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "last-folder");
  g_autofree char *post_path = g_settings_get_string (self->settings, "last-post");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) post_file = NULL;

  g_return_if_fail (RECAP_IS_WINDOW (self));

  if (*path == '\0')
    return;
  folder = g_file_new_for_path (path);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return;
  if (*post_path != '\0')
    post_file = g_file_resolve_relative_path (folder, post_path);
  if (post_file != NULL && !g_file_query_exists (post_file, NULL))
    g_clear_object (&post_file);
  recap_window_open_site (self, folder, post_file);
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
  /* NULL once disposed, as the document then is. */
  return self->pane != NULL ? recap_editor_pane_get_document (self->pane) : NULL;
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
}

static void
pane_message (RecapWindow *self,
              const char  *message)
{
  recap_window_show_toast (self, message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);

  if (document != NULL)
    recap_document_save_async (document, NULL, saved, g_object_ref (self));
}

static void
save_as (RecapWindow *self,
         GFile       *file)
{
  RecapDocument *document = recap_window_get_document (self);

  if (document != NULL)
    recap_document_save_as_async (document, file, NULL, saved, g_object_ref (self));
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
  RecapDocument *document = recap_window_get_document (self);

  recap_choose_file (GTK_WINDOW (self), RECAP_CHOOSE_SAVE, _("Save As"), recap_document_get_file (document),
                     save_location_chosen, g_object_ref (self), g_object_unref);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);

  if (recap_window_get_document (self) != NULL)
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

static gboolean
recap_window_close_request (GtkWindow *window)
{
  RecapWindow *self = RECAP_WINDOW (window);

  if (!recap_window_has_unsaved_changes (self))
    return GTK_WINDOW_CLASS (recap_window_parent_class)->close_request (window);

  recap_window_then (self, (NextStep) { NEXT_CLOSE, NULL, NULL });
  return TRUE;
}

/* Restored now and saved as they change, as GNOME's guidelines ask:
 * default-width and -height keep the size the window has when it is not
 * maximized. GET_NO_CHANGES: another window's resize does not resize this one. */
static void
bind_window_state (RecapWindow *self)
{
  GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES;

  g_settings_bind (self->settings, "window-width", self, "default-width", flags);
  g_settings_bind (self->settings, "window-height", self, "default-height", flags);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
}

/* Preview: layout (header bar), scroll sync and remote images (menu) are
 * settings, which the editor pane follows; so is spell checking (menu). */
static const char * const settings_actions[] = { "preview-mode", "sync-scroll", "load-remote-images", "spell-check" };

static void
add_preview_actions (RecapWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, settings_actions[i]);
      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
}

/* GTK 4.8 leaks the "win" group of a window a tooltip was shown on: the
 * tooltip window's action muxer keeps the window's as its parent. A setting
 * changed later would reach the group, which forwards it to the freed
 * window (a GLib critical): the group must hold no settings actions then. */
static void
remove_preview_actions (RecapWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings_actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_actions[i]);
}

static void
recap_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  recap_window_layout_follow_width (RECAP_WINDOW (widget), width);
  GTK_WIDGET_CLASS (recap_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
recap_window_dispose (GObject *object)
{
  RecapWindow *self = RECAP_WINDOW (object);

  /* Closes the document (through the pane) before the site it belongs to. */
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_WINDOW);
  remove_preview_actions (self);
  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  next_step_clear (&self->next);
  g_clear_object (&self->history);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->post_to_select);
  g_clear_object (&self->site);
  g_clear_object (&self->git);
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
  widget_class->size_allocate = recap_window_size_allocate;

  g_type_ensure (RECAP_TYPE_SIDEBAR);
  g_type_ensure (RECAP_TYPE_SIDEBAR_SPLIT);
  g_type_ensure (RECAP_TYPE_EDITOR_PANE);
  g_type_ensure (RECAP_TYPE_CONTENT_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, split);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, split_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, new_post_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, table_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, taxonomy_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, table);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_post_activated);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, pane);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, pane_message);
  gtk_widget_class_bind_template_callback (widget_class, update_title);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_install_action (widget_class, "win.find-post", NULL, find_post_action);
  /* A binding, not an application accel (those come first): in the editor Ctrl+K inserts a link. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.find-post", NULL);
  recap_window_class_init_organize (widget_class);
  recap_window_class_init_export (widget_class);
  recap_window_class_init_git (widget_class);
  recap_window_class_init_layout (widget_class);
  recap_window_class_init_recent (widget_class);
}

static void
recap_window_init (RecapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  add_preview_actions (self);
  self->recovery = recap_recovery_new_default ();
  bind_window_state (self);
  recap_window_init_layout (self);
  recap_window_init_recent (self);
  recap_window_init_organize (self);
  update_title (self);
  update_actions (self);
}

RecapWindow *
recap_window_new (RecapApplication *application)
{
  return g_object_new (RECAP_TYPE_WINDOW, "application", application, NULL);
}
