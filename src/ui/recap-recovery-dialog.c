/* recap-recovery-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-a11y.h"
#include "recap-recovery-dialog.h"

struct _RecapRecoveryDialog
{
  RecapAlert        parent_instance;

  RecapRecovery    *recovery;

  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (RecapRecoveryDialog, recap_recovery_dialog, RECAP_TYPE_ALERT)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RecapPost *
row_post (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW)), "post");
}

/* Each post is answered once; the dialog closes with the last one. */
static void
remove_row (RecapRecoveryDialog *self,
            GtkWidget           *button)
{
  gtk_list_box_remove (self->list_box, gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) == NULL)
    recap_compat_close (GTK_WIDGET (self));
}

static void
restore_clicked (GtkWidget           *button,
                 RecapRecoveryDialog *self)
{
  g_signal_emit (self, signals[RESTORE], 0, row_post (button));
  /* Last: closing with the last row may free the dialog. */
  remove_row (self, button);
}

static void
draft_discarded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!recap_recovery_discard_finish (RECAP_RECOVERY (object), result, &error))
    g_warning ("Could not discard a draft: %s", error->message);
}

static void
discard_clicked (GtkWidget           *button,
                 RecapRecoveryDialog *self)
{
  recap_recovery_discard_async (self->recovery, recap_post_get_file (row_post (button)), draft_discarded, NULL);
  remove_row (self, button);
}

static void
recap_recovery_dialog_dispose (GObject *object)
{
  RecapRecoveryDialog *self = RECAP_RECOVERY_DIALOG (object);

  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (recap_recovery_dialog_parent_class)->dispose (object);
}

static void
recap_recovery_dialog_class_init (RecapRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_recovery_dialog_dispose;

  /* Emitted when the user chose to open @post with its draft. */
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, RECAP_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-recovery-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapRecoveryDialog, list_box);
}

static void
recap_recovery_dialog_init (RecapRecoveryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RecapRecoveryDialog *
recap_recovery_dialog_new (RecapRecovery *recovery)
{
  RecapRecoveryDialog *self;

  g_return_val_if_fail (RECAP_IS_RECOVERY (recovery), NULL);

  self = g_object_new (RECAP_TYPE_RECOVERY_DIALOG, NULL);
  self->recovery = g_object_ref (recovery);
  return self;
}

static GtkWidget *
row_button (RecapRecoveryDialog *self,
            GtkWidget           *button,
            GCallback            clicked)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

void
recap_recovery_dialog_add_draft (RecapRecoveryDialog *self,
                                 RecapPost           *post,
                                 const RecapDraft    *draft)
{
  /* Translators: when a recovered draft was written, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (draft->saved, _("%-d %B %Y, %H:%M"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", recap_post_get_relative_path (post), when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));

  g_return_if_fail (RECAP_IS_RECOVERY_DIALOG (self));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recap_post_get_title (post));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "post", g_object_ref (post), g_object_unref);

  gtk_widget_set_tooltip_text (discard, _("Discard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"), -1);
  gtk_widget_add_css_class (discard, "flat");
  recap_a11y_name_button (GTK_BUTTON (restore));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, restore, G_CALLBACK (restore_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (self, discard, G_CALLBACK (discard_clicked)));
  gtk_list_box_append (self->list_box, row);
}
