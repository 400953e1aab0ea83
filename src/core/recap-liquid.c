/* recap-liquid.c
 *
 * Owns how the preview shows Liquid. Hand-written: Recap needs to name
 * Liquid, not run it, and no Liquid library for C exists in Debian. Each
 * construct is swapped for a marker before cmark parses the markdown (so
 * that links keep their shape), and the markers are resolved in cmark's
 * tree, where code is told apart from text, links and raw HTML.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-liquid.h"

#include <string.h>

#include "recap-markdown-private.h"

/* Private-use characters around the index of a construct. */
#define MARK_START "\xee\x80\x80"
#define MARK_END   "\xee\x80\x81"

#define HIGHLIGHT_START "^[ \\t]*\\{%-?[ \\t]*highlight[ \\t]+([A-Za-z0-9_+#.-]+)[^%]*-?%\\}[ \\t\\r]*$"
#define HIGHLIGHT_END   "^[ \\t]*\\{%-?[ \\t]*endhighlight[ \\t]*-?%\\}[ \\t\\r]*$"
#define QUOTED_FILTER   "^(['\"])([^'\"]*)\\1[ \\t]*\\|[ \\t]*(relative|absolute)_url$"

typedef enum {
  ITEM_PLACEHOLDER,
  ITEM_HIDDEN,   /* {% raw %} and {% endraw %} */
  ITEM_BASEURL,
  ITEM_URL,
  ITEM_RELATIVE, /* argument: the quoted path */
  ITEM_ABSOLUTE,
  ITEM_POST,     /* argument: post_url's name */
  ITEM_LINK,     /* argument: link's path */
} ItemKind;

typedef struct {
  ItemKind  kind;
  char     *source;   /* as written */
  char     *argument; /* the placeholder's text, or the path */
} Item;

typedef struct {
  const RecapLiquidSite *site;
  GArray                *items;
  GRegex                *quoted_filter;
} Liquid;

static void
item_clear (Item *item)
{
  g_free (item->source);
  g_free (item->argument);
}

/* Classification */

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);
  return g_strjoinv (" ", kept);
}

static void
classify_output (Liquid     *liquid,
                 const char *inner,
                 Item       *item)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (g_str_equal (inner, "site.baseurl"))
    item->kind = ITEM_BASEURL;
  else if (g_str_equal (inner, "site.url"))
    item->kind = ITEM_URL;
  else if (g_regex_match (liquid->quoted_filter, inner, 0, &match))
    {
      g_autofree char *filter = g_match_info_fetch (match, 3);

      item->kind = g_str_equal (filter, "relative") ? ITEM_RELATIVE : ITEM_ABSOLUTE;
      item->argument = g_match_info_fetch (match, 2);
    }
}

static void
classify_tag (const char *inner,
              Item       *item)
{
  g_auto(GStrv) words = g_strsplit (inner, " ", 2);
  const char *name = words[0] ? words[0] : "";
  const char *argument = words[0] && words[1] ? g_strstrip (words[1]) : "";

  if (g_str_equal (name, "raw") || g_str_equal (name, "endraw"))
    item->kind = ITEM_HIDDEN;
  else if (g_str_equal (name, "post_url") && *argument != '\0')
    {
      item->kind = ITEM_POST;
      item->argument = g_strdup (argument);
    }
  else if (g_str_equal (name, "link") && *argument != '\0')
    {
      item->kind = ITEM_LINK;
      item->argument = g_strdup (argument);
    }
}

/* @source is "{{ … }}" or "{% … %}"; whitespace control dashes go. */
static Item
classify (Liquid     *liquid,
          const char *source,
          gsize       len)
{
  Item item = { ITEM_PLACEHOLDER, g_strndup (source, len), NULL };
  g_autofree char *inner = g_strndup (source + 2, len - 4);
  g_autofree char *collapsed = NULL;
  char *text = g_strstrip (inner);

  if (*text == '-')
    text++;
  if (g_str_has_suffix (text, "-"))
    text[strlen (text) - 1] = '\0';
  collapsed = collapse_spaces (text);
  if (source[1] == '{')
    classify_output (liquid, collapsed, &item);
  else
    classify_tag (collapsed, &item);
  if (item.argument == NULL)
    item.argument = g_steal_pointer (&collapsed);
  return item;
}

/* Masking */

static void
append_mark (GString *out,
             guint    index)
{
  g_string_append_printf (out, MARK_START "%u" MARK_END, index);
}

/* The end of the construct that starts at @start ("{{" or "{%") on its line. */
static const char *
construct_end (const char *start,
               const char *line_end)
{
  const char *close = start[1] == '{' ? "}}" : "%}";

  for (const char *p = start + 2; p + 1 < line_end; p++)
    if (p[0] == close[0] && p[1] == close[1])
      return p + 2;
  return NULL;
}

/* Masks the Liquid of one line into @out. Inside {% raw %} (@in_raw),
 * only {% endraw %} counts. */
static void
mask_line (Liquid     *liquid,
           const char *line,
           const char *line_end,
           gboolean   *in_raw,
           GString    *out)
{
  const char *p = line;

  while (p < line_end)
    {
      const char *start = p;
      const char *end;
      Item item;

      while (start + 1 < line_end && !(start[0] == '{' && (start[1] == '{' || start[1] == '%')))
        start++;
      end = start + 1 < line_end ? construct_end (start, line_end) : NULL;
      if (end == NULL)
        {
          g_string_append_len (out, p, line_end - p);
          return;
        }
      item = classify (liquid, start, end - start);
      if (*in_raw && !(item.kind == ITEM_HIDDEN && strstr (item.argument, "endraw") != NULL))
        {
          g_string_append_len (out, p, end - p);
          item_clear (&item);
          p = end;
          continue;
        }
      if (item.kind == ITEM_HIDDEN)
        *in_raw = g_str_equal (item.argument, "raw");
      g_string_append_len (out, p, start - p);
      append_mark (out, liquid->items->len);
      g_array_append_val (liquid->items, item);
      p = end;
    }
}

/* A fence longer than any backtick run in the lines up to the end tag. */
static char *
fence_for (const char * const *lines,
           GRegex             *end_regex)
{
  guint longest = 2;

  for (guint i = 0; lines[i] != NULL && !g_regex_match (end_regex, lines[i], 0, NULL); i++)
    for (const char *p = lines[i]; (p = strchr (p, '`')) != NULL;)
      {
        guint run = strspn (p, "`");
        longest = MAX (longest, run);
        p += run;
      }
  return g_strnfill (longest + 1, '`');
}

/* A tag or output written over a few lines becomes one line, its line
 * breaks moved after it, where they are soft breaks: the lines after it
 * keep their numbers. Not across a blank line, which ends a paragraph. */
static char *
join_split_constructs (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *start;

  while ((start = strchr (p, '{')) != NULL)
    {
      const char *close = start[1] == '{' ? "}}" : start[1] == '%' ? "%}" : NULL;
      const char *end = close ? strstr (start + 2, close) : NULL;
      const char *blank = close ? strstr (start + 2, "\n\n") : NULL;
      guint breaks = 0;

      if (end == NULL || (blank != NULL && blank < end) || memchr (start, '\n', end - start) == NULL)
        {
          g_string_append_len (out, p, start + 1 - p);
          p = start + 1;
          continue;
        }
      end += 2;
      g_string_append_len (out, p, start - p);
      for (const char *c = start; c < end; c++)
        {
          breaks += *c == '\n';
          g_string_append_c (out, *c == '\n' || *c == '\r' ? ' ' : *c);
        }
      for (guint i = 0; i < breaks; i++)
        g_string_append_c (out, '\n');
      p = end;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static char *
mask (Liquid     *liquid,
      const char *markdown,
      gsize       len)
{
  g_autoptr(GRegex) highlight_start = g_regex_new (HIGHLIGHT_START, 0, 0, NULL);
  g_autoptr(GRegex) highlight_end = g_regex_new (HIGHLIGHT_END, 0, 0, NULL);
  g_autofree char *copy = g_strndup (markdown, len);
  g_autofree char *text = join_split_constructs (copy);
  g_auto(GStrv) lines = NULL;
  g_autofree char *fence = NULL;
  GString *out = g_string_sized_new (len + 16);
  gboolean in_raw = FALSE;

  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (!in_raw && fence == NULL && g_regex_match (highlight_start, lines[i], 0, &match))
        {
          g_autofree char *language = g_match_info_fetch (match, 1);

          fence = fence_for ((const char * const *) lines + i + 1, highlight_end);
          g_string_append_printf (out, "%s%s", fence, language);
        }
      else if (!in_raw && fence != NULL && g_regex_match (highlight_end, lines[i], 0, NULL))
        {
          g_string_append (out, fence);
          g_clear_pointer (&fence, g_free);
        }
      else
        mask_line (liquid, lines[i], lines[i] + strlen (lines[i]), &in_raw, out);
    }
  return g_string_free (out, FALSE);
}

/* Resolving */

typedef enum {
  CONTEXT_TEXT, /* HTML for text */
  CONTEXT_URL,  /* a site-rooted URL */
  CONTEXT_CODE, /* as written */
} Context;

static char *
join_path (const char *base,
           const char *path)
{
  if (g_uri_peek_scheme (path) != NULL)
    return g_strdup (path);
  return g_strconcat (base, *path == '/' ? "" : "/", path, NULL);
}

static char *
item_url (const Item *item)
{
  switch (item->kind)
    {
    case ITEM_RELATIVE:
    case ITEM_ABSOLUTE:
      return join_path ("", item->argument);
    case ITEM_POST:
      return join_path ("/_posts", item->argument);
    case ITEM_LINK:
      return join_path ("", item->argument);
    case ITEM_PLACEHOLDER:
    case ITEM_HIDDEN:
    case ITEM_BASEURL:
    case ITEM_URL:
    default:
      return g_strdup ("");
    }
}

static char *
item_text_html (const Liquid *liquid,
                const Item   *item)
{
  const char *baseurl = liquid->site && liquid->site->baseurl ? liquid->site->baseurl : "";
  const char *url = liquid->site && liquid->site->url ? liquid->site->url : "";
  g_autofree char *full = NULL;
  g_autofree char *href = NULL;

  switch (item->kind)
    {
    case ITEM_BASEURL:
      return g_markup_escape_text (baseurl, -1);
    case ITEM_URL:
      return g_markup_escape_text (url, -1);
    case ITEM_RELATIVE:
      full = join_path (baseurl, item->argument);
      return g_markup_escape_text (full, -1);
    case ITEM_ABSOLUTE:
      full = join_path (baseurl, item->argument);
      return g_markup_printf_escaped ("%s%s", g_uri_peek_scheme (full) ? "" : url, full);
    case ITEM_POST:
    case ITEM_LINK:
      href = item_url (item);
      return g_markup_printf_escaped ("<a class=\"" RECAP_LIQUID_POST_LINK_CLASS "\" href=\"%s\">%s</a>",
                                      href, item->argument);
    case ITEM_HIDDEN:
      return g_strdup ("");
    case ITEM_PLACEHOLDER:
    default:
      return g_markup_printf_escaped ("<span class=\"liquid\" title=\"%s\">%s</span>",
                                      item->source, item->argument);
    }
}

/* Whether @p, in raw HTML starting at @html, is inside a tag. */
static gboolean
inside_tag (const char *html,
            const char *p)
{
  const char *open = g_strrstr_len (html, p - html, "<");
  const char *close = g_strrstr_len (html, p - html, ">");

  return open != NULL && (close == NULL || close < open);
}

static void
append_plain (GString    *out,
              const char *text,
              gsize       len,
              gboolean    escape)
{
  g_autofree char *escaped = escape ? g_markup_escape_text (text, len) : NULL;

  if (escaped != NULL)
    g_string_append (out, escaped);
  else
    g_string_append_len (out, text, len);
}

/* @text with its marks resolved for @context; plain text is escaped in
 * CONTEXT_TEXT. Raw HTML (@in_html) resolves marks inside tags as URLs. */
static char *
resolve (const Liquid *liquid,
         const char   *text,
         Context       context,
         gboolean      in_html)
{
  gboolean escape = context == CONTEXT_TEXT && !in_html;
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *mark;

  while ((mark = strstr (p, MARK_START)) != NULL)
    {
      const char *number = mark + strlen (MARK_START);
      char *number_end;
      guint64 index = g_ascii_strtoull (number, &number_end, 10);
      const Item *item;
      g_autofree char *value = NULL;

      if (number_end == number || !g_str_has_prefix (number_end, MARK_END) || index >= liquid->items->len)
        break;
      item = &g_array_index (liquid->items, Item, index);
      append_plain (out, p, mark - p, escape);
      if (context == CONTEXT_CODE)
        value = g_strdup (item->kind == ITEM_HIDDEN ? "" : item->source);
      else if (context == CONTEXT_URL || (in_html && inside_tag (text, mark)))
        value = item_url (item);
      else
        value = item_text_html (liquid, item);
      g_string_append (out, value);
      p = number_end + strlen (MARK_END);
    }
  append_plain (out, p, strlen (p), escape);
  return g_string_free (out, FALSE);
}

static gboolean
has_mark (const char *text)
{
  return text != NULL && strstr (text, MARK_START) != NULL;
}

/* A text node with marks becomes raw HTML. */
static void
resolve_text (const Liquid *liquid,
              cmark_node   *node)
{
  g_autofree char *html = resolve (liquid, cmark_node_get_literal (node), CONTEXT_TEXT, FALSE);
  cmark_node *replacement = cmark_node_new (CMARK_NODE_HTML_INLINE);

  cmark_node_set_literal (replacement, html);
  cmark_node_replace (node, replacement);
  cmark_node_free (node);
}

static void
resolve_node (const Liquid *liquid,
              cmark_node   *node)
{
  g_autofree char *value = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      resolve_text (liquid, node);
      break;
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
      value = resolve (liquid, cmark_node_get_literal (node), CONTEXT_CODE, FALSE);
      cmark_node_set_literal (node, value);
      break;
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
      value = resolve (liquid, cmark_node_get_literal (node), CONTEXT_TEXT, TRUE);
      cmark_node_set_literal (node, value);
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      value = resolve (liquid, cmark_node_get_url (node), CONTEXT_URL, FALSE);
      cmark_node_set_url (node, value);
      g_clear_pointer (&value, g_free);
      value = resolve (liquid, cmark_node_get_title (node), CONTEXT_CODE, FALSE);
      cmark_node_set_title (node, value);
      break;
    default:
      break;
    }
}

static gboolean
node_has_mark (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      return has_mark (cmark_node_get_url (node)) || has_mark (cmark_node_get_title (node));
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
      return has_mark (cmark_node_get_literal (node));
    default:
      return FALSE;
    }
}

/* Nodes are changed after the walk: replacing one would end it. */
static void
resolve_tree (cmark_node *document,
              gpointer    user_data)
{
  const Liquid *liquid = user_data;
  g_autoptr(GPtrArray) marked = g_ptr_array_new ();
  cmark_iter *iter;
  cmark_event_type event;

  if (liquid->items->len == 0)
    return;
  cmark_consolidate_text_nodes (document);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER && node_has_mark (cmark_iter_get_node (iter)))
      g_ptr_array_add (marked, cmark_iter_get_node (iter));
  cmark_iter_free (iter);
  for (guint i = 0; i < marked->len; i++)
    resolve_node (liquid, g_ptr_array_index (marked, i));
}

char *
recap_liquid_render_markdown (const char            *markdown,
                              gsize                  len,
                              const RecapLiquidSite *site,
                              RecapMarkdownFlags     flags)
{
  Liquid liquid = { site, g_array_new (FALSE, FALSE, sizeof (Item)), NULL };
  g_autofree char *masked = NULL;
  char *html;

  g_return_val_if_fail (markdown != NULL || len == 0, NULL);

  g_array_set_clear_func (liquid.items, (GDestroyNotify) item_clear);
  liquid.quoted_filter = g_regex_new (QUOTED_FILTER, 0, 0, NULL);
  /* Most posts have no Liquid at all. */
  if (markdown == NULL || (g_strstr_len (markdown, len, "{{") == NULL && g_strstr_len (markdown, len, "{%") == NULL))
    masked = g_strndup (markdown ? markdown : "", len);
  else
    masked = mask (&liquid, markdown, len);
  html = recap_markdown_render_edited (masked, strlen (masked), flags | RECAP_MARKDOWN_SAFE_HTML,
                                       resolve_tree, &liquid);
  g_array_unref (liquid.items);
  g_regex_unref (liquid.quoted_filter);
  return html;
}
