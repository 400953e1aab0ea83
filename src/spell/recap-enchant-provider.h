/* recap-enchant-provider.h: spell checking with enchant-2
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-spell-provider.h"

G_BEGIN_DECLS

#define RECAP_TYPE_ENCHANT_PROVIDER (recap_enchant_provider_get_type ())
G_DECLARE_FINAL_TYPE (RecapEnchantProvider, recap_enchant_provider, RECAP, ENCHANT_PROVIDER, GObject)

/* A provider with its own enchant broker. Enchant keeps the personal
 * dictionaries in ENCHANT_CONFIG_DIR, else in the user's config folder. */
RecapSpellProvider *recap_enchant_provider_new (void);

G_END_DECLS
