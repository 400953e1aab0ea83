/* recap-front-matter-parse.c: the model, the libyaml parser and paths
 *
 * Owns RecapFrontMatter and its nodes: libyaml's events become a tree of
 * nodes with the byte span of each (marks count characters, so a cursor
 * maps them back to bytes), and dotted paths find keys in it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "recap-file-util.h"

/* Mappings with at least this many keys get a hash index: a post with
 * thousands of keys must not make every lookup a scan of them all. */
#define INDEX_MIN_KEYS 16

/* Test hook only: what the work on front matter cost in this process. */
static RecapFrontMatterCounters counters;

void
recap_front_matter_get_counters (RecapFrontMatterCounters *out)
{
  out->parses = g_atomic_int_get (&counters.parses);
  out->key_compares = g_atomic_int_get (&counters.key_compares);
}

/* Model */

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->value);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->index, g_hash_table_unref);
  g_free (node);
}

static RecapFrontMatter *
front_matter_new (void)
{
  RecapFrontMatter *fm = g_new0 (RecapFrontMatter, 1);

  g_ref_count_init (&fm->ref_count);
  fm->nodes = g_ptr_array_new_with_free_func (node_free);
  fm->aliases = g_ptr_array_new ();
  return fm;
}

RecapFrontMatter *
recap_front_matter_ref (RecapFrontMatter *fm)
{
  g_return_val_if_fail (fm != NULL, NULL);

  g_ref_count_inc (&fm->ref_count);
  return fm;
}

void
recap_front_matter_unref (RecapFrontMatter *fm)
{
  g_return_if_fail (fm != NULL);

  if (g_ref_count_dec (&fm->ref_count))
    {
      g_ptr_array_unref (fm->aliases);
      g_ptr_array_unref (fm->nodes);
      g_free (fm);
    }
}

const RecapFrontMatterSplit *
recap_front_matter_get_split (RecapFrontMatter *fm)
{
  return &fm->split;
}

/* Parse: libyaml events into nodes */

typedef struct {
  const char       *text;
  gsize             yaml_start;
  gsize             yaml_end;
  gsize             char_index; /* libyaml marks count characters: a cursor */
  gsize             byte_index; /* maps them back to bytes */
  RecapFrontMatter *fm;
  GHashTable       *anchors;
  Node             *open;
  guint             documents;
  guint             error_line;
  guint             error_column;
} Builder;

static gsize
builder_offset (Builder *b,
                gsize    index)
{
  const guchar *yaml = (const guchar *) b->text + b->yaml_start;
  gsize len = b->yaml_end - b->yaml_start;

  while (b->char_index < index && b->byte_index < len)
    {
      b->byte_index = MIN (len, b->byte_index + g_utf8_skip[yaml[b->byte_index]]);
      b->char_index++;
    }
  while (b->char_index > index && b->byte_index > 0)
    {
      do
        b->byte_index--;
      while (b->byte_index > 0 && (yaml[b->byte_index] & 0xC0) == 0x80);
      b->char_index--;
    }
  return b->yaml_start + b->byte_index;
}

static void
builder_set_error (Builder     *b,
                   guint        line,
                   guint        column,
                   const char  *problem,
                   GError     **error)
{
  b->error_line = line;
  b->error_column = column;
  g_set_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_INVALID,
               _("Invalid front matter at line %u, column %u: %s"),
               line, column, problem);
}

static void
builder_error_at (Builder           *b,
                  const yaml_mark_t *mark,
                  const char        *problem,
                  GError           **error)
{
  guint first_line = recap_file_line_at (b->text, b->yaml_start);

  builder_set_error (b, first_line + mark->line, mark->column + 1, problem, error);
}

static void
builder_reader_error (Builder       *b,
                      yaml_parser_t *parser,
                      GError       **error)
{
  gsize pos = b->yaml_start + MIN (parser->problem_offset, b->yaml_end - b->yaml_start);
  gsize line_start = pos;

  while (line_start > 0 && b->text[line_start - 1] != '\n')
    line_start--;
  builder_set_error (b, recap_file_line_at (b->text, pos),
                     g_utf8_pointer_to_offset (b->text + line_start, b->text + pos) + 1,
                     parser->problem, error);
}

static void
builder_parser_error (Builder       *b,
                      yaml_parser_t *parser,
                      GError       **error)
{
  if (parser->error == YAML_MEMORY_ERROR || parser->problem == NULL)
    builder_set_error (b, recap_file_line_at (b->text, b->yaml_start), 1, _("the YAML parser failed"), error);
  else if (parser->error == YAML_READER_ERROR)
    builder_reader_error (b, parser, error);
  else
    builder_error_at (b, &parser->problem_mark, parser->problem, error);
}

/* libyaml's anchor names are [0-9A-Za-z_-]; tags run to a blank or a ','. */
static gsize
property_end (const char *text,
              gsize       pos,
              gsize       limit)
{
  gboolean anchor = text[pos] == '&';

  for (pos++; pos < limit; pos++)
    {
      char c = text[pos];

      if (anchor ? !(g_ascii_isalnum (c) || c == '_' || c == '-')
                 : (g_ascii_isspace (c) || c == ','))
        break;
    }
  return pos;
}

/* Skips &anchor and !tag (and the blanks and comments around them). */
static void
node_skip_properties (Node       *node,
                      const char *text,
                      gsize       limit)
{
  gsize pos = node->start;

  node->props_end = node->start;
  while (pos < limit)
    {
      if (g_ascii_isspace (text[pos]))
        pos++;
      else if (text[pos] == '#')
        pos = next_line_start (text, limit, pos);
      else if (text[pos] == '&' || text[pos] == '!')
        {
          pos = property_end (text, pos, limit);
          node->props_end = pos;
        }
      else
        break;
    }
  node->content_start = MIN (pos, limit);
}

static gboolean
block_scalar_keeps (const char *header,
                    gsize       len)
{
  for (gsize i = 1; i < len && i < 3; i++)
    if (header[i] == '+')
      return TRUE;
  return FALSE;
}

/* libyaml ends a block scalar after its trailing line breaks, often inside
 * the next line's indentation. The span stops at the end of the last
 * content line: one with text, or with more spaces than the indentation.
 * A scalar that keeps its trailing breaks ("|+") takes them too. */
static void
node_fix_block_end (Node       *node,
                    const char *text)
{
  gsize header_end = line_content_end (text, node->content_start, node->end);
  gsize scalar_end = node->end;
  gsize end = header_end;

  while (scalar_end > header_end && text[scalar_end - 1] == ' ')
    scalar_end--;

  for (gsize line = next_line_start (text, scalar_end, header_end); line < scalar_end;
       line = next_line_start (text, scalar_end, line))
    {
      gsize spaces = count_spaces (text, line, scalar_end);
      gsize content_end = line_content_end (text, line, scalar_end);

      if (node->block_indent == 0 && line + spaces < content_end)
        node->block_indent = spaces;
      if (line + spaces < content_end || (node->block_indent > 0 && spaces > node->block_indent))
        end = content_end;
    }

  node->end = block_scalar_keeps (text + node->content_start, header_end - node->content_start)
              ? scalar_end : end;
}

static RecapYamlStyle
style_from_yaml (yaml_scalar_style_t style)
{
  switch (style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return RECAP_YAML_STYLE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return RECAP_YAML_STYLE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE:       return RECAP_YAML_STYLE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE:        return RECAP_YAML_STYLE_FOLDED;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:                              return RECAP_YAML_STYLE_PLAIN;
    }
}

static Node *
builder_new_node (Builder              *b,
                  RecapFrontMatterKind  kind,
                  const yaml_event_t   *event)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->start = builder_offset (b, event->start_mark.index);
  node->end = builder_offset (b, event->end_mark.index);
  node->props_end = node->content_start = node->start;
  node->column = event->start_mark.column;
  if (is_collection (node))
    node->children = g_ptr_array_new ();
  g_ptr_array_add (b->fm->nodes, node);
  return node;
}

static gboolean
builder_attach (Builder            *b,
                Node               *node,
                const yaml_event_t *event,
                GError            **error)
{
  node->parent = b->open;
  node->depth = b->open != NULL ? b->open->depth + 1 : 0;
  if (node->depth > MAX_DEPTH)
    {
      builder_error_at (b, &event->start_mark, _("the YAML is nested too deeply"), error);
      return FALSE;
    }

  if (b->open != NULL)
    g_ptr_array_add (b->open->children, node);
  else if (node->kind == RECAP_FRONT_MATTER_KIND_MAPPING)
    b->fm->root = node;
  else if (node->kind == RECAP_FRONT_MATTER_KIND_SCALAR && node_type (node) == RECAP_YAML_TYPE_NULL)
    b->fm->null_root = node;
  else
    {
      b->error_line = recap_file_line_at (b->text, b->yaml_start) + event->start_mark.line;
      b->error_column = event->start_mark.column + 1;
      g_set_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_NOT_MAPPING,
                   _("The front matter is not a list of keys and values"));
      return FALSE;
    }
  return TRUE;
}

static void
builder_register_anchor (Builder           *b,
                         Node              *node,
                         const yaml_char_t *anchor)
{
  if (anchor != NULL)
    g_hash_table_insert (b->anchors, g_strdup ((const char *) anchor), node);
}

static gboolean
builder_scalar (Builder            *b,
                const yaml_event_t *event,
                GError            **error)
{
  Node *node = builder_new_node (b, RECAP_FRONT_MATTER_KIND_SCALAR, event);

  node->style = style_from_yaml (event->data.scalar.style);
  node->value = g_strndup ((const char *) event->data.scalar.value, event->data.scalar.length);
  node->has_tag = event->data.scalar.tag != NULL;
  node->has_props = node->has_tag || event->data.scalar.anchor != NULL;
  if (node->has_props)
    node_skip_properties (node, b->text, node->end);
  if (is_block_style (node->style))
    node_fix_block_end (node, b->text);

  builder_register_anchor (b, node, event->data.scalar.anchor);
  return builder_attach (b, node, event, error);
}

/* An alias to a collection that is still open would make a cycle. */
static gboolean
builder_is_open (Builder *b,
                 Node    *node)
{
  for (Node *open = b->open; open != NULL; open = open->parent)
    if (open == node)
      return TRUE;
  return FALSE;
}

static gboolean
builder_alias (Builder            *b,
               const yaml_event_t *event,
               GError            **error)
{
  const char *name = (const char *) event->data.alias.anchor;
  Node *target = g_hash_table_lookup (b->anchors, name);
  Node *node;

  if (target == NULL || builder_is_open (b, target))
    {
      g_autofree char *problem = g_strdup_printf (target == NULL ? _("unknown alias “%s”")
                                                                 : _("alias “%s” refers to itself"),
                                                  name);

      builder_error_at (b, &event->start_mark, problem, error);
      return FALSE;
    }

  node = builder_new_node (b, RECAP_FRONT_MATTER_KIND_ALIAS, event);
  node->value = g_strdup (name);
  node->target = target;
  g_ptr_array_add (b->fm->aliases, node);
  return builder_attach (b, node, event, error);
}

static gboolean
builder_open (Builder            *b,
              const yaml_event_t *event,
              GError            **error)
{
  gboolean mapping = event->type == YAML_MAPPING_START_EVENT;
  Node *node = builder_new_node (b, mapping ? RECAP_FRONT_MATTER_KIND_MAPPING
                                            : RECAP_FRONT_MATTER_KIND_SEQUENCE, event);

  if (mapping)
    {
      node->flow = event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
      node->has_props = event->data.mapping_start.anchor != NULL || event->data.mapping_start.tag != NULL;
    }
  else
    {
      node->flow = event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
      node->has_props = event->data.sequence_start.anchor != NULL || event->data.sequence_start.tag != NULL;
    }

  if (!builder_attach (b, node, event, error))
    return FALSE;
  builder_register_anchor (b, node, mapping ? event->data.mapping_start.anchor
                                            : event->data.sequence_start.anchor);
  b->open = node;
  return TRUE;
}

/* Later duplicates replace earlier ones: the last key wins, as in Jekyll. */
void
mapping_build_index (Node *mapping)
{
  if (mapping->children->len / 2 < INDEX_MIN_KEYS)
    return;
  mapping->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i + 1 < mapping->children->len; i += 2)
    {
      Node *key = g_ptr_array_index (mapping->children, i);

      if (key->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
        g_hash_table_insert (mapping->index, key->value, GUINT_TO_POINTER (i + 1));
    }
}

/* A block collection ends where its last child ends; libyaml's end mark
 * lies after the comments and blank lines that follow. */
static void
builder_close (Builder            *b,
               const yaml_event_t *event)
{
  Node *node = b->open;
  gsize limit;

  if (node->flow)
    node->end = builder_offset (b, event->end_mark.index);
  else if (node->children->len > 0)
    node->end = ((Node *) g_ptr_array_index (node->children, node->children->len - 1))->end;

  limit = node->children->len > 0 ? ((Node *) g_ptr_array_index (node->children, 0))->start : node->end;
  if (node->has_props)
    node_skip_properties (node, b->text, limit);
  if (node->kind == RECAP_FRONT_MATTER_KIND_MAPPING)
    mapping_build_index (node);
  b->open = node->parent;
}

static gboolean
builder_handle (Builder            *b,
                const yaml_event_t *event,
                GError            **error)
{
  switch (event->type)
    {
    case YAML_DOCUMENT_START_EVENT:
      if (++b->documents == 1)
        return TRUE;
      builder_error_at (b, &event->start_mark, _("a second YAML document starts here"), error);
      return FALSE;
    case YAML_SCALAR_EVENT:
      return builder_scalar (b, event, error);
    case YAML_ALIAS_EVENT:
      return builder_alias (b, event, error);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      return builder_open (b, event, error);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      builder_close (b, event);
      return TRUE;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    default:
      return TRUE;
    }
}

static gboolean
builder_run (Builder  *b,
             GError  **error)
{
  yaml_parser_t parser;
  gboolean ok = TRUE;
  gboolean done = FALSE;

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate a parser");
  g_atomic_int_inc (&counters.parses);
  /* Fixed encoding: libyaml must not guess UTF-16 from the first bytes. */
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string (&parser, (const guchar *) b->text + b->yaml_start,
                                b->yaml_end - b->yaml_start);

  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          builder_parser_error (b, &parser, error);
          ok = FALSE;
          break;
        }
      done = event.type == YAML_STREAM_END_EVENT;
      ok = builder_handle (b, &event, error);
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  return ok;
}

RecapFrontMatter *
recap_front_matter_parse_at (const char  *text,
                             gsize        len,
                             guint       *line,
                             guint       *column,
                             GError     **error)
{
  g_autoptr(RecapFrontMatter) fm = front_matter_new ();
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder b = { 0 };

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (!recap_front_matter_split (text, len, &fm->split))
    return g_steal_pointer (&fm);
  if (is_foreign (&fm->split))
    {
      read_foreign (fm, text);
      return g_steal_pointer (&fm);
    }

  b.text = text;
  b.yaml_start = fm->split.yaml_start;
  b.yaml_end = fm->split.yaml_end;
  b.fm = fm;
  b.anchors = anchors;
  if (builder_run (&b, error))
    return g_steal_pointer (&fm);

  if (line != NULL)
    *line = b.error_line;
  if (column != NULL)
    *column = b.error_column;
  return NULL;
}

RecapFrontMatter *
recap_front_matter_parse (const char  *text,
                          gsize        len,
                          GError     **error)
{
  return recap_front_matter_parse_at (text, len, NULL, NULL, error);
}

/* Paths */

gboolean
key_matches (const Node *key,
             const char *name,
             gsize       name_len)
{
  return key->kind == RECAP_FRONT_MATTER_KIND_SCALAR &&
         strncmp (key->value, name, name_len) == 0 &&
         key->value[name_len] == '\0';
}

static gboolean
mapping_find_indexed (Node       *mapping,
                      const char *name,
                      gsize       name_len,
                      guint      *index)
{
  g_autofree char *copy = name[name_len] != '\0' ? g_strndup (name, name_len) : NULL;
  gpointer found = g_hash_table_lookup (mapping->index, copy != NULL ? copy : name);

  g_atomic_int_inc (&counters.key_compares);
  if (found == NULL)
    return FALSE;
  *index = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

/* The last of duplicate keys wins, as in Jekyll. */
gboolean
mapping_find (Node       *mapping,
              const char *name,
              gsize       name_len,
              guint      *index)
{
  guint compares = 0;

  if (mapping->index != NULL)
    return mapping_find_indexed (mapping, name, name_len, index);
  for (guint i = mapping->children->len; i >= 2; i -= 2)
    {
      compares++;
      if (key_matches (mapping_key (mapping, i - 2), name, name_len))
        {
          *index = i - 2;
          g_atomic_int_add (&counters.key_compares, compares);
          return TRUE;
        }
    }
  g_atomic_int_add (&counters.key_compares, compares);
  return FALSE;
}

/* A dotted path descends into mappings; a key that itself contains dots
 * is matched whole first. @follow_aliases: reading may descend through an
 * alias, editing may not (it would change the anchored value). */
void
lookup_path (RecapFrontMatter *fm,
             const char       *path,
             gboolean          follow_aliases,
             Lookup           *l)
{
  memset (l, 0, sizeof *l);
  l->mapping = fm->root;
  l->rest = path;

  while (l->mapping != NULL)
    {
      const char *dot = strchr (l->rest, '.');
      Node *child;

      if (mapping_find (l->mapping, l->rest, strlen (l->rest), &l->index))
        {
          l->value = mapping_value (l->mapping, l->index);
          break;
        }
      if (dot == NULL || !mapping_find (l->mapping, l->rest, dot - l->rest, &l->index))
        break;

      child = mapping_value (l->mapping, l->index);
      if (l->root_key == NULL)
        l->root_key = mapping_key (l->mapping, l->index)->value;
      if (follow_aliases)
        child = node_resolve (child);
      if (child->kind != RECAP_FRONT_MATTER_KIND_MAPPING)
        {
          if (node_is_empty (child) && !child->has_props)
            l->empty = child;
          else
            l->blocker = child;
          l->rest = dot + 1;
          break;
        }
      l->mapping = child;
      l->rest = dot + 1;
    }

  if (l->value != NULL && l->root_key == NULL)
    l->root_key = mapping_key (l->mapping, l->index)->value;
}

Node *
lookup_value (RecapFrontMatter *fm,
              const char       *path)
{
  Lookup l;

  lookup_path (fm, path, TRUE, &l);
  return l.value != NULL ? node_resolve (l.value) : NULL;
}

Node *
lookup_exact (RecapFrontMatter *fm,
              const char       *path)
{
  Lookup l;

  lookup_path (fm, path, FALSE, &l);
  return l.value;
}
