/* recap-file-util.c: safe reading of text files: the size limit, the
 * NUL and UTF-8 checks, the 8-bit charset guess and the one errno helper.
 * Writing is in recap-file-write.c.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-file-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

/* The editor reads a file this much at a time, checksumming as it goes. */
#define READ_CHUNK_SIZE (64 * 1024)

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

static gboolean
set_binary_error (GError     **error,
                  const char  *display_name)
{
  g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_BINARY,
               _("“%s” looks like a binary file (it contains NUL bytes)"), display_name);
  return FALSE;
}

/* How many of @text's first bytes are ASCII, checked 8 at a time (a
 * multiple of 8): GLib 2.74's g_utf8_validate_len() takes each byte alone,
 * and posts are mostly ASCII. */
static gsize
ascii_prefix (const char *text,
              gsize       len)
{
  gsize n = 0;

  for (guint64 word; n + sizeof word <= len; n += sizeof word)
    {
      memcpy (&word, text + n, sizeof word);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  return n;
}

gboolean
recap_file_check_text (const char  *text,
                       gsize        len,
                       const char  *display_name,
                       GError     **error)
{
  gsize bom_len = len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  gsize ascii;
  const char *invalid;

  if (len > RECAP_FILE_MAX_SIZE)
    return recap_file_set_too_large_error (error, display_name);
  if (memchr (text, '\0', len) != NULL)
    return set_binary_error (error, display_name);
  /* Without NUL, ASCII bytes are valid UTF-8 each on its own: only what follows them needs checking. */
  ascii = bom_len + ascii_prefix (text + bom_len, len - bom_len);
  if (!g_utf8_validate_len (text + ascii, len - ascii, &invalid))
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

char *
recap_file_dup_real_path (GFile       *file,
                          const char  *display_name,
                          GError     **error)
{
  const char *path = g_file_peek_path (file);
  char *real_path;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("“%s” is not a local file"), display_name);
      return NULL;
    }
  /* Fails on a symlink loop (ELOOP) and a dangling link (ENOENT). */
  real_path = realpath (path, NULL);
  if (real_path == NULL)
    recap_file_set_errno_error (error, errno, NULL, NULL);
  return real_path;
}

static gssize
read_chunk (int     fd,
            guint8 *chunk)
{
  gssize n;

  do
    n = read (fd, chunk, READ_CHUNK_SIZE);
  while (n < 0 && errno == EINTR);
  return n;
}

gboolean
recap_file_read_checksummed (const char  *real_path,
                             const char  *display_name,
                             GBytes     **bytes,
                             char       **checksum,
                             GError     **error)
{
  g_autoptr(GChecksum) sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GByteArray) contents = bytes != NULL ? g_byte_array_new () : NULL;
  g_autofree guint8 *chunk = NULL;
  struct stat st;
  int saved_errno;
  gssize n;
  /* Refuses a folder, a pipe (without waiting for a writer), a device. */
  int fd = recap_file_open_regular (real_path, &st, error);

  if (fd < 0)
    return FALSE;
  if (bytes != NULL && st.st_size > RECAP_FILE_MAX_SIZE)
    {
      close (fd);
      return recap_file_set_too_large_error (error, display_name);
    }

  chunk = g_malloc (READ_CHUNK_SIZE);
  while ((n = read_chunk (fd, chunk)) > 0)
    {
      g_checksum_update (sha256, chunk, n);
      if (contents != NULL)
        g_byte_array_append (contents, chunk, n);
    }
  saved_errno = errno;
  close (fd);
  if (n < 0)
    return recap_file_set_errno_error (error, saved_errno, NULL, NULL);

  *checksum = g_strdup (g_checksum_get_string (sha256));
  if (bytes != NULL)
    *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&contents));
  return TRUE;
}

/* UTF-16 and UTF-32 text is full of NUL bytes. */
static gboolean
has_wide_bom (const char *data,
              gsize       len)
{
  return (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0)) ||
         (len >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0);
}

gboolean
recap_file_check_not_binary (const char  *data,
                             gsize        len,
                             const char  *display_name,
                             GError     **error)
{
  if (len == 0 || memchr (data, '\0', len) == NULL || has_wide_bom (data, len))
    return TRUE;
  return set_binary_error (error, display_name);
}

gboolean
recap_file_is_plain_utf8 (const char *data,
                          gsize       len)
{
  return !(len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0) && g_utf8_validate_len (data, len, NULL);
}

RecapFileNewline
recap_file_first_newline (const char *data,
                          gsize       len)
{
  const char *cr = memchr (data, '\r', len), *lf = memchr (data, '\n', len);

  if (cr == NULL || (lf != NULL && lf < cr))
    return RECAP_FILE_NEWLINE_LF;
  return cr + 1 < data + len && cr[1] == '\n' ? RECAP_FILE_NEWLINE_CR_LF : RECAP_FILE_NEWLINE_CR;
}

/* The buffer's line breaks as typed are "\n": give those the file's line
 * ending, and leave the ones read from the file as they were. */
static char *
convert_line_breaks (const char       *text,
                     RecapFileNewline  newline)
{
  const char *ending = newline == RECAP_FILE_NEWLINE_CR_LF ? "\r\n" : "\r";
  GString *converted;

  if (newline == RECAP_FILE_NEWLINE_LF)
    return g_strdup (text);

  converted = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == text || p[-1] != '\r'))
        g_string_append (converted, ending);
      else
        g_string_append_c (converted, *p);
    }
  return g_string_free (converted, FALSE);
}

GBytes *
recap_file_encode_text (const char        *text,
                        RecapFileNewline   newline,
                        const char        *charset,
                        const char        *encoding_name,
                        const char        *display_name,
                        GError           **error)
{
  g_autofree char *converted = convert_line_breaks (text, newline);
  char *encoded;
  gsize len;

  if (charset == NULL)
    {
      len = strlen (converted);
      return g_bytes_new_take (g_steal_pointer (&converted), len);
    }

  encoded = g_convert (converted, -1, charset, "UTF-8", NULL, &len, NULL);
  if (encoded != NULL)
    return g_bytes_new_take (encoded, len);

  g_set_error (error, RECAP_FILE_ERROR, RECAP_FILE_ERROR_UNENCODABLE,
               _("“%s” has characters that %s cannot store; use Save As to save it as UTF-8"),
               display_name, encoding_name);
  return NULL;
}

gboolean
recap_file_check_writable (const char  *real_path,
                           const char  *display_name,
                           GError     **error)
{
  int saved_errno;

  if (real_path == NULL || access (real_path, W_OK) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("“%s” is read-only: %s"), display_name, g_strerror (saved_errno));
  return FALSE;
}

gsize
recap_file_longest_line (const char *data,
                         gsize       len)
{
  const char *end = data + len;
  gsize longest = 0;

  for (const char *line = data; line < end;)
    {
      gsize line_len = strcspn (line, "\r\n");

      /* strcspn() stops at a NUL too: a text file has none, but be sure. */
      line_len = MIN (line_len, (gsize) (end - line));
      longest = MAX (longest, line_len);
      line += line_len + 1;
    }
  return longest;
}

char *
recap_file_cut_long_lines (const char *text,
                           gsize       max_line)
{
  GString *shown = g_string_new (NULL);

  for (const char *line = text; *line != '\0';)
    {
      gsize len = strcspn (line, "\r\n");
      const char *cut = len > max_line ? g_utf8_find_prev_char (line, line + max_line + 1) : NULL;

      if (cut != NULL)
        {
          g_string_append_len (shown, line, cut - line);
          /* Translators: ends a line cut short in the editor */
          g_string_append (shown, _(" … (line cut here)"));
        }
      else
        g_string_append_len (shown, line, len);
      line += len;
      if (*line != '\0')
        g_string_append_c (shown, *line++);
    }
  return g_string_free (shown, FALSE);
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
