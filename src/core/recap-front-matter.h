/* recap-front-matter.h: lossless Jekyll front matter (split, parse, surgical edits)
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "recap-jekyll-date.h"
#include "recap-yaml-quote.h"

G_BEGIN_DECLS

#define RECAP_FRONT_MATTER_ERROR (recap_front_matter_error_quark ())

typedef enum {
  RECAP_FRONT_MATTER_ERROR_INVALID,    /* YAML does not parse; message has line and column */
  RECAP_FRONT_MATTER_ERROR_NOT_MAPPING, /* parses, but the top level is not a mapping */
  RECAP_FRONT_MATTER_ERROR_NO_KEY,     /* edit of a key that does not exist */
  RECAP_FRONT_MATTER_ERROR_READ_ONLY,  /* edit refused: model is invalid or value not editable */
  RECAP_FRONT_MATTER_ERROR_EXISTS,     /* add/rename to a key, or a block, that already exists */
  RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT, /* key or value that cannot be written (bad UTF-8, …) */
  RECAP_FRONT_MATTER_ERROR_UNSAFE,     /* the edit failed its own check; nothing changed (a bug) */
} RecapFrontMatterError;

GQuark recap_front_matter_error_quark (void);

/* The kind of block a document starts with. Hugo's TOML ("+++" fences)
 * and JSON (an object from the first byte) blocks are read, never edited. */
typedef enum {
  RECAP_FRONT_MATTER_FORMAT_NONE,
  RECAP_FRONT_MATTER_FORMAT_YAML,
  RECAP_FRONT_MATTER_FORMAT_TOML,
  RECAP_FRONT_MATTER_FORMAT_JSON,
} RecapFrontMatterFormat;

/* Byte offsets into the whole document text. */
typedef struct {
  gboolean present;    /* TRUE when the file starts with a closed front-matter block */
  RecapFrontMatterFormat format; /* of that block; NONE when absent */
  gsize    bom_len;    /* 3 when the text starts with a UTF-8 BOM, else 0 */
  gsize    start;      /* first byte of the opening fence line (== bom_len) */
  gsize    yaml_start; /* first byte of the block's text (after the opening fence line;
                        * JSON: the opening brace) */
  gsize    yaml_end;   /* first byte of the closing fence line (JSON: after the closing brace) */
  gsize    end;        /* first byte after the closing fence line and its line break */
  gsize    body_start; /* first byte of the markdown body (== end, or bom_len when absent) */
} RecapFrontMatterSplit;

/* Always fills @split; returns split->present (for any format). */
gboolean recap_front_matter_split (const char            *text,
                                   gsize                  len,
                                   RecapFrontMatterSplit *split);

typedef struct _RecapFrontMatter RecapFrontMatter;

/* Parses the front matter of a whole document. A document without front
 * matter gives an empty, valid model. TOML and JSON front matter give a
 * model of their top-level strings, numbers, booleans, dates and lists of
 * them, which every edit refuses (RECAP_FRONT_MATTER_ERROR_READ_ONLY). Invalid YAML gives NULL and a
 * RECAP_FRONT_MATTER_ERROR_INVALID error whose message names line and
 * column (1-based, in the whole document); YAML that is not a mapping gives
 * RECAP_FRONT_MATTER_ERROR_NOT_MAPPING. Paths below are keys, dotted for
 * nested mappings ("seo.type"); of duplicate keys the last one counts, as
 * in Jekyll, and aliases read as what they refer to. */
RecapFrontMatter *recap_front_matter_parse          (const char        *text,
                                                     gsize              len,
                                                     GError           **error);
/* Like recap_front_matter_parse(); when the YAML is invalid, also gives the
 * error's 1-based line and column in the whole document. */
RecapFrontMatter *recap_front_matter_parse_at       (const char        *text,
                                                     gsize              len,
                                                     guint             *line,
                                                     guint             *column,
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
 * space-separated string. An empty value gives an empty list; NULL when
 * missing or another kind of value. */
GStrv             recap_front_matter_get_list       (RecapFrontMatter  *fm,
                                                     const char        *path);
/* As recap_front_matter_get_list(), but NULL for a sequence holding more
 * than scalars (maps, lists): what an edit that writes the list back may
 * start from, so that it drops no item. */
GStrv             recap_front_matter_get_plain_list (RecapFrontMatter  *fm,
                                                     const char        *path);
/* true/false/yes/no (any case). FALSE when missing or not a boolean. */
gboolean          recap_front_matter_get_boolean    (RecapFrontMatter  *fm,
                                                     const char        *path,
                                                     gboolean          *value);
/* Jekyll date: "YYYY-MM-DD[ HH:MM[:SS][ +/-TTTT]]" (also ISO 8601 'T' and Z).
 * Returns NULL when missing or not a date. Offsetless times are local. */
GDateTime        *recap_front_matter_get_date       (RecapFrontMatter  *fm,
                                                     const char        *path);

/* The ordered model: one entry per key of a mapping. */
typedef enum {
  RECAP_FRONT_MATTER_KIND_SCALAR,
  RECAP_FRONT_MATTER_KIND_SEQUENCE,
  RECAP_FRONT_MATTER_KIND_MAPPING,
  RECAP_FRONT_MATTER_KIND_ALIAS,
} RecapFrontMatterKind;

typedef struct {
  RecapFrontMatterKind kind;
  RecapYamlStyle       scalar_style; /* scalars: plain, quoted, literal or folded */
  gboolean             flow;         /* collections: [ ] / { } rather than block */
  gsize                key_start;    /* byte spans in the whole document */
  gsize                key_end;
  gsize                value_start;  /* after any &anchor / !tag; == value_end when empty */
  gsize                value_end;    /* block scalars: end of the last content line */
  guint                indent;       /* column of the key */
} RecapFrontMatterEntry;

/* Keys of the mapping at @path (NULL: the top level), in document order,
 * duplicates included. NULL when @path is not a mapping. */
GStrv             recap_front_matter_get_keys       (RecapFrontMatter  *fm,
                                                     const char        *path);
/* Fills @entry for @path (the last of duplicate keys, as Jekyll reads it). */
gboolean          recap_front_matter_get_entry      (RecapFrontMatter  *fm,
                                                     const char        *path,
                                                     RecapFrontMatterEntry *entry);

/* Surgical edits. Each takes the whole document and gives the whole new
 * document plus the one byte range that changed (the narrowest, on
 * character boundaries), so that a text buffer can apply it as a single
 * replacement. Nothing outside the edited entry changes; an edit that
 * would change nothing returns TRUE with @changed == FALSE and the text
 * unchanged. Every result is parsed again and checked; a failed check
 * gives RECAP_FRONT_MATTER_ERROR_UNSAFE and no text. Invalid front matter,
 * and shapes the engine cannot edit safely (a lone CR line break, an
 * anchor an alias still uses, …), refuse the edit with
 * RECAP_FRONT_MATTER_ERROR_READ_ONLY. */
typedef struct {
  gboolean  changed;
  char     *text;            /* the whole new document, NUL-terminated */
  gsize     len;
  gsize     offset;          /* first byte of the old document that changed */
  gsize     old_len;         /* how many old bytes from @offset were replaced */
  char     *replacement;     /* what replaces them, NUL-terminated */
  gsize     replacement_len;
} RecapFrontMatterEdit;

void     recap_front_matter_edit_clear (RecapFrontMatterEdit *edit);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecapFrontMatterEdit, recap_front_matter_edit_clear)

/* Sets a scalar; adds the key (and missing parent mappings) at the end of
 * its mapping when missing, and a front-matter block when there is none.
 * Keeps the old quoting when @value allows it, else picks the minimal safe
 * quoting; a plain boolean, number or date stays plain when @value is of
 * the same kind. A multi-line value becomes a literal block ("|") where one
 * fits, and a block scalar stays one. */
gboolean recap_front_matter_set_string  (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         const char            *value,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Writes a plain `true`/`false` (keeping a yes/no spelling and its case). */
gboolean recap_front_matter_set_boolean (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         gboolean               value,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Writes a plain Jekyll date, "YYYY-MM-DD HH:MM:SS +TTTT". */
gboolean recap_front_matter_set_date    (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         GDateTime             *value,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Sets a list of strings, changing only the items that differ; keeps block
 * or flow style, item indentation and comments. A space-separated `tags` or
 * `categories` string stays one when the items allow it. */
gboolean recap_front_matter_set_list    (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         const char * const    *items,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Adds a new string key after @after_key (a sibling key), or at the end of
 * its mapping when @after_key is NULL; RECAP_FRONT_MATTER_ERROR_EXISTS when
 * the key is there already. */
gboolean recap_front_matter_add_key     (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         const char            *value,
                                         const char            *after_key,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Removes the whole entry (nested lines and its trailing comment included),
 * every duplicate of it too. */
gboolean recap_front_matter_remove_key  (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Renames the last component of @path to @new_name. */
gboolean recap_front_matter_rename_key  (const char            *text,
                                         gsize                  len,
                                         const char            *path,
                                         const char            *new_name,
                                         RecapFrontMatterEdit  *out,
                                         GError               **error);
/* Puts a new front-matter block (title and/or date, either may be NULL) at
 * the top of a document that has none. */
gboolean recap_front_matter_create_block (const char           *text,
                                          gsize                 len,
                                          const char           *title,
                                          GDateTime            *date,
                                          RecapFrontMatterEdit *out,
                                          GError              **error);

/* Sets every key to the value it already has and checks that no byte
 * changes. FALSE with @error for invalid front matter, or FALSE with
 * @changed_path naming the first key that would change (and @error set
 * when that edit failed). */
gboolean recap_front_matter_check_round_trip (const char       *text,
                                              gsize             len,
                                              char            **changed_path,
                                              GError          **error);

/* For TOML or JSON front matter, what the form shows instead of fields
 * ("TOML front matter is shown read-only"); NULL for YAML or none. */
const char *recap_front_matter_get_read_only_notice (RecapFrontMatter *fm);

/* TRUE when an edit of @path changes only @path. FALSE with
 * RECAP_FRONT_MATTER_ERROR_READ_ONLY, naming the alias, when its value,
 * something in it or a mapping holding it carries an anchor that an alias
 * elsewhere reads: the edit would change that alias too. */
gboolean recap_front_matter_check_unshared (RecapFrontMatter  *fm,
                                            const char        *path,
                                            GError           **error);

/* Test hook: totals since the process started, so that a test can show
 * that work grows linearly with the number of keys. */
typedef struct {
  guint parses;       /* YAML parsers started */
  guint key_compares; /* keys compared (or hash lookups) to find a key */
} RecapFrontMatterCounters;

void     recap_front_matter_get_counters (RecapFrontMatterCounters *counters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapFrontMatter, recap_front_matter_unref)

G_END_DECLS
