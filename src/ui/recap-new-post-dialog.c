/* recap-new-post-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-chips-row.h"
#include "recap-completion.h"
#include "recap-new-post-dialog.h"
#include "recap-site-ops.h"

struct _RecapNewPostDialog
{
  AdwWindow        parent_instance;

  RecapSite       *site;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *create_button;
  AdwComboRow     *template_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *event_row;
  RecapChipsRow   *tags_row;
  GtkSwitch       *draft_switch;
};

G_DEFINE_FINAL_TYPE (RecapNewPostDialog, recap_new_post_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker thread needs, copied from the widgets. */
typedef struct {
  GFile        *root;
  RecapNewPost  post;
  char         *title;
  char         *author;
  char         *event;
  GStrv         tags;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->root);
  g_clear_pointer (&request->post.date, g_date_time_unref);
  g_free (request->title);
  g_free (request->author);
  g_free (request->event);
  g_strfreev (request->tags);
  g_free (request);
}

static Request *
request_from_widgets (RecapNewPostDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Request *request = g_new0 (Request, 1);

  request->root = g_object_ref (recap_site_get_root (self->site));
  request->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  request->event = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->event_row))));
  request->author = g_settings_get_string (settings, "author-name");
  request->tags = recap_chips_row_dup_items (self->tags_row);
  request->post = (RecapNewPost) {
    .template = adw_combo_row_get_selected (self->template_row),
    .title = request->title,
    .author = request->author,
    .event = request->event,
    .tags = (const char * const *) request->tags,
    .date = recap_site_new_now (self->site),
    .draft = gtk_switch_get_active (self->draft_switch),
  };
  return request;
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  GFile *file = recap_create_post (request->root, &request->post, cancellable, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
created (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RecapNewPostDialog *self = RECAP_NEW_POST_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_widget_set_sensitive (self->create_button, TRUE);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_clicked (RecapNewPostDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (!gtk_widget_get_sensitive (self->create_button))
    return;
  gtk_widget_set_sensitive (self->create_button, FALSE);
  task = g_task_new (self, self->cancellable, created, NULL);
  g_task_set_task_data (task, request_from_widgets (self), (GDestroyNotify) request_free);
  g_task_run_in_thread (task, create_thread);
}

static void
title_changed (RecapNewPostDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  gtk_widget_set_sensitive (self->create_button, *stripped != '\0');
}

static void
add_suggestions (RecapNewPostDialog *self)
{
  g_auto(GStrv) events = recap_site_collect_values (G_LIST_MODEL (self->site), "event");
  g_auto(GStrv) tags = recap_site_collect_values (G_LIST_MODEL (self->site), "tags");
  RecapCompletion *completion = recap_completion_attach (GTK_WIDGET (self->event_row),
                                                         GTK_EDITABLE (self->event_row));

  recap_completion_set_suggestions (completion, (const char * const *) events);
  recap_chips_row_set_suggestions (self->tags_row, (const char * const *) tags);
}

static void
recap_new_post_dialog_dispose (GObject *object)
{
  RecapNewPostDialog *self = RECAP_NEW_POST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->site);

  G_OBJECT_CLASS (recap_new_post_dialog_parent_class)->dispose (object);
}

static void
recap_new_post_dialog_class_init (RecapNewPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_new_post_dialog_dispose;

  /* Emitted with the GFile of the new post. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (RECAP_TYPE_CHIPS_ROW);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-new-post-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RecapNewPostDialog, draft_switch);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, title_changed);
}

static void
recap_new_post_dialog_init (RecapNewPostDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RecapNewPostDialog *
recap_new_post_dialog_new (GtkWindow *parent,
                           RecapSite *site)
{
  RecapNewPostDialog *self = g_object_new (RECAP_TYPE_NEW_POST_DIALOG, "transient-for", parent, NULL);

  self->site = g_object_ref (site);
  add_suggestions (self);
  return self;
}
