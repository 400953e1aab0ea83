/* recap-yaml-quote.c: minimal safe YAML spelling of scalars
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-yaml-quote.h"

#include <string.h>

#define FOLD_WIDTH 80

/* YAML's printable set, minus what libyaml reads as a line break (NEL, LS,
 * PS), the BOM and the tab: those only survive escaped. */
static gboolean
is_safe_char (gunichar c)
{
  if (c == 0x2028 || c == 0x2029 || c == 0xFEFF)
    return FALSE;
  return (c >= 0x20 && c <= 0x7E) ||
         (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static gboolean
all_chars_safe (const char *value,
                gboolean    allow_newline)
{
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_safe_char (c) && !(allow_newline && c == '\n'))
        return FALSE;
    }
  return TRUE;
}

/* @words are lower case: a first letter that differs rules one out
 * without a full comparison (most values are checked against all). */
static gboolean
matches_any (const char         *text,
             const char * const *words)
{
  char first = g_ascii_tolower (text[0]);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] == first && g_ascii_strcasecmp (text, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
all_in_set (const char *text,
            const char *set)
{
  return *text != '\0' && strspn (text, set) == strlen (text);
}

static gboolean
is_prefixed_integer (const char *text)
{
  if (text[0] != '0' || text[1] == '\0')
    return FALSE;
  switch (text[1])
    {
    case 'x': return all_in_set (text + 2, "0123456789abcdefABCDEF_");
    case 'o': return all_in_set (text + 2, "01234567_");
    case 'b': return all_in_set (text + 2, "01_");
    default:  return FALSE;
    }
}

/* Generous on purpose: digits with separators and one optional exponent
 * cover YAML 1.1 integers, floats and sexagesimals. */
static gboolean
is_number_like (const char *text)
{
  static const char * const specials[] = { ".inf", ".nan", NULL };
  const char *exponent;

  if (*text == '+' || *text == '-')
    text++;
  if (matches_any (text, specials) || is_prefixed_integer (text))
    return TRUE;
  if (!g_ascii_isdigit (*text) && !(*text == '.' && g_ascii_isdigit (text[1])))
    return FALSE;

  exponent = strpbrk (text, "eE");
  if (exponent == NULL)
    return all_in_set (text, "0123456789_,.:");

  {
    g_autofree char *mantissa = g_strndup (text, exponent - text);
    const char *power = exponent + 1;

    if (*power == '+' || *power == '-')
      power++;
    return all_in_set (mantissa, "0123456789_,.") && all_in_set (power, "0123456789");
  }
}

static gboolean
is_timestamp_like (const char *text)
{
  static const char shape[] = "dddd-d";

  for (guint i = 0; shape[i] != '\0'; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  return TRUE;
}

RecapYamlType
recap_yaml_resolve_plain (const char *text)
{
  static const char * const nulls[] = { "", "~", "null", NULL };
  static const char * const booleans[] = {
    "y", "n", "yes", "no", "true", "false", "on", "off", NULL
  };

  if (matches_any (text, nulls))
    return RECAP_YAML_TYPE_NULL;
  if (matches_any (text, booleans))
    return RECAP_YAML_TYPE_BOOLEAN;
  if (is_timestamp_like (text))
    return RECAP_YAML_TYPE_TIMESTAMP;
  if (is_number_like (text))
    return RECAP_YAML_TYPE_NUMBER;
  return RECAP_YAML_TYPE_STRING;
}

static gboolean
starts_plain_safely (const char *value)
{
  /* A leading '-' is fine before a digit: negative numbers stay plain. */
  if (value[0] == '-')
    return g_ascii_isdigit (value[1]) || (value[1] == '.' && g_ascii_isdigit (value[2]));
  return strchr ("?:,[]{}#&*!|>'\"%@`", value[0]) == NULL;
}

/* TRUE when @value written without quotes reads back as the same text
 * (whatever its type). @in_flow: inside [ ] or { }. */
static gboolean
can_be_plain (const char *value,
              gboolean    in_flow)
{
  gsize len = strlen (value);

  if (len == 0 || !all_chars_safe (value, FALSE))
    return FALSE;
  if (value[0] == ' ' || value[len - 1] == ' ' || value[len - 1] == ':')
    return FALSE;
  if (!starts_plain_safely (value))
    return FALSE;
  if (strstr (value, ": ") != NULL || strstr (value, " #") != NULL)
    return FALSE;
  return !in_flow || strpbrk (value, ",[]{}:#") == NULL;
}

gboolean
recap_yaml_can_be_single_quoted (const char *value)
{
  return all_chars_safe (value, FALSE);
}

static char *
quote_single (const char *value)
{
  GString *out = g_string_new ("'");

  for (const char *p = value; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  static const struct { gunichar c; const char *escape; } named[] = {
    { '"', "\\\"" }, { '\\', "\\\\" }, { '\0', "\\0" }, { '\a', "\\a" },
    { '\b', "\\b" }, { '\t', "\\t" }, { '\n', "\\n" }, { '\v', "\\v" },
    { '\f', "\\f" }, { '\r', "\\r" }, { 0x1B, "\\e" }, { 0x85, "\\N" },
    { 0x2028, "\\L" }, { 0x2029, "\\P" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (named[i].c == c)
      {
        g_string_append (out, named[i].escape);
        return;
      }

  if (c <= 0xFF)
    g_string_append_printf (out, "\\x%02X", c);
  else if (c <= 0xFFFF)
    g_string_append_printf (out, "\\u%04X", c);
  else
    g_string_append_printf (out, "\\U%08X", c);
}

static char *
quote_double (const char *value)
{
  GString *out = g_string_new ("\"");

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\' || !is_safe_char (c))
        append_escaped (out, c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static gboolean
needs_escapes (const char *value)
{
  return strpbrk (value, "\"\\") != NULL || !all_chars_safe (value, FALSE);
}

/* Double quotes unless they would need escapes that single quotes avoid. */
static char *
quote_minimal (const char *value)
{
  if (needs_escapes (value) && recap_yaml_can_be_single_quoted (value))
    return quote_single (value);
  return quote_double (value);
}

static char *
quote_in_style (const char     *value,
                RecapYamlStyle  preferred)
{
  if (preferred == RECAP_YAML_STYLE_SINGLE_QUOTED && recap_yaml_can_be_single_quoted (value))
    return quote_single (value);
  if (preferred == RECAP_YAML_STYLE_DOUBLE_QUOTED)
    return quote_double (value);
  return quote_minimal (value);
}

static gboolean
is_quoted_style (RecapYamlStyle style)
{
  return style == RECAP_YAML_STYLE_SINGLE_QUOTED || style == RECAP_YAML_STYLE_DOUBLE_QUOTED;
}

char *
recap_yaml_quote_scalar (const char     *value,
                         RecapYamlStyle  preferred,
                         RecapYamlType   plain_type,
                         gboolean        in_flow)
{
  if (!is_quoted_style (preferred) && can_be_plain (value, in_flow))
    {
      RecapYamlType type = recap_yaml_resolve_plain (value);

      if (type == RECAP_YAML_TYPE_STRING || type == plain_type)
        return g_strdup (value);
    }
  return quote_in_style (value, preferred);
}

char *
recap_yaml_quote_key (const char     *key,
                      RecapYamlStyle  preferred)
{
  return recap_yaml_quote_scalar (key, preferred, RECAP_YAML_TYPE_STRING, TRUE);
}

static gsize
count_trailing_newlines (const char *value,
                         gsize       len)
{
  gsize n = 0;

  while (n < len && value[len - 1 - n] == '\n')
    n++;
  return n;
}

static gboolean
line_is_blank (const char *line)
{
  return *line != '\0' && line[strspn (line, " ")] == '\0';
}

static gboolean
lines_fit_block (char           **lines,
                 RecapYamlStyle   style)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      /* Blank lines would mix with indentation; folded lines must not be
       * "more indented" or end in spaces, or folding changes them. */
      if (line_is_blank (lines[i]))
        return FALSE;
      if (style == RECAP_YAML_STYLE_FOLDED && len > 0 &&
          (lines[i][0] == ' ' || lines[i][len - 1] == ' '))
        return FALSE;
    }
  return TRUE;
}

gboolean
recap_yaml_can_be_block (const char     *value,
                         RecapYamlStyle  style)
{
  gsize len = strlen (value);
  gsize content_len = len - count_trailing_newlines (value, len);
  g_autofree char *content = g_strndup (value, content_len);
  g_auto(GStrv) lines = NULL;

  if (content_len == 0 || value[0] == '\n' || value[0] == ' ')
    return FALSE;
  if (!all_chars_safe (value, TRUE))
    return FALSE;

  lines = g_strsplit (content, "\n", -1);
  return lines_fit_block (lines, style);
}

char *
recap_yaml_block_indicator (const char     *value,
                            RecapYamlStyle  style)
{
  gsize trailing = count_trailing_newlines (value, strlen (value));
  const char *chomping = trailing == 0 ? "-" : trailing == 1 ? "" : "+";

  return g_strconcat (style == RECAP_YAML_STYLE_FOLDED ? ">" : "|", chomping, NULL);
}

static void
append_line (GString    *out,
             const char *newline,
             guint       indent,
             const char *text,
             gsize       len)
{
  g_string_append (out, newline);
  if (len == 0)
    return;
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  g_string_append_len (out, text, len);
}

/* Breaks a folded line at single spaces so it stays near FOLD_WIDTH wide;
 * folding turns each of those breaks back into the space. */
static void
append_folded_line (GString    *out,
                    const char *newline,
                    guint       indent,
                    const char *line)
{
  const char *start = line;

  while (strlen (start) + indent > FOLD_WIDTH)
    {
      const char *brk = NULL;

      for (const char *p = start + 1; *p != '\0'; p++)
        if (*p == ' ' && p[-1] != ' ' && p[1] != ' ' && p[1] != '\0')
          {
            if (brk != NULL && (gsize) (p - start) + indent > FOLD_WIDTH)
              break;
            brk = p;
          }
      if (brk == NULL)
        break;
      append_line (out, newline, indent, start, brk - start);
      start = brk + 1;
    }
  append_line (out, newline, indent, start, strlen (start));
}

char *
recap_yaml_block_body (const char     *value,
                       RecapYamlStyle  style,
                       guint           indent,
                       const char     *newline)
{
  gsize len = strlen (value);
  gsize trailing = count_trailing_newlines (value, len);
  g_autofree char *content = g_strndup (value, len - trailing);
  g_auto(GStrv) lines = g_strsplit (content, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (style == RECAP_YAML_STYLE_FOLDED)
        {
          /* A single line break is written as an empty line. */
          if (lines[i][0] != '\0')
            append_folded_line (out, newline, indent, lines[i]);
          if (lines[i + 1] != NULL)
            g_string_append (out, newline);
        }
      else
        append_line (out, newline, indent, lines[i], strlen (lines[i]));
    }

  for (gsize i = 1; i < trailing; i++)
    g_string_append (out, newline);
  return g_string_free (out, FALSE);
}
