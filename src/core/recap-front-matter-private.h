/* recap-front-matter-private.h: what the files of the front-matter engine share
 *
 * The YAML is read with libyaml's event API into a small tree that keeps
 * the byte span of every node. Edits never re-serialize: they splice new
 * text into the spans of the entry they change, then parse the result and
 * check that the edit did what it says and nothing else.
 *
 * Hugo's TOML and JSON blocks are read into the same tree, read-only: JSON
 * through json-glib, TOML by a hand-written line reader (no TOML library
 * is in the GNOME runtime, and only top-level one-line keys are needed).
 *
 * The files, in the order a document goes through them:
 *   recap-front-matter.c          the fence split and the public readers
 *   recap-front-matter-parse.c    the model, libyaml events → nodes, paths
 *   recap-front-matter-foreign.c  TOML and JSON front matter, read-only
 *   recap-front-matter-editor.c   the Editor: splices, the re-parse check,
 *                                 the alias (shared value) checks
 *   recap-front-matter-write.c    writing scalars and lists
 *   recap-front-matter-keys.c     new keys, the public edits, round trip
 *   recap-jekyll-date.c           dates (public: recap-jekyll-date.h)
 *
 * Only these files include this header, so the names it declares have no
 * recap_ prefix; none of it is API.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "recap-front-matter.h"

G_BEGIN_DECLS

/* Deeper nesting is refused, which bounds every recursion below. */
#define MAX_DEPTH 64

typedef struct _Node Node;

struct _Node {
  RecapFrontMatterKind kind;
  RecapYamlStyle       style;         /* scalars */
  gboolean             flow;          /* collections */
  gboolean             has_props;     /* an &anchor or a !tag */
  gboolean             has_tag;       /* a !tag: the type is not the plain one */
  char                *value;         /* scalars: decoded text; aliases: anchor name */
  Node                *target;        /* aliases: the anchored node */
  Node                *parent;
  GPtrArray           *children;      /* sequences: items; mappings: key, value, key, … */
  GHashTable          *index;         /* large mappings: key text → 1 + index of its last key */
  gsize                start;         /* first byte, properties included */
  gsize                props_end;     /* first byte after the properties */
  gsize                content_start; /* first byte of the node itself */
  gsize                end;
  guint                column;        /* of start, in characters */
  guint                block_indent;  /* block scalars: of the first content line */
  guint                depth;
};

struct _RecapFrontMatter {
  grefcount             ref_count;
  RecapFrontMatterSplit split;
  GPtrArray            *nodes; /* owns every node */
  GPtrArray            *aliases; /* the alias nodes, in document order */
  Node                 *root;  /* the top-level mapping; NULL when empty */
  Node                 *null_root; /* a top-level null ("~") instead of a mapping */
};

typedef struct {
  Node       *mapping;    /* where the search ended (NULL: empty front matter) */
  guint       index;      /* the key's index in mapping->children, when found */
  Node       *value;      /* the value, NULL when missing */
  const char *rest;       /* when missing: the part of the path not found */
  Node       *empty;      /* when missing below an empty value: that value */
  Node       *blocker;    /* when missing below a value that is not a mapping */
  const char *root_key;   /* the top-level key the path goes through, if any */
} Lookup;

typedef struct {
  const char       *text;
  gsize             len;
  const char       *path;    /* what the edit is of, for messages */
  RecapFrontMatter *fm;
  const char       *newline;
  GArray           *splices;
  GArray           *claims;
} Editor;

void editor_clear (Editor *ed);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Editor, editor_clear)

typedef enum {
  EXPECT_STRING,
  EXPECT_BOOLEAN,
  EXPECT_LIST,
  EXPECT_ABSENT,
  EXPECT_RENAMED,
} ExpectKind;

/* What an edit promises, checked on the parsed result. */
typedef struct {
  ExpectKind          kind;
  const char         *path;
  const char         *string;   /* EXPECT_STRING */
  gboolean            boolean;  /* EXPECT_BOOLEAN */
  const char * const *items;    /* EXPECT_LIST */
  const char         *new_path; /* EXPECT_RENAMED */
  const char         *touched[2]; /* top-level keys the edit may change */
} Expect;

typedef struct {
  const char         *scalar;  /* a string, or the spelling of a typed value */
  RecapYamlType       type;    /* STRING, or the type @scalar is written plain as */
  const char * const *items;   /* a list instead of a scalar, when not NULL */
} NewValue;

typedef struct {
  const char     *value;
  RecapYamlType   type;
  RecapYamlStyle  style;       /* preferred: the style of the value replaced */
  RecapYamlType   plain_type;  /* the type of the plain value replaced */
  gboolean        in_flow;
  gboolean        block_ok;    /* nothing follows on the line: a block scalar fits */
  gboolean        keep_ok;     /* the span took the trailing line breaks: "|+" fits */
  guint           indent;      /* of block scalar lines */
  const char     *header_tail; /* kept after a block scalar's indicator (a comment) */
  gsize           header_tail_len;
} ScalarSpec;

/* Where a new value goes when it replaces the whole old one: right after
 * the colon, the dash or the properties, up to the old value's end (for an
 * empty value, over the blanks after it). */
typedef struct {
  gsize    start;
  gsize    end;
  gboolean needs_space;
} Target;

static inline gsize
next_line_start (const char *text,
                 gsize       len,
                 gsize       pos)
{
  const char *nl = memchr (text + pos, '\n', len - pos);

  return nl != NULL ? (gsize) (nl - text) + 1 : len;
}

static inline gboolean
is_foreign (const RecapFrontMatterSplit *split)
{
  return split->format == RECAP_FRONT_MATTER_FORMAT_TOML || split->format == RECAP_FRONT_MATTER_FORMAT_JSON;
}

static inline gboolean
is_collection (const Node *node)
{
  return node->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE ||
         node->kind == RECAP_FRONT_MATTER_KIND_MAPPING;
}

static inline gboolean
is_block_style (RecapYamlStyle style)
{
  return style == RECAP_YAML_STYLE_LITERAL || style == RECAP_YAML_STYLE_FOLDED;
}

static inline gboolean
node_is_empty (const Node *node)
{
  return node->kind == RECAP_FRONT_MATTER_KIND_SCALAR && node->content_start == node->end;
}

static inline gboolean
node_in_flow (const Node *node)
{
  return node->parent != NULL && node->parent->flow;
}

/* What the node reads as, following an alias one step (no expansion). */
static inline Node *
node_resolve (Node *node)
{
  return node->kind == RECAP_FRONT_MATTER_KIND_ALIAS ? node->target : node;
}

static inline gboolean
node_is_within (Node *node,
                Node *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static inline RecapYamlType
node_type (const Node *node)
{
  if (node->style != RECAP_YAML_STYLE_PLAIN || node->has_tag)
    return RECAP_YAML_TYPE_STRING;
  return recap_yaml_resolve_plain (node->value);
}

static inline gsize
line_content_end (const char *text,
                  gsize       pos,
                  gsize       limit)
{
  gsize end = pos;

  while (end < limit && text[end] != '\n')
    end++;
  if (end > pos && text[end - 1] == '\r')
    end--;
  return end;
}

static inline gsize
count_spaces (const char *text,
              gsize       pos,
              gsize       limit)
{
  gsize n = 0;

  while (pos + n < limit && text[pos + n] == ' ')
    n++;
  return n;
}

static inline Node *
mapping_key (Node  *mapping,
             guint  index)
{
  return g_ptr_array_index (mapping->children, index);
}

static inline Node *
mapping_value (Node  *mapping,
               guint  index)
{
  return g_ptr_array_index (mapping->children, index + 1);
}

static inline gsize
yaml_end (Editor *ed)
{
  return ed->fm->split.yaml_end;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* recap-front-matter.c */

gboolean
is_split_list_key (const char *path);

GStrv
sequence_strings (Node *sequence);

/* A sequence whose items (aliases followed) are all scalars. */
gboolean
is_scalar_list (Node *node);

GStrv
node_list (Node       *node,
           const char *path);

/* recap-front-matter-parse.c */

void
mapping_build_index (Node *mapping);

gboolean
key_matches (const Node *key,
             const char *name,
             gsize       name_len);

gboolean
mapping_find (Node       *mapping,
              const char *name,
              gsize       name_len,
              guint      *index);

void
lookup_path (RecapFrontMatter *fm,
             const char       *path,
             gboolean          follow_aliases,
             Lookup           *l);

Node *
lookup_value (RecapFrontMatter *fm,
              const char       *path);

Node *
lookup_exact (RecapFrontMatter *fm,
              const char       *path);

/* recap-front-matter-foreign.c */

void
read_foreign (RecapFrontMatter *fm,
              const char       *text);

/* recap-front-matter-editor.c */

gboolean G_GNUC_PRINTF (3, 4)
set_edit_error (GError     **error,
                int          code,
                const char  *format,
                ...);

gboolean
refuse_foreign (const RecapFrontMatterSplit  *split,
                GError                      **error);

const char *
detect_newline (const char *text,
                gsize       len,
                gsize       from);

void
editor_init (Editor           *ed,
             RecapFrontMatter *fm,
             const char       *text,
             gsize             len,
             const char       *path);

gboolean
editor_begin (Editor      *ed,
              const char  *text,
              gsize        len,
              const char  *path,
              GError     **error);

void
editor_claim (Editor   *ed,
              Node     *node,
              gboolean  parts);

void
editor_splice (Editor  *ed,
               gsize    offset,
               gsize    len,
               GString *text);

gsize
skip_blanks_from (Editor *ed,
                  gsize   pos);

gboolean
rest_of_line_blank (Editor *ed,
                    gsize   pos);

gsize
line_begin (Editor *ed,
            gsize   pos);

gboolean
only_blanks (Editor *ed,
             gsize   from,
             gsize   to);

gboolean
ends_at_line_start (Editor *ed,
                    gsize   end);

gsize
entry_line_end (Editor *ed,
                gsize   pos);

void
append_spaces (GString *out,
               guint    count);

gboolean
refuse (GError     **error,
        const char  *what);

Node *
node_key (Node *value);

gboolean
find_colon (Editor  *ed,
            Node    *key,
            gsize   *after_colon,
            GError **error);

gboolean
find_dash (Editor  *ed,
           Node    *item,
           gsize   *dash,
           GError **error);

gboolean
owner_column (Editor  *ed,
              Node    *node,
              guint   *column,
              GError **error);

GString *
editor_apply (Editor *ed);

char *
dup_bytes (const char *data,
           gsize       len);

Node *
lookup_changed_node (const Lookup *l,
                     gboolean     *parts);

gboolean
editor_finish (Editor                *ed,
               const Expect          *expect,
               RecapFrontMatterEdit  *out,
               GError               **error);

/* recap-front-matter-write.c */

void
append_scalar (Editor           *ed,
               GString          *out,
               const ScalarSpec *spec);

gboolean
touches_properties (Node *node);

gboolean
editor_whole_target (Editor  *ed,
                     Node    *node,
                     Target  *target,
                     GError **error);

void
editor_replace (Editor       *ed,
                const Target *target,
                GString      *out);

gboolean
editor_set_scalar (Editor          *ed,
                   Node            *node,
                   const NewValue  *value,
                   GError         **error);

void
append_new_list (Editor             *ed,
                 GString            *out,
                 const char * const *items,
                 guint               column,
                 gboolean            in_flow);

guint
n_items (Node *collection);

Node *
item_first (Node  *collection,
            guint  i);

gboolean
editor_delete_items (Editor  *ed,
                     Node    *collection,
                     guint    from,
                     guint    to,
                     GError **error);

gboolean
empty_flow_inside (Editor  *ed,
                   Node    *collection,
                   gsize   *inside,
                   GError **error);

gboolean
editor_set_list (Editor              *ed,
                 Node                *node,
                 const char          *path,
                 const char * const  *items,
                 GError             **error);

G_END_DECLS
