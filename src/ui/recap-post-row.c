/* recap-post-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-git-badge.h"
#include "recap-post-row.h"
#include "recap-text-stats.h"

struct _RecapPostRow
{
  GtkWidget     parent_instance;

  RecapPost    *post;
  GSignalGroup *post_signals;
  GSignalGroup *git_signals;   /* of the RecapGitMonitor whose states the badge shows */

  GtkLabel     *title_label;
  GtkLabel     *date_label;
  GtkLabel     *tags_label;
  /* Made only for the rows that show them: a list view keeps some 200 rows,
   * and a widget costs a few kilobytes in each, hidden or not. */
  GtkWidget    *unsaved_dot;
  GtkWidget    *draft_badge;
  GtkWidget    *snippet_label;
  GtkWidget    *git_badge;
};

G_DEFINE_FINAL_TYPE (RecapPostRow, recap_post_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_post_date (RecapPost *post)
{
  GDateTime *date = recap_post_get_date (post);

  /* Translators: date of a post in the sidebar, see g_date_time_format() */
  return date ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (_("No date"));
}

static GtkWidget *
new_unsaved_dot (void)
{
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (dot), 8);
  gtk_widget_set_tooltip_text (dot, _("Unsaved changes"));
  gtk_widget_add_css_class (dot, "unsaved-dot");
  return dot;
}

static GtkWidget *
new_draft_badge (void)
{
  GtkWidget *badge = gtk_label_new (_("Draft"));

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "badge");
  return badge;
}

static GtkWidget *
new_snippet_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* All the row's width, as it had below the lines of boxes. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "snippet");
  return label;
}

/* Makes *@child after @sibling when @shown, drops it when not. */
static void
show_optional_child (RecapPostRow  *self,
                     GtkWidget    **child,
                     gboolean       shown,
                     GtkWidget   *(*create) (void),
                     GtkWidget     *sibling)
{
  if (shown && *child == NULL)
    {
      *child = create ();
      gtk_widget_insert_after (*child, GTK_WIDGET (self), sibling);
    }
  else if (!shown && *child != NULL)
    g_clear_pointer (child, gtk_widget_unparent);
}

static void
update_unsaved (RecapPostRow *self)
{
  show_optional_child (self, &self->unsaved_dot, self->post != NULL && recap_post_get_unsaved (self->post),
                       new_unsaved_dot, GTK_WIDGET (self->title_label));
}

/* Appends @value, escaped, to the markup of the row's second line;
 * italic when it comes from _config.yml's defaults. */
static void
append_value (GString    *markup,
              RecapPost  *post,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  if (markup->len > 0)
    g_string_append (markup, " · ");
  if (recap_post_get_inherits (post, key))
    g_string_append_printf (markup, "<i>%s</i>", escaped);
  else
    g_string_append (markup, escaped);
}

/* Author, layout and tags as Jekyll uses them. */
static char *
format_values (RecapPost *post)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *tags = recap_post_get_tags (post) ? g_strjoinv (", ", (GStrv) recap_post_get_tags (post)) : NULL;

  append_value (markup, post, recap_post_get_inherits (post, "authors") ? "authors" : "author",
                recap_post_get_author (post));
  append_value (markup, post, "layout", recap_post_get_layout (post));
  append_value (markup, post, "tags", tags);
  return g_string_free (markup, FALSE);
}

/* The post's state in git: a badge when it differs from the last commit. */
static void
update_git_badge (RecapPostRow *self)
{
  g_autoptr(RecapGitMonitor) monitor = g_signal_group_dup_target (self->git_signals);
  RecapGitState state = RECAP_GIT_CURRENT;

  if (monitor != NULL && self->post != NULL)
    state = recap_git_monitor_get_state (monitor, recap_post_get_relative_path (self->post));
  show_optional_child (self, &self->git_badge, state != RECAP_GIT_CURRENT, recap_git_badge_new,
                       self->unsaved_dot ? self->unsaved_dot : GTK_WIDGET (self->title_label));
  if (self->git_badge != NULL)
    recap_git_badge_set_state (self->git_badge, state);
}

static void
recap_post_row_update (RecapPostRow *self)
{
  g_autofree char *date = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *words = NULL;
  g_autofree char *date_and_words = NULL;

  update_unsaved (self);
  update_git_badge (self);
  if (self->post == NULL)
    return;

  date = format_post_date (self->post);
  words = recap_text_format_words (recap_post_get_words (self->post));
  /* Translators: a post's date and word count in the sidebar */
  date_and_words = g_strdup_printf (_("%s · %s"), date, words);
  tags = format_values (self->post);
  gtk_label_set_label (self->title_label, recap_post_get_title (self->post));
  gtk_label_set_label (self->date_label, date_and_words);
  gtk_label_set_markup (self->tags_label, tags);
  /* A file Jekyll does not read says why. Set only when it changes: each
   * call asks the display where the pointer is (an X round trip). */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), recap_post_get_skip_reason (self->post)) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), recap_post_get_skip_reason (self->post));
  show_optional_child (self, &self->draft_badge,
                       recap_post_get_is_draft (self->post) || !recap_post_get_published (self->post),
                       new_draft_badge, GTK_WIDGET (self->tags_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, recap_post_get_title (self->post),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date_and_words,
                                  -1);
}

/* A title cut short shows in full in a tooltip; one that fits needs none. */
static gboolean
title_query_tooltip (GtkLabel   *label,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

/* Where a search matched in the body; NULL hides it. */
RecapPost *
recap_post_row_get_post (RecapPostRow *self)
{
  g_return_val_if_fail (RECAP_IS_POST_ROW (self), NULL);
  return self->post;
}

void
recap_post_row_set_snippet (RecapPostRow *self,
                            const char   *snippet)
{
  g_return_if_fail (RECAP_IS_POST_ROW (self));

  show_optional_child (self, &self->snippet_label, snippet != NULL,
                       new_snippet_label, gtk_widget_get_last_child (GTK_WIDGET (self)));
  if (snippet != NULL)
    gtk_label_set_label (GTK_LABEL (self->snippet_label), snippet);
}

/* Badges show the posts' states in @monitor's status; NULL for none. */
void
recap_post_row_set_git_monitor (RecapPostRow    *self,
                                RecapGitMonitor *monitor)
{
  g_return_if_fail (RECAP_IS_POST_ROW (self));

  g_signal_group_set_target (self->git_signals, monitor);
  update_git_badge (self);
}

void
recap_post_row_set_post (RecapPostRow *self,
                         RecapPost    *post)
{
  g_return_if_fail (RECAP_IS_POST_ROW (self));

  if (!g_set_object (&self->post, post))
    return;
  g_signal_group_set_target (self->post_signals, post);
  recap_post_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

/* Layout: lines placed as a vertical box with spacing 2 would: the title and
 * unsaved dot, the date, tags and draft badge, then the snippet; in a line,
 * as in a horizontal box with spacing 6, the others get their natural width
 * and the expanding label (title, tags, snippet) the rest. Boxes would cost
 * memory in each row. */

#define LINE_SPACING 2
#define CHILD_SPACING 6
#define N_LINES 3
#define MAX_PER_LINE 3

typedef struct {
  GtkWidget *children[MAX_PER_LINE];
  int        widths[MAX_PER_LINE];    /* -1: not given */
  guint      n;
} Line;

static int
spacing_between (guint n,
                 int   spacing)
{
  return n > 1 ? spacing * (int) (n - 1) : 0;
}

/* Gives the children of @line their widths in @width, as GtkBox does. */
static void
share_line_width (Line *line,
                  int   width)
{
  GtkRequestedSize sizes[MAX_PER_LINE];
  int extra = width - spacing_between (line->n, CHILD_SPACING);
  guint n_expand = 0;

  for (guint i = 0; i < line->n; i++)
    {
      gtk_widget_measure (line->children[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = NULL;
      extra -= sizes[i].minimum_size;
      n_expand += gtk_widget_compute_expand (line->children[i], GTK_ORIENTATION_HORIZONTAL);
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), line->n, sizes);
  for (guint i = 0; i < line->n; i++)
    {
      line->widths[i] = sizes[i].minimum_size;
      if (gtk_widget_compute_expand (line->children[i], GTK_ORIENTATION_HORIZONTAL))
        line->widths[i] += extra / n_expand;
    }
}

/* The lines with something to show; @width < 0 for their natural widths. */
static guint
get_lines (RecapPostRow *self,
           int           width,
           Line         *lines)
{
  GtkWidget *all[N_LINES][MAX_PER_LINE] = {
    { GTK_WIDGET (self->title_label), self->unsaved_dot, self->git_badge },
    { GTK_WIDGET (self->date_label), GTK_WIDGET (self->tags_label), self->draft_badge },
    { self->snippet_label, NULL, NULL },
  };
  guint n_lines = 0;

  for (guint l = 0; l < N_LINES; l++)
    {
      Line *line = &lines[n_lines];

      line->n = 0;
      for (guint i = 0; i < MAX_PER_LINE; i++)
        if (all[l][i] != NULL && gtk_widget_should_layout (all[l][i]))
          {
            line->widths[line->n] = -1;
            line->children[line->n++] = all[l][i];
          }
      if (line->n == 0)
        continue;
      if (width >= 0)
        share_line_width (line, width);
      n_lines++;
    }
  return n_lines;
}

static void
measure_line (Line           *line,
              GtkOrientation  orientation,
              int            *minimum,
              int            *natural)
{
  *minimum = *natural = 0;
  for (guint i = 0; i < line->n; i++)
    {
      int for_size = orientation == GTK_ORIENTATION_VERTICAL ? line->widths[i] : -1;
      int min, nat;

      gtk_widget_measure (line->children[i], orientation, for_size, &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum += min;
          *natural += nat;
        }
      else
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum += spacing_between (line->n, CHILD_SPACING);
      *natural += spacing_between (line->n, CHILD_SPACING);
    }
}

static GtkSizeRequestMode
recap_post_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
recap_post_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  Line lines[N_LINES];
  gboolean vertical = orientation == GTK_ORIENTATION_VERTICAL;
  guint n_lines = get_lines (RECAP_POST_ROW (widget), vertical ? for_size : -1, lines);

  *minimum = *natural = vertical ? spacing_between (n_lines, LINE_SPACING) : 0;
  for (guint l = 0; l < n_lines; l++)
    {
      int min, nat;

      measure_line (&lines[l], orientation, &min, &nat);
      *minimum = vertical ? *minimum + min : MAX (*minimum, min);
      *natural = vertical ? *natural + nat : MAX (*natural, nat);
    }
}

static void
recap_post_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Line lines[N_LINES];
  GtkRequestedSize heights[N_LINES];
  guint n_lines = get_lines (RECAP_POST_ROW (widget), width, lines);
  int extra = height - spacing_between (n_lines, LINE_SPACING);
  int y = 0;

  for (guint l = 0; l < n_lines; l++)
    {
      measure_line (&lines[l], GTK_ORIENTATION_VERTICAL, &heights[l].minimum_size, &heights[l].natural_size);
      heights[l].data = NULL;
      extra -= heights[l].minimum_size;
    }
  gtk_distribute_natural_allocation (MAX (extra, 0), n_lines, heights);

  for (guint l = 0; l < n_lines; l++)
    {
      int x = 0;

      for (guint i = 0; i < lines[l].n; i++)
        {
          int child_width = lines[l].widths[i];

          gtk_widget_size_allocate (lines[l].children[i],
                                    &(GtkAllocation) { rtl ? width - x - child_width : x, y,
                                                       child_width, heights[l].minimum_size },
                                    -1);
          x += child_width + CHILD_SPACING;
        }
      y += heights[l].minimum_size + LINE_SPACING;
    }
}

static void
recap_post_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RecapPostRow *self = RECAP_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_post_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RecapPostRow *self = RECAP_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      recap_post_row_set_post (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
recap_post_row_dispose (GObject *object)
{
  RecapPostRow *self = RECAP_POST_ROW (object);

  g_clear_object (&self->post_signals); /* disconnects from the post */
  g_clear_object (&self->git_signals);
  g_clear_object (&self->post);
  g_clear_pointer (&self->unsaved_dot, gtk_widget_unparent);
  g_clear_pointer (&self->draft_badge, gtk_widget_unparent);
  g_clear_pointer (&self->snippet_label, gtk_widget_unparent);
  g_clear_pointer (&self->git_badge, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECAP_TYPE_POST_ROW);

  G_OBJECT_CLASS (recap_post_row_parent_class)->dispose (object);
}

static void
recap_post_row_class_init (RecapPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = recap_post_row_dispose;
  object_class->get_property = recap_post_row_get_property;
  object_class->set_property = recap_post_row_set_property;
  widget_class->get_request_mode = recap_post_row_get_request_mode;
  widget_class->measure = recap_post_row_measure;
  widget_class->size_allocate = recap_post_row_size_allocate;

  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL, RECAP_TYPE_POST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-post-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, RecapPostRow, tags_label);
  gtk_widget_class_bind_template_callback (widget_class, title_query_tooltip);
}

static void
recap_post_row_init (RecapPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->post_signals = g_signal_group_new (RECAP_TYPE_POST);
  g_signal_group_connect_object (self->post_signals, "notify::unsaved",
                                 G_CALLBACK (update_unsaved), self, G_CONNECT_SWAPPED);
  self->git_signals = g_signal_group_new (RECAP_TYPE_GIT_MONITOR);
  g_signal_group_connect_object (self->git_signals, "changed",
                                 G_CALLBACK (update_git_badge), self, G_CONNECT_SWAPPED);
}
