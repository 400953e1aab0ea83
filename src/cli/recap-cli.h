/* recap-cli.h: what the commands of recap-cli share
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses */
#define EXIT_OK      0
#define EXIT_FAILED  1
#define EXIT_USAGE   2
#define EXIT_IO      3  /* a file or folder could not be read or written */

typedef struct {
  gboolean    json;
  const char *date;     /* publish --date */
  const char *template; /* new --template */
  const char *title;    /* new --title */
  gboolean    draft;    /* new --draft */
  const char *format;   /* export --format */
  const char *output;   /* export -o */
  const char *images;   /* export --images */
  gboolean    quiet;    /* -q: no summary lines, only what a script needs */
  GPtrArray  *disable;  /* lint --disable=RULE, each RULE */
} Options;

typedef int (*CommandFunc) (const Options *options,
                            char         **args);

/* "recap-cli: SUBJECT: MESSAGE" on standard error (SUBJECT may be NULL). */
void print_error        (const char     *subject,
                         const char     *message);

/* EXIT_IO for the system's errors reading or writing a file, EXIT_FAILED
 * for Recap's refusals of its contents (binary, not UTF-8, too large). */
int  exit_status_for_error (const GError *error);

/* @value as a JSON string (null for NULL), appended to @out. */
void json_append_string (GString        *out,
                         const char     *value);

/* Site-wide commands, in recap-cli-site.c */
int  command_lint       (const Options  *options,
                         char          **args);
int  command_rename_tag (const Options  *options,
                         char          **args);
int  command_set_event  (const Options  *options,
                         char          **args);
int  command_publish    (const Options  *options,
                         char          **args);
int  command_unpublish  (const Options  *options,
                         char          **args);
int  command_rename_post (const Options  *options,
                          char          **args);
int  command_new        (const Options  *options,
                         char          **args);
int  command_add_front_matter (const Options  *options,
                               char          **args);
int  command_tag        (const Options  *options,
                         char          **args);
int  command_category   (const Options  *options,
                         char          **args);
int  command_set_many   (const Options  *options,
                         char          **args);
int  command_unset_many (const Options  *options,
                         char          **args);

/* In recap-cli-export.c */
int  command_export     (const Options  *options,
                         char          **args);

G_END_DECLS
