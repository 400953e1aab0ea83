/* test-search-text.c: folding for search, and search in posts
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-post.h"
#include "recap-search-text.h"

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = recap_search_fold_dup (text, -1);

  g_assert_cmpstr (folded, ==, expected);
  g_assert_cmpuint (strlen (folded), <=, strlen (text));
}

static void
test_fold (void)
{
  assert_folds_to ("Lightning TALKS, 2024!", "lightning talks, 2024!");
  assert_folds_to ("ZOË Lindqvist, ÜBER", "zoe lindqvist, uber");
  assert_folds_to ("ΑΘΗΝΑ Москва Ἀθῆναι", "αθηνα москва αθηναι");
  /* NFC and NFD fold alike: precomposed í, and i with a combining acute. */
  assert_folds_to ("Tecnolog\u00eda", "tecnologia");
  assert_folds_to ("Tecnologi\u0301a", "tecnologia");
  assert_folds_to ("İstanbul Çay", "istanbul cay");
  /* Letters that are not a base letter and accents stay, in lower case. */
  assert_folds_to ("Øresund ŁÓDŹ ß", "øresund łodz ß");
  /* Hangul syllables decompose to jamo, not to accents: kept as they are. */
  assert_folds_to ("한국어", "한국어");
  /* Bytes that are no UTF-8 stay as they are. */
  assert_folds_to ("A\xff\xfe" "B", "a\xff\xfe" "b");
}

static void
test_find (void)
{
  const char *body = "Thanks to ZOË for the Über-talk";
  g_autoptr(GBytes) text = recap_search_text_new (body, strlen (body));
  g_autofree char *needle = recap_search_fold_dup ("über", -1);
  gsize len = 0, match_len = 0;
  const char *found_body = recap_search_text_get_body (text, &len);

  g_assert_cmpstr (found_body, ==, body);
  g_assert_cmpuint (len, ==, strlen (body));
  g_assert_true (recap_search_text_is_valid (g_bytes_get_data (text, NULL), g_bytes_get_size (text)));
  /* The match is in the body itself, in its own case, with its length there. */
  g_assert_cmpstr (recap_search_text_find (text, needle, strlen (needle), &match_len), ==, "Über-talk");
  g_assert_cmpuint (match_len, ==, strlen ("Über"));
  g_assert_cmpstr (recap_search_text_find (text, "zoe", 3, &match_len), ==, "ZOË for the Über-talk");
  g_assert_cmpuint (match_len, ==, strlen ("ZOË"));
  g_assert_null (recap_search_text_find (text, "talks", 5, NULL));
  g_assert_true (recap_search_text_contains (text, "zoe for", 7));
  g_assert_false (recap_search_text_contains (text, "talks", 5));
  g_assert_false (recap_search_text_is_valid ("abc\0d", 6));
  g_assert_false (recap_search_text_is_valid ("ab\0cd\0", 7));
  g_assert_false (recap_search_text_is_valid ("a", 1));
}

/* A body in NFD found by a query in NFC, and the other way round. */
static void
test_find_normalization (void)
{
  const char *nfd = "Charla sobre tecnologi\u0301a y café";
  const char *nfc = "Charla sobre tecnolog\u00eda y cafe\u0301";
  g_autoptr(GBytes) nfd_text = recap_search_text_new (nfd, strlen (nfd));
  g_autoptr(GBytes) nfc_text = recap_search_text_new (nfc, strlen (nfc));
  g_autofree char *plain = recap_search_fold_dup ("TECNOLOGIA", -1);
  g_autofree char *accented = recap_search_fold_dup ("tecnolog\u00eda y cafe\u0301", -1);
  gsize match_len = 0;
  const char *match;

  match = recap_search_text_find (nfd_text, plain, strlen (plain), &match_len);
  g_assert_true (match == recap_search_text_get_body (nfd_text, NULL) + strlen ("Charla sobre "));
  g_assert_cmpuint (match_len, ==, strlen ("tecnologi\u0301a"));
  match = recap_search_text_find (nfc_text, accented, strlen (accented), &match_len);
  g_assert_true (match == recap_search_text_get_body (nfc_text, NULL) + strlen ("Charla sobre "));
  /* The match ends after the combining accent of its last letter. */
  g_assert_cmpuint (match_len, ==, strlen ("tecnolog\u00eda y cafe\u0301"));
  g_assert_nonnull (recap_search_text_find (nfd_text, accented, strlen (accented), NULL));
  g_assert_nonnull (recap_search_find_folding (nfc, strlen (nfc), plain, strlen (plain), NULL));
}

/* Without a folded copy: a match far into a long body is found too. */
static void
test_find_folding (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize match_len = 0;
  const char *match;

  for (gsize i = 0; i < 4090; i++)
    g_string_append (text, "\u00e9");
  g_string_append (text, "Lightning TALK");
  match = recap_search_find_folding (text->str, text->len, "lightning talk", 14, &match_len);
  g_assert_true (match == text->str + 2 * 4090);
  g_assert_cmpuint (match_len, ==, 14);
  g_assert_null (recap_search_find_folding (text->str, text->len, "talks", 5, NULL));
  g_assert_true (recap_search_find_folding ("ZOË", strlen ("ZOË"), "zoe", 3, NULL) != NULL);
}

/* The same first match as memmem(), for needles of every length at every
 * place, near the ends of the text too, with first and last bytes that
 * agree in many other places. */
static void
test_memmem (void)
{
  const char *text = "abaabaaab aab abab ba aaab a lightning talks, lightning talk.";
  gsize len = strlen (text);

  for (gsize start = 0; start < len; start++)
    for (gsize n = 0; start + n <= len; n++)
      {
        const char *needle = text + start;

        for (gsize from = 0; from <= len; from++)
          g_assert_true (recap_search_memmem (text + from, len - from, needle, n) ==
                         memmem (text + from, len - from, needle, n));
      }
  g_assert_null (recap_search_memmem (text, len, "talkz", 5));
  g_assert_null (recap_search_memmem (text, 3, "abaa", 4));
}

static gboolean
matches (RecapPost  *post,
         const char *query,
         char      **snippet)
{
  g_autofree char *needle = recap_search_fold_dup (query, -1);

  return recap_post_matches (post, needle, snippet);
}

static void
test_post_matches (void)
{
  const char *text = "---\ntitle: Sprint night\nauthor: Zoë Lindqvist\nevent: PyCon US\ntags: [Packaging]\n---\n"
                     "We fixed the wheel BUILD for Windows and then went for pizza at the usual place.\n";
  g_autoptr(GFile) file = g_file_new_for_path ("/site/_posts/2024-01-01-sprint.md");
  g_autoptr(RecapPost) post = recap_post_new_from_text (file, "_posts/2024-01-01-sprint.md", text, strlen (text));
  g_autofree char *snippet = NULL;

  g_assert_true (matches (post, "SPRINT", NULL));
  g_assert_true (matches (post, "ZOË", NULL));
  g_assert_true (matches (post, "pycon", NULL));
  g_assert_true (matches (post, "packaging", NULL));
  g_assert_false (matches (post, "django", NULL));
  /* Only the body holds it: the snippet shows it in its own case. */
  g_assert_true (matches (post, "wheel build", &snippet));
  g_assert_nonnull (strstr (snippet, "wheel BUILD for Windows"));
  g_clear_pointer (&snippet, g_free);
  /* A match in the title needs no snippet. */
  g_assert_true (matches (post, "night", &snippet));
  g_assert_null (snippet);
  /* Front matter is not body text. */
  g_assert_false (matches (post, "title:", NULL));
  /* Accents and their absence, path and date. */
  g_assert_true (matches (post, "zoe lindqvist", NULL));
  g_assert_true (matches (post, "pizzá", NULL));
  g_assert_true (matches (post, "_posts/2024-01-01-spr", NULL));
  g_assert_true (matches (post, "2024-01-01", NULL));
  g_assert_false (matches (post, "2023-01-01", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-text/fold", test_fold);
  g_test_add_func ("/search-text/find", test_find);
  g_test_add_func ("/search-text/find-normalization", test_find_normalization);
  g_test_add_func ("/search-text/find-folding", test_find_folding);
  g_test_add_func ("/search-text/memmem", test_memmem);
  g_test_add_func ("/search-text/post-matches", test_post_matches);

  return g_test_run ();
}
