/* recap-post-html.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post-html.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-front-matter.h"
#include "recap-jekyll-date.h"
#include "recap-jekyll-doc.h"
#include "recap-liquid.h"
#include "recap-post.h"

G_GNUC_PRINTF (2, 3)
static void
append_markup (GString    *html,
               const char *format,
               ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, markup);
}

static char *
get_text (RecapFrontMatter *fm,
          const char       *path)
{
  g_autofree char *value = fm ? recap_front_matter_get_string (fm, path) : NULL;

  return value && *g_strstrip (value) ? g_steal_pointer (&value) : NULL;
}

static gboolean
is_draft (RecapFrontMatter *fm,
          const char       *relative_path)
{
  gboolean published = TRUE;

  if (fm != NULL)
    recap_front_matter_get_boolean (fm, "published", &published);
  return !published ||
         g_str_has_prefix (relative_path, "_drafts/") ||
         strstr (relative_path, "/_drafts/") != NULL;
}

/* Jekyll takes a post's date from its file name when the front matter has none. */
static GDateTime *
get_date (RecapFrontMatter *fm,
          const char       *relative_path)
{
  g_autofree char *basename = g_path_get_basename (relative_path);
  GDateTime *date = fm ? recap_front_matter_get_date (fm, "date") : NULL;

  return date ? date : recap_jekyll_date_from_file_name (basename);
}

/* The date in the site's zone (`timezone:`) as Jekyll reads it; without
 * one, the machine building the site decides: the written day is shown. */
static void
append_byline (GString          *html,
               RecapFrontMatter *fm,
               RecapJekyllDoc   *doc,
               gboolean          site_zone,
               const char       *relative_path)
{
  g_auto(GStrv) authors = recap_jekyll_doc_dup_all_authors (doc);
  g_autofree char *author = authors ? g_strjoinv (", ", authors) : NULL;
  g_autoptr(GDateTime) date = site_zone && doc->date ? g_date_time_ref (doc->date) : get_date (fm, relative_path);

  if (author == NULL && date == NULL)
    return;

  g_string_append (html, "<p class=\"byline\">");
  if (author != NULL)
    append_markup (html, "<span class=\"author\">%s</span>", author);
  if (date != NULL)
    {
      g_autofree char *iso = g_date_time_format (date, "%F");
      /* Translators: a post's date in the preview, see g_date_time_format() */
      g_autofree char *shown = g_date_time_format (date, _("%B %-d, %Y"));
      append_markup (html, "<time datetime=\"%s\">%s</time>", iso, shown);
    }
  g_string_append (html, "</p>");
}

static void
append_list (GString            *html,
             const char         *class,
             const char         *label,
             const char * const *tags)
{
  if (tags == NULL || tags[0] == NULL)
    return;
  append_markup (html, "<ul class=\"%s\" aria-label=\"%s\">", class, label);
  for (guint i = 0; tags[i] != NULL; i++)
    append_markup (html, "<li>%s</li>", tags[i]);
  g_string_append (html, "</ul>");
}

static void
append_card_content (GString          *html,
                     RecapFrontMatter *fm,
                     RecapJekyllDoc   *doc,
                     gboolean          site_zone,
                     const GError     *error,
                     const char       *relative_path)
{
  g_autofree char *title = get_text (fm, "title");
  g_autofree char *event = get_text (fm, "event");

  if (is_draft (fm, relative_path))
    append_markup (html, "<span class=\"badge draft\">%s</span>", _("Draft"));
  if (title != NULL)
    append_markup (html, "<h1 class=\"title\">%s</h1>", title);
  append_byline (html, fm, doc, site_zone, relative_path);
  if (event != NULL)
    append_markup (html, "<p class=\"event\">%s</p>", event);
  append_list (html, "categories", _("Categories"), (const char * const *) doc->categories);
  append_list (html, "tags", _("Tags"), (const char * const *) doc->tags);
  /* Only a notice: the YAML itself would be noise in a preview. */
  if (error != NULL)
    append_markup (html, "<p class=\"invalid\">%s</p>", _("The front matter has errors"));
}

/* The card spans the front matter's lines, for scroll sync. */
static void
append_card (GString          *html,
             RecapFrontMatter *fm,
             RecapJekyllDoc   *doc,
             gboolean          site_zone,
             const GError     *error,
             const char       *relative_path,
             guint             front_matter_lines)
{
  g_autoptr(GString) content = g_string_new (NULL);

  append_card_content (content, fm, doc, site_zone, error, relative_path);
  if (content->len == 0)
    return;
  g_string_append (html, "<header class=\"front-matter\"");
  if (front_matter_lines > 0)
    g_string_append_printf (html, " data-sourcepos=\"1:1-%u:1\"", front_matter_lines);
  g_string_append_printf (html, ">%s</header>\n", content->str);
}

static guint
count_lines (const char *text,
             gsize       len)
{
  guint lines = 0;

  for (const char *p = text; (p = memchr (p, '\n', text + len - p)) != NULL; p++)
    lines++;
  return lines;
}

/* Blank lines in place of the front matter keep cmark's line numbers those
 * of the whole document; leading blank lines change nothing in markdown. */
static void
append_body (GString               *html,
             const char            *body,
             gsize                  len,
             guint                  front_matter_lines,
             const RecapLiquidSite *site,
             RecapMarkdownFlags     flags)
{
  g_autoptr(GString) markdown = g_string_sized_new (front_matter_lines + len);
  g_autofree char *body_html = NULL;

  for (guint i = 0; i < front_matter_lines; i++)
    g_string_append_c (markdown, '\n');
  g_string_append_len (markdown, body, len);
  body_html = recap_liquid_render_markdown (markdown->str, markdown->len, site, flags);
  g_string_append (html, body_html);
}

char *
recap_post_html_render (const char         *text,
                        gsize               len,
                        const char         *relative_path,
                        RecapMarkdownFlags  flags)
{
  return recap_post_html_render_for_site (text, len, relative_path, NULL, flags);
}

char *
recap_post_html_render_for_site (const char            *text,
                                 gsize                  len,
                                 const char            *relative_path,
                                 const RecapLiquidSite *site,
                                 RecapMarkdownFlags     flags)
{
  g_autoptr(RecapSiteConfig) config = recap_site_config_new_default ();

  return recap_post_html_render_with_config (text, len, relative_path, site, config, flags);
}

char *
recap_post_html_render_with_config (const char            *text,
                                    gsize                  len,
                                    const char            *relative_path,
                                    const RecapLiquidSite *site,
                                    RecapSiteConfig       *config,
                                    RecapMarkdownFlags     flags)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(RecapJekyllDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapFrontMatter) fm = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  RecapFrontMatterSplit split;
  guint front_matter_lines;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (relative_path != NULL, NULL);

  g_return_val_if_fail (config != NULL, NULL);

  fm = recap_front_matter_parse (text, len, &error);
  doc = recap_jekyll_doc_new (config, relative_path, text, len, now);
  recap_front_matter_split (text, len, &split);
  front_matter_lines = count_lines (text, split.body_start);

  append_card (html, fm, doc, recap_site_config_get_timezone_name (config) != NULL, error, relative_path,
               front_matter_lines);
  append_body (html, text + split.body_start, len - split.body_start, front_matter_lines, site, flags);
  return g_string_free (g_steal_pointer (&html), FALSE);
}
