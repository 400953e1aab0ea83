/* test-match-list.c: RecapMatchList against a filter done by hand
 *
 * A copy of the list follows each change it tells, reading the items it
 * tells of at that moment; after each step the copy must be the
 * underlying list filtered by hand, and a change told only for items
 * that went or came (unless the runs were too many to tell each).
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "recap-match-list.h"

typedef struct {
  GListStore     *items;   /* the underlying list */
  RecapMatchList *list;
  GListStore     *copy;    /* follows the changes @list tells */
  GHashTable     *kept;    /* the items to keep */
  guint           n_changed; /* rows told removed plus rows told added */
  guint           n_changes;
  gpointer        pinned;    /* an item no change may remove, or NULL */
  GRand          *rand;
} Fixture;

static void
follow (Fixture *fixture,
        guint    position,
        guint    removed,
        guint    added)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = position; i < position + removed; i++)
    {
      g_autoptr(GObject) gone = g_list_model_get_item (G_LIST_MODEL (fixture->copy), i);

      g_assert_true (gone != fixture->pinned);
    }
  for (guint i = position; i < position + added; i++)
    g_ptr_array_add (fresh, g_list_model_get_item (G_LIST_MODEL (fixture->list), i));
  g_list_store_splice (fixture->copy, position, removed, fresh->pdata, added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->copy)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fixture->list)));
  fixture->n_changed += removed + added;
  fixture->n_changes++;
}

static gboolean
kept (gpointer item,
      gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_hash_table_contains (fixture->kept, item);
}

static gboolean
kept_at (guint    position,
         gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->items), position);

  return kept (item, fixture);
}

/* The items kept, by hand, in order. */
static GPtrArray *
expected (Fixture *fixture)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->items)); i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (fixture->items), i);

      if (kept (item, fixture))
        g_ptr_array_add (items, item);
      else
        g_object_unref (item);
    }
  return items;
}

/* Each item of the model is found at its row among @items, or nowhere. */
static void
assert_rows_found (Fixture   *fixture,
                   GPtrArray *items)
{
  for (guint position = 0, row = 0; position < g_list_model_get_n_items (G_LIST_MODEL (fixture->items)); position++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->items), position);
      guint found;

      g_assert_true (recap_match_list_find_row (fixture->list, position, &found));
      if (row < items->len && items->pdata[row] == item)
        g_assert_cmpuint (found, ==, row++);
      else
        g_assert_cmpuint (found, ==, G_MAXUINT);
    }
}

static void
assert_copy_expected (Fixture *fixture)
{
  g_autoptr(GPtrArray) items = expected (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->copy)), ==, items->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) in_copy = g_list_model_get_item (G_LIST_MODEL (fixture->copy), i);
      g_autoptr(GObject) in_list = g_list_model_get_item (G_LIST_MODEL (fixture->list), i);

      g_assert_true (in_copy == items->pdata[i]);
      g_assert_true (in_list == items->pdata[i]);
    }
  assert_rows_found (fixture, items);
}

static void
fixture_set_up (Fixture *fixture,
                guint    n_items,
                guint32  seed)
{
  fixture->rand = g_rand_new_with_seed (seed);
  fixture->items = g_list_store_new (G_TYPE_OBJECT);
  fixture->kept = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (fixture->items, item);
      if (g_rand_boolean (fixture->rand))
        g_hash_table_add (fixture->kept, item);
    }
  fixture->list = recap_match_list_new ();
  recap_match_list_set_match_func (fixture->list, kept, fixture);
  fixture->copy = g_list_store_new (G_TYPE_OBJECT);
  g_signal_connect_swapped (fixture->list, "items-changed", G_CALLBACK (follow), fixture);
  recap_match_list_set_model (fixture->list, G_LIST_MODEL (fixture->items));
  assert_copy_expected (fixture);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_object_unref (fixture->list);
  g_object_unref (fixture->copy);
  g_object_unref (fixture->items);
  g_hash_table_unref (fixture->kept);
  g_rand_free (fixture->rand);
}

/* Items kept before and after, by hand: rows that must have changed. */
static guint
n_differing (Fixture   *fixture,
             GPtrArray *before)
{
  g_autoptr(GPtrArray) after = expected (fixture);
  g_autoptr(GHashTable) was = g_hash_table_new (NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (was, before->pdata[i]);
  for (guint i = 0; i < after->len; i++)
    n += !g_hash_table_remove (was, after->pdata[i]);
  return n + g_hash_table_size (was);
}

/* Keeps a share of the items (@narrower: only among those kept). */
static void
change_kept (Fixture *fixture,
             gboolean narrower,
             guint    one_in)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->items)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->items), i);
      gboolean keep = g_rand_int_range (fixture->rand, 0, one_in) != 0;

      if (narrower && !keep)
        g_hash_table_remove (fixture->kept, item);
      else if (!narrower && keep)
        g_hash_table_add (fixture->kept, item);
      else if (!narrower)
        g_hash_table_remove (fixture->kept, item);
    }
}

/* Refilters with each kind of change, few and many changes: the copy
 * follows, and changes are told precisely while they are few runs. */
static void
test_refilter (void)
{
  static const struct { RecapMatchChange change; guint one_in; gboolean by_position; } steps[] = {
    { RECAP_MATCH_NARROWER, 500, TRUE }, { RECAP_MATCH_NARROWER, 3, TRUE }, { RECAP_MATCH_DIFFERENT, 2, FALSE },
    { RECAP_MATCH_DIFFERENT, 1000, TRUE }, { RECAP_MATCH_NARROWER, 1, TRUE }, { RECAP_MATCH_DIFFERENT, 3, TRUE },
  };
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, 3000, 7);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GPtrArray) before = expected (&fixture);
      guint differing;

      change_kept (&fixture, steps[i].change == RECAP_MATCH_NARROWER, steps[i].one_in);
      differing = n_differing (&fixture, before);
      fixture.n_changed = fixture.n_changes = 0;
      recap_match_list_refilter (fixture.list, steps[i].change, steps[i].by_position ? kept_at : NULL, &fixture,
                                 G_MAXUINT);
      assert_copy_expected (&fixture);
      g_assert_cmpuint (fixture.n_changes, <=, RECAP_MATCH_LIST_MAX_RUNS);
      if (differing < RECAP_MATCH_LIST_MAX_RUNS)
        g_assert_cmpuint (fixture.n_changed, ==, differing);
      else
        g_assert_cmpuint (fixture.n_changed, >=, differing);
    }
  /* Wider: what was kept stays without a look. */
  g_hash_table_remove_all (fixture.kept);
  recap_match_list_refilter (fixture.list, RECAP_MATCH_WIDER, kept_at, &fixture, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.copy)), >, 0);
  fixture_tear_down (&fixture);
}

/* A row pinned stays out of the changes told, when it stays. */
static void
test_pinned (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GObject) pinned_item = NULL;
  guint pinned = 700;

  fixture_set_up (&fixture, 3000, 11);
  pinned_item = g_list_model_get_item (G_LIST_MODEL (fixture.list), pinned);
  change_kept (&fixture, TRUE, 2);
  g_hash_table_add (fixture.kept, pinned_item);
  fixture.pinned = pinned_item;
  fixture.n_changes = 0;
  recap_match_list_refilter (fixture.list, RECAP_MATCH_NARROWER, kept_at, &fixture, pinned);
  assert_copy_expected (&fixture);
  /* So many runs that some were told as one. */
  g_assert_cmpuint (fixture.n_changes, >, RECAP_MATCH_LIST_MAX_RUNS / 2);
  fixture_tear_down (&fixture);
}

/* The underlying list changes: added items are matched, removed ones go;
 * with no match function, the changes pass as they are. */
static void
test_model_changes (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, 500, 3);
  for (guint step = 0; step < 300; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture.items));
      guint position = g_rand_int_range (fixture.rand, 0, n + 1);
      guint removed = MIN (n - position, (guint) g_rand_int_range (fixture.rand, 0, 4));
      guint added = g_rand_int_range (fixture.rand, 0, 4);
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < added; i++)
        {
          GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

          g_ptr_array_add (fresh, item);
          if (step >= 150 || g_rand_boolean (fixture.rand))
            g_hash_table_add (fixture.kept, item);
        }
      g_list_store_splice (fixture.items, position, removed, fresh->pdata, added);
      assert_copy_expected (&fixture);
      if (step == 150)
        {
          /* From here on every item is kept, with no function. */
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture.items)); i++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture.items), i);

              g_hash_table_add (fixture.kept, item);
            }
          recap_match_list_set_match_func (fixture.list, NULL, NULL);
          fixture.n_changes = 0;
          recap_match_list_refilter (fixture.list, RECAP_MATCH_WIDER, NULL, NULL, G_MAXUINT);
          assert_copy_expected (&fixture);
          g_assert_false (recap_match_list_has_match_func (fixture.list));
        }
    }
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/match-list/refilter", test_refilter);
  g_test_add_func ("/match-list/pinned", test_pinned);
  g_test_add_func ("/match-list/model-changes", test_model_changes);

  return g_test_run ();
}
