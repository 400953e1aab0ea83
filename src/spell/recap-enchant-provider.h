/* recap-enchant-provider.h: spell checking with enchant-2
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "recap-spell-provider.h"

G_BEGIN_DECLS

#define RECAP_TYPE_ENCHANT_PROVIDER (recap_enchant_provider_get_type ())
G_DECLARE_FINAL_TYPE (RecapEnchantProvider, recap_enchant_provider, RECAP, ENCHANT_PROVIDER, GObject)

/* A provider with its own enchant broker. Enchant keeps the personal
 * dictionaries in ENCHANT_CONFIG_DIR, else in the user's config folder. */
RecapSpellProvider *recap_enchant_provider_new (void);

/* The checker of @language if it is loaded already (transfer full), else NULL. */
RecapSpellChecker  *recap_enchant_provider_lookup              (RecapEnchantProvider *self,
                                                                const char           *language);
/* Loads the dictionary of @language on a worker thread (Hunspell reads
 * and parses its files: 40-70 ms), then hands its checker out as
 * recap_spell_provider_get_checker() would. */
void                recap_enchant_provider_load_checker_async  (RecapEnchantProvider *self,
                                                                const char           *language,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
/* The checker (transfer full), or NULL with @error set: cancelled, or no dictionary. */
RecapSpellChecker  *recap_enchant_provider_load_checker_finish (RecapEnchantProvider *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
