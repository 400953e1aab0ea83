/* recap-front-matter.c: the fence split and the public readers
 *
 * Finds the front-matter block (YAML "---", TOML "+++", JSON "{"), and
 * reads strings, lists, booleans, dates and the ordered entries out of a
 * parsed model. The engine as a whole: recap-front-matter-private.h.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <string.h>

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

gboolean
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

GStrv
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

gboolean
is_scalar_list (Node *node)
{
  if (node->kind != RECAP_FRONT_MATTER_KIND_SEQUENCE)
    return FALSE;
  for (guint i = 0; i < node->children->len; i++)
    if (node_resolve (g_ptr_array_index (node->children, i))->kind != RECAP_FRONT_MATTER_KIND_SCALAR)
      return FALSE;
  return TRUE;
}

GStrv
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

GStrv
recap_front_matter_get_plain_list (RecapFrontMatter *fm,
                                   const char       *path)
{
  Node *node = lookup_value (fm, path);

  if (node == NULL || (node->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE && !is_scalar_list (node)))
    return NULL;
  return node_list (node, path);
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
