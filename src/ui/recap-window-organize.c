/* recap-window-organize.c: the window's organizing actions — new posts,
 * publishing and renaming the open post, tag renames, the content table
 * and the taxonomy manager, and the history of site operations that
 * their toasts and the menu undo. The bulk operations on selected posts
 * are in recap-window-bulk.c.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-background.h"
#include "recap-compat.h"
#include "recap-new-post-dialog.h"
#include "recap-site-ops.h"
#include "recap-taxonomy-window.h"
#include "recap-window-private.h"

/* New posts */

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

gboolean
recap_window_is_open_file (RecapWindow *self,
                           GFile       *file)
{
  RecapDocument *document = recap_window_get_document (self);

  return document != NULL && g_file_equal (recap_document_get_file (document), file);
}

/* The session's site operations, for undo */

static void run_undo (RecapWindow *self, RecapOp *op);

static void
undo_operation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapOp *op = recap_op_history_pop (self->history);

  if (op == NULL)
    return;
  /* Its Undo button would offer what is already being undone. Not
   * adw_toast_dismiss(): in libadwaita 1.2 that crashed the tests (a freed
   * animation in the toast overlay, seen under MALLOC_PERTURB_). */
  if (self->undo_toast != NULL && g_object_get_data (G_OBJECT (self->undo_toast), "recap-op") == op)
    adw_toast_set_button_label (self->undo_toast, NULL);
  run_undo (self, op);
}

/* The Undo of a toast undoes its own operation, while it is the latest. */
static void
toast_undo_clicked (AdwToast    *toast,
                    RecapWindow *self)
{
  RecapOp *op = g_object_get_data (G_OBJECT (toast), "recap-op");

  if (op != NULL && op == recap_op_history_peek (self->history))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-operation", NULL);
}

/* Keeps @op (taken) for undo and shows @message with an Undo button. */
void
recap_window_offer_undo (RecapWindow *self,
                         RecapOp     *op,
                         const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_object_set_data (G_OBJECT (toast), "recap-op", op);
  recap_op_history_push (self->history, op);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_clicked), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What a failed or partly failed operation left alone, in full. */
void
recap_window_show_failure (RecapWindow *self,
                           const char  *heading,
                           const char  *message)
{
  RecapAlert *dialog = RECAP_ALERT (recap_compat_alert_new (heading, message));

  recap_alert_add_response (dialog, "close", _("_Close"));
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

/* The menu names the operation Undo takes back. */
static void
update_undo_item (RecapWindow *self)
{
  const char *label = recap_op_history_get_label (self->history);

  g_menu_remove_all (self->undo_section);
  if (label != NULL)
    {
      /* TRANSLATORS: %s is a site operation, such as "Publish Draft" */
      g_autofree char *item = g_strdup_printf (_("_Undo %s"), label);
      g_menu_append (self->undo_section, item, "win.undo-operation");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-operation", label != NULL);
}

/* Moving the open post (publishing, back to drafts, renaming) and undoing
 * operations. The document is told before its file moves, and follows it. */

typedef enum {
  MOVE_PUBLISH,
  MOVE_UNPUBLISH,
  MOVE_RENAME,
  MOVE_UNDO,
} MoveKind;

typedef struct {
  MoveKind     kind;
  RecapWindow *window;
  GFile       *root;
  GFile       *file;   /* the open post's, for the moves */
  char        *slug;   /* rename */
  GDateTime   *date;   /* publish: NULL keeps the draft's date */
  RecapOp     *op;     /* undo: the operation undone */
  RecapMove   *result; /* set by the worker thread once the file moved */
} Move;

static const char * const move_labels[] = {
  [MOVE_PUBLISH] = N_("Publish Draft"),
  [MOVE_UNPUBLISH] = N_("Move to Drafts"),
  [MOVE_RENAME] = N_("Rename Post"),
};

/* The toast after a move, naming where the post is now. */
static const char * const move_done_formats[] = {
  [MOVE_PUBLISH] = N_("Published as %s"),
  [MOVE_UNPUBLISH] = N_("Moved to %s"),
  [MOVE_RENAME] = N_("Renamed to %s"),
};

static Move *
move_new (RecapWindow *self,
          MoveKind     kind)
{
  RecapDocument *document = recap_window_get_document (self);
  Move *move = g_new0 (Move, 1);

  move->kind = kind;
  move->window = g_object_ref (self);
  move->root = g_object_ref (recap_site_get_root (self->site));
  if (document != NULL)
    move->file = g_object_ref (recap_document_get_file (document));
  return move;
}

static void
move_free (Move *move)
{
  g_clear_object (&move->window);
  g_clear_object (&move->root);
  g_clear_object (&move->file);
  g_clear_pointer (&move->date, g_date_time_unref);
  g_clear_pointer (&move->op, recap_op_free);
  g_clear_pointer (&move->result, recap_move_free);
  g_free (move->slug);
  g_free (move);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Move, move_free)

/* The file move of @move: the one made, or the one undone. */
static RecapMove *
move_get_file_move (Move *move)
{
  return move->kind == MOVE_UNDO ? recap_op_get_move (move->op) : move->result;
}

/* Worker thread: RecapDocumentMoveFunc. */
static gboolean
move_file (gpointer       data,
           GFile        **moved_to,
           GCancellable  *cancellable,
           GError       **error)
{
  Move *move = data;
  RecapMove *undone;

  switch (move->kind)
    {
    case MOVE_PUBLISH:
      move->result = recap_publish_draft (move->root, move->file, move->date, cancellable, error);
      break;
    case MOVE_UNPUBLISH:
      move->result = recap_unpublish_post (move->root, move->file, cancellable, error);
      break;
    case MOVE_RENAME:
      move->result = recap_rename_post (move->file, move->slug, cancellable, error);
      break;
    case MOVE_UNDO:
    default:
      if (!recap_op_undo (move->op, cancellable, error))
        return FALSE;
      undone = recap_op_get_move (move->op);
      *moved_to = undone ? g_object_ref (undone->from) : NULL;
      return TRUE;
    }
  if (move->result == NULL)
    return FALSE;
  *moved_to = g_object_ref (move->result->to);
  return TRUE;
}

static void
moved_post_reloaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RecapWindow) self = user_data;
  RecapPost *post = recap_site_reload_file_finish (RECAP_SITE (object), result, NULL);

  if (post != NULL)
    recap_window_follow_post (self, post);
}

/* The sidebar shows the files where they are now; the open post follows. */
static void
reload_moved_files (RecapWindow *self,
                    RecapMove   *file_move,
                    gboolean     undone)
{
  if (self->site == NULL || file_move == NULL)
    return;
  recap_site_reload_file_async (self->site, undone ? file_move->to : file_move->from, NULL, NULL, NULL);
  recap_site_reload_file_async (self->site, undone ? file_move->from : file_move->to, NULL,
                                moved_post_reloaded, g_object_ref (self));
}

static void
move_finished (Move         *move,
               const GError *error)
{
  RecapWindow *self = move->window;
  g_autofree char *message = NULL;
  g_autofree char *relative = NULL;

  reload_moved_files (self, move_get_file_move (move), move->kind == MOVE_UNDO);
  if (move->kind == MOVE_UNDO)
    {
      if (error != NULL)
        recap_window_show_failure (self, _("Some Changes Were Not Undone"), error->message);
      else
        {
          message = g_strdup_printf (_("Undone: %s"), recap_op_get_label (move->op));
          recap_window_show_toast (self, message);
        }
      return;
    }
  if (move->result == NULL)
    {
      message = g_strdup_printf (_("Could not move the post: %s"), error ? error->message : "");
      recap_window_show_toast (self, message);
      return;
    }
  relative = g_file_get_relative_path (move->root, move->result->to);
  message = g_strdup_printf (_(move_done_formats[move->kind]),
                             relative ? relative : g_file_peek_path (move->result->to));
  recap_window_offer_undo (self, recap_op_new_move (_(move_labels[move->kind]), g_steal_pointer (&move->result)),
                           message);
}

static void
document_moved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  g_autoptr(GError) error = NULL;

  recap_document_move_finish (RECAP_DOCUMENT (object), result, &error);
  move_finished (move, error);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GFile) moved_to = NULL;
  GError *error = NULL;
  gboolean ok = move_file (task_data, &moved_to, cancellable, &error);

  recap_background_return_boolean (task, ok, error);
}

static void
undone (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  move_finished (g_task_get_task_data (G_TASK (result)), error);
}

/* Runs @move through the open document when it moves the document's file. */
static void
run_move (RecapWindow *self,
          Move        *move)
{
  RecapDocument *document = recap_window_get_document (self);
  RecapMove *file_move = move->kind == MOVE_UNDO ? recap_op_get_move (move->op) : NULL;
  g_autoptr(GTask) task = NULL;

  if (move->kind != MOVE_UNDO || (file_move != NULL && recap_window_is_open_file (self, file_move->to)))
    {
      recap_document_move_async (document, move_file, move, NULL, document_moved, move);
      return;
    }
  task = g_task_new (self, NULL, undone, NULL);
  g_task_set_task_data (task, move, (GDestroyNotify) move_free);
  g_task_run_in_thread (task, undo_thread);
}

static void
run_undo (RecapWindow *self,
          RecapOp     *op)
{
  RecapMove *file_move = recap_op_get_move (op);
  Move *move;

  /* Its unsaved changes would be left behind in the file moved back. */
  if (file_move != NULL && recap_window_is_open_file (self, file_move->to) && recap_window_has_unsaved_changes (self))
    {
      recap_op_history_push (self->history, op);
      recap_window_show_toast (self, _("The open post has unsaved changes: save them before undoing"));
      return;
    }
  move = move_new (self, MOVE_UNDO);
  move->op = op;
  run_move (self, move);
}

static void
saved_then_moved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Move *move = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (recap_document_save_finish (RECAP_DOCUMENT (object), result, &error))
    {
      run_move (move->window, move);
      return;
    }
  message = g_strdup_printf (_("The post was not moved, as it could not be saved: %s"), error->message);
  recap_window_show_toast (move->window, message);
  move_free (move);
}

/* Moves the open post, saving it first: the file that moves is the post as the user sees it. */
static void
move_open_post (RecapWindow *self,
                Move        *move)
{
  RecapDocument *document = recap_window_get_document (self);

  if (document == NULL || !recap_window_is_open_file (self, move->file))
    {
      move_free (move);
      return;
    }
  if (recap_window_has_unsaved_changes (self))
    recap_document_save_async (document, NULL, saved_then_moved, move);
  else
    run_move (self, move);
}

static void
unpublish_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);

  if (document != NULL && self->site != NULL)
    move_open_post (self, move_new (self, MOVE_UNPUBLISH));
}

static void
publish_response (RecapAlert       *dialog,
                  const char       *response,
                  RecapWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "recap-file");
  Move *move;

  if (!g_str_equal (response, "today") && !g_str_equal (response, "keep"))
    return;
  if (self->site == NULL || !recap_window_is_open_file (self, file))
    return;
  move = move_new (self, MOVE_PUBLISH);
  if (g_str_equal (response, "today"))
    move->date = recap_site_new_now (self->site);
  move_open_post (self, move);
}

/* Asks for the day the post is published on, showing the file name each gives, before anything moves. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = self->site ? recap_site_new_now (self->site) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) kept = NULL;
  g_autofree char *today_name = NULL;
  g_autofree char *today_day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today_label = NULL;
  RecapAlert *dialog;

  if (document == NULL || self->site == NULL)
    return;
  basename = g_file_get_basename (recap_document_get_file (document));
  /* Unsaved changes are saved first: the date is the buffer's. */
  text = recap_document_dup_text (document);
  kept = recap_draft_date (basename, text, strlen (text));
  today_name = recap_published_name (basename, now);
  /* TRANSLATORS: a button; %s is today's date, 2024-03-14 */
  today_label = g_strdup_printf (_("_Today (%s)"), today_day);

  dialog = RECAP_ALERT (recap_compat_alert_new (_("Publish Draft?"), NULL));
  recap_alert_add_response (dialog, "cancel", _("_Cancel"));
  if (kept != NULL)
    {
      g_autofree char *kept_name = recap_published_name (basename, kept);
      g_autofree char *kept_day = g_date_time_format (kept, "%Y-%m-%d");
      /* TRANSLATORS: a button; %s is the date the draft already has, 2019-10-13 */
      g_autofree char *keep_label = g_strdup_printf (_("_Keep %s"), kept_day);

      recap_alert_format_body (dialog,
                               _("Which date should the post carry?\n\n"
                                 "Keep %s: _posts/%s\nToday: _posts/%s"),
                               kept_day, kept_name, today_name);
      recap_alert_add_response (dialog, "keep", keep_label);
      recap_alert_set_default_response (dialog, "keep");
    }
  else
    {
      recap_alert_format_body (dialog, _("The draft has no date yet. Published today, it becomes _posts/%s."),
                               today_name);
      recap_alert_set_default_response (dialog, "today");
    }
  recap_alert_add_response (dialog, "today", today_label);
  recap_alert_set_response_appearance (dialog, kept ? "keep" : "today", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-file", g_object_ref (recap_document_get_file (document)),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response), self, 0);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

static void
rename_response (RecapAlert       *dialog,
                 const char       *response,
                 RecapWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (recap_alert_get_extra_child (dialog));
  GFile *file = g_object_get_data (G_OBJECT (dialog), "recap-file");
  Move *move;

  if (!g_str_equal (response, "rename") || self->site == NULL || !recap_window_is_open_file (self, file))
    return;
  move = move_new (self, MOVE_RENAME);
  move->slug = g_strdup (gtk_editable_get_text (entry));
  move_open_post (self, move);
}

static void
rename_post_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);
  g_autofree char *slug = NULL;
  RecapAlert *dialog;
  GtkWidget *entry;

  if (document == NULL)
    return;
  slug = recap_slugify (recap_post_get_title (recap_document_get_post (document)));
  dialog = RECAP_ALERT (recap_compat_alert_new (_("Rename Post"),
                                                _("The new file name, after the date")));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), slug);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("File name"), -1);
  recap_alert_set_extra_child (dialog, entry);
  recap_alert_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  recap_alert_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "rename");
  recap_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-file", g_object_ref (recap_document_get_file (document)),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response), self, 0);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

/* The content table */

GPtrArray *
recap_window_dup_selected_posts (RecapWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "table") == 0)
    return recap_content_table_dup_selected_posts (self->table);
  return recap_sidebar_dup_selected_posts (self->sidebar);
}

static void
show_table_changed (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  RecapWindow *self = user_data;

  if (g_variant_get_boolean (state))
    gtk_stack_set_visible_child_name (self->editor_stack, "table");
  else
    gtk_stack_set_visible_child_name (self->editor_stack, recap_window_get_document (self) ? "post" : "none");
}

/* The toggle follows the page: opening a post leaves the table. */
static void
editor_page_changed (RecapWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-table");
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "table") == 0;

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
}

static void
table_post_activated (RecapWindow *self)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-table", g_variant_new_boolean (FALSE));
}

void
recap_window_show_table (RecapWindow *self,
                         const char  *query)
{
  recap_content_table_set_query (self->table, query);
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-table", g_variant_new_boolean (TRUE));
}

static void
init_table (RecapWindow *self)
{
  GSimpleAction *show = g_simple_action_new_stateful ("show-table", NULL, g_variant_new_boolean (FALSE));

  g_signal_connect (show, "change-state", G_CALLBACK (show_table_changed), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show));
  g_object_unref (show);
  g_signal_connect_object (self->editor_stack, "notify::visible-child-name", G_CALLBACK (editor_page_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "post-activated", G_CALLBACK (table_post_activated), self,
                           G_CONNECT_SWAPPED);
}

/* The taxonomy manager */

static void
taxonomy_edited (RecapWindow   *self,
                 const char    *label,
                 RecapBulkEdit *edit)
{
  guint n = recap_bulk_edit_get_n_changed (edit);
  /* TRANSLATORS: "Merge Tag: 12 posts changed" */
  g_autofree char *message = g_strdup_printf (ngettext ("%s: %u post changed", "%s: %u posts changed", n), label, n);

  recap_window_offer_undo (self, recap_op_new_bulk (label, edit), message);
}

static void
taxonomy_show_posts (RecapWindow *self,
                     const char  *query)
{
  recap_window_show_table (self, query);
  gtk_window_present (GTK_WINDOW (self));
}

static RecapTaxonomyWindow *
open_taxonomy (RecapWindow *self)
{
  RecapTaxonomyWindow *manager = recap_taxonomy_window_new (GTK_WINDOW (self), self->site);

  g_signal_connect_object (manager, "edited", G_CALLBACK (taxonomy_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "show-posts", G_CALLBACK (taxonomy_show_posts), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (manager));
  return manager;
}

static void
taxonomy_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);

  if (self->site != NULL)
    open_taxonomy (self);
}

/* The sidebar's menu of a tag group: (operation, tag). */
static void
tag_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  const char *operation, *tag;
  g_autofree char *query = NULL;

  g_variant_get (parameter, "(&s&s)", &operation, &tag);
  if (self->site == NULL)
    return;
  if (!g_str_equal (operation, "select"))
    {
      recap_taxonomy_window_start (open_taxonomy (self), operation, tag);
      return;
    }
  query = g_strdup_printf ("tag:\"%s\"", tag);
  recap_window_show_table (self, query);
  recap_content_table_select_all_when_done (self->table);
}

/* Rename Tag… of the main menu: the manager's list, to find the tag by typing. */
static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);

  if (self->site != NULL)
    recap_taxonomy_window_start (open_taxonomy (self), "rename", NULL);
}

void
recap_window_update_organize_actions (RecapWindow *self)
{
  RecapDocument *document = recap_window_get_document (self);
  RecapPost *post = document ? recap_document_get_post (document) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-post", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-tag", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.taxonomy", self->site != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", post && recap_post_get_is_draft (post));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-post", post != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpublish",
                                 post && g_str_has_prefix (recap_post_get_relative_path (post), "_posts/"));
}

/* The post at @site_path ("_posts/x.md"), or, for {% post_url %}'s path
 * without extension, the post of that name with any extension Jekyll reads. */
static RecapPost *
find_post_at (RecapSite  *site,
              const char *site_path)
{
  static const char * const extensions[] = { "", ".md", ".markdown", ".mkdown", ".mkdn", ".mkd", ".html" };
  GFile *root = recap_site_get_root (site);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *path = g_strconcat (site_path, extensions[i], NULL);
      g_autoptr(GFile) file = g_file_resolve_relative_path (root, path);
      RecapPost *post = g_file_has_prefix (file, root) ? recap_site_find_post (site, file) : NULL;

      if (post != NULL)
        return post;
    }
  return NULL;
}

/* A link in the preview to a file of the site: opens it when it is a post. */
static void
open_site_post_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapPost *post = self->site ? find_post_at (self->site, g_variant_get_string (parameter, NULL)) : NULL;
  RecapDocument *document = recap_window_get_document (self);

  if (post == NULL || (document != NULL && recap_document_get_post (document) == post))
    return;
  recap_sidebar_select_post (self->sidebar, post);
  recap_window_then (self, (NextStep) { NEXT_OPEN_POST, g_object_ref (post), NULL });
}

void
recap_window_class_init_organize (GtkWidgetClass *widget_class)
{
  recap_window_class_init_bulk (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open-site-post", "s", open_site_post_action);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tag", NULL, rename_tag_action);
  gtk_widget_class_install_action (widget_class, "win.rename-post", NULL, rename_post_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.unpublish", NULL, unpublish_action);
  gtk_widget_class_install_action (widget_class, "win.undo-operation", NULL, undo_operation_action);
  gtk_widget_class_install_action (widget_class, "win.taxonomy", NULL, taxonomy_action);
  gtk_widget_class_install_action (widget_class, "win.tag-group", "(ss)", tag_group_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-table", NULL);
}

void
recap_window_init_organize (RecapWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  init_table (self);
  self->history = recap_op_history_new ();
  g_signal_connect_object (self->history, "notify::label", G_CALLBACK (update_undo_item), self, G_CONNECT_SWAPPED);
  update_undo_item (self);
  /* Ctrl+Z in the editor undoes typing; in the sidebar, the latest site operation. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.undo-operation")));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), shortcuts);
}
