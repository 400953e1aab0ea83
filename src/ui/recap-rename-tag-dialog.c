/* recap-rename-tag-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-background.h"
#include "recap-rename-tag-dialog.h"
#include "recap-site-ops.h"
#include "recap-taxonomy.h"

struct _RecapRenameTagDialog
{
  AdwWindow        parent_instance;

  RecapSite       *site;
  GCancellable    *cancellable;
  RecapBulkEdit   *edit;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *rename_button;
  AdwComboRow     *tag_row;
  AdwEntryRow     *name_row;
  GtkLabel        *count_label;
  GtkProgressBar  *progress_bar;
  AdwPreferencesGroup *variants_group;
};

G_DEFINE_FINAL_TYPE (RecapRenameTagDialog, recap_rename_tag_dialog, ADW_TYPE_WINDOW)

enum {
  RENAMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_tag (RecapRenameTagDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->tag_row);

  return item ? gtk_string_object_get_string (item) : NULL;
}

static char *
new_name (RecapRenameTagDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
update_count (RecapRenameTagDialog *self)
{
  const char *tag = selected_tag (self);
  g_autoptr(GPtrArray) files = tag ? recap_posts_with_tag (G_LIST_MODEL (self->site), tag) : NULL;
  g_autofree char *name = new_name (self);
  g_autofree char *count = g_strdup_printf ("%u", files ? files->len : 0);

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_sensitive (self->rename_button,
                            files && files->len > 0 && *name != '\0' && g_strcmp0 (name, tag) != 0);
}

/* Worker thread: the bulk edit itself, reporting progress to the main loop. */

typedef struct {
  RecapRenameTagDialog *dialog;
  GPtrArray            *files;
  RecapTagRename        rename;
  char                 *old_tag;
  char                 *new_tag;
  RecapBulkEdit        *edit;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->dialog);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->edit, recap_bulk_edit_free);
  g_free (job->old_tag);
  g_free (job->new_tag);
  g_free (job);
}

typedef struct {
  GtkProgressBar *bar;
  double          fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  gtk_progress_bar_set_fraction (progress->bar, progress->fraction);
  g_object_unref (progress->bar);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->bar = g_object_ref (job->dialog->progress_bar);
  progress->fraction = (double) done / MAX (total, 1);
  g_idle_add (show_progress, progress);
}

static void
rename_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = recap_bulk_edit_apply (job->edit, job->files, recap_edit_rename_tag, &job->rename,
                                       report_progress, job, cancellable, &error);

  recap_background_return_boolean (task, ok, error);
}

static void
renamed (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RecapRenameTagDialog *self = RECAP_RENAME_TAG_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Whatever was written is kept for undo, even after a partial failure. */
  g_clear_pointer (&self->edit, recap_bulk_edit_free);
  self->edit = g_steal_pointer (&job->edit);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      if (recap_bulk_edit_get_n_changed (self->edit) == 0)
        {
          gtk_widget_set_sensitive (self->rename_button, TRUE);
          return;
        }
    }
  g_signal_emit (self, signals[RENAMED], 0, self->edit);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rename_clicked (RecapRenameTagDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (!gtk_widget_get_sensitive (self->rename_button))
    return;
  gtk_widget_set_sensitive (self->rename_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  job = g_new0 (Job, 1);
  job->dialog = g_object_ref (self);
  job->old_tag = g_strdup (selected_tag (self));
  job->new_tag = new_name (self);
  job->rename = (RecapTagRename) { job->old_tag, job->new_tag };
  job->files = recap_posts_with_tag (G_LIST_MODEL (self->site), job->old_tag);
  job->edit = recap_bulk_edit_new ();
  task = g_task_new (self, self->cancellable, renamed, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, rename_thread);
}

static void
select_tag (RecapRenameTagDialog *self,
            const char           *tag)
{
  GListModel *tags = adw_combo_row_get_model (self->tag_row);
  guint n = g_list_model_get_n_items (tags);

  /* Only a merge suggestion selects a tag, and it names one. */
  g_assert (tag != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (tags, i);
      if (g_str_equal (gtk_string_object_get_string (item), tag))
        adw_combo_row_set_selected (self->tag_row, i);
    }
}

/* A suggested merge fills in the fields: the rarer spelling into the most used one. */
static void
merge_clicked (GtkButton            *button,
               RecapRenameTagDialog *self)
{
  select_tag (self, g_object_get_data (G_OBJECT (button), "recap-from"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_object_get_data (G_OBJECT (button), "recap-into"));
}

static GtkWidget *
variant_row_new (RecapRenameTagDialog *self,
                 GStrv                 spellings)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strjoinv (", ", spellings);
  g_autofree char *label = g_strdup_printf (_("Merge into “%s”"), spellings[0]);
  GtkWidget *button = gtk_button_new_with_label (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The last spelling is the least used: merge it first. */
  g_object_set_data_full (G_OBJECT (button), "recap-from",
                          g_strdup (spellings[g_strv_length (spellings) - 1]), g_free);
  g_object_set_data_full (G_OBJECT (button), "recap-into", g_strdup (spellings[0]), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (merge_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill (RecapRenameTagDialog *self)
{
  g_auto(GStrv) tags = recap_site_collect_values (G_LIST_MODEL (self->site), "tags");
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) tags);
  g_autoptr(GPtrArray) counts = recap_taxonomy_count (G_LIST_MODEL (self->site), RECAP_TAXONOMY_TAGS);
  g_autoptr(GPtrArray) variants = recap_taxonomy_near_duplicates (counts);

  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (model));
  for (guint i = 0; i < variants->len; i++)
    adw_preferences_group_add (self->variants_group, variant_row_new (self, variants->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->variants_group), variants->len > 0);
}

RecapBulkEdit *
recap_rename_tag_dialog_steal_edit (RecapRenameTagDialog *self)
{
  g_return_val_if_fail (RECAP_IS_RENAME_TAG_DIALOG (self), NULL);
  return g_steal_pointer (&self->edit);
}

static void
recap_rename_tag_dialog_dispose (GObject *object)
{
  RecapRenameTagDialog *self = RECAP_RENAME_TAG_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->site);
  g_clear_pointer (&self->edit, recap_bulk_edit_free);

  G_OBJECT_CLASS (recap_rename_tag_dialog_parent_class)->dispose (object);
}

static void
recap_rename_tag_dialog_class_init (RecapRenameTagDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_rename_tag_dialog_dispose;

  /* Emitted with the RecapBulkEdit once the files are written. */
  signals[RENAMED] = g_signal_new ("renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-rename-tag-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, rename_button);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RecapRenameTagDialog, variants_group);
  gtk_widget_class_bind_template_callback (widget_class, rename_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_count);
}

static void
recap_rename_tag_dialog_init (RecapRenameTagDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RecapRenameTagDialog *
recap_rename_tag_dialog_new (GtkWindow *parent,
                             RecapSite *site)
{
  RecapRenameTagDialog *self = g_object_new (RECAP_TYPE_RENAME_TAG_DIALOG, "transient-for", parent, NULL);

  self->site = g_object_ref (site);
  fill (self);
  update_count (self);
  return self;
}
