/* recap-language-names.c: readable names of dictionary codes
 *
 * The names and their translations come from Debian's iso-codes (the JSON
 * tables and the iso_639-2 / iso_3166-1 gettext domains), as GNOME's
 * language choosers do; without them the codes are shown.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "recap-language-names.h"

#define ISO_CODES_DIR "/usr/share/iso-codes/json"

/* alpha_2 -> name of the entries of one iso-codes table; empty without it. */
static GHashTable *
load_table (const char *file,
            const char *member)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *entries;

  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)) ||
      (entries = json_object_get_array_member (json_node_get_object (root), member)) == NULL)
    return names;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (entry, "name", NULL);

      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }
  return names;
}

static char *
language_name (GHashTable *languages,
               GHashTable *territories,
               const char *code)
{
  g_auto(GStrv) parts = g_strsplit_set (code, "_-", 2);
  const char *language = g_hash_table_lookup (languages, parts[0] ? parts[0] : "");
  const char *territory = parts[0] && parts[1] ? g_hash_table_lookup (territories, parts[1]) : NULL;

  if (language == NULL || (parts[0] && parts[1] && territory == NULL))
    return g_strdup (code);
  if (territory == NULL)
    return g_strdup (g_dgettext ("iso_639-2", language));
  /* TRANSLATORS: a dictionary's language and country, "English (United States)" */
  return g_strdup_printf (C_("language", "%s (%s)"), g_dgettext ("iso_639-2", language),
                          g_dgettext ("iso_3166-1", territory));
}

char **
recap_language_names (const char * const *codes)
{
  g_autoptr(GHashTable) languages = load_table ("iso_639-2.json", "639-2");
  g_autoptr(GHashTable) territories = load_table ("iso_3166-1.json", "3166-1");
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (codes != NULL, NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (names, language_name (languages, territories, codes[i]));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}
