/* test-status-bar.c: the editor's word count and outline, on a hand-counted post
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-front-matter-form.h"
#include "recap-outline.h"
#include "recap-status-bar.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define COUNTED "_posts/2024-06-01-counts.md"

/* The hand count of tests/data/counts.md, see test-text-stats.c. */
#define FIXTURE_COUNTS "36 words · 180 characters · 1 min read"

typedef struct {
  UiTestPost      post;
  RecapStatusBar *status_bar;
  RecapOutline   *outline;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "counts.md", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fixture->post.site_dir = ui_test_copy_sample_site ();
  test_util_write_file (fixture->post.site_dir, COUNTED, text);
  fixture->post.window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->post.window));
  fixture->post.document = ui_test_open_post (fixture->post.window, fixture->post.site_dir, COUNTED);
  fixture->status_bar = RECAP_STATUS_BAR (ui_test_find_by_type (GTK_WIDGET (fixture->post.window),
                                                                RECAP_TYPE_STATUS_BAR));
  fixture->outline = recap_status_bar_get_outline (fixture->status_bar);
  fixture->post.view = GTK_TEXT_VIEW (ui_test_find_by_type (GTK_WIDGET (fixture->post.window), GTK_SOURCE_TYPE_VIEW));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_post_tear_down (&fixture->post, data);
}

static gboolean
shows (Fixture    *fixture,
       const char *counts)
{
  return g_strcmp0 (recap_status_bar_get_text (fixture->status_bar), counts) == 0;
}

/* Waits for @counts, saying what was shown instead when it never comes. */
static void
wait_for_counts (Fixture    *fixture,
                 const char *counts)
{
  gint64 deadline = g_get_monotonic_time () + TEST_UTIL_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!shows (fixture, counts))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The status bar shows \"%s\", not \"%s\"", recap_status_bar_get_text (fixture->status_bar), counts);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
find_text (Fixture     *fixture,
           const char  *needle,
           GtkTextIter *start,
           GtkTextIter *end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (fixture->post.document), &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, needle, 0, start, end, NULL));
}

static void
test_counts_the_body (Fixture       *fixture,
                      gconstpointer  data)
{
  wait_for_counts (fixture, FIXTURE_COUNTS);
}

static void
test_counts_the_selection (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkTextIter start, end;

  wait_for_counts (fixture, FIXTURE_COUNTS);
  find_text (fixture, "We met at the café", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  wait_for_counts (fixture, "Selected: 5 words · 18 characters");
  /* Link targets and code left out here too. */
  find_text (fixture, "See [the slides]", &start, &end);
  find_text (fixture, "skipped too", &end, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  wait_for_counts (fixture, "Selected: 4 words · 20 characters");
  gtk_text_buffer_place_cursor (buffer, &start);
  wait_for_counts (fixture, FIXTURE_COUNTS);
}

static void
test_follows_typing (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkTextIter start, end;

  wait_for_counts (fixture, FIXTURE_COUNTS);
  find_text (fixture, "です。", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  for (const char *c = " two more"; *c; c++)
    gtk_text_buffer_insert_interactive_at_cursor (buffer, c, 1, TRUE);
  wait_for_counts (fixture, "38 words · 189 characters · 1 min read");
  /* A heading typed into the body shows in the outline. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n\n## New heading\n", -1, TRUE);
  UI_TEST_WAIT_FOR (recap_outline_get_heading (fixture->outline, 3) != NULL);
}

/* The heading at @index, once the three of the post are listed. */
static const RecapHeading *
heading_at (Fixture *fixture,
            guint    index)
{
  UI_TEST_WAIT_FOR (recap_outline_get_heading (fixture->outline, 2) != NULL);
  return recap_outline_get_heading (fixture->outline, index);
}

static GtkSingleSelection *
outline_selection (Fixture *fixture)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (recap_outline_get_list (fixture->outline)));
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The label of the row shown for @text, once the popover shows it. */
static GtkWidget *
row_label (Fixture    *fixture,
           const char *text)
{
  GtkWidget *list = GTK_WIDGET (recap_outline_get_list (fixture->outline));
  GtkWidget *found = NULL;

  UI_TEST_WAIT_FOR ((found = ui_test_find_widget (list, is_label, text)) != NULL && gtk_widget_get_mapped (found));
  return found;
}

static void
test_outline_lists_headings (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct { const char *text; guint line; guint level; int indent; } expected[] = {
    { "Meetup notes", 4, 1, 0 }, { "Setext heading", 16, 2, 12 }, { "Deep {{ page.title }} dive", 27, 3, 24 },
  };
  GtkWidget *button = ui_test_find_by_type (GTK_WIDGET (fixture->status_bar), GTK_TYPE_MENU_BUTTON);
  GListModel *rows = G_LIST_MODEL (outline_selection (fixture));

  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Outline");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RecapHeading *heading = heading_at (fixture, i);
      g_autoptr(GtkStringObject) item = g_list_model_get_item (rows, i);

      g_assert_cmpstr (heading->text, ==, expected[i].text);
      g_assert_cmpstr (gtk_string_object_get_string (item), ==, expected[i].text);
      g_assert_cmpuint (heading->line, ==, expected[i].line);
      g_assert_cmpuint (heading->level, ==, expected[i].level);
    }
  /* "# not a heading" in the fenced code block is not listed. */
  g_assert_null (recap_outline_get_heading (fixture->outline, 3));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  /* Shown, each row is indented by its level. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (gtk_widget_get_margin_start (row_label (fixture, expected[i].text)), ==, expected[i].indent);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static guint
count_labels (GtkWidget *widget)
{
  guint count = GTK_IS_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count += count_labels (child);
  return count;
}

/* A post of thousands of headings gets rows around those in view only (GTK
 * 4.8 keeps about 200): making a row for each of 33,000 took 1.1 s of one
 * main-loop step. */
static void
test_outline_of_many_headings (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: Many headings\n---\n");
  GtkWidget *button = ui_test_find_by_type (GTK_WIDGET (fixture->status_bar), GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "## Part %u\n\nText.\n\n", i);
  test_util_write_file (fixture->post.site_dir, "_posts/2024-06-02-many-headings.md", text->str);
  fixture->post.document = ui_test_open_post (fixture->post.window, fixture->post.site_dir,
                                              "_posts/2024-06-02-many-headings.md");
  UI_TEST_WAIT_FOR (recap_outline_get_heading (fixture->outline, 4999) != NULL);
  g_assert_cmpstr (recap_outline_get_heading (fixture->outline, 4999)->text, ==, "Part 4999");
  g_assert_cmpuint (recap_outline_get_heading (fixture->outline, 4999)->line, ==, 3 + 4 * 4999);
  g_assert_null (recap_outline_get_heading (fixture->outline, 5000));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  row_label (fixture, "Part 0");
  g_assert_cmpuint (count_labels (GTK_WIDGET (recap_outline_get_list (fixture->outline))), <, 500);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static guint
cursor_line (Fixture *fixture)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->post.document);
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_line (&cursor);
}

static void
test_activating_a_row_jumps (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (recap_outline_get_list (fixture->outline));

  /* At the body's start: the folded front matter keeps the cursor out. */
  heading_at (fixture, 1);
  g_assert_cmpuint (cursor_line (fixture), ==, 4);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 1));
  g_assert_cmpuint (cursor_line (fixture), ==, 16);
  UI_TEST_WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (fixture->post.view)));
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 2));
  g_assert_cmpuint (cursor_line (fixture), ==, 27);
}

static void
place_cursor_on_line (Fixture *fixture,
                      guint    line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (fixture->post.document), &iter, line);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (fixture->post.document), &iter);
}

static void
test_current_heading_follows_the_cursor (Fixture       *fixture,
                                         gconstpointer  data)
{
  static const struct { guint line; int row; } expected[] = {
    { 0, -1 }, { 4, 0 }, { 10, 0 }, { 16, 1 }, { 19, 1 }, { 29, 2 }, { 2, -1 },
  };

  /* The cursor in the front matter: shown as YAML, not folded behind the form. */
  recap_front_matter_form_set_yaml_shown (
    RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_FRONT_MATTER_FORM)),
    TRUE);
  heading_at (fixture, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint selected;

      place_cursor_on_line (fixture, expected[i].line);
      selected = gtk_single_selection_get_selected (outline_selection (fixture));
      if (expected[i].row < 0)
        g_assert_cmpuint (selected, ==, GTK_INVALID_LIST_POSITION);
      else
        g_assert_cmpuint (selected, ==, expected[i].row);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/status-bar/counts-the-body", NULL, test_counts_the_body);
  UI_TEST_ADD ("/status-bar/counts-the-selection", NULL, test_counts_the_selection);
  UI_TEST_ADD ("/status-bar/follows-typing", NULL, test_follows_typing);
  UI_TEST_ADD ("/status-bar/outline-lists-headings", NULL, test_outline_lists_headings);
  UI_TEST_ADD ("/status-bar/outline-of-many-headings", NULL, test_outline_of_many_headings);
  UI_TEST_ADD ("/status-bar/activating-a-row-jumps", NULL, test_activating_a_row_jumps);
  UI_TEST_ADD ("/status-bar/current-heading-follows-the-cursor", NULL, test_current_heading_follows_the_cursor);

  return g_test_run ();
}
