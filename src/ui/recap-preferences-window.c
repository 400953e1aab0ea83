/* recap-preferences-window.c: the application's preferences
 *
 * Each row is bound to its setting with g_settings_bind(), so the window
 * has no state of its own and changes apply at once. Topics are groups of
 * the template's page: a new preference is a row there and a binding here.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-enchant-provider.h"
#include "recap-language-names.h"
#include "recap-preferences-window.h"

struct _RecapPreferencesWindow
{
  RecapPreferencesBase  parent_instance;

  GSettings            *settings;
  GtkStringList        *languages; /* "" (automatic) first, then the dictionaries */

  GtkSwitch            *spell_check_switch;
  AdwComboRow          *language_row;
  AdwEntryRow          *image_folder_row;
  GtkSwitch            *remote_images_switch;
  AdwComboRow          *font_row;
  GtkSpinButton        *font_size_button;
  GtkSwitch            *line_numbers_switch;
  GtkSwitch            *wrap_switch;
  GtkSwitch            *sync_scroll_switch;
  AdwEntryRow          *author_row;
};

G_DEFINE_FINAL_TYPE (RecapPreferencesWindow, recap_preferences_window, RECAP_TYPE_PREFERENCES_BASE)

/* The language row shows a dictionary's name, "Automatic" for the empty code. */
static char *
language_label (GtkStringObject *item,
                GHashTable      *names)
{
  const char *code = gtk_string_object_get_string (item);

  return g_strdup (code[0] != '\0' ? g_hash_table_lookup (names, code) : _("Automatic"));
}

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  GListModel *languages = user_data;
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (languages); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (languages, i);

      if (g_str_equal (gtk_string_object_get_string (item), code))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  g_value_set_uint (value, 0); /* a dictionary since removed: automatic */
  return TRUE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (user_data, g_value_get_uint (value));

  return item != NULL ? g_variant_new_string (gtk_string_object_get_string (item)) : NULL;
}

static void
setup_spelling (RecapPreferencesWindow *self)
{
  g_autoptr(RecapSpellProvider) provider = recap_enchant_provider_new ();
  g_auto(GStrv) codes = recap_spell_provider_list_languages (provider);
  g_auto(GStrv) names = recap_language_names ((const char * const *) codes);
  GHashTable *code_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GtkExpression) label = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    g_hash_table_insert (code_names, g_strdup (codes[i]), g_strdup (names[i]));
  self->languages = gtk_string_list_new (NULL);
  gtk_string_list_append (self->languages, "");
  gtk_string_list_splice (self->languages, 1, 0, (const char * const *) codes);
  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (language_label),
                                       code_names, (GClosureNotify) (void (*) (void)) g_hash_table_unref);
  adw_combo_row_set_expression (self->language_row, label);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (self->languages));

  g_settings_bind (self->settings, "spell-check", self->spell_check_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "spell-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_selected, selected_to_language,
                                self->languages, NULL);
  g_settings_bind (self->settings, "spell-check", self->language_row, "sensitive", G_SETTINGS_BIND_GET);
}

/* The font row lists the "editor-font" choices in the schema's order. */
static const char * const fonts[] = { "monospace", "sans", "serif" };

static gboolean
font_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *font = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    if (g_str_equal (fonts[i], font))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_font (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return selected < G_N_ELEMENTS (fonts) ? g_variant_new_string (fonts[selected]) : NULL;
}

static void
setup_editor (RecapPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "editor-font", self->font_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, font_to_selected, selected_to_font, NULL, NULL);
  g_settings_bind (self->settings, "editor-font-size", self->font_size_button, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-line-numbers", self->line_numbers_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "wrap-text", self->wrap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-scroll", self->sync_scroll_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
recap_preferences_window_dispose (GObject *object)
{
  RecapPreferencesWindow *self = RECAP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->languages);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (recap_preferences_window_parent_class)->dispose (object);
}

static void
recap_preferences_window_class_init (RecapPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, spell_check_switch);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, image_folder_row);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, remote_images_switch);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, font_size_button);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, line_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, wrap_switch);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, sync_scroll_switch);
  gtk_widget_class_bind_template_child (widget_class, RecapPreferencesWindow, author_row);
}

static void
recap_preferences_window_init (RecapPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  setup_editor (self);
  setup_spelling (self);
  g_settings_bind (self->settings, "image-folder", self->image_folder_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "load-remote-images", self->remote_images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
recap_preferences_window_new (void)
{
  return g_object_new (RECAP_TYPE_PREFERENCES_WINDOW, NULL);
}
