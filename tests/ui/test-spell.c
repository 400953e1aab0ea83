/* test-spell.c: misspellings underlined in the editor and the form, and their menu
 *
 * Enchant keeps the personal dictionary in a temporary ENCHANT_CONFIG_DIR,
 * never the user's; the dictionaries are Debian's hunspell-en-us and
 * hunspell-de-de.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "config.h"
#include "recap-enchant-provider.h"
#include "recap-front-matter-form.h"
#include "recap-preferences-window.h"
#include "recap-spell-adapter.h"
#include "recap-spell-entry.h"
#include "recap-spell-menu.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST "_posts/2024-01-01-spelling.md"

static const char post_text[] =
  "---\n"
  "title: A meetup with a mispelled title\n"
  "fooz: bar\n"
  "---\n"
  "Paragraf one has a speling error.\n"
  "\n"
  "```\n"
  "fenced codde\n"
  "```\n"
  "\n"
  "Some `inlinne` code and https://exampel.com/pathh links.\n"
  "The lastt line.\n";

/* Its own title word: the personal dictionary outlives a test. */
static const char learn_title_text[] =
  "---\n"
  "title: Notes from the meetupp\n"
  "---\n"
  "Body.\n";

static const char german_text[] =
  "---\n"
  "title: Treffen\n"
  "lang: de\n"
  "---\n"
  "Das ist eine Straße mit Fehlerr.\n";

static char *enchant_dir;

typedef UiTestPost Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  text)
{
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  g_settings_set_boolean (settings, "spell-check", TRUE);
  g_settings_set_string (settings, "spell-language", "en_US");
  g_settings_reset (settings, "spell-languages");
  fixture->site_dir = ui_test_copy_sample_site ();
  path = g_build_filename (fixture->site_dir, POST, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  fixture->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->view = GTK_TEXT_VIEW (ui_test_find_by_type (GTK_WIDGET (fixture->window), GTK_SOURCE_TYPE_VIEW));
  fixture->document = ui_test_open_post (fixture->window, fixture->site_dir, POST);
}

/* The first occurrence of @word in the post. */
static void
find_word (Fixture     *fixture,
           const char  *word,
           GtkTextIter *start,
           GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_forward_search (&iter, word, GTK_TEXT_SEARCH_TEXT_ONLY, start, end, NULL))
    g_error ("No %s in the post", word);
}

/* Whether all of @word is underlined. */
static gboolean
is_underlined (Fixture    *fixture,
               const char *word)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), RECAP_SPELL_ERROR_TAG);
  GtkTextIter start, end;

  find_word (fixture, word, &start, &end);
  if (tag == NULL || !gtk_text_iter_starts_tag (&start, tag))
    return FALSE;
  gtk_text_iter_forward_to_tag_toggle (&start, tag);
  return gtk_text_iter_equal (&start, &end);
}

/* Whether @model or one of its sections and submenus has an item @label. */
static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_label (linked, label))
            return TRUE;
        }
    }
  return FALSE;
}

/* Fills the context menu for @word, as a right click on it does. */
static void
menu_for (Fixture    *fixture,
          const char *word)
{
  RecapSpellMenu *menu = g_object_get_data (G_OBJECT (fixture->view), "recap-spell-menu");
  GtkTextIter start, end;

  g_assert_nonnull (menu);
  find_word (fixture, word, &start, &end);
  gtk_text_iter_forward_char (&start);
  recap_spell_menu_update (menu, &start);
}

static void
test_body (Fixture       *fixture,
           gconstpointer  data)
{
  /* The last line is checked after the others in view. */
  UI_TEST_WAIT_FOR (is_underlined (fixture, "lastt"));
  g_assert_true (is_underlined (fixture, "speling"));
  g_assert_true (is_underlined (fixture, "Paragraf"));
  g_assert_true (is_underlined (fixture, "mispelled"));
  g_assert_false (is_underlined (fixture, "error"));
  g_assert_false (is_underlined (fixture, "fooz"));
  g_assert_false (is_underlined (fixture, "codde"));
  g_assert_false (is_underlined (fixture, "inlinne"));
  g_assert_false (is_underlined (fixture, "exampel"));
  g_assert_false (is_underlined (fixture, "pathh"));

  menu_for (fixture, "speling");
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "spelling"));
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "Add to Dictionary"));
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "Ignore"));
  menu_for (fixture, "error");
  g_assert_false (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "Ignore"));
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "Check Spelling"));
  /* Languages by name, from iso-codes. */
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "English (United States)"));
  g_assert_true (menu_has_label (gtk_text_view_get_extra_menu (fixture->view), "German (Germany)"));
}

static void
test_correct (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = NULL;

  UI_TEST_WAIT_FOR (is_underlined (fixture, "speling"));
  menu_for (fixture, "speling");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spell-word.correct", "s", "spelling"));
  text = ui_test_buffer_text (GTK_TEXT_BUFFER (fixture->document));
  g_assert_nonnull (strstr (text, "has a spelling error."));
  UI_TEST_WAIT_FOR (!is_underlined (fixture, "spelling"));
}

static void
test_add_and_ignore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dictionary = g_build_filename (enchant_dir, "en_US.dic", NULL);
  g_autofree char *words = NULL;

  UI_TEST_WAIT_FOR (is_underlined (fixture, "lastt"));
  menu_for (fixture, "Paragraf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spell-word.add", NULL));
  UI_TEST_WAIT_FOR (!is_underlined (fixture, "Paragraf"));
  g_assert_true (g_file_get_contents (dictionary, &words, NULL, NULL));
  g_assert_nonnull (strstr (words, "Paragraf"));

  menu_for (fixture, "lastt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spell-word.ignore", NULL));
  UI_TEST_WAIT_FOR (!is_underlined (fixture, "lastt"));
  g_assert_null (strstr (words, "lastt"));
  g_assert_true (is_underlined (fixture, "speling"));
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  GtkTextIter start, end;

  UI_TEST_WAIT_FOR (is_underlined (fixture, "lastt"));
  find_word (fixture, "Some", &start, &end);
  gtk_text_buffer_insert_interactive (buffer, &start, "Typedd ```words``` ", -1, TRUE);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "Typedd"));
  /* A letter before the fence makes the code text, and the closing fence
   * an opening one; taking it away brings the code back. */
  find_word (fixture, "```\nfenced", &start, &end);
  gtk_text_buffer_insert_interactive (buffer, &start, "x", -1, TRUE);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "codde") && !is_underlined (fixture, "lastt"));
  find_word (fixture, "x```", &start, &end);
  end = start;
  gtk_text_iter_forward_char (&end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  UI_TEST_WAIT_FOR (!is_underlined (fixture, "codde") && is_underlined (fixture, "lastt"));
}

/* The word being typed is checked once the cursor leaves it, as in GNOME
 * Text Editor: "reca" on the way to "recap" is not flagged. */
static void
test_typing_word (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  static const char * const keys[] = { " ", "R", "e", "c", "a" };
  GtkTextIter start, end;

  UI_TEST_WAIT_FOR (is_underlined (fixture, "lastt"));
  /* Lines are checked in order: once the later line is, "Reca"'s was too. */
  find_word (fixture, "The lastt", &start, &end);
  gtk_text_buffer_insert (buffer, &start, "Qwzx ", -1);
  find_word (fixture, " error.", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_text_buffer_insert_interactive_at_cursor (buffer, keys[i], -1, TRUE);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "Qwzx"));
  g_assert_false (is_underlined (fixture, "Reca"));
  g_assert_true (is_underlined (fixture, "speling"));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "Reca"));
}

static GtkWidget *
title_row (Fixture *fixture)
{
  return recap_front_matter_form_get_row (
    RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->window), RECAP_TYPE_FRONT_MATTER_FORM)),
    "title");
}

static gboolean
title_underlines (Fixture    *fixture,
                  const char *word)
{
  GtkWidget *row = title_row (fixture);
  GtkEditable *text = row ? gtk_editable_get_delegate (GTK_EDITABLE (row)) : NULL;
  const char *title = text ? gtk_editable_get_text (text) : "";
  const char *at = strstr (title, word);
  PangoAttrList *attrs = text ? gtk_text_get_attributes (GTK_TEXT (text)) : NULL;
  g_autoptr(GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = list; l != NULL && at != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE && attr->start_index == (guint) (at - title) &&
          attr->end_index == (guint) (at - title + strlen (word)))
        {
          g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
          return TRUE;
        }
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return FALSE;
}

static void
test_title_field (Fixture       *fixture,
                  gconstpointer  data)
{
  UI_TEST_WAIT_FOR (title_underlines (fixture, "mispelled"));
  g_assert_false (title_underlines (fixture, "meetup"));
}

/* Fills the title's context menu for @word, as a right click on it does;
 * gives the title's GtkText. */
static GtkWidget *
title_menu_for (Fixture    *fixture,
                const char *word)
{
  GtkWidget *row = title_row (fixture);
  RecapSpellEntry *entry = g_object_get_data (G_OBJECT (row), "recap-spell-entry");
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  const char *title = gtk_editable_get_text (text);
  const char *at = strstr (title, word);

  g_assert_nonnull (entry);
  g_assert_nonnull (at);
  recap_spell_entry_update (entry, g_utf8_pointer_to_offset (title, at) + 1);
  return GTK_WIDGET (text);
}

static void
test_title_menu (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *text;
  g_autofree char *expected = NULL;

  UI_TEST_WAIT_FOR (title_underlines (fixture, "mispelled"));
  text = title_menu_for (fixture, "meetup");
  g_assert_false (menu_has_label (gtk_text_get_extra_menu (GTK_TEXT (text)), "Ignore"));
  text = title_menu_for (fixture, "mispelled");
  g_assert_true (menu_has_label (gtk_text_get_extra_menu (GTK_TEXT (text)), "misspelled"));
  g_assert_true (menu_has_label (gtk_text_get_extra_menu (GTK_TEXT (text)), "Add to Dictionary"));
  g_assert_true (menu_has_label (gtk_text_get_extra_menu (GTK_TEXT (text)), "Ignore"));

  /* The front matter's title value changes and nothing else; one undo
   * step brings the post back. */
  g_assert_true (gtk_widget_activate_action (text, "spell-word.correct", "s", "misspelled"));
  expected = g_strjoin (NULL, "---\ntitle: A meetup with a misspelled title\n",
                        strstr (post_text, "fooz:"), NULL);
  UI_TEST_WAIT_FOR (ui_test_buffer_is (GTK_TEXT_BUFFER (fixture->document), expected));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (fixture))), ==, "A meetup with a misspelled title");
  UI_TEST_WAIT_FOR (!title_underlines (fixture, "misspelled"));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (fixture->document));
  UI_TEST_WAIT_FOR (ui_test_buffer_is (GTK_TEXT_BUFFER (fixture->document), post_text));
}

static void
test_title_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dictionary = g_build_filename (enchant_dir, "en_US.dic", NULL);
  g_autofree char *words = NULL;
  GtkWidget *text;

  UI_TEST_WAIT_FOR (title_underlines (fixture, "meetupp"));
  text = title_menu_for (fixture, "meetupp");
  g_assert_true (gtk_widget_activate_action (text, "spell-word.add", NULL));
  UI_TEST_WAIT_FOR (!title_underlines (fixture, "meetupp"));
  g_assert_true (g_file_get_contents (dictionary, &words, NULL, NULL));
  g_assert_nonnull (strstr (words, "meetupp"));
  g_assert_false (menu_has_label (gtk_text_get_extra_menu (GTK_TEXT (text)), "Ignore"));
}

static void
test_toggle (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  UI_TEST_WAIT_FOR (is_underlined (fixture, "lastt") && title_underlines (fixture, "mispelled"));
  /* The menu's "Check Spelling" is the setting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spell.spell-check", NULL));
  g_assert_false (g_settings_get_boolean (settings, "spell-check"));
  g_assert_false (is_underlined (fixture, "speling"));
  g_assert_false (title_underlines (fixture, "mispelled"));
  g_settings_set_boolean (settings, "spell-check", TRUE);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "speling"));
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) chosen = NULL;
  g_autofree char *path = g_build_filename (fixture->site_dir, POST, NULL);
  const char *code;

  /* lang: de picks the German dictionary. */
  UI_TEST_WAIT_FOR (is_underlined (fixture, "Fehlerr"));
  g_assert_false (is_underlined (fixture, "Straße"));
  g_assert_false (is_underlined (fixture, "eine"));

  /* Choosing English from the menu is remembered for the post. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spell.language", "s", "en_US"));
  UI_TEST_WAIT_FOR (is_underlined (fixture, "eine"));
  chosen = g_settings_get_value (settings, "spell-languages");
  g_assert_true (g_variant_lookup (chosen, path, "&s", &code));
  g_assert_cmpstr (code, ==, "en_US");
}

/* The checker the form's title field follows, the pane's. */
static RecapSpellChecker *
title_checker (Fixture *fixture)
{
  GObject *entry = g_object_get_data (G_OBJECT (title_row (fixture)), "recap-spell-entry");
  RecapSpellChecker *checker = NULL;

  g_assert_nonnull (entry);
  g_object_get (entry, "checker", &checker, NULL);
  return checker;
}

/* Going to another post, even through one without spell checking (lines
 * too long), keeps the dictionary: loading it again took 40-70 ms of the
 * step that shows the post. */
static void
test_switch_keeps_dictionary (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) long_line = g_string_new ("---\ntitle: Long line\n---\n");
  RecapSpellChecker *checker;
  RecapSpellChecker *kept;

  while (long_line->len < 70 * 1024)
    g_string_append (long_line, "lorem ipsum dolor sit amet ");
  test_util_write_file (fixture->site_dir, "_posts/2024-01-02-long-line.md", long_line->str);
  /* The first dictionary loads on a worker thread. */
  UI_TEST_WAIT_FOR ((checker = title_checker (fixture)) != NULL);
  kept = checker;
  g_object_add_weak_pointer (G_OBJECT (checker), (gpointer *) &kept);
  g_object_unref (checker);

  ui_test_open_post (fixture->window, fixture->site_dir, "_posts/2021-02-18-first-online-meetup.md");
  checker = title_checker (fixture);
  g_assert_true (checker == kept);
  g_object_unref (checker);
  fixture->document = ui_test_open_post (fixture->window, fixture->site_dir, "_posts/2024-01-02-long-line.md");
  g_assert_true (recap_document_get_cut (fixture->document));
  g_assert_null (title_checker (fixture));
  fixture->document = ui_test_open_post (fixture->window, fixture->site_dir, POST);
  checker = title_checker (fixture);
  g_assert_nonnull (kept);
  g_assert_true (checker == kept);
  g_object_remove_weak_pointer (G_OBJECT (checker), (gpointer *) &kept);
  g_object_unref (checker);
  UI_TEST_WAIT_FOR (is_underlined (fixture, "speling"));
}

/* What the combo row shows for its @position item. */
static char *
label_of (AdwComboRow *row,
          guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (row), item, &value));
  return g_value_dup_string (&value);
}

/* The Spelling group of Preferences sets what the editor follows. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = recap_preferences_window_new ();
  GtkSwitch *toggle;
  AdwComboRow *row;
  GListModel *languages;
  guint german = GTK_INVALID_LIST_POSITION;
  g_autofree char *german_label = NULL;
  g_autofree char *automatic_label = NULL;

  g_settings_set_boolean (settings, "spell-check", TRUE);
  g_settings_set_string (settings, "spell-language", "");
  recap_compat_present (window, NULL);
  toggle = GTK_SWITCH (ui_test_find_by_type (window, GTK_TYPE_SWITCH));
  row = ADW_COMBO_ROW (ui_test_find_by_type (window, ADW_TYPE_COMBO_ROW));
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "spell-check"));
  languages = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (languages); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (languages, i);

      if (g_str_equal (gtk_string_object_get_string (item), "de_DE"))
        german = i;
    }
  g_assert_cmpuint (german, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (row, german);
  german_label = label_of (row, german);
  automatic_label = label_of (row, 0);
  g_assert_cmpstr (german_label, ==, "German (Germany)");
  g_assert_cmpstr (automatic_label, ==, "Automatic");
  g_assert_cmpstr (g_settings_get_string (settings, "spell-language"), ==, "de_DE");
  recap_compat_close (window);
  g_settings_set_boolean (settings, "spell-check", TRUE);
}

/* GTK parents the tooltip to the window it is shown for. */
static gboolean
tooltip_shown (GtkWidget *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (window); child; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow") && gtk_widget_get_mapped (child))
      return TRUE;
  return FALSE;
}

/* Moves the pointer onto @widget, as the user does before its tooltip shows. */
static void
hover (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t center = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;
  double dx, dy;
  Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &center, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XWarpPointer (display, None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0, point.x + dx, point.y + dy);
  XFlush (display);
}

/* A setting changed after a window that showed a tooltip is gone (GTK 4.8
 * keeps that window's "win" action group) reaches no freed window. */
static void
test_settings_after_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *site = NULL;
  RecapWindow *window;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Moves the pointer through X11");
      return;
    }
  window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  site = ui_test_copy_sample_site ();
  ui_test_open_post (window, site, "_posts/2021-02-18-first-online-meetup.md");
  hover (ui_test_find_button (GTK_WIDGET (window), "New Post (Ctrl+N)"));
  UI_TEST_WAIT_FOR (tooltip_shown (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_boolean (settings, "spell-check", !g_settings_get_boolean (settings, "spell-check"));
  g_settings_set_boolean (settings, "sync-scroll", !g_settings_get_boolean (settings, "sync-scroll"));
  g_settings_reset (settings, "spell-check");
  g_settings_reset (settings, "sync-scroll");
  test_util_remove_tree (site);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A dictionary loads on a worker thread: nothing is loaded when the call
 * returns, and the checker it ends with is the one the provider hands out. */
static void
test_dictionary_loads_in_a_thread (void)
{
  g_autoptr(RecapSpellProvider) provider = recap_enchant_provider_new ();
  RecapEnchantProvider *enchant = RECAP_ENCHANT_PROVIDER (provider);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(RecapSpellChecker) checker = NULL;
  g_autoptr(RecapSpellChecker) again = NULL;
  g_autoptr(GError) error = NULL;

  recap_enchant_provider_load_checker_async (enchant, "en_US", NULL, store_result, &loaded);
  g_assert_null (recap_enchant_provider_lookup (enchant, "en_US"));
  UI_TEST_WAIT_FOR (loaded != NULL);
  checker = recap_enchant_provider_load_checker_finish (enchant, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recap_spell_checker_get_language (checker), ==, "en_US");
  g_assert_true (recap_spell_checker_check_word (checker, "spelling", 8));
  g_assert_false (recap_spell_checker_check_word (checker, "speling", 7));
  again = recap_spell_provider_get_checker (provider, "en_US");
  g_assert_true (again == checker);

  recap_enchant_provider_load_checker_async (enchant, "xx_XX", NULL, store_result, &missing);
  UI_TEST_WAIT_FOR (missing != NULL);
  g_assert_null (recap_enchant_provider_load_checker_finish (enchant, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before enchant starts: the personal dictionary goes here. */
  enchant_dir = g_dir_make_tmp ("recap-enchant-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("ENCHANT_CONFIG_DIR", enchant_dir, TRUE);
  if (!ui_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/spell/settings-after-window", test_settings_after_window);
#define ADD(name, text, func) \
  g_test_add ("/spell/" name, Fixture, text, fixture_set_up, func, ui_test_post_tear_down)
  ADD ("body", post_text, test_body);
  ADD ("correct", post_text, test_correct);
  ADD ("add-and-ignore", post_text, test_add_and_ignore);
  ADD ("typing", post_text, test_typing);
  ADD ("typing-word", post_text, test_typing_word);
  ADD ("title-field", post_text, test_title_field);
  ADD ("title-menu", post_text, test_title_menu);
  ADD ("title-add", learn_title_text, test_title_add);
  ADD ("toggle", post_text, test_toggle);
  ADD ("language", german_text, test_language);
  ADD ("switch-keeps-dictionary", post_text, test_switch_keeps_dictionary);
#undef ADD
  g_test_add_func ("/spell/preferences", test_preferences);
  g_test_add_func ("/spell/dictionary-loads-in-a-thread", test_dictionary_loads_in_a_thread);

  status = g_test_run ();
  test_util_remove_tree (enchant_dir);
  g_free (enchant_dir);
  return status;
}
