/* recap-front-matter-write.c: writing scalars and lists into an Editor
 *
 * Picks the quoting or block style of a new scalar from the one it
 * replaces, and updates lists item by item, keeping their style,
 * indentation and comments.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Writing values */

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

void
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
gboolean
touches_properties (Node *node)
{
  return node->has_props && node->content_start == node->props_end;
}

gboolean
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
void
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

gboolean
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
void
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
guint
n_items (Node *collection)
{
  return collection->kind == RECAP_FRONT_MATTER_KIND_MAPPING ? collection->children->len / 2
                                                               : collection->children->len;
}

Node *
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

/* Whether item @i of @collection ends with a tag right at @pos: a tag
 * ends at a blank or a ",", so a bracket must not follow it there. */
static gboolean
item_tag_ends_at (Node  *collection,
                  guint  i,
                  gsize  pos)
{
  Node *first = item_first (collection, i);
  Node *last = item_last (collection, i);

  return (first->has_tag && first->props_end == pos) || (last->has_tag && last->props_end == pos);
}

/* Whether @node, or the last node inside it, is a block scalar that keeps
 * its trailing breaks ("|+") and ends at @pos: it would take blank lines
 * that come to follow it. */
static gboolean
keeps_breaks_to (Editor *ed,
                 Node   *node,
                 gsize   pos)
{
  while (is_collection (node) && !node->flow && node->children->len > 0)
    node = g_ptr_array_index (node->children, node->children->len - 1);
  return node->kind == RECAP_FRONT_MATTER_KIND_SCALAR && is_block_style (node->style) &&
         node->end == pos && ends_at_line_start (ed, pos);
}

static gsize
skip_blank_lines (Editor *ed,
                  gsize   pos)
{
  while (pos < yaml_end (ed) && rest_of_line_blank (ed, pos))
    pos = next_line_start (ed->text, yaml_end (ed), pos);
  return pos;
}

/* Removes items [from, to): whole lines in block style; in flow style the
 * items and the separators between them. */
gboolean
editor_delete_items (Editor  *ed,
                     Node    *collection,
                     guint    from,
                     guint    to,
                     GError **error)
{
  guint n = n_items (collection);
  gsize start = item_first (collection, from)->start;
  gsize end = item_last (collection, to - 1)->end;
  gboolean space = FALSE;

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
      /* The blank lines after the entry would join a "|+" value before it. */
      if (from > 0 && keeps_breaks_to (ed, item_last (collection, from - 1), start))
        end = skip_blank_lines (ed, end);
    }
  else if (to < n)
    end = item_first (collection, to)->start;
  else if (from > 0)
    {
      /* Keep the blank before the bracket: "!tag }" must not become "!tag}". */
      start = item_last (collection, from - 1)->end;
      while (end > start && g_ascii_isspace (ed->text[end - 1]))
        end--;
      /* "{a: !tag, b}" becomes "{a: !tag }", not "{a: !tag}". */
      space = !g_ascii_isspace (ed->text[end]) && item_tag_ends_at (collection, from - 1, start);
    }
  else
    end = after_trailing_comma (ed, end);

  editor_splice (ed, start, end - start, g_string_new (space ? " " : NULL));
  return TRUE;
}

/* Right after the "[" or "{" of an empty flow collection. */
gboolean
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

gboolean
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
