/* ui-test-util.h: helpers for tests that drive real widgets under Xvfb
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "recap-application.h"
#include "recap-compat.h"
#include "recap-front-matter-form.h"
#include "recap-preview.h"
#include "recap-window.h"
#include "test-util.h"

G_BEGIN_DECLS

#define UI_TEST_WAIT_FOR TEST_UTIL_WAIT_FOR

/* FALSE when there is no display: the test then exits as skipped. */
gboolean   ui_test_init              (int          *argc,
                                      char       ***argv);
char      *ui_test_copy_sample_site  (void);
/* A registered, non-unique application: windows of it take key presses
 * through its accels, as the app's do. */
RecapApplication *ui_test_application_new (void);
GtkWidget *ui_test_find_by_type      (GtkWidget    *root,
                                      GType         type);
/* The first widget under @root (or @root) for which @match is TRUE, or NULL. */
GtkWidget *ui_test_find_widget       (GtkWidget    *root,
                                      gboolean    (*match) (GtkWidget *widget, gconstpointer data),
                                      gconstpointer data);
/* The first button under @root whose label or tooltip is @text, waiting
 * for it to appear (bounded). */
GtkWidget *ui_test_find_button       (GtkWidget    *root,
                                      const char   *text);
/* Whether a button under @root has @text as its label or tooltip now. */
gboolean   ui_test_has_button        (GtkWidget    *root,
                                      const char   *text);
/* Runs @body as a function in the page's script world @world_name (NULL:
 * the main world, where a document script would run) and waits for its
 * answer. */
JSCValue  *ui_test_call_page         (WebKitWebView *web_view,
                                      const char    *world_name,
                                      const char    *body,
                                      GVariant      *arguments,
                                      GError       **error);
/* Whether the JavaScript expression @condition holds in the page, with
 * @needle as the variable "needle". */
gboolean   ui_test_page_answers      (WebKitWebView *web_view,
                                      const char    *condition,
                                      const char    *needle);
/* Presses @accelerator ("<Control>f", "Return") on the X server's keyboard
 * (XTest), so that GTK delivers it to @window's focus as a user's key press:
 * through application accels, bindings and controllers. Returns once the
 * window has seen the key's release. */
void       ui_test_press             (GtkWindow    *window,
                                      const char   *accelerator);
/* Takes @view's buffer off the X PRIMARY selection. GDK 4.8 takes its own
 * "owner None" notice for another client's claim when a selection is
 * dropped and made again within one server millisecond (set_text, then
 * select_range), and GtkTextBuffer then unselects: tests that select in
 * code and then press keys would lose the selection now and then. */
void       ui_test_drop_primary      (GtkTextView  *view);
/* Whether the page's text contains @needle now, asked through JavaScript. */
gboolean   ui_test_page_contains     (WebKitWebView *web_view,
                                      const char    *needle);
/* Waits until @preview shows @needle: asks the page again at each of the
 * preview's "updated" signals, never on a timer. */
void       ui_test_wait_for_preview  (RecapPreview  *preview,
                                      const char    *needle);

/* Opens @site_dir, a copy of the sample site, in @window and waits until
 * its 14 posts are listed. */
void           ui_test_open_site      (RecapWindow  *window,
                                       const char   *site_dir);
/* Opens a fresh copy of the sample site in @window, waits until its 14
 * posts are listed, and returns the copy's folder. */
char          *ui_test_open_sample_site (RecapWindow *window);
/* Opens @relative_path of @site_dir in @window and waits until it is loaded. */
RecapDocument *ui_test_open_post      (RecapWindow  *window,
                                       const char   *site_dir,
                                       const char   *relative_path);
/* The bytes of a file, NUL-terminated; asserts it can be read. */
char          *ui_test_read_file      (const char   *site_dir,
                                       const char   *relative_path);
/* Whether the file holds exactly @expected. */
gboolean       ui_test_file_is        (const char   *site_dir,
                                       const char   *relative_path,
                                       const char   *expected);
/* The whole text of the buffer. */
char          *ui_test_buffer_text    (GtkTextBuffer *buffer);
/* The form's row for the field at @path; fails the test if there is none. */
GtkWidget     *ui_test_form_row       (RecapFrontMatterForm *form,
                                       const char           *path);
/* Whether the buffer's whole text is exactly @expected. */
gboolean       ui_test_buffer_is      (GtkTextBuffer *buffer,
                                       const char    *expected);
/* Asserts the buffer's whole text; a macro, so a failure names the caller's line. */
#define ui_test_assert_buffer(buffer, expected) G_STMT_START {                  \
    g_autofree char *ui_test_text_ = ui_test_buffer_text (GTK_TEXT_BUFFER (buffer)); \
    g_assert_cmpstr (ui_test_text_, ==, (expected));                          \
  } G_STMT_END

/* The visible toplevel window of @type, or NULL. */
gpointer       ui_test_find_toplevel  (GType          type);
/* The alert dialog shown now (recap-compat.h's RecapAlert), or NULL. */
RecapAlert    *ui_test_find_alert     (void);
/* Closes @alert without a response; returns once it has left its window. */
void           ui_test_close_alert    (RecapAlert    *alert);
/* Waits for an alert dialog and gives it @response, as a click would. */
void           ui_test_respond        (const char    *response);

/* Adds the test @func at @path with the test file's own Fixture type and
 * its fixture_set_up() and fixture_tear_down(), which get @data. */
#define UI_TEST_ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

/* The fixture of the tests of site-wide work (tables, bulk edits, moves,
 * layout): a window on a fresh copy of the sample site, no post open. A
 * test file that keeps more puts it in its own Fixture as "site". */
typedef struct {
  char        *site_dir;
  RecapWindow *window;
} UiTestSite;

/* Presents a new window, without application, opens a fresh copy of the
 * sample site in it and fills @site; a GTest set-up (@data is not used). */
void           ui_test_site_set_up    (UiTestSite    *site,
                                       gconstpointer  data);
/* Closes @site's window and removes the site copy; a GTest tear-down. */
void           ui_test_site_tear_down (UiTestSite    *site,
                                       gconstpointer  data);
/* Whether @relative_path of @site contains @needle now. */
gboolean       ui_test_site_file_contains (UiTestSite *site,
                                           const char *relative_path,
                                           const char *needle);
/* Every post file of @site, relative path → bytes. */
GHashTable    *ui_test_site_snapshot  (UiTestSite    *site);
/* Whether every file of @snapshot holds the bytes it held then. */
gboolean       ui_test_site_has_bytes (UiTestSite    *site,
                                       GHashTable    *snapshot);
/* Adds the test @func at @path with a UiTestSite as its fixture. */
#define UI_TEST_ADD_SITE(path, data, func) \
  g_test_add (path, UiTestSite, data, ui_test_site_set_up, func, ui_test_site_tear_down)

/* The fixture most editor tests start from: a window on a fresh copy of
 * the sample site with one of its posts open in the source view. A test
 * with a set-up of its own may leave view NULL: the tear-down does not
 * use it. */
typedef struct {
  char          *site_dir;
  RecapWindow   *window;
  RecapDocument *document;
  GtkTextView   *view;     /* the source view, showing document */
} UiTestPost;

/* Presents a new window of @application (NULL: none), opens a fresh copy of
 * the sample site in it, then @post_path of that copy, and fills @post. */
void           ui_test_post_set_up    (UiTestPost       *post,
                                       RecapApplication *application,
                                       const char       *post_path);
/* Closes @post's window without asking about unsaved changes and removes
 * the site copy; a GTest tear-down (@data is not used). */
void           ui_test_post_tear_down (UiTestPost       *post,
                                       gconstpointer     data);

G_END_DECLS
