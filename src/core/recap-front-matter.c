/* recap-front-matter.c: the fence split, the public readers and the writers
 *
 * Finds the front-matter block (YAML "---", TOML "+++", JSON "{"), reads
 * strings, lists, booleans, dates and the ordered entries out of a parsed
 * model, and writes values and keys through the Editor. The engine as a
 * whole: recap-front-matter-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* libyaml refuses longer implicit keys. */
#define MAX_KEY_LEN 1000

G_DEFINE_QUARK (recap-front-matter-error-quark, recap_front_matter_error)

/* Split */

/* A fence line is @fence, optional blanks, then a line break (or, for a
 * closing fence, the end of the text). */
static gboolean
match_fence (const char *text,
             gsize       len,
             gsize       pos,
             const char *fence,
             gboolean    closing,
             gsize      *next)
{
  gsize i = pos + 3;

  if (len - pos < 3 || memcmp (text + pos, fence, 3) != 0)
    return FALSE;
  while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
    i++;
  if (i < len && text[i] != '\n')
    return FALSE;
  if (i == len && !closing)
    return FALSE;
  *next = MIN (i + 1, len);
  return TRUE;
}

/* A block between an @open fence line and a closing @open or @close one. */
static gboolean
split_fenced (const char             *text,
              gsize                   len,
              const char             *open,
              const char             *close,
              RecapFrontMatterFormat  format,
              RecapFrontMatterSplit  *split)
{
  gsize content_start;

  if (!match_fence (text, len, split->bom_len, open, FALSE, &content_start))
    return FALSE;

  for (gsize pos = content_start; pos < len; pos = next_line_start (text, len, pos))
    {
      gsize end;

      if (match_fence (text, len, pos, open, TRUE, &end) ||
          (close != NULL && match_fence (text, len, pos, close, TRUE, &end)))
        {
          split->present = TRUE;
          split->format = format;
          split->yaml_start = content_start;
          split->yaml_end = pos;
          split->end = split->body_start = end;
          return TRUE;
        }
    }
  return FALSE;
}

/* After the brace that closes the object or array opened at @pos; 0 when
 * the text ends first or nests deeper than YAML may. Braces inside strings
 * do not count. */
static gsize
json_value_end (const char *text,
                gsize       len,
                gsize       pos)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (; pos < len; pos++)
    {
      char c = text[pos];

      if (in_string)
        {
          if (c == '\\')
            pos++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        return 0;
      else if ((c == '}' || c == ']') && --depth == 0)
        return pos + 1;
    }
  return 0;
}

/* Hugo's JSON front matter: an object from the first byte, then a line
 * break. "{%" and "{{" (Liquid) are not: the object must start with a key. */
static gboolean
split_json (const char            *text,
            gsize                  len,
            RecapFrontMatterSplit *split)
{
  gsize pos = split->bom_len + 1;
  gsize end;

  if (split->bom_len >= len || text[split->bom_len] != '{')
    return FALSE;
  while (pos < len && g_ascii_isspace (text[pos]))
    pos++;
  if (pos >= len || (text[pos] != '"' && text[pos] != '}'))
    return FALSE;
  end = json_value_end (text, len, split->bom_len);
  if (end == 0)
    return FALSE;
  for (pos = end; pos < len && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r'); pos++)
    ;
  if (pos < len && text[pos] != '\n')
    return FALSE;

  split->present = TRUE;
  split->format = RECAP_FRONT_MATTER_FORMAT_JSON;
  split->yaml_start = split->bom_len;
  split->yaml_end = end;
  split->end = split->body_start = MIN (pos + 1, len);
  return TRUE;
}

gboolean
recap_front_matter_split (const char            *text,
                          gsize                  len,
                          RecapFrontMatterSplit *split)
{
  memset (split, 0, sizeof *split);
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    split->bom_len = 3;
  split->start = split->body_start = split->bom_len;

  return split_fenced (text, len, "---", "...", RECAP_FRONT_MATTER_FORMAT_YAML, split) ||
         split_fenced (text, len, "+++", NULL, RECAP_FRONT_MATTER_FORMAT_TOML, split) ||
         split_json (text, len, split);
}

/* Readers */

gboolean
recap_front_matter_has_key (RecapFrontMatter *fm,
                            const char       *path)
{
  return lookup_value (fm, path) != NULL;
}

char *
recap_front_matter_get_string (RecapFrontMatter *fm,
                               const char       *path)
{
  Node *node = lookup_value (fm, path);

  if (node == NULL || node->kind != RECAP_FRONT_MATTER_KIND_SCALAR)
    return NULL;
  return g_strdup (node->value);
}

static gboolean
is_split_list_key (const char *path)
{
  const char *name = strrchr (path, '.');

  name = name != NULL ? name + 1 : path;
  return g_str_equal (name, "tags") || g_str_equal (name, "categories");
}

static GStrv
split_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

static GStrv
sequence_strings (Node *sequence)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < sequence->children->len; i++)
    {
      Node *item = node_resolve (g_ptr_array_index (sequence->children, i));

      if (item->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
        g_strv_builder_add (builder, item->value);
    }
  return g_strv_builder_end (builder);
}

static GStrv
node_list (Node       *node,
           const char *path)
{
  if (node->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE)
    return sequence_strings (node);
  if (node->kind != RECAP_FRONT_MATTER_KIND_SCALAR)
    return NULL;
  if (node_type (node) == RECAP_YAML_TYPE_NULL)
    return g_new0 (char *, 1);
  return is_split_list_key (path) ? split_words (node->value) : NULL;
}

GStrv
recap_front_matter_get_list (RecapFrontMatter *fm,
                             const char       *path)
{
  Node *node = lookup_value (fm, path);

  return node != NULL ? node_list (node, path) : NULL;
}

gboolean
recap_front_matter_get_boolean (RecapFrontMatter *fm,
                                const char       *path,
                                gboolean         *value)
{
  static const char * const truths[] = { "true", "yes" };
  static const char * const lies[] = { "false", "no" };
  Node *node = lookup_value (fm, path);

  if (node == NULL || node->kind != RECAP_FRONT_MATTER_KIND_SCALAR || node_type (node) != RECAP_YAML_TYPE_BOOLEAN)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (truths); i++)
    if (g_ascii_strcasecmp (node->value, truths[i]) == 0 ||
        g_ascii_strcasecmp (node->value, lies[i]) == 0)
      {
        *value = g_ascii_strcasecmp (node->value, truths[i]) == 0;
        return TRUE;
      }
  return FALSE;
}

/* Dates */

GDateTime *
recap_front_matter_get_date (RecapFrontMatter *fm,
                             const char       *path)
{
  Node *node = lookup_value (fm, path);

  if (node == NULL || node->kind != RECAP_FRONT_MATTER_KIND_SCALAR)
    return NULL;
  return recap_jekyll_date_parse (node->value);
}

/* The ordered model */

GStrv
recap_front_matter_get_keys (RecapFrontMatter *fm,
                             const char       *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Node *mapping = path != NULL ? lookup_value (fm, path) : fm->root;

  if (path == NULL && mapping == NULL)
    return g_new0 (char *, 1);
  if (mapping == NULL || mapping->kind != RECAP_FRONT_MATTER_KIND_MAPPING)
    return NULL;

  for (guint i = 0; i < mapping->children->len; i += 2)
    {
      Node *key = mapping_key (mapping, i);

      if (key->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
        g_strv_builder_add (builder, key->value);
    }
  return g_strv_builder_end (builder);
}

gboolean
recap_front_matter_get_entry (RecapFrontMatter      *fm,
                              const char            *path,
                              RecapFrontMatterEntry *entry)
{
  Lookup l;
  Node *key;
  Node *value;

  lookup_path (fm, path, TRUE, &l);
  if (l.value == NULL)
    return FALSE;

  key = mapping_key (l.mapping, l.index);
  value = l.value;
  entry->kind = value->kind;
  entry->scalar_style = value->style;
  entry->flow = value->flow;
  entry->key_start = key->content_start;
  entry->key_end = key->end;
  entry->value_start = value->content_start;
  entry->value_end = value->end;
  entry->indent = key->column;
  return TRUE;
}

/* Writing values */

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

/* The block style @spec's value is written in, or PLAIN when it takes one
 * line (quoted as needed). */
static RecapYamlStyle
block_style_for (const ScalarSpec *spec)
{
  RecapYamlStyle style = spec->style == RECAP_YAML_STYLE_FOLDED ? RECAP_YAML_STYLE_FOLDED
                                                                : RECAP_YAML_STYLE_LITERAL;

  if (spec->type != RECAP_YAML_TYPE_STRING || !spec->block_ok || spec->in_flow ||
      (!is_block_style (spec->style) && strchr (spec->value, '\n') == NULL))
    return RECAP_YAML_STYLE_PLAIN;
  if (!recap_yaml_can_be_block (spec->value, style))
    style = RECAP_YAML_STYLE_LITERAL;
  if (!recap_yaml_can_be_block (spec->value, style))
    return RECAP_YAML_STYLE_PLAIN;
  /* Keeping trailing breaks would also keep any blank lines that follow. */
  if (g_str_has_suffix (spec->value, "\n\n") && !spec->keep_ok)
    return RECAP_YAML_STYLE_PLAIN;
  return style;
}

static void
append_scalar (Editor           *ed,
               GString          *out,
               const ScalarSpec *spec)
{
  RecapYamlStyle block = block_style_for (spec);
  gboolean typed = spec->type != RECAP_YAML_TYPE_STRING;
  g_autofree char *first = NULL;

  if (block != RECAP_YAML_STYLE_PLAIN)
    first = recap_yaml_block_indicator (spec->value, block);
  else
    first = recap_yaml_quote_scalar (spec->value,
                                     typed ? RECAP_YAML_STYLE_PLAIN : spec->style,
                                     typed ? spec->type : spec->plain_type,
                                     spec->in_flow);
  g_string_append (out, first);
  /* libyaml takes "|#note"; after a one-line value the comment needs a blank. */
  if (block == RECAP_YAML_STYLE_PLAIN && spec->header_tail_len > 0 && !is_blank (spec->header_tail[0]))
    g_string_append_c (out, ' ');
  g_string_append_len (out, spec->header_tail, spec->header_tail_len);
  if (block != RECAP_YAML_STYLE_PLAIN)
    {
      g_autofree char *body = recap_yaml_block_body (spec->value, block, spec->indent, ed->newline);

      g_string_append (out, body);
    }
}

/* "&anchor:text" is valid; "&anchortext" would not be: new text after
 * properties needs a space when there was none. */
static gboolean
touches_properties (Node *node)
{
  return node->has_props && node->content_start == node->props_end;
}

/* Where a new value goes when it replaces the whole old one: right after
 * the colon, the dash or the properties, up to the old value's end (for an
 * empty value, over the blanks after it). */
typedef struct {
  gsize    start;
  gsize    end;
  gboolean needs_space;
} Target;

static gboolean
editor_whole_target (Editor  *ed,
                     Node    *node,
                     Target  *target,
                     GError **error)
{
  Node *parent = node->parent;
  gsize head = node->start;

  /* Items of a flow list start right at the old item; the rest after a
   * colon, dash or properties, with a space. */
  target->needs_space = !(parent->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE && parent->flow) ||
                        node->has_props;
  if (node->has_props)
    head = node->props_end;
  else if (parent->kind == RECAP_FRONT_MATTER_KIND_MAPPING)
    {
      if (!find_colon (ed, node_key (node), &head, error))
        return FALSE;
    }
  else if (!parent->flow)
    {
      if (!find_dash (ed, node, &head, error))
        return FALSE;
      head++;
    }

  target->start = head;
  target->end = node->end;
  if (node_is_empty (node) && rest_of_line_blank (ed, node->end))
    target->end = skip_blanks_from (ed, node->end);
  if (target->end < target->start)
    return refuse (error, _("a value that ends before it starts"));
  return TRUE;
}

/* A replaced span that ended with a line break keeps one. */
static void
editor_replace (Editor       *ed,
                const Target *target,
                GString      *out)
{
  if (target->end > target->start && ends_at_line_start (ed, target->end))
    g_string_append (out, ed->newline);
  editor_splice (ed, target->start, target->end - target->start, out);
}

/* After "|" or ">" and its chomping and indentation indicators. */
static gsize
block_indicator_end (Editor *ed,
                     gsize   pos)
{
  gsize end = pos + 1;

  while (end < yaml_end (ed) && end < pos + 3 &&
         (ed->text[end] == '+' || ed->text[end] == '-' || g_ascii_isdigit (ed->text[end])))
    end++;
  return end;
}

static gboolean
has_indentation_indicator (Editor *ed,
                           gsize   start,
                           gsize   end)
{
  for (gsize i = start; i < end; i++)
    if (g_ascii_isdigit (ed->text[i]))
      return TRUE;
  return FALSE;
}

static gboolean
scalar_unchanged (Node           *node,
                  const NewValue *value)
{
  Node *current = node_resolve (node);

  if (current->kind != RECAP_FRONT_MATTER_KIND_SCALAR || !g_str_equal (current->value, value->scalar))
    return FALSE;
  return value->type == RECAP_YAML_TYPE_STRING || node_type (node) == value->type;
}

static gboolean
editor_set_scalar (Editor          *ed,
                   Node            *node,
                   const NewValue  *value,
                   GError         **error)
{
  GString *out;
  ScalarSpec spec = {
    .value = value->scalar,
    .type = value->type,
    .style = RECAP_YAML_STYLE_PLAIN,
    .plain_type = RECAP_YAML_TYPE_STRING,
    .block_ok = TRUE,
  };
  Target target = { node->content_start, node->end, touches_properties (node) };
  guint column;

  if (scalar_unchanged (node, value))
    return TRUE;
  if (value->type != RECAP_YAML_TYPE_STRING && node->has_tag)
    return refuse (error, _("a typed value with an explicit YAML tag"));
  if (!owner_column (ed, node, &column, error))
    return FALSE;

  spec.in_flow = node_in_flow (node);
  spec.indent = column + 2;
  spec.keep_ok = ends_at_line_start (ed, node->end);
  if (node->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
    {
      spec.style = node->style;
      spec.plain_type = node_type (node);
    }

  if (is_block_style (spec.style))
    {
      gsize tail = block_indicator_end (ed, node->content_start);

      if (has_indentation_indicator (ed, node->content_start, tail))
        return refuse (error, _("a block scalar with an indentation indicator"));
      spec.header_tail = ed->text + tail;
      spec.header_tail_len = line_content_end (ed->text, tail, node->end) - tail;
      if (node->block_indent > 0)
        spec.indent = node->block_indent;
      /* Written on one line, the value moves up next to its key. */
      if (block_style_for (&spec) == RECAP_YAML_STYLE_PLAIN &&
          !editor_whole_target (ed, node, &target, error))
        return FALSE;
    }
  else
    {
      if ((is_collection (node) || node_is_empty (node)) &&
          !editor_whole_target (ed, node, &target, error))
        return FALSE;
      spec.block_ok = rest_of_line_blank (ed, target.end);
      /* Blanks left after a new block scalar's last line would join it. */
      if (block_style_for (&spec) != RECAP_YAML_STYLE_PLAIN)
        target.end = skip_blanks_from (ed, target.end);
    }

  out = g_string_new (target.needs_space ? " " : "");
  append_scalar (ed, out, &spec);
  editor_replace (ed, &target, out);
  return TRUE;
}

/* Lists */

typedef struct {
  gboolean flow;
  guint    dash_offset; /* dash column minus key column */
  guint    gap;         /* blanks after the dash */
} ListShape;

/* New lists copy the first list of the document; flow lists are the
 * commonest in Jekyll front matter, so they are the default. */
static ListShape
document_list_shape (Editor *ed)
{
  ListShape shape = { TRUE, 2, 1 };
  Node *root = ed->fm->root;

  for (guint i = 0; root != NULL && i < root->children->len; i += 2)
    {
      Node *list = mapping_value (root, i);
      Node *item;
      gsize dash;

      if (list->kind != RECAP_FRONT_MATTER_KIND_SEQUENCE || list->children->len == 0)
        continue;
      if (list->flow)
        return shape;

      item = g_ptr_array_index (list->children, 0);
      if (!find_dash (ed, item, &dash, NULL))
        return shape;
      shape.flow = FALSE;
      shape.dash_offset = MAX (dash - line_begin (ed, dash), mapping_key (root, i)->column) -
                          mapping_key (root, i)->column;
      shape.gap = MAX (item->start - dash, 2) - 1;
      return shape;
    }
  return shape;
}

static char *
quote_item (const char *item,
            Node       *like,
            gboolean    in_flow)
{
  gboolean scalar = like != NULL && like->kind == RECAP_FRONT_MATTER_KIND_SCALAR;

  return recap_yaml_quote_scalar (item,
                                  scalar ? like->style : RECAP_YAML_STYLE_PLAIN,
                                  scalar ? node_type (like) : RECAP_YAML_TYPE_STRING,
                                  in_flow);
}

static void
append_flow_items (GString            *out,
                   const char * const *items,
                   guint               count,
                   Node               *like,
                   const char         *separator)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *quoted = quote_item (items[i], like, TRUE);

      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, quoted);
    }
}

static void
append_block_items (Editor             *ed,
                    GString            *out,
                    const char * const *items,
                    guint               count,
                    Node               *like,
                    const char         *prefix,
                    gsize               prefix_len)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *quoted = quote_item (items[i], like, FALSE);

      g_string_append (out, ed->newline);
      g_string_append_len (out, prefix, prefix_len);
      g_string_append (out, quoted);
    }
}

/* A whole list written where there was none: " [a, b]" or block lines. */
static void
append_new_list (Editor             *ed,
                 GString            *out,
                 const char * const *items,
                 guint               column,
                 gboolean            in_flow)
{
  ListShape shape = document_list_shape (ed);
  g_autoptr(GString) prefix = g_string_new (NULL);

  if (in_flow || shape.flow || items[0] == NULL)
    {
      g_string_append (out, " [");
      append_flow_items (out, items, g_strv_length ((GStrv) items), NULL, ", ");
      g_string_append_c (out, ']');
      return;
    }

  append_spaces (prefix, column + shape.dash_offset);
  g_string_append_c (prefix, '-');
  append_spaces (prefix, shape.gap);
  append_block_items (ed, out, items, g_strv_length ((GStrv) items), NULL, prefix->str, prefix->len);
}

static gboolean
editor_replace_with_list (Editor              *ed,
                          Node                *node,
                          const char * const  *items,
                          GError             **error)
{
  Target target;
  GString *out;
  guint column;

  if (!editor_whole_target (ed, node, &target, error) || !owner_column (ed, node, &column, error))
    return FALSE;

  out = g_string_new (NULL);
  append_new_list (ed, out, items, column, node_in_flow (node));
  editor_replace (ed, &target, out);
  return TRUE;
}

/* Items: list entries, or key/value pairs of a mapping. */
static guint
n_items (Node *collection)
{
  return collection->kind == RECAP_FRONT_MATTER_KIND_MAPPING ? collection->children->len / 2
                                                               : collection->children->len;
}

static Node *
item_first (Node  *collection,
            guint  i)
{
  return collection->kind == RECAP_FRONT_MATTER_KIND_MAPPING ? mapping_key (collection, 2 * i)
                                                               : g_ptr_array_index (collection->children, i);
}

static Node *
item_last (Node  *collection,
           guint  i)
{
  return collection->kind == RECAP_FRONT_MATTER_KIND_MAPPING ? mapping_value (collection, 2 * i)
                                                               : g_ptr_array_index (collection->children, i);
}

/* The start of the line a block item stands on, which must hold nothing
 * before the item's key or dash. */
static gboolean
block_item_line (Editor  *ed,
                 Node    *collection,
                 guint    i,
                 gsize   *line,
                 GError **error)
{
  gsize first = item_first (collection, i)->start;

  if (collection->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE &&
      !find_dash (ed, item_first (collection, i), &first, error))
    return FALSE;
  *line = line_begin (ed, first);
  if (!only_blanks (ed, *line, first))
    return refuse (error, _("an entry that shares its line with another"));
  return TRUE;
}

/* "[a, ]": emptying a flow collection takes its trailing comma too. */
static gsize
after_trailing_comma (Editor *ed,
                      gsize   pos)
{
  gsize next = pos;

  while (next < yaml_end (ed) && g_ascii_isspace (ed->text[next]))
    next++;
  return next < yaml_end (ed) && ed->text[next] == ',' ? next + 1 : pos;
}

/* Removes items [from, to): whole lines in block style; in flow style the
 * items and the separators between them. */
static gboolean
editor_delete_items (Editor  *ed,
                     Node    *collection,
                     guint    from,
                     guint    to,
                     GError **error)
{
  guint n = n_items (collection);
  gsize start = item_first (collection, from)->start;
  gsize end = item_last (collection, to - 1)->end;

  for (guint i = from; i < to; i++)
    {
      editor_claim (ed, item_first (collection, i), TRUE);
      editor_claim (ed, item_last (collection, i), TRUE);
    }

  if (!collection->flow)
    {
      if (!block_item_line (ed, collection, from, &start, error))
        return FALSE;
      end = entry_line_end (ed, end);
    }
  else if (to < n)
    end = item_first (collection, to)->start;
  else if (from > 0)
    {
      /* Keep the blank before the bracket: "!tag }" must not become "!tag}". */
      start = item_last (collection, from - 1)->end;
      while (end > start && g_ascii_isspace (ed->text[end - 1]))
        end--;
    }
  else
    end = after_trailing_comma (ed, end);

  editor_splice (ed, start, end - start, g_string_new (NULL));
  return TRUE;
}

/* Right after the "[" or "{" of an empty flow collection. */
static gboolean
empty_flow_inside (Editor  *ed,
                   Node    *collection,
                   gsize   *inside,
                   GError **error)
{
  char open = collection->kind == RECAP_FRONT_MATTER_KIND_MAPPING ? '{' : '[';

  if (ed->text[collection->content_start] != open)
    return refuse (error, _("an empty collection without brackets"));
  *inside = collection->content_start + 1;
  return TRUE;
}

static const char *
flow_separator (Editor  *ed,
                Node    *list,
                GString *buffer)
{
  Node *first, *second;

  if (list->children->len < 2)
    return ", ";
  first = g_ptr_array_index (list->children, 0);
  second = g_ptr_array_index (list->children, 1);
  g_string_append_len (buffer, ed->text + first->end, second->start - first->end);
  return strchr (buffer->str, '#') == NULL ? buffer->str : ", ";
}

static gboolean
editor_insert_flow_items (Editor             *ed,
                          Node               *list,
                          int                 after,
                          const char * const *items,
                          guint               count,
                          GError            **error)
{
  g_autoptr(GString) separator = g_string_new (NULL);
  const char *sep = flow_separator (ed, list, separator);
  GString *out = g_string_new (NULL);
  Node *like;

  if (list->children->len == 0)
    {
      gsize inside = 0;

      if (!empty_flow_inside (ed, list, &inside, error))
        {
          g_string_free (out, TRUE);
          return FALSE;
        }
      append_flow_items (out, items, count, NULL, sep);
      editor_splice (ed, inside, 0, out);
      return TRUE;
    }

  like = g_ptr_array_index (list->children, MAX (after, 0));
  if (after >= 0)
    g_string_append (out, sep);
  append_flow_items (out, items, count, like, sep);
  if (after < 0)
    g_string_append (out, sep);
  editor_splice (ed, after >= 0 ? like->end : like->start, 0, out);
  return TRUE;
}

/* New lines copy the indentation, dash and gap of their neighbour. */
static gboolean
editor_insert_block_items (Editor             *ed,
                           Node               *list,
                           int                 after,
                           const char * const *items,
                           guint               count,
                           GError            **error)
{
  Node *like = g_ptr_array_index (list->children, MAX (after, 0));
  g_autoptr(GString) prefix = NULL;
  gsize dash, line;
  GString *out;

  if (!find_dash (ed, like, &dash, error) || !block_item_line (ed, list, MAX (after, 0), &line, error))
    return FALSE;
  prefix = g_string_new_len (ed->text + line, skip_blanks_from (ed, dash + 1) - line);
  if (prefix->str[prefix->len - 1] == '-')
    g_string_append_c (prefix, ' ');

  /* The new lines go at a line start: each ends with its line break. */
  out = g_string_new (NULL);
  append_block_items (ed, out, items, count, like, prefix->str, prefix->len);
  g_string_erase (out, 0, strlen (ed->newline));
  g_string_append (out, ed->newline);
  editor_splice (ed, after >= 0 ? entry_line_end (ed, like->end) : line, 0, out);
  return TRUE;
}

static gboolean
item_is (Node       *list,
         guint       i,
         const char *value)
{
  Node *item = node_resolve (g_ptr_array_index (list->children, i));

  return item->kind == RECAP_FRONT_MATTER_KIND_SCALAR && g_str_equal (item->value, value);
}

/* Keeps the equal items at both ends, rewrites the changed ones in place
 * and deletes or inserts the difference. */
static gboolean
editor_update_sequence (Editor              *ed,
                        Node                *list,
                        const char * const  *items,
                        GError             **error)
{
  guint n = list->children->len;
  guint m = g_strv_length ((GStrv) items);
  guint prefix = 0, suffix = 0, pairs;

  if (m == 0)
    return editor_replace_with_list (ed, list, items, error);

  while (prefix < MIN (n, m) && item_is (list, prefix, items[prefix]))
    prefix++;
  while (suffix < MIN (n, m) - prefix && item_is (list, n - 1 - suffix, items[m - 1 - suffix]))
    suffix++;
  pairs = MIN (n, m) - prefix - suffix;

  for (guint i = prefix; i < prefix + pairs; i++)
    {
      NewValue value = { items[i], RECAP_YAML_TYPE_STRING, NULL };

      if (!editor_set_scalar (ed, g_ptr_array_index (list->children, i), &value, error))
        return FALSE;
    }

  if (n > m)
    return editor_delete_items (ed, list, prefix + pairs, n - suffix, error);
  if (m > n && list->flow)
    return editor_insert_flow_items (ed, list, (int) (prefix + pairs) - 1, items + prefix + pairs, m - n, error);
  if (m > n)
    return editor_insert_block_items (ed, list, (int) (prefix + pairs) - 1, items + prefix + pairs, m - n, error);
  return TRUE;
}

static gboolean
all_words (const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i++)
    if (items[i][0] == '\0' || strpbrk (items[i], " \t\n") != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
list_unchanged (Node               *node,
                const char         *path,
                const char * const *items)
{
  Node *current = node_resolve (node);
  g_auto(GStrv) words = NULL;

  if (current->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE)
    {
      if (current->children->len != g_strv_length ((GStrv) items))
        return FALSE;
      for (guint i = 0; items[i] != NULL; i++)
        if (!item_is (current, i, items[i]))
          return FALSE;
      return TRUE;
    }
  words = current->kind == RECAP_FRONT_MATTER_KIND_SCALAR ? node_list (current, path) : NULL;
  return words != NULL && g_strv_equal ((const char * const *) words, items);
}

static gboolean
editor_set_list (Editor              *ed,
                 Node                *node,
                 const char          *path,
                 const char * const  *items,
                 GError             **error)
{
  if (list_unchanged (node, path, items))
    return TRUE;
  if (node->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE)
    return editor_update_sequence (ed, node, items, error);

  /* Jekyll's space-separated tags stay a string while they can. */
  if (node->kind == RECAP_FRONT_MATTER_KIND_SCALAR && !node_is_empty (node) &&
      !is_block_style (node->style) && is_split_list_key (path) && all_words (items))
    {
      g_autofree char *joined = g_strjoinv (" ", (GStrv) items);
      NewValue value = { joined, RECAP_YAML_TYPE_STRING, NULL };

      return editor_set_scalar (ed, node, &value, error);
    }
  return editor_replace_with_list (ed, node, items, error);
}

/* New keys */

static void append_new_value (Editor *ed, GString *out, const NewValue *value,
                              guint column, gboolean in_flow, gboolean block_ok);

/* "key: value" for the first of @keys, nesting the rest as mappings. */
static void
append_new_entry (Editor          *ed,
                  GString         *out,
                  char           **keys,
                  const NewValue  *value,
                  guint            column,
                  gboolean         in_flow,
                  gboolean         block_ok)
{
  g_autofree char *key = recap_yaml_quote_key (keys[0], RECAP_YAML_STYLE_PLAIN);

  g_string_append (out, key);
  g_string_append_c (out, ':');
  if (keys[1] == NULL)
    append_new_value (ed, out, value, column, in_flow, block_ok);
  else if (in_flow)
    {
      g_string_append (out, " {");
      append_new_entry (ed, out, keys + 1, value, column, TRUE, FALSE);
      g_string_append_c (out, '}');
    }
  else
    {
      g_string_append (out, ed->newline);
      append_spaces (out, column + 2);
      append_new_entry (ed, out, keys + 1, value, column + 2, FALSE, block_ok);
    }
}

static void
append_new_value (Editor         *ed,
                  GString        *out,
                  const NewValue *value,
                  guint           column,
                  gboolean        in_flow,
                  gboolean        block_ok)
{
  ScalarSpec spec = {
    .value = value->scalar,
    .type = value->type,
    .style = RECAP_YAML_STYLE_PLAIN,
    .plain_type = RECAP_YAML_TYPE_STRING,
    .in_flow = in_flow,
    .block_ok = block_ok,
    .indent = column + 2,
  };

  if (value->items != NULL)
    {
      append_new_list (ed, out, value->items, column, in_flow);
      return;
    }
  g_string_append_c (out, ' ');
  append_scalar (ed, out, &spec);
}

static gboolean
check_key_name (const char  *name,
                GError     **error)
{
  if (name[0] != '\0' && strlen (name) <= MAX_KEY_LEN && recap_yaml_can_be_single_quoted (name))
    return TRUE;
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT,
                         _("“%s” cannot be a key: keys are one line of printable text"), name);
}

static gboolean
check_new_keys (char    **keys,
                GError  **error)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (!check_key_name (keys[i], error))
      return FALSE;
  return TRUE;
}

/* Below a key whose value is empty: the empty value becomes a mapping. */
static gboolean
editor_add_below_empty (Editor          *ed,
                        Node            *empty,
                        char           **keys,
                        const NewValue  *value,
                        GError         **error)
{
  Target target;
  GString *out;
  guint column;
  gboolean in_flow = node_in_flow (empty);

  if (!editor_whole_target (ed, empty, &target, error) || !owner_column (ed, empty, &column, error))
    return FALSE;

  out = g_string_new (NULL);
  if (in_flow)
    g_string_append (out, " {");
  else
    {
      g_string_append (out, ed->newline);
      append_spaces (out, column + 2);
    }
  append_new_entry (ed, out, keys, value, column + 2, in_flow, rest_of_line_blank (ed, target.end));
  if (in_flow)
    g_string_append_c (out, '}');
  editor_replace (ed, &target, out);
  return TRUE;
}

/* A document without keys: at the end of the (maybe empty) block, or in a
 * new block at the top when there is none. */
static void
editor_add_to_empty (Editor          *ed,
                     char           **keys,
                     const NewValue  *value)
{
  const RecapFrontMatterSplit *split = &ed->fm->split;
  GString *out = g_string_new (NULL);

  if (!split->present)
    g_string_append_printf (out, "---%s", ed->newline);
  append_new_entry (ed, out, keys, value, 0, FALSE, TRUE);
  g_string_append (out, ed->newline);
  if (!split->present)
    g_string_append_printf (out, "---%s", ed->newline);
  editor_splice (ed, split->present ? split->yaml_end : split->bom_len, 0, out);
}

/* The indentation of a block mapping's lines ("? key" entries included). */
static guint
mapping_indent (Editor *ed,
                Node   *mapping)
{
  gsize line = line_begin (ed, mapping_key (mapping, 0)->start);

  return count_spaces (ed->text, line, yaml_end (ed));
}

static gboolean
editor_add_to_empty_flow (Editor          *ed,
                          Node            *mapping,
                          char           **keys,
                          const NewValue  *value,
                          GError         **error)
{
  GString *out;
  gsize inside = 0;

  if (!empty_flow_inside (ed, mapping, &inside, error))
    return FALSE;
  out = g_string_new (NULL);
  append_new_entry (ed, out, keys, value, 0, TRUE, FALSE);
  editor_splice (ed, inside, 0, out);
  return TRUE;
}

static gboolean
editor_add (Editor          *ed,
            Lookup          *l,
            const NewValue  *value,
            const char      *after_key,
            GError         **error)
{
  g_auto(GStrv) keys = g_strsplit (l->rest, ".", -1);
  Node *mapping = l->mapping;
  guint after = 0;
  guint indent;
  GString *out;

  if (!check_new_keys (keys, error))
    return FALSE;
  if ((mapping != NULL ? mapping->depth : 0) + g_strv_length (keys) + 1 > MAX_DEPTH)
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT,
                           _("“%s” is nested too deeply"), l->rest);
  if (l->blocker != NULL)
    return refuse (error, _("a key below a value that is not a mapping"));
  if (after_key != NULL &&
      (l->empty != NULL || mapping == NULL || !mapping_find (mapping, after_key, strlen (after_key), &after)))
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_NO_KEY,
                           _("There is no key “%s” to add after"), after_key);
  if (l->empty != NULL)
    return editor_add_below_empty (ed, l->empty, keys, value, error);
  if (mapping == NULL && ed->fm->null_root != NULL &&
      (!node_is_empty (ed->fm->null_root) || ed->fm->null_root->has_props))
    return refuse (error, _("front matter that is a single null value"));
  if (mapping == NULL)
    {
      editor_add_to_empty (ed, keys, value);
      return TRUE;
    }

  if (mapping->children->len == 0)
    return editor_add_to_empty_flow (ed, mapping, keys, value, error);
  if (after_key == NULL)
    after = mapping->children->len - 2;
  out = g_string_new (NULL);
  if (mapping->flow)
    {
      g_string_append (out, ", ");
      append_new_entry (ed, out, keys, value, 0, TRUE, FALSE);
      editor_splice (ed, mapping_value (mapping, after)->end, 0, out);
      return TRUE;
    }

  indent = mapping_indent (ed, mapping);
  append_spaces (out, indent);
  append_new_entry (ed, out, keys, value, indent, FALSE, TRUE);
  g_string_append (out, ed->newline);
  editor_splice (ed, entry_line_end (ed, mapping_value (mapping, after)->end), 0, out);
  return TRUE;
}

/* Public edits */

static const char *
touched_root_key (Lookup  *l,
                  GString *buffer)
{
  const char *dot;

  if (l->root_key != NULL)
    return l->root_key;
  dot = strchr (l->rest, '.');
  g_string_append_len (buffer, l->rest, dot != NULL ? dot - l->rest : (gssize) strlen (l->rest));
  return buffer->str;
}

static gboolean
check_path (const char  *path,
            GError     **error)
{
  if (path != NULL && path[0] != '\0' && g_utf8_validate (path, -1, NULL))
    return TRUE;
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT,
                         _("“%s” is not a key"), path != NULL ? path : "");
}

static gboolean
check_value (const char  *value,
             GError     **error)
{
  if (g_utf8_validate (value, -1, NULL))
    return TRUE;
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT,
                         _("The new value is not valid UTF-8 text"));
}

static gboolean
check_new_value (const NewValue  *value,
                 GError         **error)
{
  if (value->items == NULL)
    return check_value (value->scalar, error);
  for (guint i = 0; value->items[i] != NULL; i++)
    if (!check_value (value->items[i], error))
      return FALSE;
  return TRUE;
}

/* Set or add: the shared path of every value edit. */
static gboolean
edit_value (const char            *text,
            gsize                  len,
            const char            *path,
            const NewValue        *value,
            const char            *add_after,
            gboolean               add_only,
            Expect                *expect,
            RecapFrontMatterEdit  *out,
            GError               **error)
{
  g_auto(Editor) ed = { 0 };
  g_autoptr(GString) root_key = g_string_new (NULL);
  gboolean parts;
  Node *changed;
  Lookup l;
  gboolean ok;

  if (!check_path (path, error) || !check_new_value (value, error) ||
      !editor_begin (&ed, text, len, path, error))
    return FALSE;

  lookup_path (ed.fm, path, FALSE, &l);
  if (l.value != NULL && add_only)
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_EXISTS,
                           _("The key “%s” already exists"), path);

  changed = lookup_changed_node (&l, &parts);
  if (changed != NULL)
    editor_claim (&ed, changed, parts);

  if (l.value == NULL)
    ok = editor_add (&ed, &l, value, add_after, error);
  else if (value->items != NULL)
    ok = editor_set_list (&ed, l.value, path, value->items, error);
  else
    ok = editor_set_scalar (&ed, l.value, value, error);

  expect->path = path;
  expect->touched[0] = touched_root_key (&l, root_key);
  return ok && editor_finish (&ed, expect, out, error);
}

gboolean
recap_front_matter_set_string (const char            *text,
                               gsize                  len,
                               const char            *path,
                               const char            *value,
                               RecapFrontMatterEdit  *out,
                               GError               **error)
{
  NewValue new_value = { value, RECAP_YAML_TYPE_STRING, NULL };
  Expect expect = { EXPECT_STRING, .string = value };

  g_return_val_if_fail (value != NULL && out != NULL, FALSE);

  return edit_value (text, len, path, &new_value, NULL, FALSE, &expect, out, error);
}

gboolean
recap_front_matter_add_key (const char            *text,
                            gsize                  len,
                            const char            *path,
                            const char            *value,
                            const char            *after_key,
                            RecapFrontMatterEdit  *out,
                            GError               **error)
{
  NewValue new_value = { value, RECAP_YAML_TYPE_STRING, NULL };
  Expect expect = { EXPECT_STRING, .string = value };

  g_return_val_if_fail (value != NULL && out != NULL, FALSE);

  return edit_value (text, len, path, &new_value, after_key, TRUE, &expect, out, error);
}

gboolean
recap_front_matter_set_list (const char            *text,
                             gsize                  len,
                             const char            *path,
                             const char * const    *items,
                             RecapFrontMatterEdit  *out,
                             GError               **error)
{
  NewValue new_value = { NULL, RECAP_YAML_TYPE_STRING, items };
  Expect expect = { EXPECT_LIST, .items = items };

  g_return_val_if_fail (items != NULL && out != NULL, FALSE);

  return edit_value (text, len, path, &new_value, NULL, FALSE, &expect, out, error);
}

/* Keeps a "yes"/"no" spelling and its capitalisation. */
static const char *
spell_boolean (gboolean    value,
               const char *old)
{
  static const char * const spellings[][2] = {
    { "false", "true" }, { "False", "True" }, { "FALSE", "TRUE" },
    { "no", "yes" }, { "No", "Yes" }, { "NO", "YES" },
  };

  for (guint i = 0; old != NULL && i < G_N_ELEMENTS (spellings); i++)
    if (g_str_equal (old, spellings[i][0]) || g_str_equal (old, spellings[i][1]))
      return spellings[i][value != FALSE];
  return value ? "true" : "false";
}

gboolean
recap_front_matter_set_boolean (const char            *text,
                                gsize                  len,
                                const char            *path,
                                gboolean               value,
                                RecapFrontMatterEdit  *out,
                                GError               **error)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, NULL);
  g_autofree char *old = fm != NULL ? recap_front_matter_get_string (fm, path) : NULL;
  NewValue new_value = { spell_boolean (value, old), RECAP_YAML_TYPE_BOOLEAN, NULL };
  Expect expect = { EXPECT_BOOLEAN, .boolean = value != FALSE };

  g_return_val_if_fail (out != NULL, FALSE);

  return edit_value (text, len, path, &new_value, NULL, FALSE, &expect, out, error);
}

gboolean
recap_front_matter_set_date (const char            *text,
                             gsize                  len,
                             const char            *path,
                             GDateTime             *value,
                             RecapFrontMatterEdit  *out,
                             GError               **error)
{
  g_autofree char *formatted = NULL;
  NewValue new_value = { NULL, RECAP_YAML_TYPE_TIMESTAMP, NULL };
  Expect expect = { EXPECT_STRING };

  g_return_val_if_fail (value != NULL && out != NULL, FALSE);

  formatted = recap_front_matter_format_date (value);
  new_value.scalar = expect.string = formatted;
  return edit_value (text, len, path, &new_value, NULL, FALSE, &expect, out, error);
}

/* Removes every run of consecutive entries named like the key at @l. */
static gboolean
editor_remove_entries (Editor  *ed,
                       Lookup  *l,
                       GError **error)
{
  const char *name = mapping_key (l->mapping, l->index)->value;
  guint n = n_items (l->mapping);

  for (guint i = 0; i < n; i++)
    {
      guint run_end = i;

      while (run_end < n && key_matches (item_first (l->mapping, run_end), name, strlen (name)))
        run_end++;
      if (run_end > i && !editor_delete_items (ed, l->mapping, i, run_end, error))
        return FALSE;
      i = run_end;
    }
  return TRUE;
}

static gboolean
editor_begin_on_key (Editor      *ed,
                     const char  *text,
                     gsize        len,
                     const char  *path,
                     Lookup      *l,
                     GError     **error)
{
  if (!check_path (path, error) || !editor_begin (ed, text, len, path, error))
    return FALSE;
  lookup_path (ed->fm, path, FALSE, l);
  if (l->value == NULL)
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_NO_KEY,
                           _("There is no key “%s”"), path);
  return TRUE;
}

gboolean
recap_front_matter_remove_key (const char            *text,
                               gsize                  len,
                               const char            *path,
                               RecapFrontMatterEdit  *out,
                               GError               **error)
{
  g_auto(Editor) ed = { 0 };
  Expect expect = { EXPECT_ABSENT, path };
  Lookup l;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!editor_begin_on_key (&ed, text, len, path, &l, error) ||
      !editor_remove_entries (&ed, &l, error))
    return FALSE;
  editor_claim (&ed, l.mapping, FALSE);
  expect.touched[0] = l.root_key;
  return editor_finish (&ed, &expect, out, error);
}

gboolean
recap_front_matter_rename_key (const char            *text,
                               gsize                  len,
                               const char            *path,
                               const char            *new_name,
                               RecapFrontMatterEdit  *out,
                               GError               **error)
{
  g_auto(Editor) ed = { 0 };
  g_autoptr(GString) new_path = NULL;
  g_autofree char *spelled = NULL;
  Expect expect = { EXPECT_RENAMED, path };
  GString *spelling;
  guint existing;
  Lookup l;
  Node *key;

  g_return_val_if_fail (new_name != NULL && out != NULL, FALSE);

  if (!check_key_name (new_name, error) ||
      !editor_begin_on_key (&ed, text, len, path, &l, error))
    return FALSE;

  key = mapping_key (l.mapping, l.index);
  if (g_str_equal (key->value, new_name))
    return editor_finish (&ed, &expect, out, error);

  /* The new path must reach the renamed key, not another one. */
  new_path = g_string_new_len (path, strlen (path) - strlen (key->value));
  g_string_append (new_path, new_name);
  if (mapping_find (l.mapping, new_name, strlen (new_name), &existing) ||
      lookup_exact (ed.fm, new_path->str) != NULL)
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_EXISTS,
                           _("The key “%s” already exists"), new_path->str);
  spelled = recap_yaml_quote_key (new_name, key->style);
  spelling = g_string_new (touches_properties (key) ? " " : "");
  g_string_append (spelling, spelled);
  editor_splice (&ed, key->content_start, key->end - key->content_start, spelling);
  editor_claim (&ed, key, TRUE);
  editor_claim (&ed, l.mapping, FALSE);

  expect.new_path = new_path->str;
  expect.touched[0] = l.root_key;
  expect.touched[1] = l.mapping == ed.fm->root ? new_name : NULL;
  return editor_finish (&ed, &expect, out, error);
}

/* Takes the text of a checked edit as the next step's document. */
static void
take_step (GString              *doc,
           RecapFrontMatterEdit *step)
{
  g_string_truncate (doc, 0);
  g_string_append_len (doc, step->text, step->len);
  recap_front_matter_edit_clear (step);
}

gboolean
recap_front_matter_create_block (const char            *text,
                                 gsize                  len,
                                 const char            *title,
                                 GDateTime             *date,
                                 RecapFrontMatterEdit  *out,
                                 GError               **error)
{
  g_auto(RecapFrontMatterEdit) step = { 0 };
  g_autoptr(GString) doc = NULL;
  RecapFrontMatterSplit split;
  const char *newline;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (recap_front_matter_split (text, len, &split))
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_EXISTS, "%s",
                           split.format == RECAP_FRONT_MATTER_FORMAT_TOML
                           ? _("The document already has TOML front matter; Recap does not add a second block")
                           : split.format == RECAP_FRONT_MATTER_FORMAT_JSON
                           ? _("The document already has JSON front matter; Recap does not add a second block")
                           : _("The document already has front matter"));

  /* An empty block, then the keys through the ordinary checked edits. */
  newline = detect_newline (text, len, split.bom_len);
  doc = g_string_new_len (text, split.bom_len);
  g_string_append_printf (doc, "---%s---%s", newline, newline);
  g_string_append_len (doc, text + split.bom_len, len - split.bom_len);

  if (title != NULL)
    {
      if (!recap_front_matter_set_string (doc->str, doc->len, "title", title, &step, error))
        return FALSE;
      take_step (doc, &step);
    }
  if (date != NULL)
    {
      if (!recap_front_matter_set_date (doc->str, doc->len, "date", date, &step, error))
        return FALSE;
      take_step (doc, &step);
    }

  out->changed = TRUE;
  out->offset = split.bom_len;
  out->replacement_len = doc->len - len;
  out->replacement = dup_bytes (doc->str + split.bom_len, out->replacement_len);
  out->len = doc->len;
  out->text = g_string_free (g_steal_pointer (&doc), FALSE);
  return TRUE;
}

/* Round trip */

static gboolean
is_scalar_list (Node *node)
{
  if (node->kind != RECAP_FRONT_MATTER_KIND_SEQUENCE)
    return FALSE;
  for (guint i = 0; i < node->children->len; i++)
    if (node_resolve (g_ptr_array_index (node->children, i))->kind != RECAP_FRONT_MATTER_KIND_SCALAR)
      return FALSE;
  return TRUE;
}

/* Sets @value at @path to what it already is, on the model parsed once
 * for every key: TRUE when the edit works and changes no byte. */
static gboolean
identity_unchanged (RecapFrontMatter  *fm,
                    const char        *text,
                    gsize              len,
                    const char        *path,
                    Node              *value,
                    GError           **error)
{
  Node *current = node_resolve (value);
  g_auto(Editor) ed = { 0 };
  g_autoptr(GString) result = NULL;
  g_auto(GStrv) items = NULL;
  gboolean ok;

  editor_init (&ed, fm, text, len, path);
  if (current->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
    {
      NewValue same = { current->value, RECAP_YAML_TYPE_STRING, NULL };

      ok = editor_set_scalar (&ed, value, &same, error);
    }
  else if (is_scalar_list (current))
    {
      items = sequence_strings (current);
      ok = editor_set_list (&ed, value, path, (const char * const *) items, error);
    }
  else
    return TRUE;

  if (!ok || ed.splices->len == 0)
    return ok;
  result = editor_apply (&ed);
  return result != NULL && result->len == len && memcmp (result->str, text, len) == 0;
}

static gboolean
round_trip_mapping (RecapFrontMatter  *fm,
                    const char        *text,
                    gsize              len,
                    Node              *mapping,
                    const char        *prefix,
                    char             **changed_path,
                    GError           **error)
{
  for (guint i = 0; i < mapping->children->len; i += 2)
    {
      Node *key = mapping_key (mapping, i);
      Node *value = mapping_value (mapping, i);
      g_autofree char *path = NULL;

      if (key->kind != RECAP_FRONT_MATTER_KIND_SCALAR || key->value[0] == '\0')
        continue;
      path = prefix != NULL ? g_strconcat (prefix, ".", key->value, NULL) : g_strdup (key->value);
      /* Only what a path reaches: not the first of duplicate keys, not a
       * key hidden by a dotted key of the same spelling. */
      if (lookup_exact (fm, path) != value)
        continue;
      if (!identity_unchanged (fm, text, len, path, value, error))
        {
          *changed_path = g_steal_pointer (&path);
          return FALSE;
        }
      if (value->kind == RECAP_FRONT_MATTER_KIND_MAPPING &&
          !round_trip_mapping (fm, text, len, value, path, changed_path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
recap_front_matter_check_round_trip (const char  *text,
                                     gsize        len,
                                     char       **changed_path,
                                     GError     **error)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, error);

  g_return_val_if_fail (changed_path != NULL, FALSE);

  *changed_path = NULL;
  if (fm == NULL)
    return FALSE;
  if (is_foreign (&fm->split))
    return refuse_foreign (&fm->split, error);
  return fm->root == NULL || round_trip_mapping (fm, text, len, fm->root, NULL, changed_path, error);
}
