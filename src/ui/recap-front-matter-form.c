/* recap-front-matter-form.c
 *
 * The form is a view of the buffer: every field edit goes through the
 * lossless core edit functions and lands in the buffer as one user action
 * replacing only the changed span; every buffer change is read back after
 * a short pause. Which rows exist, of what kind and in what order comes
 * from the field model in src/core/recap-form-model.c. This file owns the
 * parse of the buffer, which rows, notice or error show, and the form's
 * header; recap-front-matter-form-rows.c draws the rows and wires them to
 * the edits.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-front-matter-form-private.h"
#include "recap-jekyll-doc.h"
#include "recap-site-ops.h"

#define SYNC_DELAY_MS 150
/* Front matter this big is parsed off the main thread. */
#define THREAD_PARSE_MIN (64 * 1024)

G_DEFINE_FINAL_TYPE (RecapFrontMatterForm, recap_front_matter_form, GTK_TYPE_WIDGET)

enum {
  SHOW_SOURCE,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_YAML_SHOWN,
  PROP_SUMMARY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets a string property, notifying only a change. */
static void
set_string_property (RecapFrontMatterForm *self,
                     char                **field,
                     const char           *value,
                     guint                 prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Edits the form makes itself; the rows' are in recap-front-matter-form-rows.c. */

static gboolean
edit_add_key (const char *text, gsize len, const EditArgs *args,
              RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_add_key (text, len, args->path, args->value, NULL, out, error);
}


/* A block for a loose note, as the organizer's "Add Front Matter" writes it. */
static gboolean
edit_create_block (const char *text, gsize len, const EditArgs *args,
                   RecapFrontMatterEdit *out, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (args->path);

  return recap_edit_add_front_matter (file, text, len, NULL, out, error);
}


/* The summary line the source shows instead of the YAML, counting the
 * top-level keys as the YAML shows them. */
static void
set_summary (RecapFrontMatterForm *self,
             RecapFormModel       *model)
{
  g_autofree char *summary = NULL;
  guint keys = 0;

  for (guint i = 0; model != NULL && i < recap_form_model_get_n_fields (model); i++)
    {
      const RecapFormField *field = recap_form_model_get_field (model, i);
      keys += field->parent == NULL && !field->absent;
    }
  if (model != NULL)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Front matter · %u field", "Front matter · %u fields", keys),
                               keys);
  set_string_property (self, &self->summary, summary, PROP_SUMMARY);
}

/* Instead of the fields: why the form does not show them, and the way to
 * the source. */
static void
show_notice (RecapFrontMatterForm *self,
             const char           *message,
             gboolean              can_add)
{
  recap_front_matter_form_clear_rows (self);
  set_summary (self, NULL);
  gtk_label_set_label (self->notice_label, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_field_button), can_add);
  gtk_stack_set_visible_child_name (self->body_stack, "notice");
}

/* What `defaults:` of the site's _config.yml give the open file, and in
 * @config what holds them (NULL without): read afresh at each sync, so
 * that a reloaded config shows. */
static GHashTable *
dup_defaults (RecapFrontMatterForm  *self,
              RecapSiteConfig      **config)
{
  GFile *file = self->document ? recap_document_get_file (self->document) : NULL;
  g_autofree char *relative = NULL;

  *config = NULL;
  if (self->site != NULL && file != NULL)
    relative = g_file_get_relative_path (recap_site_get_root (self->site), file);
  if (relative == NULL)
    return NULL;
  *config = recap_site_dup_config (self->site);
  return recap_jekyll_doc_get_defaults (*config, relative);
}

/* The path of the row holding the focus, NULL if none does. */
static char *
dup_focused_path (RecapFrontMatterForm *self)
{
  GHashTableIter iter;
  gpointer path, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &path, &row))
    if (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_WITHIN)
      return g_strdup (path);
  return NULL;
}

/* Rebuilds the rows, the focus staying on the field it was in (a key
 * typed into an inherited row turns that row into the key's own). */
static void
rebuild_rows (RecapFrontMatterForm *self,
              RecapFrontMatter     *fm,
              RecapFormModel       *model,
              const char           *text)
{
  g_autofree char *focused = dup_focused_path (self);
  GtkWidget *row;

  recap_front_matter_form_clear_rows (self);
  for (guint i = 0; i < recap_form_model_get_n_fields (model); i++)
    recap_front_matter_form_append_row (self, fm, recap_form_model_get_field (model, i), text);
  self->signature = g_strdup (recap_form_model_get_signature (model));
  if (focused != NULL && (row = g_hash_table_lookup (self->rows, focused)) != NULL)
    gtk_widget_grab_focus (row);
}

static void
show_fields (RecapFrontMatterForm *self,
             RecapFrontMatter     *fm,
             RecapFormModel       *model,
             const char           *text)
{
  guint fields = recap_form_model_get_n_own_fields (model);
  const char *signature = recap_form_model_get_signature (model);
  GHashTableIter iter;
  gpointer row;

  if (recap_form_model_is_too_big (model))
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "This front matter has %u field; edit it in the source",
                                      "This front matter has %u fields; edit it in the source",
                                      fields),
                         fields);

      show_notice (self, message, TRUE);
      return;
    }

  /* Only a change in which fields exist rebuilds rows; values are refreshed
   * in place, so focus and typing in the form are never lost. */
  if (g_strcmp0 (signature, self->signature) != 0)
    rebuild_rows (self, fm, model, text);

  set_summary (self, model);
  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    recap_front_matter_form_fill_row (row, fm);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->body_stack, "fields");
}

static void
show_error (RecapFrontMatterForm *self,
            guint                 line,
            guint                 column)
{
  g_autofree char *message =
    g_strdup_printf (_("Front matter has an error on line %u, column %u"), line, column);

  self->error_line = line;
  self->error_column = column;
  set_summary (self, NULL);
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_stack), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_field_button), FALSE);
}

static void
hide_error (RecapFrontMatterForm *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_stack), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_field_button), TRUE);
}

/* A parse of the buffer's text and the form's fields from it, on the main
 * thread or in a worker: the fields of 10,000 keys took 17 ms to list. */
typedef struct {
  char             *text;
  RecapSiteConfig  *config;   /* holds the values of @defaults; NULL without */
  GHashTable       *defaults; /* NULL without */
  RecapFrontMatter *fm;       /* NULL when the YAML is invalid */
  RecapFormModel   *model;    /* NULL without front matter to show */
  guint             line;     /* of the error */
  guint             column;
} Parse;

static void
parse_free (Parse *parse)
{
  g_free (parse->text);
  g_clear_pointer (&parse->model, recap_form_model_free);
  g_clear_pointer (&parse->fm, recap_front_matter_unref);
  g_clear_pointer (&parse->defaults, g_hash_table_unref);
  g_clear_pointer (&parse->config, recap_site_config_unref);
  g_free (parse);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parse, parse_free)

/* On the main thread: takes @text, and copies what parse_run() needs of
 * the form, as that may run in a worker. */
static Parse *
parse_new (RecapFrontMatterForm *self,
           char                 *text)
{
  Parse *parse = g_new0 (Parse, 1);

  parse->text = text;
  parse->defaults = dup_defaults (self, &parse->config);
  return parse;
}

static void
parse_run (Parse *parse)
{
  parse->fm = recap_front_matter_parse_at (parse->text, strlen (parse->text), &parse->line, &parse->column, NULL);
  if (parse->fm != NULL && recap_front_matter_get_read_only_notice (parse->fm) == NULL &&
      recap_front_matter_get_split (parse->fm)->present)
    parse->model = recap_form_model_new_with_defaults (parse->fm, parse->defaults);
}

static void
show_parse (RecapFrontMatterForm *self,
            Parse                *parse)
{
  g_autofree char *title = NULL;
  const char *notice;

  if (parse->fm == NULL)
    {
      show_error (self, parse->line, parse->column);
      return;
    }

  hide_error (self);
  title = recap_front_matter_get_string (parse->fm, "title");
  set_string_property (self, &self->title, title, PROP_TITLE);
  if (parse->config != NULL)
    {
      g_free (self->config_name);
      self->config_name = g_strdup (recap_site_config_get_file_name (parse->config));
    }
  notice = recap_front_matter_get_read_only_notice (parse->fm);
  if (notice != NULL)
    show_notice (self, notice, FALSE);
  else if (parse->model == NULL)  /* no front matter: parse_run() made no fields */
    {
      recap_front_matter_form_clear_rows (self);
      set_summary (self, NULL);
      gtk_stack_set_visible_child_name (self->body_stack, "empty");
    }
  else
    show_fields (self, parse->fm, parse->model, parse->text);
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      parse,
              GCancellable *cancellable)
{
  parse_run (parse);
  g_task_return_boolean (task, TRUE);
}

static void
parse_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RecapFrontMatterForm *self = RECAP_FRONT_MATTER_FORM (source);

  /* FALSE: a newer sync, or the form's end, cancelled it. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  g_clear_object (&self->parse_cancellable);
  show_parse (self, g_task_get_task_data (G_TASK (result)));
}

static void
cancel_parse (RecapFrontMatterForm *self)
{
  g_cancellable_cancel (self->parse_cancellable);
  g_clear_object (&self->parse_cancellable);
}

/* Big front matter: the same parse in a worker thread, shown when done. */
static void
start_parse_thread (RecapFrontMatterForm *self,
                    Parse                *parse)
{
  g_autoptr(GTask) task = NULL;

  self->parse_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->parse_cancellable, parse_done, NULL);
  g_task_set_task_data (task, parse, (GDestroyNotify) parse_free);
  g_task_run_in_thread (task, parse_thread);
}

static gboolean
is_big_front_matter (const char *text)
{
  RecapFrontMatterSplit split;

  return recap_front_matter_split (text, strlen (text), &split) &&
         split.yaml_end - split.yaml_start >= THREAD_PARSE_MIN;
}

/* The text up to the end of its front matter, all of it when that is not
 * plain: the form shows nothing from the body, and copying a post of
 * megabytes whole took tens of milliseconds at each sync. */
static char *
dup_front_matter_text (RecapDocument *document)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextIter start, end;

  if (!recap_document_find_front_matter_end (document, &end))
    return recap_document_dup_text (document);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_iter_forward_line (&end);
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

/* Nothing of the last document shows: no rows, title or summary. */
static void
clear_form (RecapFrontMatterForm *self)
{
  recap_front_matter_form_clear_rows (self);
  set_summary (self, NULL);
  set_string_property (self, &self->title, NULL, PROP_TITLE);
}

void
recap_front_matter_form_sync (RecapFrontMatterForm *self)
{
  g_autoptr(Parse) parse = NULL;

  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  g_clear_handle_id (&self->sync_source, g_source_remove);
  cancel_parse (self);
  if (self->document == NULL)
    {
      clear_form (self);
      return;
    }

  parse = parse_new (self, dup_front_matter_text (self->document));
  if (is_big_front_matter (parse->text))
    {
      start_parse_thread (self, g_steal_pointer (&parse));
      return;
    }
  parse_run (parse);
  show_parse (self, parse);
}

static gboolean
sync_after_pause (gpointer user_data)
{
  RecapFrontMatterForm *self = user_data;

  self->sync_source = 0;
  recap_front_matter_form_sync (self);
  return G_SOURCE_REMOVE;
}

static void
queue_sync (RecapFrontMatterForm *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);
  self->sync_source = g_timeout_add (SYNC_DELAY_MS, sync_after_pause, self);
}

/* Template callbacks */

static void
go_to_error (RecapFrontMatterForm *self)
{
  g_signal_emit (self, signals[SHOW_SOURCE], 0, self->error_line, self->error_column);
}

static void
add_front_matter (RecapFrontMatterForm *self)
{
  g_autofree char *path = g_file_get_path (recap_document_get_file (self->document));
  EditArgs args = { .path = path };

  recap_front_matter_form_run_edit (self, edit_create_block, &args);
}

static void
add_field (RecapFrontMatterForm *self)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (self->new_key_entry)));
  EditArgs args = { .path = key, .value = "" };

  if (*key == '\0')
    return;
  recap_front_matter_form_run_edit (self, edit_add_key, &args);
  gtk_editable_set_text (self->new_key_entry, "");
  gtk_menu_button_popdown (self->add_field_button);
}

static void
edit_in_source (RecapFrontMatterForm *self)
{
  g_signal_emit (self, signals[SHOW_SOURCE], 0, 1, 1);
}

/* The fields show while the form is expanded and the YAML is not in the source. */
static void
expanded_changed (RecapFrontMatterForm *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->expand_button);

  gtk_image_set_from_icon_name (self->expand_icon, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_revealer_set_reveal_child (self->body_revealer, expanded && !self->yaml_shown);
}

/* The switch clicked: the YAML opens in the source with the cursor on its
 * first key, as "Edit in Source" does. */
static void
yaml_toggled (RecapFrontMatterForm *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->yaml_button);

  if (shown == self->yaml_shown)
    return; /* set through recap_front_matter_form_set_yaml_shown() */
  recap_front_matter_form_set_yaml_shown (self, shown);
  if (shown)
    g_signal_emit (self, signals[SHOW_SOURCE], 0, 2, 1);
}

/* Public API */

void
recap_front_matter_form_set_document (RecapFrontMatterForm *self,
                                      RecapDocument        *document)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, queue_sync, self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  cancel_parse (self);
  clear_form (self);
  g_set_object (&self->document, document);
  if (document == NULL)
    return;
  g_signal_connect_swapped (document, "changed", G_CALLBACK (queue_sync), self);
  /* The rows are built in the next main-loop iteration, still before the
   * next frame is drawn: the view's change of buffer, in this one, frees
   * the layout of the post left (14-27 ms for 5 MB of short lines). */
  self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_after_pause, self, NULL);
}

void
recap_front_matter_form_set_site (RecapFrontMatterForm *self,
                                  RecapSite            *site)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  if (self->site != NULL)
    g_signal_handlers_disconnect_by_func (self->site, queue_sync, self);
  g_set_object (&self->site, site);
  /* The posts are read again when _config.yml is (re)loaded: its defaults
   * may have changed what the open post inherits. */
  if (site != NULL)
    {
      g_signal_connect_swapped (site, "items-changed", G_CALLBACK (queue_sync), self);
      queue_sync (self);
    }
}

void
recap_front_matter_form_set_spell_session (RecapFrontMatterForm *self,
                                           RecapSpellSession    *spell)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  g_set_object (&self->spell, spell);
}

gboolean
recap_front_matter_form_has_pending_edit (RecapFrontMatterForm *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FORM (self), FALSE);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (recap_front_matter_form_row_is_typed_in (row))
      return TRUE;
  return FALSE;
}

gboolean
recap_front_matter_form_get_yaml_shown (RecapFrontMatterForm *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FORM (self), FALSE);
  return self->yaml_shown;
}

void
recap_front_matter_form_set_yaml_shown (RecapFrontMatterForm *self,
                                        gboolean              yaml_shown)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  yaml_shown = !!yaml_shown;
  if (self->yaml_shown == yaml_shown)
    return;
  self->yaml_shown = yaml_shown;
  /* yaml_toggled() then finds the state already set. */
  gtk_toggle_button_set_active (yaml_shown ? self->yaml_button : self->form_button, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_field_button), !yaml_shown);
  expanded_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YAML_SHOWN]);
}

const char *
recap_front_matter_form_get_summary (RecapFrontMatterForm *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FORM (self), NULL);
  return self->summary;
}

const char *
recap_front_matter_form_get_title (RecapFrontMatterForm *self)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FORM (self), NULL);
  return self->title;
}

GtkWidget *
recap_front_matter_form_get_row (RecapFrontMatterForm *self,
                                 const char           *path)
{
  g_return_val_if_fail (RECAP_IS_FRONT_MATTER_FORM (self), NULL);
  return g_hash_table_lookup (self->rows, path);
}

static void
recap_front_matter_form_dispose (GObject *object)
{
  RecapFrontMatterForm *self = RECAP_FRONT_MATTER_FORM (object);
  GtkWidget *child;

  recap_front_matter_form_set_document (self, NULL);
  recap_front_matter_form_set_site (self, NULL);
  g_clear_object (&self->spell);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->config_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_FRONT_MATTER_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (recap_front_matter_form_parent_class)->dispose (object);
}

static void
recap_front_matter_form_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RecapFrontMatterForm *self = RECAP_FRONT_MATTER_FORM (object);

  switch (prop_id)
    {
    case PROP_YAML_SHOWN:
      g_value_set_boolean (value, self->yaml_shown);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_front_matter_form_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RecapFrontMatterForm *self = RECAP_FRONT_MATTER_FORM (object);

  switch (prop_id)
    {
    case PROP_YAML_SHOWN:
      recap_front_matter_form_set_yaml_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_front_matter_form_class_init (RecapFrontMatterFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_front_matter_form_dispose;
  object_class->get_property = recap_front_matter_form_get_property;
  object_class->set_property = recap_front_matter_form_set_property;

  properties[PROP_YAML_SHOWN] =
    g_param_spec_boolean ("yaml-shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks the window to show the source at a 1-based line and column. */
  signals[SHOW_SOURCE] = g_signal_new ("show-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /* A message for the user, e.g. why an edit was refused. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-front-matter-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, expand_button);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, expand_icon);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, form_button);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, yaml_button);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, body_revealer);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, body_stack);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, fields_list);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, add_field_button);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, new_key_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapFrontMatterForm, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, go_to_error);
  gtk_widget_class_bind_template_callback (widget_class, add_front_matter);
  gtk_widget_class_bind_template_callback (widget_class, add_field);
  gtk_widget_class_bind_template_callback (widget_class, expanded_changed);
  gtk_widget_class_bind_template_callback (widget_class, yaml_toggled);
  gtk_widget_class_bind_template_callback (widget_class, edit_in_source);
}

static void
recap_front_matter_form_init (RecapFrontMatterForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  recap_front_matter_form_name_buttons (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "form-expanded", self->expand_button, "active", G_SETTINGS_BIND_DEFAULT);
  expanded_changed (self);
}
