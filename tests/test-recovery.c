/* test-recovery.c: drafts of unsaved edits survive, and go away when asked
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "recap-recovery.h"
#include "test-util.h"

typedef struct {
  char          *dir;
  RecapRecovery *recovery;
  GFile         *post;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *area = NULL;

  fixture->dir = g_dir_make_tmp ("recap-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the first draft creates it. */
  area = g_build_filename (fixture->dir, "state", "recap", NULL);
  fixture->recovery = recap_recovery_new (area);
  fixture->post = g_file_new_for_path ("/site/_posts/2024-01-01-notes with spaces.md");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->recovery);
  g_clear_object (&fixture->post);
  test_util_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until the operation that reports to store_result ends. */
static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
save_based_on (Fixture    *fixture,
               GFile      *file,
               const char *text,
               const char *base)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  recap_recovery_save_async (fixture->recovery, file, text, base, store_result, &result);
  g_assert_true (recap_recovery_save_finish (fixture->recovery, wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static void
save (Fixture    *fixture,
      GFile      *file,
      const char *text)
{
  save_based_on (fixture, file, text, NULL);
}

static void
discard (Fixture *fixture,
         GFile   *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  recap_recovery_discard_async (fixture->recovery, file, store_result, &result);
  g_assert_true (recap_recovery_discard_finish (fixture->recovery, wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static RecapDraft *
lookup (Fixture *fixture,
        GFile   *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RecapDraft *draft;

  recap_recovery_lookup_async (fixture->recovery, file, store_result, &result);
  draft = recap_recovery_lookup_finish (fixture->recovery, wait_for_result (&result), &error);
  g_assert_no_error (error);
  return draft;
}

static GPtrArray *
list (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  recap_recovery_list_async (fixture->recovery, store_result, &result);
  drafts = recap_recovery_list_finish (fixture->recovery, wait_for_result (&result), &error);
  g_assert_no_error (error);
  return drafts;
}

static void
test_save_lookup_discard (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *text = "---\ntitle: Ünïcode\n---\r\nUnsaved\n";
  g_autoptr(RecapDraft) draft = NULL;
  g_autoptr(RecapDraft) after_discard = NULL;

  g_assert_null (lookup (fixture, fixture->post));
  save (fixture, fixture->post, text);

  draft = lookup (fixture, fixture->post);
  g_assert_nonnull (draft);
  g_assert_true (g_file_equal (draft->file, fixture->post));
  g_assert_cmpstr (draft->text, ==, text);
  g_assert_nonnull (draft->saved);

  discard (fixture, fixture->post);
  after_discard = lookup (fixture, fixture->post);
  g_assert_null (after_discard);
  /* Discarding what is not there is no error. */
  discard (fixture, fixture->post);
}

/* A draft remembers the file's version its edits began from, so that a
 * restore can tell another program's change since. */
static void
test_draft_keeps_its_base (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *base = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "---\ntitle: On disk\n---\n", -1);
  g_autoptr(RecapDraft) draft = NULL;
  g_autoptr(RecapDraft) unknown = NULL;

  save_based_on (fixture, fixture->post, "edited", base);
  draft = lookup (fixture, fixture->post);
  g_assert_cmpstr (draft->base, ==, base);

  save (fixture, fixture->post, "edited again");
  unknown = lookup (fixture, fixture->post);
  g_assert_null (unknown->base);
}

static void
test_newer_draft_replaces_older (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RecapDraft) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  save (fixture, fixture->post, "first");
  save (fixture, fixture->post, "second");

  draft = lookup (fixture, fixture->post);
  g_assert_cmpstr (draft->text, ==, "second");
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
}

/* Operations run in call order: a discard queued after a save wins. */
static void
test_operations_keep_their_order (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(RecapDraft) draft = NULL;

  recap_recovery_save_async (fixture->recovery, fixture->post, "racing", NULL, store_result, &saved);
  discard (fixture, fixture->post);
  g_assert_nonnull (saved);

  draft = lookup (fixture, fixture->post);
  g_assert_null (draft);
}

static void
test_list_names_every_post (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) other = g_file_new_for_path ("/site/notes/other.md");
  g_autoptr(GPtrArray) drafts = NULL;
  RecapDraft *first, *second;

  save (fixture, fixture->post, "one");
  save (fixture, other, "two");

  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 2);
  first = g_ptr_array_index (drafts, 0);
  second = g_ptr_array_index (drafts, 1);
  g_assert_cmpint (g_date_time_compare (first->saved, second->saved), <=, 0);
  g_assert_true (g_file_equal (first->file, fixture->post) || g_file_equal (second->file, fixture->post));
  g_assert_true (g_file_equal (first->file, other) || g_file_equal (second->file, other));
}

/* What a crash between the two writes of a save or a discard leaves. */
static void
test_half_written_drafts_are_ignored (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *area = recap_recovery_get_dir (fixture->recovery);
  g_autoptr(GPtrArray) drafts = NULL;

  save (fixture, fixture->post, "kept");
  test_util_write_file (area, "0123.md", "text without its key file");
  test_util_write_file (area, "4567.ini", "[Draft]\nuri=file:///site/gone.md\nsaved=2024-01-01T00:00:00Z\n");
  test_util_write_file (area, "89ab.ini", "not a key file");

  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((RecapDraft *) g_ptr_array_index (drafts, 0))->text, ==, "kept");
}

/* Drafts are private notes. */
static void
test_drafts_are_private (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *area = recap_recovery_get_dir (fixture->recovery);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  save (fixture, fixture->post, "secret");
  g_assert_cmpint (g_stat (area, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  dir = g_dir_open (area, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (area, name, NULL);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

static void
test_default_area_is_in_state_home (void)
{
  g_autoptr(RecapRecovery) recovery = recap_recovery_new_default ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "recap", "recovery", NULL);

  g_assert_cmpstr (recap_recovery_get_dir (recovery), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/recovery/save-lookup-discard", test_save_lookup_discard);
  ADD ("/recovery/draft-keeps-its-base", test_draft_keeps_its_base);
  ADD ("/recovery/newer-draft-replaces-older", test_newer_draft_replaces_older);
  ADD ("/recovery/operations-keep-their-order", test_operations_keep_their_order);
  ADD ("/recovery/list-names-every-post", test_list_names_every_post);
  ADD ("/recovery/half-written-drafts-are-ignored", test_half_written_drafts_are_ignored);
  ADD ("/recovery/drafts-are-private", test_drafts_are_private);
#undef ADD
  g_test_add_func ("/recovery/default-area-is-in-state-home", test_default_area_is_in_state_home);

  return g_test_run ();
}
