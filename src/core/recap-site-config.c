/* recap-site-config.c
 *
 * A minimal read of _config.yml with libyaml's event parser: only the
 * top-level scalars Recap needs, until the site gets a full config model.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-site-config.h"

#include <string.h>
#include <yaml.h>

/* The value of top-level @key in the first document, or NULL. */
static char *
find_top_level_scalar (const char *text,
                       gsize       len,
                       const char *key)
{
  yaml_parser_t parser;
  yaml_event_t event;
  char *value = NULL;
  int depth = 0;           /* of collections */
  gboolean is_key = TRUE;  /* at depth 1: the next node is a key */
  gboolean matched = FALSE;
  gboolean done = FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  while (!done && yaml_parser_parse (&parser, &event))
    {
      gboolean node_at_top = depth == 1 &&
                             (event.type == YAML_SCALAR_EVENT || event.type == YAML_ALIAS_EVENT ||
                              event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT);

      if (node_at_top && !is_key && matched)
        {
          if (event.type == YAML_SCALAR_EVENT)
            value = g_strndup ((const char *) event.data.scalar.value, event.data.scalar.length);
          done = TRUE;
        }
      else if (node_at_top && is_key && event.type == YAML_SCALAR_EVENT)
        matched = g_str_equal ((const char *) event.data.scalar.value, key);
      if (node_at_top)
        is_key = !is_key;

      if (event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT)
        depth++;
      else if (event.type == YAML_MAPPING_END_EVENT || event.type == YAML_SEQUENCE_END_EVENT)
        depth--;
      done = done || event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  return value;
}

char *
recap_site_config_parse_baseurl (const char *text,
                                 gsize       len)
{
  g_autofree char *value = NULL;
  g_autofree char *trimmed = NULL;
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);

  value = find_top_level_scalar (text, len, "baseurl");
  if (value == NULL)
    return g_strdup ("");
  start = g_strstrip (value);
  while (*start == '/')
    start++;
  trimmed = g_strdup (start);
  while (*trimmed != '\0' && g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  return *trimmed == '\0' ? g_strdup ("") : g_strconcat ("/", trimmed, NULL);
}

static gboolean
load_config (GFile         *root,
             char         **text,
             gsize         *len,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) config = g_file_get_child (root, "_config.yml");

  return g_file_load_contents (config, cancellable, text, len, NULL, error);
}

char *
recap_site_config_read_baseurl (GFile        *root,
                                GCancellable *cancellable)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  if (!load_config (root, &text, &len, cancellable, NULL))
    return g_strdup ("");
  return recap_site_config_parse_baseurl (text, len);
}

char *
recap_site_config_parse_url (const char *text,
                             gsize       len)
{
  g_autofree char *value = NULL;
  char *url;

  g_return_val_if_fail (text != NULL, NULL);

  value = find_top_level_scalar (text, len, "url");
  url = g_strdup (value ? g_strstrip (value) : "");
  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  return url;
}

gboolean
recap_site_config_read_urls (GFile         *root,
                             char         **baseurl,
                             char         **url,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (root), FALSE);

  if (!load_config (root, &text, &len, cancellable, error))
    return FALSE;
  *baseurl = recap_site_config_parse_baseurl (text, len);
  *url = recap_site_config_parse_url (text, len);
  return TRUE;
}
