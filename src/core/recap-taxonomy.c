/* recap-taxonomy.c: counts, near-duplicates and edits of tags, categories
 * and authors. The plural rule is hand-written: English -s/-es/-ies is
 * what tags on these sites use, and no Debian library stems words for GLib.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-taxonomy.h"

#include <glib/gi18n.h>
#include <string.h>

static const char * const taxonomy_keys[] = {
  [RECAP_TAXONOMY_TAGS] = "tags",
  [RECAP_TAXONOMY_CATEGORIES] = "categories",
  [RECAP_TAXONOMY_AUTHORS] = "author",
};

const char *
recap_taxonomy_key (RecapTaxonomy taxonomy)
{
  g_return_val_if_fail (taxonomy < G_N_ELEMENTS (taxonomy_keys), NULL);
  return taxonomy_keys[taxonomy];
}

GStrv
recap_taxonomy_post_values (RecapTaxonomy  taxonomy,
                            RecapPost     *post)
{
  const char *author;

  switch (taxonomy)
    {
    case RECAP_TAXONOMY_TAGS:
      return g_strdupv ((GStrv) recap_post_get_tags (post));
    case RECAP_TAXONOMY_CATEGORIES:
      return g_strdupv ((GStrv) recap_post_get_categories (post));
    case RECAP_TAXONOMY_AUTHORS:
    default:
      author = recap_post_get_author (post);
      return author ? g_strdupv ((char *[]) { (char *) author, NULL }) : NULL;
    }
}

gboolean
recap_taxonomy_post_has (RecapTaxonomy  taxonomy,
                         RecapPost     *post,
                         const char    *value)
{
  switch (taxonomy)
    {
    case RECAP_TAXONOMY_TAGS:
      return recap_post_get_tags (post) && g_strv_contains (recap_post_get_tags (post), value);
    case RECAP_TAXONOMY_CATEGORIES:
      return recap_post_get_categories (post) && g_strv_contains (recap_post_get_categories (post), value);
    case RECAP_TAXONOMY_AUTHORS:
    default:
      return g_strcmp0 (recap_post_get_author (post), value) == 0;
    }
}

char *
recap_taxonomy_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  folded = g_utf8_casefold (bare->str, bare->len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

void
recap_taxonomy_entry_free (RecapTaxonomyEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const RecapTaxonomyEntry *x = *(RecapTaxonomyEntry **) a;
  const RecapTaxonomyEntry *y = *(RecapTaxonomyEntry **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
recap_taxonomy_count (GListModel    *posts,
                      RecapTaxonomy  taxonomy)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) recap_taxonomy_entry_free);
  guint n = g_list_model_get_n_items (posts);
  GHashTableIter iter;
  gpointer name, count;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      g_auto(GStrv) values = recap_taxonomy_post_values (taxonomy, post);

      for (guint v = 0; values && values[v]; v++)
        {
          /* A post that lists a value twice counts once. */
          if (g_strv_contains ((const char * const *) values + v + 1, values[v]))
            continue;
          count = g_hash_table_lookup (counts, values[v]);
          g_hash_table_insert (counts, g_strdup (values[v]), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      RecapTaxonomyEntry *entry = g_new0 (RecapTaxonomyEntry, 1);

      entry->name = g_strdup (name);
      entry->count = GPOINTER_TO_UINT (count);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static gboolean
ends_with (const GString *word,
           const char    *suffix)
{
  gsize len = strlen (suffix);

  return word->len > len + 2 && strcmp (word->str + word->len - len, suffix) == 0;
}

/* The singular of an English plural, roughly: stories → story, classes →
 * class, meetups → meetup; "ss", "us" and "is" endings are no plurals. */
static void
strip_plural (GString *word)
{
  static const char * const es_endings[] = { "sses", "xes", "ches", "shes", "zes" };

  if (ends_with (word, "ies"))
    {
      g_string_truncate (word, word->len - 3);
      g_string_append_c (word, 'y');
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (es_endings); i++)
    if (ends_with (word, es_endings[i]))
      {
        g_string_truncate (word, word->len - 2);
        return;
      }
  if (ends_with (word, "s") && !ends_with (word, "ss") && !ends_with (word, "us") && !ends_with (word, "is"))
    g_string_truncate (word, word->len - 1);
}

/* "Meet-ups", "meetup" and "MEETUPS" share a key. */
static char *
near_duplicate_key (const char *name)
{
  g_autofree char *folded = recap_taxonomy_fold (name);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (*p != '-' && *p != '_' && *p != ' ')
      g_string_append_c (key, *p);
  strip_plural (key);
  return g_string_free (key, FALSE);
}

GPtrArray *
recap_taxonomy_near_duplicates (GPtrArray *entries)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *near = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (entries->len);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, entries->pdata[i]);
  g_ptr_array_sort (sorted, compare_entries);
  for (guint i = 0; i < sorted->len; i++)
    {
      RecapTaxonomyEntry *entry = sorted->pdata[i];
      char *key = near_duplicate_key (entry->name);
      GPtrArray *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, key, group);
          g_ptr_array_add (order, group);
        }
      else
        g_free (key);
      g_ptr_array_add (group, entry->name);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = order->pdata[i];

      if (group->len < 2)
        continue;
      g_ptr_array_add (group, NULL);
      g_ptr_array_add (near, g_strdupv ((GStrv) group->pdata));
    }
  return near;
}

GPtrArray *
recap_taxonomy_files_with (GListModel    *posts,
                           RecapTaxonomy  taxonomy,
                           const char    *value)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);

      if (recap_taxonomy_post_has (taxonomy, post, value))
        g_ptr_array_add (files, g_object_ref (recap_post_get_file (post)));
    }
  return files;
}

/* Edits */

static gboolean
is_old_value (const RecapValueEdit *edit,
              const char           *value)
{
  return edit->old_values != NULL && g_strv_contains (edit->old_values, value);
}

/* @values with the edit made; NULL when nothing changes. */
static GStrv
edited_values (GStrv                 values,
               const RecapValueEdit *edit)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  gboolean changed = FALSE;

  for (guint i = 0; values && values[i]; i++)
    {
      const char *value = values[i];

      if (is_old_value (edit, value))
        {
          changed = TRUE;
          value = edit->new_value;
        }
      /* Merging: the new name appears once, where it first stood. */
      if (value != NULL && !g_ptr_array_find_with_equal_func (items, value, g_str_equal, NULL))
        g_ptr_array_add (items, (gpointer) value);
    }
  if (edit->old_values == NULL && !g_ptr_array_find_with_equal_func (items, edit->new_value, g_str_equal, NULL))
    {
      g_ptr_array_add (items, (gpointer) edit->new_value);
      changed = TRUE;
    }
  if (!changed)
    return NULL;
  g_ptr_array_add (items, NULL);
  return g_strdupv ((GStrv) items->pdata);
}

/* `author: Kim` as one string: set, renamed or removed as a scalar. */
static gboolean
edit_scalar (const char            *text,
             gsize                  len,
             const char            *key,
             const char            *value,
             const RecapValueEdit  *edit,
             RecapFrontMatterEdit  *out,
             GError               **error)
{
  if (edit->old_values == NULL)
    return value != NULL ? recap_edit_no_change (out) : recap_front_matter_set_string (text, len, key, edit->new_value, out, error);
  if (value == NULL || !is_old_value (edit, value))
    return recap_edit_no_change (out);
  if (edit->new_value == NULL)
    return recap_front_matter_remove_key (text, len, key, out, error);
  return recap_front_matter_set_string (text, len, key, edit->new_value, out, error);
}

gboolean
recap_edit_values (GFile                *file,
                   const char           *text,
                   gsize                 len,
                   gconstpointer         data,
                   RecapFrontMatterEdit *out,
                   GError              **error)
{
  const RecapValueEdit *edit = data;
  const char *key = recap_taxonomy_key (edit->taxonomy);
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text, len, error);
  g_autofree char *scalar = NULL;
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) edited = NULL;

  g_assert (edit->old_values != NULL || edit->new_value != NULL);

  if (fm == NULL)
    return FALSE;
  if (edit->taxonomy == RECAP_TAXONOMY_AUTHORS && (scalar = recap_front_matter_get_string (fm, key)) != NULL)
    return edit_scalar (text, len, key, scalar, edit, out, error);
  if (edit->taxonomy == RECAP_TAXONOMY_AUTHORS && !recap_front_matter_has_key (fm, key))
    return edit_scalar (text, len, key, NULL, edit, out, error);
  values = recap_front_matter_get_list (fm, key);
  edited = edited_values (values, edit);
  if (edited == NULL)
    return recap_edit_no_change (out);
  /* Writing the strings back would drop the list's maps and lists. */
  g_clear_pointer (&values, g_strfreev);
  if (recap_front_matter_has_key (fm, key) && (values = recap_front_matter_get_plain_list (fm, key)) == NULL)
    {
      g_set_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY,
                   _("“%s” holds more than words; edit it in the source"), key);
      return FALSE;
    }
  return recap_front_matter_set_list (text, len, key, (const char * const *) edited, out, error);
}

gboolean
recap_edit_key (GFile                *file,
                const char           *text,
                gsize                 len,
                gconstpointer         data,
                RecapFrontMatterEdit *out,
                GError              **error)
{
  const RecapKeyEdit *edit = data;
  g_autoptr(GError) edit_error = NULL;
  g_autoptr(RecapFrontMatter) fm = NULL;

  /* Most files take the edit, which parses them: only a file that does not
   * is parsed again, to tell why (the parser's error, or no key to remove). */
  if (edit->value != NULL ? recap_front_matter_set_string (text, len, edit->key, edit->value, out, &edit_error)
                          : recap_front_matter_remove_key (text, len, edit->key, out, &edit_error))
    return TRUE;
  fm = recap_front_matter_parse (text, len, error);
  if (fm == NULL)
    return FALSE;
  if (edit->value == NULL && !recap_front_matter_has_key (fm, edit->key))
    return recap_edit_no_change (out);
  g_propagate_error (error, g_steal_pointer (&edit_error));
  return FALSE;
}
