/* recap-content-table.c: the site's posts as a table — one GtkColumnView
 * over the posts filtered by a typed query (shown as chips) and sorted by
 * the column the user picks; columns chosen from the header menu and kept
 * in GSettings; many posts selected at once, with check boxes in selection
 * mode, for the window's bulk edits.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "recap-completion.h"
#include "recap-content-table.h"
#include "recap-live-search.h"
#include "recap-post-query.h"
#include "recap-search-text.h"
#include "recap-taxonomy.h"

typedef enum {
  COLUMN_TITLE,
  COLUMN_DATE,
  COLUMN_STATUS,
  COLUMN_AUTHORS,
  COLUMN_TAGS,
  COLUMN_CATEGORIES,
  COLUMN_COLLECTION,
  COLUMN_WORDS,
  COLUMN_MODIFIED,
  N_COLUMNS
} Column;

static const struct {
  const char *id;
  const char *title;
  gboolean    numeric; /* sorted as a number, and right-aligned */
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_TITLE] = { "title", N_("Title"), FALSE, TRUE },
  [COLUMN_DATE] = { "date", N_("Date"), TRUE, FALSE },
  [COLUMN_STATUS] = { "status", N_("Status"), FALSE, FALSE },
  [COLUMN_AUTHORS] = { "authors", N_("Authors"), FALSE, FALSE },
  [COLUMN_TAGS] = { "tags", N_("Tags"), FALSE, FALSE },
  [COLUMN_CATEGORIES] = { "categories", N_("Categories"), FALSE, FALSE },
  [COLUMN_COLLECTION] = { "collection", N_("Collection"), FALSE, FALSE },
  [COLUMN_WORDS] = { "words", N_("Words"), TRUE, FALSE },
  [COLUMN_MODIFIED] = { "modified", N_("Modified"), TRUE, FALSE },
};

static const char * const status_labels[] = {
  [RECAP_POST_STATUS_PUBLISHED] = N_("Published"),
  [RECAP_POST_STATUS_DRAFT] = N_("Draft"),
  [RECAP_POST_STATUS_UNPUBLISHED] = N_("Unpublished"),
  [RECAP_POST_STATUS_FUTURE] = N_("Future"),
};

/* What typing a bare word offers: the filters' keywords. */
static const char * const keyword_suggestions[] = {
  "tag:", "category:", "author:", "year:", "status:", "collection:", "draft:yes", "draft:no", NULL,
};

struct _RecapContentTable
{
  AdwBin               parent_instance;

  GSettings           *settings;
  GListModel          *posts;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;
  GtkCustomFilter     *filter;      /* the filter model's while the query is not empty */
  RecapPostQuery      *query;
  char                *query_text;
  RecapLiveSearch     *text_search; /* the query's longest word of text, in @posts */
  char                *text_word;   /* that word folded; NULL when the query has none */
  RecapPostQuery      *rest;        /* the query without it, asked of the posts found */
  GDateTime           *now;        /* what "future" is measured against */
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkColumnViewColumn *check_column;
  GMenu               *columns_menu;
  GSimpleActionGroup  *actions;
  RecapCompletion     *completion;  /* lives as long as the search entry */
  GStrv                suggestions[RECAP_QUERY_TEXT]; /* by field, made when first asked */
  gboolean             select_when_done;
  guint                select_source;

  GtkSearchEntry      *search_entry;
  GtkToggleButton     *select_button;
  GtkMenuButton       *columns_button;
  GtkFlowBox          *chips_box;
  GtkColumnView       *view;
  GtkLabel            *status_label;
};

G_DEFINE_FINAL_TYPE (RecapContentTable, recap_content_table, ADW_TYPE_BIN)

enum {
  POST_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Cells */

static char *
join_values (const char * const *values)
{
  return values ? g_strjoinv (", ", (GStrv) values) : g_strdup ("");
}

static char *
cell_text (RecapContentTable *self,
           RecapPost         *post,
           Column             column)
{
  GDateTime *date = recap_post_get_date (post);
  gint64 modified = recap_post_get_modified (post);
  g_autoptr(GDateTime) modified_date = NULL;
  const char *author;

  switch (column)
    {
    case COLUMN_TITLE:
      return g_strdup (recap_post_get_title (post));
    case COLUMN_DATE:
      return date ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");
    case COLUMN_STATUS:
      return g_strdup (_(status_labels[recap_post_get_status (post, self->now)]));
    case COLUMN_AUTHORS:
      author = recap_post_get_author (post);
      return g_strdup (author ? author : "");
    case COLUMN_TAGS:
      return join_values (recap_post_get_tags (post));
    case COLUMN_CATEGORIES:
      return join_values (recap_post_get_categories (post));
    case COLUMN_COLLECTION:
      return recap_post_dup_collection (post);
    case COLUMN_WORDS:
      return g_strdup_printf ("%u", recap_post_get_words (post));
    case COLUMN_MODIFIED:
    default:
      if (modified == 0)
        return g_strdup ("");
      modified_date = g_date_time_new_from_unix_local (modified / G_USEC_PER_SEC);
      return g_date_time_format (modified_date, "%Y-%m-%d %H:%M");
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), columns[GPOINTER_TO_INT (column)].numeric ? 1 : 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  RecapContentTable *self = g_object_get_data (G_OBJECT (factory), "recap-table");
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), GPOINTER_TO_INT (column));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* The check box of selection mode shows and sets the row's selection. */
static void
check_toggled (GtkCheckButton *check,
               GtkListItem    *item)
{
  RecapContentTable *self = g_object_get_data (G_OBJECT (check), "recap-table");
  guint position = gtk_list_item_get_position (item);
  gboolean active = gtk_check_button_get_active (check);

  if (position == GTK_INVALID_LIST_POSITION || active == gtk_list_item_get_selected (item))
    return;
  if (active)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
  else
    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (self->selection), position);
}

static void
setup_check (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RecapContentTable        *self)
{
  GtkWidget *check = gtk_check_button_new ();

  g_object_set_data (G_OBJECT (check), "recap-table", self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Selected"), -1);
  g_object_bind_property (item, "selected", check, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), item);
  gtk_list_item_set_child (item, check);
}

/* Sorting: a GtkCustomSorter per column, comparing keys made once per post
 * and kept on it. GTK 4.8's sort model makes the keys of a GtkStringSorter
 * or GtkNumericSorter for every row in one go when the sort starts (through
 * a closure per post: 100-170 ms of main-loop CPU at 100,000 posts), where a
 * custom sorter's keys are the posts themselves and each key here is made
 * at its first comparison, inside the model's 1 ms incremental steps. */

typedef struct {
  RecapContentTable *table;
  Column             column;
} SortColumn;

typedef struct {
  char *text[N_COLUMNS]; /* folded collation keys, made on first need */
} SortKeys;

G_DEFINE_QUARK (recap-content-table-sort-keys, sort_keys)

static void
sort_keys_free (gpointer data)
{
  SortKeys *keys = data;

  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (keys->text[c]);
  g_free (keys);
}

static const char *
sort_key (RecapContentTable *self,
          RecapPost         *post,
          Column             column)
{
  SortKeys *keys = g_object_get_qdata (G_OBJECT (post), sort_keys_quark ());

  if (keys == NULL)
    {
      keys = g_new0 (SortKeys, 1);
      g_object_set_qdata_full (G_OBJECT (post), sort_keys_quark (), keys, sort_keys_free);
    }
  if (keys->text[column] == NULL)
    {
      g_autofree char *text = cell_text (self, post, column);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      keys->text[column] = g_utf8_collate_key (folded, -1);
    }
  return keys->text[column];
}

/* Posts changed in place (an edit, a change on disk) sort by their new values. */
static void
forget_sort_keys (GListModel *posts,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) post = g_list_model_get_item (posts, i);

      g_object_set_qdata (post, sort_keys_quark (), NULL);
    }
}

static gint64
sort_number (RecapPost *post,
             Column     column)
{
  GDateTime *date;

  switch (column)
    {
    case COLUMN_DATE:
      date = recap_post_get_date (post);
      return date ? g_date_time_to_unix (date) : G_MININT64;
    case COLUMN_WORDS:
      return recap_post_get_words (post);
    case COLUMN_MODIFIED:
    default:
      return recap_post_get_modified (post);
    }
}

static int
compare_posts (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  SortColumn *sort = data;
  RecapPost *post_a = RECAP_POST ((gpointer) a), *post_b = RECAP_POST ((gpointer) b);

  if (columns[sort->column].numeric)
    {
      gint64 number_a = sort_number (post_a, sort->column), number_b = sort_number (post_b, sort->column);

      return (number_a > number_b) - (number_a < number_b);
    }
  return strcmp (sort_key (sort->table, post_a, sort->column), sort_key (sort->table, post_b, sort->column));
}

static GtkSorter *
column_sorter (RecapContentTable *self,
               Column             column)
{
  SortColumn *sort = g_new (SortColumn, 1);

  sort->table = self;
  sort->column = column;
  return GTK_SORTER (gtk_custom_sorter_new (compare_posts, sort, g_free));
}

/* Columns */

static void
save_columns (RecapContentTable *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (gtk_column_view_column_get_visible (self->columns[c]))
      g_strv_builder_add (builder, columns[c].id);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "table-columns", (const char * const *) ids);
}

static void
column_action_changed (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  RecapContentTable *self = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (action), "recap-column"));

  g_simple_action_set_state (action, state);
  gtk_column_view_column_set_visible (self->columns[column], g_variant_get_boolean (state));
  save_columns (self);
}

/* The columns the settings name are shown, in the table's order. */
static void
load_columns (RecapContentTable *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "table-columns");

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      gboolean visible = g_strv_contains ((const char * const *) ids, columns[c].id);
      g_autofree char *name = g_strconcat ("column-", columns[c].id, NULL);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (visible));
      gtk_column_view_column_set_visible (self->columns[c], visible);
    }
}

static void
add_column (RecapContentTable *self,
            Column             column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autofree char *name = g_strconcat ("column-", columns[column].id, NULL);
  g_autofree char *detailed = g_strconcat ("table.", name, NULL);
  GSimpleAction *action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "recap-table", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (_(columns[column].title), factory);
  sorter = column_sorter (self, column);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, columns[column].expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_header_menu (view_column, G_MENU_MODEL (self->columns_menu));
  gtk_column_view_append_column (self->view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);

  g_object_set_data (G_OBJECT (action), "recap-column", GINT_TO_POINTER (column));
  g_signal_connect (action, "change-state", G_CALLBACK (column_action_changed), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
  g_object_unref (action);
  g_menu_append (self->columns_menu, _(columns[column].title), detailed);
}

static void
add_check_column (RecapContentTable *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_check), self);
  self->check_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_column_set_visible (self->check_column, FALSE);
  gtk_column_view_append_column (self->view, self->check_column);
  g_object_unref (self->check_column);
}

static void
selection_mode_toggled (RecapContentTable *self)
{
  gboolean active = gtk_toggle_button_get_active (self->select_button);

  gtk_column_view_column_set_visible (self->check_column, active);
  /* The check boxes come first while they show. */
  gtk_column_view_insert_column (self->view, 0, self->check_column);
}

/* The status line */

static void
update_status (RecapContentTable *self)
{
  guint total = self->posts ? g_list_model_get_n_items (self->posts) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = gtk_bitset_get_size (selected);
  g_autofree char *posts = g_strdup_printf (ngettext ("%u post", "%u posts", total), total);
  g_autofree char *text = NULL;

  /* TRANSLATORS: "509 posts · 40 shown · 3 selected" */
  text = g_strdup_printf (_("%s · %u shown · %u selected"), posts, shown, n_selected);
  gtk_label_set_label (self->status_label, text);
}

/* The filter and its chips */

static gboolean
filter_post (gpointer item,
             gpointer user_data)
{
  RecapContentTable *self = user_data;

  if (recap_post_query_is_empty (self->query))
    return TRUE;
  /* Answered by the search only once it is for this query's word. */
  if (self->text_word != NULL && g_strcmp0 (recap_live_search_get_shown (self->text_search), self->text_word) == 0)
    return recap_live_search_matches (self->text_search, item) &&
           (recap_post_query_is_empty (self->rest) || recap_post_query_matches (self->rest, item, self->now));
  return recap_post_query_matches (self->query, item, self->now);
}

static void
remove_chip (GtkButton         *button,
             RecapContentTable *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "recap-term"));
  g_autofree char *text = NULL;

  recap_post_query_remove (self->query, index);
  text = recap_post_query_to_string (self->query);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}

static GtkWidget *
chip_new (RecapContentTable *self,
          guint              index)
{
  const RecapQueryTerm *term = recap_post_query_get_term (self->query, index);
  g_autofree char *label = recap_query_term_describe (term);
  g_autofree char *accessible = g_strdup_printf (_("Remove filter %s"), label);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "recap-chip");
  gtk_widget_set_tooltip_text (button, _("Remove Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "recap-term", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_chip), self);
  return button;
}

static void
update_chips (RecapContentTable *self)
{
  GtkWidget *child;
  guint n = recap_post_query_get_n_terms (self->query);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  for (guint i = 0; i < n; i++)
    gtk_flow_box_append (self->chips_box, chip_new (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), n > 0);
}

/* The longest word of text @query asks for (not negated), G_MAXUINT when none. */
static guint
searched_term (RecapPostQuery *query)
{
  guint searched = G_MAXUINT;

  for (guint i = 0; i < recap_post_query_get_n_terms (query); i++)
    {
      const RecapQueryTerm *term = recap_post_query_get_term (query, i);

      if (term->field == RECAP_QUERY_TEXT && !term->negated &&
          (searched == G_MAXUINT || strlen (term->value) > strlen (recap_post_query_get_term (query, searched)->value)))
        searched = i;
    }
  return searched;
}

/* Hands the query's longest word of text to the search (RecapPostSearch
 * finds a word in 100,000 posts in milliseconds, in a thread, where each
 * post matched by itself took the main loop's steps). */
static void
search_text_word (RecapContentTable *self,
                  const char        *text)
{
  guint searched = searched_term (self->query);

  g_clear_pointer (&self->text_word, g_free);
  g_clear_pointer (&self->rest, recap_post_query_free);
  if (searched != G_MAXUINT)
    {
      self->text_word = recap_search_fold_dup (recap_post_query_get_term (self->query, searched)->value, -1);
      self->rest = recap_post_query_parse (text);
      recap_post_query_remove (self->rest, searched);
    }
  recap_live_search_set_paused (self->text_search, self->text_word == NULL);
  recap_live_search_set_query (self->text_search, self->text_word);
}

static void
refilter (RecapContentTable *self)
{
  /* No filter at all passes every post at once, where an empty query
   * would still be asked of each post a step at a time. */
  if (recap_post_query_is_empty (self->query))
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search found the query's word (or an earlier word: the rows wait). */
static void
text_word_shown (RecapContentTable *self)
{
  if (g_strcmp0 (recap_live_search_get_shown (self->text_search), self->text_word) == 0)
    refilter (self);
}

static void
apply_query (RecapContentTable *self,
             const char        *text)
{
  g_autofree char *shown = NULL;

  if (g_strcmp0 (text, self->query_text) == 0)
    return;
  self->select_when_done = FALSE;
  g_free (self->query_text);
  self->query_text = g_strdup (text);
  g_clear_pointer (&self->query, recap_post_query_free);
  self->query = recap_post_query_parse (text);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_local ();
  update_chips (self);
  shown = g_strdup (recap_live_search_get_shown (self->text_search));
  search_text_word (self, text);
  /* A new word: filtered when the search has found it (text_word_shown). */
  if (g_strcmp0 (shown, self->text_word) == 0)
    refilter (self);
}

static void
search_changed (RecapContentTable *self)
{
  apply_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Completion of the word being typed: keywords, then the site's values. */

static void
clear_suggestions (RecapContentTable *self)
{
  for (guint f = 0; f < G_N_ELEMENTS (self->suggestions); f++)
    g_clear_pointer (&self->suggestions[f], g_strfreev);
}

static GStrv
taxonomy_suggestions (GListModel    *posts,
                      RecapTaxonomy  taxonomy)
{
  g_autoptr(GPtrArray) entries = recap_taxonomy_count (posts, taxonomy);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      const char *name = ((RecapTaxonomyEntry *) entries->pdata[i])->name;
      g_autofree char *quoted = strpbrk (name, " \t\"") ? g_strdup_printf ("\"%s\"", name) : g_strdup (name);

      g_strv_builder_add (builder, quoted);
    }
  return g_strv_builder_end (builder);
}

static int
compare_years (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (a, b);
}

static gboolean
add_year (gpointer key,
          gpointer value,
          gpointer builder)
{
  g_strv_builder_add (builder, key);
  return FALSE;
}

static GStrv
year_suggestions (GListModel *posts)
{
  g_autoptr(GTree) years = g_tree_new_full (compare_years, NULL, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);
      GDateTime *date = recap_post_get_date (post);
      char *year = date ? g_date_time_format (date, "%Y") : NULL;

      if (year != NULL && g_tree_lookup (years, year) == NULL)
        g_tree_insert (years, year, year);
      else
        g_free (year);
    }
  g_tree_foreach (years, add_year, builder);
  return g_strv_builder_end (builder);
}

static GStrv
make_suggestions (RecapContentTable *self,
                  RecapQueryField    field)
{
  static const char * const statuses[] = { "published", "draft", "unpublished", "future", NULL };

  switch (field)
    {
    case RECAP_QUERY_TAG:
      return taxonomy_suggestions (self->posts, RECAP_TAXONOMY_TAGS);
    case RECAP_QUERY_CATEGORY:
      return taxonomy_suggestions (self->posts, RECAP_TAXONOMY_CATEGORIES);
    case RECAP_QUERY_AUTHOR:
      return taxonomy_suggestions (self->posts, RECAP_TAXONOMY_AUTHORS);
    case RECAP_QUERY_YEAR:
      return year_suggestions (self->posts);
    case RECAP_QUERY_COLLECTION:
      return g_strdupv ((GStrv) (const char * const []) { "posts", "pages", NULL });
    case RECAP_QUERY_STATUS:
    case RECAP_QUERY_TEXT:
    default:
      return g_strdupv ((GStrv) statuses);
    }
}

static gboolean
completion_word (const char *text,
                 gsize      *start,
                 gpointer    user_data)
{
  RecapContentTable *self = user_data;
  RecapQueryField field;

  if (self->posts == NULL || !recap_post_query_completion_point (text, &field, start))
    return FALSE;
  if (field == RECAP_QUERY_TEXT)
    {
      recap_completion_set_suggestions (self->completion, keyword_suggestions);
      return TRUE;
    }
  /* A quoted value is completed with its quote. */
  if (*start > 0 && text[*start - 1] == '"')
    (*start)--;
  if (self->suggestions[field] == NULL)
    self->suggestions[field] = make_suggestions (self, field);
  recap_completion_set_suggestions (self->completion, (const char * const *) self->suggestions[field]);
  return TRUE;
}

/* Activation */

static void
row_activated (RecapContentTable *self,
               guint              position)
{
  g_autoptr(RecapPost) post = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (post != NULL)
    g_signal_emit (self, signals[POST_ACTIVATED], 0, post);
}

static void
select_all_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  recap_content_table_select_all (user_data);
}

/* Public API */

void
recap_content_table_set_posts (RecapContentTable *self,
                               GListModel        *posts)
{
  g_return_if_fail (RECAP_IS_CONTENT_TABLE (self));

  if (self->posts != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->posts, clear_suggestions, self);
      g_signal_handlers_disconnect_by_func (self->posts, forget_sort_keys, NULL);
    }
  g_set_object (&self->posts, posts);
  recap_live_search_set_posts (self->text_search, posts);
  clear_suggestions (self);
  if (posts != NULL)
    {
      g_signal_connect_object (posts, "items-changed", G_CALLBACK (clear_suggestions), self, G_CONNECT_SWAPPED);
      g_signal_connect (posts, "items-changed", G_CALLBACK (forget_sort_keys), NULL);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_filter_list_model_set_model (self->filtered, posts);
  update_status (self);
}

/* Every row shown matches the query: selecting "the tag's posts" is
 * selecting all rows, again after each step of filtering and sorting
 * (a step replaces rows, and replaced rows lose their selection), until
 * neither runs. */
static gboolean
select_step (gpointer user_data)
{
  RecapContentTable *self = user_data;

  self->select_source = 0;
  if (!self->select_when_done || gtk_filter_list_model_get_model (self->filtered) != self->posts)
    return G_SOURCE_REMOVE;
  recap_content_table_select_all (self);
  self->select_when_done = recap_content_table_is_busy (self);
  return G_SOURCE_REMOVE;
}

/* From an idle, not from the models' signals: rows selected while GTK
 * 4.8's sort model is between its "pending" notification and its
 * "items-changed" have no item yet (a critical in g_object_unref from
 * the list's row widgets). */
static void
queue_select (RecapContentTable *self)
{
  if (self->select_when_done && self->select_source == 0)
    self->select_source = g_idle_add (select_step, self);
}

/* Filtering and sorting start when the table first shows: a site that
 * loads with the table hidden costs it nothing. (Not undone on unmap:
 * GTK 4.8's column view trips over its model emptied while hidden.) */
static void
recap_content_table_map (GtkWidget *widget)
{
  RecapContentTable *self = RECAP_CONTENT_TABLE (widget);

  GTK_WIDGET_CLASS (recap_content_table_parent_class)->map (widget);
  if (gtk_filter_list_model_get_model (self->filtered) != self->posts)
    gtk_filter_list_model_set_model (self->filtered, self->posts);
  queue_select (self);
}


void
recap_content_table_set_query (RecapContentTable *self,
                               const char        *query)
{
  g_return_if_fail (RECAP_IS_CONTENT_TABLE (self));

  /* Not waiting for the entry's search delay: the caller wants it now. The
   * entry reports the text emptied at once, which applied an empty query
   * first: all the rows, sorted, then filtered again. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed, self);
  apply_query (self, query ? query : "");
}

const char *
recap_content_table_get_query (RecapContentTable *self)
{
  g_return_val_if_fail (RECAP_IS_CONTENT_TABLE (self), NULL);
  return self->query_text ? self->query_text : "";
}

void
recap_content_table_sort_by (RecapContentTable *self,
                             const char        *column_id,
                             GtkSortType        order)
{
  g_return_if_fail (RECAP_IS_CONTENT_TABLE (self));

  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (columns[c].id, column_id))
      gtk_column_view_sort_by_column (self->view, self->columns[c], order);
}

GListModel *
recap_content_table_get_rows (RecapContentTable *self)
{
  g_return_val_if_fail (RECAP_IS_CONTENT_TABLE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
recap_content_table_get_selection (RecapContentTable *self)
{
  g_return_val_if_fail (RECAP_IS_CONTENT_TABLE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
recap_content_table_get_view (RecapContentTable *self)
{
  g_return_val_if_fail (RECAP_IS_CONTENT_TABLE (self), NULL);
  return self->view;
}

GPtrArray *
recap_content_table_dup_selected_posts (RecapContentTable *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (posts, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return posts;
}

void
recap_content_table_select_all (RecapContentTable *self)
{
  g_return_if_fail (RECAP_IS_CONTENT_TABLE (self));
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

gboolean
recap_content_table_is_busy (RecapContentTable *self)
{
  g_return_val_if_fail (RECAP_IS_CONTENT_TABLE (self), FALSE);
  return gtk_filter_list_model_get_pending (self->filtered) > 0 || recap_live_search_get_busy (self->text_search) ||
         gtk_sort_list_model_get_pending (self->sorted) > 0;
}

void
recap_content_table_select_all_when_done (RecapContentTable *self)
{
  g_return_if_fail (RECAP_IS_CONTENT_TABLE (self));

  self->select_when_done = TRUE;
  queue_select (self);
}

/* GObject */

static void
recap_content_table_dispose (GObject *object)
{
  RecapContentTable *self = RECAP_CONTENT_TABLE (object);

  /* The models go first: they call back into the table while they go. */
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  clear_suggestions (self);
  g_clear_handle_id (&self->select_source, g_source_remove);
  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, forget_sort_keys, NULL);
  g_clear_object (&self->posts);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->columns_menu);
  g_clear_pointer (&self->query, recap_post_query_free);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_object (&self->text_search);
  g_clear_pointer (&self->text_word, g_free);
  g_clear_pointer (&self->rest, recap_post_query_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (recap_content_table_parent_class)->dispose (object);
}

static void
recap_content_table_class_init (RecapContentTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_content_table_dispose;
  widget_class->map = recap_content_table_map;

  /* Emitted with the RecapPost of a row the user activated. */
  signals[POST_ACTIVATED] = g_signal_new ("post-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, RECAP_TYPE_POST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-content-table.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, select_button);
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, columns_button);
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, chips_box);
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, view);
  gtk_widget_class_bind_template_child (widget_class, RecapContentTable, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, selection_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

/* Filtered, then sorted, each a step at a time so that 100,000 posts
 * never stall the main loop. */
static void
init_models (RecapContentTable *self)
{
  self->query = recap_post_query_new ();
  self->text_search = recap_live_search_new ();
  recap_live_search_set_paused (self->text_search, TRUE);
  g_signal_connect_swapped (self->text_search, "shown", G_CALLBACK (text_word_shown), self);
  self->filter = gtk_custom_filter_new (filter_post, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_sort_list_model_set_incremental (self->sorted, TRUE);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (queue_select), self, G_CONNECT_SWAPPED);
}

static void
recap_content_table_init (RecapContentTable *self)
{
  static const GActionEntry entries[] = {
    { "select-all", select_all_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->now = g_date_time_new_now_local ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table", G_ACTION_GROUP (self->actions));
  self->columns_menu = g_menu_new ();
  init_models (self);
  add_check_column (self);
  for (guint c = 0; c < N_COLUMNS; c++)
    add_column (self, c);
  load_columns (self);
  gtk_menu_button_set_menu_model (self->columns_button, G_MENU_MODEL (self->columns_menu));
  gtk_column_view_sort_by_column (self->view, self->columns[COLUMN_DATE], GTK_SORT_DESCENDING);
  self->completion = recap_completion_attach (GTK_WIDGET (self->search_entry), GTK_EDITABLE (self->search_entry));
  recap_completion_set_word_func (self->completion, completion_word, self);
  update_status (self);
}
