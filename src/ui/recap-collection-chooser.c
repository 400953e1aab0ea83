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
#include "recap-drop-down.h"

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
  GListModel    *posts;    /* followed: @collections mirrors it */
  GArray        *collections; /* interned collection of each post, in its order */
  GHashTable    *counts;   /* interned collection -> files, kept as @posts changes */
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

/* The site's posts and drafts, as counted. */
static guint
count_posts (RecapCollectionChooser *self)
{
  return count_of (self->counts, "posts") + count_of (self->counts, "drafts");
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

/* Adds @delta (±1) files of @collection to the counts. */
static void
add_count (RecapCollectionChooser *self,
           const char             *collection,
           int                     delta)
{
  guint count = count_of (self->counts, collection) + delta;

  if (count == 0)
    g_hash_table_remove (self->counts, collection);
  else
    g_hash_table_insert (self->counts, (gpointer) collection, GUINT_TO_POINTER (count));
}

/* Keeps the counts as the posts change: the collections of the removed
 * posts are in @collections, those of the added ones are read. Files come
 * in runs of one collection, so g_intern_string() runs once per run. */
static void
posts_changed (RecapCollectionChooser *self,
               guint                   position,
               guint                   removed,
               guint                   added)
{
  g_autofree const char **collections = g_new (const char *, added);
  const char *run = NULL;

  for (guint i = position; i < position + removed; i++)
    add_count (self, g_array_index (self->collections, const char *, i), -1);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (self->posts, position + i);
      const char *collection = collection_of (post);

      if (run == NULL || !g_str_equal (run, collection))
        run = g_intern_string (collection);
      collections[i] = run;
      add_count (self, run, 1);
    }
  g_array_remove_range (self->collections, position, removed);
  g_array_insert_vals (self->collections, position, collections, added);
}

/* Follows @posts, counting them all once. */
static void
follow_posts (RecapCollectionChooser *self,
              GListModel             *posts)
{
  if (self->posts != NULL)
    g_signal_handlers_disconnect_by_func (self->posts, posts_changed, self);
  g_set_object (&self->posts, posts);
  g_hash_table_remove_all (self->counts);
  g_array_set_size (self->collections, 0);
  if (posts == NULL)
    return;
  g_signal_connect_object (posts, "items-changed", G_CALLBACK (posts_changed), self, G_CONNECT_SWAPPED);
  posts_changed (self, 0, 0, g_list_model_get_n_items (posts));
}

/* Counting one pass over every file at each call took 20-30 ms of
 * main-thread CPU at 50,000 files, once per batch of a loading site: the
 * counts follow the posts as they change instead. */
gboolean
recap_collection_chooser_count (RecapCollectionChooser *self,
                                GListModel             *posts)
{
  g_autoptr(GPtrArray) labels = NULL;
  gboolean had_posts = self->n_posts > 0;
  GHashTableIter iter;
  gpointer collection, count;

  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), FALSE);

  if (posts != self->posts)
    follow_posts (self, posts);
  self->n_posts = count_posts (self);
  self->n_files = self->collections->len;
  self->n_shown = 0;
  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &collection, &count))
    if (shows_collection (self, collection))
      self->n_shown += GPOINTER_TO_UINT (count);
  labels = list_choices (self, self->counts, self->n_files);
  self->listing = TRUE;
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), choice_index (self));
  self->listing = FALSE;
  return had_posts != (self->n_posts > 0);
}

gboolean
recap_collection_chooser_outdated (RecapCollectionChooser *self)
{
  g_return_val_if_fail (RECAP_IS_COLLECTION_CHOOSER (self), FALSE);

  return (self->n_posts > 0) != (count_posts (self) > 0);
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
  follow_posts (self, NULL);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (recap_collection_chooser_parent_class)->dispose (object);
}

static void
recap_collection_chooser_finalize (GObject *object)
{
  RecapCollectionChooser *self = RECAP_COLLECTION_CHOOSER (object);

  g_array_unref (self->collections);
  g_hash_table_unref (self->counts);

  G_OBJECT_CLASS (recap_collection_chooser_parent_class)->finalize (object);
}

static void
recap_collection_chooser_class_init (RecapCollectionChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = recap_collection_chooser_get_property;
  object_class->set_property = recap_collection_chooser_set_property;
  object_class->dispose = recap_collection_chooser_dispose;
  object_class->finalize = recap_collection_chooser_finalize;

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
  self->collections = g_array_new (FALSE, FALSE, sizeof (const char *));
  self->counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->labels = gtk_string_list_new (NULL);
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (self->labels), NULL);
  /* Its count grows as a site loads: the sidebar keeps its width. */
  recap_drop_down_ellipsize (GTK_DROP_DOWN (self->dropdown));
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
