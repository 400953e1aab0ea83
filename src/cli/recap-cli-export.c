/* recap-cli-export.c: recap-cli export, a post as one standalone HTML file
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "recap-cli.h"
#include "recap-file-util.h"
#include "recap-post-export.h"
#include "recap-site.h"

/* Options as the command line gives them; FALSE after printing why not. */
static gboolean
read_export_options (const Options     *options,
                     RecapExportImages *images)
{
  if (options->format != NULL && !g_str_equal (options->format, "html"))
    {
      print_error (NULL, _("--format must be html"));
      return FALSE;
    }
  if (options->images == NULL || g_str_equal (options->images, "embed"))
    *images = RECAP_EXPORT_IMAGES_EMBED;
  else if (g_str_equal (options->images, "copy"))
    *images = RECAP_EXPORT_IMAGES_COPY;
  else
    {
      print_error (NULL, _("--images must be embed or copy"));
      return FALSE;
    }
  if (*images == RECAP_EXPORT_IMAGES_COPY && options->output == NULL)
    {
      print_error (NULL, _("--images=copy needs -o OUT: the images go beside it"));
      return FALSE;
    }
  return TRUE;
}

int
command_export (const Options  *options,
                char          **args)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);
  g_autoptr(GFile) root = recap_site_find_root (file);
  g_autoptr(GFile) out = options->output ? g_file_new_for_commandline_arg (options->output) : NULL;
  g_autofree char *relative_path = g_file_get_relative_path (root, file);
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  RecapExportImages images;
  gsize len;

  if (!read_export_options (options, &images))
    return EXIT_USAGE;
  if (!recap_file_read_text (file, NULL, &text, &len, &error))
    {
      print_error (args[0], error->message);
      return exit_status_for_error (error);
    }
  if (relative_path == NULL)
    relative_path = g_file_get_basename (file);

  if (out != NULL)
    {
      if (recap_post_export_write (text, len, root, relative_path, images, out, NULL, &error))
        return EXIT_OK;
      print_error (options->output, error->message);
      return EXIT_IO;
    }
  html = recap_post_export_html (text, len, root, relative_path, images, NULL, NULL, &error);
  if (html == NULL)
    {
      print_error (args[0], error->message);
      return EXIT_FAILED;
    }
  fwrite (html, 1, strlen (html), stdout);
  return EXIT_OK;
}
