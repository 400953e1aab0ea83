/* recap-front-matter-form.c
 *
 * The form is a view of the buffer: every field edit goes through the
 * lossless core edit functions and lands in the buffer as one user action
 * replacing only the changed span; every buffer change is read back after
 * a short pause. Which rows exist, of what kind and in what order comes
 * from the field model in src/core/recap-form-model.c; this file draws
 * them and wires them to the edits.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-chips-row.h"
#include "recap-completion.h"
#include "recap-field-row.h"
#include "recap-file-chooser.h"
#include "recap-front-matter.h"
#include "recap-front-matter-form.h"
#include "recap-form-model.h"
#include "recap-site-ops.h"
#include "recap-text-area-row.h"

#define SYNC_DELAY_MS 150
/* Front matter this big is parsed off the main thread. */
#define THREAD_PARSE_MIN (64 * 1024)

/* What a row edits, attached once to its widget (FORM_ROW_KEY). */
typedef struct {
  char               *path;
  RecapFormFieldKind  kind;
  guint               line;   /* read-only rows: where "Edit in Source" goes */
  guint               column;
} FormRow;

#define FORM_ROW_KEY "recap-form-row"

struct _RecapFrontMatterForm
{
  GtkWidget         parent_instance;

  RecapDocument    *document;
  RecapSite        *site;
  RecapSpellSession *spell;      /* checks the prose fields */
  GHashTable       *rows;        /* path → row widget */
  char             *signature;   /* paths and kinds of the rows shown */
  guint             sync_source;
  guint             error_line;
  guint             error_column;
  gboolean          updating;    /* rows are being filled from the buffer */
  gboolean          yaml_shown;  /* the source shows the YAML instead */
  char             *summary;     /* "Front matter · 9 fields" while fields are shown */
  char             *title;       /* the title in the buffer's front matter */

  GSettings        *settings;
  GtkToggleButton  *expand_button;
  GtkToggleButton  *form_button;
  GtkToggleButton  *yaml_button;
  GtkImage         *expand_icon;
  GtkRevealer      *body_revealer;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkStack         *body_stack;
  GtkListBox       *fields_list;
  GtkMenuButton    *add_field_button;
  GtkEditable      *new_key_entry;
  GtkLabel         *notice_label;

  GCancellable     *parse_cancellable; /* the parse running in a thread */
};

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

static void
form_row_free (FormRow *data)
{
  g_free (data->path);
  g_free (data);
}

/* The metadata of the row @widget is, or is in. */
static const FormRow *
form_row_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const FormRow *data = g_object_get_data (G_OBJECT (widget), FORM_ROW_KEY);
      if (data != NULL)
        return data;
    }
  g_assert_not_reached ();
}

static const char *
row_path (GtkWidget *widget)
{
  return form_row_of (widget)->path;
}

/* Edits: each one reads the buffer, asks the core for the change, and
 * applies just that span. */

typedef struct {
  const char         *path;
  const char         *value;
  const char * const *items;
  gboolean            boolean;
} EditArgs;

typedef gboolean (*EditFunc) (const char *text, gsize len, const EditArgs *args,
                              RecapFrontMatterEdit *out, GError **error);

static void
apply_edit (RecapFrontMatterForm       *self,
            const char                 *text,
            const RecapFrontMatterEdit *edit)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  glong start_offset = g_utf8_pointer_to_offset (text, text + edit->offset);
  glong end_offset = g_utf8_pointer_to_offset (text, text + edit->offset + edit->old_len);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, edit->replacement, edit->replacement_len);
  gtk_text_buffer_end_user_action (buffer);
}

static void
run_edit (RecapFrontMatterForm *self,
          EditFunc              func,
          const EditArgs       *args)
{
  g_autofree char *text = NULL;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->updating)
    return;

  text = recap_document_dup_text (self->document);
  if (!func (text, strlen (text), args, &edit, &error))
    {
      g_signal_emit (self, signals[MESSAGE], 0, error->message);
      return;
    }
  if (edit.changed)
    apply_edit (self, text, &edit);
}

static gboolean
edit_set_string (const char *text, gsize len, const EditArgs *args,
                 RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_set_string (text, len, args->path, args->value, out, error);
}

static gboolean
edit_set_list (const char *text, gsize len, const EditArgs *args,
               RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_set_list (text, len, args->path, args->items, out, error);
}

static gboolean
edit_set_boolean (const char *text, gsize len, const EditArgs *args,
                  RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_set_boolean (text, len, args->path, args->boolean, out, error);
}

static gboolean
edit_add_key (const char *text, gsize len, const EditArgs *args,
              RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_add_key (text, len, args->path, args->value, NULL, out, error);
}

static gboolean
edit_remove_key (const char *text, gsize len, const EditArgs *args,
                 RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_remove_key (text, len, args->path, out, error);
}

/* A block for a loose note, as the organizer's "Add Front Matter" writes it. */
static gboolean
edit_create_block (const char *text, gsize len, const EditArgs *args,
                   RecapFrontMatterEdit *out, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (args->path);

  return recap_edit_add_front_matter (file, text, len, NULL, out, error);
}

static void
set_string (RecapFrontMatterForm *self,
            GtkWidget            *row,
            const char           *value)
{
  EditArgs args = { .path = row_path (row), .value = value };

  run_edit (self, edit_set_string, &args);
}

/* Row callbacks */

static void
text_row_applied (RecapFieldRow        *row,
                  RecapFrontMatterForm *self)
{
  set_string (self, GTK_WIDGET (row), gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
text_area_row_changed (RecapTextAreaRow     *row,
                       RecapFrontMatterForm *self)
{
  g_autofree char *text = recap_text_area_row_dup_text (row);

  set_string (self, GTK_WIDGET (row), text);
}

static void
switch_row_toggled (GtkSwitch            *toggle,
                    GParamSpec           *pspec,
                    RecapFrontMatterForm *self)
{
  EditArgs args = { .path = row_path (GTK_WIDGET (toggle)), .boolean = gtk_switch_get_active (toggle) };

  run_edit (self, edit_set_boolean, &args);
}

static void
chips_row_changed (RecapChipsRow        *row,
                   RecapFrontMatterForm *self)
{
  g_auto(GStrv) items = recap_chips_row_dup_items (row);
  EditArgs args = { .path = row_path (GTK_WIDGET (row)), .items = (const char * const *) items };

  run_edit (self, edit_set_list, &args);
}

static void
choice_row_selected (AdwComboRow          *row,
                     GParamSpec           *pspec,
                     RecapFrontMatterForm *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  if (item != NULL)
    set_string (self, GTK_WIDGET (row), gtk_string_object_get_string (item));
}

/* Keeps the time and zone written after the day, as Jekyll users write them. */
static char *
replace_day (const char *old_text,
             GDateTime  *day)
{
  g_autofree char *new_day = g_date_time_format (day, "%Y-%m-%d");
  gboolean has_day = old_text && strlen (old_text) >= 10 &&
                     g_ascii_isdigit (old_text[0]) && old_text[4] == '-' && old_text[7] == '-';

  return g_strconcat (new_day, has_day ? old_text + 10 : "", NULL);
}

static void
calendar_day_selected (GtkCalendar          *calendar,
                       RecapFrontMatterForm *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (calendar), RECAP_TYPE_FIELD_ROW);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *value = replace_day (gtk_editable_get_text (GTK_EDITABLE (row)), day);

  set_string (self, row, value);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
remove_clicked (GtkButton            *button,
                RecapFrontMatterForm *self)
{
  EditArgs args = { .path = row_path (GTK_WIDGET (button)) };

  run_edit (self, edit_remove_key, &args);
}

static void
show_source_clicked (GtkButton            *button,
                     RecapFrontMatterForm *self)
{
  const FormRow *data = form_row_of (GTK_WIDGET (button));

  g_signal_emit (self, signals[SHOW_SOURCE], 0, data->line, data->column);
}

/* Building rows */

/* @label without its mnemonic underscores ("_Add" → "Add", "__" → "_"). */
static char *
strip_mnemonic (const char *label)
{
  GString *name = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

/* Screen readers name a button of GTK 4.8 by its label as written, mnemonic
 * underscore included, and an icon-only one "GtkButton": each button under
 * @root gets its label without the underscore, or its tooltip. */
static void
name_buttons (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (root));
      GtkWidget *parent = gtk_widget_get_parent (root);
      /* A menu button's own button bears the name; the tooltip is the menu button's. */
      const char *tooltip = gtk_widget_get_tooltip_text (GTK_IS_MENU_BUTTON (parent) ? parent : root);
      g_autofree char *name = NULL;

      if (label != NULL)
        name = gtk_button_get_use_underline (GTK_BUTTON (root)) ? strip_mnemonic (label) : g_strdup (label);
      else if (tooltip != NULL)
        name = g_strdup (tooltip);
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    name_buttons (child);
}

static GtkWidget *
flat_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
add_remove_button (RecapFrontMatterForm *self,
                   GtkWidget            *row)
{
  GtkWidget *button = flat_button ("user-trash-symbolic", _("Remove Field"));

  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
  if (RECAP_IS_FIELD_ROW (row))
    recap_field_row_add_suffix (RECAP_FIELD_ROW (row), button);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  else if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
}

static GtkWidget *
text_row_new (RecapFrontMatterForm *self,
              const char           *label)
{
  GtkWidget *row = recap_field_row_new (label);

  g_signal_connect (row, "apply", G_CALLBACK (text_row_applied), self);
  return row;
}

static GtkWidget *
date_row_new (RecapFrontMatterForm *self,
              const char           *label)
{
  GtkWidget *row = text_row_new (self, label);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected), self);
  recap_field_row_add_suffix (RECAP_FIELD_ROW (row), button);
  return row;
}

/* Jekyll sites refer to their own files by site-absolute paths. */
static char *
site_path_for (RecapFrontMatterForm *self,
               GFile                *file)
{
  g_autofree char *relative = NULL;

  if (self->site == NULL)
    return NULL;
  relative = g_file_get_relative_path (recap_site_get_root (self->site), file);
  return relative ? g_strconcat ("/", relative, NULL) : NULL;
}

static void
set_image_file (RecapFrontMatterForm *self,
                GtkWidget            *row,
                GFile                *file)
{
  g_autofree char *path = site_path_for (self, file);

  if (path == NULL)
    {
      g_signal_emit (self, signals[MESSAGE], 0, _("Choose an image inside the site folder"));
      return;
    }
  set_string (self, row, path);
}

static void
image_chosen (GFile    *file,
              gpointer  user_data)
{
  GtkWidget *row = user_data;
  GtkWidget *form = gtk_widget_get_ancestor (row, RECAP_TYPE_FRONT_MATTER_FORM);

  if (file != NULL && form != NULL)
    set_image_file (RECAP_FRONT_MATTER_FORM (form), row, file);
}

static void
choose_image (GtkButton            *button,
              RecapFrontMatterForm *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), RECAP_TYPE_FIELD_ROW);

  recap_choose_file (GTK_WINDOW (gtk_widget_get_root (row)), RECAP_CHOOSE_OPEN, _("Choose an Image"),
                     self->site ? recap_site_get_root (self->site) : NULL,
                     image_chosen, g_object_ref (row), g_object_unref);
}

static GtkWidget *
image_row_new (RecapFrontMatterForm *self,
               const char           *label)
{
  GtkWidget *row = text_row_new (self, label);
  GtkWidget *button = flat_button ("document-open-symbolic", _("Choose an Image"));

  g_signal_connect (button, "clicked", G_CALLBACK (choose_image), self);
  recap_field_row_add_suffix (RECAP_FIELD_ROW (row), button);
  return row;
}

static GtkWidget *
switch_row_new (RecapFrontMatterForm *self,
                const char           *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_row_toggled), self);
  return row;
}

static void
add_choice (GPtrArray  *choices,
            const char *choice)
{
  if (choice != NULL && !g_ptr_array_find_with_equal_func (choices, choice, g_str_equal, NULL))
    g_ptr_array_add (choices, (gpointer) choice);
}

/* The post's layout, those in _layouts, and those in use across the site. */
static GtkStringList *
layout_choices (RecapFrontMatterForm *self,
                const char           *current)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  const char * const *layouts = self->site ? recap_site_get_layouts (self->site) : NULL;
  guint n = self->site ? g_list_model_get_n_items (G_LIST_MODEL (self->site)) : 0;

  add_choice (choices, current);
  for (guint i = 0; layouts && layouts[i]; i++)
    add_choice (choices, layouts[i]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (self->site), i);
      add_choice (choices, recap_post_get_layout (post));
    }
  g_ptr_array_add (choices, NULL);
  return gtk_string_list_new ((const char * const *) choices->pdata);
}

static GtkWidget *
choice_row_new (RecapFrontMatterForm *self,
                const char           *label,
                const char           *current)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) choices = layout_choices (self, current);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  g_signal_connect (row, "notify::selected", G_CALLBACK (choice_row_selected), self);
  return row;
}

/* Shows the value as written and, when an alias elsewhere reads it, why
 * the form leaves it alone. */
static GtkWidget *
read_only_row_new (RecapFrontMatterForm *self,
                   const RecapFormField *field,
                   const char           *label,
                   const char           *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit in Source"));
  g_autofree char *source = recap_form_field_dup_source (field, text);
  g_autofree char *subtitle = field->shared_notice != NULL
                              ? g_strdup_printf ("%s\n%s", source, field->shared_notice)
                              : g_strdup (source);

  /* YAML text such as "&anchor" is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), field->shared_notice != NULL ? 4 : 2);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (show_source_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
suggestion_accepted (RecapCompletion *completion,
                     const char      *suggestion,
                     GtkWidget       *row)
{
  g_signal_emit_by_name (row, "apply");
}

/* Fields such as the author suggest what the site already uses. */
static void
add_completion (RecapFrontMatterForm *self,
                GtkWidget            *row,
                const RecapFormField *field)
{
  g_auto(GStrv) suggestions = NULL;
  RecapCompletion *completion;

  /* A read-only row (a shared or long list, say) takes no typing. */
  if (!field->suggests || self->site == NULL ||
      !(RECAP_IS_CHIPS_ROW (row) || GTK_IS_EDITABLE (row)))
    return;

  suggestions = recap_site_collect_values (G_LIST_MODEL (self->site), field->key);
  if (RECAP_IS_CHIPS_ROW (row))
    {
      recap_chips_row_set_suggestions (RECAP_CHIPS_ROW (row), (const char * const *) suggestions);
      return;
    }
  completion = recap_completion_attach (row, GTK_EDITABLE (row));
  recap_completion_set_suggestions (completion, (const char * const *) suggestions);
  g_signal_connect_object (completion, "accepted", G_CALLBACK (suggestion_accepted), row, 0);
}

/* Attaches what the row edits to it, once. */
static void
attach_form_row (GtkWidget            *row,
                 const RecapFormField *field,
                 const char           *text)
{
  FormRow *data = g_new0 (FormRow, 1);

  data->path = g_strdup (field->path);
  data->kind = field->kind;
  if (field->kind == RECAP_FORM_FIELD_READ_ONLY)
    recap_form_field_get_position (field, text, &data->line, &data->column);
  g_object_set_data_full (G_OBJECT (row), FORM_ROW_KEY, data, (GDestroyNotify) form_row_free);
}

/* The prose fields, checked for spelling. */
static const char * const spell_checked_paths[] = { "title", "excerpt", "description", NULL };

static GtkWidget *
row_new (RecapFrontMatterForm *self,
         RecapFrontMatter     *fm,
         const char           *text,
         const RecapFormField *field)
{
  g_autofree char *value = recap_front_matter_get_string (fm, field->path);
  const char *label = field->label ? _(field->label) : field->key;
  GtkWidget *row;

  switch (field->kind)
    {
    case RECAP_FORM_FIELD_TEXT_AREA:
      row = recap_text_area_row_new (label);
      g_signal_connect (row, "changed", G_CALLBACK (text_area_row_changed), self);
      break;
    case RECAP_FORM_FIELD_DATE:
      row = date_row_new (self, label);
      break;
    case RECAP_FORM_FIELD_SWITCH:
      row = switch_row_new (self, label);
      break;
    case RECAP_FORM_FIELD_CHIPS:
      row = recap_chips_row_new (label);
      g_signal_connect (row, "changed", G_CALLBACK (chips_row_changed), self);
      break;
    case RECAP_FORM_FIELD_CHOICE:
      row = choice_row_new (self, label, value);
      break;
    case RECAP_FORM_FIELD_IMAGE:
      row = image_row_new (self, label);
      break;
    case RECAP_FORM_FIELD_MAP:
      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      break;
    case RECAP_FORM_FIELD_READ_ONLY:
      row = read_only_row_new (self, field, label, text);
      break;
    case RECAP_FORM_FIELD_TEXT:
    default:
      row = text_row_new (self, label);
      break;
    }

  attach_form_row (row, field, text);
  if (self->spell != NULL && g_strv_contains (spell_checked_paths, field->path))
    recap_spell_session_attach_field (self->spell, row);
  /* The core refuses to remove a value an alias reads: offer no button for it. */
  if (field->shared_notice == NULL)
    add_remove_button (self, row);
  add_completion (self, row, field);
  return row;
}

static void
append_row (RecapFrontMatterForm *self,
            RecapFrontMatter     *fm,
            const RecapFormField *field,
            const char           *text)
{
  GtkWidget *row = row_new (self, fm, text, field);
  GtkWidget *parent_row = field->parent ? g_hash_table_lookup (self->rows, field->parent) : NULL;

  name_buttons (row);
  if (parent_row != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent_row), row);
  else
    gtk_list_box_append (self->fields_list, row);
  g_hash_table_insert (self->rows, g_strdup (field->path), row);
}

static void
clear_rows (RecapFrontMatterForm *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->signature, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list))) != NULL)
    gtk_list_box_remove (self->fields_list, child);
}

/* Filling rows from the buffer */

static void
set_switch (GtkWidget        *row,
            RecapFrontMatter *fm)
{
  gboolean active = FALSE;

  recap_front_matter_get_boolean (fm, row_path (row), &active);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))), active);
}

static void
set_choice (GtkWidget  *row,
            const char *value)
{
  GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);
      if (g_strcmp0 (gtk_string_object_get_string (choice), value) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
}

static void
set_chips (GtkWidget        *row,
           RecapFrontMatter *fm)
{
  g_auto(GStrv) items = recap_front_matter_get_plain_list (fm, row_path (row));

  if (!recap_chips_row_has_items (RECAP_CHIPS_ROW (row), (const char * const *) items))
    recap_chips_row_set_items (RECAP_CHIPS_ROW (row), (const char * const *) items);
}

/* Typing in the row not yet applied to the buffer. */
static gboolean
row_has_pending_edit (GtkWidget *row)
{
  if (RECAP_IS_FIELD_ROW (row))
    return recap_field_row_get_pending (RECAP_FIELD_ROW (row));
  if (RECAP_IS_TEXT_AREA_ROW (row))
    return recap_text_area_row_get_pending (RECAP_TEXT_AREA_ROW (row));
  if (RECAP_IS_CHIPS_ROW (row))
    return *gtk_editable_get_text (recap_chips_row_get_editable (RECAP_CHIPS_ROW (row))) != '\0';
  return FALSE;
}

static gboolean
row_is_focused (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static void
fill_row (GtkWidget        *row,
          RecapFrontMatter *fm)
{
  g_autofree char *value = recap_front_matter_get_string (fm, row_path (row));

  /* Never pull the text from under someone typing in the form; a focused
   * row without typing follows the buffer (an undo, say), so that no apply
   * button stays for a value the buffer no longer holds. */
  if (row_is_focused (row) && row_has_pending_edit (row))
    return;

  switch (form_row_of (row)->kind)
    {
    case RECAP_FORM_FIELD_TEXT:
    case RECAP_FORM_FIELD_DATE:
    case RECAP_FORM_FIELD_IMAGE:
      recap_field_row_set_value (RECAP_FIELD_ROW (row), value ? value : "");
      break;
    case RECAP_FORM_FIELD_TEXT_AREA:
      recap_text_area_row_set_text (RECAP_TEXT_AREA_ROW (row), value ? value : "");
      break;
    case RECAP_FORM_FIELD_SWITCH:
      set_switch (row, fm);
      break;
    case RECAP_FORM_FIELD_CHIPS:
      set_chips (row, fm);
      break;
    case RECAP_FORM_FIELD_CHOICE:
      set_choice (row, value);
      break;
    case RECAP_FORM_FIELD_MAP:
    case RECAP_FORM_FIELD_READ_ONLY:
    default:
      break;
    }
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
    keys += recap_form_model_get_field (model, i)->parent == NULL;
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
  clear_rows (self);
  set_summary (self, NULL);
  gtk_label_set_label (self->notice_label, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_field_button), can_add);
  gtk_stack_set_visible_child_name (self->body_stack, "notice");
}

static void
show_fields (RecapFrontMatterForm *self,
             RecapFrontMatter     *fm,
             const char           *text)
{
  g_autoptr(RecapFormModel) model = recap_form_model_new (fm);
  guint fields = recap_form_model_get_n_fields (model);
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
    {
      clear_rows (self);
      for (guint i = 0; i < fields; i++)
        append_row (self, fm, recap_form_model_get_field (model, i), text);
      self->signature = g_strdup (signature);
    }

  set_summary (self, model);
  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    fill_row (row, fm);
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

/* A parse of the buffer's text, on the main thread or in a worker. */
typedef struct {
  char             *text;
  RecapFrontMatter *fm;    /* NULL when the YAML is invalid */
  guint             line;  /* of the error */
  guint             column;
} Parse;

static void
parse_free (Parse *parse)
{
  g_free (parse->text);
  g_clear_pointer (&parse->fm, recap_front_matter_unref);
  g_free (parse);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parse, parse_free)

static Parse *
parse_new (char *text)
{
  Parse *parse = g_new0 (Parse, 1);

  parse->text = text;
  parse->fm = recap_front_matter_parse_at (text, strlen (text), &parse->line, &parse->column, NULL);
  return parse;
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
  notice = recap_front_matter_get_read_only_notice (parse->fm);
  if (notice != NULL)
    show_notice (self, notice, FALSE);
  else if (!recap_front_matter_get_split (parse->fm)->present)
    {
      clear_rows (self);
      set_summary (self, NULL);
      gtk_stack_set_visible_child_name (self->body_stack, "empty");
    }
  else
    show_fields (self, parse->fm, parse->text);
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      text,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, parse_new (g_strdup (text)), (GDestroyNotify) parse_free);
}

static void
parse_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RecapFrontMatterForm *self = RECAP_FRONT_MATTER_FORM (source);
  g_autoptr(Parse) parse = g_task_propagate_pointer (G_TASK (result), NULL);

  /* NULL: a newer sync, or the form's end, cancelled it. */
  if (parse == NULL)
    return;
  g_clear_object (&self->parse_cancellable);
  show_parse (self, parse);
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
                    char                 *text)
{
  g_autoptr(GTask) task = NULL;

  self->parse_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->parse_cancellable, parse_done, NULL);
  g_task_set_task_data (task, text, g_free);
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

void
recap_front_matter_form_sync (RecapFrontMatterForm *self)
{
  g_autoptr(Parse) parse = NULL;
  char *text;

  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  g_clear_handle_id (&self->sync_source, g_source_remove);
  cancel_parse (self);
  if (self->document == NULL)
    {
      clear_rows (self);
      set_summary (self, NULL);
      set_string_property (self, &self->title, NULL, PROP_TITLE);
      return;
    }

  text = dup_front_matter_text (self->document);
  if (is_big_front_matter (text))
    {
      start_parse_thread (self, text);
      return;
    }
  parse = parse_new (text);
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

  run_edit (self, edit_create_block, &args);
}

static void
add_field (RecapFrontMatterForm *self)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (self->new_key_entry)));
  EditArgs args = { .path = key, .value = "" };

  if (*key == '\0')
    return;
  run_edit (self, edit_add_key, &args);
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
  clear_rows (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (queue_sync), self);
  recap_front_matter_form_sync (self);
}

void
recap_front_matter_form_set_site (RecapFrontMatterForm *self,
                                  RecapSite            *site)
{
  g_return_if_fail (RECAP_IS_FRONT_MATTER_FORM (self));

  g_set_object (&self->site, site);
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
    if (row_is_focused (row) && row_has_pending_edit (row))
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
  cancel_parse (self);
  g_clear_object (&self->site);
  g_clear_object (&self->spell);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->title, g_free);
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
  name_buttons (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "form-expanded", self->expand_button, "active", G_SETTINGS_BIND_DEFAULT);
  expanded_changed (self);
}
