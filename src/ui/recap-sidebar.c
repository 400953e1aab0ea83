/* recap-sidebar.c
 *
 * The site's posts, which the site keeps newest first, go through a filter
 * (search, drafts; a RecapMatchList, which takes the search's answer by
 * position and tells only the rows that changed); the flat views list
 * those posts themselves, grouped views put a GtkTreeListModel of groups
 * on top, each group expanding into its posts among those. No
 * GtkSortListModel: for posts added in many small batches it reports nearly
 * the whole list changed each time, which rebuilt every row of a big site.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "recap-background.h"
#include "recap-collection-chooser.h"
#include "recap-drop-down.h"
#include "recap-group-row.h"
#include "recap-lint.h"
#include "recap-live-search.h"
#include "recap-match-list.h"
#include "recap-post-group.h"
#include "recap-post-row.h"
#include "recap-row-pacer.h"
#include "recap-search-text.h"
#include "recap-sidebar.h"

struct _RecapSidebar
{
  GtkWidget           parent_instance;

  RecapSite          *site;
  RecapGitMonitor    *git;         /* the site's git status for the rows' badges, or NULL */
  RecapMatchList     *filtered;
  GListStore         *groups;
  GtkMultiSelection  *selection;
  GtkWidget          *context_menu;
  RecapSidebarView    view;
  RecapLiveSearch    *search;      /* the query typed; the rows show its shown query */
  GSettings          *settings;
  guint               regroup_source;
  gboolean            regroup_waits; /* @regroup_source is the delay while loading */
  GCancellable       *grouping;    /* the groups being computed, NULL when none is */
  GPtrArray          *incoming;    /* computed groups being spliced in, NULL when none are */
  guint               n_spliced;   /* of @incoming, at the top of the list */
  GPtrArray          *expanded;    /* while splicing: keys of the groups to expand again */
  GPtrArray          *dropped;     /* while splicing: the groups spliced out */
  guint               splice_source;
  guint               scroll_tick;
  GSignalGroup       *clock_signals; /* the list's frame clock while a second scroll is due */
  RecapRowPacer      *pacer;       /* an expanded group's rows, a few per frame */
  GHashTable         *post_rows;   /* the RecapPostRows bound to a post */
  gboolean            loading;
  gboolean            not_jekyll;  /* the last check found no sign of a Jekyll site */

  GtkDropDown        *view_dropdown;
  RecapCollectionChooser *collection_chooser;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkListView        *list_view;
  GMenuModel         *context_menu_model;
};

G_DEFINE_FINAL_TYPE (RecapSidebar, recap_sidebar, GTK_TYPE_WIDGET)

#define REGROUP_WHILE_LOADING_MS 500
/* Groups spliced into the list at a time, and main-loop time for splicing
 * per dispatch: GtkTreeListModel and the list view handle each changed
 * row, and thousands of groups in one splice took 8-64 ms. */
#define GROUP_STEP 16
#define SPLICE_BUDGET_USEC 4000

enum {
  POST_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const view_names[] = {
  "events", "posts", "tags", "authors", "years", "drafts", "problems",
};

static gboolean
is_grouped (RecapSidebarView view)
{
  return view != RECAP_SIDEBAR_VIEW_POSTS && view != RECAP_SIDEBAR_VIEW_DRAFTS;
}

static RecapGroupBy
group_by_for (RecapSidebarView view)
{
  switch (view)
    {
    case RECAP_SIDEBAR_VIEW_TAGS:
      return RECAP_GROUP_BY_TAG;
    case RECAP_SIDEBAR_VIEW_AUTHORS:
      return RECAP_GROUP_BY_AUTHOR;
    case RECAP_SIDEBAR_VIEW_YEARS:
      return RECAP_GROUP_BY_YEAR;
    case RECAP_SIDEBAR_VIEW_PROBLEMS:
      return RECAP_GROUP_BY_PROBLEM;
    case RECAP_SIDEBAR_VIEW_EVENTS:
    case RECAP_SIDEBAR_VIEW_POSTS:
    case RECAP_SIDEBAR_VIEW_DRAFTS:
    default:
      return RECAP_GROUP_BY_EVENT;
    }
}

/* Models */

/* Whether the view shows @post, the search aside. */
static gboolean
view_shows (RecapSidebar *self,
            RecapPost    *post)
{
  if (self->view == RECAP_SIDEBAR_VIEW_DRAFTS &&
      !recap_post_get_is_draft (post) && recap_post_get_published (post))
    return FALSE;
  return self->view == RECAP_SIDEBAR_VIEW_PROBLEMS ||
         recap_collection_chooser_shows (self->collection_chooser, post);
}

static gboolean
post_visible (gpointer item,
              gpointer user_data)
{
  RecapSidebar *self = user_data;

  /* The search first: typing on, most posts it looks at fail it. */
  return recap_live_search_matches (self->search, item) && view_shows (self, item);
}

/* Whether the view may hide a post, the search aside. A site that loads
 * may get a hidden file last, and giving the filter its function then
 * took 27-43 ms at 50,000: loading, the filter has one unless all files
 * are shown. */
static gboolean
view_hides_some (RecapSidebar *self)
{
  gboolean may_hide = self->loading ? !g_str_equal (recap_collection_chooser_get_filter (self->collection_chooser), "all")
                                    : recap_collection_chooser_hides_some (self->collection_chooser);

  return self->view == RECAP_SIDEBAR_VIEW_DRAFTS || (self->view != RECAP_SIDEBAR_VIEW_PROBLEMS && may_hide);
}

/* post_visible() for the post at @position of the site, in a view that may
 * hide it: the search answers by position. */
static gboolean
post_visible_at (guint    position,
                 gpointer user_data)
{
  RecapSidebar *self = user_data;
  g_autoptr(RecapPost) post = NULL;

  if (!recap_live_search_matches_at (self->search, position))
    return FALSE;
  post = g_list_model_get_item (G_LIST_MODEL (self->site), position);
  return view_shows (self, post);
}

/* Typing on, only the search changed and the posts shown passed the rest;
 * or the view hides none. */
static gboolean
search_matches_at (guint    position,
                   gpointer user_data)
{
  RecapSidebar *self = user_data;

  return recap_live_search_matches_at (self->search, position);
}

/* Whether the filter needs a function: a search, or a view that hides
 * some posts. Without one, the filter keeps no list of the posts shown,
 * which it would shift for each post a loading site inserts amid others. */
static gboolean
filter_needed (RecapSidebar *self)
{
  return recap_live_search_get_shown (self->search) != NULL || view_hides_some (self);
}

/* The row of the flat list a selection would lose if it were made anew:
 * the first selected, G_MAXUINT for none. */
static guint
pinned_row (RecapSidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (is_grouped (self->view) || gtk_multi_selection_get_model (self->selection) == NULL)
    return G_MAXUINT;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return gtk_bitset_is_empty (selected) ? G_MAXUINT : gtk_bitset_get_minimum (selected);
}

/* Filters the posts again after @change: only the search narrowed, or
 * anything. */
static void
refilter (RecapSidebar     *self,
          RecapMatchChange  change)
{
  gboolean needed = filter_needed (self);
  RecapMatchAtFunc keep;

  if (needed != recap_match_list_has_match_func (self->filtered))
    {
      recap_match_list_set_match_func (self->filtered, needed ? post_visible : NULL, self);
      /* Narrower than every post is narrower than no filter. */
      if (needed && change == RECAP_MATCH_WIDER)
        change = RECAP_MATCH_DIFFERENT;
    }
  else if (!needed)
    return;
  /* With no function, every post is kept without a look; the post itself
   * is looked at only when the view may hide it. */
  if (!needed)
    keep = NULL;
  else if (change == RECAP_MATCH_NARROWER || !view_hides_some (self))
    keep = search_matches_at;
  else
    keep = post_visible_at;
  recap_match_list_refilter (self->filtered, change, keep, self, pinned_row (self));
}

/* A group's posts: computed with the groups, since a filter over all the
 * posts for each group the list shows took seconds on 50,000 posts. They
 * come a few rows per frame: in one change, expanding a big group built
 * and measured some 200 row widgets in one frame. */
static GListModel *
create_group_posts (gpointer item,
                    gpointer user_data)
{
  RecapSidebar *self = user_data;

  if (!RECAP_IS_POST_GROUP (item))
    return NULL;
  return recap_row_pacer_pace (self->pacer, g_object_ref (recap_post_group_get_posts (item)));
}

static GtkTreeListModel *
rows_model (RecapSidebar *self)
{
  return GTK_TREE_LIST_MODEL (gtk_multi_selection_get_model (self->selection));
}

static GtkTreeListRow *
root_row_at (RecapSidebar *self,
             guint         index)
{
  return gtk_tree_list_model_get_child_row (rows_model (self), index);
}

/* Keys of the expanded groups, to expand them again after regrouping. */
static GPtrArray *
expanded_keys (RecapSidebar *self)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = root_row_at (self, i);
      if (row != NULL && gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr(RecapPostGroup) group = gtk_tree_list_row_get_item (row);
          g_ptr_array_add (keys, g_strdup (recap_post_group_get_key (group)));
        }
    }
  return keys;
}

/* Group keys are NULL for the group of posts without one. */
static gboolean
same_key (gconstpointer a,
          gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

/* Expands again those of the @n_items groups spliced in at @position that
 * were expanded before. */
static void
expand_spliced (RecapSidebar *self,
                guint         position,
                guint         n_items)
{
  for (guint i = position; self->expanded->len > 0 && i < position + n_items; i++)
    {
      g_autoptr(RecapPostGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      const char *key = recap_post_group_get_key (group);

      if (g_ptr_array_find_with_equal_func (self->expanded, key, same_key, NULL))
        {
          g_autoptr(GtkTreeListRow) row = root_row_at (self, i);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
}

static void
show_empty (RecapSidebar *self,
            const char   *title,
            const char   *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_page (RecapSidebar *self)
{
  gboolean has_posts = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;
  gboolean no_problems = self->view == RECAP_SIDEBAR_VIEW_PROBLEMS &&
                         g_list_model_get_n_items (G_LIST_MODEL (self->groups)) == 0;

  if ((self->loading || self->grouping != NULL || self->incoming != NULL) && (!has_posts || no_problems))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (!has_posts && recap_live_search_get_shown (self->search) != NULL)
    show_empty (self, _("No Results"), _("No post matches the search"));
  else if (!has_posts)
    show_empty (self, _("No Posts"), _("This folder has no markdown files"));
  else if (no_problems && self->not_jekyll)
    show_empty (self, _("Not a Jekyll Site"),
                _("No _config.yml, _posts or _drafts: Jekyll’s rules were not checked"));
  else if (no_problems)
    show_empty (self, _("No Problems"), _("Jekyll will read every post as it is meant"));
  else
    gtk_stack_set_visible_child_name (self->stack, "posts");
}

/* The groups hold all the posts: a thread frees them. */
static void
drop_groups (GPtrArray *groups)
{
  recap_background_free (groups, (GDestroyNotify) g_ptr_array_unref);
}

static void
finish_splice (RecapSidebar *self)
{
  g_clear_handle_id (&self->splice_source, g_source_remove);
  g_clear_pointer (&self->incoming, drop_groups);
  g_clear_pointer (&self->dropped, drop_groups);
  g_clear_pointer (&self->expanded, g_ptr_array_unref);
}

/* Replaces the groups shown with the incoming ones, GROUP_STEP at a time,
 * as long as SPLICE_BUDGET_USEC allows; each step is one change. */
static gboolean
splice_groups (gpointer user_data)
{
  RecapSidebar *self = user_data;
  GListModel *groups = G_LIST_MODEL (self->groups);
  gint64 deadline = g_get_monotonic_time () + SPLICE_BUDGET_USEC;

  do
    {
      guint n_in = MIN (GROUP_STEP, self->incoming->len - self->n_spliced);
      guint n_out = MIN (GROUP_STEP, g_list_model_get_n_items (groups) - self->n_spliced);

      if (n_in == 0 && n_out == 0)
        {
          self->splice_source = 0;
          finish_splice (self);
          update_page (self);
          return G_SOURCE_REMOVE;
        }
      for (guint i = 0; i < n_out; i++)
        g_ptr_array_add (self->dropped, g_list_model_get_item (groups, self->n_spliced + i));
      g_list_store_splice (self->groups, self->n_spliced, n_out, self->incoming->pdata + self->n_spliced, n_in);
      expand_spliced (self, self->n_spliced, n_in);
      self->n_spliced += n_in;
    }
  while (g_get_monotonic_time () < deadline);
  return G_SOURCE_CONTINUE;
}

/* Shows @groups, keeping expanded what was, in steps. Newer groups that
 * come while the steps go on replace the list as it is by then. */
static void
show_groups (RecapSidebar *self,
             GPtrArray    *groups)
{
  /* Posts without problems are not a problem to list. */
  if (self->view == RECAP_SIDEBAR_VIEW_PROBLEMS && groups->len > 0 &&
      recap_post_group_get_key (groups->pdata[groups->len - 1]) == NULL)
    recap_background_free (g_ptr_array_steal_index (groups, groups->len - 1), g_object_unref);
  if (self->incoming == NULL)
    {
      self->expanded = expanded_keys (self);
      self->dropped = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_clear_pointer (&self->incoming, drop_groups);
  self->incoming = g_ptr_array_ref (groups);
  self->n_spliced = 0;
  if (self->splice_source == 0)
    self->splice_source = g_idle_add (splice_groups, self);
  update_page (self);
}

/* Empties the list of groups, with no rows over it. */
static void
clear_groups (RecapSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  GPtrArray *old = g_ptr_array_new_full (n, g_object_unref);

  g_assert (gtk_multi_selection_get_model (self->selection) == NULL);
  finish_splice (self);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (self->groups), i));
  g_list_store_remove_all (self->groups);
  drop_groups (old);
}

static void
groups_computed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = recap_post_group_compute_finish (result, &error);
  RecapSidebar *self = user_data;

  /* Cancelled: a newer grouping replaced it, or the sidebar is gone. */
  if (groups == NULL)
    return;
  g_clear_object (&self->grouping);
  show_groups (self, groups);
}

/* The posts to group. With no search, grouped views filter nothing out,
 * and the site's own list gives them in a tenth of the time: the filter
 * model finds its n-th item by counting bits, 70 ms for 50,000 posts. */
static GListModel *
grouped_posts (RecapSidebar *self)
{
  g_assert (is_grouped (self->view));
  if (!recap_match_list_has_match_func (self->filtered) && self->site != NULL)
    return G_LIST_MODEL (self->site);
  return G_LIST_MODEL (self->filtered);
}

static void
group_posts (RecapSidebar *self)
{
  recap_post_group_compute_async (grouped_posts (self), group_by_for (self->view), self->grouping,
                                  groups_computed, self);
}

static void
site_checked (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GPtrArray) problems = recap_lint_finish (result, NULL);
  RecapSidebar *self = user_data;

  /* Cancelled: a newer grouping replaced it, or the sidebar is gone. */
  if (problems == NULL)
    return;
  /* As recap-cli lint: one note for the site, not a line per file. Stops
   * at the first post on a Jekyll site. */
  self->not_jekyll = !recap_lint_is_jekyll_site (G_LIST_MODEL (self->site));
  group_posts (self);
}

/* The Problems view groups the posts by the problems the lint sets on
 * them. In a thread: on the main thread it took tens of milliseconds. */
static void
check_site (RecapSidebar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  recap_lint_async (G_LIST_MODEL (self->site), recap_site_get_layouts (self->site), now, self->grouping,
                    site_checked, self);
}

/* Posts that came in were filtered as they came; a site of only files
 * the choice shows needs no filter (see refilter()). */
static void
recount (RecapSidebar *self)
{
  if (recap_collection_chooser_count (self->collection_chooser, G_LIST_MODEL (self->site)) ||
      filter_needed (self) != recap_match_list_has_match_func (self->filtered))
    refilter (self, RECAP_MATCH_DIFFERENT);
}

/* Groups are computed in a thread: at 50,000 posts they took 100-300 ms,
 * as many frames lost each time a loading site regrouped. */
static gboolean
regroup (gpointer user_data)
{
  RecapSidebar *self = user_data;

  self->regroup_source = 0;
  g_cancellable_cancel (self->grouping);
  g_clear_object (&self->grouping);
  recount (self);
  if (!is_grouped (self->view))
    {
      update_page (self);
      return G_SOURCE_REMOVE;
    }

  self->grouping = g_cancellable_new ();
  if (self->view == RECAP_SIDEBAR_VIEW_PROBLEMS && self->site != NULL)
    check_site (self);
  else
    group_posts (self);
  update_page (self);
  return G_SOURCE_REMOVE;
}

/* Posts arrive in batches and change on disk: regroup once things settle.
 * A loading site adds a few posts per frame, and grouping looks at every
 * post: while it loads, groups follow a few times a second; at once when
 * the first post came (files to hide then), while few are listed. */
static void
posts_changed (RecapSidebar *self)
{
  gboolean wait = self->loading && is_grouped (self->view) &&
                  !recap_collection_chooser_outdated (self->collection_chooser);

  if (self->regroup_source != 0 && (wait || !self->regroup_waits))
    return;
  g_clear_handle_id (&self->regroup_source, g_source_remove);
  self->regroup_waits = wait;
  if (wait)
    self->regroup_source = g_timeout_add (REGROUP_WHILE_LOADING_MS, regroup, self);
  else
    self->regroup_source = g_idle_add (regroup, self);
}

/* Rows over the groups, or the posts themselves: a GtkTreeListModel over
 * the posts, only for its rows, dropped those of the posts a keystroke
 * hid one by one (110-135 ms for 55,000 of 100,000). Not paced with a
 * GtkSliceListModel: for a change that adds and removes different
 * numbers of rows it tells every row after it changed. */
static void
set_rows (RecapSidebar *self)
{
  g_autoptr(GtkTreeListModel) groups = NULL;

  if (!is_grouped (self->view))
    {
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));
      return;
    }
  groups = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE, FALSE,
                                    create_group_posts, self, NULL);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (groups));
}

/* Whether views @a and @b show the same posts before grouping: only
 * Drafts hides published posts, and only Problems shows every collection. */
static gboolean
same_filter (RecapSidebarView a,
             RecapSidebarView b)
{
  return (a == RECAP_SIDEBAR_VIEW_DRAFTS) == (b == RECAP_SIDEBAR_VIEW_DRAFTS) &&
         (a == RECAP_SIDEBAR_VIEW_PROBLEMS) == (b == RECAP_SIDEBAR_VIEW_PROBLEMS);
}

/* Shows the view after @before; the posts are filtered again only when
 * the two views filter them differently. */
static void
show_view (RecapSidebar     *self,
           RecapSidebarView  before)
{
  /* Rows over the groups would drop them one by one, and the list view
   * would follow each post the filter drops or adds. */
  gtk_multi_selection_set_model (self->selection, NULL);
  if (is_grouped (before))
    clear_groups (self);
  /* A flat list's rows have no expander arrow: a small padding instead. */
  if (is_grouped (self->view))
    gtk_widget_remove_css_class (GTK_WIDGET (self->list_view), "flat");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "flat");
  if (!same_filter (before, self->view))
    refilter (self, RECAP_MATCH_DIFFERENT);
  set_rows (self);
  g_clear_handle_id (&self->regroup_source, g_source_remove);
  regroup (self);
}

/* Rows */

static void
row_clicked (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             GtkListItem     *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RecapSidebar *self = RECAP_SIDEBAR (gtk_widget_get_ancestor (widget, RECAP_TYPE_SIDEBAR));

  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  /* One click opens, as in other GNOME sidebars; Ctrl and Shift clicks only
   * select, for the operations on several posts; the keyboard moves with
   * arrows and opens with Enter. */
  if (n_press == 1 && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    recap_sidebar_activate_row (self, gtk_list_item_get_position (item));
}

/* A tag group's menu: its tag's Rename, Merge, Delete and Select Posts. */
static GMenuModel *
tag_group_menu (const char *tag)
{
  static const struct { const char *label; const char *operation; } items[] = {
    { N_("_Rename Tag…"), "rename" },
    { N_("_Merge Tag…"), "merge" },
    { N_("_Delete Tag…"), "delete" },
    { N_("_Select Posts"), "select" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "win.tag-group",
                                               g_variant_new ("(ss)", items[i].operation, tag));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* The post or group a row of the list shows: grouped views list
 * GtkTreeListRows, flat views the posts themselves. */
static GObject *
dup_row_item (gpointer row)
{
  return GTK_IS_TREE_LIST_ROW (row) ? gtk_tree_list_row_get_item (row) : g_object_ref (row);
}

/* The posts' menu, or a tag group's for a tag group row. */
static void
set_context_menu (RecapSidebar *self,
                  gpointer      row)
{
  g_autoptr(GObject) item = dup_row_item (row);
  g_autoptr(GMenuModel) menu = NULL;

  if (RECAP_IS_POST_GROUP (item) && recap_post_group_get_by (RECAP_POST_GROUP (item)) == RECAP_GROUP_BY_TAG &&
      recap_post_group_get_key (RECAP_POST_GROUP (item)) != NULL)
    menu = tag_group_menu (recap_post_group_get_key (RECAP_POST_GROUP (item)));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu ? menu : self->context_menu_model);
}

/* The menu acts on the selection: a right click on a row outside it selects just that row. */
static void
row_context_clicked (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkListItem     *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RecapSidebar *self = RECAP_SIDEBAR (gtk_widget_get_ancestor (widget, RECAP_TYPE_SIDEBAR));
  guint position = gtk_list_item_get_position (item);
  graphene_point_t point;

  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  set_context_menu (self, gtk_list_item_get_item (item));
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *context_click = gtk_gesture_click_new ();

  g_signal_connect (click, "released", G_CALLBACK (row_clicked), item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (context_click, "pressed", G_CALLBACK (row_context_clicked), item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (context_click));
  gtk_list_item_set_child (item, expander);
}

static GtkWidget *
ensure_child (GtkTreeExpander *expander,
              GType            type)
{
  GtkWidget *child = gtk_tree_expander_get_child (expander);

  if (child == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (child, type))
    {
      child = g_object_new (type, NULL);
      gtk_tree_expander_set_child (expander, child);
    }
  return child;
}

/* Shows on @row where the query shown is found in its post's text; no
 * snippet when the query is found in its fields, or there is none. */
static void
update_snippet (RecapSidebar *self,
                RecapPostRow *row)
{
  g_autofree char *snippet = NULL;

  recap_post_matches (recap_post_row_get_post (row), recap_live_search_get_shown (self->search), &snippet);
  recap_post_row_set_snippet (row, snippet);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RecapSidebar             *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  gpointer row = gtk_list_item_get_item (item);
  g_autoptr(GObject) object = dup_row_item (row);

  /* A post of a flat view has no row to expand. */
  gtk_tree_expander_set_list_row (expander, GTK_IS_TREE_LIST_ROW (row) ? row : NULL);
  if (RECAP_IS_POST (object))
    {
      RecapPostRow *post_row = RECAP_POST_ROW (ensure_child (expander, RECAP_TYPE_POST_ROW));
      recap_post_row_set_post (post_row, RECAP_POST (object));
      update_snippet (self, post_row);
      recap_post_row_set_git_monitor (post_row, self->git);
      g_hash_table_add (self->post_rows, post_row);
    }
  else
    recap_group_row_set_group (RECAP_GROUP_ROW (ensure_child (expander, RECAP_TYPE_GROUP_ROW)),
                               RECAP_POST_GROUP (object));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            RecapSidebar             *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *child = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, NULL);
  if (RECAP_IS_POST_ROW (child))
    {
      g_hash_table_remove (self->post_rows, child);
      recap_post_row_set_post (RECAP_POST_ROW (child), NULL);
    }
}

/* Template callbacks */

static void
list_activated (RecapSidebar *self,
                guint         position)
{
  recap_sidebar_activate_row (self, position);
}

/* Typing on narrows the search: only the posts shown so far need a look. */
static RecapMatchChange
query_change (const char *old_query,
              const char *new_query)
{
  if (old_query == NULL)
    return RECAP_MATCH_NARROWER;
  if (new_query == NULL)
    return RECAP_MATCH_WIDER;
  if (strstr (new_query, old_query) != NULL)
    return RECAP_MATCH_NARROWER;
  if (strstr (old_query, new_query) != NULL)
    return RECAP_MATCH_WIDER;
  return RECAP_MATCH_DIFFERENT;
}

/* Shows the rows for the query the search has found. */
static void
search_shown (RecapSidebar *self,
              const char   *before)
{
  GHashTableIter iter;
  gpointer row;

  refilter (self, query_change (before, recap_live_search_get_shown (self->search)));
  /* Rows kept through the change show where the new query is found. */
  g_hash_table_iter_init (&iter, self->post_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_snippet (self, row);
}

static void
search_changed (RecapSidebar *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *query = NULL;

  g_strstrip (text);
  query = *text ? recap_search_fold_dup (text, -1) : NULL;
  recap_live_search_set_query (self->search, query);
}

static void
stop_search (RecapSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
view_selected (RecapSidebar *self)
{
  guint view = gtk_drop_down_get_selected (self->view_dropdown);
  RecapSidebarView before = self->view;

  if (view >= G_N_ELEMENTS (view_names))
    return;
  self->view = view;
  g_settings_set_string (self->settings, "sidebar-view", view_names[view]);
  show_view (self, before);
}

static void
collection_chosen (RecapSidebar *self)
{
  refilter (self, RECAP_MATCH_DIFFERENT);
  g_clear_handle_id (&self->regroup_source, g_source_remove);
  regroup (self);
}

/* Public API */

void
recap_sidebar_activate_row (RecapSidebar *self,
                            guint         position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GObject) item = row ? dup_row_item (row) : NULL;

  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  if (RECAP_IS_POST (item))
    g_signal_emit (self, signals[POST_ACTIVATED], 0, item);
  else if (GTK_IS_TREE_LIST_ROW (row))
    gtk_tree_list_row_set_expanded (GTK_TREE_LIST_ROW (row), !gtk_tree_list_row_get_expanded (GTK_TREE_LIST_ROW (row)));
}

void
recap_sidebar_set_site (RecapSidebar *self,
                        RecapSite    *site)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  g_set_object (&self->site, site);
  /* First: the counts follow the site's changes before the filter's. */
  recap_collection_chooser_count (self->collection_chooser, G_LIST_MODEL (site));
  recap_live_search_set_posts (self->search, G_LIST_MODEL (site));
  /* The list view would follow every post of the change: it takes the
   * new list once that is made. */
  if (!is_grouped (self->view))
    gtk_multi_selection_set_model (self->selection, NULL);
  recap_match_list_set_model (self->filtered, G_LIST_MODEL (site));
  if (!is_grouped (self->view))
    set_rows (self);
  posts_changed (self);
}

void
recap_sidebar_set_git_monitor (RecapSidebar    *self,
                               RecapGitMonitor *monitor)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  g_set_object (&self->git, monitor);
}

void
recap_sidebar_set_loading (RecapSidebar *self,
                           gboolean      loading)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  self->loading = loading;
  recap_live_search_set_paused (self->search, loading);
  recount (self);
  update_page (self);
  /* Done: the groups of all posts now, not at the next tick. */
  if (!loading && self->regroup_source != 0)
    {
      g_clear_handle_id (&self->regroup_source, g_source_remove);
      posts_changed (self);
    }
}

void
recap_sidebar_set_view (RecapSidebar     *self,
                        RecapSidebarView  view)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  gtk_drop_down_set_selected (self->view_dropdown, view);
}

void
recap_sidebar_set_collection (RecapSidebar *self,
                              const char   *collection)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  recap_collection_chooser_set_filter (self->collection_chooser, collection);
}

/* GTK 4.8 keeps a scrolled-to row at a fraction of the visible height, which
 * is 0/0 before the list has a size (its page was just shown): with that NaN
 * the list stays at its top while it makes row widgets only around the
 * target, blank elsewhere until the user scrolls. So wait for a size. */
static gboolean
list_has_size (RecapSidebar *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  return adjustment != NULL && gtk_adjustment_get_page_size (adjustment) > 0;
}

static void
scroll_to_selection (RecapSidebar *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (!gtk_bitset_is_empty (selected))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                gtk_bitset_get_minimum (selected));
}

/* Whether @expander shows @row, a GtkTreeListRow or a post of a flat view. */
static gboolean
shows_row (GtkTreeExpander *expander,
           GObject         *row)
{
  GtkWidget *child = gtk_tree_expander_get_child (expander);

  if (GTK_IS_TREE_LIST_ROW (row))
    return gtk_tree_expander_get_list_row (expander) == GTK_TREE_LIST_ROW (row);
  return RECAP_IS_POST_ROW (child) && (GObject *) recap_post_row_get_post (RECAP_POST_ROW (child)) == row;
}

/* Whether the row at @position ends below the list's visible area with its
 * top on or above the bottom edge, as GTK 4.12 and later leave a row they
 * had not laid out when asked to scroll to it (it had no height yet). */
static gboolean
row_cut_at_bottom (RecapSidebar *self,
                   guint         position)
{
  GtkWidget *list_view = GTK_WIDGET (self->list_view);
  int height = gtk_widget_get_height (list_view);
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      graphene_rect_t bounds;

      if (GTK_IS_TREE_EXPANDER (expander) && shows_row (GTK_TREE_EXPANDER (expander), row))
        return gtk_widget_compute_bounds (child, list_view, &bounds) &&
               bounds.origin.y <= height && bounds.origin.y + bounds.size.height > height;
    }
  return FALSE;
}

/* The frame after a scroll has laid the row out, so when that frame is
 * painted a row left cut at the bottom is scrolled to again, now in full.
 * Never so on GTK 4.8, nor for a row the user scrolled away from since. */
static void
scroll_again (RecapSidebar *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  g_signal_group_set_target (self->clock_signals, NULL);
  if (!gtk_bitset_is_empty (selected) && row_cut_at_bottom (self, gtk_bitset_get_minimum (selected)))
    scroll_to_selection (self);
}

static void
scroll_twice (RecapSidebar *self)
{
  scroll_to_selection (self);
  g_signal_group_set_target (self->clock_signals, gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view)));
}

static gboolean
scroll_when_sized (GtkWidget     *list_view,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  RecapSidebar *self = user_data;

  if (!list_has_size (self))
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  scroll_twice (self);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_selection (RecapSidebar *self)
{
  if (self->scroll_tick != 0)
    return;
  if (list_has_size (self))
    scroll_twice (self);
  else
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_when_sized,
                                                      self, NULL);
}

/* A flat view's rows follow the site's order: the row of @post is found
 * by binary searches, where a scan of the rows took 30-40 ms for the
 * oldest of 100,000 posts (bench-load-stall search). FALSE: scan them. */
static gboolean
find_flat_row (RecapSidebar *self,
               RecapPost    *post,
               guint        *row)
{
  guint position;

  if (self->site == NULL || recap_match_list_get_model (self->filtered) != G_LIST_MODEL (self->site) ||
      gtk_multi_selection_get_model (self->selection) != G_LIST_MODEL (self->filtered))
    return FALSE;
  position = recap_site_get_position (self->site, post);
  return position != G_MAXUINT && recap_match_list_find_row (self->filtered, position, row);
}

/* The row of @post, G_MAXUINT for none. */
static guint
row_of (RecapSidebar *self,
        RecapPost    *post)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);
  guint flat_row;

  if (post != NULL && find_flat_row (self, post, &flat_row))
    return flat_row;
  for (guint i = 0; post != NULL && i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = dup_row_item (row);

      if (item == (GObject *) post)
        return i;
    }
  return G_MAXUINT;
}

static void
select_post (RecapSidebar *self,
             RecapPost    *post,
             gboolean      scroll)
{
  guint position = row_of (self, post);

  if (position == G_MAXUINT)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (scroll)
    queue_scroll_to_selection (self);
}

void
recap_sidebar_select_post (RecapSidebar *self,
                           RecapPost    *post)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));
  select_post (self, post, TRUE);
}

void
recap_sidebar_reselect_post (RecapSidebar *self,
                             RecapPost    *post)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));
  select_post (self, post, FALSE);
}

GPtrArray *
recap_sidebar_dup_selected_posts (RecapSidebar *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (RECAP_IS_SIDEBAR (self), NULL);

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_autoptr(GObject) item = dup_row_item (row);

      if (RECAP_IS_POST (item))
        g_ptr_array_add (posts, g_steal_pointer (&item));
    }
  return posts;
}

void
recap_sidebar_focus_search (RecapSidebar *self)
{
  g_return_if_fail (RECAP_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
recap_sidebar_get_rows (RecapSidebar *self)
{
  g_return_val_if_fail (RECAP_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
recap_sidebar_get_searching (RecapSidebar *self)
{
  g_return_val_if_fail (RECAP_IS_SIDEBAR (self), FALSE);
  return recap_live_search_get_busy (self->search);
}

static void
setup_models (RecapSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->filtered = recap_match_list_new ();
  recap_match_list_set_match_func (self->filtered, post_visible, self);
  self->groups = g_list_store_new (RECAP_TYPE_POST_GROUP);
  self->selection = gtk_multi_selection_new (NULL);
  self->pacer = recap_row_pacer_new (GTK_WIDGET (self->list_view));
  self->post_rows = g_hash_table_new (NULL, NULL);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (posts_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static guint
view_from_settings (GSettings *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "sidebar-view");

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (name, view_names[i]))
      return i;
  return RECAP_SIDEBAR_VIEW_POSTS;
}

static gboolean
focus_search_binding (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  recap_sidebar_focus_search (RECAP_SIDEBAR (widget));
  return TRUE;
}

static void
recap_sidebar_dispose (GObject *object)
{
  RecapSidebar *self = RECAP_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->regroup_source, g_source_remove);
  g_cancellable_cancel (self->grouping);
  g_clear_object (&self->grouping);
  finish_splice (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_object (&self->clock_signals);
  if (self->pacer != NULL)
    recap_row_pacer_stop (self->pacer);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->pacer);
  g_clear_object (&self->groups);
  g_clear_object (&self->filtered);
  g_clear_object (&self->site);
  g_clear_object (&self->git);
  g_clear_object (&self->settings);
  g_clear_object (&self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* After the list view: its rows are unbound as it goes. */
  g_clear_pointer (&self->post_rows, g_hash_table_unref);

  G_OBJECT_CLASS (recap_sidebar_parent_class)->dispose (object);
}

static void
recap_sidebar_class_init (RecapSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_sidebar_dispose;

  /* Emitted when the user opens a post (click, Enter). */
  signals[POST_ACTIVATED] = g_signal_new ("post-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, RECAP_TYPE_POST);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.trash", NULL);

  /* Ctrl+F finds text in the editor; in the sidebar it finds posts. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_binding, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, collection_chooser);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, RecapSidebar, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
}

static void
recap_sidebar_init (RecapSidebar *self)
{
  g_type_ensure (RECAP_TYPE_COLLECTION_CHOOSER);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->view = view_from_settings (self->settings);
  self->search = recap_live_search_new ();
  g_signal_connect_swapped (self->search, "shown", G_CALLBACK (search_shown), self);
  self->clock_signals = g_signal_group_new (GDK_TYPE_FRAME_CLOCK);
  g_signal_group_connect_swapped (self->clock_signals, "after-paint", G_CALLBACK (scroll_again), self);
  self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  setup_models (self);
  recap_drop_down_ellipsize (self->view_dropdown);
  gtk_drop_down_set_selected (self->view_dropdown, self->view);
  g_signal_connect_swapped (self->view_dropdown, "notify::selected", G_CALLBACK (view_selected), self);
  g_settings_bind (self->settings, "sidebar-collection", self->collection_chooser, "filter", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->collection_chooser, "notify::filter", G_CALLBACK (collection_chosen), self);
  show_view (self, self->view);
}
