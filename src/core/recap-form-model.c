/* recap-form-model.c
 *
 * Owns the front-matter form's field model: the known fields with their
 * labels and kinds, the order fields are shown in, the kind every other
 * value gets (read-only for complex values and for values an alias shares),
 * the signature telling when rows must be rebuilt, and the field cap; and
 * the keys `defaults:` of _config.yml give the post, shown as inherited
 * rows where the file has no such key. The widget
 * (src/ui/recap-front-matter-form*.c) only draws what this gives.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "recap-form-model.h"
#include "recap-site-config.h"

/* Bytes of a read-only value's source shown in its row. */
#define SOURCE_PREVIEW_MAX 200

typedef struct {
  const char         *key;
  const char         *label;
  RecapFormFieldKind  kind;
  gboolean            suggests;
} KnownField;

/* The fields writers set most, in the order the form shows them. */
static const KnownField known_fields[] = {
  { "title", N_("Title"), RECAP_FORM_FIELD_TEXT, FALSE },
  { "author", N_("Author"), RECAP_FORM_FIELD_TEXT, TRUE },
  { "date", N_("Date"), RECAP_FORM_FIELD_DATE, FALSE },
  { "event", N_("Event"), RECAP_FORM_FIELD_TEXT, TRUE },
  { "layout", N_("Layout"), RECAP_FORM_FIELD_CHOICE, FALSE },
  { "tags", N_("Tags"), RECAP_FORM_FIELD_CHIPS, TRUE },
  { "categories", N_("Categories"), RECAP_FORM_FIELD_CHIPS, TRUE },
  { "excerpt", N_("Excerpt"), RECAP_FORM_FIELD_TEXT_AREA, FALSE },
  { "description", N_("Description"), RECAP_FORM_FIELD_TEXT_AREA, FALSE },
  { "published", N_("Published"), RECAP_FORM_FIELD_SWITCH, FALSE },
  { "featured", N_("Featured"), RECAP_FORM_FIELD_SWITCH, FALSE },
  { "hidden", N_("Hidden"), RECAP_FORM_FIELD_SWITCH, FALSE },
  { "image", N_("Image"), RECAP_FORM_FIELD_IMAGE, FALSE },
};

struct _RecapFormModel
{
  GPtrArray *fields;    /* RecapFormField, parents before their children */
  guint      n_own;     /* those in the file (not only inherited) */
  char      *signature;
};

static const KnownField *
find_known_field (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
    if (g_str_equal (known_fields[i].key, path))
      return &known_fields[i];
  return NULL;
}

static void
field_free (RecapFormField *field)
{
  g_free (field->path);
  g_free (field->parent);
  g_free (field->key);
  g_free (field->shared_notice);
  g_free (field->inherited);
  g_free (field);
}

/* A list as chips, unless it is not a list of strings (chips would drop
 * its maps and lists) or has more items than the form shows fields. */
static RecapFormFieldKind
chips_or_read_only (RecapFrontMatter *fm,
                    const char       *path)
{
  g_auto(GStrv) list = recap_front_matter_get_plain_list (fm, path);

  return list != NULL && g_strv_length (list) <= RECAP_FORM_MAX_FIELDS ? RECAP_FORM_FIELD_CHIPS
                                                                       : RECAP_FORM_FIELD_READ_ONLY;
}

static RecapFormFieldKind
kind_for_field (RecapFrontMatter     *fm,
                const RecapFormField *field,
                const KnownField     *known)
{
  gboolean is_block = field->entry.scalar_style == RECAP_YAML_STYLE_LITERAL ||
                      field->entry.scalar_style == RECAP_YAML_STYLE_FOLDED;
  gboolean boolean;

  /* An edit would change what an alias elsewhere reads too. */
  if (field->shared_notice != NULL)
    return RECAP_FORM_FIELD_READ_ONLY;

  switch (field->entry.kind)
    {
    case RECAP_FRONT_MATTER_KIND_MAPPING:
      return RECAP_FORM_FIELD_MAP;
    case RECAP_FRONT_MATTER_KIND_ALIAS:
      return RECAP_FORM_FIELD_READ_ONLY;
    case RECAP_FRONT_MATTER_KIND_SEQUENCE:
      return chips_or_read_only (fm, field->path);
    case RECAP_FRONT_MATTER_KIND_SCALAR:
    default:
      break;
    }

  if (known != NULL && known->kind == RECAP_FORM_FIELD_CHIPS)
    return chips_or_read_only (fm, field->path);
  /* A block scalar holds line breaks, which a one-line field shows as "↵". */
  if (is_block)
    return RECAP_FORM_FIELD_TEXT_AREA;
  if (known != NULL && (known->kind != RECAP_FORM_FIELD_SWITCH ||
                        recap_front_matter_get_boolean (fm, field->path, &boolean)))
    return known->kind;
  if (recap_front_matter_get_boolean (fm, field->path, &boolean))
    return RECAP_FORM_FIELD_SWITCH;
  return RECAP_FORM_FIELD_TEXT;
}

/* Known fields first, in their order; then the others as written. A
 * duplicated key shows once (the last one wins, as in Jekyll). */
static GPtrArray *
ordered_keys (const char *parent,
              GStrv       keys)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_add (seen, keys[i]);
  if (parent == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
      if (g_hash_table_remove (seen, known_fields[i].key))
        g_ptr_array_add (ordered, (gpointer) known_fields[i].key);
  /* What is left in @seen is shown once, where it first appears. */
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_hash_table_remove (seen, keys[i]))
      g_ptr_array_add (ordered, keys[i]);
  return ordered;
}

/* The text of the scalar `defaults:` give @key; NULL for none, a null, a
 * list or a map (which a one-line field cannot show). */
static char *
dup_inherited (GHashTable *defaults,
               const char *key)
{
  const RecapJekyllValue *value = defaults ? g_hash_table_lookup (defaults, key) : NULL;

  if (value == NULL || value->kind != RECAP_JEKYLL_VALUE_SCALAR ||
      recap_jekyll_scalar_is_null (value->scalar, value->plain))
    return NULL;
  return g_strdup (value->scalar);
}

static RecapFormField *
field_new (RecapFrontMatter *fm,
           GHashTable       *defaults,
           const char       *parent,
           const char       *key)
{
  RecapFormField *field = g_new0 (RecapFormField, 1);
  const KnownField *known = parent ? NULL : find_known_field (key);
  g_autoptr(GError) shared = NULL;

  field->path = parent ? g_strdup_printf ("%s.%s", parent, key) : g_strdup (key);
  field->parent = g_strdup (parent);
  field->key = g_strdup (key);
  field->label = known ? known->label : NULL;
  field->suggests = known && known->suggests;
  field->inherited = parent ? NULL : dup_inherited (defaults, key);
  if (!recap_front_matter_get_entry (fm, field->path, &field->entry))
    {
      /* Only in the defaults: typing there writes a string. A layout is
       * typed, so it suggests those in use. */
      g_assert (field->inherited != NULL);
      field->absent = TRUE;
      field->kind = RECAP_FORM_FIELD_TEXT;
      field->suggests = known != NULL && (known->suggests || known->kind == RECAP_FORM_FIELD_CHOICE);
      return field;
    }
  if (!recap_front_matter_check_unshared (fm, field->path, &shared))
    field->shared_notice = g_strdup (shared->message);
  field->kind = kind_for_field (fm, field, known);
  return field;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @keys (of the top-level mapping), then the keys with an inherited value
 * the file lacks, sorted. */
static GStrv
add_inherited_keys (GStrv       keys,
                    GHashTable *defaults)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **names = NULL;
  guint n = 0;

  g_strv_builder_addv (builder, (const char **) keys);
  if (defaults != NULL)
    names = (const char **) g_hash_table_get_keys_as_array (defaults, &n);
  if (names != NULL)
    qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *inherited = dup_inherited (defaults, names[i]);
      if (inherited != NULL && !g_strv_contains ((const char * const *) keys, names[i]))
        g_strv_builder_add (builder, names[i]);
    }
  g_strfreev (keys);
  return g_strv_builder_end (builder);
}

/* Adds the fields of the mapping at @parent, each mapping's fields right
 * after it. */
static void
add_fields (RecapFormModel   *model,
            RecapFrontMatter *fm,
            GHashTable       *defaults,
            const char       *parent)
{
  g_auto(GStrv) keys = recap_front_matter_get_keys (fm, parent);
  g_autoptr(GPtrArray) ordered = NULL;

  if (keys == NULL)
    return;
  if (parent == NULL)
    keys = add_inherited_keys (keys, defaults);
  ordered = ordered_keys (parent, keys);
  for (guint i = 0; i < ordered->len; i++)
    {
      RecapFormField *field = field_new (fm, defaults, parent, ordered->pdata[i]);

      g_ptr_array_add (model->fields, field);
      if (field->kind == RECAP_FORM_FIELD_MAP)
        add_fields (model, fm, defaults, field->path);
    }
}

RecapFormModel *
recap_form_model_new (RecapFrontMatter *fm)
{
  return recap_form_model_new_with_defaults (fm, NULL);
}

RecapFormModel *
recap_form_model_new_with_defaults (RecapFrontMatter *fm,
                                    GHashTable       *defaults)
{
  RecapFormModel *model = g_new0 (RecapFormModel, 1);
  GString *signature = g_string_new (NULL);

  g_return_val_if_fail (fm != NULL, NULL);

  model->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  add_fields (model, fm, defaults, NULL);
  for (guint i = 0; i < model->fields->len; i++)
    {
      const RecapFormField *field = model->fields->pdata[i];
      model->n_own += !field->absent;
      g_string_append_printf (signature, "%s:%u%s\n", field->path, field->kind, field->absent ? ":inherited" : "");
    }
  model->signature = g_string_free (signature, FALSE);
  return model;
}

void
recap_form_model_free (RecapFormModel *model)
{
  if (model == NULL)
    return;
  g_ptr_array_unref (model->fields);
  g_free (model->signature);
  g_free (model);
}

guint
recap_form_model_get_n_fields (RecapFormModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->fields->len;
}

const RecapFormField *
recap_form_model_get_field (RecapFormModel *model,
                            guint           index)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (index < model->fields->len, NULL);
  return model->fields->pdata[index];
}

guint
recap_form_model_get_n_own_fields (RecapFormModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->n_own;
}

gboolean
recap_form_model_is_too_big (RecapFormModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->n_own > RECAP_FORM_MAX_FIELDS;
}

const char *
recap_form_model_get_signature (RecapFormModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return model->signature;
}

char *
recap_form_field_dup_source (const RecapFormField *field,
                             const char           *text)
{
  const char *source = text + field->entry.value_start;
  gsize len = field->entry.value_end - field->entry.value_start;
  gsize shown = MIN (len, SOURCE_PREVIEW_MAX);

  /* Cut on a character boundary. */
  while (shown < len && shown > 0 && (source[shown] & 0xC0) == 0x80)
    shown--;
  return shown < len ? g_strdup_printf ("%.*s…", (int) shown, source) : g_strndup (source, len);
}

void
recap_form_field_get_position (const RecapFormField *field,
                               const char           *text,
                               guint                *line,
                               guint                *column)
{
  const char *key = text + field->entry.key_start;
  const char *line_start = text;

  *line = 1;
  for (const char *p = text; p < key; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = g_utf8_pointer_to_offset (line_start, key) + 1;
}
