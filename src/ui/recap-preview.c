/* recap-preview.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-preview.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-buffer-copy.h"
#include "recap-html-blocks.h"
#include "recap-html-sanitize.h"
#include "recap-post-html.h"
#include "recap-site-config.h"
#include "recap-site-scheme.h"
#include "recap-site-uri.h"

#define PREVIEW_RESOURCES     "/io/github/recapnotes/Recap/preview/"
/* Recap's own script world: the page's scripts (if any ran) could not reach it. */
#define SCRIPT_WORLD          "recap"
/* Larger documents render in a worker thread, so that typing never waits. */
#define THREAD_RENDER_BYTES   (100 * 1024)
/* How long the preview leads scroll sync after the user scrolled it. */
#define PREVIEW_LEADS_USEC    (500 * G_TIME_SPAN_MILLISECOND)
/* At most this much HTML goes to the page in one call (more for one
 * block): a call copies its arguments on the main thread several times,
 * 124 ms in one step for the 5 MB of a post of 130,000 lines. */
#define PATCH_BYTES           (256 * 1024)

#define LOCAL_IMAGES          RECAP_SITE_URI_SCHEME ": data:"
#define REMOTE_IMAGES         LOCAL_IMAGES " http: https:"

struct _RecapPreview
{
  AdwBin           parent_instance;

  WebKitWebView   *web_view;
  RecapDocument   *document;
  GSignalGroup    *document_signals;
  GCancellable    *cancellable;
  char            *page_base;
  gboolean         page_ready;
  gboolean         page_highlights;  /* highlight.js was run in the page */
  GBytes          *highlighter;      /* its source, once a page needed it */
  guint            pages_loaded;   /* counts template loads, to tell stale calls */
  gboolean         load_remote_images;
  gboolean         remote_allowed_here; /* the bar's button, for this document */
  gboolean         has_remote_images;   /* in what the page shows */
  GtkInfoBar      *remote_bar;

  /* The URLs of the document's site, for its Liquid. */
  GFile           *site_root;
  char            *site_baseurl;
  char            *site_url;
  RecapSiteConfig *site_config;  /* the card's values as Jekyll uses them; NULL: Jekyll's defaults */
  guint            config_reads;     /* tells a stale read of _config.yml */

  /* One render and its DOM update at a time; the newest text goes next. */
  RecapHtmlBlocks *shown_blocks;     /* what the page shows, NULL when unknown */
  guint            patch_page;       /* the page (of pages_loaded) the parts go to */
  guint            patch_next;       /* the next of shown_blocks to send, */
  guint            patch_end;        /* before this one */
  gboolean         patch_positions;  /* lines moved: positions go with the last part */
  guint            render_source;
  gboolean         rendering;
  gboolean         text_changed;
  gboolean         position_pending; /* a new page or post starts where the editor is */

  GtkTextView     *source_view;
  GtkAdjustment   *editor_adjustment;
  GSignalGroup    *editor_signals;   /* of the editor's adjustment */
  gboolean         sync_scroll;
  gboolean         scrolling_preview;
  gboolean         editor_moved;
  gint64           preview_led_at;
};

G_DEFINE_FINAL_TYPE (RecapPreview, recap_preview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SYNC_SCROLL,
  PROP_LOAD_REMOTE_IMAGES,
  N_PROPS
};

enum {
  UPDATED,
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_render (RecapPreview *self);
static void sync_preview_to_editor (RecapPreview *self);

static char *
lookup_preview_file (const char *name)
{
  g_autofree char *path = g_strconcat (PREVIEW_RESOURCES, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* What to do once a call in the page returned, unless the preview is gone. */
typedef void (*PageCallThen) (RecapPreview *self,
                              gboolean      succeeded);

typedef struct {
  RecapPreview *self;
  PageCallThen  then;
  guint         page;   /* the page the call was sent to */
  gboolean      ready;  /* whether that page had loaded */
} PageCall;

static gboolean
is_disposed (RecapPreview *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

static void load_page (RecapPreview *self, char *base_uri);

/* The page no longer holds Recap's script: its web process ended (a crash,
 * or WebKit ending it), or a call to the loaded page found no recap object
 * or did not run ("Unsupported result type"). Nothing is lost: load it anew. */
static void
reload_lost_page (RecapPreview *self,
                  const char   *reason)
{
  g_debug ("The preview page lost its script (%s): loading it again", reason);
  g_clear_handle_id (&self->render_source, g_source_remove);
  self->rendering = FALSE;
  self->scrolling_preview = FALSE;
  load_page (self, g_strdup (self->page_base));
}

static void
page_call_returned (GObject      *web_view,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree PageCall *call = user_data;
  g_autoptr(RecapPreview) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  gboolean current;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (web_view), result, &error);
  if (is_disposed (self))
    return;
  /* Calls fail while a new page loads, or when one replaced the page they
   * were sent to: only a failure in the page on screen counts. */
  current = call->ready && call->page == self->pages_loaded;
  if (current && (g_error_matches (error, WEBKIT_JAVASCRIPT_ERROR, WEBKIT_JAVASCRIPT_ERROR_INVALID_RESULT) ||
                  (error == NULL && !jsc_value_to_boolean (value))))
    {
      reload_lost_page (self, error ? error->message : "no recap object");
      return;
    }
  /* Any other failure is a bug. */
  if (error != NULL && current)
    g_warning ("Preview script failed: %s", error->message);
  if (call->then != NULL)
    call->then (self, error == NULL);
}

/* Runs @function_body in Recap's script world; the call answers whether
 * Recap's script was there to run it, a plain boolean WebKit can pass. */
static void
run_in_page (RecapPreview *self,
             const char   *function_body,
             GVariant     *arguments,
             PageCallThen  then)
{
  PageCall *call = g_new0 (PageCall, 1);
  g_autofree char *body = g_strconcat ("if (typeof recap !== 'object') return false; ",
                                       function_body, " return true;", NULL);

  call->self = g_object_ref (self);
  call->then = then;
  call->page = self->pages_loaded;
  call->ready = self->page_ready;
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, arguments,
                                                  SCRIPT_WORLD, NULL, self->cancellable,
                                                  page_call_returned, call);
}

/* Scroll sync */

static double
editor_top_line (RecapPreview *self)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int line_y, line_height;

  if (gtk_adjustment_get_value (self->editor_adjustment) <= gtk_adjustment_get_lower (self->editor_adjustment))
    return 0;
  gtk_text_view_get_visible_rect (self->source_view, &visible);
  gtk_text_view_get_line_at_y (self->source_view, &iter, visible.y, NULL);
  gtk_text_view_get_line_yrange (self->source_view, &iter, &line_y, &line_height);
  return gtk_text_iter_get_line (&iter) + 1 +
         CLAMP ((double) (visible.y - line_y) / MAX (line_height, 1), 0.0, 1.0);
}

static void
scroll_editor_to_line (RecapPreview *self,
                       double        line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkAdjustment *adjustment = self->editor_adjustment;
  int index = MAX ((int) line - 1, 0);
  double fraction = CLAMP (line - 1 - index, 0.0, 1.0);
  GdkRectangle visible;
  GtkTextIter iter;
  int line_y, line_height;

  if (line < 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      return;
    }
  gtk_text_buffer_get_iter_at_line (buffer, &iter, index);
  gtk_text_view_get_line_yrange (self->source_view, &iter, &line_y, &line_height);
  gtk_text_view_get_visible_rect (self->source_view, &visible);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        line_y + fraction * line_height - visible.y);
}

static gboolean
preview_leads (RecapPreview *self)
{
  return g_get_monotonic_time () - self->preview_led_at < PREVIEW_LEADS_USEC;
}

/* The page reports only scrolls the user made in it. */
static void
page_scrolled (RecapPreview *self,
               JSCValue     *line)
{
  if (!self->sync_scroll || self->source_view == NULL)
    return;
  self->preview_led_at = g_get_monotonic_time ();
  scroll_editor_to_line (self, jsc_value_to_double (line));
}

static void
preview_scrolled (RecapPreview *self,
                  gboolean      succeeded)
{
  self->scrolling_preview = FALSE;
  if (self->editor_moved)
    sync_preview_to_editor (self);
}

static void
scroll_preview_to_line (RecapPreview *self,
                        double        line)
{
  GVariantDict arguments;

  self->scrolling_preview = TRUE;
  self->editor_moved = FALSE;
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "line", "d", line);
  run_in_page (self, "recap.scrollToLine (line);", g_variant_dict_end (&arguments), preview_scrolled);
}

/* One call at a time: scroll events come faster than the page answers. */
static void
sync_preview_to_editor (RecapPreview *self)
{
  if (self->scrolling_preview)
    self->editor_moved = TRUE;
  else
    scroll_preview_to_line (self, editor_top_line (self));
}

static void
editor_scrolled (RecapPreview *self)
{
  if (self->sync_scroll && self->source_view != NULL && self->page_ready && !preview_leads (self))
    sync_preview_to_editor (self);
}

static void
position_new_page (RecapPreview *self)
{
  gboolean follow_editor = self->sync_scroll && self->source_view != NULL;

  self->position_pending = FALSE;
  scroll_preview_to_line (self, follow_editor ? editor_top_line (self) : 0);
}

/* Rendering */

typedef struct {
  char     *text;
  char     *relative_path;
  char     *baseurl;
  char     *url;
  RecapSiteConfig *config;
  gboolean  has_remote_images; /* the result */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_free (job->text);
  g_free (job->relative_path);
  g_free (job->baseurl);
  g_free (job->url);
  g_clear_pointer (&job->config, recap_site_config_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderJob, render_job_free)

/* Of @text (taken). */
static RenderJob *
render_job_new (RecapPreview *self,
                char         *text)
{
  RenderJob *job = g_new0 (RenderJob, 1);
  RecapPost *post = self->document ? recap_document_get_post (self->document) : NULL;

  job->text = text;
  job->relative_path = g_strdup (post ? recap_post_get_relative_path (post) : "");
  job->baseurl = g_strdup (self->site_baseurl);
  job->url = g_strdup (self->site_url);
  job->config = self->site_config ? recap_site_config_ref (self->site_config) : recap_site_config_new_default ();
  return job;
}

static RecapHtmlBlocks *
render_job_run (RenderJob *job)
{
  RecapLiquidSite site = { job->baseurl, job->url };
  g_autofree char *html = recap_post_html_render_with_config (job->text, strlen (job->text), job->relative_path,
                                                              &site, job->config, RECAP_MARKDOWN_SOURCEPOS);

  job->has_remote_images = recap_html_has_remote_images (html);
  return recap_html_blocks_new (html);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_task_return_pointer (task, render_job_run (task_data), (GDestroyNotify) recap_html_blocks_free);
}

static void
dom_updated (RecapPreview *self,
             gboolean      shown)
{
  self->rendering = FALSE;
  if (shown)
    {
      if (self->position_pending)
        position_new_page (self);
      g_signal_emit (self, signals[UPDATED], 0);
    }
  else
    {
      /* The page may not show what the next patch expects: start over. */
      g_clear_pointer (&self->shown_blocks, recap_html_blocks_free);
      self->text_changed = TRUE;
    }
  schedule_render (self);
}

static gboolean
same_positions (RecapHtmlBlocks *old,
                RecapHtmlBlocks *new)
{
  return old != NULL &&
         g_str_equal (recap_html_blocks_get_positions (old), recap_html_blocks_get_positions (new));
}

/* highlight.js (850 kB) costs a page load about a second on a busy
 * machine: it goes into Recap's script world only when code with a
 * language shows, before the patch that shows it (the page runs calls in
 * order). preview.js colors the code it patches in once hljs is there. */
static void
load_highlighter (RecapPreview *self)
{
  const char *source;
  gsize len;

  if (self->highlighter == NULL)
    self->highlighter = g_resources_lookup_data (PREVIEW_RESOURCES "highlight.js", 0, NULL);
  g_assert (self->highlighter != NULL);
  source = g_bytes_get_data (self->highlighter, &len);
  webkit_web_view_evaluate_javascript (self->web_view, source, len, SCRIPT_WORLD, "resource:///highlight.js",
                                       self->cancellable, NULL, NULL);
  self->page_highlights = TRUE;
}

static void patch_sent (RecapPreview *self, gboolean shown);

/* Sends the next part of the blocks to show, @removed replacing as many
 * of the page's blocks (-1: all after them). */
static void
send_patch (RecapPreview *self,
            int           removed)
{
  guint start = self->patch_next;
  g_autofree char *html = recap_html_blocks_join (self->shown_blocks, start, self->patch_end, PATCH_BYTES,
                                                  &self->patch_next);
  gboolean last = self->patch_next == self->patch_end;
  GVariantDict arguments;

  if (!self->page_highlights && strstr (html, "<code class=\"language-") != NULL)
    load_highlighter (self);
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "start", "d", (double) start);
  g_variant_dict_insert (&arguments, "removed", "d", (double) removed);
  g_variant_dict_insert (&arguments, "html", "s", html);
  if (last && self->patch_positions)
    g_variant_dict_insert (&arguments, "positions", "s", recap_html_blocks_get_positions (self->shown_blocks));
  run_in_page (self,
               last && self->patch_positions ? "recap.patch (start, removed, html, positions);"
                                             : "recap.patch (start, removed, html);",
               g_variant_dict_end (&arguments), last ? dom_updated : patch_sent);
}

/* A part is in the page: the next goes after the blocks it added, unless
 * it failed or another page replaced it: that one is shown from its start. */
static void
patch_sent (RecapPreview *self,
            gboolean      shown)
{
  if (shown && self->patch_page == self->pages_loaded && self->shown_blocks != NULL)
    send_patch (self, 0);
  else
    dom_updated (self, FALSE);
}

/* Replaces only the blocks that changed: rebuilding the whole page costs
 * far more in layout than in rendering, and would reset images. Line
 * positions go only when lines moved: on a large page they are big. */
static void
show_blocks (RecapPreview    *self,
             RecapHtmlBlocks *blocks)
{
  int removed;

  self->patch_page = self->pages_loaded;
  self->patch_positions = !same_positions (self->shown_blocks, blocks);
  recap_html_blocks_diff_range (self->shown_blocks, blocks, &self->patch_next, &removed, &self->patch_end);
  g_clear_pointer (&self->shown_blocks, recap_html_blocks_free);
  self->shown_blocks = blocks;
  send_patch (self, removed);
}

static void update_remote_bar (RecapPreview *self);

static void
show_rendered (RecapPreview    *self,
               RecapHtmlBlocks *blocks,
               RenderJob       *job)
{
  self->has_remote_images = job->has_remote_images;
  update_remote_bar (self);
  show_blocks (self, blocks);
}

static void
rendered_in_thread (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RecapHtmlBlocks *blocks = g_task_propagate_pointer (G_TASK (result), NULL);

  /* NULL when cancelled: the preview is gone. */
  if (blocks != NULL)
    show_rendered (RECAP_PREVIEW (object), blocks, g_task_get_task_data (G_TASK (result)));
}

static void
render_text (RecapPreview *self,
             char         *text)
{
  g_autoptr(RenderJob) job = render_job_new (self, text);
  g_autoptr(GTask) task = NULL;

  if (strlen (job->text) < THREAD_RENDER_BYTES)
    {
      RecapHtmlBlocks *blocks = render_job_run (job);

      show_rendered (self, blocks, job);
      return;
    }
  task = g_task_new (self, self->cancellable, rendered_in_thread, NULL);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

static void
text_copied (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  char *text = recap_buffer_copy_finish (GTK_TEXT_BUFFER (object), result, NULL);

  /* NULL when cancelled: the preview is gone. */
  if (text != NULL)
    render_text (RECAP_PREVIEW (user_data), text);
}

/* A big text is copied a part per main-loop iteration (a whole copy of
 * 5 MB took 49 ms); a cut one is the document's whole text, not the buffer. */
static void
start_render (RecapPreview *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);

  self->rendering = TRUE;
  self->text_changed = FALSE;
  if (buffer != NULL && !recap_document_get_cut (self->document) &&
      gtk_text_buffer_get_char_count (buffer) >= THREAD_RENDER_BYTES)
    recap_buffer_copy_async (buffer, self->cancellable, text_copied, self);
  else
    render_text (self, self->document ? recap_document_dup_text (self->document) : g_strdup (""));
}

static gboolean
render_idle (gpointer user_data)
{
  RecapPreview *self = user_data;

  self->render_source = 0;
  /* A reload may have started since; its end renders. */
  if (self->page_ready)
    start_render (self);
  return G_SOURCE_REMOVE;
}

/* An idle: input and the editor's redraw come first, and a burst of
 * changes becomes one render. Hidden, the preview renders nothing. */
static void
schedule_render (RecapPreview *self)
{
  if (self->text_changed && self->page_ready && !self->rendering && self->render_source == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->render_source = g_idle_add (render_idle, self);
}

static void
document_changed (RecapPreview *self)
{
  self->text_changed = TRUE;
  schedule_render (self);
}

/* The page */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The classes of the page's root: light or dark, and high contrast. */
static const char *
page_classes (void)
{
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  if (is_dark ())
    return high_contrast ? "dark high-contrast" : "dark";
  return high_contrast ? "light high-contrast" : "light";
}

/* "Large Text" raises gtk-xft-dpi above 96 dots per inch (in 1024ths). */
static double
text_scale (void)
{
  int dpi = -1;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? dpi / (96.0 * 1024) : 1.0;
}

static gboolean
remote_images_allowed (RecapPreview *self)
{
  return self->load_remote_images || self->remote_allowed_here;
}

static char *
build_page (RecapPreview *self)
{
  g_autofree char *html = lookup_preview_file ("preview.html");
  g_autofree char *css = lookup_preview_file ("preview.css");
  g_autoptr(GString) page = g_string_new (html);
  g_autofree char *load = g_strdup_printf ("%u", self->pages_loaded);
  char scale[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_replace (page, "@CLASSES@", page_classes (), 1);
  g_string_replace (page, "@TEXT_SCALE@", g_ascii_dtostr (scale, sizeof scale, text_scale ()), 1);
  g_string_replace (page, "@LOAD@", load, 1);
  /* A policy rather than WebKit's auto-load-images, which blocks site
   * images too: the page asks for no remote image unless allowed. */
  g_string_replace (page, "@IMG_SRC@", remote_images_allowed (self) ? REMOTE_IMAGES : LOCAL_IMAGES, 1);
  g_string_replace (page, "@STYLE@", css, 1);
  return g_string_free (g_steal_pointer (&page), FALSE);
}

static void
load_page (RecapPreview *self,
           char         *base_uri)
{
  g_autofree char *page = NULL;

  self->pages_loaded++;
  self->page_highlights = FALSE;
  page = build_page (self);
  g_free (self->page_base);
  self->page_base = base_uri;
  webkit_web_view_load_html (self->web_view, page, self->page_base);
  /* After the call: the load it cancels may finish within it. */
  self->page_ready = FALSE;
}

/* The page's script says it is ready, naming its load: load events cannot
 * tell, since a replaced load finishes (cancelled) while the newer one goes
 * on, and a finished load's script may not have run yet. */
static void
page_loaded (RecapPreview *self,
             JSCValue     *load)
{
  if (!jsc_value_is_number (load) || (guint) jsc_value_to_double (load) != self->pages_loaded)
    return;
  /* A new page shows nothing yet, whatever was sent while it loaded. */
  g_clear_pointer (&self->shown_blocks, recap_html_blocks_free);
  self->page_ready = TRUE;
  self->position_pending = TRUE;
  document_changed (self);
}

static void
update_appearance (RecapPreview *self)
{
  GdkRGBA background = { 1, 1, 1, 1 };
  GVariantDict arguments;

  /* Matches the page, so that nothing flashes white while it loads. */
  if (is_dark ())
    gdk_rgba_parse (&background, "#1e1e1e");
  webkit_web_view_set_background_color (self->web_view, &background);
  if (!self->page_ready)
    return;
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "classes", "s", page_classes ());
  g_variant_dict_insert (&arguments, "textScale", "d", text_scale ());
  run_in_page (self, "recap.setAppearance (classes, textScale);", g_variant_dict_end (&arguments), NULL);
}

/* Remote images */

static void
update_remote_bar (RecapPreview *self)
{
  gtk_info_bar_set_revealed (self->remote_bar, self->has_remote_images && !remote_images_allowed (self));
}

/* Reloads the page when the image policy it holds changed. */
static void
set_remote_images_allowed (RecapPreview *self,
                           gboolean      load_remote_images,
                           gboolean      remote_allowed_here)
{
  gboolean was_allowed = remote_images_allowed (self);

  self->load_remote_images = load_remote_images;
  self->remote_allowed_here = remote_allowed_here;
  if (remote_images_allowed (self) != was_allowed && self->page_base != NULL)
    load_page (self, g_strdup (self->page_base));
  update_remote_bar (self);
}

static void
remote_bar_response (RecapPreview *self,
                     int           response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    set_remote_images_allowed (self, self->load_remote_images, TRUE);
}

/* Shown only in a post with remote images while they are blocked. */
static GtkInfoBar *
remote_images_bar (RecapPreview *self)
{
  GtkInfoBar *bar = GTK_INFO_BAR (gtk_info_bar_new ());
  GtkWidget *label = gtk_label_new (_("Remote images are not loaded, so that their sites cannot tell you read this post"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_info_bar_add_child (bar, label);
  gtk_info_bar_add_button (bar, _("_Load Remote Images"), GTK_RESPONSE_ACCEPT);
  gtk_info_bar_set_revealed (bar, FALSE);
  g_signal_connect_object (bar, "response", G_CALLBACK (remote_bar_response), self, G_CONNECT_SWAPPED);
  return bar;
}

/* Links */

static gboolean
is_web_link (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

static gboolean
open_in_browser (RecapPreview *self,
                 const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
  return TRUE;
}

/* A link to a file of the site ({% post_url %}, {% link %}, a relative
 * link): the window opens it when it is a post. */
static void
open_site_file (RecapPreview *self,
                const char   *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = parsed ? g_uri_unescape_string (g_uri_get_path (parsed), NULL) : NULL;
  const char *site_path = path;

  while (site_path != NULL && *site_path == '/')
    site_path++;
  if (site_path != NULL && *site_path != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-site-post", "s", site_path);
}

/* Recap's own load of the template: no document content is there yet. */
static gboolean
is_page_load (RecapPreview           *self,
              WebKitNavigationAction *action,
              const char             *uri)
{
  return !self->page_ready &&
         webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
         g_strcmp0 (g_uri_peek_scheme (uri), RECAP_SITE_URI_SCHEME) == 0;
}

/* The preview shows one page forever: web links go to the browser, nothing else loads. */
static gboolean
decide_policy (RecapPreview             *self,
               WebKitPolicyDecision     *decision,
               WebKitPolicyDecisionType  type)
{
  WebKitNavigationAction *action;
  const char *uri;
  gboolean handled = FALSE;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  if (is_page_load (self, action, uri))
    return FALSE;

  webkit_policy_decision_ignore (decision);
  if (!webkit_navigation_action_is_user_gesture (action))
    return TRUE;
  if (is_web_link (uri))
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  else if (g_strcmp0 (g_uri_peek_scheme (uri), RECAP_SITE_URI_SCHEME) == 0)
    open_site_file (self, uri);
  return TRUE;
}

/* Public API */

/* The site root: the post's file, up as many folders as its relative path has parts. */
static GFile *
site_root_of (RecapDocument *document)
{
  RecapPost *post = recap_document_get_post (document);
  g_auto(GStrv) parts = g_strsplit (recap_post_get_relative_path (post), "/", -1);
  g_autoptr(GFile) root = g_object_ref (recap_post_get_file (post));

  for (guint i = 0; parts[i] != NULL && root != NULL; i++)
    {
      GFile *parent = g_file_get_parent (root);
      g_set_object (&root, parent);
      g_clear_object (&parent);
    }
  return g_steal_pointer (&root);
}

static void
site_config_read (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RecapPreview *self = RECAP_PREVIEW (object);
  GTask *task = G_TASK (result);
  g_autoptr(RecapSiteConfig) config = g_task_propagate_pointer (task, NULL);

  /* NULL when cancelled (the preview is gone). */
  if (config == NULL || GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->config_reads)
    return;
  g_free (self->site_baseurl);
  self->site_baseurl = g_strdup (recap_site_config_get_baseurl (config));
  g_free (self->site_url);
  self->site_url = g_strdup (recap_site_config_get_url (config));
  g_clear_pointer (&self->site_config, recap_site_config_unref);
  self->site_config = g_steal_pointer (&config);
  document_changed (self);
}

static void
read_site_config_in_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  GFile *root = g_object_get_data (G_OBJECT (task), "root");
  g_autoptr(RecapSiteConfig) config = recap_site_config_load (root, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, g_steal_pointer (&config), (GDestroyNotify) recap_site_config_unref);
}

/* The URLs Liquid uses, read again when the site changes. */
static void
read_site_config (RecapPreview *self,
                  GFile        *site_root)
{
  g_autoptr(GTask) task = NULL;

  if (site_root == self->site_root || (site_root && self->site_root && g_file_equal (site_root, self->site_root)))
    return;
  g_set_object (&self->site_root, site_root);
  g_clear_pointer (&self->site_baseurl, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->site_config, recap_site_config_unref);
  self->config_reads++;
  if (site_root == NULL)
    return;
  task = g_task_new (self, self->cancellable, site_config_read, NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->config_reads), NULL);
  g_object_set_data_full (G_OBJECT (task), "root", g_object_ref (site_root), g_object_unref);
  g_task_run_in_thread (task, read_site_config_in_thread);
}

void
recap_preview_set_document (RecapPreview  *self,
                            RecapDocument *document)
{
  g_autoptr(GFile) site_root = NULL;
  g_autofree char *base_uri = NULL;
  RecapPost *post;

  g_return_if_fail (RECAP_IS_PREVIEW (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_signal_group_set_target (self->document_signals, document);
  if (document != NULL)
    site_root = site_root_of (document);
  recap_site_scheme_set_site_root (self->web_view, site_root);
  read_site_config (self, site_root);

  post = document ? recap_document_get_post (document) : NULL;
  base_uri = recap_site_uri_base_for (post ? recap_post_get_relative_path (post) : "");
  self->position_pending = TRUE;
  /* The button of the bar allowed remote images in the last post only. */
  self->has_remote_images = FALSE;
  set_remote_images_allowed (self, self->load_remote_images, FALSE);
  if (g_strcmp0 (base_uri, self->page_base) != 0)
    load_page (self, g_steal_pointer (&base_uri));
  else
    document_changed (self);
}

void
recap_preview_set_source_view (RecapPreview *self,
                               GtkTextView  *source_view)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (RECAP_IS_PREVIEW (self));
  g_return_if_fail (!source_view || GTK_IS_TEXT_VIEW (source_view));

  /* Set by its scrolled window, which does not change it afterwards. */
  vadjustment = source_view ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (source_view)) : NULL;
  g_return_if_fail (!source_view || vadjustment != NULL);

  g_set_object (&self->source_view, source_view);
  g_set_object (&self->editor_adjustment, vadjustment);
  g_signal_group_set_target (self->editor_signals, vadjustment);
}

WebKitWebView *
recap_preview_get_web_view (RecapPreview *self)
{
  g_return_val_if_fail (RECAP_IS_PREVIEW (self), NULL);
  return self->web_view;
}

static void
set_load_remote_images (RecapPreview *self,
                        gboolean      load_remote_images)
{
  if (self->load_remote_images == load_remote_images)
    return;
  set_remote_images_allowed (self, load_remote_images, self->remote_allowed_here);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_REMOTE_IMAGES]);
}

static void
set_sync_scroll (RecapPreview *self,
                 gboolean      sync_scroll)
{
  if (self->sync_scroll == sync_scroll)
    return;
  self->sync_scroll = sync_scroll;
  editor_scrolled (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SCROLL]);
}

/* GObject */

static void
recap_preview_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RecapPreview *self = RECAP_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SYNC_SCROLL:
      g_value_set_boolean (value, self->sync_scroll);
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      g_value_set_boolean (value, self->load_remote_images);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_preview_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RecapPreview *self = RECAP_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_SYNC_SCROLL:
      set_sync_scroll (self, g_value_get_boolean (value));
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      set_load_remote_images (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unregister_page_script (WebKitUserContentManager *manager)
{
  webkit_user_content_manager_unregister_script_message_handler (manager, "scrolled", SCRIPT_WORLD);
  webkit_user_content_manager_unregister_script_message_handler (manager, "loaded", SCRIPT_WORLD);
}

static void
recap_preview_dispose (GObject *object)
{
  RecapPreview *self = RECAP_PREVIEW (object);

  /* Once: WebKitGTK 2.52 makes a message the page sends after the manager
   * went a critical, unless its handler was unregistered. */
  if (!is_disposed (self))
    unregister_page_script (webkit_web_view_get_user_content_manager (self->web_view));
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_object (&self->document_signals); /* disconnects from the document */
  g_clear_object (&self->editor_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->editor_adjustment);
  g_clear_object (&self->source_view);
  g_clear_object (&self->site_root);

  G_OBJECT_CLASS (recap_preview_parent_class)->dispose (object);
}

static void
recap_preview_finalize (GObject *object)
{
  RecapPreview *self = RECAP_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->shown_blocks, recap_html_blocks_free);
  g_free (self->page_base);
  g_free (self->site_baseurl);
  g_free (self->site_url);
  g_clear_pointer (&self->site_config, recap_site_config_unref);
  g_clear_pointer (&self->highlighter, g_bytes_unref);

  G_OBJECT_CLASS (recap_preview_parent_class)->finalize (object);
}

static void
recap_preview_class_init (RecapPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = recap_preview_get_property;
  object_class->set_property = recap_preview_set_property;
  object_class->dispose = recap_preview_dispose;
  object_class->finalize = recap_preview_finalize;

  properties[PROP_SYNC_SCROLL] =
    g_param_spec_boolean ("sync-scroll", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_REMOTE_IMAGES] =
    g_param_spec_boolean ("load-remote-images", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted each time the page shows the text of the document. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A click on a web link; the default handler opens it in the browser. */
  signals[ACTIVATE_LINK] = g_signal_new_class_handler ("activate-link", G_TYPE_FROM_CLASS (klass),
                                                       G_SIGNAL_RUN_LAST, G_CALLBACK (open_in_browser),
                                                       g_signal_accumulator_true_handled, NULL, NULL,
                                                       G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
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

static WebKitUserContentManager *
page_script (RecapPreview *self)
{
  WebKitUserContentManager *manager = webkit_user_content_manager_new ();
  g_autofree char *source = lookup_preview_file ("preview.js");
  g_autoptr(WebKitUserScript) script =
    webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                      WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                      SCRIPT_WORLD, NULL, NULL);

  webkit_user_content_manager_add_script (manager, script);
  webkit_user_content_manager_register_script_message_handler (manager, "scrolled", SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::scrolled",
                           G_CALLBACK (page_scrolled), self, G_CONNECT_SWAPPED);
  webkit_user_content_manager_register_script_message_handler (manager, "loaded", SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::loaded",
                           G_CALLBACK (page_loaded), self, G_CONNECT_SWAPPED);
  return manager;
}

/* A crash, or WebKit ending the process: the page went with it. */
static void
web_process_terminated (RecapPreview                      *self,
                        WebKitWebProcessTerminationReason  reason)
{
  if (is_disposed (self))
    return;
  if (reason == WEBKIT_WEB_PROCESS_CRASHED)
    reload_lost_page (self, "its web process crashed");
  else if (reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT)
    reload_lost_page (self, "its web process exceeded its memory limit");
  else
    reload_lost_page (self, "its web process was ended");
}

static void
recap_preview_init (RecapPreview *self)
{
  g_autoptr(WebKitSettings) settings = safe_settings ();
  g_autoptr(WebKitUserContentManager) manager = page_script (self);
  GtkWidget *box;

  self->cancellable = g_cancellable_new ();
  self->sync_scroll = TRUE;
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "settings", settings,
                                 "user-content-manager", manager,
                                 "hexpand", TRUE,
                                 "vexpand", TRUE,
                                 NULL);
  self->remote_bar = remote_images_bar (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->remote_bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->web_view));
  adw_bin_set_child (ADW_BIN (self), box);
  recap_site_scheme_add_to (self->web_view);

  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (document_changed), self, G_CONNECT_SWAPPED);
  self->editor_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_object (self->editor_signals, "value-changed",
                                 G_CALLBACK (editor_scrolled), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "map", G_CALLBACK (schedule_render), NULL);
  g_signal_connect_object (self->web_view, "web-process-terminated", G_CALLBACK (web_process_terminated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_appearance), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_appearance), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_appearance), self, G_CONNECT_SWAPPED);
  update_appearance (self);
  load_page (self, recap_site_uri_base_for (""));
}

void
recap_preview_scroll_to_line (RecapPreview *self,
                              guint         line)
{
  g_return_if_fail (RECAP_IS_PREVIEW (self));

  if (self->page_ready)
    scroll_preview_to_line (self, line);
}
