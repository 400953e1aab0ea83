/* test-preview.c: the live preview keeps up, stays put and stays safe
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "recap-preview.h"
#include "recap-window.h"
#include "ui-test-util.h"

#define POST_PATH "_posts/2024-01-01-preview.md"

/* A site next to a file that the preview must never read. */
typedef struct {
  char          *dir;
  char          *site;
  GtkWindow     *window;
  GtkTextView   *source_view;
  RecapPreview  *preview;
  RecapDocument *document;
  GPtrArray     *activated_links;
} Fixture;

static void
copy_sample_image (const char *target)
{
  g_autofree char *source = g_build_filename (g_getenv ("RECAP_SAMPLE_SITE"), "assets", "images", "meetup.png", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (target);
  g_autoptr(GFile) folder = g_file_get_parent (to);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (folder, NULL, NULL);
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
create_site (Fixture *fixture)
{
  g_autofree char *image = g_build_filename (fixture->site, "assets", "images", "meetup.png", NULL);
  g_autofree char *secret = g_build_filename (fixture->dir, "secret.png", NULL);
  g_autofree char *link = g_build_filename (fixture->site, "assets", "link.png", NULL);

  test_util_write_file (fixture->site, "_config.yml", "title: Preview test\n");
  copy_sample_image (image);
  copy_sample_image (secret);
  g_assert_cmpint (symlink (secret, link), ==, 0);
}

static gboolean
record_link (GPtrArray  *activated_links,
             const char *uri)
{
  g_ptr_array_add (activated_links, g_strdup (uri));
  return TRUE;
}

static GtkWidget *
editor_and_preview (Fixture *fixture)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->source_view = GTK_TEXT_VIEW (gtk_source_view_new ());
  gtk_text_view_set_wrap_mode (fixture->source_view, GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->source_view));
  fixture->preview = g_object_new (RECAP_TYPE_PREVIEW, NULL);
  recap_preview_set_source_view (fixture->preview, fixture->source_view);
  g_signal_connect_swapped (fixture->preview, "activate-link", G_CALLBACK (record_link), fixture->activated_links);

  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (fixture->preview));
  gtk_paned_set_position (GTK_PANED (paned), 500);
  return paned;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("recap-preview-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->site = g_build_filename (fixture->dir, "site", NULL);
  fixture->activated_links = g_ptr_array_new_with_free_func (g_free);
  create_site (fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  gtk_window_set_child (fixture->window, editor_and_preview (fixture));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->document);
  g_ptr_array_unref (fixture->activated_links);
  test_util_remove_tree (fixture->dir);
  g_free (fixture->site);
  g_free (fixture->dir);
}

static WebKitWebView *
web_view (Fixture *fixture)
{
  return recap_preview_get_web_view (fixture->preview);
}

/* Runs @body in the page's main script world, where a document script would run. */
static JSCValue *
eval_js (Fixture    *fixture,
         const char *body)
{
  g_autoptr(GError) error = NULL;
  JSCValue *value = ui_test_call_page (web_view (fixture), NULL, body, NULL, &error);

  g_assert_no_error (error);
  return value;
}

static void
run_js (Fixture    *fixture,
        const char *body)
{
  g_autoptr(JSCValue) value = eval_js (fixture, body);
}

static double
js_number (Fixture    *fixture,
           const char *body)
{
  g_autoptr(JSCValue) value = eval_js (fixture, body);

  return jsc_value_to_double (value);
}

static gboolean
js_true (Fixture    *fixture,
         const char *body)
{
  g_autoptr(JSCValue) value = eval_js (fixture, body);

  return jsc_value_to_boolean (value);
}

/* Opens @text as a post of the site and waits until the page shows @marker. */
static void
open_post (Fixture    *fixture,
           const char *text,
           const char *marker)
{
  g_autofree char *path = g_build_filename (fixture->site, POST_PATH, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RecapPost) post = NULL;

  test_util_write_file (fixture->site, POST_PATH, text);
  post = recap_post_new_from_text (file, POST_PATH, text, strlen (text));
  g_clear_object (&fixture->document);
  fixture->document = recap_document_new (post, NULL);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (fixture->document), text, -1);
  gtk_text_view_set_buffer (fixture->source_view, GTK_TEXT_BUFFER (fixture->document));
  recap_preview_set_document (fixture->preview, fixture->document);
  ui_test_wait_for_preview (fixture->preview, marker);
}

static void
type_at_end (Fixture    *fixture,
             const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (fixture->document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (fixture->document), &end, text, -1);
}

/* Paragraph n (from 1) is on line 2n - 1. */
static char *
long_post (guint paragraphs)
{
  GString *text = g_string_new (NULL);

  for (guint n = 1; n <= paragraphs; n++)
    g_string_append_printf (text, "Paragraph %u of a long report.\n\n", n);
  return g_string_free (text, FALSE);
}

static guint
editor_top_line (Fixture *fixture)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (fixture->source_view, &visible);
  gtk_text_view_get_line_at_y (fixture->source_view, &iter, visible.y, NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

static void
scroll_editor_to_line (Fixture *fixture,
                       guint    line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (fixture->document), &iter, line - 1);
  gtk_text_view_scroll_to_iter (fixture->source_view, &iter, 0, TRUE, 0, 0);
  UI_TEST_WAIT_FOR (editor_top_line (fixture) == line);
}

static char *
find_paragraph_js (guint n)
{
  return g_strdup_printf ("Array.from (document.querySelectorAll ('#content p'))"
                          ".find (p => p.textContent.startsWith ('Paragraph %u '))", n);
}

/* How far paragraph @n of a long_post() is below the top of the preview;
 * far below while the page has no such paragraph. WebKit's web process
 * crashed once under load in the middle of these tests: the preview loads
 * its page again (as /preview/web-process-ends tests), and the waits here
 * go on through that instead of failing on the empty page. */
static double
preview_offset_of_paragraph (Fixture *fixture,
                             guint    n)
{
  g_autofree char *paragraph = find_paragraph_js (n);
  g_autofree char *body = g_strdup_printf ("const p = %s; return p ? p.getBoundingClientRect ().top : 1e9;",
                                           paragraph);

  return js_number (fixture, body);
}

/* As when the user scrolls the page: input, then a scroll. FALSE while the
 * page has no such paragraph (see above). */
static gboolean
user_scrolls_preview_to_paragraph (Fixture *fixture,
                                   guint    n)
{
  g_autofree char *paragraph = find_paragraph_js (n);
  g_autofree char *body = g_strdup_printf ("const p = %s; if (!p) return false;"
                                           "window.dispatchEvent (new WheelEvent ('wheel'));"
                                           "window.scrollTo (0, p.getBoundingClientRect ().top + window.scrollY);"
                                           "return true;",
                                           paragraph);

  return js_true (fixture, body);
}

static void
test_typing_keeps_the_page_in_place (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *body = long_post (200);
  g_autofree char *text = g_strconcat ("---\ntitle: Keeps its place\nlayout: post\n---\n", body, NULL);
  double scroll_y;

  open_post (fixture, text, "Paragraph 200");
  scroll_editor_to_line (fixture, 105);
  UI_TEST_WAIT_FOR (js_number (fixture, "return window.scrollY;") > 0);
  scroll_y = js_number (fixture, "return window.scrollY;");

  type_at_end (fixture, "Typed while reading: zebra crossing.\n");
  ui_test_wait_for_preview (fixture->preview, "zebra crossing");

  g_assert_cmpfloat (js_number (fixture, "return window.scrollY;"), ==, scroll_y);
  g_assert_true (ui_test_page_contains (web_view (fixture), "Keeps its place"));
  g_assert_false (ui_test_page_contains (web_view (fixture), "layout:"));
}

static void
test_document_scripts_never_run (Fixture       *fixture,
                                 gconstpointer  data)
{
  open_post (fixture,
             "---\ntitle: \"<img src=x onerror='window.pwned = 1'>\"\n---\n"
             "<script>window.pwned = 2;</script>\n\n"
             "<img src=\"missing.png\" onerror=\"window.pwned = 3\">\n\n"
             "Inline <img src=\"missing.png\" onerror=\"window.pwned = 4\"> and "
             "[a link](javascript:window.pwned=5)\n\n"
             "Safe end marker\n",
             "Safe end marker");

  g_assert_true (js_true (fixture, "return document.querySelector ('#content script, #content [onerror]') === null;"));
  run_js (fixture, "document.querySelector ('#content a').click ();");

  /* Past cmark, markup itself must not run either: inject it the way a bug would. */
  run_js (fixture, "document.getElementById ('content').insertAdjacentHTML ('beforeend',"
                   " '<img id=\"bad\" src=\"missing.png\" onerror=\"window.pwned = 6\">"
                   "<svg><script>window.pwned = 7</script></svg>');");
  UI_TEST_WAIT_FOR (js_true (fixture, "return document.getElementById ('bad').complete;"));

  g_assert_true (js_true (fixture, "return typeof window.pwned === 'undefined';"));
  g_assert_true (ui_test_page_contains (web_view (fixture), "<img src=x onerror='window.pwned = 1'>"));
}

static void
test_links_never_navigate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *page_uri = NULL;

  open_post (fixture,
             "[web](https://example.org/report) [other post](2024-01-02-other.md) "
             "[mail](mailto:someone@example.org) [file](file:///etc/passwd) links\n",
             "links");
  page_uri = g_strdup (webkit_web_view_get_uri (web_view (fixture)));

  run_js (fixture, "for (const link of document.querySelectorAll ('#content a')) link.click ();");
  /* Navigation requests go out before the call's answer: they were decided by now. */
  g_assert_true (js_true (fixture, "return document.readyState === 'complete';"));

  g_assert_cmpstr (webkit_web_view_get_uri (web_view (fixture)), ==, page_uri);
  g_assert_false (webkit_web_view_is_loading (web_view (fixture)));
  g_assert_cmpuint (fixture->activated_links->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated_links, 0), ==, "https://example.org/report");
}

static gboolean
image_loaded (Fixture    *fixture,
              const char *alt)
{
  g_autofree char *wait = g_strdup_printf ("return document.querySelector ('img[alt=\"%s\"]').complete;", alt);
  g_autofree char *loaded = g_strdup_printf ("return document.querySelector ('img[alt=\"%s\"]').naturalWidth > 0;", alt);

  UI_TEST_WAIT_FOR (js_true (fixture, wait));
  return js_true (fixture, loaded);
}

static void
test_site_images_and_nothing_else (Fixture       *fixture,
                                   gconstpointer  data)
{
  open_post (fixture,
             "![site-absolute](/assets/images/meetup.png)\n"
             "![relative](../assets/images/meetup.png)\n"
             "![encoded-escape](/..%2Fsecret.png)\n"
             "![dot-escape](../../secret.png)\n"
             "![symlink-out](/assets/link.png)\n\n"
             "images\n",
             "images");

  g_assert_true (image_loaded (fixture, "site-absolute"));
  g_assert_true (image_loaded (fixture, "relative"));
  g_assert_false (image_loaded (fixture, "encoded-escape"));
  g_assert_false (image_loaded (fixture, "dot-escape"));
  g_assert_false (image_loaded (fixture, "symlink-out"));
}

static void
test_remote_images_preference (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *allows_remote = "return document.querySelector ('meta[http-equiv]').content.includes ('https:');";

  /* Off by default, like mail clients. */
  open_post (fixture, "Remote images\n", "Remote images");
  g_assert_false (js_true (fixture, allows_remote));
  g_assert_true (js_true (fixture, "return document.querySelector ('meta[http-equiv]').content"
                                   ".includes ('img-src recap-site: data:');"));

  g_object_set (fixture->preview, "load-remote-images", TRUE, NULL);
  UI_TEST_WAIT_FOR (js_true (fixture, allows_remote) &&
                    ui_test_page_contains (web_view (fixture), "Remote images"));
}

/* An HTTP server on the loopback that counts the requests it answers with an image. */
typedef struct {
  GSocketService *service;
  GBytes         *image;
  guint16         port;
  guint           requests;
} ImageServer;

static gboolean
serve_image (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             ImageServer       *server)
{
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *header = g_strdup_printf ("HTTP/1.0 200 OK\r\nContent-Type: image/png\r\n"
                                             "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                                             g_bytes_get_size (server->image));
  char request[4096];

  server->requests++;
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request, sizeof request, NULL, NULL);
  g_output_stream_write_all (output, header, strlen (header), NULL, NULL, NULL);
  g_output_stream_write_all (output, g_bytes_get_data (server->image, NULL), g_bytes_get_size (server->image),
                             NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
image_server_start (ImageServer *server)
{
  g_autofree char *path = g_build_filename (g_getenv ("RECAP_SAMPLE_SITE"), "assets", "images", "meetup.png", NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  server->image = g_bytes_new_take (g_steal_pointer (&contents), len);
  server->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server->service, "incoming", G_CALLBACK (serve_image), server);
}

static void
image_server_stop (ImageServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_clear_pointer (&server->image, g_bytes_unref);
}

static GtkWidget *
remote_images_button (Fixture *fixture)
{
  GtkWidget *bar = ui_test_find_by_type (GTK_WIDGET (fixture->preview), GTK_TYPE_INFO_BAR);

  g_assert_nonnull (bar);
  return gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)) ? ui_test_find_by_type (bar, GTK_TYPE_BUTTON) : NULL;
}

static void
count_update (guint *updates)
{
  (*updates)++;
}

/* Nothing is fetched until the user asks, then the bar's button loads them. */
static void
test_remote_images_not_fetched_until_allowed (Fixture       *fixture,
                                              gconstpointer  data)
{
  ImageServer server = { 0 };
  g_autofree char *text = NULL;
  guint updates = 0;

  image_server_start (&server);
  text = g_strdup_printf ("![remote](http://127.0.0.1:%u/a.png)\n\n"
                          "<picture><source srcset=\"http://127.0.0.1:%u/b.png\"><img alt=\"pictured\" src=\"http://127.0.0.1:%u/c.png\"></picture>\n\n"
                          "Remote end\n", server.port, server.port, server.port);
  open_post (fixture, "No remote images here\n", "No remote images here");
  g_assert_null (remote_images_button (fixture));

  open_post (fixture, text, "Remote end");
  g_assert_false (image_loaded (fixture, "remote"));
  g_assert_false (image_loaded (fixture, "pictured"));
  g_assert_cmpuint (server.requests, ==, 0);
  g_assert_nonnull (remote_images_button (fixture));

  /* The page loads again with remote images allowed: no render is under way
   * before, so the next update is the new page's. */
  g_signal_connect_swapped (fixture->preview, "updated", G_CALLBACK (count_update), &updates);
  g_signal_emit_by_name (remote_images_button (fixture), "clicked");
  UI_TEST_WAIT_FOR (updates > 0);
  g_assert_true (image_loaded (fixture, "remote"));
  g_assert_true (image_loaded (fixture, "pictured"));
  g_assert_cmpuint (server.requests, >=, 2);
  g_assert_null (remote_images_button (fixture));

  /* Allowed for that post only: opened again, it loads without them. */
  updates = 0;
  open_post (fixture, text, "Remote end");
  UI_TEST_WAIT_FOR (updates > 0);
  g_assert_nonnull (remote_images_button (fixture));
  g_signal_handlers_disconnect_by_func (fixture->preview, count_update, &updates);
  image_server_stop (&server);
}

/* Raw HTML as GitHub shows it, with nothing that runs or navigates. */
static void
test_raw_html_as_github_shows_it (Fixture       *fixture,
                                  gconstpointer  data)
{
  open_post (fixture,
             "---\ntitle: Raw HTML\n---\n"
             "<details>\n<summary>More details</summary>\n\nHidden *markdown*.\n\n</details>\n\n"
             "<p align=\"center\"><img src=\"/assets/images/meetup.png\" alt=\"centred\" width=\"80\"></p>\n\n"
             "Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save.[^note]\n\n"
             "<script>window.pwned = 1;</script><iframe src=\"https://example.org\"></iframe>\n\n"
             "<a href=\"javascript:window.pwned = 2\" onclick=\"window.pwned = 3\">bad link</a>"
             "<img src=\"x.png\" onerror=\"window.pwned = 4\" alt=\"handler\">\n\n"
             "[^note]: A footnote at the end.\n\n"
             "Raw end\n",
             "A footnote at the end.");

  g_assert_true (js_true (fixture, "return document.querySelector ('#content details > summary').textContent === 'More details';"));
  g_assert_true (js_true (fixture, "return document.querySelector ('#content p[align=center] > img[alt=centred]') !== null;"));
  g_assert_true (js_true (fixture, "return document.querySelectorAll ('#content kbd').length === 2;"));
  g_assert_true (js_true (fixture, "return document.querySelector ('#content sup.footnote-ref a[href^=\"#fn\"]') !== null &&"
                                   " document.querySelector ('#content section.footnotes li') !== null;"));
  g_assert_true (image_loaded (fixture, "centred"));
  g_assert_true (js_true (fixture, "return getComputedStyle (document.querySelector ('#content p[align=center]')).textAlign === 'center';"));

  g_assert_true (js_true (fixture, "return document.querySelector ('#content script, #content iframe, #content object,"
                                   " #content embed, #content form, #content style') === null;"));
  g_assert_true (js_true (fixture, "return Array.from (document.querySelectorAll ('#content *')).every (e =>"
                                   " Array.from (e.attributes).every (a => !a.name.startsWith ('on') &&"
                                   " !/^\\s*(javascript|data):/i.test (a.value)));"));
  run_js (fixture, "document.querySelector ('#content a:not([href^=\"#\"])').click ();");
  g_assert_true (js_true (fixture, "return typeof window.pwned === 'undefined';"));
}

/* Liquid is named, never raw braces; code is colored by Recap's own highlight.js. */
static void
test_liquid_and_highlighting (Fixture       *fixture,
                              gconstpointer  data)
{
  open_post (fixture,
             "{% include newsletter.html %}\n\n"
             "```python\ndef greet():\n    return 'hi'\n```\n\n"
             "{% highlight ruby %}\nputs \"{{ page.title }}\"\n{% endhighlight %}\n\n"
             "Liquid end\n",
             "Liquid end");

  g_assert_true (js_true (fixture, "return document.querySelector ('#content .liquid').textContent === 'include newsletter.html';"));
  g_assert_false (ui_test_page_contains (web_view (fixture), "{% include"));
  UI_TEST_WAIT_FOR (js_true (fixture, "return document.querySelector ('#content code.language-python .hljs-keyword') !== null;"));
  g_assert_true (js_true (fixture, "return document.querySelector ('#content code.language-ruby').textContent"
                                   ".includes ('{{ page.title }}');"));
  /* highlight.js lives in Recap's world only: the page's world has none. */
  g_assert_true (js_true (fixture, "return typeof hljs === 'undefined';"));
}

/* The 330 KB of HTML of a long post go to the page in parts, in order;
 * an edit at the end and one at the start then patch what they changed. */
static void
test_long_post_in_parts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *body = long_post (6000);
  GtkTextIter start;

  open_post (fixture, body, "Paragraph 6000 of");
  g_assert_cmpfloat (js_number (fixture, "return document.querySelectorAll ('#content > p').length;"), ==, 6000);
  g_assert_true (js_true (fixture, "const p = document.querySelectorAll ('#content > p');"
                                   "return p[0].textContent === 'Paragraph 1 of a long report.' &&"
                                   " p[2999].textContent === 'Paragraph 3000 of a long report.' &&"
                                   " p[5999].textContent === 'Paragraph 6000 of a long report.';"));
  type_at_end (fixture, "Paragraph 6001 of a long report.\n");
  ui_test_wait_for_preview (fixture->preview, "Paragraph 6001 of");
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (fixture->document), &start);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (fixture->document), &start, "# Top\n\n", -1);
  UI_TEST_WAIT_FOR (js_true (fixture, "const c = document.getElementById ('content');"
                                      "const h = c.querySelector (':scope > h1');"
                                      "return h !== null && h.textContent === 'Top' &&"
                                      " c.querySelectorAll (':scope > p').length === 6001;"));
}

/* Larger text in GNOME's accessibility settings makes the preview's text larger. */
static void
test_text_follows_large_text (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  open_post (fixture, "Large text\n", "Large text");
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  UI_TEST_WAIT_FOR (js_true (fixture, "return getComputedStyle (document.body).fontSize === '24px';"));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  UI_TEST_WAIT_FOR (js_true (fixture, "return getComputedStyle (document.body).fontSize !== '24px';"));
}

static void
test_scroll_sync (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = long_post (300);

  open_post (fixture, text, "Paragraph 300");

  /* Editor to preview: the paragraph at the top of the editor is at the top of the preview. */
  scroll_editor_to_line (fixture, 201);
  UI_TEST_WAIT_FOR (ABS (preview_offset_of_paragraph (fixture, 101)) < 40);

  /* Preview to editor. */
  UI_TEST_WAIT_FOR (user_scrolls_preview_to_paragraph (fixture, 201));
  UI_TEST_WAIT_FOR (editor_top_line (fixture) >= 400 && editor_top_line (fixture) <= 402);

  /* Off: the preview stays where it is. */
  g_object_set (fixture->preview, "sync-scroll", FALSE, NULL);
  scroll_editor_to_line (fixture, 11);
  g_assert_cmpfloat (ABS (preview_offset_of_paragraph (fixture, 201)), <, 40);
}

/* The outline's jump: the page goes to a line even with scroll sync off. */
static void
test_scroll_to_line (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = long_post (300);

  open_post (fixture, text, "Paragraph 300");
  g_object_set (fixture->preview, "sync-scroll", FALSE, NULL);
  recap_preview_scroll_to_line (fixture->preview, 201);
  UI_TEST_WAIT_FOR (ABS (preview_offset_of_paragraph (fixture, 101)) < 40);
}

static void
test_newest_text_wins (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Large enough to render in a worker thread. */
  g_autofree char *text = long_post (5000);
  GtkTextIter start, end;

  open_post (fixture, text, "Paragraph 5000");
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *marker = g_strdup_printf ("edit-%u-of-5", i);
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (fixture->document), &start);
      end = start;
      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_delete (GTK_TEXT_BUFFER (fixture->document), &start, &end);
      gtk_text_buffer_insert (GTK_TEXT_BUFFER (fixture->document), &start, marker, -1);
      g_main_context_iteration (NULL, FALSE);
    }

  ui_test_wait_for_preview (fixture->preview, "edit-5-of-5");
  g_assert_false (ui_test_page_contains (web_view (fixture), "edit-4-of-5"));
}

static void
test_dark_follows_the_style_manager (Fixture       *fixture,
                                     gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const char *is_dark = "return document.documentElement.classList.contains ('dark');";

  open_post (fixture, "Colors\n", "Colors");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  UI_TEST_WAIT_FOR (js_true (fixture, is_dark));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  UI_TEST_WAIT_FOR (!js_true (fixture, is_dark));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The header bar's layout toggles, in the real window. */
static void
test_layout_toggles (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.recapnotes.Recap");
  g_autofree char *site_dir = ui_test_copy_sample_site ();
  RecapWindow *window = recap_window_new (NULL);
  GtkWidget *preview = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_PREVIEW);
  GtkWidget *editor = ui_test_find_by_type (GTK_WIDGET (window), GTK_SOURCE_TYPE_VIEW);
  GtkWidget *editor_pane = gtk_paned_get_start_child (GTK_PANED (gtk_widget_get_parent (preview)));
  RecapDocument *document;
  GtkTextIter end;
  gboolean sync_scroll;

  gtk_window_present (GTK_WINDOW (window));
  document = ui_test_open_post (window, site_dir, "_posts/2024-03-14-async-for-the-rest-of-us.md");
  g_assert_true (gtk_widget_get_visible (preview) && gtk_widget_get_visible (editor_pane));
  g_assert_true (gtk_widget_is_ancestor (editor, editor_pane));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-mode", "s", "editor");
  g_assert_false (gtk_widget_get_visible (preview));
  g_assert_true (gtk_widget_get_visible (editor_pane));
  g_assert_cmpint (g_settings_get_enum (settings, "preview-mode"), ==, 1);

  /* Hidden, the preview skips renders; shown again, it catches up. */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "\nTyped with the preview hidden\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-mode", "s", "preview");
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_false (gtk_widget_get_visible (editor_pane));
  ui_test_wait_for_preview (RECAP_PREVIEW (preview), "Typed with the preview hidden");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-scroll", NULL);
  g_object_get (preview, "sync-scroll", &sync_scroll, NULL);
  g_assert_false (g_settings_get_boolean (settings, "sync-scroll"));
  g_assert_false (sync_scroll);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preview-mode", "s", "split");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-scroll", NULL);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

/* {% post_url %} and {% link %} open their post in the window; the preview stays. */
static void
test_post_links_open_the_post (void)
{
  g_autofree char *site_dir = ui_test_copy_sample_site ();
  RecapWindow *window = recap_window_new (NULL);
  GtkWidget *preview = ui_test_find_by_type (GTK_WIDGET (window), RECAP_TYPE_PREVIEW);
  WebKitWebView *view = recap_preview_get_web_view (RECAP_PREVIEW (preview));
  const char *target = "_posts/2024-03-14-async-for-the-rest-of-us.md";
  g_autofree char *page_uri = NULL;
  g_autofree char *target_path = g_build_filename (site_dir, target, NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target_path);
  g_autoptr(JSCValue) clicked = NULL;
  RecapDocument *document;

  test_util_write_file (site_dir, "_posts/2024-06-01-links.md",
                        "---\ntitle: Links\n---\n"
                        "[By name]({% post_url 2024-03-14-async-for-the-rest-of-us %}) and "
                        "[by path]({% link _posts/2023-03-16-lightning-talks.md %})\n");
  gtk_window_present (GTK_WINDOW (window));
  ui_test_open_post (window, site_dir, "_posts/2024-06-01-links.md");
  ui_test_wait_for_preview (RECAP_PREVIEW (preview), "By name");
  page_uri = g_strdup (webkit_web_view_get_uri (view));

  clicked = ui_test_call_page (view, NULL, "document.querySelector ('#content a').click (); return true;", NULL, NULL);
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (window)) != NULL &&
                    g_file_equal (recap_document_get_file (document), target_file));
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, page_uri);

  gtk_window_destroy (GTK_WINDOW (window));
  test_util_remove_tree (site_dir);
}

/* A page that lost Recap's script comes back and shows the newest text:
 * its web process ended (a crash, or WebKit ending it), or a call finds no
 * recap object in Recap's script world. */
static void
lose_page (Fixture    *fixture,
           const char *how)
{
  open_post (fixture, "Before the loss.\n", "Before the loss.");
  if (g_str_equal (how, "process"))
    webkit_web_view_terminate_web_process (web_view (fixture));
  else
    {
      /* What the world looks like once WebKit dropped it: no recap object. */
      g_autoptr(JSCValue) value = ui_test_call_page (web_view (fixture), "recap", "recap = undefined;", NULL, NULL);
    }
  type_at_end (fixture, "After the loss.\n");
  ui_test_wait_for_preview (fixture->preview, "After the loss.");
  g_assert_true (ui_test_page_contains (web_view (fixture), "Before the loss."));
}

static void
test_web_process_ends (Fixture       *fixture,
                       gconstpointer  data)
{
  lose_page (fixture, "process");
}

static void
test_script_world_lost (Fixture       *fixture,
                        gconstpointer  data)
{
  lose_page (fixture, "world");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 77;

  UI_TEST_ADD ("/preview/typing-keeps-the-page-in-place", NULL, test_typing_keeps_the_page_in_place);
  UI_TEST_ADD ("/preview/document-scripts-never-run", NULL, test_document_scripts_never_run);
  UI_TEST_ADD ("/preview/links-never-navigate", NULL, test_links_never_navigate);
  UI_TEST_ADD ("/preview/site-images-and-nothing-else", NULL, test_site_images_and_nothing_else);
  UI_TEST_ADD ("/preview/remote-images-preference", NULL, test_remote_images_preference);
  UI_TEST_ADD ("/preview/remote-images-not-fetched-until-allowed", NULL, test_remote_images_not_fetched_until_allowed);
  UI_TEST_ADD ("/preview/raw-html-as-github-shows-it", NULL, test_raw_html_as_github_shows_it);
  UI_TEST_ADD ("/preview/liquid-and-highlighting", NULL, test_liquid_and_highlighting);
  UI_TEST_ADD ("/preview/text-follows-large-text", NULL, test_text_follows_large_text);
  UI_TEST_ADD ("/preview/scroll-sync", NULL, test_scroll_sync);
  UI_TEST_ADD ("/preview/long-post-in-parts", NULL, test_long_post_in_parts);
  UI_TEST_ADD ("/preview/scroll-to-line", NULL, test_scroll_to_line);
  UI_TEST_ADD ("/preview/newest-text-wins", NULL, test_newest_text_wins);
  UI_TEST_ADD ("/preview/dark-follows-the-style-manager", NULL, test_dark_follows_the_style_manager);
  UI_TEST_ADD ("/preview/web-process-ends", NULL, test_web_process_ends);
  UI_TEST_ADD ("/preview/script-world-lost", NULL, test_script_world_lost);
  g_test_add_func ("/preview/layout-toggles", test_layout_toggles);
  g_test_add_func ("/preview/post-links-open-the-post", test_post_links_open_the_post);

  return g_test_run ();
}
