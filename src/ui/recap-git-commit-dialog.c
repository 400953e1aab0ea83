/* recap-git-commit-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-git-badge.h"
#include "recap-git-commit-dialog.h"

struct _RecapGitCommitDialog
{
  AdwWindow        parent_instance;

  RecapGitMonitor *monitor;
  GHashTable      *checks;       /* relative path -> its GtkCheckButton */
  GCancellable    *cancellable;
  gboolean         committing;
  char            *error;

  GtkWidget       *commit_button;
  GtkLabel        *error_label;
  GtkTextView     *message_view;
  GtkLabel        *identity_label;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (RecapGitCommitDialog, recap_git_commit_dialog, ADW_TYPE_WINDOW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_message (RecapGitCommitDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->message_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The chosen paths, sorted. */
static GStrv
dup_chosen (RecapGitCommitDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) changed = recap_git_monitor_dup_changed (self->monitor);

  for (guint i = 0; changed[i] != NULL; i++)
    {
      GtkCheckButton *check = g_hash_table_lookup (self->checks, changed[i]);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, changed[i]);
    }
  return g_strv_builder_end (builder);
}

static void
update_commit_button (RecapGitCommitDialog *self)
{
  g_autofree char *message = dup_message (self);
  g_auto(GStrv) chosen = dup_chosen (self);

  gtk_widget_set_sensitive (self->commit_button, !self->committing && *message && chosen[0] != NULL);
}

static void
show_error (RecapGitCommitDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A row for @path: the post's title (its path when it is no post), the
 * path and its state below, a check box to choose it. */
static void
add_row (RecapGitCommitDialog *self,
         const char           *path)
{
  RecapSite *site = recap_git_monitor_get_site (self->monitor);
  g_autoptr(GFile) file = g_file_resolve_relative_path (recap_site_get_root (site), path);
  RecapPost *post = recap_site_find_post (site, file);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *badge = recap_git_badge_new ();

  recap_git_badge_set_state (badge, recap_git_monitor_get_state (self->monitor, path));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_commit_button), self, G_CONNECT_SWAPPED);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), post ? recap_post_get_title (post) : path);
  if (post != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->list_box, row);
  g_hash_table_insert (self->checks, g_strdup (path), check);
}

static void
identity_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *identity = recap_git_identity_finish (result, &error);
  RecapGitCommitDialog *self = user_data;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (identity == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: the git identity a commit is made with, "Name <email>" */
  text = g_strdup_printf (_("Committing as %s"), identity);
  gtk_label_set_label (self->identity_label, text);
}

RecapGitCommitDialog *
recap_git_commit_dialog_new (GtkWindow       *parent,
                             RecapGitMonitor *monitor,
                             const char      *first_path)
{
  RecapGitCommitDialog *self = g_object_new (RECAP_TYPE_GIT_COMMIT_DIALOG, "transient-for", parent, NULL);
  g_auto(GStrv) changed = recap_git_monitor_dup_changed (monitor);

  self->monitor = g_object_ref (monitor);
  if (first_path != NULL && g_strv_contains ((const char * const *) changed, first_path))
    add_row (self, first_path);
  for (guint i = 0; changed[i] != NULL; i++)
    if (g_strcmp0 (changed[i], first_path) != 0)
      add_row (self, changed[i]);
  recap_git_identity_async (recap_site_get_root (recap_git_monitor_get_site (monitor)), self->cancellable,
                            identity_read, self);
  return self;
}

void
recap_git_commit_dialog_set_chosen (RecapGitCommitDialog *self,
                                    const char           *relative_path,
                                    gboolean              chosen)
{
  GtkCheckButton *check;

  g_return_if_fail (RECAP_IS_GIT_COMMIT_DIALOG (self));

  check = g_hash_table_lookup (self->checks, relative_path);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, chosen);
}

void
recap_git_commit_dialog_set_message (RecapGitCommitDialog *self,
                                     const char           *message)
{
  g_return_if_fail (RECAP_IS_GIT_COMMIT_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), message, -1);
}

const char *
recap_git_commit_dialog_get_error (RecapGitCommitDialog *self)
{
  g_return_val_if_fail (RECAP_IS_GIT_COMMIT_DIALOG (self), NULL);
  return self->error;
}

static void
committed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = recap_git_commit_finish (result, &error);
  RecapGitCommitDialog *self = user_data;
  g_auto(GStrv) chosen = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->committing = FALSE;
  recap_git_monitor_refresh (self->monitor);
  if (id == NULL)
    {
      show_error (self, error->message);
      update_commit_button (self);
      return;
    }
  chosen = dup_chosen (self);
  g_signal_emit (self, signals[COMMITTED], 0, id, g_strv_length (chosen));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
recap_git_commit_dialog_commit (RecapGitCommitDialog *self)
{
  g_autofree char *message = NULL;
  g_auto(GStrv) chosen = NULL;

  g_return_if_fail (RECAP_IS_GIT_COMMIT_DIALOG (self));

  message = dup_message (self);
  chosen = dup_chosen (self);
  if (self->committing || *message == '\0' || chosen[0] == NULL)
    return;
  self->committing = TRUE;
  show_error (self, NULL);
  update_commit_button (self);
  recap_git_commit_async (recap_site_get_root (recap_git_monitor_get_site (self->monitor)),
                          (const char * const *) chosen, message, self->cancellable, committed, self);
}

static void
recap_git_commit_dialog_dispose (GObject *object)
{
  RecapGitCommitDialog *self = RECAP_GIT_COMMIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_GIT_COMMIT_DIALOG);

  G_OBJECT_CLASS (recap_git_commit_dialog_parent_class)->dispose (object);
}

static void
recap_git_commit_dialog_class_init (RecapGitCommitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_git_commit_dialog_dispose;

  /* The commit's id and how many files it holds. */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-git-commit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapGitCommitDialog, commit_button);
  gtk_widget_class_bind_template_child (widget_class, RecapGitCommitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RecapGitCommitDialog, message_view);
  gtk_widget_class_bind_template_child (widget_class, RecapGitCommitDialog, identity_label);
  gtk_widget_class_bind_template_child (widget_class, RecapGitCommitDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, recap_git_commit_dialog_commit);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
recap_git_commit_dialog_init (RecapGitCommitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->message_view), "changed",
                           G_CALLBACK (update_commit_button), self, G_CONNECT_SWAPPED);
}
