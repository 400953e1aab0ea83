/* recap-spell-provider.h: spell checking behind a small interface
 *
 * A provider lists the dictionaries installed and hands out one checker
 * per language; a checker checks words, suggests corrections and learns
 * words for good (the personal dictionary) or for the session. Recap's
 * backend is enchant-2 (recap-enchant-provider.h), as GNOME Text Editor 43
 * had before libspelling; another backend implements the same two
 * interfaces.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RECAP_TYPE_SPELL_CHECKER (recap_spell_checker_get_type ())
G_DECLARE_INTERFACE (RecapSpellChecker, recap_spell_checker, RECAP, SPELL_CHECKER, GObject)

struct _RecapSpellCheckerInterface
{
  GTypeInterface parent_iface;

  const char  *(*get_language) (RecapSpellChecker *self);
  gboolean     (*check_word)   (RecapSpellChecker *self,
                                const char        *word,
                                gsize              len);
  char       **(*suggest)      (RecapSpellChecker *self,
                                const char        *word,
                                gsize              len);
  void         (*add_word)     (RecapSpellChecker *self,
                                const char        *word);
  void         (*ignore_word)  (RecapSpellChecker *self,
                                const char        *word);
};

/* The dictionary's code, like "en_US". */
const char  *recap_spell_checker_get_language (RecapSpellChecker *self);
/* Whether @word (@len bytes of UTF-8) is spelled right. */
gboolean     recap_spell_checker_check_word   (RecapSpellChecker *self,
                                               const char        *word,
                                               gsize              len);
/* Corrections for @word, best first; never NULL. */
char       **recap_spell_checker_suggest      (RecapSpellChecker *self,
                                               const char        *word,
                                               gsize              len);
/* Adds @word to the personal dictionary; emits "changed". */
void         recap_spell_checker_add_word     (RecapSpellChecker *self,
                                               const char        *word);
/* Accepts @word until the program ends; emits "changed". */
void         recap_spell_checker_ignore_word  (RecapSpellChecker *self,
                                               const char        *word);

#define RECAP_TYPE_SPELL_PROVIDER (recap_spell_provider_get_type ())
G_DECLARE_INTERFACE (RecapSpellProvider, recap_spell_provider, RECAP, SPELL_PROVIDER, GObject)

struct _RecapSpellProviderInterface
{
  GTypeInterface parent_iface;

  char              **(*list_languages) (RecapSpellProvider *self);
  RecapSpellChecker  *(*get_checker)    (RecapSpellProvider *self,
                                         const char         *language);
};

/* The codes of the dictionaries installed, sorted. */
char              **recap_spell_provider_list_languages (RecapSpellProvider *self);
/* The checker of dictionary @language (a code from the list), or NULL
 * when it cannot be loaded. One checker per language: words ignored in
 * one view are ignored in all. (transfer full) */
RecapSpellChecker  *recap_spell_provider_get_checker    (RecapSpellProvider *self,
                                                         const char         *language);
/* The installed dictionary that best fits @wanted ("de", "en-GB"), else
 * the one of the user's locale, else English, else the first; NULL
 * without any. */
char               *recap_spell_provider_pick_language  (RecapSpellProvider *self,
                                                         const char         *wanted);

G_END_DECLS
