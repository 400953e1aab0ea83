/* recap-spell-text.c: which words of a post the spell checker looks at
 *
 * Hand-written: cmark-gfm parses whole documents and gives no per-line
 * state to resume from, and its nodes do not mark Liquid, bare URLs or
 * e-mail addresses; a line scanner does, a few lines at a time.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-spell-text.h"

typedef enum {
  BLOCK_TEXT,
  BLOCK_FRONT_MATTER,
  BLOCK_FENCE,
  BLOCK_INDENTED,
  BLOCK_LIQUID_CODE,
} RecapSpellBlock;

/* What an unclosed span at the end of a line waits for. */
typedef enum {
  INLINE_NONE,
  INLINE_HTML_COMMENT,
  INLINE_HTML_TAG,
  INLINE_LIQUID_OUTPUT,
  INLINE_LIQUID_TAG,
} RecapSpellInline;

static const char * const inline_closers[] = { NULL, "-->", ">", "}}", "%}" };

typedef struct
{
  RecapSpellState    *state;
  const char         *line;
  gsize               len;
  RecapSpellWordFunc  func;
  gpointer            user_data;
} Scan;

void
recap_spell_state_init (RecapSpellState *state,
                        gboolean         document)
{
  memset (state, 0, sizeof *state);
  state->block = BLOCK_TEXT;
  state->prev_blank = TRUE;
  state->first_line = TRUE;
  state->document = document;
}

/* Line shapes */

static gsize
skip_spaces (const char *line,
             gsize       len,
             gsize       i)
{
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  return i;
}

/* The indent in columns, tabs to the next multiple of four. */
static guint
indent_of (const char *line,
           gsize       len)
{
  guint columns = 0;

  for (gsize i = 0; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
    columns = line[i] == '\t' ? (columns / 4 + 1) * 4 : columns + 1;
  return columns;
}

static gboolean
is_blank_from (const char *line,
               gsize       len,
               gsize       i)
{
  return skip_spaces (line, len, i) == len;
}

/* "---" or "..." alone on a line: the front matter's delimiters. */
static gboolean
is_delimiter (const char *line,
              gsize       len,
              const char *delimiter)
{
  return len >= 3 && memcmp (line, delimiter, 3) == 0 && is_blank_from (line, len, 3);
}

static gsize
run_length (const char *line,
            gsize       len,
            gsize       i,
            char        c)
{
  gsize n = 0;

  while (i + n < len && line[i + n] == c)
    n++;
  return n;
}

/* A fence of three or more ` or ~ at @i; backtick fences' info strings hold no backtick. */
static gboolean
is_fence (const char *line,
          gsize       len,
          gsize       i,
          char       *fence_char,
          gsize      *fence_len)
{
  gsize n;

  if (i >= len || (line[i] != '`' && line[i] != '~'))
    return FALSE;
  n = run_length (line, len, i, line[i]);
  if (n < 3 || (line[i] == '`' && memchr (line + i + n, '`', len - i - n) != NULL))
    return FALSE;
  *fence_char = line[i];
  *fence_len = n;
  return TRUE;
}

static gboolean
is_list_item (const char *line,
              gsize       len,
              gsize       i)
{
  gsize j = i;

  if (i < len && (line[i] == '-' || line[i] == '*' || line[i] == '+'))
    return i + 1 == len || line[i + 1] == ' ' || line[i + 1] == '\t';
  while (j < len && j - i < 9 && g_ascii_isdigit (line[j]))
    j++;
  return j > i && j < len && (line[j] == '.' || line[j] == ')') &&
         (j + 1 == len || line[j + 1] == ' ' || line[j + 1] == '\t');
}

/* {% highlight lang %}, {%- highlight -%}: a Liquid code block. */
static gboolean
is_liquid_tag (const char *line,
               gsize       len,
               gsize       i,
               const char *name)
{
  gsize name_len = strlen (name);

  if (i + 2 > len || memcmp (line + i, "{%", 2) != 0)
    return FALSE;
  i += 2;
  if (i < len && line[i] == '-')
    i++;
  i = skip_spaces (line, len, i);
  return i + name_len <= len && memcmp (line + i, name, name_len) == 0 &&
         (i + name_len == len || !g_ascii_isalnum (line[i + name_len]));
}

/* Inline spans */

static const char *
find_in_line (const Scan *scan,
              gsize       from,
              const char *needle)
{
  gsize needle_len = strlen (needle);

  if (from >= scan->len)
    return NULL;
  return memmem (scan->line + from, scan->len - from, needle, needle_len);
}

/* Skips to after @closer, or to the line end leaving @kind open. */
static gsize
skip_to_closer (Scan             *scan,
                gsize             from,
                RecapSpellInline  kind)
{
  const char *closer = inline_closers[kind];
  const char *found = find_in_line (scan, from, closer);

  if (found == NULL)
    {
      scan->state->open_inline = kind;
      return scan->len;
    }
  return found - scan->line + strlen (closer);
}

/* A code span: a run of backticks up to a run of the same length. */
static gsize
skip_code_span (const Scan *scan,
                gsize       i)
{
  gsize n = run_length (scan->line, scan->len, i, '`');

  for (gsize j = i + n; j < scan->len;)
    {
      gsize m = run_length (scan->line, scan->len, j, '`');

      if (m == n)
        return j + m;
      j += MAX (m, 1);
    }
  return i + n; /* no closing run: literal backticks */
}

/* A link target: from "](" to the balancing ")". */
static gsize
skip_link_target (const Scan *scan,
                  gsize       i)
{
  guint depth = 0;

  for (i += 2; i < scan->len; i++)
    {
      if (scan->line[i] == '(')
        depth++;
      else if (scan->line[i] == ')' && depth-- == 0)
        return i + 1;
    }
  return scan->len;
}

static gsize
skip_non_space (const Scan *scan,
                gsize       i)
{
  while (i < scan->len && !g_ascii_isspace (scan->line[i]))
    i++;
  return i;
}

/* A URL's end: the first space, or a closing bracket or quote. */
static gsize
skip_url (const Scan *scan,
          gsize       i)
{
  while (i < scan->len && !g_ascii_isspace (scan->line[i]) && !strchr (")]>\"'", scan->line[i]))
    i++;
  return i;
}

/* "scheme://" or "www." at @i. */
static gboolean
is_url_start (const Scan *scan,
              gsize       i)
{
  gsize j = i;

  if (scan->len - i >= 4 && g_ascii_strncasecmp (scan->line + i, "www.", 4) == 0)
    return TRUE;
  while (j < scan->len && (g_ascii_isalnum (scan->line[j]) || strchr ("+.-", scan->line[j])))
    j++;
  return j > i && scan->len - j >= 3 && memcmp (scan->line + j, "://", 3) == 0;
}

static gboolean
is_email_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("._%+-", c) != NULL;
}

/* local@domain.tld at @i: the address's end, or 0. */
static gsize
email_end (const Scan *scan,
           gsize       i)
{
  gsize j = i;
  gboolean dot = FALSE;

  while (j < scan->len && is_email_char (scan->line[j]))
    j++;
  if (j == i || j >= scan->len || scan->line[j] != '@')
    return 0;
  for (j++; j < scan->len && (g_ascii_isalnum (scan->line[j]) || scan->line[j] == '-' || scan->line[j] == '.'); j++)
    dot |= scan->line[j] == '.';
  return dot ? j : 0;
}

/* Words */

static gunichar
char_at (const Scan *scan,
         gsize       i,
         gsize      *next)
{
  gunichar c;

  if ((guchar) scan->line[i] < 0x80) /* most text, without the UTF-8 decoder */
    {
      *next = i + 1;
      return scan->line[i];
    }
  c = g_utf8_get_char_validated (scan->line + i, scan->len - i);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = i + 1;
      return 0;
    }
  *next = g_utf8_next_char (scan->line + i) - scan->line;
  return c;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '_';
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* The end of the token at @i: word characters, apostrophes between them. */
static gsize
token_end (const Scan *scan,
           gsize       i)
{
  gsize next;

  while (i < scan->len)
    {
      gunichar c = char_at (scan, i, &next);

      if (is_apostrophe (c) && next < scan->len)
        {
          gsize after;

          if (!is_word_char (char_at (scan, next, &after)))
            break;
        }
      else if (!is_word_char (c))
        break;
      i = next;
    }
  return i;
}

/* Whether the token is a name rather than a word: digits, inner
 * underscores (outer ones are emphasis), or all capitals (an acronym). */
static gboolean
is_name (const Scan *scan,
         gsize       start,
         gsize       end)
{
  gboolean lower = FALSE;
  guint letters = 0;

  for (gsize i = start, next; i < end; i = next)
    {
      gunichar c = char_at (scan, i, &next);

      if (g_unichar_isdigit (c) || c == '_')
        return TRUE;
      if (g_unichar_isalpha (c))
        letters++;
      lower |= g_unichar_islower (c);
    }
  return !lower && letters > 1;
}

/* A token joined to the next by "." and a letter or digit (example.com,
 * post.md, v1.2), or by "/" (a path): consumes the whole dotted name. */
static gboolean
is_dotted (const Scan *scan,
           gsize       start,
           gsize      *end)
{
  gsize i = *end;

  if (start > 0 && (scan->line[start - 1] == '/' || scan->line[start - 1] == '@' ||
                    scan->line[start - 1] == '\\' || (scan->line[start - 1] == '.' && start > 1 &&
                                                      g_ascii_isalnum (scan->line[start - 2]))))
    return TRUE;
  if (i + 1 < scan->len && (scan->line[i] == '.' || scan->line[i] == '/') &&
      g_ascii_isalnum (scan->line[i + 1]))
    {
      *end = skip_url (scan, i);
      return TRUE;
    }
  return FALSE;
}

/* Reports the word at @i (a word character) and returns its end. */
static gsize
scan_word (const Scan *scan,
           gsize       i)
{
  gsize end = token_end (scan, i);
  gsize start = i;
  gsize word_end = end;

  if (is_dotted (scan, start, &end))
    return end;
  while (start < word_end && scan->line[start] == '_')
    start++;
  while (word_end > start && scan->line[word_end - 1] == '_')
    word_end--;
  if (scan->func != NULL && word_end > start && !is_name (scan, start, word_end))
    scan->func (start, word_end, scan->user_data);
  return end;
}

/* The end of an inline span starting at @i, or 0 when none starts there. */
static gsize
skip_span (Scan  *scan,
           gsize  i)
{
  const char *line = scan->line;
  char next = i + 1 < scan->len ? line[i + 1] : '\0';

  switch (line[i])
    {
    case '`':
      return skip_code_span (scan, i);
    case '<':
      if (scan->len - i >= 4 && memcmp (line + i, "<!--", 4) == 0)
        return skip_to_closer (scan, i + 4, INLINE_HTML_COMMENT);
      if (g_ascii_isalpha (next) || next == '/' || next == '!' || next == '?')
        return skip_to_closer (scan, i + 1, INLINE_HTML_TAG);
      return 0;
    case '{':
      if (next == '{')
        return skip_to_closer (scan, i + 2, INLINE_LIQUID_OUTPUT);
      if (next == '%')
        return skip_to_closer (scan, i + 2, INLINE_LIQUID_TAG);
      return 0;
    case ']':
      if (next == '(')
        return skip_link_target (scan, i);
      if (next == ':') /* [label]: target */
        return skip_non_space (scan, skip_spaces (line, scan->len, i + 2));
      return 0;
    default:
      return 0;
    }
}

static void
scan_inline (Scan  *scan,
             gsize  i)
{
  if (scan->state->open_inline != INLINE_NONE)
    {
      RecapSpellInline kind = scan->state->open_inline;

      scan->state->open_inline = INLINE_NONE;
      i = skip_to_closer (scan, i, kind);
    }
  while (i < scan->len && scan->state->open_inline == INLINE_NONE)
    {
      gsize end = skip_span (scan, i);
      gsize next;
      gunichar c;

      if (end != 0)
        {
          i = end;
          continue;
        }
      if (is_url_start (scan, i))
        {
          i = skip_url (scan, i);
          continue;
        }
      if ((end = email_end (scan, i)) != 0)
        {
          i = end;
          continue;
        }
      c = char_at (scan, i, &next);
      i = is_word_char (c) ? scan_word (scan, i) : next;
    }
}

/* Blocks */

/* A front matter line: its key (and list dash or comment) is skipped. */
static void
scan_front_matter_line (Scan *scan)
{
  gsize i = skip_spaces (scan->line, scan->len, 0);
  gsize key_end = i;

  if (i < scan->len && scan->line[i] == '#')
    return;
  if (i < scan->len && scan->line[i] == '-')
    i = key_end = skip_spaces (scan->line, scan->len, i + 1);
  while (key_end < scan->len && scan->line[key_end] != ':' && scan->line[key_end] != ' ')
    key_end++;
  if (key_end < scan->len && scan->line[key_end] == ':' &&
      (key_end + 1 == scan->len || scan->line[key_end + 1] == ' '))
    i = key_end + 1;
  scan_inline (scan, i);
}

/* A line outside any block: may open one, else its words are scanned. */
static void
scan_text_line (Scan  *scan,
                gsize  first,
                guint  indent,
                gboolean blank)
{
  RecapSpellState *state = scan->state;
  char fence_char;
  gsize fence_len;

  if (state->open_inline == INLINE_NONE)
    {
      if (indent < 4 && is_fence (scan->line, scan->len, first, &fence_char, &fence_len))
        {
          state->block = BLOCK_FENCE;
          state->in_list &= indent > 0; /* a fence at the margin ends a list */
          state->fence_char = fence_char;
          state->fence_len = MIN (fence_len, G_MAXUINT8);
          return;
        }
      if (indent >= 4 && state->prev_blank && !state->in_list && !blank)
        {
          state->block = BLOCK_INDENTED;
          return;
        }
      if (is_liquid_tag (scan->line, scan->len, first, "highlight"))
        {
          state->block = BLOCK_LIQUID_CODE;
          return;
        }
    }
  if (is_list_item (scan->line, scan->len, first) && indent < 4)
    state->in_list = TRUE;
  else if (!blank && indent == 0 && state->prev_blank)
    state->in_list = FALSE;
  scan_inline (scan, 0);
}

/* Whether the line closes the block it is in. */
static gboolean
closes_block (const Scan *scan,
              gsize       first,
              guint       indent)
{
  const RecapSpellState *state = scan->state;

  switch (state->block)
    {
    case BLOCK_FENCE:
      return indent < 4 && first < scan->len && scan->line[first] == state->fence_char &&
             run_length (scan->line, scan->len, first, state->fence_char) >= state->fence_len &&
             is_blank_from (scan->line, scan->len,
                            first + run_length (scan->line, scan->len, first, state->fence_char));
    case BLOCK_LIQUID_CODE:
      return memmem (scan->line, scan->len, "endhighlight", strlen ("endhighlight")) != NULL;
    default:
      g_assert_not_reached ();
    }
}

void
recap_spell_scan_line (RecapSpellState    *state,
                       const char         *line,
                       gsize               len,
                       RecapSpellWordFunc  func,
                       gpointer            user_data)
{
  Scan scan = { state, line, len, func, user_data };
  gsize first = skip_spaces (line, len, 0);
  guint indent = indent_of (line, len);
  gboolean blank = first == len;
  gboolean first_line = state->first_line;

  g_return_if_fail (state != NULL);
  g_return_if_fail (line != NULL || len == 0);

  state->first_line = FALSE;
  switch ((RecapSpellBlock) state->block)
    {
    case BLOCK_FRONT_MATTER:
      if (is_delimiter (line, len, "---") || is_delimiter (line, len, "..."))
        state->block = BLOCK_TEXT;
      else
        scan_front_matter_line (&scan);
      break;
    case BLOCK_FENCE:
    case BLOCK_LIQUID_CODE:
      if (closes_block (&scan, first, indent))
        {
          state->block = BLOCK_TEXT;
          state->fence_char = state->fence_len = 0;
        }
      break;
    case BLOCK_INDENTED:
      if (blank || indent >= 4)
        break;
      state->block = BLOCK_TEXT;
      scan_text_line (&scan, first, indent, blank);
      break;
    case BLOCK_TEXT:
    default:
      if (first_line && state->document && is_delimiter (line, len, "---"))
        state->block = BLOCK_FRONT_MATTER;
      else
        scan_text_line (&scan, first, indent, blank);
      break;
    }
  state->prev_blank = blank;
}

gboolean
recap_spell_line_is_code (const RecapSpellState *before,
                          const RecapSpellState *after)
{
  /* A line that ends an indented block is the first text after it. */
  return after->block != BLOCK_TEXT || (before->block != BLOCK_TEXT && before->block != BLOCK_INDENTED);
}

/* Whole texts */

typedef struct
{
  gsize              offset;
  RecapSpellWordFunc func;
  gpointer           user_data;
} TextScan;

static void
text_word (gsize    start,
           gsize    end,
           gpointer user_data)
{
  TextScan *text_scan = user_data;

  text_scan->func (text_scan->offset + start, text_scan->offset + end, text_scan->user_data);
}

void
recap_spell_word_at_func (gsize    start,
                          gsize    end,
                          gpointer user_data)
{
  RecapSpellWordAt *word = user_data;

  if (!word->found && word->index >= start && word->index <= end)
    *word = (RecapSpellWordAt) { word->index, start, end, TRUE };
}

void
recap_spell_scan_text (const char         *text,
                       gssize              len,
                       gboolean            document,
                       RecapSpellWordFunc  func,
                       gpointer            user_data)
{
  TextScan text_scan = { 0, func, user_data };
  RecapSpellState state;
  gsize size;

  g_return_if_fail (text != NULL || len == 0);

  size = len < 0 ? strlen (text) : (gsize) len;
  recap_spell_state_init (&state, document);
  while (text_scan.offset <= size)
    {
      const char *nl = memchr (text + text_scan.offset, '\n', size - text_scan.offset);
      gsize line_end = nl ? (gsize) (nl - text) : size;
      gsize line_len = line_end - text_scan.offset;

      if (line_len > 0 && text[line_end - 1] == '\r')
        line_len--;
      recap_spell_scan_line (&state, text + text_scan.offset, line_len, text_word, &text_scan);
      text_scan.offset = line_end + 1;
    }
}

/* Languages */

char *
recap_spell_find_lang (const char *text,
                       gssize      len)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  copy = len < 0 ? g_strdup (text) : g_strndup (text, len);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      char *comment;

      if (!g_str_has_prefix (lines[i], "lang:"))
        continue;
      value = g_strstrip (g_strdup (lines[i] + strlen ("lang:")));
      if ((comment = strstr (value, " #")) != NULL)
        *comment = '\0';
      g_strstrip (value);
      if (value[0] == '"' || value[0] == '\'')
        {
          gsize n = strlen (value);

          if (n < 2 || value[n - 1] != value[0])
            continue;
          value[n - 1] = '\0';
          memmove (value, value + 1, n - 1);
        }
      if (value[0] != '\0')
        return g_steal_pointer (&value);
    }
  return NULL;
}

const char *
recap_spell_match_language (const char         *lang,
                            const char * const *available)
{
  g_autofree char *code = NULL;
  g_autofree char *region_code = NULL;
  g_autofree char *prefix = NULL;
  char *sep;

  g_return_val_if_fail (available != NULL, NULL);

  if (lang == NULL || lang[0] == '\0')
    return NULL;
  code = g_strdelimit (g_strdup (lang), "-", '_');
  for (guint i = 0; available[i] != NULL; i++)
    if (g_ascii_strcasecmp (available[i], code) == 0)
      return available[i];
  if ((sep = strchr (code, '_')) != NULL)
    *sep = '\0';
  /* English has no en_EN: its usual default region is the US. */
  region_code = g_str_equal (code, "en") ? g_strdup ("en_US") : g_strdup_printf ("%s_%s", code, code);
  prefix = g_strconcat (code, "_", NULL);
  for (guint i = 0; available[i] != NULL; i++)
    if (g_ascii_strcasecmp (available[i], region_code) == 0)
      return available[i];
  for (guint i = 0; available[i] != NULL; i++)
    if (g_ascii_strcasecmp (available[i], code) == 0 ||
        g_ascii_strncasecmp (available[i], prefix, strlen (prefix)) == 0)
      return available[i];
  return NULL;
}
