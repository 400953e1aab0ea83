/* recap-git.c: recap-git.h's blocking calls, with libgit2-glib
 *
 * The error quark and the async variants, which run these calls in a
 * thread, are in recap-git-common.c, shared with recap-git-none.c.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <libgit2-glib/ggit.h>
#include <string.h>

#include "recap-git.h"

/* Recap's temporary copies during a save (see recap-file-write.c), for the
 * repository's own ignore list. */
#define EXCLUDE_COMMENT "# Recap's temporary copies while it saves a file"
#define EXCLUDE_PATTERN ".*.recap-*.tmp"

static void
init_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      ggit_init ();
      g_once_init_leave (&done, 1);
    }
}

/* The repository that holds @root, and where @root is in its work tree
 * ("" at its top, else "folder/"). */
static GgitRepository *
open_repository (GFile   *root,
                 char   **prefix,
                 GError **error)
{
  g_autoptr(GFile) git_dir = NULL;
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GFile) workdir = NULL;
  g_autofree char *relative = NULL;

  init_once ();
  git_dir = ggit_repository_discover (root, NULL);
  if (git_dir != NULL)
    repository = ggit_repository_open (git_dir, NULL);
  if (repository != NULL)
    workdir = ggit_repository_get_workdir (repository);
  if (workdir == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (root);

      g_set_error (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOT_A_WORK_TREE,
                   _("“%s” is not in a git work tree"), name);
      return NULL;
    }
  relative = g_file_get_relative_path (workdir, root);
  *prefix = relative != NULL ? g_strconcat (relative, "/", NULL) : g_strdup ("");
  return g_steal_pointer (&repository);
}

/* Adds our temporary copies to the repository's .git/info/exclude, once. */
static void
exclude_temp_files (GgitRepository *repository)
{
  g_autoptr(GFile) git_dir = ggit_repository_get_location (repository);
  g_autoptr(GFile) info = g_file_get_child (git_dir, "info");
  g_autoptr(GFile) exclude = g_file_get_child (info, "exclude");
  g_autofree char *contents = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *lines = NULL;

  if (g_file_load_contents (exclude, NULL, &contents, NULL, NULL, NULL) &&
      strstr (contents, "\n" EXCLUDE_PATTERN "\n") != NULL)
    return;
  g_file_make_directory (info, NULL, NULL);
  out = g_file_append_to (exclude, G_FILE_CREATE_NONE, NULL, NULL);
  lines = g_strdup_printf ("%s" EXCLUDE_COMMENT "\n" EXCLUDE_PATTERN "\n",
                           contents != NULL && *contents && !g_str_has_suffix (contents, "\n") ? "\n" : "");
  if (out != NULL)
    g_output_stream_write_all (G_OUTPUT_STREAM (out), lines, strlen (lines), NULL, NULL, NULL);
}

static RecapGitState
state_for (GgitStatusFlags flags)
{
  if (flags & (GGIT_STATUS_INDEX_DELETED | GGIT_STATUS_WORKING_TREE_DELETED))
    return RECAP_GIT_DELETED;
  if (flags & GGIT_STATUS_INDEX_NEW)
    return RECAP_GIT_NEW;
  if (flags & GGIT_STATUS_WORKING_TREE_NEW)
    return RECAP_GIT_UNTRACKED;
  if (flags & ~GGIT_STATUS_IGNORED)
    return RECAP_GIT_MODIFIED;
  return RECAP_GIT_CURRENT;
}

typedef struct {
  const char *prefix;
  GHashTable *states;
} StatusScan;

static int
add_status (const char      *path,
            GgitStatusFlags  flags,
            gpointer         user_data)
{
  StatusScan *scan = user_data;
  RecapGitState state = state_for (flags);

  if (state != RECAP_GIT_CURRENT && g_str_has_prefix (path, scan->prefix))
    g_hash_table_insert (scan->states, g_strdup (path + strlen (scan->prefix)), GINT_TO_POINTER (state));
  return 0;
}

GHashTable *
recap_git_status (GFile   *root,
                  GError **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GgitRepository) repository = open_repository (root, &prefix, error);
  g_autoptr(GgitStatusOptions) options = NULL;
  g_autoptr(GHashTable) states = NULL;
  const char *pathspec[] = { prefix, NULL };
  StatusScan scan;

  if (repository == NULL)
    return NULL;
  exclude_temp_files (repository);
  options = ggit_status_options_new (GGIT_STATUS_OPTION_INCLUDE_UNTRACKED | GGIT_STATUS_OPTION_RECURSE_UNTRACKED_DIRS,
                                     GGIT_STATUS_SHOW_INDEX_AND_WORKDIR, *prefix ? pathspec : NULL);
  states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan = (StatusScan) { prefix, states };
  if (!ggit_repository_file_status_foreach (repository, options, add_status, &scan, error))
    return NULL;
  return g_steal_pointer (&states);
}

/* The tree of the last commit, NULL (and no error) before the first.
 *
 * Not ggit_ref_lookup(): up to libgit2-glib 1.2.1 it wraps the resolved
 * git_reference without owning it, so every call leaks that reference (and
 * through it the repository's refdb). git_repository_head() has already
 * resolved HEAD to a direct reference, so its target is the commit's id. */
static GgitTree *
head_tree (GgitRepository *repository,
           GgitCommit    **commit,
           GError        **error)
{
  g_autoptr(GgitRef) head = NULL;
  g_autoptr(GgitOId) target = NULL;
  g_autoptr(GgitCommit) head_commit = NULL;

  if (ggit_repository_is_head_unborn (repository, NULL))
    return NULL;
  head = ggit_repository_get_head (repository, error);
  if (head != NULL)
    target = ggit_ref_get_target (head);
  if (target != NULL)
    head_commit = ggit_repository_lookup_commit (repository, target, error);
  if (head_commit == NULL)
    return NULL;
  if (commit != NULL)
    *commit = g_object_ref (head_commit);
  return ggit_commit_get_tree (head_commit);
}

char *
recap_git_diff (GFile       *root,
                const char  *relative_path,
                GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GgitRepository) repository = open_repository (root, &prefix, error);
  g_autofree char *path = NULL;
  g_autoptr(GgitTree) tree = NULL;
  g_autoptr(GgitDiffOptions) options = NULL;
  g_autoptr(GgitDiff) diff = NULL;
  g_autoptr(GgitPatch) patch = NULL;
  GError *local_error = NULL;
  guint repository_refs;
  char *text = NULL;

  if (repository == NULL)
    return NULL;
  path = g_strconcat (prefix, relative_path, NULL);
  tree = head_tree (repository, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  options = ggit_diff_options_new ();
  ggit_diff_options_set_flags (options, GGIT_DIFF_SHOW_UNTRACKED_CONTENT | GGIT_DIFF_DISABLE_PATHSPEC_MATCH);
  ggit_diff_options_set_pathspec (options, (const char *[]) { path, NULL });
  /* libgit2-glib (up to 1.2.1 at least) takes a reference on the
   * repository for each GgitDiff and never drops it, which leaks the whole
   * repository. It is ours alone (open_repository()), so any reference
   * more than before the diff, once the diff is gone, is that one. */
  repository_refs = (guint) g_atomic_int_get (&G_OBJECT (repository)->ref_count);
  diff = ggit_diff_new_tree_to_workdir (repository, tree, options, error);
  if (diff == NULL)
    return NULL;
  if (ggit_diff_get_num_deltas (diff) == 0)
    text = g_strdup ("");
  else if ((patch = ggit_patch_new_from_diff (diff, 0, error)) != NULL)
    text = ggit_patch_to_string (patch, error);
  g_clear_pointer (&patch, ggit_patch_unref);
  g_clear_object (&diff);
  while ((guint) g_atomic_int_get (&G_OBJECT (repository)->ref_count) > repository_refs)
    g_object_unref (repository);
  return text;
}

/* The user's git identity, or a NO_IDENTITY error. */
static GgitSignature *
signature_now (GgitRepository  *repository,
               GError         **error)
{
  g_autoptr(GgitConfig) config = ggit_repository_get_config (repository, NULL);
  g_autoptr(GgitConfig) snapshot = config ? ggit_config_snapshot (config, NULL) : NULL;
  const char *name = snapshot ? ggit_config_get_string (snapshot, "user.name", NULL) : NULL;
  const char *email = snapshot ? ggit_config_get_string (snapshot, "user.email", NULL) : NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  if (name == NULL || *name == '\0' || email == NULL || *email == '\0')
    {
      g_set_error_literal (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NO_IDENTITY,
                           _("Git does not know who you are. Set your name and email with "
                             "“git config --global user.name 'Your Name'” and "
                             "“git config --global user.email you@example.com”, then commit again."));
      return NULL;
    }
  return ggit_signature_new_now (name, email, error);
}

char *
recap_git_identity (GFile   *root,
                    GError **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GgitRepository) repository = open_repository (root, &prefix, error);
  g_autoptr(GgitSignature) signature = repository ? signature_now (repository, error) : NULL;

  if (signature == NULL)
    return NULL;
  return g_strdup_printf ("%s <%s>", ggit_signature_get_name (signature), ggit_signature_get_email (signature));
}

/* Stages @paths in @repository's index, as `git add` (or `git rm` for
 * deleted files) would, and writes the index. */
static GgitIndex *
stage (GgitRepository      *repository,
       const char          *prefix,
       const char * const  *paths,
       GError             **error)
{
  g_autoptr(GgitIndex) index = ggit_repository_get_index (repository, error);
  g_autoptr(GFile) workdir = ggit_repository_get_workdir (repository);

  if (index == NULL)
    return NULL;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (prefix, paths[i], NULL);
      g_autoptr(GFile) file = g_file_resolve_relative_path (workdir, path);
      gboolean ok;

      if (g_file_query_exists (file, NULL))
        ok = ggit_index_add_path (index, path, error);
      else
        ok = ggit_index_remove (index, file, 0, error);
      if (!ok)
        return NULL;
    }
  if (!ggit_index_write (index, error))
    return NULL;
  return g_steal_pointer (&index);
}

char *
recap_git_commit (GFile               *root,
                  const char * const  *paths,
                  const char          *message,
                  GError             **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GgitRepository) repository = open_repository (root, &prefix, error);
  g_autoptr(GgitSignature) signature = repository ? signature_now (repository, error) : NULL;
  g_autoptr(GgitIndex) index = NULL;
  g_autoptr(GgitOId) tree_id = NULL;
  g_autoptr(GgitTree) tree = NULL;
  g_autoptr(GgitCommit) parent = NULL;
  g_autoptr(GgitTree) parent_tree = NULL;
  g_autoptr(GgitOId) parent_tree_id = NULL;
  g_autoptr(GgitOId) commit_id = NULL;
  GError *local_error = NULL;

  if (signature == NULL)
    return NULL;
  parent_tree = head_tree (repository, &parent, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  index = stage (repository, prefix, paths, error);
  if (index != NULL)
    tree_id = ggit_index_write_tree (index, error);
  if (tree_id != NULL)
    tree = ggit_repository_lookup_tree (repository, tree_id, error);
  if (tree == NULL)
    return NULL;
  if (parent_tree != NULL)
    parent_tree_id = ggit_object_get_id (GGIT_OBJECT (parent_tree));
  if (parent_tree_id != NULL && ggit_oid_equal (tree_id, parent_tree_id))
    {
      g_set_error_literal (error, RECAP_GIT_ERROR, RECAP_GIT_ERROR_NOTHING_TO_COMMIT,
                           _("The chosen posts have no changes to commit"));
      return NULL;
    }
  commit_id = ggit_repository_create_commit (repository, "HEAD", signature, signature, NULL, message, tree,
                                             parent ? &parent : NULL, parent ? 1 : 0, error);
  return commit_id != NULL ? ggit_oid_to_string (commit_id) : NULL;
}
