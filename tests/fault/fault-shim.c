/* fault-shim.c: an LD_PRELOAD library that makes writes to chosen files fail or crawl
 *
 *   RECAP_FAULT_ENOSPC=TEXT  write() or writev() to a file whose path contains
 *                            TEXT fails with ENOSPC, as on a full disk
 *   RECAP_FAULT_SLOW=TEXT    write() or writev() to such a file writes at most
 *                            64 KiB after a 20 ms pause, so that a kill lands
 *                            in mid-save
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#define SLOW_CHUNK (64 * 1024)
#define SLOW_PAUSE_US 20000

typedef ssize_t (*WriteFunc) (int fd, const void *buf, size_t count);
typedef ssize_t (*WritevFunc) (int fd, const struct iovec *iov, int n);

static int
path_contains (int         fd,
               const char *text)
{
  char link[64];
  char path[4096];
  ssize_t len;

  if (text == NULL || *text == '\0')
    return 0;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  len = readlink (link, path, sizeof path - 1);
  if (len < 0)
    return 0;
  path[len] = '\0';
  return strstr (path, text) != NULL;
}

/* Whether a write of @count bytes to @fd goes on: FALSE with errno set to
 * fail it; *@count cut to what a slow disk takes at once. */
static int
fault (int     fd,
       size_t *count)
{
  if (path_contains (fd, getenv ("RECAP_FAULT_ENOSPC")))
    {
      errno = ENOSPC;
      return 0;
    }
  if (path_contains (fd, getenv ("RECAP_FAULT_SLOW")))
    {
      usleep (SLOW_PAUSE_US);
      if (*count > SLOW_CHUNK)
        *count = SLOW_CHUNK;
    }
  return 1;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  WriteFunc real_write = (WriteFunc) dlsym (RTLD_NEXT, "write");

  if (!fault (fd, &count))
    return -1;
  return real_write (fd, buf, count);
}

/* Recap's file writes use writev() (a changed range between kept bytes). */
ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 n)
{
  WritevFunc real_writev = (WritevFunc) dlsym (RTLD_NEXT, "writev");
  WriteFunc real_write = (WriteFunc) dlsym (RTLD_NEXT, "write");
  size_t total = 0, allowed;
  int i;

  for (i = 0; i < n; i++)
    total += iov[i].iov_len;
  allowed = total;
  if (!fault (fd, &allowed))
    return -1;
  if (allowed == total)
    return real_writev (fd, iov, n);
  /* Slow: at most the first iovec's part of the chunk, a short write. */
  for (i = 0; i < n && iov[i].iov_len == 0; i++)
    ;
  return real_write (fd, iov[i].iov_base, iov[i].iov_len < allowed ? iov[i].iov_len : allowed);
}
