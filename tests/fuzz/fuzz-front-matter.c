/* fuzz-front-matter.c: libFuzzer target for parsing and editing front matter
 *
 * An input is one byte choosing the edit, one byte choosing the key and
 * then the document. Bytes after the document's last NUL byte, if any, are
 * the new value; otherwise the value comes from a table of awkward ones.
 * Every edit must either fail cleanly or give a document that parses,
 * matches its own description of the change and round-trips unchanged;
 * RECAP_FRONT_MATTER_ERROR_UNSAFE (an edit that failed its own check) is
 * a bug too.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recap-front-matter.h"

#define MAX_WALK_DEPTH 8

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct {
  const char *text;
  gsize       len;
  char       *value;
  guint8      op;
  guint8      pick;
} Input;

static const char * const awkward_values[] = {
  "", "plain", "true", "No", "null", "~", "12", "-3.5", "0x1F", "1:20", "2019-06-14",
  "a: b", "a #b", "#c", "- z", "? q", ": r", "[x]", "{y}", "&a", "*b", "!t", "%p",
  "@at", "`tick`", "'single'", "\"double\"", "back\\slash", " lead", "trail ", "tab\there",
  "two\nlines", "ends\n", "keeps\n\n", "\nleading", "a\n\nb", "  indented\nmore",
  "日本語", "naïve café", "---", "...", "|", ">", "a,b,c", "x]", "\xe2\x80\xa8", "\x01",
};

static const char * const new_paths[] = {
  "new", "seo.new", "a.b.c", "tags", "title", "date", "x y", "\"q\"",
};

static void
check (gboolean    condition,
       const char *what)
{
  if (condition)
    return;
  fprintf (stderr, "fuzz-front-matter: check failed: %s\n", what);
  abort ();
}

static void
check_round_trip (const char *text,
                  gsize       len,
                  const char *what)
{
  g_autofree char *changed_path = NULL;
  g_autoptr(GError) error = NULL;

  if (recap_front_matter_check_round_trip (text, len, &changed_path, &error))
    return;
  fprintf (stderr, "fuzz-front-matter: %s does not round-trip at “%s”: %s\n", what,
           changed_path != NULL ? changed_path : "", error != NULL ? error->message : "changed");
  abort ();
}

static void
read_everything (RecapFrontMatter *fm,
                 const char       *path)
{
  g_autofree char *string = recap_front_matter_get_string (fm, path);
  g_auto(GStrv) list = recap_front_matter_get_list (fm, path);
  g_autoptr(GDateTime) date = recap_front_matter_get_date (fm, path);
  RecapFrontMatterEntry entry;
  gboolean boolean;

  (void) recap_front_matter_get_boolean (fm, path, &boolean);
  check (string == NULL || g_utf8_validate (string, -1, NULL), "strings are UTF-8");
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    check (g_utf8_validate (list[i], -1, NULL), "list items are UTF-8");
  check (date == NULL || g_date_time_get_year (date) >= 1, "dates are dates");
  if (recap_front_matter_get_entry (fm, path, &entry))
    check (entry.value_start <= entry.value_end && entry.key_start <= entry.key_end, "entry spans");
}

static void
collect_paths (RecapFrontMatter *fm,
               const char       *prefix,
               guint             depth,
               GPtrArray        *paths)
{
  g_auto(GStrv) keys = recap_front_matter_get_keys (fm, prefix);

  for (guint i = 0; keys != NULL && keys[i] != NULL && depth < MAX_WALK_DEPTH; i++)
    {
      char *path = prefix != NULL ? g_strconcat (prefix, ".", keys[i], NULL) : g_strdup (keys[i]);

      g_ptr_array_add (paths, path);
      read_everything (fm, path);
      collect_paths (fm, path, depth + 1, paths);
    }
}

static void
check_result (const Input                *input,
              gboolean                    ok,
              GError                     *error,
              const RecapFrontMatterEdit *edit)
{
  g_autoptr(RecapFrontMatter) after = NULL;
  gsize tail;

  if (!ok)
    {
      check (error != NULL, "failure without an error");
      check (!g_error_matches (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_UNSAFE),
             error->message);
      return;
    }

  check (edit->offset + edit->old_len <= input->len, "range inside the old text");
  check (edit->len == input->len - edit->old_len + edit->replacement_len, "lengths add up");
  tail = input->len - edit->offset - edit->old_len;
  check (memcmp (edit->text, input->text, edit->offset) == 0, "bytes before the range kept");
  check (memcmp (edit->text + edit->offset, edit->replacement, edit->replacement_len) == 0,
         "replacement in place");
  check (memcmp (edit->text + edit->len - tail, input->text + input->len - tail, tail) == 0,
         "bytes after the range kept");
  check (edit->changed || (edit->len == input->len && memcmp (edit->text, input->text, input->len) == 0),
         "unchanged means identical");

  after = recap_front_matter_parse (edit->text, edit->len, NULL);
  check (after != NULL, "the result parses");
  check_round_trip (edit->text, edit->len, "the result");
}

static gboolean
run_edit (const Input          *input,
          const char           *path,
          const char           *sibling,
          RecapFrontMatterEdit *edit,
          GError              **error)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2020 + input->pick % 7, 1 + input->pick % 12,
                                                   1 + input->pick % 28, input->pick % 24, 30, 0);
  g_auto(GStrv) items = g_strsplit (input->value, ",", -1);

  switch (input->op % 8)
    {
    case 0: return recap_front_matter_set_string (input->text, input->len, path, input->value, edit, error);
    case 1: return recap_front_matter_set_list (input->text, input->len, path,
                                                (const char * const *) items, edit, error);
    case 2: return recap_front_matter_add_key (input->text, input->len, new_paths[input->pick % G_N_ELEMENTS (new_paths)],
                                               input->value, sibling, edit, error);
    case 3: return recap_front_matter_remove_key (input->text, input->len, path, edit, error);
    case 4: return recap_front_matter_rename_key (input->text, input->len, path, input->value, edit, error);
    case 5: return recap_front_matter_set_boolean (input->text, input->len, path, input->pick & 1, edit, error);
    case 6: return recap_front_matter_set_date (input->text, input->len, path, date, edit, error);
    default: return recap_front_matter_create_block (input->text, input->len, input->value, date, edit, error);
    }
}

static void
exercise (const Input *input)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (input->text, input->len, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autoptr(GError) error = NULL;
  const char *path;
  const char *sibling;
  gboolean foreign;
  gboolean ok;

  if (fm == NULL)
    return;

  collect_paths (fm, NULL, 0, paths);
  foreign = recap_front_matter_get_read_only_notice (fm) != NULL;
  if (!foreign)
    check_round_trip (input->text, input->len, "the input");

  path = paths->len > 0 && input->pick < 200 ? g_ptr_array_index (paths, input->pick % paths->len)
                                             : new_paths[input->pick % G_N_ELEMENTS (new_paths)];
  sibling = paths->len > 0 && (input->pick & 2) ? g_ptr_array_index (paths, 0) : NULL;
  ok = run_edit (input, path, sibling, &edit, &error);
  /* TOML and JSON front matter are never edited. */
  check (!foreign || !ok, "TOML or JSON front matter was edited");
  check_result (input, ok, error, &edit);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data + 2;
  const char *nul;
  Input input = { 0 };

  if (size < 2)
    return 0;

  input.op = data[0];
  input.pick = data[1];
  input.text = text;
  input.len = size - 2;

  nul = memrchr (text, '\0', input.len);
  if (nul != NULL)
    {
      input.value = g_utf8_make_valid (nul + 1, input.len - (nul + 1 - text));
      input.len = nul - text;
    }
  else
    input.value = g_strdup (awkward_values[input.pick % G_N_ELEMENTS (awkward_values)]);

  exercise (&input);
  g_free (input.value);
  return 0;
}
