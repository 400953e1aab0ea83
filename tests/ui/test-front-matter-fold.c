/* test-front-matter-fold.c: the front matter shown once, as the form or as YAML
 *
 * With the form shown the source folds the YAML to one summary line,
 * changing no byte of the buffer; the cursor never lands in the hidden
 * text; undo works from the form; the body gets the screen.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "recap-application.h"
#include "recap-chips-row.h"
#include "recap-field-row.h"
#include "recap-find-bar.h"
#include "recap-front-matter-form.h"
#include "recap-window.h"
#include "ui-test-util.h"

/* Nine keys, as a typical post has. */
#define POST "_posts/2023-03-16-lightning-talks.md"
#define FENCE_LINE 11 /* 0-based line of the closing "---" */

typedef struct {
  UiTestPost            post;
  RecapFrontMatterForm *form;
  char                 *original;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  application)
{
  ui_test_post_set_up (&fixture->post, (RecapApplication *) application, POST);
  fixture->form = RECAP_FRONT_MATTER_FORM (ui_test_find_by_type (GTK_WIDGET (fixture->post.window),
                                                                 RECAP_TYPE_FRONT_MATTER_FORM));
  fixture->original = ui_test_read_file (fixture->post.site_dir, POST);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_post_tear_down (&fixture->post, data);
  g_free (fixture->original);
}

static GtkTextBuffer *
buffer (Fixture *fixture)
{
  return GTK_TEXT_BUFFER (fixture->post.document);
}

/* The summary button laid over the source view, if it is shown. */
static GtkWidget *
find_summary (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "front-matter-fold"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_summary (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
summary (Fixture *fixture)
{
  GtkWidget *found = find_summary (GTK_WIDGET (fixture->post.view));

  g_assert_nonnull (found);
  return found;
}

static int
line_height (Fixture *fixture,
             int      line)
{
  GtkTextIter iter;
  int y, height;

  gtk_text_buffer_get_iter_at_line (buffer (fixture), &iter, line);
  gtk_text_view_get_line_yrange (fixture->post.view, &iter, &y, &height);
  return height;
}

/* Folded to the fence on 0-based line @fence, as laid out: every line
 * above it takes no room; the fence's line, its text hidden, is the first
 * line shown (the summary's), the body follows. */
static gboolean
folded_to (Fixture *fixture,
           int      fence)
{
  if (!gtk_widget_get_visible (summary (fixture)))
    return FALSE;
  for (int line = 0; line < fence; line++)
    if (line_height (fixture, line) != 0)
      return FALSE;
  return line_height (fixture, fence) > 0 && line_height (fixture, fence + 1) > 0;
}

static gboolean
folded (Fixture *fixture)
{
  return folded_to (fixture, FENCE_LINE);
}

/* Every front-matter line laid out with its text. */
static gboolean
unfolded (Fixture *fixture)
{
  for (int line = 0; line <= FENCE_LINE; line++)
    if (line_height (fixture, line) == 0)
      return FALSE;
  return !gtk_widget_get_visible (summary (fixture));
}

static void
wait_folded (Fixture *fixture)
{
  UI_TEST_WAIT_FOR (folded (fixture));
}

static int
cursor_offset (Fixture *fixture)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer (fixture), &cursor, gtk_text_buffer_get_insert (buffer (fixture)));
  return gtk_text_iter_get_offset (&cursor);
}

static int
body_offset (Fixture *fixture)
{
  GtkTextIter body;

  gtk_text_buffer_get_iter_at_line (buffer (fixture), &body, FENCE_LINE + 1);
  return gtk_text_iter_get_offset (&body);
}

static void
test_folded_and_byte_exact (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *label;

  wait_folded (fixture);
  label = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (summary (fixture))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Front matter · 9 fields");
  ui_test_assert_buffer (buffer (fixture), fixture->original);
  g_assert_false (gtk_text_buffer_get_modified (buffer (fixture)));
  /* The summary is no character: the view shows the buffer itself. */
  g_assert_true (gtk_text_view_get_buffer (fixture->post.view) == buffer (fixture));
}

static void
test_summary_opens_yaml (Fixture       *fixture,
                         gconstpointer  data)
{
  wait_folded (fixture);
  /* As Enter or Space on it does: the button is clicked once its press shows. */
  gtk_widget_activate (summary (fixture));
  UI_TEST_WAIT_FOR (recap_front_matter_form_get_yaml_shown (fixture->form));
  /* The view lays its lines out again in idles. */
  UI_TEST_WAIT_FOR (unfolded (fixture));
  /* The cursor on the first key, the YAML now editable as text. */
  g_assert_cmpint (cursor_offset (fixture), ==, (int) strlen ("---\n"));

  recap_front_matter_form_set_yaml_shown (fixture->form, FALSE);
  wait_folded (fixture);
  g_assert_cmpint (cursor_offset (fixture), ==, body_offset (fixture));
  ui_test_assert_buffer (buffer (fixture), fixture->original);
}

static void
test_cursor_stays_out (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextIter start, end;

  wait_folded (fixture);
  gtk_text_buffer_get_start_iter (buffer (fixture), &start);
  gtk_text_buffer_place_cursor (buffer (fixture), &start);
  g_assert_cmpint (cursor_offset (fixture), ==, body_offset (fixture));

  /* Keys that would go up into the front matter. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->post.view));
  ui_test_press (GTK_WINDOW (fixture->post.window), "<Control>Home");
  g_assert_cmpint (cursor_offset (fixture), ==, body_offset (fixture));
  ui_test_press (GTK_WINDOW (fixture->post.window), "Up");
  g_assert_cmpint (cursor_offset (fixture), ==, body_offset (fixture));
  ui_test_press (GTK_WINDOW (fixture->post.window), "BackSpace");
  ui_test_assert_buffer (buffer (fixture), fixture->original);

  /* Select All selects the text shown. */
  ui_test_press (GTK_WINDOW (fixture->post.window), "<Control>a");
  gtk_text_buffer_get_selection_bounds (buffer (fixture), &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, body_offset (fixture));
  g_assert_true (gtk_text_iter_is_end (&end));
}

/* A match found in the hidden text (as the find bar selects it) opens it. */
static void
test_selection_inside_opens (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkTextIter start, end;

  wait_folded (fixture);
  gtk_text_buffer_get_iter_at_line_offset (buffer (fixture), &start, 1, 0);
  gtk_text_buffer_get_iter_at_line_offset (buffer (fixture), &end, 1, 6);
  gtk_text_buffer_select_range (buffer (fixture), &start, &end);

  g_assert_true (recap_front_matter_form_get_yaml_shown (fixture->form));
  UI_TEST_WAIT_FOR (unfolded (fixture));
  gtk_text_buffer_get_selection_bounds (buffer (fixture), &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, (int) strlen ("---\n"));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, (int) strlen ("---\nlayout"));
}

static gboolean
selection_at (Fixture *fixture,
              int      line,
              int      start_offset,
              int      end_offset)
{
  GtkTextIter start, end;

  return gtk_text_buffer_get_selection_bounds (buffer (fixture), &start, &end) &&
         gtk_text_iter_get_line (&start) == line && gtk_text_iter_get_line_offset (&start) == start_offset &&
         gtk_text_iter_get_line (&end) == line && gtk_text_iter_get_line_offset (&end) == end_offset;
}

/* Find reaches the folded front matter, which GtkSourceView's search skips
 * as hidden text: a word only it holds is found there, which opens it. A
 * word the body holds is found in the body first, the fold kept. */
static void
test_find_opens (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *bar = ui_test_find_by_type (GTK_WIDGET (fixture->post.window), RECAP_TYPE_FIND_BAR);
  GtkEditable *entry = GTK_EDITABLE (ui_test_find_by_type (bar, GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *text = NULL;
  GtkTextIter body;

  wait_folded (fixture);
  recap_find_bar_open (RECAP_FIND_BAR (bar), FALSE);
  gtk_editable_set_text (entry, "merciless");
  UI_TEST_WAIT_FOR (selection_at (fixture, FENCE_LINE + 4, 30, 39));
  g_assert_true (folded (fixture));

  gtk_editable_set_text (entry, "okafor");
  UI_TEST_WAIT_FOR (unfolded (fixture));
  UI_TEST_WAIT_FOR (selection_at (fixture, 3, 14, 20));
  g_assert_true (recap_front_matter_form_get_yaml_shown (fixture->form));

  /* Going on past the body's last match goes into it, and back out. */
  gtk_text_buffer_get_iter_at_line (buffer (fixture), &body, FENCE_LINE + 2);
  gtk_text_buffer_place_cursor (buffer (fixture), &body);
  recap_front_matter_form_set_yaml_shown (fixture->form, FALSE);
  wait_folded (fixture);
  gtk_editable_set_text (entry, "egg timer");
  UI_TEST_WAIT_FOR (selection_at (fixture, FENCE_LINE + 4, 16, 25));
  recap_find_bar_next (RECAP_FIND_BAR (bar));
  UI_TEST_WAIT_FOR (selection_at (fixture, 4, 50, 59));
  UI_TEST_WAIT_FOR (unfolded (fixture));
  recap_find_bar_previous (RECAP_FIND_BAR (bar));
  UI_TEST_WAIT_FOR (selection_at (fixture, FENCE_LINE + 4, 16, 25));
  text = ui_test_buffer_text (buffer (fixture));
  g_assert_cmpstr (text, ==, fixture->original);
}

static void
wait_folded_to (Fixture *fixture,
                int      fence)
{
  UI_TEST_WAIT_FOR (folded_to (fixture, fence));
}

/* The fold follows a reload, a form edit that adds a line, and its undo. */
static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const items[] = { "a", "b", "c", NULL };
  const char *reloaded = "---\ntitle: A\ntags:\n  - a\n  - b\n---\nBody\n";
  GtkWidget *tags;

  wait_folded (fixture);
  /* As a reload of a file changed on disk sets it. */
  gtk_text_buffer_begin_irreversible_action (buffer (fixture));
  gtk_text_buffer_set_text (buffer (fixture), reloaded, -1);
  gtk_text_buffer_end_irreversible_action (buffer (fixture));
  recap_front_matter_form_sync (fixture->form);
  wait_folded_to (fixture, 5);
  g_assert_cmpint (cursor_offset (fixture), >=, (int) strlen ("---\ntitle: A\ntags:\n  - a\n  - b\n---\n"));

  tags = recap_front_matter_form_get_row (fixture->form, "tags");
  recap_chips_row_set_items (RECAP_CHIPS_ROW (tags), items);
  g_signal_emit_by_name (tags, "changed");
  ui_test_assert_buffer (buffer (fixture), "---\ntitle: A\ntags:\n  - a\n  - b\n  - c\n---\nBody\n");
  wait_folded_to (fixture, 6);

  gtk_text_buffer_undo (buffer (fixture));
  ui_test_assert_buffer (buffer (fixture), reloaded);
  wait_folded_to (fixture, 5);
  g_assert_cmpint (cursor_offset (fixture), >=, (int) strlen ("---\ntitle: A\ntags:\n  - a\n  - b\n---\n"));
}

/* Ctrl+Z with the focus in the form undoes the form's edit, Ctrl+Shift+Z
 * redoes it; the field follows without a stale apply button, and the
 * window title follows the title field. */
static void
test_undo_from_the_form (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *title = recap_front_matter_form_get_row (fixture->form, "title");
  GtkWindow *window = GTK_WINDOW (fixture->post.window);
  const char *old_title = "\"Lightning talk night, March 2023\"";
  g_autofree char *edited = NULL;
  const char *at = strstr (fixture->original, old_title);

  g_assert_nonnull (at);
  edited = g_strdup_printf ("%.*s\"Talks night\"%s", (int) (at - fixture->original), fixture->original,
                            at + strlen (old_title));
  wait_folded (fixture);

  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Talks night");
  g_assert_true (recap_field_row_get_pending (RECAP_FIELD_ROW (title)));
  ui_test_press (window, "Return");
  ui_test_assert_buffer (buffer (fixture), edited);
  g_assert_false (recap_field_row_get_pending (RECAP_FIELD_ROW (title)));
  UI_TEST_WAIT_FOR (strstr (gtk_window_get_title (window), "Talks night") != NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), title));

  ui_test_press (window, "<Control>z");
  ui_test_assert_buffer (buffer (fixture), fixture->original);
  recap_front_matter_form_sync (fixture->form);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Lightning talk night, March 2023");
  g_assert_false (recap_field_row_get_pending (RECAP_FIELD_ROW (title)));
  g_assert_nonnull (strstr (gtk_window_get_title (window), "Lightning talk night"));

  ui_test_press (window, "<Control><Shift>z");
  ui_test_assert_buffer (buffer (fixture), edited);
  /* Folded all along: the form's edits never showed the YAML. */
  g_assert_true (folded (fixture));
}

/* Typing not yet applied keeps the field's own undo. */
static void
test_pending_typing_keeps_own_undo (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *title = recap_front_matter_form_get_row (fixture->form, "title");

  wait_folded (fixture);
  gtk_widget_grab_focus (title);
  gtk_editable_set_position (GTK_EDITABLE (title), -1);
  ui_test_press (GTK_WINDOW (fixture->post.window), "x");
  g_assert_true (recap_field_row_get_pending (RECAP_FIELD_ROW (title)));
  ui_test_press (GTK_WINDOW (fixture->post.window), "<Control>z");
  ui_test_assert_buffer (buffer (fixture), fixture->original);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Lightning talk night, March 2023");
}

/* Display lines of body text wholly inside the source view's visible area. */
static guint
count_visible_body_lines (Fixture *fixture)
{
  GdkRectangle visible, location;
  GtkTextIter iter;
  guint lines = 0;

  gtk_text_view_get_visible_rect (fixture->post.view, &visible);
  gtk_text_buffer_get_iter_at_line (buffer (fixture), &iter, FENCE_LINE + 1);
  do
    {
      gtk_text_view_get_iter_location (fixture->post.view, &iter, &location);
      if (location.y + location.height > visible.y + visible.height)
        break;
      if (location.y >= visible.y)
        lines++;
    }
  while (gtk_text_view_forward_display_line (fixture->post.view, &iter));
  return lines;
}

/* The closing fence's line, or -1 without front matter. */
static int
fence_line (Fixture *fixture)
{
  GtkTextIter closing;

  if (!recap_document_find_front_matter_end (fixture->post.document, &closing))
    return -1;
  return gtk_text_iter_get_line (&closing);
}

static void
insert_at (Fixture    *fixture,
           int         line,
           int         offset,
           const char *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (buffer (fixture), &iter, line, offset);
  gtk_text_buffer_insert (buffer (fixture), &iter, text, -1);
}

/* The document keeps the front matter's extent between edits (the fold
 * and the form both ask): an edit in the body keeps it, one in the lines
 * that decided it is read again. */
static void
test_extent_follows_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextIter start, end;

  g_assert_cmpint (fence_line (fixture), ==, FENCE_LINE);
  insert_at (fixture, FENCE_LINE + 1, 0, "A body line.\n---\n");
  g_assert_cmpint (fence_line (fixture), ==, FENCE_LINE);
  insert_at (fixture, 1, 0, "extra: 1\n");
  g_assert_cmpint (fence_line (fixture), ==, FENCE_LINE + 1);
  /* "--" opens no front matter; the dash back, it does. */
  gtk_text_buffer_get_iter_at_offset (buffer (fixture), &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer (fixture), &end, 1);
  gtk_text_buffer_delete (buffer (fixture), &start, &end);
  g_assert_cmpint (fence_line (fixture), ==, -1);
  insert_at (fixture, 0, 0, "-");
  g_assert_cmpint (fence_line (fixture), ==, FENCE_LINE + 1);
  /* The core splits no front matter off at "---x". */
  insert_at (fixture, FENCE_LINE + 1, 3, "x");
  g_assert_cmpint (fence_line (fixture), ==, -1);
}

/* The default window, the form expanded: at least 20 lines of the body. */
static void
test_body_gets_the_screen (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->post.window);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkTextIter end;
  int width, height;
  guint lines;

  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 760);
  for (int i = 1; i <= 60; i++)
    g_string_append_printf (body, "Line %d of the body.\n", i);
  gtk_text_buffer_get_end_iter (buffer (fixture), &end);
  gtk_text_buffer_insert (buffer (fixture), &end, body->str, -1);
  gtk_text_buffer_get_iter_at_line (buffer (fixture), &end, FENCE_LINE + 1);
  gtk_text_buffer_place_cursor (buffer (fixture), &end);
  wait_folded (fixture);
  /* The surface at the default size (the window widget is inside its frame). */
  UI_TEST_WAIT_FOR (gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))) == 760 &&
                    gtk_widget_get_mapped (recap_front_matter_form_get_row (fixture->form, "title")));
  /* Laid out at the window's size: the view's lines are validated in idles. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  lines = count_visible_body_lines (fixture);
  g_test_message ("%u body lines visible at 1200×760 with the form expanded", lines);
  g_assert_cmpuint (lines, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RecapApplication) application = NULL;

  if (!ui_test_init (&argc, &argv))
    return 77;

  application = ui_test_application_new ();

  UI_TEST_ADD ("/fold/folded-and-byte-exact", application, test_folded_and_byte_exact);
  UI_TEST_ADD ("/fold/summary-opens-yaml", application, test_summary_opens_yaml);
  UI_TEST_ADD ("/fold/cursor-stays-out", application, test_cursor_stays_out);
  UI_TEST_ADD ("/fold/selection-inside-opens", application, test_selection_inside_opens);
  UI_TEST_ADD ("/fold/find-opens", application, test_find_opens);
  UI_TEST_ADD ("/fold/follows-edits", application, test_follows_edits);
  UI_TEST_ADD ("/fold/extent-follows-edits", application, test_extent_follows_edits);
  UI_TEST_ADD ("/fold/undo-from-the-form", application, test_undo_from_the_form);
  UI_TEST_ADD ("/fold/pending-typing-keeps-own-undo", application, test_pending_typing_keeps_own_undo);
  UI_TEST_ADD ("/fold/body-gets-the-screen", application, test_body_gets_the_screen);

  return g_test_run ();
}
