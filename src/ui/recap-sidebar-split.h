/* recap-sidebar-split.h: the sidebar beside the content, or over it when collapsed
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_SIDEBAR_SPLIT (recap_sidebar_split_get_type ())
G_DECLARE_FINAL_TYPE (RecapSidebarSplit, recap_sidebar_split, RECAP, SIDEBAR_SPLIT, AdwBin)

/* The sidebar's widget; its width-request is the sidebar's width. */
void     recap_sidebar_split_set_sidebar      (RecapSidebarSplit *self,
                                               GtkWidget         *sidebar);
void     recap_sidebar_split_set_content      (RecapSidebarSplit *self,
                                               GtkWidget         *content);
/* Whether the sidebar shows; collapsing hides it, expanding shows it. */
gboolean recap_sidebar_split_get_show_sidebar (RecapSidebarSplit *self);
void     recap_sidebar_split_set_show_sidebar (RecapSidebarSplit *self,
                                               gboolean           show_sidebar);
/* Whether the sidebar, when shown, overlays the content instead of
 * standing beside it. */
gboolean recap_sidebar_split_get_collapsed    (RecapSidebarSplit *self);
void     recap_sidebar_split_set_collapsed    (RecapSidebarSplit *self,
                                               gboolean           collapsed);

G_END_DECLS
