/* recap-git-none.c: recap-git.h when Recap is built without libgit2-glib
 *
 * Every site is then in no work tree: the window shows no git status and
 * offers no commit. The async variants, in recap-git-common.c, run these
 * in a thread as they run recap-git.c's.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "recap-git.h"

static void
set_not_built (GError **error)
{
  g_set_error_literal (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOT_A_WORK_TREE,
                       _("Recap was built without git support"));
}

GHashTable *
recap_git_status (GFile   *root,
                  GError **error)
{
  set_not_built (error);
  return NULL;
}

char *
recap_git_diff (GFile       *root,
                const char  *relative_path,
                GError     **error)
{
  set_not_built (error);
  return NULL;
}

char *
recap_git_identity (GFile   *root,
                    GError **error)
{
  set_not_built (error);
  return NULL;
}

char *
recap_git_commit (GFile               *root,
                  const char * const  *paths,
                  const char          *message,
                  GError             **error)
{
  set_not_built (error);
  return NULL;
}