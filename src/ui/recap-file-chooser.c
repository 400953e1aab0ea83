/* recap-file-chooser.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-file-chooser.h"

typedef struct {
  RecapChooseMode      mode;
  RecapFileChosenFunc  func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Request;

static void
request_finish (Request *request,
                GFile   *file)
{
  request->func (file, request->user_data);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
chosen (GObject      *object,
        GAsyncResult *result,
        gpointer      data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  Request *request = data;
  g_autoptr(GFile) file = NULL;

  switch (request->mode)
    {
    case RECAP_CHOOSE_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case RECAP_CHOOSE_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case RECAP_CHOOSE_FOLDER:
    default:
      file = gtk_file_dialog_select_folder_finish (dialog, result, NULL);
      break;
    }
  request_finish (request, file);
}

static void
show (GtkWindow  *parent,
      const char *title,
      GFile      *initial,
      Request    *request)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  switch (request->mode)
    {
    case RECAP_CHOOSE_OPEN:
      gtk_file_dialog_set_initial_folder (dialog, initial);
      gtk_file_dialog_open (dialog, parent, NULL, chosen, request);
      break;
    case RECAP_CHOOSE_SAVE:
      gtk_file_dialog_set_initial_file (dialog, initial);
      gtk_file_dialog_save (dialog, parent, NULL, chosen, request);
      break;
    case RECAP_CHOOSE_FOLDER:
    default:
      gtk_file_dialog_set_initial_folder (dialog, initial);
      gtk_file_dialog_select_folder (dialog, parent, NULL, chosen, request);
      break;
    }
}
#else
static void
responded (GtkNativeDialog *dialog,
           int              response,
           Request         *request)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  request_finish (request, file);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
show (GtkWindow  *parent,
      const char *title,
      GFile      *initial,
      Request    *request)
{
  static const GtkFileChooserAction actions[] = {
    [RECAP_CHOOSE_OPEN] = GTK_FILE_CHOOSER_ACTION_OPEN,
    [RECAP_CHOOSE_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
    [RECAP_CHOOSE_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
  };
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, parent, actions[request->mode],
                                 request->mode == RECAP_CHOOSE_SAVE ? _("_Save") : _("_Open"),
                                 _("_Cancel"));

  if (initial != NULL && request->mode == RECAP_CHOOSE_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (initial);
      g_autofree char *name = g_file_get_basename (initial);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else if (initial != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), initial, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

void
recap_choose_file (GtkWindow           *parent,
                   RecapChooseMode      mode,
                   const char          *title,
                   GFile               *initial,
                   RecapFileChosenFunc  func,
                   gpointer             user_data,
                   GDestroyNotify       destroy)
{
  Request *request = g_new0 (Request, 1);

  request->mode = mode;
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  show (parent, title, initial, request);
}
