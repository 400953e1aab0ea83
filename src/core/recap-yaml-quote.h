/* recap-yaml-quote.h: minimal safe YAML spelling of scalars
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RECAP_YAML_STYLE_PLAIN,
  RECAP_YAML_STYLE_SINGLE_QUOTED,
  RECAP_YAML_STYLE_DOUBLE_QUOTED,
  RECAP_YAML_STYLE_LITERAL,
  RECAP_YAML_STYLE_FOLDED,
} RecapYamlStyle;

/* What a YAML 1.1 loader (Jekyll's Psych) makes of a plain scalar. Numbers
 * and timestamps are recognised generously: a false "yes" only costs quotes. */
typedef enum {
  RECAP_YAML_TYPE_STRING,
  RECAP_YAML_TYPE_NULL,
  RECAP_YAML_TYPE_BOOLEAN,
  RECAP_YAML_TYPE_NUMBER,
  RECAP_YAML_TYPE_TIMESTAMP,
} RecapYamlType;

RecapYamlType recap_yaml_resolve_plain      (const char     *text);

/* TRUE when @value fits in one single-quoted line. */
gboolean      recap_yaml_can_be_single_quoted (const char   *value);

/* One-line spelling of the string @value, in @preferred style when the value
 * allows it (a block style counts as plain here), else the minimal safe
 * quoting. A plain value that resolves to something other than a string is
 * quoted unless it resolves to @plain_type (the type of the value it
 * replaces; RECAP_YAML_TYPE_STRING when there is none). */
char         *recap_yaml_quote_scalar       (const char     *value,
                                             RecapYamlStyle  preferred,
                                             RecapYamlType   plain_type,
                                             gboolean        in_flow);

/* Spelling of a mapping key: plain when safe and a string, else quoted. */
char         *recap_yaml_quote_key          (const char     *key,
                                             RecapYamlStyle  preferred);

/* TRUE when @value can be written as a block scalar of @style (literal or
 * folded) and reads back unchanged. */
gboolean      recap_yaml_can_be_block       (const char     *value,
                                             RecapYamlStyle  style);
/* The header indicator ("|", "|-", ">+" …) for @value. */
char         *recap_yaml_block_indicator    (const char     *value,
                                             RecapYamlStyle  style);
/* The block scalar lines after the header: each starts with @newline and
 * @indent spaces (empty lines carry no spaces); no final line break. */
char         *recap_yaml_block_body         (const char     *value,
                                             RecapYamlStyle  style,
                                             guint           indent,
                                             const char     *newline);

G_END_DECLS
