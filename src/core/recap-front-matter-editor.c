/* recap-front-matter-editor.c: the edit engine
 *
 * An Editor collects splices into the old text and claims on the nodes an
 * edit changes. Finishing an edit applies the splices, refuses it when an
 * alias elsewhere reads what changes, parses the result and checks that
 * it did what it promised and nothing else, then reports the narrowest
 * changed range.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Edits: an Editor collects splices into the old text */

typedef struct {
  gsize  offset;
  gsize  len;
  char  *text;
} Splice;

/* A node an edit changes; @parts: its contents too, not only its place
 * in the collection holding it. */
typedef struct {
  Node     *node;
  gboolean  parts;
} Claim;

static void
splice_clear (gpointer data)
{
  g_free (((Splice *) data)->text);
}

void
editor_clear (Editor *ed)
{
  g_clear_pointer (&ed->fm, recap_front_matter_unref);
  g_clear_pointer (&ed->splices, g_array_unref);
  g_clear_pointer (&ed->claims, g_array_unref);
}

gboolean G_GNUC_PRINTF (3, 4)
set_edit_error (GError     **error,
                int          code,
                const char  *format,
                ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  *error = g_error_new_valist (RECAP_FRONT_MATTER_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* Why an edit of foreign front matter is refused. */
gboolean
refuse_foreign (const RecapFrontMatterSplit  *split,
                GError                      **error)
{
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_READ_ONLY, "%s",
                         split->format == RECAP_FRONT_MATTER_FORMAT_TOML
                         ? _("This file has TOML front matter, which Recap shows read-only and never changes")
                         : _("This file has JSON front matter, which Recap shows read-only and never changes"));
}

const char *
detect_newline (const char *text,
                gsize       len,
                gsize       from)
{
  const char *nl = memchr (text + from, '\n', len - from);

  return nl != NULL && nl > text + from && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* libyaml also breaks lines at a lone CR, NEL, LS and PS; edits work on
 * LF and CRLF lines only, so such documents are left alone. */
static gboolean
has_unusual_breaks (const char *text,
                    gsize       start,
                    gsize       end)
{
  for (gsize i = start; i < end; i++)
    {
      const guchar *p = (const guchar *) text + i;
      gsize left = end - i;

      if ((p[0] == '\r' && (left < 2 || p[1] != '\n')) ||
          (p[0] == 0xC2 && left >= 2 && p[1] == 0x85) ||
          (p[0] == 0xE2 && left >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)))
        return TRUE;
    }
  return FALSE;
}

/* An editor on @fm, the parsed @text, which it keeps a reference to. */
void
editor_init (Editor           *ed,
             RecapFrontMatter *fm,
             const char       *text,
             gsize             len,
             const char       *path)
{
  ed->text = text;
  ed->len = len;
  ed->path = path;
  ed->fm = recap_front_matter_ref (fm);
  ed->newline = detect_newline (text, len, fm->split.start);
  ed->splices = g_array_new (FALSE, FALSE, sizeof (Splice));
  g_array_set_clear_func (ed->splices, splice_clear);
  ed->claims = g_array_new (FALSE, FALSE, sizeof (Claim));
}

gboolean
editor_begin (Editor      *ed,
              const char  *text,
              gsize        len,
              const char  *path,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, &local_error);

  if (fm == NULL)
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_READ_ONLY,
                           _("The front matter cannot be edited: %s"), local_error->message);
  if (is_foreign (&fm->split))
    return refuse_foreign (&fm->split, error);
  editor_init (ed, fm, text, len, path);
  return TRUE;
}

/* Records that the edit changes @node; editor_finish() refuses it when an
 * alias elsewhere reads what changes. */
void
editor_claim (Editor   *ed,
              Node     *node,
              gboolean  parts)
{
  Claim claim = { node, parts };

  g_array_append_val (ed->claims, claim);
}

/* libyaml takes a comment right after a quoted value ("x"#c); after a
 * plain one the "#" would join the value, so it gets its blank. */
static gboolean
comment_needs_blank (Editor  *ed,
                     gsize    offset,
                     gsize    len,
                     GString *text)
{
  gsize end = offset + len;
  char before;

  if (end >= ed->len || ed->text[end] != '#')
    return FALSE;
  before = text->len > 0 ? text->str[text->len - 1] : offset > 0 ? ed->text[offset - 1] : '\n';
  return !g_ascii_isspace (before);
}

void
editor_splice (Editor  *ed,
               gsize    offset,
               gsize    len,
               GString *text)
{
  Splice splice = { offset, len, NULL };

  if (comment_needs_blank (ed, offset, len, text))
    g_string_append_c (text, ' ');
  splice.text = g_string_free (text, FALSE);

  g_array_append_val (ed->splices, splice);
}

static gsize
yaml_start (Editor *ed)
{
  return ed->fm->split.yaml_start;
}

gsize
skip_blanks_from (Editor *ed,
                  gsize   pos)
{
  while (pos < yaml_end (ed) && is_blank (ed->text[pos]))
    pos++;
  return pos;
}

gboolean
rest_of_line_blank (Editor *ed,
                    gsize   pos)
{
  pos = skip_blanks_from (ed, pos);
  return pos >= yaml_end (ed) || ed->text[pos] == '\n' || ed->text[pos] == '\r';
}

gsize
line_begin (Editor *ed,
            gsize   pos)
{
  while (pos > yaml_start (ed) && ed->text[pos - 1] != '\n')
    pos--;
  return pos;
}

gboolean
only_blanks (Editor *ed,
             gsize   from,
             gsize   to)
{
  for (gsize i = from; i < to; i++)
    if (!is_blank (ed->text[i]))
      return FALSE;
  return TRUE;
}

/* After a line break: the end of a "|+" scalar, which takes its breaks. */
gboolean
ends_at_line_start (Editor *ed,
                    gsize   end)
{
  return end > yaml_start (ed) && ed->text[end - 1] == '\n';
}

/* Where the line holding @pos ends, its line break included; @pos itself
 * when it already starts a line (after a "|+" block scalar). */
gsize
entry_line_end (Editor *ed,
                gsize   pos)
{
  if (ends_at_line_start (ed, pos))
    return pos;
  return next_line_start (ed->text, yaml_end (ed), pos);
}

void
append_spaces (GString *out,
               guint    count)
{
  for (guint i = 0; i < count; i++)
    g_string_append_c (out, ' ');
}

gboolean
refuse (GError     **error,
        const char  *what)
{
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_READ_ONLY,
                         _("Recap cannot edit this front matter safely: %s"), what);
}

Node *
node_key (Node *value)
{
  GPtrArray *siblings = value->parent->children;

  for (guint i = 1; i < siblings->len; i += 2)
    if (g_ptr_array_index (siblings, i) == value)
      return g_ptr_array_index (siblings, i - 1);
  g_return_val_if_reached (NULL);
}

gboolean
find_colon (Editor  *ed,
            Node    *key,
            gsize   *after_colon,
            GError **error)
{
  gsize pos = skip_blanks_from (ed, key->end);

  if (pos >= yaml_end (ed) || ed->text[pos] != ':')
    return refuse (error, _("a key without a “:” on its line"));
  *after_colon = pos + 1;
  return TRUE;
}

gboolean
find_dash (Editor  *ed,
           Node    *item,
           gsize   *dash,
           GError **error)
{
  gsize pos = item->start;

  while (pos > yaml_start (ed) && is_blank (ed->text[pos - 1]))
    pos--;
  if (pos == yaml_start (ed) || ed->text[pos - 1] != '-')
    return refuse (error, _("a list item that does not follow its “-”"));
  *dash = pos - 1;
  return TRUE;
}

/* The column a value's owner (its key, or its list dash) starts at; block
 * scalars and lists under it are indented relative to that. */
gboolean
owner_column (Editor  *ed,
              Node    *node,
              guint   *column,
              GError **error)
{
  gsize dash;

  /* Nothing is indented inside [ ] and { }. */
  if (node_in_flow (node))
    {
      *column = 0;
      return TRUE;
    }
  if (node->parent->kind == RECAP_FRONT_MATTER_KIND_MAPPING)
    {
      *column = node_key (node)->column;
      return TRUE;
    }
  if (!find_dash (ed, node, &dash, error))
    return FALSE;
  *column = dash - line_begin (ed, dash);
  return TRUE;
}

/* Apply, check, report */

static int
compare_splices (gconstpointer a,
                 gconstpointer b)
{
  const Splice *sa = a;
  const Splice *sb = b;

  if (sa->offset != sb->offset)
    return sa->offset < sb->offset ? -1 : 1;
  return sa->len < sb->len ? -1 : sa->len > sb->len;
}

GString *
editor_apply (Editor *ed)
{
  g_autoptr(GString) text = g_string_sized_new (ed->len + 64);
  gsize pos = 0;

  g_array_sort (ed->splices, compare_splices);
  for (guint i = 0; i < ed->splices->len; i++)
    {
      Splice *splice = &g_array_index (ed->splices, Splice, i);

      /* Overlapping splices would be a bug; the edit is then refused. */
      if (splice->offset < pos || splice->offset + splice->len > ed->len)
        return NULL;
      g_string_append_len (text, ed->text + pos, splice->offset - pos);
      g_string_append (text, splice->text);
      pos = splice->offset + splice->len;
    }
  g_string_append_len (text, ed->text + pos, ed->len - pos);
  return g_steal_pointer (&text);
}

/* Compares what two nodes read as. An alias equals an alias of the same
 * name whose anchored node reads the same: an edit of an anchored value
 * shows in every alias of it. @matched maps each anchored node of the old
 * document already found equal to its match in the new one, so that every
 * anchored node is compared once and alias-heavy documents stay linear. */
static gboolean
nodes_equal (Node       *a,
             Node       *b,
             GHashTable *matched)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == RECAP_FRONT_MATTER_KIND_ALIAS)
    {
      gpointer match;

      if (!g_str_equal (a->value, b->value))
        return FALSE;
      if (g_hash_table_lookup_extended (matched, a->target, NULL, &match))
        return match == b->target;
      if (!nodes_equal (a->target, b->target, matched))
        return FALSE;
      g_hash_table_insert (matched, a->target, b->target);
      return TRUE;
    }
  if (a->kind == RECAP_FRONT_MATTER_KIND_SCALAR)
    return node_type (a) == node_type (b) && g_str_equal (a->value, b->value);

  if (a->children->len != b->children->len)
    return FALSE;
  for (guint i = 0; i < a->children->len; i++)
    if (!nodes_equal (g_ptr_array_index (a->children, i), g_ptr_array_index (b->children, i), matched))
      return FALSE;
  return TRUE;
}

static gboolean
is_touched (const Expect *expect,
            Node         *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (expect->touched); i++)
    if (expect->touched[i] != NULL && key->kind == RECAP_FRONT_MATTER_KIND_SCALAR &&
        g_str_equal (key->value, expect->touched[i]))
      return TRUE;
  return FALSE;
}

static guint
next_untouched (const Expect *expect,
                Node         *root,
                guint         i)
{
  guint n = root != NULL ? root->children->len : 0;

  while (i < n && is_touched (expect, mapping_key (root, i)))
    i += 2;
  return i;
}

/* Every top-level entry the edit did not touch is still there, in order. */
static gboolean
others_unchanged (const Expect *expect,
                  Node         *before,
                  Node         *after)
{
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  guint n = before != NULL ? before->children->len : 0;
  guint m = after != NULL ? after->children->len : 0;
  guint i = next_untouched (expect, before, 0);
  guint j = next_untouched (expect, after, 0);

  while (i < n && j < m)
    {
      if (!nodes_equal (mapping_key (before, i), mapping_key (after, j), matched) ||
          !nodes_equal (mapping_value (before, i), mapping_value (after, j), matched))
        return FALSE;
      i = next_untouched (expect, before, i + 2);
      j = next_untouched (expect, after, j + 2);
    }
  return i >= n && j >= m;
}

static gboolean
expect_holds (const Expect     *expect,
              RecapFrontMatter *before,
              RecapFrontMatter *after)
{
  g_autofree char *string = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  gboolean boolean;
  Node *old_value, *new_value;

  switch (expect->kind)
    {
    case EXPECT_STRING:
      string = recap_front_matter_get_string (after, expect->path);
      return string != NULL && g_str_equal (string, expect->string);
    case EXPECT_BOOLEAN:
      return recap_front_matter_get_boolean (after, expect->path, &boolean) &&
             boolean == expect->boolean;
    case EXPECT_LIST:
      items = recap_front_matter_get_list (after, expect->path);
      return items != NULL && g_strv_equal ((const char * const *) items, expect->items);
    case EXPECT_ABSENT:
      return !recap_front_matter_has_key (after, expect->path);
    case EXPECT_RENAMED:
      old_value = lookup_exact (before, expect->path);
      new_value = lookup_exact (after, expect->new_path);
      return old_value != NULL && new_value != NULL && nodes_equal (old_value, new_value, matched);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Like g_strndup(), but the bytes may hold NUL (the body of a document). */
char *
dup_bytes (const char *data,
           gsize       len)
{
  char *copy = g_malloc (len + 1);

  memcpy (copy, data, len);
  copy[len] = '\0';
  return copy;
}

/* A boundary a text buffer can take: not inside a UTF-8 sequence, not
 * between CR and LF. */
static gboolean
is_boundary (const char *text,
             gsize       len,
             gsize       pos)
{
  if (pos == 0 || pos >= len)
    return TRUE;
  return (text[pos] & 0xC0) != 0x80 && !(text[pos - 1] == '\r' && text[pos] == '\n');
}

/* Narrows the changed range to the bytes that really differ, so that an
 * edit of "title" reports the title's value, not the whole line. */
static void
edit_fill (RecapFrontMatterEdit *out,
           Editor               *ed,
           GString              *text)
{
  Splice *first = &g_array_index (ed->splices, Splice, 0);
  Splice *last = &g_array_index (ed->splices, Splice, ed->splices->len - 1);
  gsize start = first->offset;
  gsize old_end = last->offset + last->len;
  gsize new_end = text->len - (ed->len - old_end);

  while (start < old_end && start < new_end && ed->text[start] == text->str[start])
    start++;
  while (!is_boundary (ed->text, ed->len, start) || !is_boundary (text->str, text->len, start))
    start--;
  while (old_end > start && new_end > start && ed->text[old_end - 1] == text->str[new_end - 1])
    old_end--, new_end--;
  while (!is_boundary (ed->text, ed->len, old_end) || !is_boundary (text->str, text->len, new_end))
    old_end++, new_end++;

  out->changed = TRUE;
  out->offset = start;
  out->old_len = old_end - start;
  out->replacement_len = new_end - start;
  out->replacement = dup_bytes (text->str + start, out->replacement_len);
  out->len = text->len;
  out->text = g_string_free (text, FALSE);
}

static void
edit_fill_unchanged (RecapFrontMatterEdit *out,
                     Editor               *ed)
{
  out->text = dup_bytes (ed->text, ed->len);
  out->len = ed->len;
  out->replacement = g_strdup ("");
}

/* Where @node stands, as dotted keys (list items by number from 1); a
 * key is named by the mapping it belongs to. */
static char *
node_describe (Node *node)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (; node->parent != NULL; node = node->parent)
    {
      GPtrArray *siblings = node->parent->children;
      guint index = 0;

      g_ptr_array_find (siblings, node, &index);
      if (node->parent->kind == RECAP_FRONT_MATTER_KIND_SEQUENCE)
        g_ptr_array_add (parts, g_strdup_printf ("%u", index + 1));
      else if (index % 2 == 1)
        {
          Node *key = g_ptr_array_index (siblings, index - 1);

          g_ptr_array_add (parts, g_strdup (key->value != NULL ? key->value : "?"));
        }
    }
  for (guint i = parts->len; i > 0; i--)
    {
      g_autofree char *part = g_ptr_array_index (parts, i - 1);

      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, part);
    }
  return g_string_free (out, FALSE);
}

/* The first alias outside @node that reads @node, a collection holding
 * it or, with @parts, something inside it: changing @node would change
 * what that alias reads. */
static Node *
find_sharing_alias (RecapFrontMatter *fm,
                    Node             *node,
                    gboolean          parts)
{
  for (guint i = 0; i < fm->aliases->len; i++)
    {
      Node *alias = g_ptr_array_index (fm->aliases, i);

      if (!node_is_within (alias, node) &&
          (node_is_within (node, alias->target) || (parts && node_is_within (alias->target, node))))
        return alias;
    }
  return NULL;
}

static gboolean
check_unshared_node (RecapFrontMatter  *fm,
                     Node              *node,
                     gboolean           parts,
                     const char        *path,
                     GError           **error)
{
  Node *alias = find_sharing_alias (fm, node, parts);
  g_autofree char *where = NULL;

  if (alias == NULL)
    return TRUE;
  where = node_describe (alias);
  return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_READ_ONLY,
                         _("“%s” is shared with “%s” through the anchor &%s; edit it in the source"),
                         path, where[0] != '\0' ? where : alias->value, alias->value);
}

/* What setting or adding at @l changes: the value, the empty value that
 * becomes a mapping, or the mapping that gets a new key (not its parts). */
Node *
lookup_changed_node (const Lookup *l,
                     gboolean     *parts)
{
  *parts = l->value != NULL || l->empty != NULL;
  if (l->value != NULL)
    return l->value;
  return l->empty != NULL ? l->empty : l->mapping;
}

gboolean
recap_front_matter_check_unshared (RecapFrontMatter  *fm,
                                   const char        *path,
                                   GError           **error)
{
  gboolean parts;
  Lookup l;
  Node *node;

  g_return_val_if_fail (fm != NULL && path != NULL, FALSE);

  if (fm->aliases->len == 0)
    return TRUE;
  lookup_path (fm, path, FALSE, &l);
  node = lookup_changed_node (&l, &parts);
  return node == NULL || check_unshared_node (fm, node, parts, path, error);
}

static gboolean
editor_check_claims (Editor  *ed,
                     GError **error)
{
  for (guint i = 0; i < ed->claims->len; i++)
    {
      Claim *claim = &g_array_index (ed->claims, Claim, i);

      if (!check_unshared_node (ed->fm, claim->node, claim->parts, ed->path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
editor_finish (Editor                *ed,
               const Expect          *expect,
               RecapFrontMatterEdit  *out,
               GError               **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(RecapFrontMatter) after = NULL;

  memset (out, 0, sizeof *out);
  if (ed->splices->len > 0 && has_unusual_breaks (ed->text, yaml_start (ed), yaml_end (ed)))
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_READ_ONLY,
                           _("The front matter cannot be edited: it has line breaks other than LF and CRLF"));

  text = editor_apply (ed);
  if (text != NULL && text->len == ed->len && memcmp (text->str, ed->text, ed->len) == 0)
    {
      edit_fill_unchanged (out, ed);
      return TRUE;
    }
  if (!editor_check_claims (ed, error))
    return FALSE;

  if (text != NULL)
    after = recap_front_matter_parse (text->str, text->len, NULL);
  if (after == NULL || !expect_holds (expect, ed->fm, after) ||
      !others_unchanged (expect, ed->fm->root, after->root))
    return set_edit_error (error, RECAP_FRONT_MATTER_ERROR_UNSAFE,
                           _("Editing “%s” would have changed more than that key; nothing was changed"),
                           expect->path);

  edit_fill (out, ed, g_steal_pointer (&text));
  return TRUE;
}

void
recap_front_matter_edit_clear (RecapFrontMatterEdit *edit)
{
  g_clear_pointer (&edit->text, g_free);
  g_clear_pointer (&edit->replacement, g_free);
  memset (edit, 0, sizeof *edit);
}
