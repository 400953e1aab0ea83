/* recap-collection-chooser.c
 *
 * A drop-down of where Jekyll files the site's files, from each post's
 * collection (recap_post_get_collection): Posts (with drafts), Drafts, each
 * collection label, Pages, Other Files, All, with counts. Files Jekyll does
 * not read show their reason as the row's subtitle (RecapPostRow).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-collection-chooser.h"

struct _RecapCollectionChooser
{
  GtkWidget      parent_instance;

  GtkWidget     *dropdown;
  GtkStringList *labels;   /* shown, "Posts (31)" */
  GPtrArray     *filters;  /* the choice of each label */
  char          *filter;
  guint          n_posts;  /* posts and drafts, last counted */
  guint          n_shown;  /* of the files last counted, those the choice shows */
  guint          n_files;
  gboolean       listing;  /* the labels are being replaced */
};

G_DEFINE_FINAL_TYPE (RecapCollectionChooser, recap_collection_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A file Jekyll reads has a collection; an unreadable one has neither a
 * collection nor a skip reason and is listed with the posts. */
static const char *
collection_of (RecapPost *post)
{
  const char *collection = recap_post_get_collection (post);

  if (collection != NULL)
    return collection;
  return recap_post_get_skip_reason (post) != NULL ? "other" : "posts";
}

static gboolean
in_filter (const char *filter,
           const char *collection)
{
  if (g_str_equal (filter, "all") || g_str_equal (filter, collection))
    return TRUE;
  return g_str_equal (filter, "posts") && g_str_equal (collection, "drafts");
}

/* Whether the files of @collection are shown: all of them when the
 * filter is "posts" and the folder has none. */
static gboolean
shows_collection (RecapCollectionChooser *self,
                  const char             *collection)
{
  if (self->n_posts == 0 && g_str_equal (self->filter, "posts"))
    return TRUE;
  return in_filter (self->filter, collection);
}

gboolean
recap_collection_chooser_shows (RecapCollectionChooser *self,
                                RecapPost              *post)
{
  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), TRUE);

  return shows_collection (self, collection_of (post));
}

gboolean
recap_collection_chooser_hides_some (RecapCollectionChooser *self)
{
  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), FALSE);

  return self->n_shown != self->n_files;
}

static void
add_choice (RecapCollectionChooser *self,
            GPtrArray              *labels,
            const char             *filter,
            const char             *name,
            guint                   count)
{
  g_ptr_array_add (labels, g_strdup_printf ("%s (%u)", name, count));
  g_ptr_array_add (self->filters, g_strdup (filter));
}

static guint
count_of (GHashTable *counts,
          const char *collection)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, collection));
}

/* The choices in order, with @counts per collection; the chosen one stays
 * listed even with no file. */
static GPtrArray *
list_choices (RecapCollectionChooser *self,
              GHashTable             *counts,
              guint                   n_files)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) collections = g_hash_table_get_keys (counts);

  g_ptr_array_set_size (self->filters, 0);
  add_choice (self, labels, "posts", _("Posts"), self->n_posts);
  add_choice (self, labels, "drafts", _("Drafts"), count_of (counts, "drafts"));
  collections = g_list_sort (collections, (GCompareFunc) g_strcmp0);
  for (GList *l = collections; l != NULL; l = l->next)
    if (!g_strv_contains ((const char * const[]) { "posts", "drafts", "pages", "other", NULL }, l->data))
      add_choice (self, labels, l->data, l->data, count_of (counts, l->data));
  if (!g_ptr_array_find_with_equal_func (self->filters, self->filter, g_str_equal, NULL) &&
      !g_strv_contains ((const char * const[]) { "pages", "other", "all", NULL }, self->filter))
    add_choice (self, labels, self->filter, self->filter, 0);
  add_choice (self, labels, "pages", _("Pages"), count_of (counts, "pages"));
  add_choice (self, labels, "other", _("Other Files"), count_of (counts, "other"));
  add_choice (self, labels, "all", _("All Files"), n_files);
  g_ptr_array_add (labels, NULL);
  return labels;
}

static guint
choice_index (RecapCollectionChooser *self)
{
  guint index = 0;

  g_ptr_array_find_with_equal_func (self->filters, self->filter, g_str_equal, &index);
  return index;
}

/* Counting is one pass over every file on the main thread, so it is kept
 * to a string comparison per file where it can: files come in runs of
 * one collection, counted into the table at the end of each run.
 * Two passes with a hash insertion and g_intern_string() per file took
 * 50-130 ms of main-thread CPU at 50,000 files. */
gboolean
recap_collection_chooser_count (RecapCollectionChooser *self,
                                GListModel             *posts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = NULL;
  gboolean had_posts = self->n_posts > 0;
  const char *run = NULL;
  guint run_length = 0;
  GHashTableIter iter;
  gpointer collection, count;
  guint n;

  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), FALSE);

  n = posts != NULL ? g_list_model_get_n_items (posts) : 0;
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(RecapPost) post = i < n ? g_list_model_get_item (posts, i) : NULL;
      const char *next = post != NULL ? collection_of (post) : NULL;

      if (g_strcmp0 (next, run) == 0)
        {
          run_length++;
          continue;
        }
      if (run != NULL)
        g_hash_table_insert (counts, (gpointer) g_intern_string (run),
                             GUINT_TO_POINTER (count_of (counts, run) + run_length));
      run = next;
      run_length = 1;
    }
  self->n_posts = count_of (counts, "posts") + count_of (counts, "drafts");
  self->n_files = n;
  self->n_shown = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &collection, &count))
    if (shows_collection (self, collection))
      self->n_shown += GPOINTER_TO_UINT (count);
  labels = list_choices (self, counts, n);
  self->listing = TRUE;
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), choice_index (self));
  self->listing = FALSE;
  return had_posts != (self->n_posts > 0);
}

const char *
recap_collection_chooser_get_filter (RecapCollectionChooser *self)
{
  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), NULL);

  return self->filter;
}

void
recap_collection_chooser_set_filter (RecapCollectionChooser *self,
                                     const char             *filter)
{
  g_return_if_fail (RECAP_IS_COLLECTION_CHOOSER (self));
  g_return_if_fail (filter != NULL && *filter != '\0');

  if (g_str_equal (self->filter, filter))
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  if (!g_ptr_array_find_with_equal_func (self->filters, filter, g_str_equal, NULL))
    self->n_shown = G_MAXUINT;   /* not counted yet: assume it hides some */
  self->listing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), choice_index (self));
  self->listing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
choice_selected (RecapCollectionChooser *self)
{
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown));

  if (self->listing || index >= self->filters->len)
    return;
  recap_collection_chooser_set_filter (self, self->filters->pdata[index]);
}

static void
recap_collection_chooser_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RecapCollectionChooser *self = RECAP_COLLECTION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_collection_chooser_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RecapCollectionChooser *self = RECAP_COLLECTION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      recap_collection_chooser_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_collection_chooser_dispose (GObject *object)
{
  RecapCollectionChooser *self = RECAP_COLLECTION_CHOOSER (object);

  g_clear_pointer (&self->dropdown, gtk_widget_unparent);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (recap_collection_chooser_parent_class)->dispose (object);
}

static void
recap_collection_chooser_class_init (RecapCollectionChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = recap_collection_chooser_get_property;
  object_class->set_property = recap_collection_chooser_set_property;
  object_class->dispose = recap_collection_chooser_dispose;

  properties[PROP_FILTER] = g_param_spec_string ("filter", NULL, NULL, "posts",
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
recap_collection_chooser_init (RecapCollectionChooser *self)
{
  self->filter = g_strdup ("posts");
  self->filters = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (self->labels), NULL);
  gtk_widget_set_tooltip_text (self->dropdown, _("Show Files"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show Files"), -1);
  gtk_widget_set_parent (self->dropdown, GTK_WIDGET (self));
  recap_collection_chooser_count (self, NULL);
  g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (choice_selected), self);
}

GtkWidget *
recap_collection_chooser_new (void)
{
  return g_object_new (RECAP_TYPE_COLLECTION_CHOOSER, NULL);
}
