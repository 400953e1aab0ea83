/* fault-shim.c: an LD_PRELOAD library that makes writes to chosen files fail or crawl
 *
 *   RECAP_FAULT_ENOSPC=TEXT  write() to a file whose path contains TEXT fails
 *                            with ENOSPC, as on a full disk
 *   RECAP_FAULT_SLOW=TEXT    write() to such a file writes at most 64 KiB after
 *                            a 20 ms pause, so that a kill lands in mid-save
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOW_CHUNK (64 * 1024)
#define SLOW_PAUSE_US 20000

typedef ssize_t (*WriteFunc) (int fd, const void *buf, size_t count);

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

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  WriteFunc real_write = (WriteFunc) dlsym (RTLD_NEXT, "write");

  if (path_contains (fd, getenv ("RECAP_FAULT_ENOSPC")))
    {
      errno = ENOSPC;
      return -1;
    }
  if (path_contains (fd, getenv ("RECAP_FAULT_SLOW")))
    {
      usleep (SLOW_PAUSE_US);
      if (count > SLOW_CHUNK)
        count = SLOW_CHUNK;
    }
  return real_write (fd, buf, count);
}
