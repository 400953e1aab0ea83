/* ui-test-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <gtksourceview/gtksource.h>
#include <string.h>
#include <X11/extensions/XTest.h>

#include "ui-test-util.h"

/* GTK 4.10 and later embed each WebKit view's AT-SPI socket over D-Bus:
 * when a test's window closes first, its web process leaves the bus and
 * the pending call fails with a warning (the name has no owner, the
 * recipient disconnected, the connection closed), in whichever test runs
 * next. */
static gboolean
is_closed_view_warning (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message)
{
  return g_strcmp0 (log_domain, "Gtk") == 0 &&
         (log_level & G_LOG_LEVEL_WARNING) != 0 &&
         message != NULL && g_str_has_prefix (message, "Error embedding AT-SPI socket: ");
}

/* g_log()'s path: its fatal check asks this. */
static gboolean
fatal_unless_closed_view (const char     *log_domain,
                          GLogLevelFlags  log_level,
                          const char     *message,
                          gpointer        user_data)
{
  return !is_closed_view_warning (log_domain, log_level, message);
}

/* g_log_structured()'s path, which GTK takes: the default writer aborts on
 * a warning in a test without asking the fatal handler, so the warning is
 * printed here instead. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (is_closed_view_warning (domain, log_level, message))
    {
      g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

      g_printerr ("%s\n", line);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_unless_closed_view, NULL);
  g_log_set_writer_func (write_log, NULL, NULL);
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

char *
ui_test_copy_sample_site (void)
{
  const char *sample_site = g_getenv ("RECAP_SAMPLE_SITE");

  g_assert_nonnull (sample_site);
  return test_util_copy_tree (sample_site);
}

RecapApplication *
ui_test_application_new (void)
{
  RecapApplication *application = recap_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

GtkWidget *
ui_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find_widget (GtkWidget     *root,
                     gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_BUTTON (root) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0 ||
       g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find_button (GtkWidget  *root,
                     const char *text)
{
  GtkWidget *button;

  /* Buttons may come a moment later, as with a toast after a worker thread. */
  UI_TEST_WAIT_FOR ((button = find_button (root, text)) != NULL);
  return button;
}

gboolean
ui_test_has_button (GtkWidget  *root,
                    const char *text)
{
  return find_button (root, text) != NULL;
}

static gboolean
note_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *@done or the bound: each turn sleeps
 * until an event comes, and the bound is an event too. Returns *@done. */
static gboolean
wait_for_event_or_timeout (const gboolean *done)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (TEST_UTIL_TIMEOUT_SECONDS, note_timeout, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return *done;
}

static void
wait_for_event (const gboolean *done,
                const char     *what)
{
  if (!wait_for_event_or_timeout (done))
    g_error ("Timed out waiting for %s", what);
}

typedef struct {
  GAsyncResult *result;
  gboolean      returned;
} PageCall;

static void
page_call_returned (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PageCall *call = user_data;

  call->result = g_object_ref (result);
  call->returned = TRUE;
}

JSCValue *
ui_test_call_page (WebKitWebView  *web_view,
                   const char     *world_name,
                   const char     *body,
                   GVariant       *arguments,
                   GError        **error)
{
  PageCall call = { NULL, FALSE };
  JSCValue *value;

  webkit_web_view_call_async_javascript_function (web_view, body, -1, arguments, world_name, NULL, NULL,
                                                  page_call_returned, &call);
  wait_for_event (&call.returned, "the page's answer");
  value = webkit_web_view_call_async_javascript_function_finish (web_view, call.result, error);
  g_object_unref (call.result);
  return value;
}

gboolean
ui_test_page_answers (WebKitWebView *web_view,
                      const char    *condition,
                      const char    *needle)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *body = g_strdup_printf ("return String(!!(%s));", condition);
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "needle", "s", needle);
  /* A string answer: while the page (re)loads, a boolean can come back as
   * "unsupported result type". */
  value = ui_test_call_page (web_view, NULL, body, g_variant_dict_end (&arguments), &error);
  if (error != NULL)
    {
      g_test_message ("The page did not answer: %s", error->message);
      return FALSE;
    }
  answer = jsc_value_to_string (value);
  return g_strcmp0 (answer, "true") == 0;
}

gboolean
ui_test_page_contains (WebKitWebView *web_view,
                       const char    *needle)
{
  return ui_test_page_answers (web_view, "document.body && document.body.textContent.includes(needle)", needle);
}

static void
note_update (gboolean *updated)
{
  *updated = TRUE;
}

void
ui_test_wait_for_preview (RecapPreview *preview,
                          const char   *needle)
{
  WebKitWebView *web_view = recap_preview_get_web_view (preview);
  gint64 deadline = g_get_monotonic_time () + TEST_UTIL_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  gboolean updated = FALSE;
  gulong handler = g_signal_connect_swapped (preview, "updated", G_CALLBACK (note_update), &updated);

  for (;;)
    {
      /* An update while the page answers makes it ask again. */
      updated = FALSE;
      if (ui_test_page_contains (web_view, needle))
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the preview to show %s", needle);
      if (!updated && !wait_for_event_or_timeout (&updated))
        {
          g_autoptr(JSCValue) shown = ui_test_call_page (web_view, NULL, "return String (document.body && document.body.textContent);", NULL, NULL);
          g_autofree char *text = shown ? jsc_value_to_string (shown) : g_strdup ("(no answer)");

          g_error ("Timed out waiting for the preview's next update, to show %s; the page shows: %s", needle, text);
        }
    }
  g_signal_handler_disconnect (preview, handler);
}

RecapDocument *
ui_test_open_post (RecapWindow *window,
                   const char  *site_dir,
                   const char  *relative_path)
{
  g_autofree char *path = g_build_filename (site_dir, relative_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RecapDocument *document;

  recap_window_open_location (window, file);
  /* A big post is shown while its text goes in: opened once it is in. */
  UI_TEST_WAIT_FOR ((document = recap_window_get_document (window)) != NULL &&
                    g_file_equal (recap_document_get_file (document), file) &&
                    !recap_document_get_loading (document));
  /* The form's rows come in an idle after the document. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return document;
}

char *
ui_test_read_file (const char *site_dir,
                   const char *relative_path)
{
  g_autofree char *path = g_build_filename (site_dir, relative_path, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

char *
ui_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

GtkWidget *
ui_test_form_row (RecapFrontMatterForm *form,
                  const char           *path)
{
  GtkWidget *found = recap_front_matter_form_get_row (form, path);

  if (found == NULL)
    g_error ("The form has no row for %s", path);
  return found;
}

gboolean
ui_test_buffer_is (GtkTextBuffer *buffer,
                   const char    *expected)
{
  g_autofree char *text = ui_test_buffer_text (buffer);

  return g_str_equal (text, expected);
}

gpointer
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Before libadwaita 1.5 a window of its own; from 1.5 on, a dialog in the
 * window it was presented over. */
RecapAlert *
ui_test_find_alert (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *alert = gtk_widget_get_visible (window) ? ui_test_find_by_type (window, RECAP_TYPE_ALERT) : NULL;

      if (alert != NULL)
        return RECAP_ALERT (alert);
    }
  return NULL;
}

void
ui_test_close_alert (RecapAlert *alert)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  /* Held, so that no new alert takes its address while waiting. */
  g_autoptr(GObject) held = g_object_ref (G_OBJECT (alert));

  adw_dialog_force_close (ADW_DIALOG (alert));
  /* An AdwDialog leaves the window only once its closing animation has run:
   * a caller that looks for alerts again at once would find it forever. */
  UI_TEST_WAIT_FOR ((gpointer) ui_test_find_alert () != (gpointer) held);
#else
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

/* A click on the response's button: closing an AdwAlertDialog any other
 * way gives its close response as well. */
void
ui_test_respond (const char *response)
{
  RecapAlert *alert;

  UI_TEST_WAIT_FOR ((alert = ui_test_find_alert ()) != NULL);
  g_signal_emit_by_name (ui_test_find_button (GTK_WIDGET (alert), recap_alert_get_response_label (alert, response)),
                         "clicked");
}

gboolean
ui_test_file_is (const char *site_dir,
                 const char *relative_path,
                 const char *expected)
{
  g_autofree char *text = ui_test_read_file (site_dir, relative_path);

  return g_str_equal (text, expected);
}

void
ui_test_open_site (RecapWindow *window,
                   const char  *site_dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (site_dir);
  RecapSite *site;

  recap_window_open_location (window, root);
  UI_TEST_WAIT_FOR ((site = recap_window_get_site (window)) != NULL &&
                    g_list_model_get_n_items (G_LIST_MODEL (site)) == 14);
}

char *
ui_test_open_sample_site (RecapWindow *window)
{
  char *site_dir = ui_test_copy_sample_site ();

  ui_test_open_site (window, site_dir);
  return site_dir;
}

void
ui_test_site_set_up (UiTestSite    *site,
                     gconstpointer  data)
{
  site->window = recap_window_new (NULL);
  gtk_window_present (GTK_WINDOW (site->window));
  site->site_dir = ui_test_open_sample_site (site->window);
}

void
ui_test_site_tear_down (UiTestSite    *site,
                        gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (site->window));
  test_util_remove_tree (site->site_dir);
  g_free (site->site_dir);
}

gboolean
ui_test_site_file_contains (UiTestSite *site,
                            const char *relative_path,
                            const char *needle)
{
  g_autofree char *text = ui_test_read_file (site->site_dir, relative_path);

  return strstr (text, needle) != NULL;
}

GHashTable *
ui_test_site_snapshot (UiTestSite *site)
{
  GListModel *posts = G_LIST_MODEL (recap_window_get_site (site->window));
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      const char *path = recap_post_get_relative_path (post);

      g_hash_table_insert (files, g_strdup (path), ui_test_read_file (site->site_dir, path));
    }
  return files;
}

gboolean
ui_test_site_has_bytes (UiTestSite *site,
                        GHashTable *snapshot)
{
  GHashTableIter iter;
  gpointer path, text;

  g_hash_table_iter_init (&iter, snapshot);
  while (g_hash_table_iter_next (&iter, &path, &text))
    if (!ui_test_file_is (site->site_dir, path, text))
      return FALSE;
  return TRUE;
}

void
ui_test_post_set_up (UiTestPost       *post,
                     RecapApplication *application,
                     const char       *post_path)
{
  post->window = recap_window_new (application);
  gtk_window_present (GTK_WINDOW (post->window));
  post->site_dir = ui_test_open_sample_site (post->window);
  post->document = ui_test_open_post (post->window, post->site_dir, post_path);
  post->view = GTK_TEXT_VIEW (ui_test_find_by_type (GTK_WIDGET (post->window), GTK_SOURCE_TYPE_VIEW));
  g_assert_true (gtk_text_view_get_buffer (post->view) == GTK_TEXT_BUFFER (post->document));
}

void
ui_test_post_tear_down (UiTestPost    *post,
                        gconstpointer  data)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (post->document), FALSE);
  gtk_window_destroy (GTK_WINDOW (post->window));
  test_util_remove_tree (post->site_dir);
  g_free (post->site_dir);
}

typedef struct {
  guint keycode;
  gboolean released;
} KeyWatch;

static void
key_released (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              KeyWatch              *watch)
{
  if (keycode == watch->keycode)
    watch->released = TRUE;
}

/* The view's own unrealize removes the clipboard it added: give it back
 * first ("unrealize" runs its handlers before the class's). */
static void
restore_primary (GtkWidget *view)
{
  g_signal_handlers_disconnect_by_func (view, restore_primary, NULL);
  gtk_text_buffer_add_selection_clipboard (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                           gtk_widget_get_primary_clipboard (view));
}

void
ui_test_drop_primary (GtkTextView *view)
{
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (view)));
  gtk_text_buffer_remove_selection_clipboard (gtk_text_view_get_buffer (view),
                                              gtk_widget_get_primary_clipboard (GTK_WIDGET (view)));
  g_signal_connect (view, "unrealize", G_CALLBACK (restore_primary), NULL);
}

static void
fake_key (Display  *display,
          KeySym    keysym,
          gboolean  press)
{
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (display, keycode, press, CurrentTime);
}

void
ui_test_press (GtkWindow  *window,
               const char *accelerator)
{
  GdkDisplay *gdk_display = gtk_widget_get_display (GTK_WIDGET (window));
  Display *display;
  GtkEventController *controller = gtk_event_controller_key_new ();
  KeyWatch watch = { 0, FALSE };
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display));
  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  display = gdk_x11_display_get_xdisplay (gdk_display);
  watch.keycode = XKeysymToKeycode (display, keyval);

  /* Keys go to the window with the X input focus. */
  gtk_window_present (window);
  UI_TEST_WAIT_FOR (gtk_window_is_active (window));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released), &watch);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  if (modifiers & GDK_CONTROL_MASK)
    fake_key (display, XK_Control_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (display, XK_Shift_L, TRUE);
  fake_key (display, keyval, TRUE);
  fake_key (display, keyval, FALSE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (display, XK_Shift_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (display, XK_Control_L, FALSE);
  XFlush (display);

  UI_TEST_WAIT_FOR (watch.released);
  gtk_widget_remove_controller (GTK_WIDGET (window), controller);
}
