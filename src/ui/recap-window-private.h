/* recap-window-private.h: what the window's source files share
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-bulk-edit.h"
#include "recap-content-table.h"
#include "recap-editor-pane.h"
#include "recap-git-monitor.h"
#include "recap-op-history.h"
#include "recap-recovery.h"
#include "recap-sidebar.h"
#include "recap-sidebar-split.h"
#include "recap-window.h"

G_BEGIN_DECLS

/* What to do once the user has dealt with unsaved changes. */
typedef enum {
  NEXT_NONE,
  NEXT_OPEN_POST,
  NEXT_OPEN_LOCATION,
  NEXT_CLOSE,
} NextStepKind;

typedef struct {
  NextStepKind  kind;
  RecapPost    *post;
  GFile        *location;
} NextStep;

struct _RecapWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RecapSite            *site;
  GFile                *post_to_select; /* opened from the command line before the scan ended */
  GCancellable         *site_cancellable;
  NextStep              next;
  RecapOpHistory       *history;        /* the site operations of the session, for undo */
  gboolean              confirming;
  gboolean              narrow;          /* below the width for sidebar, editor and preview */
  RecapRecovery        *recovery;        /* drafts of unsaved edits */
  GFile                *restore_on_open; /* the post to open with its draft */
  RecapGitMonitor      *git;             /* the site's git status */

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwToast             *undo_toast;     /* the latest toast offering Undo, while shown */
  GtkStack             *main_stack;
  GtkStack             *editor_stack;
  RecapSidebarSplit    *split;          /* the sidebar beside or over the editor */
  GtkWidget            *open_button;    /* Open Folder, with a menu of recent sites */
  GtkWidget            *split_button;   /* "Editor and Preview", hidden when narrow */
  GtkWidget            *new_post_button; /* hidden when narrow, as the menu has it */
  GtkWidget            *table_button;    /* hidden when narrow, as the menu has it */
  GtkWidget            *taxonomy_button; /* hidden when narrow, as the menu has it */
  GtkWidget            *save_button;    /* hidden when narrow, as the menu has it */
  RecapSidebar         *sidebar;
  RecapContentTable    *table;          /* the site as a table, a page of editor_stack */
  RecapEditorPane      *pane;           /* the open post's views: its document is the open one */
  GMenu                *undo_section;   /* of the primary menu */
  GtkMenuButton        *git_button;     /* "3 changed", shown in a git work tree */
  GMenu                *recent_section; /* of the Open button's menu */
};

/* recap-window.c */
void     recap_window_show_toast          (RecapWindow   *self,
                                           const char    *message);
gboolean recap_window_has_unsaved_changes (RecapWindow   *self);
/* Runs @next now, or after asking what to do with unsaved changes. */
void     recap_window_then                (RecapWindow   *self,
                                           NextStep       next);
void     recap_window_set_document        (RecapWindow   *self,
                                           RecapDocument *document);
/* The open document's file moved to @post's: title bar and sidebar follow. */
void     recap_window_follow_post         (RecapWindow   *self,
                                           RecapPost     *post);

/* recap-window-organize.c: new posts, publishing, tags, the table, undo */
void     recap_window_class_init_organize (GtkWidgetClass *widget_class);
void     recap_window_init_organize       (RecapWindow    *self);
void     recap_window_update_organize_actions (RecapWindow *self);
/* Whether @file is the open document's. */
gboolean recap_window_is_open_file        (RecapWindow    *self,
                                           GFile          *file);
/* Keeps @op (taken) for undo and shows @message with an Undo button. */
void     recap_window_offer_undo          (RecapWindow    *self,
                                           RecapOp        *op,
                                           const char     *message);
/* What a failed or partly failed operation left alone, in full. */
void     recap_window_show_failure        (RecapWindow    *self,
                                           const char     *heading,
                                           const char     *message);
/* The posts selected in the table while it shows, else in the sidebar. */
GPtrArray *recap_window_dup_selected_posts (RecapWindow *self);
/* Shows the content table filtered by @query (as typed in its search). */
void     recap_window_show_table          (RecapWindow    *self,
                                           const char     *query);

/* recap-window-bulk.c: trash, event, front matter and Edit Selection on the
 * selected posts; installed by recap_window_class_init_organize() */
void     recap_window_class_init_bulk     (GtkWidgetClass *widget_class);

/* recap-window-layout.c: the sidebar's split, F9, and the narrow layout */
void     recap_window_class_init_layout   (GtkWidgetClass *widget_class);
void     recap_window_init_layout         (RecapWindow    *self);
/* The window is allocated @width: folds or unfolds the layout. Called
 * before the children are allocated, so that they are laid out for the
 * new width in the same frame. */
void     recap_window_layout_follow_width (RecapWindow   *self,
                                           int            width);
/* A post was opened from the sidebar: a folded sidebar gets out of the way. */
void     recap_window_layout_post_opened  (RecapWindow    *self);

/* recap-window-recent.c: recent sites, the post to open on the next start */
void     recap_window_class_init_recent   (GtkWidgetClass *widget_class);
void     recap_window_init_recent         (RecapWindow    *self);
/* @root was opened: first of the recent sites, and the one to open next time. */
void     recap_window_remember_site       (RecapWindow    *self,
                                           GFile          *root);
/* @document (or none) is the open post, to open again on the next start. */
void     recap_window_remember_post       (RecapWindow    *self,
                                           RecapDocument  *document);

/* recap-window-export.c: Export to HTML, Export to PDF, Print */
void     recap_window_class_init_export     (GtkWidgetClass *widget_class);
void     recap_window_update_export_actions (RecapWindow    *self);

/* recap-window-git.c: git status summary, Commit…, the open post's changes */
void     recap_window_class_init_git      (GtkWidgetClass *widget_class);
void     recap_window_set_git_site        (RecapWindow    *self);
void     recap_window_update_git_actions  (RecapWindow    *self);

G_END_DECLS
