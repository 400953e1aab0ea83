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

char *
recap_site_config_read_baseurl (GFile        *root,
                                GCancellable *cancellable)
{
  g_autoptr(GFile) config = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  config = g_file_get_child (root, "_config.yml");
  if (!g_file_load_contents (config, cancellable, &text, &len, NULL, NULL))
    return g_strdup ("");
  return recap_site_config_parse_baseurl (text, len);
}

/* The next event's type, the event kept in @event; YAML_NO_EVENT on a
 * parse error. */
static yaml_event_type_t
next_event (yaml_parser_t *parser,
            yaml_event_t  *event)
{
  if (!yaml_parser_parse (parser, event))
    {
      memset (event, 0, sizeof *event);
      return YAML_NO_EVENT;
    }
  return event->type;
}

/* Consumes the rest of a node whose first event was of @type. */
static gboolean
skip_node (yaml_parser_t     *parser,
           yaml_event_type_t  type)
{
  int depth = type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT;

  while (depth > 0)
    {
      yaml_event_t event;

      type = next_event (parser, &event);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT)
        return FALSE;
      if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT)
        depth++;
      else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT)
        depth--;
    }
  return TRUE;
}

/* In a mapping whose start was read: reads up to @key, so that the next
 * event is its value, and returns TRUE; FALSE when it has no such key. */
static gboolean
find_key (yaml_parser_t *parser,
          const char    *key)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);
      gboolean found = type == YAML_SCALAR_EVENT && g_str_equal ((const char *) event.data.scalar.value, key);

      yaml_event_delete (&event);
      if (found)
        return TRUE;
      if (type == YAML_NO_EVENT || type == YAML_MAPPING_END_EVENT || !skip_node (parser, type))
        return FALSE;
      type = next_event (parser, &event);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || !skip_node (parser, type))
        return FALSE;
    }
}

/* Reads the next event and tells whether it is of @type. */
static gboolean
expect (yaml_parser_t     *parser,
        yaml_event_type_t  type)
{
  yaml_event_t event;
  gboolean matched = next_event (parser, &event) == type;

  yaml_event_delete (&event);
  return matched;
}

/* The scalars of the sequence whose start was read (nested nodes skipped). */
static void
read_scalars (yaml_parser_t *parser,
              GStrvBuilder  *builder)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);

      if (type == YAML_SCALAR_EVENT)
        g_strv_builder_add (builder, (const char *) event.data.scalar.value);
      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || type == YAML_SEQUENCE_END_EVENT || !skip_node (parser, type))
        return;
    }
}

/* Reads to the end of the stream: FALSE on a YAML error, as Jekyll
 * rejects a file it cannot parse as a whole. */
static gboolean
rest_is_valid (yaml_parser_t *parser)
{
  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type = next_event (parser, &event);

      yaml_event_delete (&event);
      if (type == YAML_NO_EVENT || type == YAML_STREAM_END_EVENT)
        return type == YAML_STREAM_END_EVENT;
    }
}

GStrv
recap_site_config_parse_disabled_rules (const char *text,
                                        gsize       len)
{
  g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
  yaml_parser_t parser;
  gboolean valid;

  g_return_val_if_fail (text != NULL, NULL);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  if (expect (&parser, YAML_STREAM_START_EVENT) && expect (&parser, YAML_DOCUMENT_START_EVENT) &&
      expect (&parser, YAML_MAPPING_START_EVENT) && find_key (&parser, "recap") &&
      expect (&parser, YAML_MAPPING_START_EVENT) && find_key (&parser, "disable") &&
      expect (&parser, YAML_SEQUENCE_START_EVENT))
    read_scalars (&parser, rules);
  valid = rest_is_valid (&parser);
  yaml_parser_delete (&parser);
  if (!valid)
    return g_new0 (char *, 1);
  return g_strv_builder_end (rules);
}
