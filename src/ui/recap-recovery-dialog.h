/* recap-recovery-dialog.h: offers the drafts a session left when it ended without saving
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-compat.h"
#include "recap-post.h"
#include "recap-recovery.h"

G_BEGIN_DECLS

#define RECAP_TYPE_RECOVERY_DIALOG (recap_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecapRecoveryDialog, recap_recovery_dialog, RECAP, RECOVERY_DIALOG, RecapAlert)

/* Each post gets a row: "restore" asks the window to open it with its
 * draft; discarding removes the draft from @recovery. An AdwAlertDialog, or
 * before libadwaita 1.5 a window: show it with recap_compat_present(). */
RecapRecoveryDialog *recap_recovery_dialog_new       (RecapRecovery       *recovery);
void                 recap_recovery_dialog_add_draft (RecapRecoveryDialog *self,
                                                      RecapPost           *post,
                                                      const RecapDraft    *draft);

G_END_DECLS
