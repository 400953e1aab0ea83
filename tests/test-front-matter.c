/* test-front-matter.c: split, parse and surgical edits of front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-front-matter.h"

static void
test_split_basic (void)
{
  RecapFrontMatterSplit split;

  g_assert_true (recap_front_matter_split ("---\na: 1\n---\nbody", 17, &split));
  g_assert_cmpuint (split.yaml_start, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/front-matter/split/basic", test_split_basic);
  return g_test_run ();
}
