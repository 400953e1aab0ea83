/* bench-render.c: markdown rendering time for a 20 KB post and a 1 MB document, and pandoc's
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"
#include "recap-post-html.h"

#define POST_SIZE       (20 * 1024)
#define LARGE_SIZE      (1024 * 1024)
#define PANDOC_RUNS     10
#define TARGET_SPEEDUP  20

typedef char *(*RenderFunc) (const char *text,
                             gsize       len);

static char *
render_cmark (const char *text,
              gsize       len)
{
  return recap_markdown_render (text, len, RECAP_MARKDOWN_SOURCEPOS);
}

/* What the preview renders: the front matter card, then the body. */
static char *
render_preview (const char *text,
                gsize       len)
{
  return recap_post_html_render (text, len, "_posts/2024-03-14-bench.md", RECAP_MARKDOWN_SOURCEPOS);
}

static double
time_renders (const char *label,
              RenderFunc  render,
              const char *text,
              guint       runs)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize len = strlen (text);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *html = render (text, len);
      gint64 duration = g_get_monotonic_time () - start;

      g_array_append_val (durations, duration);
    }
  return bench_report (label, durations);
}

/* Apostrophe's way: a pandoc process per render. */
static double
time_pandoc (const char *pandoc,
             const char *text)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("recap-bench-XXXXXX.md", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < PANDOC_RUNS; i++)
    {
      const char *argv[] = { pandoc, "-f", "gfm", "-t", "html", path, NULL };
      gint64 start = g_get_monotonic_time ();
      gint64 duration;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      duration = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_array_append_val (durations, duration);
    }
  g_unlink (path);
  return bench_report ("pandoc -f gfm -t html, 20 KB post", durations);
}

static void
compare_with_pandoc (const char *post,
                     double      cmark_ms)
{
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  double speedup;

  if (pandoc == NULL)
    {
      g_print ("pandoc not installed: no comparison with pandoc\n");
      return;
    }
  speedup = time_pandoc (pandoc, post) / cmark_ms;
  g_print ("cmark-gfm renders the 20 KB post %.0fx faster than pandoc (target: at least %dx): %s\n",
           speedup, TARGET_SPEEDUP, speedup >= TARGET_SPEEDUP ? "met" : "MISSED");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *post = bench_document (POST_SIZE);
  g_autofree char *large = bench_document (LARGE_SIZE);
  double cmark_ms;

  g_print ("Documents: post %zu bytes, large %zu bytes\n", strlen (post), strlen (large));
  cmark_ms = time_renders ("cmark-gfm, 20 KB post", render_cmark, post, 500);
  time_renders ("preview (card + body), 20 KB post", render_preview, post, 500);
  time_renders ("cmark-gfm, 1 MB document", render_cmark, large, 30);
  time_renders ("preview (card + body), 1 MB document", render_preview, large, 30);
  compare_with_pandoc (post, cmark_ms);
  return 0;
}
