/* recap-git-badge.c: the git badge of a sidebar row, one letter as git
 * tools show it (A, M, U, D), spelt out in its tooltip and accessible label
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-git-badge.h"

typedef struct {
  const char *letter;
  const char *description;
  const char *css_class;
} Look;

static const Look looks[] = {
  [RECAP_GIT_NEW] = { NC_("git state", "A"), N_("New: added to git since the last commit"), "git-new" },
  [RECAP_GIT_MODIFIED] = { NC_("git state", "M"), N_("Modified since the last commit"), "git-modified" },
  [RECAP_GIT_UNTRACKED] = { NC_("git state", "U"), N_("Untracked: not in git yet"), "git-untracked" },
  [RECAP_GIT_DELETED] = { NC_("git state", "D"), N_("Deleted since the last commit"), "git-deleted" },
};

GtkWidget *
recap_git_badge_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "git-badge");
  return badge;
}

void
recap_git_badge_set_state (GtkWidget     *badge,
                           RecapGitState  state)
{
  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (state > RECAP_GIT_CURRENT && state < G_N_ELEMENTS (looks));

  for (guint i = RECAP_GIT_NEW; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (badge, looks[i].css_class);
  gtk_widget_add_css_class (badge, looks[state].css_class);
  /* Translators: one-letter git states of a post, as git tools show them */
  gtk_label_set_label (GTK_LABEL (badge), g_dpgettext2 (NULL, "git state", looks[state].letter));
  gtk_widget_set_tooltip_text (badge, _(looks[state].description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(looks[state].description), -1);
}

char *
recap_git_format_changed (guint n_changed)
{
  if (n_changed == 0)
    return g_strdup (_("No changes"));
  /* Translators: files of the site that differ from the last git commit */
  return g_strdup_printf (g_dngettext (NULL, "%u changed", "%u changed", n_changed), n_changed);
}
