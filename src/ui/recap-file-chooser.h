/* recap-file-chooser.h: one way to ask for a file or folder, whatever the GTK version
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  RECAP_CHOOSE_OPEN,
  RECAP_CHOOSE_SAVE,
  RECAP_CHOOSE_FOLDER,
} RecapChooseMode;

/* @file: what the user chose, or NULL when they cancelled. */
typedef void (*RecapFileChosenFunc) (GFile    *file,
                                     gpointer  user_data);

/* Shows GtkFileDialog (GTK 4.10 and later) or GtkFileChooserNative, both of
 * which go through the portal inside Flatpak. @initial: the folder to start
 * in, or for saving the file to suggest; may be NULL. */
void recap_choose_file (GtkWindow           *parent,
                        RecapChooseMode      mode,
                        const char          *title,
                        GFile               *initial,
                        RecapFileChosenFunc  func,
                        gpointer             user_data,
                        GDestroyNotify       destroy);

G_END_DECLS
