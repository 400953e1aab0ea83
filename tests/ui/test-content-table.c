/* test-content-table.c: the content table's sort, combined filters with
 * chips, and bulk edits of its selection with Undo restoring exact bytes
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "recap-content-table.h"
#include "recap-post-query.h"
#include "recap-site.h"
#include "recap-window-private.h"
#include "ui-test-util.h"

typedef struct {
  UiTestSite         site;
  RecapContentTable *table;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_test_site_set_up (&fixture->site, data);
  fixture->table = RECAP_CONTENT_TABLE (ui_test_find_by_type (GTK_WIDGET (fixture->site.window),
                                                              RECAP_TYPE_CONTENT_TABLE));
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->site.window), "show-table",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->table)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_site_tear_down (&fixture->site, data);
}

static void
wait_idle (Fixture *fixture)
{
  UI_TEST_WAIT_FOR (!recap_content_table_is_busy (fixture->table));
}

static RecapPost *
row (Fixture *fixture,
     guint    index)
{
  RecapPost *post = g_list_model_get_item (recap_content_table_get_rows (fixture->table), index);

  g_object_unref (post); /* the table holds it */
  return post;
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (recap_content_table_get_rows (fixture->table));
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 14);

  recap_content_table_sort_by (fixture->table, "title", GTK_SORT_ASCENDING);
  wait_idle (fixture);
  for (guint i = 1; i < n_rows (fixture); i++)
    {
      /* As GtkStringSorter compares: case folded, then collated */
      g_autofree char *fa = g_utf8_casefold (recap_post_get_title (row (fixture, i - 1)), -1);
      g_autofree char *fb = g_utf8_casefold (recap_post_get_title (row (fixture, i)), -1);
      g_autofree char *a = g_utf8_collate_key (fa, -1);
      g_autofree char *b = g_utf8_collate_key (fb, -1);

      g_assert_cmpint (strcmp (a, b), <=, 0);
    }

  recap_content_table_sort_by (fixture->table, "words", GTK_SORT_DESCENDING);
  wait_idle (fixture);
  for (guint i = 1; i < n_rows (fixture); i++)
    g_assert_cmpuint (recap_post_get_words (row (fixture, i - 1)), >=, recap_post_get_words (row (fixture, i)));
  g_assert_cmpuint (recap_post_get_words (row (fixture, 0)), >,
                    recap_post_get_words (row (fixture, n_rows (fixture) - 1)));

  recap_content_table_sort_by (fixture->table, "date", GTK_SORT_ASCENDING);
  wait_idle (fixture);
  for (guint i = 1; i < n_rows (fixture); i++)
    {
      GDateTime *a = recap_post_get_date (row (fixture, i - 1));
      GDateTime *b = recap_post_get_date (row (fixture, i));

      g_assert_true (a == NULL || (b != NULL && g_date_time_compare (a, b) <= 0));
    }
}

/* A post changed on disk sorts by its new title, not by the key it had. */
static void
test_sort_after_outside_change (Fixture       *fixture,
                                gconstpointer  data)
{
  RecapPost *last;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  wait_idle (fixture);
  recap_content_table_sort_by (fixture->table, "title", GTK_SORT_ASCENDING);
  wait_idle (fixture);
  last = row (fixture, n_rows (fixture) - 1);
  g_assert_cmpstr (recap_post_get_title (last), !=, "Aardvark first");
  path = g_file_get_path (recap_post_get_file (last));
  g_file_set_contents (path, "---\ntitle: Aardvark first\n---\nBody.\n", -1, &error);
  g_assert_no_error (error);
  UI_TEST_WAIT_FOR (g_str_equal (recap_post_get_title (row (fixture, 0)), "Aardvark first") &&
                    !recap_content_table_is_busy (fixture->table));
}

static guint
count_chips (Fixture *fixture)
{
  GtkFlowBox *chips = GTK_FLOW_BOX (ui_test_find_by_type (GTK_WIDGET (fixture->table), GTK_TYPE_FLOW_BOX));
  guint n = 0;

  if (!gtk_widget_get_visible (GTK_WIDGET (chips)))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (chips)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_combined_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *chips;

  /* Category and year: the two posts of 2024 in the meetup category */
  recap_content_table_set_query (fixture->table, "category:meetup year:2024");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_cmpuint (count_chips (fixture), ==, 2);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_cmpint (g_date_time_get_year (recap_post_get_date (row (fixture, i))), ==, 2024);

  /* Status too: one of them is unpublished */
  recap_content_table_set_query (fixture->table, "category:meetup year:2024 status:unpublished");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_false (recap_post_get_published (row (fixture, 0)));

  /* Removing the status chip widens the filter again */
  chips = ui_test_find_by_type (GTK_WIDGET (fixture->table), GTK_TYPE_FLOW_BOX);
  g_assert_cmpuint (count_chips (fixture), ==, 3);
  g_signal_emit_by_name (ui_test_find_by_type (gtk_widget_get_last_child (chips), GTK_TYPE_BUTTON), "clicked");
  UI_TEST_WAIT_FOR (count_chips (fixture) == 2);
  g_assert_cmpstr (recap_content_table_get_query (fixture->table), ==, "category:meetup year:2024");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);

  /* A tag in any case, and not of 2024 */
  recap_content_table_set_query (fixture->table, "tag:PYTHON -year:2024");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_cmpint (g_date_time_get_year (recap_post_get_date (row (fixture, i))), !=, 2024);
  /* Two tags are alternatives */
  recap_content_table_set_query (fixture->table, "tag:python tag:sprints");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  /* Typed draft:yes */
  recap_content_table_set_query (fixture->table, "draft:yes");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_true (recap_post_get_is_draft (row (fixture, 0)));

  recap_content_table_set_query (fixture->table, "");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 14);
  g_assert_cmpuint (count_chips (fixture), ==, 0);
}

/* Whether the rows are the site's posts that @query matches, in some order;
 * returns how many. */
static guint
assert_rows_match (Fixture    *fixture,
                   const char *query)
{
  GListModel *posts = G_LIST_MODEL (fixture->site.window->site);
  g_autoptr(RecapPostQuery) parsed = recap_post_query_parse (query);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  guint n_matching = 0;

  for (guint i = 0; i < n_rows (fixture); i++)
    g_hash_table_add (rows, row (fixture, i));
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      gboolean matches = recap_post_query_matches (parsed, post, now);

      if (matches != g_hash_table_contains (rows, post))
        g_error ("“%s”: %s %s", query, recap_post_get_relative_path (post), matches ? "not shown" : "shown");
      n_matching += matches;
    }
  g_assert_cmpuint (n_rows (fixture), ==, n_matching);
  return n_matching;
}

/* Words of text are found by the site's search, a character at a time as
 * typed: the rows are what the query matches, with other terms and
 * negated words too. */
static void
test_text_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const queries[] = { "lightning talks", "tag:python talk", "talk -lightning", "pycon 2024" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (gsize len = 1; len <= strlen (queries[q]); len++)
      {
        g_autofree char *typed = g_strndup (queries[q], len);

        recap_content_table_set_query (fixture->table, typed);
        wait_idle (fixture);
        assert_rows_match (fixture, typed);
      }
  g_assert_cmpuint (assert_rows_match (fixture, "pycon 2024"), ==, 3);
  recap_content_table_set_query (fixture->table, "lightning");
  wait_idle (fixture);
  g_assert_cmpuint (assert_rows_match (fixture, "lightning"), >, 0);
  recap_content_table_set_query (fixture->table, "");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 14);
}

static RecapAlert *
open_bulk_dialog (Fixture    *fixture,
                  const char *target)
{
  RecapAlert *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.bulk-edit", "s", target);
  UI_TEST_WAIT_FOR ((dialog = ui_test_find_alert ()) != NULL);
  return dialog;
}

static gboolean
label_is (RecapAlert *dialog,
          const char *text)
{
  return g_strcmp0 (gtk_label_get_label (g_object_get_data (G_OBJECT (dialog), "recap-preview")), text) == 0;
}

static void
test_bulk_add_tag_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GHashTable) before = ui_test_site_snapshot (&fixture->site);
  static const char *online = "_posts/2021-02-18-first-online-meetup.md";
  g_autofree char *online_before = ui_test_read_file (fixture->site.site_dir, online);
  g_autoptr(GString) expected = g_string_new (online_before);
  RecapAlert *dialog;
  GtkWidget *entry;

  recap_content_table_set_query (fixture->table, "tag:meetup");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  recap_content_table_select_all (fixture->table);

  /* The preview counts the files that would change: one has the tag already */
  dialog = open_bulk_dialog (fixture, "add-tag");
  entry = ui_test_find_by_type (recap_alert_get_extra_child (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "planning");
  UI_TEST_WAIT_FOR (label_is (dialog, "4 of 5 files will change"));
  g_assert_true (recap_alert_get_response_enabled (dialog, "apply"));
  ui_test_respond ("apply");

  /* Only the bytes of the new item */
  g_string_replace (expected, "tags: [meetup, online]", "tags: [meetup, online, planning]", 1);
  UI_TEST_WAIT_FOR (ui_test_file_is (fixture->site.site_dir, online, expected->str));
  UI_TEST_WAIT_FOR (g_strcmp0 (recap_op_history_get_label (fixture->site.window->history), "Add Tag") == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_has_bytes (&fixture->site, before));
}

static void
test_bulk_set_and_remove_key (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) before = ui_test_site_snapshot (&fixture->site);
  static const char *planning = "_posts/2025-01-23-annual-planning.md";
  RecapAlert *dialog;
  GtkWidget *box, *key, *value;

  recap_content_table_set_query (fixture->table, "year:2025");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  recap_content_table_select_all (fixture->table);

  dialog = open_bulk_dialog (fixture, "set-key");
  box = recap_alert_get_extra_child (dialog);
  key = gtk_widget_get_first_child (box);
  value = gtk_widget_get_next_sibling (key);
  g_assert_false (recap_alert_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (key), "layout");
  gtk_editable_set_text (GTK_EDITABLE (value), "post");
  /* The post has that layout already: nothing to do */
  UI_TEST_WAIT_FOR (label_is (dialog, "0 of 1 file will change"));
  g_assert_false (recap_alert_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (value), "report");
  UI_TEST_WAIT_FOR (label_is (dialog, "1 of 1 file will change"));
  ui_test_respond ("apply");
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, planning, "layout: report\n"));

  dialog = open_bulk_dialog (fixture, "remove-key");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_by_type (recap_alert_get_extra_child (dialog),
                                                             GTK_TYPE_ENTRY)), "event");
  UI_TEST_WAIT_FOR (label_is (dialog, "1 of 1 file will change"));
  ui_test_respond ("apply");
  UI_TEST_WAIT_FOR (!ui_test_site_file_contains (&fixture->site, planning, "\nevent:"));

  /* Two Undos, the latest first, give back every byte */
  UI_TEST_WAIT_FOR (recap_op_history_get_length (fixture->site.window->history) == 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_file_contains (&fixture->site, planning, "\nevent:"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.undo-operation", NULL);
  UI_TEST_WAIT_FOR (ui_test_site_has_bytes (&fixture->site, before));
}

static guint
selected_count (Fixture *fixture)
{
  g_autoptr(GPtrArray) posts = recap_content_table_dup_selected_posts (fixture->table);

  return posts->len;
}

/* The sidebar's tag group menu: Select Posts shows the tag's posts in the table */
static void
test_tag_group_select_posts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->site.window), "show-table",
                                      g_variant_new_boolean (FALSE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->site.window), "win.tag-group", "(ss)", "select", "meetup");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->table)));
  g_assert_cmpstr (recap_content_table_get_query (fixture->table), ==, "tag:\"meetup\"");
  wait_idle (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  /* ... and selects them, ready for a bulk edit */
  UI_TEST_WAIT_FOR (selected_count (fixture) == 5);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/content-table/sort", NULL, test_sort);
  UI_TEST_ADD ("/content-table/sort-after-outside-change", NULL, test_sort_after_outside_change);
  UI_TEST_ADD ("/content-table/combined-filters", NULL, test_combined_filters);
  UI_TEST_ADD ("/content-table/text-filter", NULL, test_text_filter);
  UI_TEST_ADD ("/content-table/bulk-add-tag-and-undo", NULL, test_bulk_add_tag_and_undo);
  UI_TEST_ADD ("/content-table/bulk-set-and-remove-key", NULL, test_bulk_set_and_remove_key);
  UI_TEST_ADD ("/content-table/tag-group-select-posts", NULL, test_tag_group_select_posts);

  return g_test_run ();
}
