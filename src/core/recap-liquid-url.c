/* recap-liquid-url.c
 *
 * Only two fixed Liquid forms are understood, so a GRegex does it; a
 * Liquid engine is out of scope.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-liquid-url.h"

#include <string.h>

/* "{{ site.baseurl }}" and "{{ 'x' | relative_url }}" (or "x", absolute_url). */
#define LIQUID_URL_PATTERN \
  "\\{\\{\\s*site\\.baseurl\\s*\\}\\}" \
  "|\\{\\{\\s*(['\"])([^'\"\\n]*)\\1\\s*\\|\\s*(?:relative|absolute)_url\\s*\\}\\}"

static gboolean
expand_match (const GMatchInfo *match,
              GString          *result,
              gpointer          user_data)
{
  g_autofree char *path = g_match_info_fetch (match, 2);

  /* Empty for site.baseurl; the quoted path for the filters. */
  if (path != NULL)
    g_string_append (result, path);
  return FALSE;
}

char *
recap_liquid_url_expand (const char *text,
                         gsize       len)
{
  g_autoptr(GRegex) regex = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most posts have no Liquid at all: skip the regex. */
  if (g_strstr_len (text, len, "{{") == NULL)
    return g_strndup (text, len);
  regex = g_regex_new (LIQUID_URL_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (regex != NULL);
  return g_regex_replace_eval (regex, text, len, 0, 0, expand_match, NULL, NULL);
}

char *
recap_liquid_url_for (const char *site_path,
                      const char *baseurl)
{
  g_return_val_if_fail (site_path != NULL && site_path[0] == '/', NULL);

  if (baseurl == NULL || *baseurl == '\0')
    return g_strdup (site_path);
  return g_strconcat ("{{ site.baseurl }}", site_path, NULL);
}
