/* recap-document-drafts.c: recovery drafts of a document's unsaved edits
 *
 * A few seconds after an unsaved change the text goes to the recovery area
 * (RecapRecovery); a save or a discard removes it. Opening a post looks for
 * a draft an earlier session left, which the document offers until it is
 * restored or discarded. The buffer's handlers in recap-document.c start
 * the timer (DRAFT_DELAY_SECONDS) and remove the draft once saved.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-document-private.h"

/* Keeps the application running until the recovery area is up to date. */
static void
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
}

static void
draft_updated (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;

  /* Saving and discarding finish alike. */
  if (!recap_recovery_save_finish (RECAP_RECOVERY (object), result, &error))
    g_warning ("Could not update the recovery area: %s", error->message);
  if (app != NULL)
    g_application_release (app);
}

gboolean
write_draft (gpointer user_data)
{
  RecapDocument *self = user_data;
  g_autofree char *text = NULL;

  self->draft_source = 0;
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    return G_SOURCE_REMOVE;

  text = recap_document_dup_text (self);
  self->draft_on_disk = TRUE;
  hold_application ();
  /* The version the edits started from: a restore compares it with the disk. */
  recap_recovery_save_async (self->recovery, recap_document_get_file (self), text, self->disk_checksum,
                             draft_updated, NULL);
  return G_SOURCE_REMOVE;
}

void
remove_draft (RecapDocument *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!self->draft_on_disk)
    return;
  self->draft_on_disk = FALSE;
  hold_application ();
  recap_recovery_discard_async (self->recovery, recap_document_get_file (self), draft_updated, NULL);
}

void
draft_looked_up (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RecapDocument *self = user_data;
  g_autoptr(RecapDraft) draft = recap_recovery_lookup_finish (RECAP_RECOVERY (object), result, NULL);
  g_autofree char *text = NULL;

  if (draft != NULL)
    {
      /* Offered until restored or discarded; replaced by the next draft. */
      self->draft_on_disk = TRUE;
      /* Only then: a copy of a text of megabytes takes tens of milliseconds. */
      text = recap_document_dup_text (self);
      if (g_str_equal (draft->text, text))
        remove_draft (self);
      else
        set_draft (self, g_steal_pointer (&draft));
    }
  finish_op (self, NULL);
}

/* Public API */

void
recap_document_restore_draft (RecapDocument *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;

  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (self->draft != NULL);

  /* The draft is the text now, not the file a cut copy stood for. */
  g_clear_pointer (&self->full_text, g_free);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, self->draft->text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  /* The file changed since the draft's edits began (or that is not known):
   * a conflict, as if it changed while open, until Reload or Keep Mine.
   * No checksum matches "": a save meanwhile is refused. */
  if (g_strcmp0 (self->draft->base, self->disk_checksum) != 0)
    {
      g_autofree char *current = g_steal_pointer (&self->disk_checksum);

      self->disk_checksum = g_strdup (self->draft->base ? self->draft->base : "");
      mark_changed_on_disk (self, current);
    }
  set_draft (self, NULL);
}

void
recap_document_discard_draft (RecapDocument *self)
{
  g_return_if_fail (RECAP_IS_DOCUMENT (self));
  g_return_if_fail (self->draft != NULL);

  set_draft (self, NULL);
  /* With unsaved edits the file holds those, and stays until they are saved. */
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self)))
    remove_draft (self);
}
