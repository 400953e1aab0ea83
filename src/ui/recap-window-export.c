/* recap-window-export.c: the window's Export to HTML, Export to PDF and
 * Print actions on the open post; the work is recap-export.c's.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-compat.h"
#include "recap-export.h"
#include "recap-file-chooser.h"
#include "recap-site-images.h"
#include "recap-window-private.h"

static const char * const export_actions[] = { "win.export-html", "win.export-pdf", "win.print" };

/* The site the open post's images are in. */
static GFile *
site_root (RecapWindow   *self,
           RecapDocument *document)
{
  if (self->site != NULL)
    return g_object_ref (recap_site_get_root (self->site));
  return g_file_get_parent (recap_document_get_file (document));
}

/* NAME.@extension in the Documents folder, NAME from the post's file. */
static GFile *
suggested_file (RecapDocument *document,
                const char    *extension)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  RecapPost *post = recap_document_get_post (document);
  g_autofree char *stem = recap_site_images_stem (recap_post_get_relative_path (post));
  g_autofree char *name = g_strconcat (stem, ".", extension, NULL);
  g_autofree char *path = g_build_filename (documents ? documents : g_get_home_dir (), name, NULL);

  return g_file_new_for_path (path);
}

static void
show_exported (RecapWindow  *self,
               gboolean      done,
               GFile        *file,
               const GError *error)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *message = NULL;

  if (done && file != NULL)
    message = g_strdup_printf (_("Exported “%s”"), name);
  else if (!done && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  if (message != NULL)
    recap_window_show_toast (self, message);
}

/* One export: its window, post and file. */
typedef struct {
  RecapWindow       *window;
  RecapDocument     *document;
  RecapExportImages  images;
  GFile             *file;     /* NULL: printed */
} Export;

static Export *
export_new (RecapWindow   *window,
            RecapDocument *document)
{
  Export *export = g_new0 (Export, 1);

  export->window = g_object_ref (window);
  export->document = g_object_ref (document);
  return export;
}

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_clear_object (&export->document);
  g_clear_object (&export->file);
  g_free (export);
}

static void
exported (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = recap_export_finish (result, &error);

  show_exported (export->window, done, export->file, error);
  export_free (export);
}

/* Export to HTML */

static void
html_file_chosen (GFile    *file,
                  gpointer  user_data)
{
  Export *export = user_data;
  g_autoptr(GFile) root = NULL;

  if (file == NULL)
    {
      export_free (export);
      return;
    }
  export->file = g_object_ref (file);
  root = site_root (export->window, export->document);
  recap_export_html_async (export->document, root, export->images, file, NULL, exported, export);
}

static void
html_options_response (RecapAlert       *dialog,
                       const char       *response,
                       Export       *export)
{
  GtkCheckButton *copy = g_object_get_data (G_OBJECT (dialog), "copy-images");
  g_autoptr(GFile) suggested = NULL;

  if (!g_str_equal (response, "export"))
    {
      export_free (export);
      return;
    }
  export->images = gtk_check_button_get_active (copy) ? RECAP_EXPORT_IMAGES_COPY : RECAP_EXPORT_IMAGES_EMBED;
  suggested = suggested_file (export->document, "html");
  recap_choose_file (GTK_WINDOW (export->window), RECAP_CHOOSE_SAVE, _("Export to HTML"), suggested,
                     html_file_chosen, export, NULL);
}

/* The choice of what becomes of the images, before the file. */
static GtkWidget *
images_choice (RecapAlert       *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *embed = gtk_check_button_new_with_mnemonic (_("_Embed images in the file"));
  GtkWidget *copy = gtk_check_button_new_with_mnemonic (_("_Copy images into a folder beside it"));

  gtk_check_button_set_group (GTK_CHECK_BUTTON (copy), GTK_CHECK_BUTTON (embed));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (embed), TRUE);
  gtk_box_append (GTK_BOX (box), embed);
  gtk_box_append (GTK_BOX (box), copy);
  g_object_set_data (G_OBJECT (dialog), "copy-images", copy);
  return box;
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);
  Export *export;
  RecapAlert *dialog;

  if (document == NULL)
    return;
  export = export_new (self, document);

  dialog = RECAP_ALERT (recap_compat_alert_new (_("Export to HTML"),
                                                _("One file with the post as the preview shows it, "
                                                  "in the light style.")));
  recap_alert_set_extra_child (dialog, images_choice (dialog));
  recap_alert_add_responses (dialog,
                             "cancel", _("_Cancel"),
                             "export", _("_Export…"),
                             NULL);
  recap_alert_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "export");
  recap_alert_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (html_options_response), export);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

/* Export to PDF and Print */

/* To the PDF @file, or with the print dialog when it is NULL. */
static void
print_document (RecapWindow *self,
                GFile       *file)
{
  RecapDocument *document = recap_window_get_document (self);
  g_autoptr(GFile) root = NULL;
  Export *export;

  if (document == NULL)
    return;
  export = export_new (self, document);
  export->file = file ? g_object_ref (file) : NULL;
  root = site_root (self, document);
  recap_export_print_async (document, root, file, GTK_WINDOW (self), exported, export);
}

static void
pdf_file_chosen (GFile    *file,
                 gpointer  user_data)
{
  if (file != NULL)
    print_document (user_data, file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RecapWindow *self = RECAP_WINDOW (widget);
  RecapDocument *document = recap_window_get_document (self);
  g_autoptr(GFile) suggested = NULL;

  if (document == NULL)
    return;
  suggested = suggested_file (document, "pdf");
  recap_choose_file (GTK_WINDOW (self), RECAP_CHOOSE_SAVE, _("Export to PDF"), suggested,
                     pdf_file_chosen, g_object_ref (self), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print_document (RECAP_WINDOW (widget), NULL);
}

void
recap_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, export_actions[0], NULL, export_html_action);
  gtk_widget_class_install_action (widget_class, export_actions[1], NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, export_actions[2], NULL, print_action);
}

void
recap_window_update_export_actions (RecapWindow *self)
{
  gboolean has_document = recap_window_get_document (self) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (export_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), export_actions[i], has_document);
}
