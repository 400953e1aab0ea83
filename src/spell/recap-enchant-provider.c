/* recap-enchant-provider.c: spell checking with enchant-2
 *
 * The provider owns an enchant broker and hands out one checker per
 * dictionary; a checker keeps its provider (and so the broker) alive, and
 * leaves the provider's table when the last view lets it go.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <enchant.h>

#include "recap-enchant-provider.h"

struct _RecapEnchantProvider
{
  GObject        parent_instance;

  EnchantBroker *broker;
  GHashTable    *checkers; /* code → RecapEnchantChecker, not owned */
};

#define RECAP_TYPE_ENCHANT_CHECKER (recap_enchant_checker_get_type ())
G_DECLARE_FINAL_TYPE (RecapEnchantChecker, recap_enchant_checker, RECAP, ENCHANT_CHECKER, GObject)

struct _RecapEnchantChecker
{
  GObject               parent_instance;

  RecapEnchantProvider *provider;
  EnchantDict          *dict;
  char                 *language;
};

static void checker_iface_init  (RecapSpellCheckerInterface  *iface);
static void provider_iface_init (RecapSpellProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapEnchantChecker, recap_enchant_checker, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (RECAP_TYPE_SPELL_CHECKER, checker_iface_init))
G_DEFINE_FINAL_TYPE_WITH_CODE (RecapEnchantProvider, recap_enchant_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (RECAP_TYPE_SPELL_PROVIDER, provider_iface_init))

/* Checker */

static const char *
checker_get_language (RecapSpellChecker *checker)
{
  return RECAP_ENCHANT_CHECKER (checker)->language;
}

static gboolean
checker_check_word (RecapSpellChecker *checker,
                    const char        *word,
                    gsize              len)
{
  return enchant_dict_check (RECAP_ENCHANT_CHECKER (checker)->dict, word, len) == 0;
}

static char **
checker_suggest (RecapSpellChecker *checker,
                 const char        *word,
                 gsize              len)
{
  RecapEnchantChecker *self = RECAP_ENCHANT_CHECKER (checker);
  size_t count = 0;
  char **list = enchant_dict_suggest (self->dict, word, len, &count);
  char **suggestions;

  if (list == NULL)
    return NULL;
  suggestions = g_strdupv (list);
  enchant_dict_free_string_list (self->dict, list);
  return suggestions;
}

static void
checker_add_word (RecapSpellChecker *checker,
                  const char        *word)
{
  enchant_dict_add (RECAP_ENCHANT_CHECKER (checker)->dict, word, -1);
}

static void
checker_ignore_word (RecapSpellChecker *checker,
                     const char        *word)
{
  enchant_dict_add_to_session (RECAP_ENCHANT_CHECKER (checker)->dict, word, -1);
}

static void
checker_iface_init (RecapSpellCheckerInterface *iface)
{
  iface->get_language = checker_get_language;
  iface->check_word = checker_check_word;
  iface->suggest = checker_suggest;
  iface->add_word = checker_add_word;
  iface->ignore_word = checker_ignore_word;
}

static void
recap_enchant_checker_finalize (GObject *object)
{
  RecapEnchantChecker *self = RECAP_ENCHANT_CHECKER (object);

  g_hash_table_remove (self->provider->checkers, self->language);
  enchant_broker_free_dict (self->provider->broker, self->dict);
  g_free (self->language);
  g_object_unref (self->provider);

  G_OBJECT_CLASS (recap_enchant_checker_parent_class)->finalize (object);
}

static void
recap_enchant_checker_class_init (RecapEnchantCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_enchant_checker_finalize;
}

static void
recap_enchant_checker_init (RecapEnchantChecker *self)
{
}

/* Provider */

static void
add_language (const char * const lang_tag,
              const char * const provider_name,
              const char * const provider_desc,
              const char * const provider_file,
              void              *user_data)
{
  GPtrArray *languages = user_data;

  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (g_ptr_array_index (languages, i), lang_tag))
      return; /* offered by two backends (hunspell and aspell) */
  g_ptr_array_add (languages, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
provider_list_languages (RecapSpellProvider *provider)
{
  RecapEnchantProvider *self = RECAP_ENCHANT_PROVIDER (provider);
  GPtrArray *languages = g_ptr_array_new ();

  enchant_broker_list_dicts (self->broker, add_language, languages);
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);
  return (char **) g_ptr_array_free (languages, FALSE);
}

static RecapSpellChecker *
provider_get_checker (RecapSpellProvider *provider,
                      const char         *language)
{
  RecapEnchantProvider *self = RECAP_ENCHANT_PROVIDER (provider);
  RecapEnchantChecker *checker = g_hash_table_lookup (self->checkers, language);
  EnchantDict *dict;

  if (checker != NULL)
    return RECAP_SPELL_CHECKER (g_object_ref (checker));
  if ((dict = enchant_broker_request_dict (self->broker, language)) == NULL)
    {
      g_debug ("No dictionary for %s: %s", language, enchant_broker_get_error (self->broker));
      return NULL;
    }
  checker = g_object_new (RECAP_TYPE_ENCHANT_CHECKER, NULL);
  checker->provider = g_object_ref (self);
  checker->dict = dict;
  checker->language = g_strdup (language);
  g_hash_table_insert (self->checkers, checker->language, checker);
  return RECAP_SPELL_CHECKER (checker);
}

static void
provider_iface_init (RecapSpellProviderInterface *iface)
{
  iface->list_languages = provider_list_languages;
  iface->get_checker = provider_get_checker;
}

static void
recap_enchant_provider_finalize (GObject *object)
{
  RecapEnchantProvider *self = RECAP_ENCHANT_PROVIDER (object);

  g_assert (g_hash_table_size (self->checkers) == 0);
  g_hash_table_unref (self->checkers);
  enchant_broker_free (self->broker);

  G_OBJECT_CLASS (recap_enchant_provider_parent_class)->finalize (object);
}

static void
recap_enchant_provider_class_init (RecapEnchantProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_enchant_provider_finalize;
}

static void
recap_enchant_provider_init (RecapEnchantProvider *self)
{
  self->broker = enchant_broker_init ();
  self->checkers = g_hash_table_new (g_str_hash, g_str_equal);
}

RecapSpellProvider *
recap_enchant_provider_new (void)
{
  return g_object_new (RECAP_TYPE_ENCHANT_PROVIDER, NULL);
}
