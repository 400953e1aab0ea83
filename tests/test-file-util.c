/* test-file-util.c: reading files safely, and the encoding of 8-bit text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-file-util.h"
#include "test-util.h"

static void
assert_charset (const char *bytes,
                const char *expected)
{
  g_assert_cmpstr (recap_file_guess_8bit_charset (bytes, strlen (bytes)), ==, expected);
}

/* ISO-8859-1 unless bytes 0x80-0x9F, control codes there, show the text
 * is Windows-1252; never ISO-8859-15, which reads ½ as œ and ¤ as €. */
static void
test_8bit_charset (void)
{
  assert_charset ("", "ISO-8859-1");
  assert_charset ("plain ASCII", "ISO-8859-1");
  assert_charset ("Caf\xe9, \xbd price, \xa4", "ISO-8859-1");
  assert_charset ("\x93quoted\x94 \x96 5 \x80", "WINDOWS-1252");
  /* 0x81 is no character of Windows-1252: ISO-8859-1 still reads it. */
  assert_charset ("\x93quoted\x94 \x81", "ISO-8859-1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/8bit-charset", test_8bit_charset);

  return g_test_run ();
}
