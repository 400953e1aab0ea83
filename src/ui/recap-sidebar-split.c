/* recap-sidebar-split.c: the sidebar beside the content, or over it when collapsed
 *
 * The one place that picks the split widget: AdwOverlaySplitView where
 * libadwaita has it (1.4), AdwFlap on older ones (Debian 12 has 1.2), so
 * the window's template and layout code are the same on both.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "recap-sidebar-split.h"

#define HAVE_OVERLAY_SPLIT_VIEW ADW_CHECK_VERSION (1, 4, 0)

struct _RecapSidebarSplit
{
  AdwBin     parent_instance;

  GtkWidget *split;     /* AdwOverlaySplitView or AdwFlap */
  gboolean   show_sidebar;
  gboolean   collapsed;
};

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_SHOW_SIDEBAR,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RecapSidebarSplit, recap_sidebar_split, ADW_TYPE_BIN)

void
recap_sidebar_split_set_sidebar (RecapSidebarSplit *self,
                                 GtkWidget         *sidebar)
{
  g_return_if_fail (RECAP_IS_SIDEBAR_SPLIT (self));

#if HAVE_OVERLAY_SPLIT_VIEW
  adw_overlay_split_view_set_sidebar (ADW_OVERLAY_SPLIT_VIEW (self->split), sidebar);
  /* The split view sizes its sidebar itself: to the sidebar's own width, as the flap does. */
  if (sidebar != NULL)
    {
      g_object_bind_property (sidebar, "width-request", self->split, "min-sidebar-width", G_BINDING_SYNC_CREATE);
      g_object_bind_property (sidebar, "width-request", self->split, "max-sidebar-width", G_BINDING_SYNC_CREATE);
    }
#else
  adw_flap_set_flap (ADW_FLAP (self->split), sidebar);
#endif
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

void
recap_sidebar_split_set_content (RecapSidebarSplit *self,
                                 GtkWidget         *content)
{
  g_return_if_fail (RECAP_IS_SIDEBAR_SPLIT (self));

#if HAVE_OVERLAY_SPLIT_VIEW
  adw_overlay_split_view_set_content (ADW_OVERLAY_SPLIT_VIEW (self->split), content);
#else
  adw_flap_set_content (ADW_FLAP (self->split), content);
#endif
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

gboolean
recap_sidebar_split_get_show_sidebar (RecapSidebarSplit *self)
{
  g_return_val_if_fail (RECAP_IS_SIDEBAR_SPLIT (self), FALSE);
  return self->show_sidebar;
}

void
recap_sidebar_split_set_show_sidebar (RecapSidebarSplit *self,
                                      gboolean           show_sidebar)
{
  g_return_if_fail (RECAP_IS_SIDEBAR_SPLIT (self));

  show_sidebar = !!show_sidebar;
  if (show_sidebar == self->show_sidebar)
    return;
  self->show_sidebar = show_sidebar;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

gboolean
recap_sidebar_split_get_collapsed (RecapSidebarSplit *self)
{
  g_return_val_if_fail (RECAP_IS_SIDEBAR_SPLIT (self), FALSE);
  return self->collapsed;
}

void
recap_sidebar_split_set_collapsed (RecapSidebarSplit *self,
                                   gboolean           collapsed)
{
  g_return_if_fail (RECAP_IS_SIDEBAR_SPLIT (self));

  collapsed = !!collapsed;
  if (collapsed == self->collapsed)
    return;
  self->collapsed = collapsed;
  /* Both hide the sidebar on collapsing and show it on expanding. */
#if HAVE_OVERLAY_SPLIT_VIEW
  adw_overlay_split_view_set_collapsed (ADW_OVERLAY_SPLIT_VIEW (self->split), collapsed);
#else
  adw_flap_set_fold_policy (ADW_FLAP (self->split),
                            collapsed ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER);
#endif
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

static void
recap_sidebar_split_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RecapSidebarSplit *self = RECAP_SIDEBAR_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_sidebar_split_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RecapSidebarSplit *self = RECAP_SIDEBAR_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      recap_sidebar_split_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      recap_sidebar_split_set_content (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR:
      recap_sidebar_split_set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case PROP_COLLAPSED:
      recap_sidebar_split_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_sidebar_split_class_init (RecapSidebarSplitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = recap_sidebar_split_get_property;
  object_class->set_property = recap_sidebar_split_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recap_sidebar_split_init (RecapSidebarSplit *self)
{
  const char *show_property;

  self->show_sidebar = TRUE;
#if HAVE_OVERLAY_SPLIT_VIEW
  self->split = adw_overlay_split_view_new ();
  show_property = "show-sidebar";
#else
  self->split = adw_flap_new ();
  adw_flap_set_fold_policy (ADW_FLAP (self->split), ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_separator (ADW_FLAP (self->split), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  show_property = "reveal-flap";
#endif
  adw_bin_set_child (ADW_BIN (self), self->split);
  g_object_bind_property (self, "show-sidebar", self->split, show_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}
