/* recap-git-diff-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "recap-git.h"
#include "recap-git-diff-window.h"

struct _RecapGitDiffWindow
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;

  AdwWindowTitle *window_title;
  GtkSourceView  *view;
};

G_DEFINE_FINAL_TYPE (RecapGitDiffWindow, recap_git_diff_window, ADW_TYPE_WINDOW)

static void
diff_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = recap_git_diff_finish (result, &error);
  RecapGitDiffWindow *self = user_data;
  g_autofree char *message = NULL;
  GtkTextBuffer *buffer;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  if (diff == NULL)
    message = g_strdup_printf (_("Could not read the changes: %s"), error->message);
  else if (*diff == '\0')
    message = g_strdup (_("No changes since the last commit"));
  gtk_text_buffer_set_text (buffer, message ? message : diff, -1);
}

RecapGitDiffWindow *
recap_git_diff_window_new (GtkWindow  *parent,
                           GFile      *root,
                           const char *relative_path,
                           const char *title)
{
  RecapGitDiffWindow *self = g_object_new (RECAP_TYPE_GIT_DIFF_WINDOW, "transient-for", parent, NULL);

  adw_window_title_set_subtitle (self->window_title, title);
  recap_git_diff_async (root, relative_path, self->cancellable, diff_read, self);
  return self;
}

char *
recap_git_diff_window_dup_text (RecapGitDiffWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RECAP_IS_GIT_DIFF_WINDOW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
recap_git_diff_window_dispose (GObject *object)
{
  RecapGitDiffWindow *self = RECAP_GIT_DIFF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_GIT_DIFF_WINDOW);

  G_OBJECT_CLASS (recap_git_diff_window_parent_class)->dispose (object);
}

static void
recap_git_diff_window_class_init (RecapGitDiffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_git_diff_window_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-git-diff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapGitDiffWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RecapGitDiffWindow, view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
recap_git_diff_window_init (RecapGitDiffWindow *self)
{
  GtkSourceLanguage *diff = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                      "diff");
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), diff);
  gtk_text_buffer_set_text (buffer, _("Reading the changes…"), -1);
}
