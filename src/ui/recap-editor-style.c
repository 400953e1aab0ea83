/* recap-editor-style.c: how the source view sets out the text
 *
 * Owns the editor's font (a CSS provider on the view: GTK 4.8 has no font
 * property on text views), its line numbers and wrapping (bound to the
 * settings), and the writing column: side margins that centre about 80
 * characters of the font, recomputed when the view's width changes (the
 * horizontal adjustment's page size is the view's width), and more space
 * between lines (GtkSourceView 5.6 has no line-height: pixels above,
 * below and inside wrapped lines).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-editor-style.h"

#define COLUMN_CHARS 80
#define MIN_MARGIN 12
/* Pixels added around each line in a column: about 1.5 times the font's height in all. */
#define COLUMN_LINE_SPACE 3

struct _RecapEditorStyle
{
  GObject          parent_instance;

  GtkSourceView   *view;      /* weak */
  GSettings       *settings;
  GtkCssProvider  *font_css;
  GtkAdjustment   *hadjustment;
  gboolean         column;
};

G_DEFINE_FINAL_TYPE (RecapEditorStyle, recap_editor_style, G_TYPE_OBJECT)

/* The font of the settings: "monospace" the system's monospace, "sans" and
 * "serif" its proportional fonts, at the size of the settings. */
static PangoFontDescription *
dup_font (RecapEditorStyle *self)
{
  g_autofree char *family = g_settings_get_string (self->settings, "editor-font");
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, g_settings_get_int (self->settings, "editor-font-size") * PANGO_SCALE);
  return font;
}

/* Width of COLUMN_CHARS characters of the font, in pixels. */
static int
column_width (RecapEditorStyle *self)
{
  g_autoptr(PangoFontDescription) font = dup_font (self);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int width = COLUMN_CHARS * pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return width;
}

static void
update_margins (RecapEditorStyle *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->view));
  int margin = MIN_MARGIN;

  g_assert (self->view != NULL);
  if (self->column && width > 0)
    margin = MAX (MIN_MARGIN, (width - column_width (self)) / 2);
  /* Setters that change nothing still relayout the text: only on a change. */
  if (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self->view)) != margin)
    gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), margin);
  if (gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self->view)) != margin)
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), margin);
}

static void
update_line_space (RecapEditorStyle *self)
{
  int space = self->column ? COLUMN_LINE_SPACE : 0;

  g_object_set (self->view,
                "pixels-above-lines", space,
                "pixels-below-lines", space,
                "pixels-inside-wrap", 2 * space,
                NULL);
}

static void
update_font (RecapEditorStyle *self)
{
  g_autoptr(PangoFontDescription) font = dup_font (self);
  g_autofree char *css = NULL;

  if (self->view == NULL)
    return;
  css = g_strdup_printf ("textview { font-family: \"%s\"; font-size: %dpt; }",
                                          pango_font_description_get_family (font),
                                          pango_font_description_get_size (font) / PANGO_SCALE);

  gtk_css_provider_load_from_data (self->font_css, css, -1);
  update_margins (self);
}

static gboolean
wrap_to_mode (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

static GVariant *
mode_to_wrap (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  return g_variant_new_boolean (g_value_get_enum (value) != GTK_WRAP_NONE);
}

static void
recap_editor_style_dispose (GObject *object)
{
  RecapEditorStyle *self = RECAP_EDITOR_STYLE (object);

  if (self->view != NULL)
    gtk_style_context_remove_provider (gtk_widget_get_style_context (GTK_WIDGET (self->view)),
                                       GTK_STYLE_PROVIDER (self->font_css));
  g_clear_weak_pointer (&self->view);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (recap_editor_style_parent_class)->dispose (object);
}

static void
recap_editor_style_class_init (RecapEditorStyleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = recap_editor_style_dispose;
}

static void
recap_editor_style_init (RecapEditorStyle *self)
{
  self->settings = g_settings_new (APP_ID);
  self->font_css = gtk_css_provider_new ();
}

/* The view's width changed: the adjustment's page size follows it. */
static void
follow_width (RecapEditorStyle *self)
{
  if (self->column)
    update_margins (self);
}

RecapEditorStyle *
recap_editor_style_new (GtkSourceView *view)
{
  RecapEditorStyle *self;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  self = g_object_new (RECAP_TYPE_EDITOR_STYLE, NULL);
  g_set_weak_pointer (&self->view, view);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), FALSE); /* the font comes from the settings */
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (view)),
                                  GTK_STYLE_PROVIDER (self->font_css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_settings_bind (self->settings, "show-line-numbers", view, "show-line-numbers", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "wrap-text", view, "wrap-mode", G_SETTINGS_BIND_GET,
                                wrap_to_mode, mode_to_wrap, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::editor-font", G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::editor-font-size", G_CALLBACK (update_font), self,
                           G_CONNECT_SWAPPED);
  g_object_get (view, "hadjustment", &self->hadjustment, NULL);
  if (self->hadjustment != NULL)
    g_signal_connect_object (self->hadjustment, "notify::page-size", G_CALLBACK (follow_width), self,
                             G_CONNECT_SWAPPED);
  update_font (self);
  update_line_space (self);
  return self;
}

void
recap_editor_style_set_column (RecapEditorStyle *self,
                               gboolean          column)
{
  g_return_if_fail (RECAP_IS_EDITOR_STYLE (self));

  if (self->column == !!column || self->view == NULL)
    return;
  self->column = !!column;
  update_line_space (self);
  update_margins (self);
}

gboolean
recap_editor_style_get_column (RecapEditorStyle *self)
{
  g_return_val_if_fail (RECAP_IS_EDITOR_STYLE (self), FALSE);
  return self->column;
}
