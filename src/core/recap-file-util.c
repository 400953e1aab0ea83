/* recap-file-util.c: safe reading of text files: the size limit, the
 * NUL and UTF-8 checks, the 8-bit charset guess and the one errno helper.
 * Writing is in recap-file-write.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-file-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (recap-file-error-quark, recap_file_error)

gboolean
recap_file_set_errno_error (GError     **error,
                            int          saved_errno,
                            const char  *format,
                            const char  *path)
{
  g_autofree char *message = NULL;

  if (format == NULL)
    message = g_strdup (path);
  else
    {
      g_autofree char *name = g_filename_display_name (path);

      message = g_strdup_printf (_(format), name);
    }
  if (message == NULL)
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", message, g_strerror (saved_errno));
  return FALSE;
}

guint
recap_file_line_at (const char *text,
                    gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  return line;
}

gboolean
recap_file_set_too_large_error (GError     **error,
                                const char  *display_name)
{
  g_autofree char *limit = g_format_size_full (RECAP_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_TOO_LARGE,
               _("“%s” is larger than %s; Recap opens text files up to that size"), display_name, limit);
  return FALSE;
}

gboolean
recap_file_check_text (const char  *text,
                       gsize        len,
                       const char  *display_name,
                       GError     **error)
{
  gsize bom_len = len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  const char *invalid;

  if (len > RECAP_FILE_MAX_SIZE)
    return recap_file_set_too_large_error (error, display_name);
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_BINARY,
                   _("“%s” looks like a binary file (it contains NUL bytes)"), display_name);
      return FALSE;
    }
  if (!g_utf8_validate_len (text + bom_len, len - bom_len, &invalid))
    {
      g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_NOT_UTF8,
                   _("“%s” is not UTF-8 text (invalid byte on line %u)"),
                   display_name, recap_file_line_at (text, invalid - text));
      return FALSE;
    }
  return TRUE;
}

/* The bytes 0x80-0x9F that Windows-1252 leaves undefined: iconv refuses them. */
static gboolean
undefined_in_1252 (guchar c)
{
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

const char *
recap_file_guess_8bit_charset (const char *data,
                               gsize       len)
{
  gboolean has_c1 = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80 || c > 0x9F)
        continue;
      if (undefined_in_1252 (c))
        return "ISO-8859-1";
      has_c1 = TRUE;
    }
  /* Control codes 0x80-0x9F are never text: such a file was written as 1252. */
  return has_c1 ? "WINDOWS-1252" : "ISO-8859-1";
}

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* For files without a local path: refuses what recap_file_open_regular()
 * refuses, and files above @max_size. */
static gboolean
check_regular_and_size (GFile         *file,
                        goffset        max_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autofree char *name = NULL;

  if (info == NULL)
    return FALSE;
  name = file_display_name (file);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a regular file"), name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > max_size)
    return recap_file_set_too_large_error (error, name);
  return TRUE;
}

/* All of @fd up to its end, @size (by its fstat()) being a hint: a file
 * being written meanwhile may have grown. Stops past @limit, which the
 * caller's text check then reports. */
static gboolean
read_all (int     fd,
          gsize   size,
          gsize   limit,
          char  **contents,
          gsize  *length)
{
  gsize capacity = size + 1;
  g_autofree char *buffer = g_malloc (capacity + 1);
  gsize done = 0;

  for (;;)
    {
      gssize n;

      if (done == capacity)
        {
          if (capacity > limit)
            break;
          capacity *= 2;
          buffer = g_realloc (buffer, capacity + 1);
        }
      n = read (fd, buffer + done, capacity - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      done += n;
    }
  buffer[done] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = done;
  return TRUE;
}

int
recap_file_open_regular (const char   *path,
                         struct stat  *st,
                         GError      **error)
{
  /* Non-blocking: opening a FIFO would wait for a writer, a tty become ours. */
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  g_autofree char *name = NULL;

  if (fd < 0)
    {
      recap_file_set_errno_error (error, errno, N_("Could not read “%s”"), path);
      return -1;
    }
  if (fstat (fd, st) != 0)
    recap_file_set_errno_error (error, errno, N_("Could not read “%s”"), path);
  else if (S_ISDIR (st->st_mode))
    recap_file_set_errno_error (error, EISDIR, N_("Could not read “%s”"), path);
  else if (S_ISREG (st->st_mode))
    return fd; /* O_NONBLOCK does not change reading a regular file. */
  else
    {
      name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a regular file"), name);
    }
  close (fd);
  return -1;
}

/* Local files with the plain calls: GIO's streams cost twice the reading
 * itself when indexing a big site. The size is checked first so a huge file
 * is never loaded. */
static gboolean
read_local (const char  *path,
            char       **contents,
            gsize       *length,
            GError     **error)
{
  struct stat st;
  int fd = recap_file_open_regular (path, &st, error);
  g_autofree char *name = NULL;
  gboolean ok = FALSE;

  if (fd < 0)
    return FALSE;
  if (st.st_size > RECAP_FILE_MAX_SIZE)
    {
      name = g_filename_display_name (path);
      recap_file_set_too_large_error (error, name);
    }
  else if (!(ok = read_all (fd, st.st_size, RECAP_FILE_MAX_SIZE, contents, length)))
    recap_file_set_errno_error (error, errno, N_("Could not read “%s”"), path);
  close (fd);
  return ok;
}

static gboolean
read_with_gio (GFile         *file,
               GCancellable  *cancellable,
               char         **contents,
               gsize         *length,
               GError       **error)
{
  return check_regular_and_size (file, RECAP_FILE_MAX_SIZE, cancellable, error) &&
         g_file_load_contents (file, cancellable, contents, length, NULL, error);
}

GBytes *
recap_file_read_bytes (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const char *path = g_file_peek_path (file);
  char *contents = NULL;
  gsize length = 0;
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL)
    return check_regular_and_size (file, G_MAXOFFSET, cancellable, error)
           ? g_file_load_bytes (file, cancellable, NULL, error) : NULL;
  if ((fd = recap_file_open_regular (path, &st, error)) < 0)
    return NULL;
  if (!(ok = read_all (fd, st.st_size, G_MAXSIZE / 2, &contents, &length)))
    recap_file_set_errno_error (error, errno, N_("Could not read “%s”"), path);
  close (fd);
  return ok ? g_bytes_new_take (contents, length) : NULL;
}

gboolean
recap_file_read_text (GFile         *file,
                      GCancellable  *cancellable,
                      char         **text,
                      gsize         *len,
                      GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (text != NULL && len != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  path = g_file_peek_path (file);
  if (path != NULL ? !read_local (path, &contents, &length, error)
                   : !read_with_gio (file, cancellable, &contents, &length, error))
    return FALSE;

  name = file_display_name (file);
  if (!recap_file_check_text (contents, length, name, error))
    return FALSE;

  *text = g_steal_pointer (&contents);
  *len = length;
  return TRUE;
}
