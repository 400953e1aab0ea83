/* test-form.c: the front-matter form edits exactly the value's bytes, and follows the YAML
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-chips-row.h"
#include "recap-front-matter.h"
#include "recap-front-matter-form.h"
#include "recap-text-area-row.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define WORKSHOP "_posts/2022-05-12-packaging-workshop.md"

typedef struct {
  UiTestPost            post;
  RecapFrontMatterForm *form;
  char                 *original;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  relative_path)
{
  fixture->post.site_dir = ui_test_copy_sample_site ();
  fixture->post.window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->post.window));
  fixture->form = RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->post.window),
                                                                 RECAP_TYPE_FRONT_MATTER_FORM));
  fixture->post.document = ui_test_open_post (fixture->post.window, fixture->post.site_dir, relative_path);
  fixture->original = ui_test_read_file (fixture->post.site_dir, relative_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_post_tear_down (&fixture->post, data);
  g_free (fixture->original);
}

/* The original text with one replacement, which must occur exactly once. */
static char *
original_with (Fixture    *fixture,
               const char *old_bytes,
               const char *new_bytes)
{
  const char *at = strstr (fixture->original, old_bytes);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old_bytes));
  return g_strdup_printf ("%.*s%s%s", (int) (at - fixture->original), fixture->original,
                          new_bytes, at + strlen (old_bytes));
}

/* After an edit: exact bytes, then undo gives the original back, redo the edit. */
static void
assert_edit_and_undo (Fixture    *fixture,
                      const char *expected)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);

  ui_test_assert_buffer (fixture->post.document, expected);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  ui_test_assert_buffer (fixture->post.document, fixture->original);
  gtk_text_buffer_redo (buffer);
  ui_test_assert_buffer (fixture->post.document, expected);
}

static void
test_known_fields_in_order (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const labels[] = {
    "Title", "Author", "Date", "Event", "Layout", "Tags", "Categories", "Excerpt",
    "Featured", "Image", "seo",
  };
  GtkWidget *list = gtk_widget_get_parent (ui_test_form_row (fixture->form, "title"));
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (labels));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), ==, labels[i++]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (labels));
  g_assert_nonnull (ui_test_form_row (fixture->form, "seo.type"));
}

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "\"Packaging workshop: from script to wheel\"",
                                             "\"Packaging night: wheels for everyone\"");

  gtk_editable_set_text (GTK_EDITABLE (ui_test_form_row (fixture->form, "title")), "Packaging night: wheels for everyone");
  g_signal_emit_by_name (ui_test_form_row (fixture->form, "title"), "apply");

  assert_edit_and_undo (fixture, expected);
}

static void
test_author_needing_quotes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "author: priya-raman", "author: \"priya: raman\"");

  gtk_editable_set_text (GTK_EDITABLE (ui_test_form_row (fixture->form, "author")), "priya: raman");
  g_signal_emit_by_name (ui_test_form_row (fixture->form, "author"), "apply");

  assert_edit_and_undo (fixture, expected);
}

static void
test_date_keeps_time_and_zone (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "2022-05-12 19:05:00 -0500", "2022-05-19 19:05:00 -0500");
  GtkCalendar *calendar = GTK_CALENDAR (ui_test_find_by_type (ui_test_form_row (fixture->form, "date"), GTK_TYPE_CALENDAR));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day = g_date_time_new (utc, 2022, 5, 19, 0, 0, 0);

  gtk_calendar_select_day (calendar, day);

  assert_edit_and_undo (fixture, expected);
}

static void
test_tags_chips (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "  - Workshop\n", "  - Workshop\n  - Wheels\n");
  GtkEditable *entry = recap_chips_row_get_editable (RECAP_CHIPS_ROW (ui_test_form_row (fixture->form, "tags")));

  gtk_editable_set_text (entry, "Wheels");
  g_signal_emit_by_name (entry, "activate");

  assert_edit_and_undo (fixture, expected);
}

/* A key press as GTK delivers it: the completion's capture handler first,
 * then, unless it took the key, the entry's activate for Enter. */
static void
press_key (GtkWidget   *row,
           GtkEditable *entry,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  if (!handled && keyval == GDK_KEY_Return)
    g_signal_emit_by_name (entry, "activate");
}

static const char * const tag_suggestions[] = {
  "data analysis/ipython", "cpython", "python", "Python tips", "pythonic", NULL,
};

static GtkEditable *
typed_tag (Fixture    *fixture,
           const char *text)
{
  GtkWidget *tags = ui_test_form_row (fixture->form, "tags");
  GtkEditable *entry = recap_chips_row_get_editable (RECAP_CHIPS_ROW (tags));

  recap_chips_row_set_suggestions (RECAP_CHIPS_ROW (tags), tag_suggestions);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  return entry;
}

/* The completion's popover, the last child of the row it completes. */
static GtkWidget *
suggestions_popover (Fixture *fixture)
{
  GtkWidget *popover = gtk_widget_get_last_child (ui_test_form_row (fixture->form, "tags"));

  g_assert_true (GTK_IS_POPOVER (popover));
  return popover;
}

static void
assert_last_tag (Fixture    *fixture,
                 const char *tag)
{
  g_auto(GStrv) items = recap_chips_row_dup_items (RECAP_CHIPS_ROW (ui_test_form_row (fixture->form, "tags")));
  guint n = g_strv_length (items);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (items[n - 1], ==, tag);
}

/* Enter adds what was typed, even while suggestions that contain it show. */
static void
test_tag_enter_adds_typed (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkEditable *entry = typed_tag (fixture, "python");

  g_assert_true (gtk_widget_get_visible (suggestions_popover (fixture)));
  press_key (ui_test_form_row (fixture->form, "tags"), entry, GDK_KEY_Return);

  assert_last_tag (fixture, "python");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

/* Down moves into the list; Enter then takes the suggestion chosen. */
static void
test_tag_enter_after_down_takes_suggestion (Fixture       *fixture,
                                            gconstpointer  data)
{
  GtkEditable *entry = typed_tag (fixture, "pyth");

  press_key (ui_test_form_row (fixture->form, "tags"), entry, GDK_KEY_Down);
  press_key (ui_test_form_row (fixture->form, "tags"), entry, GDK_KEY_Return);

  assert_last_tag (fixture, "python");
}

/* The same for a one-line field: "dev" stays "dev", not "dev-patel". */
static void
test_author_enter_keeps_typed (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *author = ui_test_form_row (fixture->form, "author");
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (author));
  g_autofree char *expected = original_with (fixture, "author: priya-raman", "author: dev");

  gtk_widget_grab_focus (GTK_WIDGET (text));
  gtk_editable_set_text (GTK_EDITABLE (author), "dev");
  g_assert_true (GTK_IS_POPOVER (gtk_widget_get_last_child (author)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (author)));
  press_key (author, text, GDK_KEY_Return);

  ui_test_assert_buffer (fixture->post.document, expected);
}

/* Suggestions that start with the text come before those that contain it. */
static void
test_tag_suggestions_ranked (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const expected[] = {
    "python", "Python tips", "pythonic", "data analysis/ipython", "cpython",
  };
  GtkWidget *popover;
  GtkWidget *list;
  guint i = 0;

  typed_tag (fixture, "pyth");
  popover = suggestions_popover (fixture);
  g_assert_true (gtk_widget_get_visible (popover));
  list = ui_test_find_by_type (popover, GTK_TYPE_LIST_BOX);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));

      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected[i++]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  g_assert_null (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
}

static void
test_flow_categories_remove_chip (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "[ meetup, workshop ]", "[ meetup ]");
  GtkWidget *categories = ui_test_form_row (fixture->form, "categories");
  const char *remaining[] = { "meetup", NULL };
  /* The last chip: the entry for a new item comes after it. */
  GtkWidget *flow_child = gtk_widget_get_prev_sibling (
    gtk_widget_get_last_child (ui_test_find_by_type (categories, GTK_TYPE_FLOW_BOX)));

  g_signal_emit_by_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (flow_child)), "clicked");

  assert_edit_and_undo (fixture, expected);
  g_assert_true (recap_chips_row_has_items (RECAP_CHIPS_ROW (categories), remaining));
}

static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "featured: true", "featured: false");
  GtkSwitch *toggle = GTK_SWITCH (ui_test_find_by_type (ui_test_form_row (fixture->form, "featured"), GTK_TYPE_SWITCH));

  g_assert_true (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, FALSE);

  assert_edit_and_undo (fixture, expected);
}

static void
test_nested_map (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "  type: Article", "  type: BlogPosting");

  gtk_editable_set_text (GTK_EDITABLE (ui_test_form_row (fixture->form, "seo.type")), "BlogPosting");
  g_signal_emit_by_name (ui_test_form_row (fixture->form, "seo.type"), "apply");

  assert_edit_and_undo (fixture, expected);
}

static void
test_remove_field (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *expected = original_with (fixture, "image:\n", "");
  GtkWidget *remove = ui_test_find_button (ui_test_form_row (fixture->form, "image"), "Remove Field");

  g_signal_emit_by_name (remove, "clicked");

  assert_edit_and_undo (fixture, expected);
}

static void
test_yaml_typing_updates_form (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  const char *at = strstr (fixture->original, "priya-raman");
  GtkTextIter iter, cursor;

  /* The YAML shown in the source, as its switch in the form's header does. */
  recap_front_matter_form_set_yaml_shown (fixture->form, TRUE);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (fixture->original, at) + 5);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_insert_at_cursor (buffer, "X", 1);
  recap_front_matter_form_sync (fixture->form);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_form_row (fixture->form, "author"))), ==, "priyaX-raman");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, g_utf8_pointer_to_offset (fixture->original, at) + 6);
}

static void
test_invalid_yaml_makes_form_read_only (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkRevealer *banner;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  gtk_text_buffer_insert (buffer, &iter, "title: [unclosed\n", -1);
  recap_front_matter_form_sync (fixture->form);

  banner = GTK_REVEALER (ui_test_find_by_type (GTK_WIDGET (fixture->form), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_false (gtk_widget_is_sensitive (ui_test_form_row (fixture->form, "author")));

  gtk_text_buffer_undo (buffer);
  recap_front_matter_form_sync (fixture->form);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_true (gtk_widget_is_sensitive (ui_test_form_row (fixture->form, "author")));
  ui_test_assert_buffer (fixture->post.document, fixture->original);
}

/* A value an alias elsewhere reads is shown, not offered for editing. */
static void
test_shared_anchor_read_only (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char text[] = "---\ntitle: &t Old\nog_title: *t\nauthor: kim\n---\nBody\n";
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkWidget *title;

  gtk_text_buffer_set_text (buffer, text, -1);
  recap_front_matter_form_sync (fixture->form);

  title = ui_test_form_row (fixture->form, "title");
  g_assert_false (GTK_IS_EDITABLE (title));
  g_assert_true (ADW_IS_ACTION_ROW (title));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (title)),
                            "“title” is shared with “og_title” through the anchor &t"));
  g_assert_nonnull (ui_test_find_button (title, "_Edit in Source"));
  /* Removing the anchored value would leave the alias reading nothing. */
  g_assert_false (ui_test_has_button (title, "Remove Field"));
  g_assert_true (ui_test_has_button (ui_test_form_row (fixture->form, "og_title"), "Remove Field"));
  g_assert_true (GTK_IS_EDITABLE (ui_test_form_row (fixture->form, "author")));
  ui_test_assert_buffer (fixture->post.document, text);
}

static GString *
many_keys_text (guint keys)
{
  GString *text = g_string_new ("---\n");

  for (guint i = 0; i < keys; i++)
    g_string_append_printf (text, "key%u: value %u\n", i, i);
  g_string_append (text, "---\nBody\n");
  return text;
}

static const char *
notice_text (GtkStack *stack)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "notice");

  return gtk_label_get_label (GTK_LABEL (ui_test_find_by_type (page, GTK_TYPE_LABEL)));
}

static void
count_show_source (RecapFrontMatterForm *form,
                   guint                 line,
                   guint                 column,
                   guint                *calls)
{
  (*calls)++;
}

/* Beyond a few hundred fields the form points to the source; big front
 * matter is parsed in a thread, so the window never waits for it. */
static void
test_many_keys_notice (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkStack *stack = GTK_STACK (ui_test_find_by_type (GTK_WIDGET (fixture->form), GTK_TYPE_STACK));
  g_autoptr(GString) few = many_keys_text (300);
  g_autoptr(GString) more = many_keys_text (301);
  g_autoptr(GString) many = many_keys_text (10000);
  guint calls = 0;

  g_signal_connect (fixture->form, "show-source", G_CALLBACK (count_show_source), &calls);

  gtk_text_buffer_set_text (buffer, few->str, few->len);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "fields");
  g_assert_nonnull (ui_test_form_row (fixture->form, "key299"));

  gtk_text_buffer_set_text (buffer, more->str, more->len);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "notice");
  g_assert_cmpstr (notice_text (stack), ==, "This front matter has 301 fields; edit it in the source");
  g_assert_null (recap_front_matter_form_get_row (fixture->form, "key0"));

  gtk_text_buffer_set_text (buffer, few->str, few->len);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "fields");

  gtk_text_buffer_set_text (buffer, many->str, many->len);
  recap_front_matter_form_sync (fixture->form);
  UI_TEST_WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (stack), "notice"));
  g_assert_cmpstr (notice_text (stack), ==, "This front matter has 10000 fields; edit it in the source");

  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (stack), "_Edit in Source"), "clicked");
  g_assert_cmpuint (calls, ==, 1);
  ui_test_assert_buffer (fixture->post.document, many->str);
}

/* Another document in the form: the rows and the title of the one before
 * go at once, the new one's come in the main loop's next iterations. */
static void
test_next_document (Fixture       *fixture,
                    gconstpointer  data)
{
  RecapPost *post = recap_document_get_post (fixture->post.document);
  g_autoptr(RecapDocument) next = recap_document_new (post, NULL);

  g_assert_nonnull (recap_front_matter_form_get_row (fixture->form, "title"));
  g_assert_nonnull (recap_front_matter_form_get_title (fixture->form));
  g_assert_nonnull (recap_front_matter_form_get_summary (fixture->form));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (next), "---\ntitle: Next\nvenue: Hall\n---\nBody.\n", -1);

  recap_front_matter_form_set_document (fixture->form, next);
  g_assert_null (recap_front_matter_form_get_row (fixture->form, "title"));
  g_assert_null (recap_front_matter_form_get_title (fixture->form));
  /* The fold, which reads the summary at once, has nothing of the last post. */
  g_assert_null (recap_front_matter_form_get_summary (fixture->form));
  UI_TEST_WAIT_FOR (recap_front_matter_form_get_row (fixture->form, "venue") != NULL);
  g_assert_cmpstr (recap_front_matter_form_get_title (fixture->form), ==, "Next");

  recap_front_matter_form_set_document (fixture->form, fixture->post.document);
  UI_TEST_WAIT_FOR (recap_front_matter_form_get_row (fixture->form, "title") != NULL);
  g_assert_null (recap_front_matter_form_get_row (fixture->form, "venue"));
}

/* Hugo's TOML and JSON front matter: a notice, no fields, no Add Field. */
static void
test_foreign_front_matter_notice (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char toml[] = "+++\ntitle = \"Wrap-up\"\n+++\nBody\n";
  static const char json[] = "{\n  \"title\": \"Sprint\"\n}\nBody\n";
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkStack *stack = GTK_STACK (ui_test_find_by_type (GTK_WIDGET (fixture->form), GTK_TYPE_STACK));
  GtkWidget *add = ui_test_find_by_type (GTK_WIDGET (fixture->form), GTK_TYPE_MENU_BUTTON);

  gtk_text_buffer_set_text (buffer, toml, -1);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "notice");
  g_assert_cmpstr (notice_text (stack), ==, "TOML front matter is shown read-only");
  g_assert_null (recap_front_matter_form_get_row (fixture->form, "title"));
  g_assert_false (gtk_widget_get_sensitive (add));

  gtk_text_buffer_set_text (buffer, json, -1);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (notice_text (stack), ==, "JSON front matter is shown read-only");

  gtk_text_buffer_set_text (buffer, fixture->original, -1);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "fields");
  g_assert_true (gtk_widget_get_sensitive (add));
  ui_test_assert_buffer (fixture->post.document, fixture->original);
}

/* A list longer than the form shows fields is not made of a chip per item. */
static void
test_long_list_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  g_autoptr(GString) text = g_string_new ("---\ntitle: Long\ntags:\n");
  GtkWidget *tags;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "  - tag%u\n", i);
  g_string_append (text, "---\nBody\n");
  gtk_text_buffer_set_text (buffer, text->str, text->len);
  recap_front_matter_form_sync (fixture->form);

  tags = ui_test_form_row (fixture->form, "tags");
  g_assert_false (RECAP_IS_CHIPS_ROW (tags));
  g_assert_true (ADW_IS_ACTION_ROW (tags));
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (tags))), <, 300);
  g_assert_true (GTK_IS_EDITABLE (ui_test_form_row (fixture->form, "title")));
  ui_test_assert_buffer (fixture->post.document, text->str);
}

/* A loose note gets its title from its heading and, with no date in its
 * name, the day it was last modified. */
/* Every icon-only button of the form has a name for screen readers, and
 * no name keeps a mnemonic underscore. */
static void
assert_buttons_named (GtkWidget *root,
                      guint     *checked)
{
  if (GTK_IS_CALENDAR (root))
    return; /* GTK's own month buttons */
  if (GTK_IS_BUTTON (root))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (root));

      if (label == NULL)
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL));
      else if (gtk_button_get_use_underline (GTK_BUTTON (root)))
        {
          g_autofree char *name = g_strdup (label);
          char *to = name;

          for (const char *from = label; *from != '\0'; from++)
            if (*from != '_')
              *to++ = *from;
          *to = '\0';
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
        }
      (*checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_buttons_named (child, checked);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *remove_title = ui_test_find_button (ui_test_form_row (fixture->form, "title"), "Remove Field");
  guint checked = 0;

  assert_buttons_named (GTK_WIDGET (fixture->form), &checked);
  /* Remove, apply, a day, an image, chips, Add, Go to Error, the header's. */
  g_assert_cmpuint (checked, >, 20);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove_title), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Field");
}

static void
test_add_front_matter (Fixture       *fixture,
                       gconstpointer  data)
{
  GFile *file = recap_document_get_file (fixture->post.document);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
  g_autoptr(GDateTime) local = g_date_time_to_local (modified);
  g_autofree char *date = recap_front_matter_format_date (local);
  g_autofree char *expected = g_strdup_printf ("---\ntitle: Venue checklist\ndate: %s\n---\n%s",
                                               date, fixture->original);
  GtkWidget *add = ui_test_find_button (GTK_WIDGET (fixture->form), "Add _Front Matter");

  g_signal_emit_by_name (add, "clicked");

  assert_edit_and_undo (fixture, expected);
}

/* Every post of the sample site: the form shows each top-level key, no error. */
static void
test_every_sample_post (Fixture       *fixture,
                        gconstpointer  data)
{
  RecapSite *site = recap_window_get_site (fixture->post.window);
  GtkRevealer *banner = GTK_REVEALER (ui_test_find_by_type (GTK_WIDGET (fixture->form), GTK_TYPE_REVEALER));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  /* Opening a post by its path reloads the site: note the paths first. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (site)); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (site), i);
      g_ptr_array_add (paths, g_strdup (recap_post_get_relative_path (post)));
    }
  g_assert_cmpuint (paths->len, ==, 14);

  for (guint i = 0; i < paths->len; i++)
    {
      RecapDocument *document = ui_test_open_post (fixture->post.window, fixture->post.site_dir, paths->pdata[i]);
      g_autofree char *text = NULL;
      g_autoptr(RecapFrontMatter) fm = NULL;
      g_auto(GStrv) keys = NULL;

      fixture->post.document = document;
      text = recap_document_dup_text (document);
      fm = recap_front_matter_parse (text, strlen (text), NULL);
      keys = recap_front_matter_get_keys (fm, NULL);

      recap_front_matter_form_sync (fixture->form);
      g_assert_false (gtk_revealer_get_reveal_child (banner));
      for (guint k = 0; keys && keys[k]; k++)
        g_assert_nonnull (ui_test_form_row (fixture->form, keys[k]));
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, post, func) \
  g_test_add (path, Fixture, post, fixture_set_up, func, fixture_tear_down)
  ADD ("/form/known-fields-in-order", WORKSHOP, test_known_fields_in_order);
  ADD ("/form/title", WORKSHOP, test_title);
  ADD ("/form/author-needing-quotes", WORKSHOP, test_author_needing_quotes);
  ADD ("/form/date-keeps-time-and-zone", WORKSHOP, test_date_keeps_time_and_zone);
  ADD ("/form/tags-chips", WORKSHOP, test_tags_chips);
  ADD ("/form/tag-enter-adds-typed", WORKSHOP, test_tag_enter_adds_typed);
  ADD ("/form/tag-enter-after-down-takes-suggestion", WORKSHOP, test_tag_enter_after_down_takes_suggestion);
  ADD ("/form/author-enter-keeps-typed", WORKSHOP, test_author_enter_keeps_typed);
  ADD ("/form/tag-suggestions-ranked", WORKSHOP, test_tag_suggestions_ranked);
  ADD ("/form/flow-categories-remove-chip", WORKSHOP, test_flow_categories_remove_chip);
  ADD ("/form/switch", WORKSHOP, test_switch);
  ADD ("/form/nested-map", WORKSHOP, test_nested_map);
  ADD ("/form/remove-field", WORKSHOP, test_remove_field);
  ADD ("/form/yaml-typing-updates-form", WORKSHOP, test_yaml_typing_updates_form);
  ADD ("/form/invalid-yaml", WORKSHOP, test_invalid_yaml_makes_form_read_only);
  ADD ("/form/shared-anchor-read-only", WORKSHOP, test_shared_anchor_read_only);
  ADD ("/form/many-keys-notice", WORKSHOP, test_many_keys_notice);
  ADD ("/form/next-document", WORKSHOP, test_next_document);
  ADD ("/form/foreign-front-matter-notice", WORKSHOP, test_foreign_front_matter_notice);
  ADD ("/form/long-list-read-only", WORKSHOP, test_long_list_read_only);
  ADD ("/form/accessible-names", WORKSHOP, test_accessible_names);
  ADD ("/form/add-front-matter", "notes/venue-checklist.md", test_add_front_matter);
  ADD ("/form/every-sample-post", WORKSHOP, test_every_sample_post);
#undef ADD

  return g_test_run ();
}
