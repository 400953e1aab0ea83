/* recap-front-matter-keys.c: new keys and the public edits
 *
 * Writes new keys (nesting missing mappings), and holds the public edit
 * functions: set, add, remove and rename keys, create a block, and the
 * round-trip check that sets every key to the value it has.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* libyaml refuses longer implicit keys. */
#define MAX_KEY_LEN 1000

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
