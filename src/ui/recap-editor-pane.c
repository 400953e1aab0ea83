/* recap-editor-pane.c: the editor of one open post
 *
 * Owns the views of a document: the front-matter form, the document bar,
 * the source view and the preview, with the per-document wiring between
 * them: which document they show, its state (unsaved mark, read-only,
 * large files pausing the preview), its style scheme, "show in source"
 * and the preview layout settings. The window keeps the site, the sidebar
 * and the actions. GNOME Text Editor's EditorPage is the model: the find
 * bar, spell checking, the outline and the word count belong here too.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-document-bar.h"
#include "recap-editor-pane.h"
#include "recap-editor-style.h"
#include "recap-find-bar.h"
#include "recap-front-matter-fold.h"
#include "recap-front-matter-form.h"
#include "recap-image-inserter.h"
#include "recap-preview.h"
#include "recap-status-bar.h"
#include "recap-spell-session.h"
#include "recap-writing-help.h"

struct _RecapEditorPane
{
  AdwBin                parent_instance;

  RecapDocument        *document;
  GSignalGroup         *document_signals;
  GBindingGroup        *document_bindings;
  GSettings            *settings;
  RecapSpellSession    *spell;

  RecapFindBar         *find_bar;
  GtkWidget            *editor_box;
  RecapFrontMatterForm *form;
  RecapDocumentBar     *document_bar;
  GtkSourceView        *source_view;
  RecapPreview         *preview;
  RecapStatusBar       *status_bar;
  RecapImageInserter   *images;
  RecapEditorStyle     *style;
  gboolean              narrow;     /* one of editor and preview at a time */
  RecapFrontMatterFold *fold;
  GtkSourceBuffer      *highlighting; /* empty, in Markdown, see keep_highlighting() */
  gboolean              filling;      /* the document's text is going in, see "filling" */
};

G_DEFINE_FINAL_TYPE (RecapEditorPane, recap_editor_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Large files and lines too long to lay out pause the live preview. */
static void
update_preview (RecapEditorPane *self)
{
  RecapDocument *document = self->filling ? NULL : self->document;

  recap_preview_set_document (self->preview, document && !recap_document_get_large (document) &&
                                             !recap_document_get_cut (document) ? document : NULL);
}

/* While the form shows the fields, the source folds the YAML to one line;
 * the whole text only: a cut copy of a post is not the document. */
static void
update_fold (RecapEditorPane *self)
{
  const char *summary = recap_front_matter_form_get_summary (self->form);
  gboolean whole = self->document != NULL && !self->filling && !recap_document_get_cut (self->document);

  recap_front_matter_fold_set_document (self->fold, whole ? self->document : NULL);
  if (summary != NULL)
    recap_front_matter_fold_set_summary (self->fold, summary);
  recap_front_matter_fold_set_collapsed (self->fold, summary != NULL && !recap_front_matter_form_get_yaml_shown (self->form));
}

/* The fold opened itself (its summary activated, a match found in it):
 * the front matter is now edited as YAML. */
static void
fold_collapsed_changed (RecapEditorPane *self)
{
  if (!recap_front_matter_fold_get_collapsed (self->fold) && recap_front_matter_form_get_summary (self->form) != NULL)
    recap_front_matter_form_set_yaml_shown (self->form, TRUE);
}

/* The buffer's highlighting follows the light or dark style. */
static void
update_style_scheme (RecapEditorPane *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "Adwaita-dark" : "Adwaita";

  if (self->document != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->document),
                                        gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
notify_title (RecapEditorPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* The views other than the source view and the document bar: they follow
 * a document once its text is in, not each part of it going in. */
static void
follow_document (RecapEditorPane *self)
{
  RecapDocument *document = self->filling ? NULL : self->document;

  recap_spell_session_set_document (self->spell, document);
  update_preview (self);
  recap_front_matter_form_set_document (self->form, document);
  update_fold (self);
  recap_image_inserter_set_document (self->images, document);
  notify_title (self);
}

/* The document was shown while its text went in (see "filling"): it is in. */
static void
document_loading_changed (RecapEditorPane *self)
{
  if (!self->filling || recap_document_get_loading (self->document))
    return;
  self->filling = FALSE;
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), !recap_document_get_read_only (self->document));
  follow_document (self);
}

/* The form's "show-source": moves the cursor to a 1-based line and column
 * and focuses the source. */
static void
form_show_source (RecapEditorPane *self,
                  guint            line,
                  guint            column)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_assert (RECAP_IS_EDITOR_PANE (self));
  g_return_if_fail (self->document != NULL);

  recap_front_matter_form_set_yaml_shown (self->form, TRUE);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, MAX (line, 1) - 1, MAX (column, 1) - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* The editor went to a heading of the outline: the preview goes too. */
static void
status_bar_heading_activated (RecapEditorPane *self,
                              guint            line)
{
  recap_preview_scroll_to_line (self->preview, line + 1);
}

static void
form_message (RecapEditorPane *self,
              const char      *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

/* Editor only, editor and preview, or preview only; narrow, the editor
 * stands for "editor and preview". */
static void
apply_preview_mode (RecapEditorPane *self)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "preview-mode");
  gboolean editor_only = g_str_equal (mode, "editor") || (self->narrow && g_str_equal (mode, "split"));

  gtk_widget_set_visible (self->editor_box, !g_str_equal (mode, "preview"));
  gtk_widget_set_visible (GTK_WIDGET (self->preview), !editor_only);
  recap_editor_style_set_column (self->style, editor_only);
  recap_find_bar_set_in_preview (self->find_bar, g_str_equal (mode, "preview"));
}

static void
setup_settings (RecapEditorPane *self)
{
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "sync-scroll", self->preview, "sync-scroll", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "load-remote-images", self->preview, "load-remote-images", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::preview-mode",
                           G_CALLBACK (apply_preview_mode), self, G_CONNECT_SWAPPED);
  apply_preview_mode (self);
}

/* GtkSourceView parses a language's rules when a buffer takes it and no
 * other buffer has it: 60-90 ms of the step that shows a post, each time
 * after a post with lines too long to highlight. An empty buffer keeps the
 * rules of Markdown parsed for the pane's life. */
static void
keep_highlighting (RecapEditorPane *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (languages, "markdown");

  self->highlighting = gtk_source_buffer_new_with_language (markdown);
}

/* Ctrl+F and Ctrl+H anywhere in the pane; Ctrl+G and Escape while the bar is open. */
static gboolean
find_activated (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  RecapEditorPane *self = RECAP_EDITOR_PANE (widget);
  const char *what = g_variant_get_string (args, NULL);

  if (g_str_equal (what, "find") || g_str_equal (what, "replace"))
    recap_find_bar_open (self->find_bar, g_str_equal (what, "replace"));
  else if (!recap_find_bar_get_open (self->find_bar))
    return FALSE;
  else if (g_str_equal (what, "next"))
    recap_find_bar_next (self->find_bar);
  else if (g_str_equal (what, "previous"))
    recap_find_bar_previous (self->find_bar);
  else
    recap_find_bar_close (self->find_bar);
  return TRUE;
}

static void
add_find_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; GdkModifierType mods; const char *what; } bindings[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "find" },
    { GDK_KEY_h, GDK_CONTROL_MASK, "replace" },
    { GDK_KEY_g, GDK_CONTROL_MASK, "next" },
    { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "previous" },
    { GDK_KEY_Escape, 0, "close" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding (widget_class, bindings[i].key, bindings[i].mods,
                                  find_activated, "s", bindings[i].what);
}

/* Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) from the form or the preview undo
 * and redo the document's edits: the form edits the same buffer, and the
 * preview shows it. The source view, the find bar's entries and a form
 * field with typing not yet applied keep their own undo. */
static gboolean
undo_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RecapEditorPane *self = RECAP_EDITOR_PANE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  gboolean redo = g_variant_get_boolean (args);

  if (self->document == NULL || focus == NULL ||
      !(gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form)) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->preview))) ||
      recap_front_matter_form_has_pending_edit (self->form))
    return FALSE;
  if (redo && gtk_text_buffer_get_can_redo (buffer))
    gtk_text_buffer_redo (buffer);
  else if (!redo && gtk_text_buffer_get_can_undo (buffer))
    gtk_text_buffer_undo (buffer);
  return TRUE;
}

/* Before the focused widget's own bindings (GtkText undoes its own text). */
static void
add_undo_shortcuts (RecapEditorPane *self)
{
  static const struct { const char *trigger; gboolean redo; } shortcuts[] = {
    { "<Control>z", FALSE },
    { "<Control><Shift>z", TRUE },
    { "<Control>y", TRUE },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                gtk_callback_action_new (undo_shortcut, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (shortcuts[i].redo));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static gboolean
recap_editor_pane_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RECAP_EDITOR_PANE (widget)->source_view));
}

static void
recap_editor_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RecapEditorPane *self = RECAP_EDITOR_PANE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_take_string (value, recap_editor_pane_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_editor_pane_dispose (GObject *object)
{
  RecapEditorPane *self = RECAP_EDITOR_PANE (object);

  g_clear_object (&self->document_signals); /* disconnects from the document */
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->spell);
  g_clear_object (&self->images);
  g_clear_object (&self->style);
  g_clear_object (&self->fold);
  g_clear_object (&self->highlighting);

  G_OBJECT_CLASS (recap_editor_pane_parent_class)->dispose (object);
}

static void
recap_editor_pane_class_init (RecapEditorPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_editor_pane_dispose;
  object_class->get_property = recap_editor_pane_get_property;
  widget_class->grab_focus = recap_editor_pane_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A message for the user, from the form. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  add_find_bindings (widget_class);

  g_type_ensure (RECAP_TYPE_FIND_BAR);
  g_type_ensure (RECAP_TYPE_PREVIEW);
  g_type_ensure (RECAP_TYPE_FRONT_MATTER_FORM);
  g_type_ensure (RECAP_TYPE_DOCUMENT_BAR);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (RECAP_TYPE_STATUS_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-editor-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, find_bar);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, editor_box);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, form);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, document_bar);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, source_view);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, preview);
  gtk_widget_class_bind_template_child (widget_class, RecapEditorPane, status_bar);
  gtk_widget_class_bind_template_callback (widget_class, form_show_source);
  gtk_widget_class_bind_template_callback (widget_class, form_message);
  gtk_widget_class_bind_template_callback (widget_class, status_bar_heading_activated);
}

static void
recap_editor_pane_init (RecapEditorPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "modified-changed",
                                 G_CALLBACK (notify_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::large",
                                 G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::cut",
                                 G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::loading",
                                 G_CALLBACK (document_loading_changed), self, G_CONNECT_SWAPPED);
  /* Bytes no encoding could read make the editor read-only, until a Save As. */
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "read-only", self->source_view, "editable",
                        G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  /* The form edits the same buffer: a change there would only fail at Save. */
  g_binding_group_bind (self->document_bindings, "read-only", self->form, "sensitive",
                        G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  recap_find_bar_set_view (self->find_bar, GTK_TEXT_VIEW (self->source_view));
  recap_find_bar_set_web_view (self->find_bar, recap_preview_get_web_view (self->preview));
  recap_writing_help_attach (GTK_TEXT_VIEW (self->source_view));
  self->style = recap_editor_style_new (self->source_view);
  setup_settings (self);
  keep_highlighting (self);
  add_undo_shortcuts (self);
  self->spell = recap_spell_session_new (GTK_WIDGET (self), GTK_TEXT_VIEW (self->source_view));
  recap_front_matter_form_set_spell_session (self->form, self->spell);
  recap_preview_set_source_view (self->preview, GTK_TEXT_VIEW (self->source_view));
  recap_status_bar_set_view (self->status_bar, GTK_TEXT_VIEW (self->source_view));
  self->images = recap_image_inserter_new (GTK_TEXT_VIEW (self->source_view));
  self->fold = recap_front_matter_fold_new (GTK_TEXT_VIEW (self->source_view));
  recap_find_bar_set_fold (self->find_bar, self->fold);
  g_signal_connect_object (self->fold, "notify::collapsed", G_CALLBACK (fold_collapsed_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::summary", G_CALLBACK (update_fold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::yaml-shown", G_CALLBACK (update_fold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::title", G_CALLBACK (notify_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->images, "message", G_CALLBACK (form_message), self, G_CONNECT_SWAPPED);
}

/* GTK 4.8 tells the screen reader of a view's new buffer as the removal
 * of the old buffer's whole text, copied into one D-Bus event even when no
 * screen reader listens (100 ms of the main thread for 5 MB of short
 * lines). A view out of the window has no accessible: there the buffer
 * changes without a copy, and back in the view is a new accessible that
 * the screen reader reads the new text from. The view goes out with its
 * scrolled window, so that it keeps its adjustments (the preview, the
 * style and the spell checker follow them); the focus stays in it. */
static void
swap_buffer (RecapEditorPane *self,
             GtkTextBuffer   *buffer)
{
  GtkWidget *view = GTK_WIDGET (self->source_view);
  GtkWidget *scroller = gtk_widget_get_parent (view);
  GtkWidget *before = gtk_widget_get_prev_sibling (scroller);
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focused = focus != NULL && (focus == view || gtk_widget_is_ancestor (focus, view));

  if (root == NULL || gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)) == buffer)
    {
      gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), buffer);
      return;
    }
  g_object_ref (scroller);
  gtk_box_remove (GTK_BOX (self->editor_box), scroller);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), buffer);
  gtk_box_insert_child_after (GTK_BOX (self->editor_box), scroller, before);
  g_object_unref (scroller);
  if (focused)
    gtk_widget_grab_focus (view);
}

/* Public API */

RecapDocument *
recap_editor_pane_get_document (RecapEditorPane *self)
{
  g_return_val_if_fail (RECAP_IS_EDITOR_PANE (self), NULL);
  return self->document;
}

void
recap_editor_pane_set_document (RecapEditorPane *self,
                                RecapDocument   *document)
{
  g_return_if_fail (RECAP_IS_EDITOR_PANE (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->filling = document != NULL && recap_document_get_loading (document);
  g_signal_group_set_target (self->document_signals, document);
  g_binding_group_set_source (self->document_bindings, document);
  /* Without a document the pane is hidden: the view keeps the last buffer and editability. */
  if (document != NULL)
    {
      update_style_scheme (self);
      swap_buffer (self, GTK_TEXT_BUFFER (self->document));
    }
  if (self->filling)
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), FALSE);
  recap_document_bar_set_document (self->document_bar, document);
  follow_document (self);
}

void
recap_editor_pane_set_site (RecapEditorPane *self,
                            RecapSite       *site)
{
  g_return_if_fail (RECAP_IS_EDITOR_PANE (self));
  recap_front_matter_form_set_site (self->form, site);
  recap_spell_session_set_site (self->spell, site);
  recap_image_inserter_set_site (self->images, site);
}

void
recap_editor_pane_set_narrow (RecapEditorPane *self,
                              gboolean         narrow)
{
  g_return_if_fail (RECAP_IS_EDITOR_PANE (self));

  if (self->narrow == !!narrow)
    return;
  self->narrow = !!narrow;
  apply_preview_mode (self);
}

char *
recap_editor_pane_dup_title (RecapEditorPane *self)
{
  const char *title;

  g_return_val_if_fail (RECAP_IS_EDITOR_PANE (self), NULL);

  if (self->document == NULL)
    return NULL;
  /* The title as the form last read it from the buffer, edits included. */
  title = recap_front_matter_form_get_title (self->form);
  if (title == NULL || *title == '\0')
    title = recap_post_get_title (recap_document_get_post (self->document));
  return g_strdup_printf ("%s%s", recap_document_get_unsaved (self->document) ? "*" : "", title);
}
