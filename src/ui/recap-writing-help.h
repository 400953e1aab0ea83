/* recap-writing-help.h: Markdown shortcuts and list keys of the source view
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @view the writing help: Ctrl+B bold, Ctrl+I italic, Ctrl+K link
 * (to the URL on the clipboard, when it holds one), Ctrl+Shift+K code;
 * Enter continues a list, a task list or a quote and ends it on an empty
 * item; Tab and Shift+Tab indent and outdent the selected list items.
 * Not in code blocks or the front matter, where markers are text. Each is
 * one undo step of the view's buffer; a view that is not editable refuses
 * them. */
void recap_writing_help_attach (GtkTextView *view);

G_END_DECLS
