/* recap-git-monitor.h: the git status of a site's files, kept current
 *
 * Computes recap_git_status() in a worker thread when the site loads and
 * again shortly after its posts change (a save, a change on disk), and
 * when asked (after a commit). "changed" is emitted with each new status.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-git.h"
#include "recap-site.h"

G_BEGIN_DECLS

#define RECAP_TYPE_GIT_MONITOR (recap_git_monitor_get_type ())
G_DECLARE_FINAL_TYPE (RecapGitMonitor, recap_git_monitor, RECAP, GIT_MONITOR, GObject)

RecapGitMonitor *recap_git_monitor_new            (RecapSite       *site);
RecapSite       *recap_git_monitor_get_site       (RecapGitMonitor *self);
/* Whether the site is in a git work tree; FALSE until the first status. */
gboolean         recap_git_monitor_get_is_work_tree (RecapGitMonitor *self);
/* How many files of the site differ from the last commit. */
guint            recap_git_monitor_get_n_changed  (RecapGitMonitor *self);
RecapGitState    recap_git_monitor_get_state      (RecapGitMonitor *self,
                                                   const char      *relative_path);
/* The site-relative paths of the changed files, sorted. */
GStrv            recap_git_monitor_dup_changed    (RecapGitMonitor *self);
/* Computes the status again now. */
void             recap_git_monitor_refresh        (RecapGitMonitor *self);

G_END_DECLS
