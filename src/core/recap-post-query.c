/* recap-post-query.c: parsing typed filters and matching posts against
 * them. Hand-written: the syntax (key:value, quotes, '-') is small and no
 * GLib parser splits words while keeping where each one started.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-post-query.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "recap-search-text.h"
#include "recap-taxonomy.h"

struct _RecapPostQuery
{
  GArray *terms; /* of RecapQueryTerm */
};

static const struct {
  const char      *keyword;
  RecapQueryField  field;
} keywords[] = {
  /* The first keyword of a field is the one written back. */
  { "tag", RECAP_QUERY_TAG },
  { "tags", RECAP_QUERY_TAG },
  { "category", RECAP_QUERY_CATEGORY },
  { "categories", RECAP_QUERY_CATEGORY },
  { "author", RECAP_QUERY_AUTHOR },
  { "year", RECAP_QUERY_YEAR },
  { "status", RECAP_QUERY_STATUS },
  { "is", RECAP_QUERY_STATUS },
  { "collection", RECAP_QUERY_COLLECTION },
};

static const char * const status_names[] = {
  [RECAP_POST_STATUS_PUBLISHED] = "published",
  [RECAP_POST_STATUS_DRAFT] = "draft",
  [RECAP_POST_STATUS_UNPUBLISHED] = "unpublished",
  [RECAP_POST_STATUS_FUTURE] = "future",
};

const char *
recap_query_field_keyword (RecapQueryField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (keywords[i].field == field)
      return keywords[i].keyword;
  return NULL;
}

gboolean
recap_query_field_from_keyword (const char      *keyword,
                                gsize            len,
                                RecapQueryField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].keyword) == len && g_ascii_strncasecmp (keyword, keywords[i].keyword, len) == 0)
      {
        *field = keywords[i].field;
        return TRUE;
      }
  return FALSE;
}

static void
term_clear (RecapQueryTerm *term)
{
  g_clear_pointer (&term->value, g_free);
}

RecapPostQuery *
recap_post_query_new (void)
{
  RecapPostQuery *query = g_new0 (RecapPostQuery, 1);

  query->terms = g_array_new (FALSE, TRUE, sizeof (RecapQueryTerm));
  g_array_set_clear_func (query->terms, (GDestroyNotify) term_clear);
  return query;
}

void
recap_post_query_free (RecapPostQuery *query)
{
  g_clear_pointer (&query->terms, g_array_unref);
  g_free (query);
}

guint
recap_post_query_get_n_terms (RecapPostQuery *query)
{
  return query->terms->len;
}

const RecapQueryTerm *
recap_post_query_get_term (RecapPostQuery *query,
                           guint           index)
{
  g_return_val_if_fail (index < query->terms->len, NULL);
  return &g_array_index (query->terms, RecapQueryTerm, index);
}

gboolean
recap_post_query_is_empty (RecapPostQuery *query)
{
  return query->terms->len == 0;
}

void
recap_post_query_add (RecapPostQuery  *query,
                      RecapQueryField  field,
                      const char      *value,
                      gboolean         negated)
{
  RecapQueryTerm term = { field, g_strdup (value), negated };

  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < query->terms->len; i++)
    {
      const RecapQueryTerm *other = recap_post_query_get_term (query, i);

      if (other->field == field && other->negated == negated && g_str_equal (other->value, value))
        {
          g_free (term.value);
          return;
        }
    }
  g_array_append_val (query->terms, term);
}

void
recap_post_query_remove (RecapPostQuery *query,
                         guint           index)
{
  g_return_if_fail (index < query->terms->len);
  g_array_remove_index (query->terms, index);
}

/* Parsing */

/* Reads a word or a "quoted phrase" at *@p into @word, moving *@p past it. */
static void
read_word (const char **p,
           GString     *word)
{
  const char *s = *p;

  if (*s == '"')
    {
      const char *end = strchr (s + 1, '"');

      g_string_append_len (word, s + 1, end ? end - s - 1 : (gssize) strlen (s + 1));
      *p = end ? end + 1 : s + strlen (s);
      return;
    }
  while (*s && !g_ascii_isspace (*s))
    s++;
  g_string_append_len (word, *p, s - *p);
  *p = s;
}

/* `draft:yes` is `status:draft`, `draft:no` its negation. */
static gboolean
read_draft (const char *keyword,
            gsize       len,
            const char *value,
            gboolean   *negated)
{
  static const char * const yes[] = { "yes", "true", "y", "1", NULL };
  static const char * const no[] = { "no", "false", "n", "0", NULL };
  g_autofree char *lower = g_ascii_strdown (value, -1);

  if (len != 5 || g_ascii_strncasecmp (keyword, "draft", 5) != 0)
    return FALSE;
  if (g_strv_contains (no, lower))
    *negated = !*negated;
  else if (!g_strv_contains (yes, lower))
    return FALSE;
  return TRUE;
}

/* The term at *@p, moving *@p past it. */
static void
read_term (RecapPostQuery  *query,
           const char     **p)
{
  g_autoptr(GString) value = g_string_new (NULL);
  RecapQueryField field = RECAP_QUERY_TEXT;
  gboolean negated = **p == '-' && (*p)[1] && !g_ascii_isspace ((*p)[1]);
  const char *keyword = *p + negated;
  const char *colon = keyword;

  while (g_ascii_isalpha (*colon))
    colon++;
  if (*colon == ':' && colon[1] && !g_ascii_isspace (colon[1]))
    {
      const char *after = colon + 1;

      read_word (&after, value);
      if (read_draft (keyword, colon - keyword, value->str, &negated))
        {
          *p = after;
          recap_post_query_add (query, RECAP_QUERY_STATUS, status_names[RECAP_POST_STATUS_DRAFT], negated);
          return;
        }
      if (recap_query_field_from_keyword (keyword, colon - keyword, &field))
        {
          *p = after;
          if (field == RECAP_QUERY_STATUS || field == RECAP_QUERY_COLLECTION)
            g_string_ascii_down (value);
          recap_post_query_add (query, field, value->str, negated);
          return;
        }
      g_string_truncate (value, 0);
    }
  /* An unknown key ("https://…") is text like any other word. */
  *p = keyword;
  read_word (p, value);
  recap_post_query_add (query, RECAP_QUERY_TEXT, value->str, negated);
}

RecapPostQuery *
recap_post_query_parse (const char *text)
{
  RecapPostQuery *query = recap_post_query_new ();
  const char *p = text ? text : "";

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return query;
      read_term (query, &p);
    }
}

gboolean
recap_post_query_completion_point (const char      *text,
                                   RecapQueryField *field,
                                   gsize           *prefix_start)
{
  gsize len = strlen (text);
  gsize start = 0;
  gboolean quoted = FALSE;
  const char *word;
  const char *colon;

  /* The last word starts after the last space outside quotes. */
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && g_ascii_isspace (text[i]))
        start = i + 1;
    }
  if (start == len)
    return FALSE;
  word = text + start + (text[start] == '-');
  colon = strchr (word, ':');
  if (colon != NULL && recap_query_field_from_keyword (word, colon - word, field))
    {
      *prefix_start = colon + 1 - text;
      if (text[*prefix_start] != '"')
        return TRUE;
      (*prefix_start)++;
      return quoted;
    }
  *field = RECAP_QUERY_TEXT;
  *prefix_start = word - text;
  return !quoted;
}

/* Writing back */

static gboolean
needs_quotes (const char *value)
{
  for (const char *p = value; *p; p++)
    if (g_ascii_isspace (*p) || *p == '"')
      return TRUE;
  return *value == '-';
}

char *
recap_post_query_to_string (RecapPostQuery *query)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < query->terms->len; i++)
    {
      const RecapQueryTerm *term = recap_post_query_get_term (query, i);
      const char *keyword = recap_query_field_keyword (term->field);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (term->negated)
        g_string_append_c (text, '-');
      if (keyword != NULL)
        g_string_append_printf (text, "%s:", keyword);
      if (needs_quotes (term->value))
        g_string_append_printf (text, "\"%s\"", term->value);
      else
        g_string_append (text, term->value);
    }
  return g_string_free (text, FALSE);
}

char *
recap_query_term_describe (const RecapQueryTerm *term)
{
  const char *keyword = recap_query_field_keyword (term->field);

  if (keyword == NULL)
    /* TRANSLATORS: a search chip: text the posts contain, or (negated) do not */
    return g_strdup_printf (term->negated ? _("not “%s”") : _("“%s”"), term->value);
  /* TRANSLATORS: a search chip: "tag: python", "not tag: python" */
  return g_strdup_printf (term->negated ? _("not %s: %s") : _("%s: %s"), keyword, term->value);
}

/* Matching */

RecapPostStatus
recap_post_get_status (RecapPost *post,
                       GDateTime *now)
{
  GDateTime *date = recap_post_get_date (post);

  if (recap_post_get_is_draft (post))
    return RECAP_POST_STATUS_DRAFT;
  if (!recap_post_get_published (post))
    return RECAP_POST_STATUS_UNPUBLISHED;
  if (date != NULL && now != NULL && g_date_time_compare (date, now) > 0)
    return RECAP_POST_STATUS_FUTURE;
  return RECAP_POST_STATUS_PUBLISHED;
}

const char *
recap_post_status_to_string (RecapPostStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

char *
recap_post_dup_collection (RecapPost *post)
{
  const char *path = recap_post_get_relative_path (post);
  const char *slash = strchr (path, '/');

  if (g_str_has_prefix (path, "_posts/") || g_str_has_prefix (path, "_drafts/"))
    return g_strdup ("posts");
  if (path[0] == '_' && slash != NULL)
    return g_strndup (path + 1, slash - path - 1);
  return g_strdup ("pages");
}

static gboolean
values_contain (GStrv       values,
                const char *folded)
{
  for (guint i = 0; values && values[i]; i++)
    {
      g_autofree char *value = recap_taxonomy_fold (values[i]);

      if (g_str_equal (value, folded))
        return TRUE;
    }
  return FALSE;
}

static gboolean
term_matches (const RecapQueryTerm *term,
              RecapPost            *post,
              GDateTime            *now)
{
  g_autofree char *folded = recap_taxonomy_fold (term->value);
  g_autofree char *collection = NULL;
  g_auto(GStrv) values = NULL;
  GDateTime *date;

  switch (term->field)
    {
    case RECAP_QUERY_TAG:
    case RECAP_QUERY_CATEGORY:
    case RECAP_QUERY_AUTHOR:
      values = recap_taxonomy_post_values (term->field == RECAP_QUERY_TAG ? RECAP_TAXONOMY_TAGS
                                           : term->field == RECAP_QUERY_CATEGORY ? RECAP_TAXONOMY_CATEGORIES
                                           : RECAP_TAXONOMY_AUTHORS, post);
      return values_contain (values, folded);
    case RECAP_QUERY_YEAR:
      date = recap_post_get_date (post);
      return date != NULL && g_date_time_get_year (date) == atoi (term->value);
    case RECAP_QUERY_STATUS:
      return g_str_equal (recap_post_status_to_string (recap_post_get_status (post, now)), term->value);
    case RECAP_QUERY_COLLECTION:
      collection = recap_post_dup_collection (post);
      return g_str_equal (collection, term->value);
    case RECAP_QUERY_TEXT:
    default:
      g_clear_pointer (&folded, g_free);
      folded = recap_search_fold_dup (term->value, -1);
      return recap_post_matches (post, folded, NULL);
    }
}

gboolean
recap_post_query_matches (RecapPostQuery *query,
                          RecapPost      *post,
                          GDateTime      *now)
{
  /* For each field: whether it has a positive term, and one that matched. */
  gboolean wanted[RECAP_QUERY_TEXT + 1] = { FALSE };
  gboolean found[RECAP_QUERY_TEXT + 1] = { FALSE };

  for (guint i = 0; i < query->terms->len; i++)
    {
      const RecapQueryTerm *term = recap_post_query_get_term (query, i);
      gboolean matches = term_matches (term, post, now);

      if (term->negated && matches)
        return FALSE;
      if (term->negated)
        continue;
      /* Every word of text must be there. */
      if (term->field == RECAP_QUERY_TEXT && !matches)
        return FALSE;
      wanted[term->field] = TRUE;
      found[term->field] |= matches;
    }
  for (guint f = 0; f <= RECAP_QUERY_TEXT; f++)
    if (wanted[f] && !found[f])
      return FALSE;
  return TRUE;
}
