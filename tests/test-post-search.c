/* test-post-search.c: search as you type finds what recap_post_matches() finds
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-live-search.h"
#include "recap-post.h"
#include "recap-post-private.h"
#include "recap-post-search.h"
#include "recap-search-text.h"
#include "test-post-util.h"
#include "test-util.h"

/* Bodies and fields in the shapes search must see alike: accents as NFC
 * and NFD, case, a match only in a path or a date, a needle whose longer
 * form starts before the shorter one. */
static const char * const texts[] = {
  "---\ntitle: Lightning Talks\ndate: 2023-05-04\ntags: [Python]\n---\nFive lightning talks on typing.\n",
  "---\ntitle: Charla\n---\nUna charla sobre tecnolog\u00eda y caf\u00e9.\n",
  "---\ntitle: Charla NFD\n---\nUna charla sobre tecnologi\u0301a y cafe\u0301.\n",
  "---\ntitle: Ng\n---\nng talk first, then lightning later, then lightning talk at last.\n",
  "---\ntitle: Quiet\nauthor: Zo\u00eb Lindqvist\n---\nNothing to see, LIGHTNING TALK in capitals.\n",
  "---\ntitle: No front matter body\n---\n",
  "Plain notes about python and pytest without front matter.\n",
};

static const char * const paths[] = {
  "_posts/2023-05-04-lightning.md",
  "_posts/2024-02-01-charla.md",
  "_posts/2024-02-02-charla-nfd.md",
  "_posts/2022-11-30-ng.md",
  "_drafts/quiet.md",
  "_posts/2023-05-20-empty.md",
  "notes/python.md",
};

/* Typed one character at a time, deleted back, typed again differently. */
static const char * const needles[] = {
  "l", "li", "lig", "ligh", "light", "lightn", "lightning", "lightning ", "lightning t",
  "lightning ta", "lightning tal", "lightning talk", "lightning tal", "lightning", "lights",
  "talk", "g talk", "ng talk", "n", "", "tecnolog\u00eda", "tecnologi\u0301a", "TECNOLOGIA",
  "caf\u00e9", "2023-05", "2023-05-04", "_posts/2023", "_drafts", "zo\u00eb", "zoe lindqvist",
  "pytest", "python", "xyz", "lightning talk", "lightning talks", "lightning talks on",
  "lightning talks on t", "lightning talks on typing", "lightning talk",
};

/* Enough posts for the search to use more than one thread. */
#define N_POSTS 7000

static GPtrArray *
make_posts (void)
{
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_POSTS; i++)
    {
      guint k = i % G_N_ELEMENTS (texts);
      g_autofree char *path = g_strdup_printf ("%s.%u", paths[k], i);
      g_autofree char *full = g_build_filename ("/site", path, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (full);
      RecapPost *post = recap_post_new_from_text (file, path, texts[k], strlen (texts[k]));

      /* Half the posts have their folded copy, as from the index cache. */
      if (i % 2 == 0)
        {
          const char *body = recap_post_get_body (post);
          g_autoptr(GBytes) text = recap_search_text_new (body, strlen (body));

          recap_post_share_search_text (post, text);
        }
      g_ptr_array_add (posts, post);
    }
  return posts;
}

static void
assert_finds_as_matches (RecapPostSearch *search,
                         GPtrArray       *posts,
                         const char      *typed)
{
  g_autofree char *needle = recap_search_fold_dup (typed, -1);
  guint found = recap_post_search_run (search, needle);
  guint matching = 0;

  recap_post_search_show (search);
  for (guint i = 0; i < posts->len; i++)
    {
      gboolean matches = recap_post_matches (posts->pdata[i], needle, NULL);

      if (recap_post_search_found (search, posts->pdata[i]) != matches)
        g_error ("“%s” in %s: found %d, matches %d", typed,
                 recap_post_get_relative_path (posts->pdata[i]), !matches, matches);
      matching += matches;
    }
  g_assert_cmpuint (found, ==, matching);
}

static void
test_as_typed (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(RecapPostSearch) search = recap_post_search_new (posts);
  g_autofree char *phrase = recap_search_fold_dup ("lightning talk", -1);

  /* Before any run, every post. */
  g_assert_true (recap_post_search_found (search, posts->pdata[1]));
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    assert_finds_as_matches (search, posts, needles[i]);
  /* A whole word: posts 0, 3 and 4 of every seven. */
  g_assert_cmpuint (recap_post_search_run (search, phrase), ==, 3 * N_POSTS / 7);
}

/* A post changed or made after the snapshot is matched as it is now. */
static void
test_changed_post (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(RecapPostSearch) search = recap_post_search_new (posts);
  const char *text = "---\ntitle: Renamed\n---\nNow about databases.\n";
  g_autoptr(GFile) file = g_file_new_for_path ("/site/_posts/2023-05-04-lightning.md.0");
  g_autoptr(RecapPost) changed = recap_post_new_from_text (file, "_posts/2023-05-04-lightning.md.0",
                                                          text, strlen (text));
  g_autoptr(RecapPost) outside = recap_post_new_from_text (file, "_posts/2023-05-04-lightning.md.0",
                                                          text, strlen (text));

  /* A post is taken once. */
  g_assert_false (recap_post_search_add (search, posts->pdata[0]));
  g_assert_cmpuint (recap_post_search_get_n_posts (search), ==, N_POSTS);
  recap_post_search_run (search, "databases");
  recap_post_search_show (search);
  g_assert_false (recap_post_search_found (search, posts->pdata[0]));
  recap_post_update_from (posts->pdata[0], changed);
  g_assert_true (recap_post_search_found (search, posts->pdata[0]));
  g_assert_true (recap_post_search_found (search, outside));
  recap_post_search_run (search, "typing");
  recap_post_search_show (search);
  g_assert_false (recap_post_search_found (search, posts->pdata[0]));
  g_assert_true (recap_post_search_found (search, posts->pdata[G_N_ELEMENTS (texts)]));
}

static gpointer
run_typing (gpointer search)
{
  return GUINT_TO_POINTER (recap_post_search_run (search, "typing"));
}

/* A run in another thread changes nothing shown until it is shown. */
static void
test_run_in_thread (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(RecapPostSearch) search = recap_post_search_new (posts);
  GThread *thread;

  recap_post_search_run (search, "charla");
  recap_post_search_show (search);
  thread = g_thread_new ("test-search", run_typing, recap_post_search_ref (search));
  g_assert_true (recap_post_search_found (search, posts->pdata[1]));
  g_assert_false (recap_post_search_found (search, posts->pdata[0]));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (thread)), ==, N_POSTS / 7);
  recap_post_search_unref (search);
  g_assert_true (recap_post_search_found (search, posts->pdata[1]));
  recap_post_search_show (search);
  g_assert_false (recap_post_search_found (search, posts->pdata[1]));
  g_assert_true (recap_post_search_found (search, posts->pdata[0]));
}

/* Whether @live shows @typed, and answers for each of @posts as
 * recap_post_matches() does, by post and by position. */
static void
assert_live_matches (RecapLiveSearch *live,
                     GListModel      *posts,
                     const char      *typed)
{
  g_autofree char *needle = recap_search_fold_dup (typed, -1);

  g_assert_cmpstr (recap_live_search_get_shown (live), ==, needle);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);

      g_assert_cmpint (recap_live_search_matches (live, post), ==, recap_post_matches (post, needle, NULL));
      g_assert_cmpint (recap_live_search_matches_at (live, i), ==, recap_post_matches (post, needle, NULL));
    }
}

static void
type_and_wait (RecapLiveSearch *live,
               const char      *typed)
{
  g_autofree char *needle = typed ? recap_search_fold_dup (typed, -1) : NULL;

  recap_live_search_set_query (live, needle);
  TEST_UTIL_WAIT_FOR (!recap_live_search_get_busy (live));
}

static void
count_shown (RecapLiveSearch *live,
             const char      *before,
             guint           *n_shown)
{
  (*n_shown)++;
}

/* A query typed while the snapshot is taken waits for it; posts changed or
 * added after it, a few or many, are answered as they are now. */
static void
test_live (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(GListStore) store = g_list_store_new (RECAP_TYPE_POST);
  g_autoptr(RecapLiveSearch) live = recap_live_search_new ();
  g_autoptr(RecapPost) changed = test_post_new ("_posts/2023-05-04-lightning.md.0",
                                           "---\ntitle: Renamed\n---\nNow about databases.\n");
  g_autofree char *needle = recap_search_fold_dup ("lightning talk", -1);
  guint n_shown = 0;

  g_list_store_splice (store, 0, 0, posts->pdata, posts->len);
  g_signal_connect (live, "shown", G_CALLBACK (count_shown), &n_shown);
  recap_live_search_set_posts (live, G_LIST_MODEL (store));
  recap_live_search_set_query (live, needle);
  g_assert_true (recap_live_search_get_busy (live));
  g_assert_null (recap_live_search_get_shown (live));
  TEST_UTIL_WAIT_FOR (!recap_live_search_get_busy (live));
  g_assert_cmpuint (n_shown, ==, 1);
  assert_live_matches (live, G_LIST_MODEL (store), "lightning talk");

  /* Changed in place, and told as the site does. */
  recap_post_update_from (posts->pdata[0], changed);
  g_list_store_splice (store, 0, 1, &posts->pdata[0], 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RecapPost) post = test_post_new ("_posts/new.md", "Another lightning talk about databases.\n");

      g_list_store_append (store, post);
    }
  assert_live_matches (live, G_LIST_MODEL (store), "lightning talk");
  type_and_wait (live, "databases");
  assert_live_matches (live, G_LIST_MODEL (store), "databases");
  /* Posts gone, and one replaced by a changed one, as the site does. */
  g_list_store_remove (store, 1);
  g_list_store_remove (store, 5);
  g_list_store_splice (store, 2, 1, (gpointer *) &changed, 1);
  assert_live_matches (live, G_LIST_MODEL (store), "databases");
  /* Many more: the snapshot is taken again meanwhile. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(RecapPost) post = test_post_new ("_posts/more.md", "More databases, then a lightning talk.\n");

      g_list_store_insert (store, i, post);
    }
  assert_live_matches (live, G_LIST_MODEL (store), "databases");
  type_and_wait (live, "lightning talk");
  assert_live_matches (live, G_LIST_MODEL (store), "lightning talk");
  type_and_wait (live, NULL);
  g_assert_null (recap_live_search_get_shown (live));
}

/* Paused (a site loading), a query is shown at once, matched post by post. */
static void
test_live_paused (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(GListStore) store = g_list_store_new (RECAP_TYPE_POST);
  g_autoptr(RecapLiveSearch) live = recap_live_search_new ();
  g_autofree char *needle = recap_search_fold_dup ("charla", -1);

  g_list_store_splice (store, 0, 0, posts->pdata, posts->len);
  recap_live_search_set_paused (live, TRUE);
  recap_live_search_set_posts (live, G_LIST_MODEL (store));
  recap_live_search_set_query (live, needle);
  g_assert_false (recap_live_search_get_busy (live));
  assert_live_matches (live, G_LIST_MODEL (store), "charla");
  recap_live_search_set_paused (live, FALSE);
  type_and_wait (live, "tecnologia");
  assert_live_matches (live, G_LIST_MODEL (store), "tecnologia");
}

/* Posts that come and go while the snapshot is taken, before and after the
 * posts it has looked at: each position is answered as its post is now. */
static void
test_live_changes_while_taken (void)
{
  g_autoptr(GPtrArray) posts = make_posts ();
  g_autoptr(GListStore) store = g_list_store_new (RECAP_TYPE_POST);
  g_autoptr(RecapLiveSearch) live = recap_live_search_new ();

  g_list_store_splice (store, 0, 0, posts->pdata, posts->len);
  recap_live_search_set_posts (live, G_LIST_MODEL (store));
  type_and_wait (live, "charla");
  /* Taken anew when many posts came: changes go on meanwhile. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(RecapPost) post = test_post_new ("_posts/more.md", "Una charla más.\n");

      g_list_store_insert (store, 2 * i, post);
      if (i % 100 == 0)
        g_main_context_iteration (NULL, FALSE);
      if (i % 7 == 0)
        g_list_store_remove (store, (i * 37) % g_list_model_get_n_items (G_LIST_MODEL (store)));
    }
  assert_live_matches (live, G_LIST_MODEL (store), "charla");
  type_and_wait (live, "una charla");
  assert_live_matches (live, G_LIST_MODEL (store), "una charla");
  type_and_wait (live, "charla");
  assert_live_matches (live, G_LIST_MODEL (store), "charla");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/post-search/as-typed", test_as_typed);
  g_test_add_func ("/post-search/changed-post", test_changed_post);
  g_test_add_func ("/post-search/run-in-thread", test_run_in_thread);
  g_test_add_func ("/post-search/live", test_live);
  g_test_add_func ("/post-search/live-paused", test_live_paused);
  g_test_add_func ("/post-search/live-changes-while-taken", test_live_changes_while_taken);

  return g_test_run ();
}
