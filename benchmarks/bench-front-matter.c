/* bench-front-matter.c: parse, check and one edit of front matter with many keys
 *
 * `recap-cli check` sets every key to its own value; with one parse per
 * key it took seconds at a thousand keys. The figures must grow linearly.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bench-util.h"
#include "recap-front-matter.h"

#define RUNS 5

static const guint key_counts[] = { 1000, 4000, 10000 };

/* "key0: value 0" … and a body. */
static GString *
many_keys_document (guint keys)
{
  GString *text = g_string_new ("---\n");

  for (guint i = 0; i < keys; i++)
    g_string_append_printf (text, "key%u: value %u\n", i, i);
  g_string_append (text, "---\nBody.\n");
  return text;
}

static gboolean
run_parse (const GString *text)
{
  g_autoptr(RecapFrontMatter) fm = recap_front_matter_parse (text->str, text->len, NULL);

  return fm != NULL;
}

static gboolean
run_check (const GString *text)
{
  g_autofree char *changed_path = NULL;

  return recap_front_matter_check_round_trip (text->str, text->len, &changed_path, NULL);
}

static gboolean
run_set (const GString *text)
{
  g_auto(RecapFrontMatterEdit) edit = { 0 };

  return recap_front_matter_set_string (text->str, text->len, "key7", "changed", &edit, NULL);
}

static void
time_runs (const char     *what,
           guint           keys,
           gboolean      (*run) (const GString *text),
           const GString  *text)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = g_strdup_printf ("%s, %u keys", what, keys);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean ok = run (text);
      gint64 duration = g_get_monotonic_time () - start;

      g_assert_true (ok);
      g_array_append_val (durations, duration);
    }
  bench_report (label, durations);
}

int
main (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_counts); i++)
    {
      g_autoptr(GString) text = many_keys_document (key_counts[i]);

      time_runs ("parse", key_counts[i], run_parse, text);
      time_runs ("check", key_counts[i], run_check, text);
      time_runs ("set one key", key_counts[i], run_set, text);
    }
  return 0;
}
