/* recap-spell-provider.c: the spell checking interfaces
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-spell-provider.h"
#include "recap-spell-text.h"

G_DEFINE_INTERFACE (RecapSpellChecker, recap_spell_checker, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (RecapSpellProvider, recap_spell_provider, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
recap_spell_checker_default_init (RecapSpellCheckerInterface *iface)
{
  /* The words the checker accepts changed: checked text needs a new look. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_spell_provider_default_init (RecapSpellProviderInterface *iface)
{
}

const char *
recap_spell_checker_get_language (RecapSpellChecker *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_CHECKER (self), NULL);
  return RECAP_SPELL_CHECKER_GET_IFACE (self)->get_language (self);
}

gboolean
recap_spell_checker_check_word (RecapSpellChecker *self,
                                const char        *word,
                                gsize              len)
{
  g_return_val_if_fail (RECAP_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  return len == 0 || RECAP_SPELL_CHECKER_GET_IFACE (self)->check_word (self, word, len);
}

char **
recap_spell_checker_suggest (RecapSpellChecker *self,
                             const char        *word,
                             gsize              len)
{
  char **suggestions;

  g_return_val_if_fail (RECAP_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  suggestions = len > 0 ? RECAP_SPELL_CHECKER_GET_IFACE (self)->suggest (self, word, len) : NULL;
  return suggestions != NULL ? suggestions : g_new0 (char *, 1);
}

void
recap_spell_checker_add_word (RecapSpellChecker *self,
                              const char        *word)
{
  g_return_if_fail (RECAP_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL && word[0] != '\0');

  RECAP_SPELL_CHECKER_GET_IFACE (self)->add_word (self, word);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
recap_spell_checker_ignore_word (RecapSpellChecker *self,
                                 const char        *word)
{
  g_return_if_fail (RECAP_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL && word[0] != '\0');

  RECAP_SPELL_CHECKER_GET_IFACE (self)->ignore_word (self, word);
  g_signal_emit (self, signals[CHANGED], 0);
}

char **
recap_spell_provider_list_languages (RecapSpellProvider *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_PROVIDER (self), NULL);
  return RECAP_SPELL_PROVIDER_GET_IFACE (self)->list_languages (self);
}

RecapSpellChecker *
recap_spell_provider_get_checker (RecapSpellProvider *self,
                                  const char         *language)
{
  g_return_val_if_fail (RECAP_IS_SPELL_PROVIDER (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return RECAP_SPELL_PROVIDER_GET_IFACE (self)->get_checker (self, language);
}

char *
recap_spell_provider_pick_language (RecapSpellProvider *self,
                                    const char         *wanted)
{
  g_auto(GStrv) languages = recap_spell_provider_list_languages (self);
  const char * const *available = (const char * const *) languages;
  const char * const *locales = g_get_language_names ();
  const char *match = recap_spell_match_language (wanted, available);

  for (guint i = 0; match == NULL && locales[i] != NULL; i++)
    {
      /* "de_DE.UTF-8" and "de_DE@euro" name the dictionary "de_DE". */
      g_autofree char *code = g_strndup (locales[i], strcspn (locales[i], ".@"));

      if (!g_str_equal (code, "C") && !g_str_equal (code, "POSIX"))
        match = recap_spell_match_language (code, available);
    }
  /* A desktop in the C locale: English, which most posts are written in. */
  if (match == NULL)
    match = recap_spell_match_language ("en", available);
  if (match == NULL)
    match = available[0];
  return g_strdup (match);
}
