/* recap-markdown.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-markdown-private.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>

static const char * const gfm_extensions[] = {
  "table", "strikethrough", "autolink", "tasklist", "tagfilter",
};

/* cmark-gfm's extension registry is global and not thread-safe to fill. */
static void
ensure_extensions_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
}

static int
cmark_options_for (RecapMarkdownFlags flags)
{
  int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

  if (flags & RECAP_MARKDOWN_SOURCEPOS)
    options |= CMARK_OPT_SOURCEPOS;
  if (flags & RECAP_MARKDOWN_SMART)
    options |= CMARK_OPT_SMART;
  return options;
}

/* A parser with the GFM extensions attached. */
static cmark_parser *
new_parser (int options)
{
  cmark_parser *parser;

  ensure_extensions_registered ();
  parser = cmark_parser_new (options);
  for (guint i = 0; i < G_N_ELEMENTS (gfm_extensions); i++)
    cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension (gfm_extensions[i]));
  return parser;
}

cmark_node *
recap_markdown_parse (const char         *markdown,
                      gsize               len,
                      RecapMarkdownFlags  flags)
{
  cmark_parser *parser;
  cmark_node *document;

  g_return_val_if_fail (markdown != NULL || len == 0, NULL);

  parser = new_parser (cmark_options_for (flags));
  cmark_parser_feed (parser, markdown ? markdown : "", len);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return document;
}

char *
recap_markdown_render (const char         *markdown,
                       gsize               len,
                       RecapMarkdownFlags  flags)
{
  int options = cmark_options_for (flags);
  cmark_parser *parser;
  cmark_node *document;
  char *cmark_html;
  char *html;

  g_return_val_if_fail (markdown != NULL || len == 0, NULL);

  parser = new_parser (options);
  cmark_parser_feed (parser, markdown ? markdown : "", len);
  document = cmark_parser_finish (parser);
  cmark_html = cmark_render_html (document, options, cmark_parser_get_syntax_extensions (parser));

  /* cmark allocates with its own (libc) allocator. */
  html = g_strdup (cmark_html);
  free (cmark_html);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return html;
}
