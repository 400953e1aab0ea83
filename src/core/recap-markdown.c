/* recap-markdown.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-markdown-private.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

#include "recap-html-sanitize.h"

static const char * const gfm_extensions[] = {
  "table", "strikethrough", "autolink", "tasklist",
};
/* Escapes <script> and the like to text; the sanitizer drops them instead. */
#define TAGFILTER "tagfilter"

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
  int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES;

  if (flags & RECAP_MARKDOWN_SOURCEPOS)
    options |= CMARK_OPT_SOURCEPOS;
  if (flags & RECAP_MARKDOWN_SMART)
    options |= CMARK_OPT_SMART;
  if (flags & RECAP_MARKDOWN_SAFE_HTML)
    options |= CMARK_OPT_UNSAFE;
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
  if (!(options & CMARK_OPT_UNSAFE))
    cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension (TAGFILTER));
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

/* cmark's own markup is safe as long as no raw HTML and no URL the
 * sanitizer would drop is in the tree: most posts then skip the sanitizer,
 * which takes longer than cmark itself on a large post. */
static gboolean
needs_sanitizing (cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  gboolean needed = FALSE;
  cmark_event_type event;

  while (!needed && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          needed = TRUE;
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          needed = !recap_html_is_allowed_url (cmark_node_get_url (node));
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  return needed;
}

char *
recap_markdown_render_edited (const char         *markdown,
                              gsize               len,
                              RecapMarkdownFlags  flags,
                              RecapMarkdownEdit   edit,
                              gpointer            user_data)
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
  if (edit != NULL)
    edit (document, user_data);
  cmark_html = cmark_render_html (document, options, cmark_parser_get_syntax_extensions (parser));

  /* cmark allocates with its own (libc) allocator. */
  if ((flags & RECAP_MARKDOWN_SAFE_HTML) && needs_sanitizing (document))
    html = recap_html_sanitize (cmark_html, strlen (cmark_html));
  else
    html = g_strdup (cmark_html);
  free (cmark_html);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return html;
}

char *
recap_markdown_render (const char         *markdown,
                       gsize               len,
                       RecapMarkdownFlags  flags)
{
  return recap_markdown_render_edited (markdown, len, flags, NULL, NULL);
}
