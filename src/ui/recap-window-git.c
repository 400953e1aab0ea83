/* recap-window-git.c: the window's git: the header's "3 changed" menu,
 * Commit… and the open post's changes since the last commit; the status
 * itself is RecapGitMonitor's, the work recap-git.c's. Pull and push are
 * not offered yet.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-git-badge.h"
#include "recap-git-commit-dialog.h"
#include "recap-git-diff-window.h"
#include "recap-window-private.h"

/* The open post's path in the site, or NULL. */
static const char *
open_path (RecapWindow *self)
{
  RecapDocument *document = recap_window_get_document (self);

  return document != NULL ? recap_post_get_relative_path (recap_document_get_post (document)) : NULL;
}

void
recap_window_update_git_actions (RecapWindow *self)
{
  gboolean work_tree = self->git != NULL && recap_git_monitor_get_is_work_tree (self->git);
  guint n_changed = self->git != NULL ? recap_git_monitor_get_n_changed (self->git) : 0;
  g_autofree char *label = recap_git_format_changed (n_changed);

  gtk_widget_set_visible (GTK_WIDGET (self->git_button), work_tree);
  gtk_menu_button_set_label (self->git_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.git-commit", work_tree && n_changed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.git-diff", work_tree && open_path (self) != NULL);
}

/* Follows the git status of the site just opened. */
void
recap_window_set_git_site (RecapWindow *self)
{
  g_clear_object (&self->git);
  self->git = recap_git_monitor_new (self->site);
  g_signal_connect_object (self->git, "changed", G_CALLBACK (recap_window_update_git_actions),
                           self, G_CONNECT_SWAPPED);
  recap_sidebar_set_git_monitor (self->sidebar, self->git);
  recap_window_update_git_actions (self);
}

static void
show_committed (RecapWindow *self,
                const char  *id,
                guint        n_files)
{
  g_autofree char *message = NULL;

  /* Translators: %u files were committed as commit %s (a short id) */
  message = g_strdup_printf (g_dngettext (NULL, "Committed %u file as %.7s", "Committed %u files as %.7s", n_files),
                             n_files, id);
  recap_window_show_toast (self, message);
}

static void
git_commit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapGitCommitDialog *dialog = NULL;

  if (recap_window_has_unsaved_changes (self))
    recap_window_show_toast (self, _("The open post has unsaved changes: commit shows its saved version"));
  dialog = recap_git_commit_dialog_new (GTK_WINDOW (self), self->git, open_path (self));
  g_signal_connect_object (dialog, "committed", G_CALLBACK (show_committed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
git_diff_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);
  RecapGitDiffWindow *window;

  g_return_if_fail (document != NULL);
  window = recap_git_diff_window_new (GTK_WINDOW (self), recap_site_get_root (self->site), open_path (self),
                                      recap_post_get_title (recap_document_get_post (document)));
  gtk_window_present (GTK_WINDOW (window));
}

void
recap_window_class_init_git (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RecapWindow, git_button);
  gtk_widget_class_install_action (widget_class, "win.git-commit", NULL, git_commit_action);
  gtk_widget_class_install_action (widget_class, "win.git-diff", NULL, git_diff_action);
}
