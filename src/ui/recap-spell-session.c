/* recap-spell-session.c: spell checking of one editor pane
 *
 * Owns the pane's spell checking: the enchant provider, the adapter of the
 * source view's buffer and its context menu, the "spell" actions (the
 * "spell-check" setting and the post's language) and the checker that the
 * form's prose fields follow. The language of a post is, first to last:
 * the one chosen for it from the menu (remembered in the "spell-languages"
 * setting by path: choosing never changes the file, and it works where GIO
 * file metadata does not, like a Flatpak without gvfs), the "lang:" of its
 * front matter, the "lang" of the site's _config.yml, the default of
 * Preferences, the desktop's language.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-enchant-provider.h"
#include "recap-language-names.h"
#include "recap-spell-adapter.h"
#include "recap-spell-entry.h"
#include "recap-spell-menu.h"
#include "recap-spell-session.h"
#include "recap-spell-text.h"
#include "recap-text-area-row.h"

/* How much of the buffer's start is searched for the front matter's lang:. */
#define FRONT_MATTER_LINES 200

struct _RecapSpellSession
{
  GObject             parent_instance;

  GtkTextView        *view;   /* weak: the pane owns both */
  RecapSpellProvider *provider;
  RecapSpellChecker  *checker;
  RecapSpellChecker  *kept;   /* the last checker, while spell checking is on */
  RecapSpellAdapter  *adapter;
  RecapSpellMenu     *menu;   /* the view's, kept for the dispose after the view's */
  GSettings          *settings;
  GSimpleAction      *language_action;

  RecapDocument      *document;
  GSignalGroup       *document_signals;
  char               *site_lang; /* from _config.yml */
  GCancellable       *site_cancellable;
  char               *loading;   /* the language of the dictionary loading */
  GCancellable       *load_cancellable;
};

G_DEFINE_FINAL_TYPE (RecapSpellSession, recap_spell_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The key of the post in "spell-languages". */
static char *
document_key (RecapDocument *document)
{
  GFile *file = recap_document_get_file (document);

  return g_file_get_path (file) ?: g_file_get_uri (file);
}

static char *
front_matter_lang (RecapDocument *document)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextIter start, end;
  g_autofree char *head = NULL;
  const char *close;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_line (buffer, &end, FRONT_MATTER_LINES);
  head = gtk_text_iter_get_slice (&start, &end);
  if (!g_str_has_prefix (head, "---\n") || (close = strstr (head + 4, "\n---")) == NULL)
    return NULL;
  return recap_spell_find_lang (head, close - head);
}

/* The language the post asks for, before matching it to a dictionary. */
static char *
wanted_language (RecapSpellSession *self)
{
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "spell-languages");
  g_autofree char *key = document_key (self->document);
  g_autofree char *lang = NULL;
  const char *code;

  if (g_variant_lookup (chosen, key, "&s", &code))
    return g_strdup (code);
  if ((lang = front_matter_lang (self->document)) != NULL)
    return g_steal_pointer (&lang);
  if (self->site_lang != NULL)
    return g_strdup (self->site_lang);
  return g_settings_get_string (self->settings, "spell-language");
}

static gboolean
is_enabled (RecapSpellSession *self)
{
  return self->document != NULL && g_settings_get_boolean (self->settings, "spell-check") &&
         !recap_document_get_large (self->document) && !recap_document_get_cut (self->document) &&
         self->view != NULL && gtk_text_view_get_buffer (self->view) == GTK_TEXT_BUFFER (self->document);
}

static void
set_checker (RecapSpellSession *self,
             RecapSpellChecker *checker)
{
  if (!g_set_object (&self->checker, checker))
    return;
  if (self->adapter != NULL)
    recap_spell_adapter_set_checker (self->adapter, checker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

static void update_checker (RecapSpellSession *self);

static void
checker_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecapSpellChecker) checker =
    recap_enchant_provider_load_checker_finish (RECAP_ENCHANT_PROVIDER (object), result, &error);
  RecapSpellSession *self = user_data;

  /* Cancelled: the session is gone, or another language is loading. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->loading, g_free);
  if (checker == NULL)
    {
      g_debug ("%s", error->message);
      return;
    }
  g_set_object (&self->kept, checker);
  update_checker (self);
}

/* The checker of @language when it is loaded already, else NULL: its
 * dictionary then loads on a worker thread and the checker follows. The
 * first post of a window spent 40-70 ms of its step loading it. */
static RecapSpellChecker *
loaded_checker (RecapSpellSession *self,
                const char        *language)
{
  RecapSpellChecker *checker = recap_enchant_provider_lookup (RECAP_ENCHANT_PROVIDER (self->provider), language);

  if (checker != NULL || g_strcmp0 (self->loading, language) == 0)
    return checker;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_free (self->loading);
  self->loading = g_strdup (language);
  recap_enchant_provider_load_checker_async (RECAP_ENCHANT_PROVIDER (self->provider), language,
                                             self->load_cancellable, checker_loaded, self);
  return NULL;
}

/* Works out the checker from the settings, the document and the language.
 * The last one is kept while spell checking is on: switching posts went
 * through none (the view takes the new buffer first), or through a big post
 * without spell checking, and loading the dictionary again and freeing it
 * took 40-70 ms of the step that shows a post. */
static void
update_checker (RecapSpellSession *self)
{
  g_autoptr(RecapSpellChecker) checker = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *language = NULL;

  if (self->document != NULL)
    {
      wanted = wanted_language (self);
      language = recap_spell_provider_pick_language (self->provider, wanted);
    }
  g_simple_action_set_state (self->language_action, g_variant_new_string (language ?: ""));
  if (language != NULL && is_enabled (self))
    checker = loaded_checker (self, language);
  set_checker (self, checker);
  if (checker != NULL)
    g_set_object (&self->kept, checker);
  else if (!g_settings_get_boolean (self->settings, "spell-check"))
    g_clear_object (&self->kept);
}

/* The source view's buffer, which follows the pane's document. */
static void
view_buffer_changed (RecapSpellSession *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

  if (self->adapter != NULL && recap_spell_adapter_get_buffer (self->adapter) != buffer)
    {
      recap_spell_menu_set_adapter (self->menu, NULL);
      g_clear_object (&self->adapter);
    }
  if (self->adapter == NULL && buffer != NULL)
    {
      self->adapter = recap_spell_adapter_new (buffer, TRUE);
      recap_spell_adapter_set_view (self->adapter, self->view);
      recap_spell_menu_set_adapter (self->menu, self->adapter);
    }
  update_checker (self);
}

/* Actions */

static void
language_change_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  RecapSpellSession *self = user_data;
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "spell-languages");
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *path, *code;

  if (self->document == NULL)
    return;
  key = document_key (self->document);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, chosen);
  while (g_variant_iter_next (&iter, "{&s&s}", &path, &code))
    if (!g_str_equal (path, key))
      g_variant_builder_add (&builder, "{ss}", path, code);
  g_variant_builder_add (&builder, "{ss}", key, g_variant_get_string (state, NULL));
  g_settings_set_value (self->settings, "spell-languages", g_variant_builder_end (&builder));
  update_checker (self);
}

/* "Check Spelling" and the languages, under the word's items. */
static GMenuModel *
settings_menu_new (RecapSpellSession *self)
{
  g_auto(GStrv) languages = recap_spell_provider_list_languages (self->provider);
  g_auto(GStrv) names = recap_language_names ((const char * const *) languages);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) languages_menu = g_menu_new ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target (item, "spell.language", "s", languages[i]);
      g_menu_append_item (languages_menu, item);
    }
  g_menu_append (menu, _("Check Spelling"), "spell.spell-check");
  if (languages[0] != NULL)
    g_menu_append_submenu (menu, _("Language"), G_MENU_MODEL (languages_menu));
  return G_MENU_MODEL (menu);
}

static void
add_actions (RecapSpellSession *self,
             GtkWidget         *owner)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) enabled = g_settings_create_action (self->settings, "spell-check");

  self->language_action = g_simple_action_new_stateful ("language", G_VARIANT_TYPE_STRING,
                                                        g_variant_new_string (""));
  g_signal_connect_object (self->language_action, "change-state",
                           G_CALLBACK (language_change_state), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), enabled);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->language_action));
  gtk_widget_insert_action_group (owner, "spell", G_ACTION_GROUP (group));
}

/* The site's language */

static void
config_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RecapSpellSession) self = user_data;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &len, NULL, NULL))
    return; /* no _config.yml, or cancelled by another site */
  g_free (self->site_lang);
  self->site_lang = recap_spell_find_lang (contents, len);
  update_checker (self);
}

/* GObject */

static void
recap_spell_session_dispose (GObject *object)
{
  RecapSpellSession *self = RECAP_SPELL_SESSION (object);

  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->loading, g_free);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  if (self->menu != NULL)
    recap_spell_menu_set_adapter (self->menu, NULL);
  g_clear_object (&self->menu);
  g_clear_object (&self->adapter);
  g_clear_object (&self->checker);
  g_clear_object (&self->kept);
  g_clear_object (&self->language_action);
  g_clear_object (&self->settings);
  g_clear_object (&self->provider);
  g_clear_weak_pointer (&self->view);
  g_clear_pointer (&self->site_lang, g_free);

  G_OBJECT_CLASS (recap_spell_session_parent_class)->dispose (object);
}

static void
recap_spell_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, RECAP_SPELL_SESSION (object)->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_spell_session_class_init (RecapSpellSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = recap_spell_session_dispose;
  object_class->get_property = recap_spell_session_get_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, RECAP_TYPE_SPELL_CHECKER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_spell_session_init (RecapSpellSession *self)
{
  self->provider = recap_enchant_provider_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::spell-check",
                           G_CALLBACK (update_checker), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-language",
                           G_CALLBACK (update_checker), self, G_CONNECT_SWAPPED);
  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::large",
                                 G_CALLBACK (update_checker), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::cut",
                                 G_CALLBACK (update_checker), self, G_CONNECT_SWAPPED);
}

/* Public API */

RecapSpellSession *
recap_spell_session_new (GtkWidget   *owner,
                         GtkTextView *view)
{
  RecapSpellSession *self;
  g_autoptr(GMenuModel) settings_menu = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (RECAP_TYPE_SPELL_SESSION, NULL);
  g_set_weak_pointer (&self->view, view);
  add_actions (self, owner);
  settings_menu = settings_menu_new (self);
  self->menu = g_object_ref (recap_spell_menu_attach (view, settings_menu));
  g_signal_connect_object (view, "notify::buffer", G_CALLBACK (view_buffer_changed), self, G_CONNECT_SWAPPED);
  view_buffer_changed (self);
  return self;
}

void
recap_spell_session_set_document (RecapSpellSession *self,
                                  RecapDocument     *document)
{
  g_return_if_fail (RECAP_IS_SPELL_SESSION (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  update_checker (self);
}

void
recap_spell_session_set_site (RecapSpellSession *self,
                              RecapSite         *site)
{
  g_autoptr(GFile) config = NULL;

  g_return_if_fail (RECAP_IS_SPELL_SESSION (self));

  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  g_clear_pointer (&self->site_lang, g_free);
  if (site == NULL)
    return;
  self->site_cancellable = g_cancellable_new ();
  config = g_file_get_child (recap_site_get_root (site), "_config.yml");
  g_file_load_contents_async (config, self->site_cancellable, config_loaded, g_object_ref (self));
}

RecapSpellChecker *
recap_spell_session_get_checker (RecapSpellSession *self)
{
  g_return_val_if_fail (RECAP_IS_SPELL_SESSION (self), NULL);
  return self->checker;
}

void
recap_spell_session_attach_field (RecapSpellSession *self,
                                  GtkWidget         *field)
{
  GObject *target;

  g_return_if_fail (RECAP_IS_SPELL_SESSION (self));

  if (RECAP_IS_TEXT_AREA_ROW (field))
    {
      GtkTextView *view = recap_text_area_row_get_text_view (RECAP_TEXT_AREA_ROW (field));
      RecapSpellAdapter *adapter = recap_spell_adapter_new (gtk_text_view_get_buffer (view), FALSE);

      recap_spell_menu_set_adapter (recap_spell_menu_attach (view, NULL), adapter);
      g_object_set_data_full (G_OBJECT (field), "recap-spell-adapter", adapter, g_object_unref);
      target = G_OBJECT (adapter);
    }
  else if (GTK_IS_EDITABLE (field))
    target = G_OBJECT (recap_spell_entry_attach (GTK_EDITABLE (field)));
  else
    return; /* a value the form shows read-only, like a title that is a list */
  g_object_bind_property (self, "checker", target, "checker", G_BINDING_SYNC_CREATE);
}
