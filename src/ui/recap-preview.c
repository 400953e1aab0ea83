/* recap-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-preview.h"

#include <string.h>

#include "recap-front-matter.h"
#include "recap-markdown.h"

#define RENDER_DELAY_MS 30

struct _RecapPreview
{
  AdwBin         parent_instance;

  WebKitWebView *web_view;
  RecapDocument *document;
  GCancellable  *cancellable;
  guint          render_source;
  gboolean       page_ready;
};

G_DEFINE_FINAL_TYPE (RecapPreview, recap_preview, ADW_TYPE_BIN)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char update_content_js[] =
  "document.getElementById('content').innerHTML = html;";

static const char set_dark_js[] =
  "document.documentElement.classList.toggle('dark', dark);";

static void
dom_updated (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not update the preview: %s", error->message);
      return;
    }
  g_signal_emit (user_data, signals[UPDATED], 0);
}

static void
run_in_page (RecapPreview *self,
             const char   *function_body,
             GVariant     *arguments,
             gboolean      notify)
{
  webkit_web_view_call_async_javascript_function (self->web_view, function_body, -1,
                                                  arguments, NULL, NULL, self->cancellable,
                                                  notify ? dom_updated : NULL, self);
}

static char *
render_document (RecapDocument *document)
{
  g_autofree char *text = recap_document_dup_text (document);
  gsize len = strlen (text);
  RecapFrontMatterSplit split;

  /* The front matter is metadata, never markdown to show. */
  recap_front_matter_split (text, len, &split);
  return recap_markdown_render (text + split.body_start, len - split.body_start,
                                RECAP_MARKDOWN_SOURCEPOS);
}

static gboolean
render_now (gpointer user_data)
{
  RecapPreview *self = user_data;
  g_autofree char *html = NULL;
  GVariantDict arguments;

  self->render_source = 0;
  if (!self->page_ready)
    return G_SOURCE_REMOVE;

  html = self->document ? render_document (self->document) : g_strdup ("");
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "html", "s", html);
  run_in_page (self, update_content_js, g_variant_dict_end (&arguments), TRUE);
  return G_SOURCE_REMOVE;
}

/* Coalesces bursts of typing into one render. */
static void
queue_render (RecapPreview *self)
{
  if (self->render_source == 0)
    self->render_source = g_timeout_add (RENDER_DELAY_MS, render_now, self);
}

static void
update_dark (RecapPreview *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style_manager);
  GdkRGBA background = { 1, 1, 1, 1 };
  GVariantDict arguments;

  if (dark)
    gdk_rgba_parse (&background, "#1e1e1e");
  webkit_web_view_set_background_color (self->web_view, &background);
  if (!self->page_ready)
    return;
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "dark", "b", dark);
  run_in_page (self, set_dark_js, g_variant_dict_end (&arguments), FALSE);
}

static void
load_changed (RecapPreview    *self,
              WebKitLoadEvent  event)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  self->page_ready = TRUE;
  update_dark (self);
  queue_render (self);
}

static void
open_externally (RecapPreview *self,
                 const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://") ||
      g_str_has_prefix (uri, "mailto:"))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* The preview shows one page forever: links go to the browser, nothing else loads. */
static gboolean
decide_policy (RecapPreview             *self,
               WebKitPolicyDecision     *decision,
               WebKitPolicyDecisionType  type)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  if (!self->page_ready && webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER)
    return FALSE;

  if (webkit_navigation_action_is_user_gesture (action))
    open_externally (self, webkit_uri_request_get_uri (request));
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

static char *
load_template (void)
{
  g_autoptr(GBytes) html = g_resources_lookup_data ("/io/github/recapnotes/Recap/preview/preview.html", 0, NULL);
  g_autoptr(GBytes) css = g_resources_lookup_data ("/io/github/recapnotes/Recap/preview/preview.css", 0, NULL);
  g_autoptr(GString) page = g_string_new_len (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_autofree char *style = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));

  g_string_replace (page, "@STYLE@", style, 1);
  return g_string_free (g_steal_pointer (&page), FALSE);
}

static WebKitSettings *
safe_settings (void)
{
  /* Scripts and handlers in document markup never run; Recap's own updates
   * go through webkit_web_view_call_async_javascript_function(). */
  return g_object_new (WEBKIT_TYPE_SETTINGS,
                       "enable-javascript-markup", FALSE,
                       "enable-html5-database", FALSE,
                       "enable-html5-local-storage", FALSE,
                       "enable-developer-extras", FALSE,
                       "enable-back-forward-navigation-gestures", FALSE,
                       "javascript-can-open-windows-automatically", FALSE,
                       "allow-file-access-from-file-urls", FALSE,
                       "allow-universal-access-from-file-urls", FALSE,
                       "enable-page-cache", FALSE,
                       NULL);
}

static void
disconnect_document (RecapPreview *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, queue_render, self);
  g_clear_object (&self->document);
}

void
recap_preview_set_document (RecapPreview  *self,
                            RecapDocument *document)
{
  g_return_if_fail (RECAP_IS_PREVIEW (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  disconnect_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (queue_render), self);
    }
  queue_render (self);
}

WebKitWebView *
recap_preview_get_web_view (RecapPreview *self)
{
  g_return_val_if_fail (RECAP_IS_PREVIEW (self), NULL);
  return self->web_view;
}

static void
recap_preview_dispose (GObject *object)
{
  RecapPreview *self = RECAP_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->render_source, g_source_remove);
  disconnect_document (self);

  G_OBJECT_CLASS (recap_preview_parent_class)->dispose (object);
}

static void
recap_preview_class_init (RecapPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = recap_preview_dispose;

  /* Emitted each time the page shows the text of the document. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
recap_preview_init (RecapPreview *self)
{
  g_autoptr(WebKitSettings) settings = safe_settings ();
  g_autofree char *page = load_template ();

  self->cancellable = g_cancellable_new ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "settings", settings, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->web_view));

  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_dark), self, G_CONNECT_SWAPPED);
  update_dark (self);
  webkit_web_view_load_html (self->web_view, page, NULL);
}
