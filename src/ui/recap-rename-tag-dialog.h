/* recap-rename-tag-dialog.h: rename or merge a tag across the whole site
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-bulk-edit.h"
#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_RENAME_TAG_DIALOG (recap_rename_tag_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecapRenameTagDialog, recap_rename_tag_dialog, RECAP, RENAME_TAG_DIALOG, AdwWindow)

/* Emits "renamed" with the finished RecapBulkEdit (owned by the dialog
 * until the handler returns: steal it with
 * recap_rename_tag_dialog_steal_edit() to keep undo). */
RecapRenameTagDialog *recap_rename_tag_dialog_new        (GtkWindow            *parent,
                                                          RecapSite            *site);
RecapBulkEdit        *recap_rename_tag_dialog_steal_edit (RecapRenameTagDialog *self);

G_END_DECLS
