/* recap-front-matter-form-rows.c
 *
 * The rows of the front-matter form: one widget per field kind (text,
 * date, switch, chips, layout choice, image, mapping, read-only), filled
 * from the parsed front matter, and each row's change turned into a
 * lossless core edit applied to the buffer as one user action.
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
#include "recap-front-matter-form-private.h"
#include "recap-site-ops.h"
#include "recap-text-area-row.h"

static void
form_row_free (FormRow *data)
{
  g_free (data->path);
  g_free (data->inherited);
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

void
recap_front_matter_form_run_edit (RecapFrontMatterForm *self,
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
      g_signal_emit_by_name (self, "message", error->message);
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
edit_remove_key (const char *text, gsize len, const EditArgs *args,
                 RecapFrontMatterEdit *out, GError **error)
{
  return recap_front_matter_remove_key (text, len, args->path, out, error);
}

static void
set_string (RecapFrontMatterForm *self,
            GtkWidget            *row,
            const char           *value)
{
  EditArgs args = { .path = row_path (row), .value = value };

  recap_front_matter_form_run_edit (self, edit_set_string, &args);
}

/* Row callbacks */

static void
remove_key (RecapFrontMatterForm *self,
            GtkWidget            *row)
{
  EditArgs args = { .path = row_path (row) };

  recap_front_matter_form_run_edit (self, edit_remove_key, &args);
}

/* Emptied where _config.yml gives a value, the key goes: the post inherits
 * the value again, and no empty key is written for it. */
static void
text_row_applied (RecapFieldRow        *row,
                  RecapFrontMatterForm *self)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (row));
  const FormRow *data = form_row_of (GTK_WIDGET (row));

  if (*value == '\0' && data->inherited != NULL)
    {
      if (!data->absent)
        remove_key (self, GTK_WIDGET (row));
      return;
    }
  set_string (self, GTK_WIDGET (row), value);
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

  recap_front_matter_form_run_edit (self, edit_set_boolean, &args);
}

static void
chips_row_changed (RecapChipsRow        *row,
                   RecapFrontMatterForm *self)
{
  g_auto(GStrv) items = recap_chips_row_dup_items (row);
  EditArgs args = { .path = row_path (GTK_WIDGET (row)), .items = (const char * const *) items };

  recap_front_matter_form_run_edit (self, edit_set_list, &args);
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
  remove_key (self, GTK_WIDGET (button));
}

static void
show_source_clicked (GtkButton            *button,
                     RecapFrontMatterForm *self)
{
  const FormRow *data = form_row_of (GTK_WIDGET (button));

  g_signal_emit_by_name (self, "show-source", data->line, data->column);
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
void
recap_front_matter_form_name_buttons (GtkWidget *root)
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
    recap_front_matter_form_name_buttons (child);
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
      g_signal_emit_by_name (self, "message", _("Choose an image inside the site folder"));
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
  data->inherited = g_strdup (field->inherited);
  data->absent = field->absent;
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
  if (field->inherited != NULL && RECAP_IS_FIELD_ROW (row))
    {
      /* TRANSLATORS: a value the post inherits and the file it comes from,
       * e.g. "news_item — from _config.yml". */
      g_autofree char *placeholder = g_strdup_printf (_("%s — from %s"), field->inherited,
                                                      self->config_name ? self->config_name : "_config.yml");
      recap_field_row_set_placeholder (RECAP_FIELD_ROW (row), placeholder);
    }
  if (self->spell != NULL && g_strv_contains (spell_checked_paths, field->path))
    recap_spell_session_attach_field (self->spell, row);
  /* The core refuses to remove a value an alias reads: offer no button for it. */
  if (field->shared_notice == NULL && !field->absent)
    add_remove_button (self, row);
  add_completion (self, row, field);
  return row;
}

void
recap_front_matter_form_append_row (RecapFrontMatterForm *self,
            RecapFrontMatter     *fm,
            const RecapFormField *field,
            const char           *text)
{
  GtkWidget *row = row_new (self, fm, text, field);
  GtkWidget *parent_row = field->parent ? g_hash_table_lookup (self->rows, field->parent) : NULL;

  recap_front_matter_form_name_buttons (row);
  if (parent_row != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent_row), row);
  else
    gtk_list_box_append (self->fields_list, row);
  g_hash_table_insert (self->rows, g_strdup (field->path), row);
}

void
recap_front_matter_form_clear_rows (RecapFrontMatterForm *self)
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

gboolean
recap_front_matter_form_row_is_typed_in (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0 &&
         row_has_pending_edit (row);
}

void
recap_front_matter_form_fill_row (GtkWidget        *row,
          RecapFrontMatter *fm)
{
  g_autofree char *value = recap_front_matter_get_string (fm, row_path (row));

  /* Never pull the text from under someone typing in the form; a focused
   * row without typing follows the buffer (an undo, say), so that no apply
   * button stays for a value the buffer no longer holds. */
  if (recap_front_matter_form_row_is_typed_in (row))
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
