/* recap-file-util.h: safe reading and atomic writing of text files
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

#define RECAP_FILE_ERROR (recap_file_error_quark ())

typedef enum {
  RECAP_FILE_ERROR_TOO_LARGE, /* larger than RECAP_FILE_MAX_SIZE */
  RECAP_FILE_ERROR_BINARY,    /* contains NUL bytes */
  RECAP_FILE_ERROR_NOT_UTF8,  /* not valid UTF-8 (after an optional BOM) */
  RECAP_FILE_ERROR_UNENCODABLE, /* characters the file's encoding does not have */
} RecapFileError;

/* The line break a text file uses. */
typedef enum {
  RECAP_FILE_NEWLINE_LF,
  RECAP_FILE_NEWLINE_CR,
  RECAP_FILE_NEWLINE_CR_LF,
} RecapFileNewline;

/* The largest file Recap reads: the window, the site index and recap-cli alike. */
#define RECAP_FILE_MAX_SIZE (64 * 1024 * 1024)

GQuark   recap_file_error_quark  (void);

/* When @st's file was last modified, in microseconds since the epoch. */
static inline gint64
recap_file_mtime_usec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* The one errno helper: sets @error (G_IO_ERROR from @saved_errno) as
 * "@format (with @path's display name): reason", or "@path: reason" when
 * @format is NULL, or "reason" when both are; returns FALSE. @format is
 * untranslated (N_()): translating it here cannot change the errno. */
gboolean recap_file_set_errno_error (GError     **error,
                                     int          saved_errno,
                                     const char  *format,
                                     const char  *path);

/* Opens @path for reading without blocking and returns its descriptor, with
 * its @st; -1 with @error for a folder, a FIFO, a device or any other file
 * that is not a regular one. */
int      recap_file_open_regular (const char    *path,
                                  struct stat   *st,
                                  GError       **error);

/* Sets @error to RECAP_FILE_ERROR_TOO_LARGE, the one message for a file
 * above RECAP_FILE_MAX_SIZE; returns FALSE. */
gboolean recap_file_set_too_large_error (GError     **error,
                                         const char  *display_name);

/* The 1-based line that byte @offset of @text is on. */
guint    recap_file_line_at      (const char    *text,
                                  gsize          offset);

/* Checks that @text is something Recap may edit: at most RECAP_FILE_MAX_SIZE
 * bytes, no NUL byte, valid UTF-8 after an optional BOM. @display_name is used
 * in the error message. */
gboolean recap_file_check_text   (const char    *text,
                                  gsize          len,
                                  const char    *display_name,
                                  GError       **error);

/* The 8-bit charset to read @data as when it is not UTF-8: "WINDOWS-1252"
 * when it has bytes 0x80-0x9F and all are characters there (curly quotes,
 * dashes, €), else "ISO-8859-1", which reads every byte as the character
 * of that code and writes it back unchanged. */
const char *recap_file_guess_8bit_charset (const char *data,
                                           gsize       len);

/* The editor's reading and writing, on a worker thread (RecapDocument). */

/* The file @file is, symlinks followed (realpath()): what to read and watch;
 * NULL with @error for a file that is not local, a dangling link or a loop.
 * @display_name is used in the error message. */
char    *recap_file_dup_real_path (GFile       *file,
                                   const char  *display_name,
                                   GError     **error);

/* Reads the regular file @real_path whole: the SHA-256 (hex) of its bytes
 * in @checksum and, when @bytes is not NULL, the bytes, refusing then a file
 * above RECAP_FILE_MAX_SIZE. Refuses what recap_file_open_regular() refuses. */
gboolean recap_file_read_checksummed (const char  *real_path,
                                      const char  *display_name,
                                      GBytes     **bytes,
                                      char       **checksum,
                                      GError     **error);

/* RECAP_FILE_ERROR_BINARY for @data with a NUL byte, unless it starts with
 * a UTF-16 or UTF-32 byte order mark (such text is full of NUL bytes). */
gboolean recap_file_check_not_binary (const char  *data,
                                      gsize        len,
                                      const char  *display_name,
                                      GError     **error);

/* Whether @data is valid UTF-8 without a byte order mark. */
gboolean recap_file_is_plain_utf8    (const char  *data,
                                      gsize        len);

/* The line break @data uses first; LF when it has none. */
RecapFileNewline recap_file_first_newline (const char *data,
                                           gsize       len);

/* @text (UTF-8) with each "\n" that is not after a "\r" (the ones typed)
 * made @newline, the file's line ending, then converted to @charset (NULL:
 * UTF-8); NULL with RECAP_FILE_ERROR_UNENCODABLE when @charset cannot store
 * a character of it. @encoding_name (the charset as the user knows it) and
 * @display_name are used in the error message. */
GBytes  *recap_file_encode_text      (const char        *text,
                                      RecapFileNewline   newline,
                                      const char        *charset,
                                      const char        *encoding_name,
                                      const char        *display_name,
                                      GError           **error);

/* FALSE with @error when the existing file @real_path is not writable, even
 * where its folder would let a new file replace it; TRUE when @real_path is
 * NULL (no file yet: the folder decides). */
gboolean recap_file_check_writable   (const char  *real_path,
                                      const char  *display_name,
                                      GError     **error);

/* The longest line of @data in bytes, "\r" and "\n" both ending lines. */
gsize    recap_file_longest_line     (const char  *data,
                                      gsize        len);

/* @text (valid UTF-8) with each line longer than @max_line bytes cut
 * there, on a character boundary, and marked as cut. */
char    *recap_file_cut_long_lines   (const char  *text,
                                      gsize        max_line);

/* Reads a whole text file, refusing what recap_file_check_text() refuses.
 * @text is NUL-terminated and keeps a BOM and CRLF line breaks as they are. */
gboolean recap_file_read_text    (GFile         *file,
                                  GCancellable  *cancellable,
                                  char         **text,
                                  gsize         *len,
                                  GError       **error);

/* The bytes of a regular file, whatever they are; refuses what
 * recap_file_open_regular() refuses, without blocking. */
GBytes  *recap_file_read_bytes   (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Writing (recap-file-write.c). Why not g_file_replace(): it truncates and
 * rewrites in place a symlink's target or a hard-linked file, so a crash
 * leaves it half written. Why not GtkSourceFileSaver: it rewrites every
 * line ending to one type, changing bytes the user never edited. */

/* Replaces a local file's contents atomically: writes a temporary file in the
 * same folder, fsyncs it and renames it over the target. A symlink is followed
 * (its target is replaced, the link stays); an existing file keeps its
 * permissions. On error the original file is left untouched. */
gboolean recap_file_write_atomic (GFile         *file,
                                  const char    *text,
                                  gsize          len,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Removes @name in @dir_fd when it is a temporary copy of
 * recap_file_write_atomic() that its process left (killed meanwhile):
 * one of a process that has ended, or one older than the live process with
 * its PID (which was reused). Returns whether it did. */
gboolean recap_file_remove_stale_temp  (int           dir_fd,
                                        const char   *name);
/* recap_file_remove_stale_temp() on each file of @folder; returns how many
 * it removed. Blocking. */
guint    recap_file_remove_stale_temps (const char   *folder);

typedef enum {
  RECAP_FILE_WRITE_DEFAULT     = 0,
  RECAP_FILE_WRITE_PRIVATE     = 1 << 0, /* the new file is the owner's only (0600) */
  RECAP_FILE_WRITE_NOT_DURABLE = 1 << 1, /* a cache: no fsync(), a crash may leave the old one */
} RecapFileWriteFlags;

typedef struct {
  GFile      *file;
  const char *text;
  gsize       len;
  gboolean    replaced; /* out: @file now holds @text */
  RecapFileWriteFlags flags;
  /* Optional: @text is written with its @cut_len bytes from @cut replaced
   * by the @insert_len bytes of @insert, so that an edit of many files
   * keeps no second copy of each. */
  gsize       cut;
  gsize       cut_len;
  const char *insert;
  gsize       insert_len;
} RecapFileWrite;

/* Replaces @path as recap_file_write_atomic() does, with @flags:
 * RECAP_FILE_WRITE_PRIVATE for recovery drafts and the index cache, which
 * is also RECAP_FILE_WRITE_NOT_DURABLE. */
gboolean recap_file_write_path   (const char          *path,
                                  const char          *text,
                                  gsize                len,
                                  RecapFileWriteFlags  flags,
                                  GError             **error);

/* Replaces each file of @writes (RecapFileWrite) as recap_file_write_atomic()
 * does, but together, from worker threads: every temporary copy is written
 * and made durable (an fsync() each or, on a local disk, one syncfs() of
 * their file system) before any is renamed, then each folder is synced
 * once. When a copy cannot be made, or on cancellation, no file is
 * changed. A rename that fails (the folder changed meanwhile) leaves its
 * file as it was and the others replaced. Each write's `replaced` tells
 * which were; @error the first failure. Stale temporary copies in the
 * batch's folders are removed first (and by the next scan of the site, if
 * the process is killed in between). Blocking. */
gboolean recap_file_write_atomic_all (GPtrArray     *writes,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* The files recap_file_write_atomic_all() replaced are let go (their
 * blocks freed) in background threads after it returns; waits until every
 * one replaced so far is. For a process about to exit: exit() would let
 * go of them one by one. */
void     recap_file_write_wait_released (void);

G_END_DECLS
