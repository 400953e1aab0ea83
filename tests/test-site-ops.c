/* test-site-ops.c: new posts, tag rename/merge with undo, events, publishing
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-bulk-edit.h"
#include "recap-jekyll-date.h"
#include "recap-site.h"
#include "recap-post.h"
#include "recap-site-ops.h"
#include "recap-taxonomy.h"
#include "test-util.h"

typedef TestUtilDir Fixture;

static char *
read_back (Fixture    *fixture,
           const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gboolean
exists (Fixture    *fixture,
        const char *relative_path)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative_path, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static GDateTime *
march_14 (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("-05:00");

  return g_date_time_new (zone, 2024, 3, 14, 19, 0, 0);
}

static void
test_slugify (void)
{
  static const struct { const char *title; const char *slug; } cases[] = {
    { "March 2024 meetup: async for the rest of us", "march-2024-meetup-async-for-the-rest-of-us" },
    /* Letters of every script stay, as in Jekyll's slugify default mode. */
    { "서울 파이썬 밋업 2024", "서울-파이썬-밋업-2024" },
    { "Café & Code!", "café-code" },
    { "  --Zoë's talk--  ", "zoë-s-talk" },
    { "PyCon US 2024, day one", "pycon-us-2024-day-one" },
    { "北京 Python 聚会：异步编程", "北京-python-聚会-异步编程" },
    { "Встреча Python-разработчиков", "встреча-python-разработчиков" },
    { "Ελληνικά ΚΑΙ Çà", "ελληνικά-και-çà" },
    { "मुंबई पायथन", "मुंबई-पायथन" }, /* combining vowel signs are marks */
    /* Decomposed input gives the same name as composed input. */
    { "Cafe\xcc\x81", "café" },
    { "🎉🐍 !!! ¿¡", "untitled" },
    { "!!!", "untitled" },
    { "", "untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = recap_slugify (cases[i].title);
      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

/* A long title in a three-byte script must still make a valid file name. */
static void
test_slugify_long_title (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *slug = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (title, "밋업 ");
  slug = recap_slugify (title->str);
  g_assert_cmpuint (strlen (slug), <=, 200);
  g_assert_true (g_utf8_validate (slug, -1, NULL));
  g_assert_true (g_str_has_prefix (slug, "밋업-밋업"));
  g_assert_false (g_str_has_suffix (slug, "-"));
}

static void
test_new_post_text (void)
{
  g_autoptr(GDateTime) date = march_14 ();
  const char *tags[] = { "python", "asyncio", NULL };
  RecapNewPost post = { RECAP_TEMPLATE_BLANK, "Async: the rest of us", "rivka-stein",
                        "Lakeside Python March 2024", tags, date, FALSE };
  g_autofree char *text = recap_new_post_text (&post);

  g_assert_cmpstr (text, ==,
                   "---\n"
                   "layout: post\n"
                   "title: \"Async: the rest of us\"\n"
                   "date: 2024-03-14 19:00:00 -0500\n"
                   "author: rivka-stein\n"
                   "event: \"Lakeside Python March 2024\"\n"
                   "tags: [python, asyncio]\n"
                   "---\n"
                   "\n");
}

static void
test_create_post_never_overwrites (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GDateTime) date = march_14 ();
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  RecapNewPost post = { RECAP_TEMPLATE_MEETUP_REPORT, "March meetup", NULL, NULL, NULL, date, FALSE };
  RecapNewPost draft = { RECAP_TEMPLATE_CONFERENCE_NOTES, "Ideas", NULL, NULL, NULL, date, TRUE };
  g_autoptr(GFile) first = recap_create_post (root, &post, NULL, NULL);
  g_autoptr(GFile) second = recap_create_post (root, &post, NULL, NULL);
  g_autoptr(GFile) draft_file = recap_create_post (root, &draft, NULL, NULL);
  g_autofree char *text = read_back (fixture, "_posts/2024-03-14-march-meetup.md");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (exists (fixture, "_posts/2024-03-14-march-meetup-2.md"));
  g_assert_true (exists (fixture, "_drafts/ideas.md"));
  g_assert_true (g_str_has_prefix (text, "---\nlayout: post\ntitle: \"March meetup\"\n"));
  g_assert_nonnull (strstr (text, "## Talks"));
}

static const char *tagged_posts[][2] = {
  { "_posts/2024-01-01-flow.md", "---\ntitle: Flow\ntags: [PyCon, python]  # conference\n---\nBody\n" },
  { "_posts/2024-01-02-block.md", "---\r\ntitle: Block\r\ntags:\r\n  - python\r\n  - PyCon\r\n---\r\n" },
  { "_posts/2024-01-03-string.md", "---\ntitle: String\ntags: pycon PyCon meetup\n---\n" },
  { "_posts/2024-01-04-untouched.md", "---\ntitle: Untouched\ntags: [pycon]\n---\n" },
  { "_posts/2024-01-05-no-tags.md", "# No front matter\n" },
};

static const char *renamed_posts[] = {
  "---\ntitle: Flow\ntags: [pycon, python]  # conference\n---\nBody\n",
  "---\r\ntitle: Block\r\ntags:\r\n  - python\r\n  - pycon\r\n---\r\n",
  "---\ntitle: String\ntags: pycon meetup\n---\n",
  "---\ntitle: Untouched\ntags: [pycon]\n---\n",
  "# No front matter\n",
};

static RecapSite *
write_tagged_site (Fixture *fixture)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(RecapSite) site = recap_site_new (root);

  for (guint i = 0; i < G_N_ELEMENTS (tagged_posts); i++)
    test_util_write_file (fixture->dir, tagged_posts[i][0], tagged_posts[i][1]);
  g_assert_true (recap_site_load_sync (site, NULL, NULL));
  return g_steal_pointer (&site);
}

/* A tag list that holds a map is not rewritten from its words: the
 * rename is refused and the file keeps every byte. */
static void
test_rename_tag_keeps_mixed_list (void)
{
  static const char text[] = "---\ntitle: T\ntags:\n  - python\n  - name: Kim\n  - [a, b]\n---\n";
  RecapTagRename rename = { "python", "py" };
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (recap_edit_rename_tag (NULL, text, strlen (text), &rename, &edit, &error));
  g_assert_error (error, RECAP_FRONT_MATTER_ERROR, RECAP_FRONT_MATTER_ERROR_READ_ONLY);
  g_assert_false (edit.changed);
}

static void
test_rename_tag_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RecapSite) site = write_tagged_site (fixture);
  g_autoptr(GPtrArray) files = recap_posts_with_tag (G_LIST_MODEL (site), "PyCon");
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  RecapTagRename rename = { "PyCon", "pycon" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (files->len, ==, 3);
  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_rename_tag, &rename,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (tagged_posts); i++)
    {
      g_autofree char *text = read_back (fixture, tagged_posts[i][0]);
      g_assert_cmpstr (text, ==, renamed_posts[i]);
    }

  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tagged_posts); i++)
    {
      g_autofree char *text = read_back (fixture, tagged_posts[i][0]);
      g_assert_cmpstr (text, ==, tagged_posts[i][1]);
    }
}

static void
test_undo_keeps_later_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RecapSite) site = write_tagged_site (fixture);
  g_autoptr(GPtrArray) files = recap_posts_with_tag (G_LIST_MODEL (site), "PyCon");
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  RecapTagRename rename = { "PyCon", "pycon" };
  const char *edited_later = "---\ntitle: Flow, edited later\n---\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_rename_tag, &rename, NULL, NULL, NULL, NULL));
  test_util_write_file (fixture->dir, tagged_posts[0][0], edited_later);

  g_assert_false (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  text = read_back (fixture, tagged_posts[0][0]);
  g_assert_cmpstr (text, ==, edited_later);
}

static void
test_tag_variants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RecapSite) site = write_tagged_site (fixture);
  g_autoptr(GPtrArray) counts = recap_taxonomy_count (G_LIST_MODEL (site), RECAP_TAXONOMY_TAGS);
  g_autoptr(GPtrArray) variants = recap_taxonomy_near_duplicates (counts);
  GStrv spellings;

  g_assert_cmpuint (variants->len, ==, 1);
  spellings = variants->pdata[0];
  g_assert_cmpstrv (spellings, ((const char *[]) { "PyCon", "pycon", NULL }));
}

static void
test_set_event (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autoptr(RecapBulkEdit) removal = recap_bulk_edit_new ();
  g_autofree char *added = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *a = g_build_filename (fixture->dir, "a.md", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.md", NULL);

  test_util_write_file (fixture->dir, "a.md", "---\ntitle: A\n---\n");
  test_util_write_file (fixture->dir, "b.md", "---\nevent: Old  # typo\ntitle: B\n---\n");
  g_ptr_array_add (files, g_file_new_for_path (a));
  g_ptr_array_add (files, g_file_new_for_path (b));

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_set_event, "PyCon US 2024",
                                        NULL, NULL, NULL, NULL));
  added = read_back (fixture, "a.md");
  changed = read_back (fixture, "b.md");
  g_assert_cmpstr (added, ==, "---\ntitle: A\nevent: PyCon US 2024\n---\n");
  g_assert_cmpstr (changed, ==, "---\nevent: PyCon US 2024  # typo\ntitle: B\n---\n");

  g_assert_true (recap_bulk_edit_apply (removal, files, recap_edit_set_event, NULL, NULL, NULL, NULL, NULL));
  removed = read_back (fixture, "b.md");
  g_assert_cmpstr (removed, ==, "---\ntitle: B\n---\n");
}

static void
test_publish_and_unpublish (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) date = march_14 ();
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *draft_path = g_build_filename (fixture->dir, "_drafts", "async-notes.md", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(RecapMove) published = NULL;
  g_autoptr(RecapMove) unpublished = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *published_text = NULL;
  g_autofree char *draft_text = NULL;

  test_util_write_file (fixture->dir, "_drafts/async-notes.md", "---\ntitle: Async notes\n---\nText\n");

  published = recap_publish_draft (root, draft, date, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (exists (fixture, "_drafts/async-notes.md"));
  published_text = read_back (fixture, "_posts/2024-03-14-async-notes.md");
  g_assert_cmpstr (published_text, ==, "---\ntitle: Async notes\ndate: 2024-03-14 19:00:00 -0500\n---\nText\n");

  unpublished = recap_unpublish_post (root, published->to, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (exists (fixture, "_posts/2024-03-14-async-notes.md"));
  draft_text = read_back (fixture, "_drafts/async-notes.md");
  g_assert_cmpstr (draft_text, ==, published_text);
}

static void
test_unpublish_keeps_file_name_date (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *path = g_build_filename (fixture->dir, "_posts", "2023-08-24-picnic.md", NULL);
  g_autoptr(GFile) post = g_file_new_for_path (path);
  g_autoptr(RecapMove) draft = NULL;
  g_autoptr(GDateTime) file_date = recap_jekyll_date_from_file_name ("2023-08-24-picnic.md");
  g_autofree char *date_text = recap_front_matter_format_date (file_date);
  g_autofree char *expected = g_strdup_printf ("---\ntitle: Picnic\ndate: %s\n---\n", date_text);
  g_autofree char *text = NULL;

  test_util_write_file (fixture->dir, "_posts/2023-08-24-picnic.md", "---\ntitle: Picnic\n---\n");
  test_util_write_file (fixture->dir, "_drafts/picnic.md", "Someone else's draft\n");

  draft = recap_unpublish_post (root, post, NULL, NULL);

  g_assert_nonnull (draft);
  text = read_back (fixture, "_drafts/picnic-2.md");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_trash_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "_posts", "2024-01-01-old.md", NULL);
  g_autofree char *back = NULL;
  g_autoptr(GError) error = NULL;

  test_util_write_file (fixture->dir, "_posts/2024-01-01-old.md", "---\ntitle: Old\n---\r\nBytes kept\n");
  g_ptr_array_add (files, g_file_new_for_path (path));

  if (!recap_bulk_edit_trash (bulk, files, NULL, &error))
    {
      /* Some machines have no trash for this file system (e.g. tmpfs without a home trash). */
      g_test_skip_printf ("No trash here: %s", error->message);
      return;
    }
  g_assert_false (exists (fixture, "_posts/2024-01-01-old.md"));

  g_assert_true (recap_bulk_edit_undo (bulk, NULL, &error));
  g_assert_no_error (error);
  back = read_back (fixture, "_posts/2024-01-01-old.md");
  g_assert_cmpstr (back, ==, "---\ntitle: Old\n---\r\nBytes kept\n");
}

static void
test_add_front_matter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
  g_autofree char *dated = g_build_filename (fixture->dir, "notes", "2023-05-04-sprint.md", NULL);
  g_autofree char *titled = g_build_filename (fixture->dir, "notes", "ideas.md", NULL);
  g_autofree char *has = g_build_filename (fixture->dir, "notes", "has.md", NULL);
  g_autoptr(GDateTime) day = recap_jekyll_date_from_file_name ("2023-05-04-sprint.md");
  g_autofree char *day_text = recap_front_matter_format_date (day);
  g_autofree char *expected = g_strdup_printf ("---\ntitle: Sprint notes\ndate: %s\n---\n# Sprint notes\n", day_text);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  test_util_write_file (fixture->dir, "notes/2023-05-04-sprint.md", "# Sprint notes\n");
  test_util_write_file (fixture->dir, "notes/ideas.md", "No heading here\n");
  test_util_write_file (fixture->dir, "notes/has.md", "---\ntitle: Has\n---\n");
  g_ptr_array_add (files, g_file_new_for_path (dated));
  g_ptr_array_add (files, g_file_new_for_path (titled));
  g_ptr_array_add (files, g_file_new_for_path (has));

  g_assert_true (recap_bulk_edit_apply (bulk, files, recap_edit_add_front_matter, NULL, NULL, NULL, NULL, NULL));

  g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, 2);
  first = read_back (fixture, "notes/2023-05-04-sprint.md");
  g_assert_cmpstr (first, ==, expected);
  second = read_back (fixture, "notes/ideas.md");
  g_assert_true (g_str_has_prefix (second, "---\ntitle: ideas\ndate: "));
  g_assert_true (g_str_has_suffix (second, "\n---\nNo heading here\n"));
}

/* A Hugo post with TOML or JSON front matter never gets a YAML block above it. */
static void
test_add_front_matter_foreign (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const posts[][2] = {
    { "_posts/2019-10-13-toml.md", "+++\ntitle = \"Wrap-up\"\n+++\n# Wrap-up\n" },
    { "_posts/2020-05-01-json.md", "{\n  \"title\": \"Sprint\"\n}\nBody\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(RecapBulkEdit) bulk = recap_bulk_edit_new ();
      g_autofree char *path = g_build_filename (fixture->dir, posts[i][0], NULL);
      g_autofree char *back = NULL;
      g_autoptr(GError) error = NULL;

      test_util_write_file (fixture->dir, posts[i][0], posts[i][1]);
      g_ptr_array_add (files, g_file_new_for_path (path));

      g_assert_false (recap_bulk_edit_apply (bulk, files, recap_edit_add_front_matter, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, i == 0 ? "TOML front matter" : "JSON front matter"));
      g_assert_cmpuint (recap_bulk_edit_get_n_changed (bulk), ==, 0);
      back = read_back (fixture, posts[i][0]);
      g_assert_cmpstr (back, ==, posts[i][1]);
    }
}

static void
test_rename_post (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "_posts", "2024-03-14-old-name.markdown", NULL);
  g_autoptr(GFile) post = g_file_new_for_path (path);
  g_autoptr(RecapMove) renamed = NULL;
  g_autoptr(RecapMove) blocked = NULL;
  g_autoptr(GError) error = NULL;

  test_util_write_file (fixture->dir, "_posts/2024-03-14-old-name.markdown", "text\n");
  test_util_write_file (fixture->dir, "_posts/2024-03-14-taken.markdown", "other\n");

  renamed = recap_rename_post (post, "Async, for the rest of us", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (exists (fixture, "_posts/2024-03-14-async-for-the-rest-of-us.markdown"));
  g_assert_false (exists (fixture, "_posts/2024-03-14-old-name.markdown"));

  blocked = recap_rename_post (renamed->to, "taken", NULL, &error);
  g_assert_null (blocked);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (exists (fixture, "_posts/2024-03-14-async-for-the-rest-of-us.markdown"));
}

/* The DjangoCon draft of issue 11: a date in its name and its front matter,
 * and `published: false`. */
#define WRAP_UP_DRAFT \
  "---\n" \
  "title: Conference Wrap-Up\n" \
  "date: 2019-10-13 06:00:00\n" \
  "published: false  # not yet\n" \
  "tags: [djangocon]\n" \
  "---\n" \
  "Thanks, everyone!\r\n"

static void
test_publish_keeps_date (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *path = g_build_filename (fixture->dir, "_drafts", "2019-10-13-Conference-Wrap-Up.md", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (path);
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *restored = NULL;

  test_util_write_file (fixture->dir, "_drafts/2019-10-13-Conference-Wrap-Up.md", WRAP_UP_DRAFT);

  move = recap_publish_draft (root, draft, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (exists (fixture, "_drafts/2019-10-13-Conference-Wrap-Up.md"));
  text = read_back (fixture, "_posts/2019-10-13-Conference-Wrap-Up.md");
  /* The date as it was, `published: false` gone, every other byte kept. */
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: Conference Wrap-Up\n"
                   "date: 2019-10-13 06:00:00\n"
                   "tags: [djangocon]\n"
                   "---\n"
                   "Thanks, everyone!\r\n");

  g_assert_true (recap_move_undo (move, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (exists (fixture, "_posts/2019-10-13-Conference-Wrap-Up.md"));
  restored = read_back (fixture, "_drafts/2019-10-13-Conference-Wrap-Up.md");
  g_assert_cmpstr (restored, ==, WRAP_UP_DRAFT);
}

static void
test_publish_today_strips_date (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) date = march_14 ();
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *path = g_build_filename (fixture->dir, "_drafts", "2019-10-13-Conference-Wrap-Up.md", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (path);
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = recap_published_name ("2019-10-13-Conference-Wrap-Up.md", date);

  g_assert_cmpstr (name, ==, "2024-03-14-Conference-Wrap-Up.md");
  test_util_write_file (fixture->dir, "_drafts/2019-10-13-Conference-Wrap-Up.md", WRAP_UP_DRAFT);

  move = recap_publish_draft (root, draft, date, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (exists (fixture, "_posts/2024-03-14-2019-10-13-Conference-Wrap-Up.md"));
  text = read_back (fixture, "_posts/2024-03-14-Conference-Wrap-Up.md");
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: Conference Wrap-Up\n"
                   "date: 2024-03-14 19:00:00 -0500\n"
                   "tags: [djangocon]\n"
                   "---\n"
                   "Thanks, everyone!\r\n");
}

static void
test_draft_date (void)
{
  static const char with_date[] = "---\ndate: 2019-10-13 06:00:00\n---\n";
  static const char without[] = "---\ntitle: T\n---\n";
  g_autoptr(GDateTime) from_text = recap_draft_date ("2018-01-02-x.md", with_date, strlen (with_date));
  g_autoptr(GDateTime) from_name = recap_draft_date ("2018-01-02-x.md", without, strlen (without));
  g_autoptr(GDateTime) none = recap_draft_date ("x.md", without, strlen (without));
  g_autofree char *day_text = g_date_time_format (from_text, "%F");
  g_autofree char *day_name = g_date_time_format (from_name, "%F");

  g_assert_cmpstr (day_text, ==, "2019-10-13");
  g_assert_cmpstr (day_name, ==, "2018-01-02");
  g_assert_null (none);
}

static void
test_publish_keep_needs_a_date (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autofree char *path = g_build_filename (fixture->dir, "_drafts", "undated.md", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (path);
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;

  test_util_write_file (fixture->dir, "_drafts/undated.md", "---\ntitle: Undated\n---\n");
  move = recap_publish_draft (root, draft, NULL, NULL, &error);
  g_assert_null (move);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (exists (fixture, "_drafts/undated.md"));
  g_assert_false (exists (fixture, "_posts"));
}

static void
test_move_undo_refuses_changed (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "_posts", "2024-03-14-old.md", NULL);
  g_autoptr(GFile) post = g_file_new_for_path (path);
  g_autoptr(RecapMove) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  test_util_write_file (fixture->dir, "_posts/2024-03-14-old.md", "old\n");
  move = recap_rename_post (post, "new", NULL, &error);
  g_assert_no_error (error);
  test_util_write_file (fixture->dir, "_posts/2024-03-14-new.md", "edited since\n");

  g_assert_false (recap_move_undo (move, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (exists (fixture, "_posts/2024-03-14-old.md"));
  text = read_back (fixture, "_posts/2024-03-14-new.md");
  g_assert_cmpstr (text, ==, "edited since\n");
}

static void
test_template_names (void)
{
  RecapTemplate template;

  g_assert_true (recap_template_from_name ("conference-notes", &template));
  g_assert_cmpint (template, ==, RECAP_TEMPLATE_CONFERENCE_NOTES);
  g_assert_true (recap_template_from_name ("blank", &template));
  g_assert_cmpint (template, ==, RECAP_TEMPLATE_BLANK);
  g_assert_false (recap_template_from_name ("nope", &template));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ops/slugify", test_slugify);
  g_test_add_func ("/ops/slugify-long-title", test_slugify_long_title);
  g_test_add_func ("/ops/new-post-text", test_new_post_text);
  g_test_add_func ("/ops/draft-date", test_draft_date);
  g_test_add_func ("/ops/template-names", test_template_names);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_util_dir_set_up, func, test_util_dir_tear_down)
  ADD ("/ops/create-post-never-overwrites", test_create_post_never_overwrites);
  ADD ("/ops/rename-tag-and-undo", test_rename_tag_and_undo);
  g_test_add_func ("/ops/rename-tag-keeps-mixed-list", test_rename_tag_keeps_mixed_list);
  ADD ("/ops/undo-keeps-later-changes", test_undo_keeps_later_changes);
  ADD ("/ops/tag-variants", test_tag_variants);
  ADD ("/ops/set-event", test_set_event);
  ADD ("/ops/publish-and-unpublish", test_publish_and_unpublish);
  ADD ("/ops/unpublish-keeps-file-name-date", test_unpublish_keeps_file_name_date);
  ADD ("/ops/trash-and-undo", test_trash_and_undo);
  ADD ("/ops/add-front-matter", test_add_front_matter);
  ADD ("/ops/add-front-matter-foreign", test_add_front_matter_foreign);
  ADD ("/ops/rename-post", test_rename_post);
  ADD ("/ops/publish-keeps-date", test_publish_keeps_date);
  ADD ("/ops/publish-today-strips-date", test_publish_today_strips_date);
  ADD ("/ops/publish-keep-needs-a-date", test_publish_keep_needs_a_date);
  ADD ("/ops/move-undo-refuses-changed", test_move_undo_refuses_changed);
#undef ADD

  return g_test_run ();
}
