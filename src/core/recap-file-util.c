/* recap-file-util.c: safe reading and atomic writing of text files
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

/* Enough for any sane chain of links; more means a loop. */
#define MAX_SYMLINKS 40

G_DEFINE_QUARK (recap-file-error-quark, recap_file_error)

guint
recap_file_line_at (const char *text,
                    gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  return line;
}

static gboolean
set_too_large_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_TOO_LARGE,
               _("“%s” is larger than %d MB; Recap only opens text files up to that size"),
               display_name, RECAP_FILE_MAX_SIZE / (1024 * 1024));
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
    return set_too_large_error (error, display_name);
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

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static gboolean
check_size (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autofree char *name = NULL;

  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) <= RECAP_FILE_MAX_SIZE)
    return TRUE;

  name = file_display_name (file);
  return set_too_large_error (error, name);
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

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (text != NULL && len != NULL, FALSE);

  /* Check the size first so a huge file is never loaded. */
  if (!check_size (file, cancellable, error) ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  name = file_display_name (file);
  if (!recap_file_check_text (contents, length, name, error))
    return FALSE;

  *text = g_steal_pointer (&contents);
  *len = length;
  return TRUE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (format, name);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", message, g_strerror (saved_errno));
  return FALSE;
}

/* The file a chain of symlinks ends at; @path itself when it is no link
 * or does not exist yet. */
static char *
resolve_symlinks (const char  *path,
                  GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_SYMLINKS; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        return g_steal_pointer (&current);

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }

  set_errno_error (error, ELOOP, _("Could not follow the links to “%s”"), path);
  return NULL;
}

static gboolean
write_all (int          fd,
           const char  *text,
           gsize        len,
           const char  *path,
           GError     **error)
{
  while (len > 0)
    {
      gssize written = write (fd, text, len);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_errno_error (error, errno, _("Could not write “%s”"), path);
      text += written;
      len -= written;
    }
  return TRUE;
}

/* An existing file keeps its mode and, where allowed, its owner; a new
 * one has the mode the umask gave the temporary file. */
static void
copy_file_attributes (int         fd,
                      const char *target)
{
  struct stat st;

  if (g_stat (target, &st) != 0)
    return;
  (void) fchmod (fd, st.st_mode & 07777);
  if (fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Keeping the new owner of a copy of %s: %s", target, g_strerror (errno));
}

static gboolean
write_temp_file (int          fd,
                 const char  *target,
                 const char  *text,
                 gsize        len,
                 GError     **error)
{
  copy_file_attributes (fd, target);
  if (!write_all (fd, text, len, target, error))
    return FALSE;
  if (fsync (fd) != 0)
    return set_errno_error (error, errno, _("Could not save “%s” to disk"), target);
  return TRUE;
}

/* Makes the rename itself durable. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  g_close (fd, NULL);
}

static gboolean
replace_file (const char  *target,
              const char  *text,
              gsize        len,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  gboolean ok;

  if (fd < 0)
    return set_errno_error (error, errno, _("Could not create a temporary file next to “%s”"), target);

  ok = write_temp_file (fd, target, text, len, error);
  if (!g_close (fd, NULL) && ok)
    ok = set_errno_error (error, errno, _("Could not write “%s”"), target);
  if (ok && g_rename (temp, target) != 0)
    ok = set_errno_error (error, errno, _("Could not replace “%s”"), target);

  if (!ok)
    g_unlink (temp);
  else
    sync_directory (dir);
  return ok;
}

gboolean
recap_file_write_atomic (GFile         *file,
                         const char    *text,
                         gsize          len,
                         GCancellable  *cancellable,
                         GError       **error)
{
  const char *path;
  g_autofree char *target = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_autofree char *name = file_display_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save “%s”: only local files can be saved"), name);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  target = resolve_symlinks (path, error);
  return target != NULL && replace_file (target, text, len, error);
}
