/* recap-taxonomy-window.c: the taxonomy manager — a site's tags,
 * categories or authors with their counts in a sortable, searchable
 * GtkColumnView; Rename, Merge (also a row dragged onto another) and
 * Delete run recap_edit_values() over the posts that have them (one site
 * operation each, undone from the main window), and near-duplicates are
 * offered for merging.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "recap-background.h"
#include "recap-bulk-edit.h"
#include "recap-compat.h"
#include "recap-completion.h"
#include "recap-taxonomy-window.h"

struct _RecapTaxonomyWindow
{
  AdwWindow            parent_instance;

  RecapSite           *site;
  RecapTaxonomy        taxonomy;
  GHashTable          *counts;      /* name → count */
  GPtrArray           *suggestions; /* GStrv groups of near-duplicates */
  GtkStringList       *names;       /* owned by the filter model */
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;
  GtkCustomFilter     *filter;
  char                *search;      /* folded */
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *count_column;
  guint                refresh_id;
  gboolean             busy;

  AdwToastOverlay     *toast_overlay;
  GtkDropDown         *kind_dropdown;
  GtkSearchEntry      *search_entry;
  GtkColumnView       *view;
  GtkListBox          *suggestions_list;
  GtkWidget           *suggestions_box;
  GtkWidget           *rename_button;
  GtkWidget           *merge_button;
  GtkWidget           *delete_button;
  GtkWidget           *posts_button;
};

G_DEFINE_FINAL_TYPE (RecapTaxonomyWindow, recap_taxonomy_window, ADW_TYPE_WINDOW)

enum {
  EDITED,
  SHOW_POSTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const query_keywords[] = {
  [RECAP_TAXONOMY_TAGS] = "tag",
  [RECAP_TAXONOMY_CATEGORIES] = "category",
  [RECAP_TAXONOMY_AUTHORS] = "author",
};

guint
recap_taxonomy_window_get_count (RecapTaxonomyWindow *self,
                                 const char          *name)
{
  g_return_val_if_fail (RECAP_IS_TAXONOMY_WINDOW (self), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, name));
}

/* The selection */

static GStrv
dup_selected (RecapTaxonomyWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      g_strv_builder_add (builder, gtk_string_object_get_string (item));
    }
  return g_strv_builder_end (builder);
}

static void
update_buttons (RecapTaxonomyWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = gtk_bitset_get_size (selected);

  gtk_widget_set_sensitive (self->rename_button, !self->busy && n == 1);
  gtk_widget_set_sensitive (self->posts_button, n == 1);
  gtk_widget_set_sensitive (self->merge_button, !self->busy && n >= 2);
  gtk_widget_set_sensitive (self->delete_button, !self->busy && n >= 1);
}

/* Counts and suggestions, from the site's posts */

static void
merge_suggestion_clicked (GtkButton           *button,
                          RecapTaxonomyWindow *self)
{
  GStrv group = g_object_get_data (G_OBJECT (button), "recap-group");

  recap_taxonomy_window_run (self, (const char * const *) group, group[0]);
}

static GtkWidget *
suggestion_row_new (RecapTaxonomyWindow *self,
                    GStrv                group)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *label = g_strdup_printf (_("Merge into “%s”"), group[0]);
  GtkWidget *button = gtk_button_new_with_label (label);

  for (guint i = 0; group[i] != NULL; i++)
    g_string_append_printf (title, "%s%s (%u)", i ? ", " : "", group[i],
                            recap_taxonomy_window_get_count (self, group[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "recap-group", g_strdupv (group), (GDestroyNotify) g_strfreev);
  g_signal_connect (button, "clicked", G_CALLBACK (merge_suggestion_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_suggestions (RecapTaxonomyWindow *self,
                  GPtrArray           *entries)
{
  GtkWidget *child;

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = recap_taxonomy_near_duplicates (entries);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);
  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_append (self->suggestions_list, suggestion_row_new (self, self->suggestions->pdata[i]));
  gtk_widget_set_visible (self->suggestions_box, self->suggestions->len > 0);
}

static void
refresh (RecapTaxonomyWindow *self)
{
  g_autoptr(GPtrArray) entries = recap_taxonomy_count (G_LIST_MODEL (self->site), self->taxonomy);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_hash_table_remove_all (self->counts);
  for (guint i = 0; i < entries->len; i++)
    {
      RecapTaxonomyEntry *entry = entries->pdata[i];

      g_hash_table_insert (self->counts, g_strdup (entry->name), GUINT_TO_POINTER (entry->count));
      g_strv_builder_add (builder, entry->name);
    }
  names = g_strv_builder_end (builder);
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          (const char * const *) names);
  fill_suggestions (self, entries);
  update_buttons (self);
}

static gboolean
refresh_idle (gpointer data)
{
  RecapTaxonomyWindow *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Posts change a few at a time (after an operation, each file reloads): one count after them. */
static void
site_changed (RecapTaxonomyWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, refresh_idle, self);
}

/* Operations */

typedef struct {
  RecapTaxonomyWindow *window;
  GPtrArray           *files;
  GStrv                old_values;
  char                *new_value;
  char                *label;
  RecapValueEdit       edit;
  RecapBulkEdit       *bulk;
} Operation;

static void
operation_free (Operation *op)
{
  g_clear_object (&op->window);
  g_clear_pointer (&op->files, g_ptr_array_unref);
  g_clear_pointer (&op->old_values, g_strfreev);
  g_clear_pointer (&op->bulk, recap_bulk_edit_free);
  g_free (op->new_value);
  g_free (op->label);
  g_free (op);
}

static void
operation_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;
  gboolean ok = recap_bulk_edit_apply (op->bulk, op->files, recap_edit_values, &op->edit,
                                       NULL, NULL, cancellable, &error);

  recap_background_return_boolean (task, ok, error);
}

static void
operation_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RecapTaxonomyWindow *self = RECAP_TAXONOMY_WINDOW (object);
  Operation *op = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  if (recap_bulk_edit_get_n_changed (op->bulk) > 0)
    g_signal_emit (self, signals[EDITED], 0, op->label, g_steal_pointer (&op->bulk));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  site_changed (self);
}

/* Renaming to a name in use is a merge too. */
static const char *
operation_label (RecapTaxonomyWindow *self,
                 const char * const  *names,
                 const char          *new_name)
{
  if (new_name == NULL)
    return _("Delete");
  return g_strv_length ((GStrv) names) > 1 || g_hash_table_contains (self->counts, new_name) ? _("Merge") : _("Rename");
}

void
recap_taxonomy_window_run (RecapTaxonomyWindow *self,
                           const char * const  *names,
                           const char          *new_name)
{
  g_autoptr(GTask) task = NULL;
  Operation *op;
  static const char * const kinds[] = {
    [RECAP_TAXONOMY_TAGS] = N_("Tag"),
    [RECAP_TAXONOMY_CATEGORIES] = N_("Category"),
    [RECAP_TAXONOMY_AUTHORS] = N_("Author"),
  };

  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));
  g_return_if_fail (names != NULL && names[0] != NULL);

  if (self->busy)
    return;
  op = g_new0 (Operation, 1);
  op->window = g_object_ref (self);
  op->old_values = g_strdupv ((GStrv) names);
  op->new_value = g_strdup (new_name);
  /* TRANSLATORS: "Merge Tag", "Delete Category", "Rename Author" */
  op->label = g_strdup_printf (_("%s %s"), operation_label (self, names, new_name), _(kinds[self->taxonomy]));
  op->edit = (RecapValueEdit) { self->taxonomy, (const char * const *) op->old_values, op->new_value };
  op->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) files = recap_taxonomy_files_with (G_LIST_MODEL (self->site), self->taxonomy, names[i]);

      for (guint f = 0; f < files->len; f++)
        if (!g_ptr_array_find_with_equal_func (op->files, files->pdata[f], (GEqualFunc) g_file_equal, NULL))
          g_ptr_array_add (op->files, g_object_ref (files->pdata[f]));
    }
  op->bulk = recap_bulk_edit_new ();
  self->busy = TRUE;
  update_buttons (self);
  task = g_task_new (self, NULL, operation_done, NULL);
  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);
  g_task_run_in_thread (task, operation_thread);
}

void
recap_taxonomy_window_merge_into (RecapTaxonomyWindow *self,
                                  const char * const  *names,
                                  const char          *into)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));
  g_return_if_fail (names != NULL && into != NULL);

  /* As Merge… does: the target among the names, so the label says "Merge". */
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_str_equal (names[i], into))
      g_strv_builder_add (builder, names[i]);
  g_strv_builder_add (builder, into);
  all = g_strv_builder_end (builder);
  recap_taxonomy_window_run (self, (const char * const *) all, into);
}

/* Dialogs */

static void
name_response (RecapAlert          *dialog,
               const char          *response,
               RecapTaxonomyWindow *self)
{
  GStrv names = g_object_get_data (G_OBJECT (dialog), "recap-names");
  GtkEditable *entry = GTK_EDITABLE (recap_alert_get_extra_child (dialog));
  g_autofree char *name = entry ? g_strstrip (g_strdup (gtk_editable_get_text (entry))) : NULL;

  if (g_str_equal (response, "delete"))
    recap_taxonomy_window_run (self, (const char * const *) names, NULL);
  else if (g_str_equal (response, "apply") && name != NULL && *name != '\0')
    recap_taxonomy_window_run (self, (const char * const *) names, name);
}

/* Under the name typed, how many posts have it already: renaming to it merges. */
static void
name_changed (GtkEditable         *entry,
              RecapAlert          *dialog)
{
  RecapTaxonomyWindow *self = g_object_get_data (G_OBJECT (dialog), "recap-window");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  guint count = recap_taxonomy_window_get_count (self, name);
  g_autofree char *text = NULL;

  if (count > 0)
    text = g_strdup_printf (ngettext ("“%s” is on %u post already: the two merge",
                                      "“%s” is on %u posts already: the two merge", count), name, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), text);
  recap_alert_set_response_enabled (dialog, "apply", *name != '\0');
}

static guint
total_posts (RecapTaxonomyWindow *self,
             GStrv                names)
{
  guint total = 0;

  for (guint i = 0; names[i] != NULL; i++)
    total += recap_taxonomy_window_get_count (self, names[i]);
  return total;
}

static void
ask_name (RecapTaxonomyWindow *self,
          GStrv                names,
          const char          *heading,
          const char          *initial)
{
  RecapAlert *dialog = RECAP_ALERT (recap_compat_alert_new (heading, NULL));
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *joined = g_strjoinv (", ", names);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  recap_alert_format_body (dialog, ngettext ("%s, on %u post", "%s, on %u posts", total_posts (self, names)),
                           joined, total_posts (self, names));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->names)); i++)
    g_strv_builder_add (builder, gtk_string_list_get_string (self->names, i));
  all = g_strv_builder_end (builder);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  /* Type-ahead over the names in use, most used first. */
  recap_completion_set_suggestions (recap_completion_attach (entry, GTK_EDITABLE (entry)), (const char * const *) all);
  recap_alert_set_extra_child (dialog, entry);
  recap_alert_add_responses (dialog, "cancel", _("_Cancel"), "apply", heading, NULL);
  recap_alert_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  recap_alert_set_default_response (dialog, "apply");
  recap_alert_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "recap-window", self);
  g_object_set_data_full (G_OBJECT (dialog), "recap-names", g_strdupv (names), (GDestroyNotify) g_strfreev);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response), self);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

static void confirm_delete (RecapTaxonomyWindow *self, GStrv names);

void
recap_taxonomy_window_start (RecapTaxonomyWindow *self,
                             const char          *operation,
                             const char          *name)
{
  GStrv names = (char *[]) { (char *) name, NULL };

  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));

  /* No name yet: the tags, found by typing in the search, then Rename. */
  if (name == NULL)
    {
      recap_taxonomy_window_set_taxonomy (self, RECAP_TAXONOMY_TAGS);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else if (g_str_equal (operation, "rename"))
    ask_name (self, names, _("Rename"), name);
  else if (g_str_equal (operation, "merge"))
    ask_name (self, names, _("Merge"), "");
  else if (g_str_equal (operation, "delete"))
    confirm_delete (self, names);
}

static void
rename_clicked (RecapTaxonomyWindow *self)
{
  g_auto(GStrv) names = dup_selected (self);

  if (g_strv_length (names) == 1)
    ask_name (self, names, _("Rename"), names[0]);
}

/* Merging into the most used of the selected names, unless the user types another. */
static void
merge_clicked (RecapTaxonomyWindow *self)
{
  g_auto(GStrv) names = dup_selected (self);
  const char *most = names[0];

  for (guint i = 1; names[i] != NULL; i++)
    if (recap_taxonomy_window_get_count (self, names[i]) > recap_taxonomy_window_get_count (self, most))
      most = names[i];
  if (g_strv_length (names) >= 2)
    ask_name (self, names, _("Merge"), most);
}

static void
confirm_delete (RecapTaxonomyWindow *self,
                GStrv                names)
{
  g_autofree char *joined = g_strjoinv (", ", names);
  guint total = total_posts (self, names);
  RecapAlert *dialog;

  dialog = RECAP_ALERT (recap_compat_alert_new (_("Delete from Every Post?"), NULL));
  recap_alert_format_body (dialog, ngettext ("%s will be removed from %u post.",
                                             "%s will be removed from %u posts.", total), joined, total);
  recap_alert_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  recap_alert_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  recap_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recap-names", g_strdupv (names), (GDestroyNotify) g_strfreev);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response), self);
  recap_compat_present (GTK_WIDGET (dialog), GTK_WINDOW (self));
}

static void
delete_clicked (RecapTaxonomyWindow *self)
{
  g_auto(GStrv) names = dup_selected (self);

  if (names[0] != NULL)
    confirm_delete (self, names);
}

static void
show_posts (RecapTaxonomyWindow *self,
            const char          *name)
{
  g_autofree char *query = g_strdup_printf ("%s:\"%s\"", query_keywords[self->taxonomy], name);

  g_signal_emit (self, signals[SHOW_POSTS], 0, query);
}

static void
posts_clicked (RecapTaxonomyWindow *self)
{
  g_auto(GStrv) names = dup_selected (self);

  if (names[0] != NULL)
    show_posts (self, names[0]);
}

static void
row_activated (RecapTaxonomyWindow *self,
               guint                position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  show_posts (self, gtk_string_object_get_string (item));
}

/* The list */

static gboolean
filter_name (gpointer item,
             gpointer user_data)
{
  RecapTaxonomyWindow *self = user_data;
  g_autofree char *folded = NULL;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  folded = recap_taxonomy_fold (gtk_string_object_get_string (item));
  return strstr (folded, self->search) != NULL;
}

static void
search_changed (RecapTaxonomyWindow *self)
{
  g_free (self->search);
  self->search = recap_taxonomy_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
kind_changed (RecapTaxonomyWindow *self)
{
  recap_taxonomy_window_set_taxonomy (self, gtk_drop_down_get_selected (self->kind_dropdown));
}

/* Dragging one row onto another merges: the dragged names (the selection,
 * when the row is in it) travel as a GStrv inside the window. */

static const char *
item_name (GtkListItem *item)
{
  GtkStringObject *object = gtk_list_item_get_item (item);

  return object ? gtk_string_object_get_string (object) : NULL;
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkListItem   *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  RecapTaxonomyWindow *self = RECAP_TAXONOMY_WINDOW (gtk_widget_get_root (widget));
  g_auto(GStrv) names = NULL;

  if (item_name (item) == NULL)
    return NULL;
  names = gtk_list_item_get_selected (item) ? dup_selected (self)
                                            : g_strdupv ((char *[]) { (char *) item_name (item), NULL });
  return gdk_content_provider_new_typed (G_TYPE_STRV, names);
}

static gboolean
drop_names (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListItem   *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  RecapTaxonomyWindow *self = RECAP_TAXONOMY_WINDOW (gtk_widget_get_root (widget));
  const char * const *names = g_value_get_boxed (value);
  const char *into = item_name (item);

  /* A row dropped on itself is no merge. */
  if (into == NULL || self->busy || names == NULL || names[0] == NULL ||
      (names[1] == NULL && g_str_equal (names[0], into)))
    return FALSE;
  recap_taxonomy_window_merge_into (self, names, into);
  return TRUE;
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRV, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_names), item);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
bind_count (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            RecapTaxonomyWindow      *self)
{
  g_autofree char *text = g_strdup_printf ("%u", recap_taxonomy_window_get_count (
                                             self, gtk_string_object_get_string (gtk_list_item_get_item (item))));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static guint
count_of (GtkStringObject     *item,
          RecapTaxonomyWindow *self)
{
  return recap_taxonomy_window_get_count (self, gtk_string_object_get_string (item));
}

static GtkColumnViewColumn *
add_column (RecapTaxonomyWindow *self,
            const char          *title,
            gboolean             numeric,
            GtkSorter           *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (numeric));
  if (numeric)
    g_signal_connect (factory, "bind", G_CALLBACK (bind_count), self);
  else
    g_signal_connect (factory, "bind", G_CALLBACK (bind_name), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, !numeric);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static void
init_list (RecapTaxonomyWindow *self)
{
  GtkExpression *name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkExpression *count = gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL, G_CALLBACK (count_of), self, NULL);

  self->names = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_name, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->names), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  self->name_column = add_column (self, _("Name"), FALSE, GTK_SORTER (gtk_string_sorter_new (name)));
  self->count_column = add_column (self, _("Posts"), TRUE, GTK_SORTER (gtk_numeric_sorter_new (count)));
  gtk_column_view_sort_by_column (self->view, self->count_column, GTK_SORT_DESCENDING);
}

/* Public API */

void
recap_taxonomy_window_set_taxonomy (RecapTaxonomyWindow *self,
                                    RecapTaxonomy        taxonomy)
{
  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));

  self->taxonomy = taxonomy;
  if (gtk_drop_down_get_selected (self->kind_dropdown) != taxonomy)
    gtk_drop_down_set_selected (self->kind_dropdown, taxonomy);
  refresh (self);
}

GListModel *
recap_taxonomy_window_get_rows (RecapTaxonomyWindow *self)
{
  g_return_val_if_fail (RECAP_IS_TAXONOMY_WINDOW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
recap_taxonomy_window_get_selection (RecapTaxonomyWindow *self)
{
  g_return_val_if_fail (RECAP_IS_TAXONOMY_WINDOW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

void
recap_taxonomy_window_sort_by (RecapTaxonomyWindow *self,
                               const char          *column,
                               GtkSortType          order)
{
  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));
  gtk_column_view_sort_by_column (self->view, g_str_equal (column, "count") ? self->count_column : self->name_column,
                                  order);
}

void
recap_taxonomy_window_set_search (RecapTaxonomyWindow *self,
                                  const char          *text)
{
  g_return_if_fail (RECAP_IS_TAXONOMY_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed (self);
}

GPtrArray *
recap_taxonomy_window_get_suggestions (RecapTaxonomyWindow *self)
{
  g_return_val_if_fail (RECAP_IS_TAXONOMY_WINDOW (self), NULL);
  return self->suggestions;
}

gboolean
recap_taxonomy_window_is_busy (RecapTaxonomyWindow *self)
{
  g_return_val_if_fail (RECAP_IS_TAXONOMY_WINDOW (self), FALSE);
  return self->busy || self->refresh_id != 0;
}

/* GObject */

static void
recap_taxonomy_window_dispose (GObject *object)
{
  RecapTaxonomyWindow *self = RECAP_TAXONOMY_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_object (&self->site);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (recap_taxonomy_window_parent_class)->dispose (object);
}

static void
recap_taxonomy_window_class_init (RecapTaxonomyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_taxonomy_window_dispose;

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_POINTER);
  signals[SHOW_POSTS] = g_signal_new ("show-posts", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-taxonomy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, view);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RecapTaxonomyWindow, posts_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, rename_clicked);
  gtk_widget_class_bind_template_callback (widget_class, merge_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, posts_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
recap_taxonomy_window_init (RecapTaxonomyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  init_list (self);
}

RecapTaxonomyWindow *
recap_taxonomy_window_new (GtkWindow *parent,
                           RecapSite *site)
{
  RecapTaxonomyWindow *self = g_object_new (RECAP_TYPE_TAXONOMY_WINDOW, "transient-for", parent, NULL);

  self->site = g_object_ref (site);
  g_signal_connect_object (site, "items-changed", G_CALLBACK (site_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
