/* recap-new-post-dialog.h: start a report from a template
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_NEW_POST_DIALOG (recap_new_post_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RecapNewPostDialog, recap_new_post_dialog, RECAP, NEW_POST_DIALOG, AdwWindow)

/* Emits "created" with the new file once it is written. */
RecapNewPostDialog *recap_new_post_dialog_new (GtkWindow *parent,
                                               RecapSite *site);

G_END_DECLS
