/* recap-heading-list.c: a post's headings as a list model
 *
 * Hand-written over the headings' array, making an item only when it is
 * asked for: a post of 5 MB had 33,000 headings, and GtkStringList makes
 * all its items at once (10-40 ms for those).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-heading-list.h"

struct _RecapHeadingList
{
  GObject    parent_instance;

  GPtrArray *headings; /* of RecapHeading */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RecapHeadingList, recap_heading_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *list)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
get_n_items (GListModel *list)
{
  return RECAP_HEADING_LIST (list)->headings->len;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  const RecapHeading *heading = recap_heading_list_get_heading (RECAP_HEADING_LIST (list), position);

  return heading != NULL ? gtk_string_object_new (heading->text) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
recap_heading_list_finalize (GObject *object)
{
  g_ptr_array_unref (RECAP_HEADING_LIST (object)->headings);

  G_OBJECT_CLASS (recap_heading_list_parent_class)->finalize (object);
}

static void
recap_heading_list_class_init (RecapHeadingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = recap_heading_list_finalize;
}

static void
recap_heading_list_init (RecapHeadingList *self)
{
  self->headings = g_ptr_array_new ();
}

RecapHeadingList *
recap_heading_list_new (void)
{
  return g_object_new (RECAP_TYPE_HEADING_LIST, NULL);
}

void
recap_heading_list_set (RecapHeadingList *self,
                        GPtrArray        *headings)
{
  guint removed;

  g_return_if_fail (RECAP_IS_HEADING_LIST (self));
  g_return_if_fail (headings != NULL);

  removed = self->headings->len;
  g_ptr_array_ref (headings);
  g_ptr_array_unref (self->headings);
  self->headings = headings;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, headings->len);
}

const RecapHeading *
recap_heading_list_get_heading (RecapHeadingList *self,
                                guint             position)
{
  g_return_val_if_fail (RECAP_IS_HEADING_LIST (self), NULL);

  return position < self->headings->len ? g_ptr_array_index (self->headings, position) : NULL;
}
