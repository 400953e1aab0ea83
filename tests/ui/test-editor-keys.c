/* test-editor-keys.c: find and replace, and the writing help, from the keyboard
 *
 * Keys go through the X server (XTest), so each one takes GTK's whole way:
 * the application's accels, the pane's and the window's bindings, the
 * view's controllers. Each edit is then undone in one step.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "recap-application.h"
#include "recap-editor-pane.h"
#include "recap-find-bar.h"
#include "recap-front-matter-form.h"
#include "recap-preview.h"
#include "recap-sidebar.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST "_posts/2024-03-14-async-for-the-rest-of-us.md"

typedef struct {
  UiTestPost    post;
  RecapFindBar *find_bar;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* In the application, for its accels: they come before any widget's keys. */
  ui_test_post_set_up (&fixture->post, (RecapApplication *) data, POST);
  fixture->find_bar = RECAP_FIND_BAR (ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_FIND_BAR));
  /* set_text() drops and makes selections within a millisecond. */
  ui_test_drop_primary (fixture->post.view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_post_tear_down (&fixture->post, data);
}

static GtkTextBuffer *
buffer (Fixture *fixture)
{
  return GTK_TEXT_BUFFER (fixture->post.document);
}

/* The buffer holds @text, outside the undo history, with the selection
 * from @start to @end (character offsets) and the focus in the editor. */
static void
set_text (Fixture    *fixture,
          const char *contents,
          int         start,
          int         end)
{
  GtkTextIter from, to;

  gtk_text_buffer_begin_irreversible_action (buffer (fixture));
  gtk_text_buffer_set_text (buffer (fixture), contents, -1);
  gtk_text_buffer_end_irreversible_action (buffer (fixture));
  gtk_text_buffer_get_iter_at_offset (buffer (fixture), &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer (fixture), &to, end);
  gtk_text_buffer_select_range (buffer (fixture), &to, &from);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->post.view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->post.view)));
}

static char *
text (Fixture *fixture)
{
  return ui_test_buffer_text (buffer (fixture));
}

static void
assert_selection (Fixture *fixture,
                  int      start,
                  int      end)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_selection_bounds (buffer (fixture), &from, &to);
  g_assert_cmpint (gtk_text_iter_get_offset (&from), ==, start);
  g_assert_cmpint (gtk_text_iter_get_offset (&to), ==, end);
}

static gboolean
selection_is (Fixture *fixture,
              int      start,
              int      end)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_selection_bounds (buffer (fixture), &from, &to);
  return gtk_text_iter_get_offset (&from) == start && gtk_text_iter_get_offset (&to) == end;
}

/* One undo step takes the buffer back to exactly @before. */
static void
assert_undoes_to (Fixture    *fixture,
                  const char *before)
{
  g_autofree char *undone = NULL;

  g_assert_true (gtk_text_buffer_get_can_undo (buffer (fixture)));
  gtk_text_buffer_undo (buffer (fixture));
  undone = text (fixture);
  g_assert_cmpstr (undone, ==, before);
}

static void
press (Fixture    *fixture,
       const char *accelerator)
{
  ui_test_press (GTK_WINDOW (fixture->post.window), accelerator);
}

static void
assert_text (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *now = text (fixture);

  g_assert_cmpstr (now, ==, expected);
}

/* Find bar */

static GtkEditable *
find_entry (Fixture *fixture)
{
  return GTK_EDITABLE (ui_test_find_by_type (GTK_WIDGET (fixture->find_bar), GTK_TYPE_SEARCH_ENTRY));
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* The first widget in the bar, depth first, that @match accepts. */
static GtkWidget *
find_in_bar (Fixture       *fixture,
             Match          match,
             gconstpointer  data)
{
  GtkWidget *bar = GTK_WIDGET (fixture->find_bar);

  for (GtkWidget *child = bar; child != NULL; )
    {
      if (match (child, data))
        return child;
      if (gtk_widget_get_first_child (child) != NULL)
        {
          child = gtk_widget_get_first_child (child);
          continue;
        }
      while (child != bar && gtk_widget_get_next_sibling (child) == NULL)
        child = gtk_widget_get_parent (child);
      child = child == bar ? NULL : gtk_widget_get_next_sibling (child);
    }
  g_assert_not_reached ();
}

static gboolean
is_counter (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static const char *
counter (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (find_in_bar (fixture, is_counter, NULL)));
}

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->post.window));
}

static gboolean
find_has_focus (Fixture *fixture)
{
  GtkWidget *widget = focus (fixture);

  return widget != NULL && gtk_widget_is_ancestor (widget, GTK_WIDGET (find_entry (fixture)));
}

static void
test_ctrl_f_opens_the_bar (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = text (fixture);
  g_autofree char *after = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->post.view));
  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (recap_find_bar_get_open (fixture->find_bar));
  UI_TEST_WAIT_FOR (find_has_focus (fixture));

  /* Nothing was typed into the post. */
  after = text (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gtk_text_buffer_get_modified (buffer (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "");
}

static const char *const words = "alpha beta Alpha\nalphabet alpha\n";

static void
test_next_previous_counter (Fixture       *fixture,
                            gconstpointer  data)
{
  /* "alpha" selected at 0..5: the bar finds it, 1 of 3 (case and word off: 4). */
  set_text (fixture, words, 0, 5);
  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "alpha");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "1 of 4"));
  assert_selection (fixture, 0, 5);

  press (fixture, "Return");
  UI_TEST_WAIT_FOR (selection_is (fixture, 11, 16));
  g_assert_cmpstr (counter (fixture), ==, "2 of 4");
  press (fixture, "Return");
  UI_TEST_WAIT_FOR (selection_is (fixture, 17, 22));
  press (fixture, "<Control>g");
  UI_TEST_WAIT_FOR (selection_is (fixture, 26, 31));
  g_assert_cmpstr (counter (fixture), ==, "4 of 4");
  /* Wrapping around, and back. */
  press (fixture, "<Control>g");
  UI_TEST_WAIT_FOR (selection_is (fixture, 0, 5));
  press (fixture, "<Shift>Return");
  UI_TEST_WAIT_FOR (selection_is (fixture, 26, 31));
  press (fixture, "<Control><Shift>g");
  UI_TEST_WAIT_FOR (selection_is (fixture, 17, 22));
  g_assert_cmpstr (counter (fixture), ==, "3 of 4");

  /* Ctrl+G works from the text too, while the bar is open. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->post.view));
  press (fixture, "<Control>g");
  UI_TEST_WAIT_FOR (selection_is (fixture, 26, 31));
  assert_text (fixture, words);
}

/* Keys typed at once after Ctrl+F reach the entry, also before the bar's
 * first frame (its revealer shows its content only then): GTK drops key
 * events for a focus with an unrealized ancestor. */
static void
test_keys_before_first_frame (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *focus;

  set_text (fixture, words, 0, 5);
  recap_find_bar_open (fixture->find_bar, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->post.window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (find_entry (fixture))));
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_assert_true (gtk_widget_get_realized (widget));
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "alpha");

  press (fixture, "<Control>g");
  UI_TEST_WAIT_FOR (selection_is (fixture, 11, 16));
  assert_text (fixture, words);
}

/* Text typed at once after Ctrl+F goes into the entry, also while the bar's
 * revealer has not shown its content yet (GTK gives key events only to
 * mapped widgets): "python" typed at once came out as "ython". */
static void
test_typing_before_first_frame (Fixture       *fixture,
                                gconstpointer  data)
{
  set_text (fixture, words, 0, 5);
  recap_find_bar_open (fixture->find_bar, FALSE);
  press (fixture, "b");
  press (fixture, "e");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "be");
  UI_TEST_WAIT_FOR (g_str_has_suffix (counter (fixture), "of 2"));

  /* Opened again, the bar shows the last text, selected, and what is typed
   * replaces it. The post's selection stays until then: on X11 there is one
   * selection at a time, and selecting the first match unselected the
   * entry ("t" gave "tbe"; not seen here, where Xvfb's PRIMARY stays put). */
  press (fixture, "Escape");
  UI_TEST_WAIT_FOR (!recap_find_bar_get_open (fixture->find_bar));
  set_text (fixture, words, 0, 0);
  recap_find_bar_open (fixture->find_bar, FALSE);
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "0 of 2"));
  assert_selection (fixture, 0, 0);
  g_assert_true (gtk_editable_get_selection_bounds (find_entry (fixture), NULL, NULL));
  press (fixture, "t");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "t");
  UI_TEST_WAIT_FOR (selection_is (fixture, 8, 9));
  assert_text (fixture, words);
}

static gboolean
is_option (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_str_equal (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label);
}

static GtkCheckButton *
option (Fixture    *fixture,
        const char *label)
{
  return GTK_CHECK_BUTTON (find_in_bar (fixture, is_option, label));
}

static void
wait_for_count (Fixture    *fixture,
                const char *find,
                const char *expected)
{
  gtk_editable_set_text (find_entry (fixture), find);
  UI_TEST_WAIT_FOR (g_str_has_suffix (counter (fixture), expected));
}

static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  set_text (fixture, words, 0, 0);
  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));

  wait_for_count (fixture, "alpha", "of 4");
  gtk_check_button_set_active (option (fixture, "_Match Case"), TRUE);
  UI_TEST_WAIT_FOR (g_str_has_suffix (counter (fixture), "of 3"));
  gtk_check_button_set_active (option (fixture, "_Whole Words"), TRUE);
  UI_TEST_WAIT_FOR (g_str_has_suffix (counter (fixture), "of 2"));
  gtk_check_button_set_active (option (fixture, "Regular _Expressions"), TRUE);
  wait_for_count (fixture, "[Aa]lpha\\b", "of 3");
  wait_for_count (fixture, "gamma", "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_entry (fixture)), "error"));
}

static GtkEditable *
replace_entry (Fixture *fixture)
{
  return GTK_EDITABLE (ui_test_find_by_type (GTK_WIDGET (fixture->find_bar), GTK_TYPE_ENTRY));
}

static void
test_replace_all_is_one_undo_step (Fixture       *fixture,
                                   gconstpointer  data)
{
  set_text (fixture, words, 0, 0);
  press (fixture, "<Control>h");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (replace_entry (fixture))));

  wait_for_count (fixture, "alpha", "of 4");
  gtk_editable_set_text (replace_entry (fixture), "omega");
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->find_bar), "Replace _All"), "clicked");
  assert_text (fixture, "omega beta omega\nomegabet omega\n");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "No matches"));

  assert_undoes_to (fixture, words);
}

static void
test_replace_one (Fixture       *fixture,
                  gconstpointer  data)
{
  set_text (fixture, words, 0, 5);
  press (fixture, "<Control>h");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture)), ==, "alpha");
  gtk_editable_set_text (replace_entry (fixture), "omega");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "1 of 4"));

  /* The selected "alpha" goes, and the next one ("Alpha") is selected. */
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (fixture->find_bar), "_Replace"), "clicked");
  assert_text (fixture, "omega beta Alpha\nalphabet alpha\n");
  UI_TEST_WAIT_FOR (selection_is (fixture, 11, 16));
  g_assert_cmpstr (counter (fixture), ==, "1 of 3");
  assert_undoes_to (fixture, words);
}

static void
test_escape_returns_focus (Fixture       *fixture,
                           gconstpointer  data)
{
  set_text (fixture, words, 0, 5);
  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  press (fixture, "Escape");
  UI_TEST_WAIT_FOR (!recap_find_bar_get_open (fixture->find_bar));
  g_assert_true (focus (fixture) == GTK_WIDGET (fixture->post.view));
  assert_selection (fixture, 0, 5);
  assert_text (fixture, words);

  /* From the replace entry too. */
  press (fixture, "<Control>h");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  gtk_widget_grab_focus (GTK_WIDGET (replace_entry (fixture)));
  press (fixture, "Escape");
  UI_TEST_WAIT_FOR (!recap_find_bar_get_open (fixture->find_bar));
  g_assert_true (focus (fixture) == GTK_WIDGET (fixture->post.view));
}

/* The focus is in the sidebar's search entry (not the one of its view menu). */
static gboolean
post_search_has_focus (Fixture *fixture)
{
  GtkWidget *widget = focus (fixture);

  return widget != NULL && GTK_IS_SEARCH_ENTRY (gtk_widget_get_parent (widget)) &&
         gtk_widget_get_ancestor (widget, RECAP_TYPE_SIDEBAR) != NULL &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* Ctrl+F and Ctrl+K act where the focus is: posts in the sidebar, the
 * text in the editor. */
static void
test_sidebar_keeps_post_search (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *sidebar = ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_SIDEBAR);
  /* Its view menu: Ctrl+F from there. */
  GtkWidget *menu = ui_test_find_by_type (sidebar, GTK_TYPE_DROP_DOWN);
  g_autofree char *before = text (fixture);

  gtk_widget_grab_focus (menu);
  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (post_search_has_focus (fixture));
  g_assert_false (recap_find_bar_get_open (fixture->find_bar));

  gtk_widget_grab_focus (menu);
  press (fixture, "<Control>k");
  UI_TEST_WAIT_FOR (post_search_has_focus (fixture));
  assert_text (fixture, before);
}

static void
test_find_in_preview_only (Fixture       *fixture,
                           gconstpointer  data)
{
  RecapPreview *preview = RECAP_PREVIEW (ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_PREVIEW));
  WebKitWebView *web_view = recap_preview_get_web_view (preview);

  set_text (fixture, "---\ntitle: Finding\n---\nOne zebra, two zebras.\n\nThree **zebra** crossings.\n", 0, 0);
  ui_test_wait_for_preview (preview, "crossings");
  gtk_widget_activate_action (GTK_WIDGET (fixture->post.window), "win.preview-mode", "s", "preview");
  gtk_widget_grab_focus (GTK_WIDGET (web_view));

  press (fixture, "<Control>f");
  UI_TEST_WAIT_FOR (find_has_focus (fixture));
  gtk_editable_set_text (find_entry (fixture), "zebra");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "1 of 3"));
  press (fixture, "Return");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "2 of 3"));
  press (fixture, "<Shift>Return");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "1 of 3"));
  press (fixture, "<Shift>Return");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "3 of 3"));
  gtk_editable_set_text (find_entry (fixture), "giraffe");
  UI_TEST_WAIT_FOR (g_str_equal (counter (fixture), "No matches"));

  press (fixture, "Escape");
  UI_TEST_WAIT_FOR (!recap_find_bar_get_open (fixture->find_bar));
  g_assert_true (focus (fixture) == GTK_WIDGET (web_view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->post.window), "win.preview-mode", "s", "split");
}

/* Writing help */

typedef struct {
  const char *key;
  const char *before;
  int         start;  /* the selection before */
  int         end;
  const char *after;
  int         cursor_start; /* and after */
  int         cursor_end;
} Edit;

static void
assert_edit (Fixture    *fixture,
             const Edit *edit)
{
  g_test_message ("%s on “%s”", edit->key, edit->before);
  set_text (fixture, edit->before, edit->start, edit->end);
  press (fixture, edit->key);
  assert_text (fixture, edit->after);
  assert_selection (fixture, edit->cursor_start, edit->cursor_end);
  assert_undoes_to (fixture, edit->before);
}

static void
test_formatting (Fixture       *fixture,
                 gconstpointer  data)
{
  static const Edit edits[] = {
    { "<Control>b", "one two", 4, 7, "one **two**", 6, 9 },
    { "<Control>b", "one **two**", 6, 9, "one two", 4, 7 },
    { "<Control>b", "one ", 4, 4, "one ****", 6, 6 },
    { "<Control>i", "one two", 4, 7, "one *two*", 5, 8 },
    { "<Control>i", "one **two**", 6, 9, "one ***two***", 7, 10 },
    { "<Control>i", "one ***two***", 7, 10, "one **two**", 6, 9 },
    { "<Control><Shift>k", "run make now", 4, 8, "run `make` now", 5, 9 },
    { "<Control><Shift>k", "run `make` now", 5, 9, "run make now", 4, 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    assert_edit (fixture, &edits[i]);
}

static void
set_clipboard (Fixture    *fixture,
               const char *text)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->post.view));

  gdk_clipboard_set_text (clipboard, text);
}

static gboolean
text_is_not (Fixture    *fixture,
             const char *before)
{
  g_autofree char *now = text (fixture);

  return !g_str_equal (now, before);
}

/* Ctrl+K in the text makes a link (the clipboard is read first), and
 * leaves the post search alone. */
static void
test_link (Fixture       *fixture,
           gconstpointer  data)
{
  const char *before = "Visit GNOME today";

  /* The URL on the clipboard becomes the link's address. */
  set_clipboard (fixture, "https://www.gnome.org/\n");
  set_text (fixture, before, 6, 11);
  press (fixture, "<Control>k");
  UI_TEST_WAIT_FOR (text_is_not (fixture, before));
  assert_text (fixture, "Visit [GNOME](https://www.gnome.org/) today");
  assert_selection (fixture, 37, 37);
  g_assert_true (focus (fixture) == GTK_WIDGET (fixture->post.view));
  assert_undoes_to (fixture, before);

  /* Other text on the clipboard: the cursor waits for the address. */
  set_clipboard (fixture, "not a link");
  set_text (fixture, before, 6, 11);
  press (fixture, "<Control>k");
  UI_TEST_WAIT_FOR (text_is_not (fixture, before));
  assert_text (fixture, "Visit [GNOME]() today");
  assert_selection (fixture, 14, 14);
  assert_undoes_to (fixture, before);

  /* Nothing selected: the cursor goes between the brackets. */
  set_text (fixture, before, 6, 6);
  press (fixture, "<Control>k");
  UI_TEST_WAIT_FOR (text_is_not (fixture, before));
  assert_text (fixture, "Visit []()GNOME today");
  assert_selection (fixture, 7, 7);
  assert_undoes_to (fixture, before);
}

static void
test_list_continuation (Fixture       *fixture,
                        gconstpointer  data)
{
  static const Edit edits[] = {
    { "Return", "- one", 5, 5, "- one\n- ", 8, 8 },
    { "Return", "* one\n", 5, 5, "* one\n* \n", 8, 8 },
    { "Return", "1. one", 6, 6, "1. one\n2. ", 10, 10 },
    { "Return", "- [x] done", 10, 10, "- [x] done\n- [ ] ", 17, 17 },
    { "Return", "> quoted", 8, 8, "> quoted\n> ", 11, 11 },
    /* In mid-item: the rest moves to the new item. */
    { "Return", "- onetwo", 5, 5, "- one\n- two", 8, 8 },
    /* An empty item ends the list, and an empty quote line the quote. */
    { "Return", "- one\n- ", 8, 8, "- one\n", 6, 6 },
    { "Return", "- one\n- [ ] ", 12, 12, "- one\n", 6, 6 },
    { "Return", "> one\n> ", 8, 8, "> one\n", 6, 6 },
    /* Plain text: a plain new line. */
    { "Return", "text", 4, 4, "text\n", 5, 5 },
    { "Tab", "- one\n- two", 9, 9, "- one\n  - two", 11, 11 },
    { "<Shift>Tab", "- one\n  - two", 11, 11, "- one\n- two", 9, 9 },
    { "Tab", "1. one\n2. two", 13, 13, "1. one\n   2. two", 16, 16 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    assert_edit (fixture, &edits[i]);
}

/* Tab and Shift+Tab on a selection of several items move them all, by the
 * first item's step, their sub-items and continuation lines with them. */
static void
test_indent_selected_items (Fixture       *fixture,
                            gconstpointer  data)
{
  static const Edit edits[] = {
    { "Tab", "- one\n- two\n- three", 8, 16, "- one\n  - two\n  - three", 10, 20 },
    { "<Shift>Tab", "- one\n  - two\n    - three\n  - four", 10, 34,
      "- one\n- two\n  - three\n- four", 8, 28 },
    /* A blank line stays empty; a continuation line moves with its item. */
    { "Tab", "- one\n\n  more\n- two", 0, 19, "  - one\n\n    more\n  - two", 2, 25 },
    { "Tab", "1. one\n2. two\n   - sub", 7, 22, "1. one\n   2. two\n      - sub", 10, 28 },
    { "Tab", "> - a\n> - b", 0, 11, ">   - a\n>   - b", 0, 15 },
    /* A selection ending at a line's start leaves that line alone. */
    { "Tab", "- a\n- b\nc", 0, 4, "  - a\n- b\nc", 2, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    assert_edit (fixture, &edits[i]);
}

/* In code and the front matter, markers are text: Enter and Tab are the
 * view's own (auto-indent, a tab). */
static void
test_no_lists_in_code (Fixture       *fixture,
                       gconstpointer  data)
{
  static const Edit edits[] = {
    { "Return", "```\n- code", 10, 10, "```\n- code\n", 11, 11 },
    { "Return", "~~~\n> code\n~~~\n", 10, 10, "~~~\n> code\n\n~~~\n", 11, 11 },
    { "Return", "---\ntags:\n- one\n---\n", 15, 15, "---\ntags:\n- one\n\n---\n", 16, 16 },
    { "Tab", "```\n- code", 10, 10, "```\n- code\t", 11, 11 },
    { "Tab", "text\n\n    1. code", 17, 17, "text\n\n    1. code\t", 18, 18 },
    /* After the fence, lists again. */
    { "Return", "```\n```\n- one", 13, 13, "```\n```\n- one\n- ", 16, 16 },
  };

  /* The front matter as YAML in the source, not folded behind the form. */
  recap_front_matter_form_set_yaml_shown (
    RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_FRONT_MATTER_FORM)),
    TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    assert_edit (fixture, &edits[i]);

  /* Indented code: the view's auto-indent (in two undo steps, its own). */
  set_text (fixture, "text\n\n    1. code", 17, 17);
  press (fixture, "Return");
  assert_text (fixture, "text\n\n    1. code\n    ");
}

static void
test_read_only_refuses (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *keys[] = { "<Control>b", "<Control>i", "<Control><Shift>k", "<Control>k", "Return", "Tab" };

  set_text (fixture, "- one", 2, 5);
  gtk_text_view_set_editable (fixture->post.view, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      press (fixture, keys[i]);
      assert_text (fixture, "- one");
    }
  gtk_text_view_set_editable (fixture->post.view, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RecapApplication) application = NULL;

  if (!ui_test_init (&argc, &argv))
    return 77;

  application = ui_test_application_new ();

  UI_TEST_ADD ("/find/ctrl-f-opens-the-bar", application, test_ctrl_f_opens_the_bar);
  UI_TEST_ADD ("/find/next-previous-counter", application, test_next_previous_counter);
  UI_TEST_ADD ("/find/keys-before-first-frame", application, test_keys_before_first_frame);
  UI_TEST_ADD ("/find/typing-before-first-frame", application, test_typing_before_first_frame);
  UI_TEST_ADD ("/find/options", application, test_options);
  UI_TEST_ADD ("/find/replace-all-is-one-undo-step", application, test_replace_all_is_one_undo_step);
  UI_TEST_ADD ("/find/replace-one", application, test_replace_one);
  UI_TEST_ADD ("/find/escape-returns-focus", application, test_escape_returns_focus);
  UI_TEST_ADD ("/find/sidebar-keeps-post-search", application, test_sidebar_keeps_post_search);
  UI_TEST_ADD ("/find/preview-only", application, test_find_in_preview_only);
  UI_TEST_ADD ("/writing/formatting", application, test_formatting);
  UI_TEST_ADD ("/writing/link", application, test_link);
  UI_TEST_ADD ("/writing/list-continuation", application, test_list_continuation);
  UI_TEST_ADD ("/writing/indent-selected-items", application, test_indent_selected_items);
  UI_TEST_ADD ("/writing/no-lists-in-code", application, test_no_lists_in_code);
  UI_TEST_ADD ("/writing/read-only-refuses", application, test_read_only_refuses);

  return g_test_run ();
}
