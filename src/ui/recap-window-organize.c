/* recap-window-organize.c: the window's organizing actions — new posts,
 * publishing and renaming the open post, tag renames and the bulk
 * operations on the posts selected in the sidebar, each with Undo.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-background.h"
#include "recap-compat.h"
#include "recap-completion.h"
#include "recap-new-post-dialog.h"
#include "recap-rename-tag-dialog.h"
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

static gboolean
is_open_file (RecapWindow *self,
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
static void
offer_undo (RecapWindow *self,
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
static void
show_failure (RecapWindow *self,
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
        show_failure (self, _("Some Changes Were Not Undone"), error->message);
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
  offer_undo (self, recap_op_new_move (_(move_labels[move->kind]), g_steal_pointer (&move->result)), message);
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

  if (move->kind != MOVE_UNDO || (file_move != NULL && is_open_file (self, file_move->to)))
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
  if (file_move != NULL && is_open_file (self, file_move->to) && recap_window_has_unsaved_changes (self))
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

  if (document == NULL || !is_open_file (self, move->file))
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
  if (self->site == NULL || !is_open_file (self, file))
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

  if (!g_str_equal (response, "rename") || self->site == NULL || !is_open_file (self, file))
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

static void
tag_renamed (RecapWindow          *self,
             RecapBulkEdit        *edit,
             RecapRenameTagDialog *dialog)
{
  guint n = recap_bulk_edit_get_n_changed (edit);
  g_autofree char *message = g_strdup_printf (ngettext ("Tag renamed in %u post", "Tag renamed in %u posts", n), n);

  offer_undo (self, recap_op_new_bulk (_("Rename Tag"), recap_rename_tag_dialog_steal_edit (dialog)), message);
}

/* Bulk operations on the posts selected in the sidebar */

typedef enum {
  BULK_SET_EVENT,
  BULK_ADD_FRONT_MATTER,
  BULK_TRASH,
  /* The table's Edit Selection menu, named as win.bulk-edit's targets */
  BULK_ADD_TAG,
  BULK_REMOVE_TAG,
  BULK_ADD_CATEGORY,
  BULK_REMOVE_CATEGORY,
  BULK_SET_KEY,
  BULK_REMOVE_KEY,
  N_BULK_KINDS
} BulkKind;

static const char * const bulk_targets[N_BULK_KINDS] = {
  [BULK_ADD_TAG] = "add-tag",
  [BULK_REMOVE_TAG] = "remove-tag",
  [BULK_ADD_CATEGORY] = "add-category",
  [BULK_REMOVE_CATEGORY] = "remove-category",
  [BULK_SET_KEY] = "set-key",
  [BULK_REMOVE_KEY] = "remove-key",
};

typedef struct {
  BulkKind        kind;
  GPtrArray      *files;
  char           *event;  /* also the value of the table's edits */
  char           *key;
  RecapBulkEdit  *edit;
  /* What the table's edits give recap_edit_values() and recap_edit_key() */
  const char     *old_values[2];
  RecapValueEdit  value_edit;
  RecapKeyEdit    key_edit;
} Bulk;

static void
bulk_free (Bulk *bulk)
{
  g_clear_pointer (&bulk->files, g_ptr_array_unref);
  g_clear_pointer (&bulk->edit, recap_bulk_edit_free);
  g_free (bulk->event);
  g_free (bulk->key);
  g_free (bulk);
}

static Bulk *
bulk_new (BulkKind    kind,
          GPtrArray  *files,
          const char *key,
          const char *value)
{
  Bulk *bulk = g_new0 (Bulk, 1);
  gboolean tags = kind == BULK_ADD_TAG || kind == BULK_REMOVE_TAG;
  gboolean removing = kind == BULK_REMOVE_TAG || kind == BULK_REMOVE_CATEGORY;

  bulk->kind = kind;
  bulk->files = g_ptr_array_ref (files);
  bulk->event = g_strdup (value);
  bulk->key = g_strdup (key);
  bulk->edit = recap_bulk_edit_new ();
  bulk->old_values[0] = bulk->event;
  bulk->value_edit = (RecapValueEdit) { tags ? RECAP_TAXONOMY_TAGS : RECAP_TAXONOMY_CATEGORIES,
                                        removing ? bulk->old_values : NULL, removing ? NULL : bulk->event };
  bulk->key_edit = (RecapKeyEdit) { bulk->key, kind == BULK_SET_KEY ? bulk->event : NULL };
  return bulk;
}

/* The edit function of a bulk edit of front matter, and its data. */
static RecapEditFunc
bulk_edit_func (Bulk          *bulk,
                gconstpointer *data)
{
  switch (bulk->kind)
    {
    case BULK_SET_EVENT:
      *data = bulk->event;
      return recap_edit_set_event;
    case BULK_ADD_FRONT_MATTER:
      *data = NULL;
      return recap_edit_add_front_matter;
    case BULK_SET_KEY:
    case BULK_REMOVE_KEY:
      *data = &bulk->key_edit;
      return recap_edit_key;
    case BULK_TRASH:
    case N_BULK_KINDS:
      g_assert_not_reached ();
    default:
      *data = &bulk->value_edit;
      return recap_edit_values;
    }
}

static void
bulk_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Bulk *bulk = task_data;
  GError *error = NULL;
  gconstpointer data;
  RecapEditFunc func;
  gboolean ok;

  if (bulk->kind == BULK_TRASH)
    ok = recap_bulk_edit_trash (bulk->edit, bulk->files, cancellable, &error);
  else
    {
      func = bulk_edit_func (bulk, &data);
      ok = recap_bulk_edit_apply (bulk->edit, bulk->files, func, data, NULL, NULL, cancellable, &error);
    }
  recap_background_return_boolean (task, ok, error);
}

static const char * const bulk_labels[] = {
  [BULK_SET_EVENT] = N_("Assign to Event"),
  [BULK_ADD_FRONT_MATTER] = N_("Add Front Matter"),
  [BULK_TRASH] = N_("Move to Trash"),
  [BULK_ADD_TAG] = N_("Add Tag"),
  [BULK_REMOVE_TAG] = N_("Remove Tag"),
  [BULK_ADD_CATEGORY] = N_("Add Category"),
  [BULK_REMOVE_CATEGORY] = N_("Remove Category"),
  [BULK_SET_KEY] = N_("Set Key"),
  [BULK_REMOVE_KEY] = N_("Remove Key"),
};

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
      return g_strdup_printf (ngettext ("%u post moved to the trash", "%u posts moved to the trash", n), n);
    default:
      /* TRANSLATORS: "Add Tag: 12 posts changed" */
      return g_strdup_printf (ngettext ("%s: %u post changed", "%s: %u posts changed", n), _(bulk_labels[bulk->kind]), n);
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

  /* A partial failure names the files it skipped; Undo is for the others. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_failure (self, _(bulk_labels[bulk->kind]), error->message);
  if (recap_bulk_edit_get_n_changed (bulk->edit) == 0)
    return;
  message = bulk_message (bulk);
  offer_undo (self, recap_op_new_bulk (_(bulk_labels[bulk->kind]), g_steal_pointer (&bulk->edit)), message);
}

/* Files of the selected posts; the open post only when saved, as the
 * operation writes the file under the buffer. */
static GPtrArray *
selected_files (RecapWindow *self)
{
  g_autoptr(GPtrArray) posts = recap_window_dup_selected_posts (self);
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

/* Runs @bulk (taken) in a worker thread, then offers its Undo. */
static void
run_bulk_edit (RecapWindow *self,
               Bulk        *bulk)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, bulk_done, NULL);

  /* A trashed open post closes; nothing is left to save. */
  for (guint i = 0; bulk->kind == BULK_TRASH && i < bulk->files->len; i++)
    if (is_open_file (self, bulk->files->pdata[i]))
      recap_window_set_document (self, NULL);
  g_task_set_task_data (task, bulk, (GDestroyNotify) bulk_free);
  g_task_run_in_thread (task, bulk_thread);
}

static void
run_bulk (RecapWindow *self,
          BulkKind     kind,
          GPtrArray   *files,
          const char  *event)
{
  run_bulk_edit (self, bulk_new (kind, files, NULL, event));
}

/* At once, without asking, as GNOME's guidelines ask: the toast's Undo
 * puts the files back byte for byte. */
static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  g_autoptr(GPtrArray) files = selected_files (self);

  if (files->len > 0)
    run_bulk (self, BULK_TRASH, files, NULL);
}

static void
assign_event_response (RecapAlert       *dialog,
                       const char       *response,
                       RecapWindow      *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "recap-files");
  GtkEditable *entry = GTK_EDITABLE (recap_alert_get_extra_child (dialog));
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
  RecapAlert *dialog;

  if (files->len == 0 || self->site == NULL)
    return;
  dialog = RECAP_ALERT (recap_compat_alert_new (_("Assign to Event"), NULL));
  recap_alert_format_body (dialog, ngettext ("The event of %u post", "The event of %u posts", files->len),
                           files->len);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event"), -1);
  events = recap_site_collect_values (G_LIST_MODEL (self->site), "event");
  recap_completion_set_suggestions (recap_completion_attach (entry, GTK_EDITABLE (entry)),
                                    (const char * const *) events);
  recap_alert_set_extra_child (dialog, entry);
  recap_alert_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove from Event"),
                             "assign", _("_Assign"), NULL);
  recap_alert_set_response_appearance (dialog, "assign", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "assign");
  recap_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-files", g_ptr_array_ref (files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (assign_event_response), self);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
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

/* The table's Edit Selection: a dialog that counts the files the edit
 * would change, in a worker thread, as the user types. */

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Bulk *bulk = task_data;
  gconstpointer data;
  RecapEditFunc func = bulk_edit_func (bulk, &data);
  guint n = recap_bulk_edit_preview (bulk->files, func, data, NULL, NULL, cancellable);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_int (task, n);
}

static void
previewed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RecapAlert) dialog = user_data;
  g_autoptr(GError) error = NULL;
  Bulk *bulk = g_task_get_task_data (G_TASK (result));
  gssize n = g_task_propagate_int (G_TASK (result), &error);
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "recap-preview");
  g_autofree char *text = NULL;

  /* A later edit of the fields, or the dialog's response, cancelled it. */
  if (error != NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  text = g_strdup_printf (ngettext ("%zd of %u file will change", "%zd of %u files will change", bulk->files->len),
                          n, bulk->files->len);
  gtk_label_set_label (label, text);
  recap_alert_set_response_enabled (dialog, "apply", n > 0);
}

static char *
dialog_text (RecapAlert       *dialog,
             const char       *name)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), name);

  return entry ? g_strstrip (g_strdup (gtk_editable_get_text (entry))) : NULL;
}

/* The edit the dialog's fields describe now, or NULL when they are incomplete. */
static Bulk *
dialog_bulk (RecapAlert       *dialog)
{
  BulkKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "recap-kind"));
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "recap-files");
  g_autofree char *key = dialog_text (dialog, "recap-key");
  g_autofree char *value = dialog_text (dialog, "recap-value");

  if ((key != NULL && *key == '\0') || (value != NULL && *value == '\0'))
    return NULL;
  return bulk_new (kind, files, key, value);
}

static void
update_preview (RecapAlert       *dialog)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (dialog), "recap-cancellable");
  Bulk *bulk = dialog_bulk (dialog);
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (cancellable);
  recap_alert_set_response_enabled (dialog, "apply", FALSE);
  gtk_label_set_label (g_object_get_data (G_OBJECT (dialog), "recap-preview"), bulk ? _("Counting…") : "");
  if (bulk == NULL)
    return;
  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (dialog), "recap-cancellable", cancellable, g_object_unref);
  task = g_task_new (NULL, cancellable, previewed, g_object_ref (dialog));
  g_task_set_task_data (task, bulk, (GDestroyNotify) bulk_free);
  g_task_run_in_thread (task, preview_thread);
}

static void
bulk_edit_response (RecapAlert       *dialog,
                    const char       *response,
                    RecapWindow      *self)
{
  Bulk *bulk;

  g_cancellable_cancel (g_object_get_data (G_OBJECT (dialog), "recap-cancellable"));
  if (!g_str_equal (response, "apply") || (bulk = dialog_bulk (dialog)) == NULL)
    return;
  run_bulk_edit (self, bulk);
}

/* An entry of the dialog, completing from the site's @suggestions. */
static GtkWidget *
dialog_entry (RecapAlert         *dialog,
              const char         *name,
              const char         *label,
              const char * const *suggestions)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (suggestions != NULL)
    recap_completion_set_suggestions (recap_completion_attach (entry, GTK_EDITABLE (entry)), suggestions);
  g_object_set_data (G_OBJECT (dialog), name, entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_preview), dialog);
  return entry;
}

static GStrv
kind_suggestions (RecapWindow *self,
                  BulkKind     kind)
{
  GListModel *posts = G_LIST_MODEL (self->site);

  switch (kind)
    {
    case BULK_ADD_TAG:
    case BULK_REMOVE_TAG:
      return recap_site_collect_values (posts, "tags");
    case BULK_ADD_CATEGORY:
    case BULK_REMOVE_CATEGORY:
      return recap_site_collect_values (posts, "categories");
    default:
      return NULL;
    }
}

static void
bulk_edit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_auto(GStrv) suggestions = NULL;
  RecapAlert *dialog;
  GtkWidget *box, *preview;
  BulkKind kind = 0;

  while (kind < N_BULK_KINDS && g_strcmp0 (bulk_targets[kind], target) != 0)
    kind++;
  g_return_if_fail (kind < N_BULK_KINDS);
  if (self->site == NULL || (files = selected_files (self))->len == 0)
    return;
  dialog = RECAP_ALERT (recap_compat_alert_new (_(bulk_labels[kind]), NULL));
  recap_alert_format_body (dialog, ngettext ("%u post selected", "%u posts selected", files->len), files->len);
  g_object_set_data (G_OBJECT (dialog), "recap-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "recap-files", g_ptr_array_ref (files),
                          (GDestroyNotify) g_ptr_array_unref);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (kind == BULK_SET_KEY || kind == BULK_REMOVE_KEY)
    gtk_box_append (GTK_BOX (box), dialog_entry (dialog, "recap-key", _("Key, such as layout or author"), NULL));
  suggestions = kind_suggestions (self, kind);
  if (kind != BULK_REMOVE_KEY)
    gtk_box_append (GTK_BOX (box), dialog_entry (dialog, "recap-value", _("Value"),
                                                 (const char * const *) suggestions));
  preview = gtk_label_new (NULL);
  gtk_widget_add_css_class (preview, "dim-label");
  g_object_set_data (G_OBJECT (dialog), "recap-preview", preview);
  gtk_box_append (GTK_BOX (box), preview);
  recap_alert_set_extra_child (dialog, box);
  recap_alert_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  recap_alert_set_response_appearance (dialog, "apply", kind == BULK_REMOVE_KEY || kind == BULK_REMOVE_TAG ||
                                       kind == BULK_REMOVE_CATEGORY ? ADW_RESPONSE_DESTRUCTIVE
                                                                    : ADW_RESPONSE_SUGGESTED);
  recap_alert_set_response_enabled (dialog, "apply", FALSE);
  recap_alert_set_default_response (dialog, "apply");
  recap_alert_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (bulk_edit_response), self);
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

  offer_undo (self, recap_op_new_bulk (label, edit), message);
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
  dialog = recap_rename_tag_dialog_new (GTK_WINDOW (self), self->site);
  g_signal_connect_object (dialog, "renamed", G_CALLBACK (tag_renamed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  gtk_widget_class_install_action (widget_class, "win.open-site-post", "s", open_site_post_action);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tag", NULL, rename_tag_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.rename-post", NULL, rename_post_action);
  gtk_widget_class_install_action (widget_class, "win.assign-event", NULL, assign_event_action);
  gtk_widget_class_install_action (widget_class, "win.add-front-matter", NULL, add_front_matter_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.unpublish", NULL, unpublish_action);
  gtk_widget_class_install_action (widget_class, "win.undo-operation", NULL, undo_operation_action);
  gtk_widget_class_install_action (widget_class, "win.bulk-edit", "s", bulk_edit_action);
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
