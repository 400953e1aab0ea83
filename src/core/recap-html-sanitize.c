/* recap-html-sanitize.c
 *
 * Owns the allow-list the preview and exports put raw HTML through. The
 * markup is parsed by libxml2's HTML parser (the browser-like tree builder
 * GNOME already ships), cleaned as a tree and serialized again, so that
 * nothing depends on how a string was spelled: entities, case, stray
 * quotes and unclosed tags all arrive as the tree a browser would build.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-html-sanitize.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

/* Kept as they are, with their allowed attributes: GitHub's list, the
 * elements cmark-gfm writes itself, and picture/source. */
static const char * const allowed_elements[] = {
  "a", "abbr", "b", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del",
  "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
  "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p",
  "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source",
  "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
  "th", "thead", "time", "tr", "tt", "ul", "var", "wbr",
};

/* Gone with everything inside: what runs, loads, submits or styles, and
 * the fallback text of embedded media. Other unknown tags go, their
 * content stays. */
static const char * const dropped_elements[] = {
  "applet", "audio", "base", "basefont", "button", "canvas", "embed", "form", "frame",
  "frameset", "head", "iframe", "link", "math", "meta", "noembed", "noframes",
  "noscript", "object", "option", "param", "plaintext", "script", "select", "style",
  "svg", "template", "textarea", "title", "video", "xmp",
};

static const char * const allowed_attributes[] = {
  "abbr", "align", "alt", "aria-hidden", "aria-label", "border", "cellpadding",
  "cellspacing", "checked", "class", "colspan", "data-footnote-backref",
  "data-footnote-backref-idx", "data-footnote-ref", "data-footnotes", "data-sourcepos",
  "datetime", "dir", "disabled", "headers", "height", "id", "lang", "media", "open",
  "reversed", "role", "rowspan", "scope", "sizes", "span", "start", "title", "type",
  "valign", "value", "width",
};

/* Attributes holding one URL, or a srcset list of them. */
static const char * const url_attributes[] = { "href", "src" };
#define SRCSET "srcset"

/* Void in HTML5 but unknown to libxml2's HTML 4 parser, which would nest
 * what follows them inside. */
static const char * const html5_void_elements[] = { "source", "track", "wbr" };

static const char * const allowed_schemes[] = { "http", "https", "mailto" };

/* An img or source tag whose src or one of whose srcset URLs is http(s). */
#define REMOTE_IMAGE_PATTERN "<(?:img|source)\\b[^>]*\\b(?:src|srcset)=\"(?:[^\"]*,\\s*)?https?:"

static gboolean
name_in (const xmlChar     *name,
         const char * const list[],
         gsize               len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_strcasecmp ((const char *) name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define NAME_IN(name, list) name_in ((name), (list), G_N_ELEMENTS (list))

/* Browsers skip ASCII whitespace and controls around a URL and tabs and
 * newlines inside it ("java\tscript:"): read the scheme the same way. A
 * URL without one is relative to the post, which is allowed. */
gboolean
recap_html_is_allowed_url (const char *url)
{
  g_autoptr(GString) scheme = g_string_new (NULL);

  if (url == NULL)
    return TRUE;
  for (const char *p = url; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ')
        continue;
      if (*p == ':')
        return NAME_IN ((const xmlChar *) scheme->str, allowed_schemes);
      if (*p == '/' || *p == '?' || *p == '#')
        return TRUE;
      g_string_append_c (scheme, *p);
    }
  return TRUE;
}

/* "a.png 1x, b.png 2x": every candidate must be an allowed URL. */
static gboolean
is_allowed_srcset (const char *srcset)
{
  g_auto(GStrv) candidates = g_strsplit (srcset, ",", -1);

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (candidates[i]), " ", 2);

      if (parts[0] != NULL && !recap_html_is_allowed_url (parts[0]))
        return FALSE;
    }
  return TRUE;
}

/* libxml2 writes '<', '>' and quotes of URLs as they are; percent-encoded,
 * they mean the same and the markup stays easy to split. */
static char *
encode_url (const char *url)
{
  return g_uri_escape_string (url, "!#$%&()*+,-./:;=?@[]^_`{|}~ ", TRUE);
}

static gboolean
keep_attribute (xmlNode *element,
                xmlAttr *attribute)
{
  g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attribute);
  const xmlChar *name = attribute->name;

  if (attribute->ns != NULL)
    return FALSE;
  if (NAME_IN (name, url_attributes))
    {
      g_autofree char *encoded = NULL;

      if (value == NULL || !recap_html_is_allowed_url (value))
        return FALSE;
      encoded = encode_url (value);
      xmlSetProp (element, name, (const xmlChar *) encoded);
      return TRUE;
    }
  if (g_ascii_strcasecmp ((const char *) name, SRCSET) == 0)
    return value != NULL && is_allowed_srcset (value);
  return NAME_IN (name, allowed_attributes);
}

static void
filter_attributes (xmlNode *element)
{
  xmlAttr *next;

  for (xmlAttr *attribute = element->properties; attribute != NULL; attribute = next)
    {
      next = attribute->next;
      if (!keep_attribute (element, attribute))
        xmlRemoveProp (attribute);
    }
}

/* Only the disabled checkboxes of task lists. */
static gboolean
is_allowed_input (xmlNode *element)
{
  g_autofree char *type = (char *) xmlGetProp (element, (const xmlChar *) "type");

  if (g_strcmp0 (type, "checkbox") != 0)
    return FALSE;
  xmlSetProp (element, (const xmlChar *) "disabled", (const xmlChar *) "");
  return TRUE;
}

/* Moves @element's children out after it. */
static void
hoist_children (xmlNode *element)
{
  xmlNode *after = element;

  while (element->children != NULL)
    {
      xmlNode *child = element->last;

      xmlUnlinkNode (child);
      xmlAddNextSibling (after, child);
    }
}

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

static void sanitize_children (xmlNode *parent);

/* Children are cleaned first: an unwrapped element leaves them in its place. */
static void
sanitize_element (xmlNode *element)
{
  if (NAME_IN (element->name, dropped_elements))
    {
      remove_node (element);
      return;
    }
  sanitize_children (element);
  if (!NAME_IN (element->name, allowed_elements) ||
      (xmlStrcasecmp (element->name, (const xmlChar *) "input") == 0 && !is_allowed_input (element)))
    {
      hoist_children (element);
      remove_node (element);
      return;
    }
  filter_attributes (element);
}

static void
sanitize_children (xmlNode *parent)
{
  xmlNode *next;

  for (xmlNode *node = parent->children; node != NULL; node = next)
    {
      if (node->type == XML_ELEMENT_NODE && NAME_IN (node->name, html5_void_elements))
        hoist_children (node); /* they come next in this walk */
      next = node->next;
      if (node->type == XML_ELEMENT_NODE)
        sanitize_element (node);
      else if (node->type != XML_TEXT_NODE)
        remove_node (node);
    }
}

static xmlNode *
find_body (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *body;

      if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) "body") == 0)
        return node;
      if ((body = find_body (node->children)) != NULL)
        return body;
    }
  return NULL;
}

/* libxml2 closes the void elements it does not know; since text and
 * attributes are escaped, "</source>" can only be such an end tag. */
static char *
serialize_children (xmlDoc  *document,
                    xmlNode *parent)
{
  xmlOutputBuffer *output = xmlAllocOutputBuffer (NULL);
  GString *html;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    htmlNodeDumpFormatOutput (output, document, node, "UTF-8", 0);
  xmlOutputBufferFlush (output);
  html = g_string_new_len ((const char *) xmlOutputBufferGetContent (output), xmlOutputBufferGetSize (output));
  xmlOutputBufferClose (output);
  for (guint i = 0; i < G_N_ELEMENTS (html5_void_elements); i++)
    {
      g_autofree char *end_tag = g_strdup_printf ("</%s>", html5_void_elements[i]);
      g_string_replace (html, end_tag, "", 0);
    }
  return g_string_free (html, FALSE);
}

char *
recap_html_sanitize (const char *html,
                     gsize       len)
{
  static const char prefix[] = "<!DOCTYPE html><html><head></head><body>";
  g_autofree char *valid = g_utf8_make_valid (html ? html : "", len);
  g_autoptr(GString) page = g_string_sized_new (len + sizeof prefix);
  htmlDocPtr document;
  xmlNode *body;
  char *result;

  g_return_val_if_fail (html != NULL || len == 0, NULL);

  g_string_append (page, prefix);
  g_string_append (page, valid);
  document = htmlReadMemory (page->str, page->len, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
  body = document ? find_body (xmlDocGetRootElement (document)) : NULL;
  if (body == NULL)
    {
      g_clear_pointer (&document, xmlFreeDoc);
      return g_strdup ("");
    }
  sanitize_children (body);
  result = serialize_children (document, body);
  xmlFreeDoc (document);
  return result;
}

gboolean
recap_html_has_remote_images (const char *html)
{
  g_autoptr(GRegex) remote = NULL;

  g_return_val_if_fail (html != NULL, FALSE);

  remote = g_regex_new (REMOTE_IMAGE_PATTERN, G_REGEX_CASELESS, 0, NULL);
  return g_regex_match (remote, html, 0, NULL);
}
