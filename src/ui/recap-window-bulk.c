/* recap-window-bulk.c: the window's bulk operations on the posts selected
 * in the sidebar or the content table — Move to Trash, Assign to Event,
 * Add Front Matter and the table's Edit Selection dialog, which counts
 * the files an edit would change before it runs — each in a worker
 * thread, with Undo through recap-window-organize.c's history.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-background.h"
#include "recap-compat.h"
#include "recap-completion.h"
#include "recap-site-ops.h"
#include "recap-taxonomy.h"
#include "recap-window-private.h"

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
    recap_window_show_failure (self, _(bulk_labels[bulk->kind]), error->message);
  if (recap_bulk_edit_get_n_changed (bulk->edit) == 0)
    return;
  message = bulk_message (bulk);
  recap_window_offer_undo (self, recap_op_new_bulk (_(bulk_labels[bulk->kind]), g_steal_pointer (&bulk->edit)),
                           message);
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

      if (recap_window_is_open_file (self, file) && recap_window_has_unsaved_changes (self))
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
    if (recap_window_is_open_file (self, bulk->files->pdata[i]))
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

void
recap_window_class_init_bulk (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.assign-event", NULL, assign_event_action);
  gtk_widget_class_install_action (widget_class, "win.add-front-matter", NULL, add_front_matter_action);
  gtk_widget_class_install_action (widget_class, "win.bulk-edit", "s", bulk_edit_action);
}
