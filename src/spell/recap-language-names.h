/* recap-language-names.h: readable names of dictionary codes
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names of @codes ("en_US" -> "English (United States)"), translated,
 * in the same order; a code the ISO tables lack is its own name. */
char **recap_language_names (const char * const *codes);

G_END_DECLS
