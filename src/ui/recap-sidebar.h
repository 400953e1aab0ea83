/* recap-sidebar.h: the site's posts, by event, tag, author, year or draft state
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "recap-git-monitor.h"
#include "recap-site.h"

G_BEGIN_DECLS

typedef enum {
  RECAP_SIDEBAR_VIEW_EVENTS,
  RECAP_SIDEBAR_VIEW_POSTS,
  RECAP_SIDEBAR_VIEW_TAGS,
  RECAP_SIDEBAR_VIEW_AUTHORS,
  RECAP_SIDEBAR_VIEW_YEARS,
  RECAP_SIDEBAR_VIEW_DRAFTS,
  RECAP_SIDEBAR_VIEW_PROBLEMS,
} RecapSidebarView;

#define RECAP_TYPE_SIDEBAR (recap_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (RecapSidebar, recap_sidebar, RECAP, SIDEBAR, GtkWidget)

void              recap_sidebar_set_site     (RecapSidebar     *self,
                                              RecapSite        *site);
/* Rows show their post's state in @monitor (set before the site). */
void              recap_sidebar_set_git_monitor (RecapSidebar    *self,
                                                 RecapGitMonitor *monitor);
/* Shows a spinner until the first posts arrive or loading ends. */
void              recap_sidebar_set_loading  (RecapSidebar     *self,
                                              gboolean          loading);
void              recap_sidebar_set_view     (RecapSidebar     *self,
                                              RecapSidebarView  view);
/* Lists only the files of @collection: "posts" (posts and drafts, the
 * default), "drafts", a collection label, "pages", "other" or "all". */
void              recap_sidebar_set_collection (RecapSidebar   *self,
                                                const char     *collection);
/* Selects the row of @post when it is shown (NULL: no selection). */
void              recap_sidebar_select_post  (RecapSidebar     *self,
                                              RecapPost        *post);
/* The same, without scrolling to it: for a row that came back after the
 * site read its post again, the list stays where the user scrolled it. */
void              recap_sidebar_reselect_post (RecapSidebar    *self,
                                               RecapPost       *post);
void              recap_sidebar_focus_search (RecapSidebar     *self);
/* The selected posts (several with Ctrl and Shift), for operations on them. */
GPtrArray        *recap_sidebar_dup_selected_posts (RecapSidebar *self);
/* The rows shown: in grouped views GtkTreeListRows whose items are
 * RecapPost or RecapPostGroup, in flat views the RecapPosts themselves. */
GListModel       *recap_sidebar_get_rows     (RecapSidebar     *self);
/* Whether a search runs in a thread: the rows show the last one done. */
gboolean          recap_sidebar_get_searching (RecapSidebar    *self);
/* Opens (emits "post-activated") or expands the row at @position, as Enter does. */
void              recap_sidebar_activate_row (RecapSidebar     *self,
                                              guint             position);

G_END_DECLS
