/* recap-front-matter.h: lossless Jekyll front matter (split, parse, surgical edits)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECAP_FRONT_MATTER_ERROR (recap_front_matter_error_quark ())

typedef enum {
  RECAP_FRONT_MATTER_ERROR_INVALID,    /* YAML does not parse; message has line and column */
  RECAP_FRONT_MATTER_ERROR_NOT_MAPPING, /* parses, but the top level is not a mapping */
  RECAP_FRONT_MATTER_ERROR_NO_KEY,     /* edit of a key that does not exist */
  RECAP_FRONT_MATTER_ERROR_READ_ONLY,  /* edit refused: model is invalid or value not editable */
} RecapFrontMatterError;

GQuark recap_front_matter_error_quark (void);

/* Byte offsets into the whole document text. */
typedef struct {
  gboolean present;    /* TRUE when the file starts with a closed front-matter block */
  gsize    bom_len;    /* 3 when the text starts with a UTF-8 BOM, else 0 */
  gsize    start;      /* first byte of the opening fence line (== bom_len) */
  gsize    yaml_start; /* first byte of the YAML text (after the opening fence line) */
  gsize    yaml_end;   /* first byte of the closing fence line */
  gsize    end;        /* first byte after the closing fence line and its line break */
  gsize    body_start; /* first byte of the markdown body (== end, or bom_len when absent) */
} RecapFrontMatterSplit;

/* Always fills @split; returns split->present. */
gboolean recap_front_matter_split (const char            *text,
                                   gsize                  len,
                                   RecapFrontMatterSplit *split);

typedef struct _RecapFrontMatter RecapFrontMatter;

/* Parses the front matter of a whole document. A document without front
 * matter gives an empty, valid model. Invalid YAML gives NULL and a
 * RECAP_FRONT_MATTER_ERROR_INVALID error whose message names line and
 * column (1-based, in the whole document). */
RecapFrontMatter *recap_front_matter_parse          (const char        *text,
                                                     gsize              len,
                                                     GError           **error);
RecapFrontMatter *recap_front_matter_ref            (RecapFrontMatter  *fm);
void              recap_front_matter_unref          (RecapFrontMatter  *fm);
const RecapFrontMatterSplit *
                  recap_front_matter_get_split      (RecapFrontMatter  *fm);
gboolean          recap_front_matter_has_key        (RecapFrontMatter  *fm,
                                                     const char        *path);
/* Scalar value as a string (plain/quoted/block scalars decoded); NULL when
 * missing or not a scalar. @path may be dotted ("seo.type"). */
char             *recap_front_matter_get_string     (RecapFrontMatter  *fm,
                                                     const char        *path);
/* A sequence of scalars, or, for Jekyll's `tags` and `categories`, a
 * space-separated string. NULL when missing. */
GStrv             recap_front_matter_get_list       (RecapFrontMatter  *fm,
                                                     const char        *path);
/* true/false/yes/no (any case). FALSE when missing or not a boolean. */
gboolean          recap_front_matter_get_boolean    (RecapFrontMatter  *fm,
                                                     const char        *path,
                                                     gboolean          *value);
/* Jekyll date: "YYYY-MM-DD[ HH:MM[:SS][ +/-TTTT]]" (also ISO 8601 'T' and Z).
 * Returns NULL when missing or not a date. Offsetless times are local. */
GDateTime        *recap_front_matter_get_date       (RecapFrontMatter  *fm,
                                                     const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapFrontMatter, recap_front_matter_unref)

G_END_DECLS
