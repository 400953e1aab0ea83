/* recap-front-matter-foreign.c: Hugo's TOML and JSON front matter, read-only
 *
 * Reads their top-level strings, numbers, booleans, dates and lists of
 * them into the same nodes as YAML, so that the readers work on them;
 * every edit refuses them.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/* Foreign front matter. TOML is read by hand: no TOML library is packaged
 * for the GNOME runtime, and only top-level one-line keys are needed. */

static Node *
foreign_node_new (RecapFrontMatter     *fm,
                  Node                 *parent,
                  RecapFrontMatterKind  kind,
                  RecapYamlStyle        style,
                  char                 *value,
                  gsize                 start,
                  gsize                 end)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->style = style;
  node->value = value;
  node->start = node->props_end = node->content_start = start;
  node->end = end;
  node->parent = parent;
  node->depth = parent != NULL ? parent->depth + 1 : 0;
  if (is_collection (node))
    node->children = g_ptr_array_new ();
  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  g_ptr_array_add (fm->nodes, node);
  return node;
}

static gsize
skip_toml_blanks (const char *text,
                  gsize       pos,
                  gsize       end)
{
  while (pos < end && (text[pos] == ' ' || text[pos] == '\t'))
    pos++;
  return pos;
}

/* A one-line "basic" or 'literal' TOML string at *@pos; NULL for anything
 * else (multi-line strings, bad escapes). */
static char *
read_toml_string (const char *text,
                  gsize      *pos,
                  gsize       end)
{
  char quote = text[*pos];
  g_autoptr(GString) out = g_string_new (NULL);
  gsize i = *pos + 1;

  if (end - *pos >= 3 && text[i] == quote && text[i + 1] == quote)
    return NULL;
  for (; i < end && text[i] != quote; i++)
    {
      gunichar c;
      guint digits;

      if (quote == '\'' || text[i] != '\\')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      if (++i >= end)
        return NULL;
      switch (text[i])
        {
        case 'b': g_string_append_c (out, '\b'); continue;
        case 't': g_string_append_c (out, '\t'); continue;
        case 'n': g_string_append_c (out, '\n'); continue;
        case 'f': g_string_append_c (out, '\f'); continue;
        case 'r': g_string_append_c (out, '\r'); continue;
        case '"': case '\\': g_string_append_c (out, text[i]); continue;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: return NULL;
        }
      c = 0;
      for (guint d = 0; d < digits; d++)
        if (++i >= end || !g_ascii_isxdigit (text[i]))
          return NULL;
        else
          c = c * 16 + g_ascii_xdigit_value (text[i]);
      if (!g_unichar_validate (c) || c == 0)
        return NULL;
      g_string_append_unichar (out, c);
    }
  if (i >= end || !g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  *pos = i + 1;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A bare key, or a quoted one. */
static char *
read_toml_key (const char *text,
               gsize      *pos,
               gsize       end)
{
  gsize start = *pos;

  if (text[start] == '"' || text[start] == '\'')
    return read_toml_string (text, pos, end);
  while (*pos < end && (g_ascii_isalnum (text[*pos]) || text[*pos] == '_' || text[*pos] == '-'))
    (*pos)++;
  return *pos > start ? g_strndup (text + start, *pos - start) : NULL;
}

/* ["a", 'b'] on one line; FALSE for anything else. */
static gboolean
read_toml_array (RecapFrontMatter *fm,
                 Node             *list,
                 const char       *text,
                 gsize             pos,
                 gsize             end)
{
  for (pos = skip_toml_blanks (text, pos + 1, end); pos < end && text[pos] != ']';
       pos = skip_toml_blanks (text, pos, end))
    {
      gsize start = pos;
      char *item;

      if ((text[pos] != '"' && text[pos] != '\'') || (item = read_toml_string (text, &pos, end)) == NULL)
        return FALSE;
      foreign_node_new (fm, list, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_DOUBLE_QUOTED, item, start, pos);
      pos = skip_toml_blanks (text, pos, end);
      if (pos < end && text[pos] == ',')
        pos++;
    }
  return pos < end;
}

/* The value after "key = ": a string, a list of strings, or a bare value
 * (number, boolean, date) up to a comment. NULL when none of these. */
static Node *
read_toml_value (RecapFrontMatter *fm,
                 Node             *root,
                 const char       *text,
                 gsize             pos,
                 gsize             end)
{
  gsize start = pos;
  gsize bare_end = pos;
  char *string;
  Node *list;

  if (text[pos] == '"' || text[pos] == '\'')
    {
      if ((string = read_toml_string (text, &pos, end)) == NULL)
        return NULL;
      return foreign_node_new (fm, root, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_DOUBLE_QUOTED,
                               string, start, pos);
    }
  if (text[pos] == '[')
    {
      list = foreign_node_new (fm, root, RECAP_FRONT_MATTER_KIND_SEQUENCE, RECAP_YAML_STYLE_PLAIN, NULL, start, end);
      if (!read_toml_array (fm, list, text, pos, end))
        g_ptr_array_set_size (list->children, 0);
      return list;
    }
  while (bare_end < end && text[bare_end] != '#')
    bare_end++;
  while (bare_end > start && (text[bare_end - 1] == ' ' || text[bare_end - 1] == '\t'))
    bare_end--;
  if (bare_end == start || !g_utf8_validate (text + start, bare_end - start, NULL))
    return NULL;
  return foreign_node_new (fm, root, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_PLAIN,
                           g_strndup (text + start, bare_end - start), start, bare_end);
}

/* Top-level `key = value` lines, up to the first [table]. */
static void
read_toml (RecapFrontMatter *fm,
           const char       *text)
{
  gsize limit = fm->split.yaml_end;

  for (gsize line = fm->split.yaml_start; line < limit; line = next_line_start (text, limit, line))
    {
      gsize end = line_content_end (text, line, limit);
      gsize pos = skip_toml_blanks (text, line, end);
      gsize key_start = pos;
      g_autofree char *key = NULL;
      Node *key_node;

      if (pos == end || text[pos] == '#')
        continue;
      if (text[pos] == '[')
        break;
      key = read_toml_key (text, &pos, end);
      pos = skip_toml_blanks (text, pos, end);
      if (key == NULL || pos >= end || text[pos] != '=')
        continue;
      key_node = foreign_node_new (fm, fm->root, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_PLAIN,
                                   g_steal_pointer (&key), key_start, pos);
      pos = skip_toml_blanks (text, pos + 1, end);
      /* The key is the last child: without a value it goes again. */
      if (pos >= end || read_toml_value (fm, fm->root, text, pos, end) == NULL)
        g_ptr_array_set_size (fm->root->children, fm->root->children->len - 1);
      g_assert (fm->root->children->len % 2 == 0 && key_node->parent == fm->root);
    }
}

/* A JSON string, number, boolean or null as a scalar; NULL for others. */
static Node *
read_json_scalar (RecapFrontMatter *fm,
                  Node             *parent,
                  JsonNode         *value)
{
  const RecapFrontMatterSplit *split = &fm->split;
  GType type = json_node_get_value_type (value);
  char *text;

  if (JSON_NODE_HOLDS_NULL (value))
    text = g_strdup ("null");
  else if (!JSON_NODE_HOLDS_VALUE (value))
    return NULL;
  else if (type == G_TYPE_STRING)
    return foreign_node_new (fm, parent, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_DOUBLE_QUOTED,
                             json_node_dup_string (value), split->yaml_start, split->yaml_end);
  else if (type == G_TYPE_BOOLEAN)
    text = g_strdup (json_node_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
    }
  return foreign_node_new (fm, parent, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_PLAIN,
                           text, split->yaml_start, split->yaml_end);
}

/* The members of the top-level object; json-glib gives no byte spans, so
 * every node spans the whole block. */
static void
read_json (RecapFrontMatter *fm,
           const char       *text)
{
  const RecapFrontMatterSplit *split = &fm->split;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, text + split->yaml_start, split->yaml_end - split->yaml_start, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      Node *key = foreign_node_new (fm, fm->root, RECAP_FRONT_MATTER_KIND_SCALAR, RECAP_YAML_STYLE_DOUBLE_QUOTED,
                                    g_strdup (l->data), split->yaml_start, split->yaml_end);

      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);
          Node *list = foreign_node_new (fm, fm->root, RECAP_FRONT_MATTER_KIND_SEQUENCE, RECAP_YAML_STYLE_PLAIN,
                                         NULL, split->yaml_start, split->yaml_end);

          for (guint i = 0; i < json_array_get_length (array); i++)
            read_json_scalar (fm, list, json_array_get_element (array, i));
        }
      else if (read_json_scalar (fm, fm->root, value) == NULL)
        g_ptr_array_set_size (fm->root->children, fm->root->children->len - 1);
      g_assert (fm->root->children->len % 2 == 0 && key->parent == fm->root);
    }
}

void
read_foreign (RecapFrontMatter *fm,
              const char       *text)
{
  fm->root = foreign_node_new (fm, NULL, RECAP_FRONT_MATTER_KIND_MAPPING, RECAP_YAML_STYLE_PLAIN, NULL,
                               fm->split.yaml_start, fm->split.yaml_end);
  if (fm->split.format == RECAP_FRONT_MATTER_FORMAT_TOML)
    read_toml (fm, text);
  else
    read_json (fm, text);
  mapping_build_index (fm->root);
}

const char *
recap_front_matter_get_read_only_notice (RecapFrontMatter *fm)
{
  switch (fm->split.format)
    {
    case RECAP_FRONT_MATTER_FORMAT_TOML:
      return _("TOML front matter is shown read-only");
    case RECAP_FRONT_MATTER_FORMAT_JSON:
      return _("JSON front matter is shown read-only");
    case RECAP_FRONT_MATTER_FORMAT_NONE:
    case RECAP_FRONT_MATTER_FORMAT_YAML:
    default:
      return NULL;
    }
}
