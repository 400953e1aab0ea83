/* recap-enchant-provider.c: spell checking with enchant-2
 *
 * The provider owns an enchant broker and hands out one checker per
 * dictionary; a checker keeps its provider (and so the broker) alive, and
 * leaves the provider's table when the last view lets it go. A dictionary
 * loaded on a worker thread comes with a broker of its own, which its
 * checker keeps: a broker is not for two threads at once.
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
  EnchantBroker        *broker;   /* of the dictionary loaded on a thread, else NULL */
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
  enchant_broker_free_dict (self->broker ? self->broker : self->provider->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
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

/* A checker of @dict, from @broker (NULL: the provider's). */
static RecapSpellChecker *
checker_new (RecapEnchantProvider *self,
             const char           *language,
             EnchantBroker        *broker,
             EnchantDict          *dict)
{
  RecapEnchantChecker *checker = g_object_new (RECAP_TYPE_ENCHANT_CHECKER, NULL);

  g_assert (g_hash_table_lookup (self->checkers, language) == NULL);
  checker->provider = g_object_ref (self);
  checker->broker = broker;
  checker->dict = dict;
  checker->language = g_strdup (language);
  g_hash_table_insert (self->checkers, checker->language, checker);
  return RECAP_SPELL_CHECKER (checker);
}

static RecapSpellChecker *
provider_get_checker (RecapSpellProvider *provider,
                      const char         *language)
{
  RecapEnchantProvider *self = RECAP_ENCHANT_PROVIDER (provider);
  RecapSpellChecker *checker = recap_enchant_provider_lookup (self, language);
  EnchantDict *dict;

  if (checker != NULL)
    return checker;
  if ((dict = enchant_broker_request_dict (self->broker, language)) == NULL)
    {
      g_debug ("No dictionary for %s: %s", language, enchant_broker_get_error (self->broker));
      return NULL;
    }
  return checker_new (self, language, NULL, dict);
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

RecapSpellChecker *
recap_enchant_provider_lookup (RecapEnchantProvider *self,
                               const char           *language)
{
  RecapEnchantChecker *checker;

  g_return_val_if_fail (RECAP_IS_ENCHANT_PROVIDER (self), NULL);

  checker = g_hash_table_lookup (self->checkers, language);
  return checker ? RECAP_SPELL_CHECKER (g_object_ref (checker)) : NULL;
}

/* What a load on a worker thread makes. */
typedef struct {
  char          *language;
  EnchantBroker *broker;
  EnchantDict   *dict;
} Load;

static void
load_free (Load *load)
{
  if (load->dict != NULL)
    enchant_broker_free_dict (load->broker, load->dict);
  g_clear_pointer (&load->broker, enchant_broker_free);
  g_free (load->language);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;

  load->broker = enchant_broker_init ();
  load->dict = enchant_broker_request_dict (load->broker, load->language);
  if (load->dict == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No dictionary for %s: %s",
                             load->language, enchant_broker_get_error (load->broker));
  else
    g_task_return_boolean (task, TRUE);
}

void
recap_enchant_provider_load_checker_async (RecapEnchantProvider *self,
                                           const char           *language,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (RECAP_IS_ENCHANT_PROVIDER (self));
  g_return_if_fail (language != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, recap_enchant_provider_load_checker_async);
  load = g_new0 (Load, 1);
  load->language = g_strdup (language);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_in_thread);
}

RecapSpellChecker *
recap_enchant_provider_load_checker_finish (RecapEnchantProvider  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  RecapSpellChecker *checker;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  /* Loaded meanwhile (another load, or the provider's own): that one. */
  if ((checker = recap_enchant_provider_lookup (self, load->language)) != NULL)
    return checker;
  checker = checker_new (self, load->language, g_steal_pointer (&load->broker), g_steal_pointer (&load->dict));
  return checker;
}
