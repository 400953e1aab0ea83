/* test-front-matter.c: the surgical edits of front matter, as a table
 *
 * The edit cases are a table: each names a fixture from tests/data (or an
 * inline text), an edit, and the one fragment of the text that must change
 * into another. The expected output is the input with that fragment
 * replaced, byte for byte, and the edit's reported range must lie inside it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "recap-front-matter.h"
#include "test-util.h"

#define NO_ERROR (-1)

typedef enum {
  OP_SET,
  OP_SET_LIST,
  OP_ADD,
  OP_REMOVE,
  OP_RENAME,
  OP_BOOLEAN,
  OP_DATE,
  OP_CREATE,
} Op;

typedef struct {
  const char *name;
  const char *fixture; /* a file in tests/data, or NULL for @input */
  const char *input;
  Op          op;
  const char *path;
  const char *value;   /* the value; list items split at '|'; rename: the new name */
  const char *after;   /* OP_ADD: the key to add after */
  const char *old;     /* the only fragment that changes ("" and "": nothing does) */
  const char *new;
  int         error;   /* a RecapFrontMatterError code, else NO_ERROR */
} EditCase;

static const EditCase edit_cases[] = {
  /* Shapes of a meetup report: flow lists, empty value, booleans. */
  { "meetup/title-keeps-quotes", "meetup-report.md", NULL, OP_SET, "title", "April: the sequel", NULL,
    "title:  \"March 2016 evening talks\"", "title:  \"April: the sequel\"", NO_ERROR },
  { "meetup/plain-stays-plain", "meetup-report.md", NULL, OP_SET, "author", "river-py", NULL,
    "author: riverside-py", "author: river-py", NO_ERROR },
  { "meetup/reserved-word-quoted", "meetup-report.md", NULL, OP_SET, "author", "yes", NULL,
    "author: riverside-py", "author: \"yes\"", NO_ERROR },
  { "meetup/boolean-stays-plain", "meetup-report.md", NULL, OP_SET, "featured", "true", NULL,
    "featured: false", "featured: true", NO_ERROR },
  { "meetup/empty-value-filled", "meetup-report.md", NULL, OP_SET, "image", "/img/talks.png", NULL,
    "image:\n", "image: /img/talks.png\n", NO_ERROR },
  { "meetup/flow-list-append", "meetup-report.md", NULL, OP_SET_LIST, "tags", "riverside|python", NULL,
    "tags: [riverside]", "tags: [riverside, python]", NO_ERROR },
  { "meetup/flow-list-drop-last", "meetup-report.md", NULL, OP_SET_LIST, "categories", "meetup", NULL,
    "[ meetup, talks ]", "[ meetup ]", NO_ERROR },
  { "meetup/flow-list-insert-middle", "meetup-report.md", NULL, OP_SET_LIST, "categories",
    "meetup|workshop|talks", NULL, "[ meetup, talks ]", "[ meetup, workshop, talks ]", NO_ERROR },
  { "meetup/remove-key", "meetup-report.md", NULL, OP_REMOVE, "hidden", NULL, NULL,
    "hidden: false\n", "", NO_ERROR },
  { "meetup/rename-key", "meetup-report.md", NULL, OP_RENAME, "description", "summary", NULL,
    "description:", "summary:", NO_ERROR },
  { "meetup/add-after", "meetup-report.md", NULL, OP_ADD, "event", "Evening talks", "author",
    "author: riverside-py\n", "author: riverside-py\nevent: Evening talks\n", NO_ERROR },
  { "meetup/same-value-no-op", "meetup-report.md", NULL, OP_SET, "title", "March 2016 evening talks", NULL,
    "", "", NO_ERROR },
  { "meetup/same-list-no-op", "meetup-report.md", NULL, OP_SET_LIST, "categories", "meetup|talks", NULL,
    "", "", NO_ERROR },
  { "meetup/add-existing", "meetup-report.md", NULL, OP_ADD, "author", "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_EXISTS },
  { "meetup/remove-missing", "meetup-report.md", NULL, OP_REMOVE, "nope", NULL, NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_NO_KEY },

  /* Shapes of a conference day: aligned values, dates, block lists, nesting. */
  { "conference/date-stays-plain", "conference-day.md", NULL, OP_SET, "date", "2019-06-15 10:00:00 -0500", NULL,
    "date:   2019-06-14 09:30:00 -0500", "date:   2019-06-15 10:00:00 -0500", NO_ERROR },
  { "conference/block-list-append", "conference-day.md", NULL, OP_SET_LIST, "tags",
    "Python|RegionCon|Community|Testing", NULL,
    "  - Community\n", "  - Community\n  - Testing\n", NO_ERROR },
  { "conference/block-list-drop-middle", "conference-day.md", NULL, OP_SET_LIST, "tags", "Python|Community", NULL,
    "  - RegionCon\n", "", NO_ERROR },
  { "conference/block-list-prepend", "conference-day.md", NULL, OP_SET_LIST, "tags",
    "First|Python|RegionCon|Community", NULL,
    "  - Python\n", "  - First\n  - Python\n", NO_ERROR },
  { "conference/block-list-replace-item", "conference-day.md", NULL, OP_SET_LIST, "tags",
    "Python|Sprints|Community", NULL, "RegionCon\n  - Comm", "Sprints\n  - Comm", NO_ERROR },
  { "conference/block-list-emptied", "conference-day.md", NULL, OP_SET_LIST, "tags", NULL, NULL,
    "tags: \n  - Python\n  - RegionCon\n  - Community\n", "tags: []\n", NO_ERROR },
  { "conference/nested-set", "conference-day.md", NULL, OP_SET, "seo.type", "Blog", NULL,
    "  type: Article", "  type: Blog", NO_ERROR },
  { "conference/nested-add", "conference-day.md", NULL, OP_SET, "seo.name", "Recap", NULL,
    "  type: Article\n", "  type: Article\n  name: Recap\n", NO_ERROR },
  { "conference/nested-remove-parent", "conference-day.md", NULL, OP_REMOVE, "seo", NULL, NULL,
    "seo:\n  type: Article\n", "", NO_ERROR },
  { "conference/set-boolean", "conference-day.md", NULL, OP_BOOLEAN, "published", "true", NULL,
    "published: false", "published: true", NO_ERROR },
  { "conference/category-string-stays", "conference-day.md", NULL, OP_SET_LIST, "categories", "article|notes", NULL,
    "categories: article", "categories: article notes", NO_ERROR },
  { "conference/plain-with-comma", "conference-day.md", NULL, OP_SET, "excerpt", "RegionCon 2019, day two", NULL,
    "excerpt: RegionCon 2019, notes from day one", "excerpt: RegionCon 2019, day two", NO_ERROR },
  { "conference/new-nested-path", "conference-day.md", NULL, OP_SET, "social.card.size", "large", NULL,
    "published: false\n", "published: false\nsocial:\n  card:\n    size: large\n", NO_ERROR },

  /* Short posts like the user group notes and write-up. */
  { "notes/add-at-end", "user-group-notes.md", NULL, OP_SET, "event", "Monthly", NULL,
    "title: \"User Group Night\"\n", "title: \"User Group Night\"\nevent: Monthly\n", NO_ERROR },
  { "notes/double-quote-escaped", "user-group-notes.md", NULL, OP_SET, "title", "Night \"two\"", NULL,
    "\"User Group Night\"", "\"Night \\\"two\\\"\"", NO_ERROR },
  { "writeup/apostrophe-in-double", "writeup.md", NULL, OP_SET, "title", "Mira's second write-up", NULL,
    "\"Mira's User Group Write-up\"", "\"Mira's second write-up\"", NO_ERROR },
  { "writeup/new-list-is-flow", "writeup.md", NULL, OP_SET_LIST, "tags", "python|services", NULL,
    "Write-up\"\n", "Write-up\"\ntags: [python, services]\n", NO_ERROR },

  /* A document without front matter. */
  { "none/create-block", "no-front-matter.md", NULL, OP_CREATE, NULL, "Conference notes", NULL,
    "# Notes from", "---\ntitle: Conference notes\ndate: 2022-04-30 18:00:00 +0000\n---\n# Notes from", NO_ERROR },
  { "none/set-creates-block", "no-front-matter.md", NULL, OP_SET, "title", "Notes", NULL,
    "# Notes from", "---\ntitle: Notes\n---\n# Notes from", NO_ERROR },
  { "none/create-when-present", "writeup.md", NULL, OP_CREATE, NULL, "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_EXISTS },

  /* Comments before, after and inside entries. */
  { "comments/trailing-comment-kept", "comments.md", NULL, OP_SET, "layout", "page", NULL,
    "layout: post   # the default", "layout: page   # the default", NO_ERROR },
  { "comments/quoted-with-comment", "comments.md", NULL, OP_SET, "title", "Still commented", NULL,
    "\"Comments everywhere\" # shown", "\"Still commented\" # shown", NO_ERROR },
  { "comments/list-append-keeps-comments", "comments.md", NULL, OP_SET_LIST, "tags", "python|packaging|testing", NULL,
    "  - packaging\n", "  - packaging\n  - testing\n", NO_ERROR },
  { "comments/list-drop-keeps-comment", "comments.md", NULL, OP_SET_LIST, "tags", "python", NULL,
    "  - packaging\n", "", NO_ERROR },
  { "comments/add-before-trailing-comments", "comments.md", NULL, OP_SET, "date", "2020-01-02", NULL,
    "author: ana\n", "author: ana\ndate: \"2020-01-02\"\n", NO_ERROR },
  { "comments/remove-keeps-comments", "comments.md", NULL, OP_REMOVE, "author", NULL, NULL,
    "author: ana\n", "", NO_ERROR },
  { "comments/value-with-hash-quoted", "comments.md", NULL, OP_SET, "layout", "a #b", NULL,
    "layout: post   #", "layout: \"a #b\"   #", NO_ERROR },

  /* Block scalars. */
  { "block/literal-kept", "block-scalars.md", NULL, OP_SET, "description", "New line one.\nNew line two.\n", NULL,
    "|\n  First line of the description.\n  Second line, with a colon: here.",
    "|\n  New line one.\n  New line two.", NO_ERROR },
  { "block/folded-chomping", "block-scalars.md", NULL, OP_SET, "summary", "One folded line.", NULL,
    "summary: >\n  A folded paragraph that\n  continues here.", "summary: >-\n  One folded line.", NO_ERROR },
  { "block/header-comment-kept", "block-scalars.md", NULL, OP_SET, "note", "Changed", NULL,
    "  No trailing newline.", "  Changed", NO_ERROR },
  { "block/keep-chomping", "block-scalars.md", NULL, OP_SET, "kept", "Still kept.\n\n", NULL,
    "  Keeps its breaks.\n", "  Still kept.\n", NO_ERROR },
  { "block/plain-to-literal", "block-scalars.md", NULL, OP_SET, "title", "Two\nlines", NULL,
    "title: Block scalars", "title: |-\n  Two\n  lines", NO_ERROR },
  { "block/remove-literal", "block-scalars.md", NULL, OP_REMOVE, "description", NULL, NULL,
    "description: |\n  First line of the description.\n  Second line, with a colon: here.\n", "", NO_ERROR },
  { "block/literal-to-one-line", "block-scalars.md", NULL, OP_SET, "description", "Short.", NULL,
    "|\n  First line of the description.\n  Second line, with a colon: here.", "|-\n  Short.", NO_ERROR },

  /* Quoted keys. */
  { "quoted-keys/double", "quoted-keys.md", NULL, OP_SET, "title", "New", NULL,
    "\"title\": \"Quoted keys\"", "\"title\": \"New\"", NO_ERROR },
  { "quoted-keys/single-value-kept", "quoted-keys.md", NULL, OP_SET, "event name", "Autumn's sprint", NULL,
    "'Spring sprint'", "'Autumn''s sprint'", NO_ERROR },
  { "quoted-keys/rename-keeps-style", "quoted-keys.md", NULL, OP_RENAME, "event name", "event", NULL,
    "'event name'", "'event'", NO_ERROR },
  { "quoted-keys/yes-to-no", "quoted-keys.md", NULL, OP_SET, "plain", "no", NULL,
    "plain: yes", "plain: no", NO_ERROR },

  /* Empty blocks, blocks alone, unclosed blocks. */
  { "empty/first-key", "empty.md", NULL, OP_SET, "title", "Hello", NULL,
    "---\n---\n", "---\ntitle: Hello\n---\n", NO_ERROR },
  { "only/list", "only-front-matter.md", NULL, OP_SET_LIST, "tags", "a|b|c", NULL,
    "[a, b]", "[a, b, c]", NO_ERROR },
  { "only/add-before-unterminated-fence", "only-front-matter.md", NULL, OP_SET, "author", "me", NULL,
    "tags: [a, b]\n", "tags: [a, b]\nauthor: me\n", NO_ERROR },
  { "unclosed/is-body", "unclosed.md", NULL, OP_SET, "title", "Closed", NULL,
    "---\ntitle: Never", "---\ntitle: Closed\n---\n---\ntitle: Never", NO_ERROR },

  /* CRLF and BOM stay. */
  { "crlf/scalar", "crlf.md", NULL, OP_SET, "title", "CRLF now", NULL,
    "\"Windows line endings\"", "\"CRLF now\"", NO_ERROR },
  { "crlf/list-append", "crlf.md", NULL, OP_SET_LIST, "tags", "crlf|windows|more", NULL,
    "  - windows\r\n", "  - windows\r\n  - more\r\n", NO_ERROR },
  { "crlf/add-key", "crlf.md", NULL, OP_SET, "author", "me", NULL,
    "  of text.\r\n", "  of text.\r\nauthor: me\r\n", NO_ERROR },
  { "crlf/literal", "crlf.md", NULL, OP_SET, "description", "A\nB", NULL,
    "|\r\n  Two lines\r\n  of text.", "|-\r\n  A\r\n  B", NO_ERROR },
  { "bom/scalar", "bom.md", NULL, OP_SET, "title", "Still a BOM", NULL,
    "\"Starts with a BOM\"", "\"Still a BOM\"", NO_ERROR },
  { "bom/remove", "bom.md", NULL, OP_REMOVE, "tags", NULL, NULL,
    "tags: [bom]\n", "", NO_ERROR },

  /* Non-ASCII keys and values. */
  { "unicode/value", "non-ascii.md", NULL, OP_SET, "ciudad", "Ciudad de México", NULL,
    "São Paulo", "Ciudad de México", NO_ERROR },
  { "unicode/list", "non-ascii.md", NULL, OP_SET_LIST, "tags", "naïve|日本語|ελληνικά", NULL,
    "日本語]", "日本語, ελληνικά]", NO_ERROR },
  { "unicode/rename", "non-ascii.md", NULL, OP_RENAME, "ciudad", "città", NULL,
    "ciudad:", "città:", NO_ERROR },

  /* A "|+" value takes the blank lines after it: removing the entry
   * between them removes those blank lines too. */
  { "keep-scalar/remove-next-entry", NULL, "---\nkept: |+\n  breaks\nafter: value\n\nnext: x\n---\n", OP_REMOVE,
    "after", NULL, NULL, "after: value\n\n", "", NO_ERROR },
  { "keep-scalar/drop-next-item", NULL, "---\nl:\n- |+\n  a\n- b\n\nz: 1\n---\n", OP_SET_LIST, "l", "a\n", NULL,
    "- b\n\n", "", NO_ERROR },

  /* Flow maps. */
  { "flow-map/set", "flow-maps.md", NULL, OP_SET, "seo.type", "Blog", NULL,
    "{type: Article,", "{type: Blog,", NO_ERROR },
  { "flow-map/set-quoted", "flow-maps.md", NULL, OP_SET, "seo.name", "Flows", NULL,
    "\"Flow\"}", "\"Flows\"}", NO_ERROR },
  { "flow-map/add", "flow-maps.md", NULL, OP_SET, "seo.lang", "en", NULL,
    "\"Flow\"}", "\"Flow\", lang: en}", NO_ERROR },
  { "flow-map/remove-first", "flow-maps.md", NULL, OP_REMOVE, "seo.type", NULL, NULL,
    "{type: Article, name", "{name", NO_ERROR },
  { "flow-map/add-to-empty", "flow-maps.md", NULL, OP_SET, "links.home", "/", NULL,
    "links: { }", "links: {home: / }", NO_ERROR },
  { "flow-map/value-needs-quotes", "flow-maps.md", NULL, OP_SET, "seo.type", "a, b", NULL,
    "{type: Article,", "{type: \"a, b\",", NO_ERROR },
  /* A tag ends at a blank or a ",": the bracket must not follow it. */
  { "flow-map/remove-last-after-tag", NULL, "---\nseo: {a: !t, b}\n---\n", OP_REMOVE, "seo.b", NULL, NULL,
    "!t, b}", "!t }", NO_ERROR },
  { "flow-list/drop-last-after-tag", NULL, "---\ntags: [a, !t, b]\n---\n", OP_SET_LIST, "tags", "a|", NULL,
    "!t, b]", "!t ]", NO_ERROR },

  /* Nested and indentless lists. */
  { "nested/indentless-append", "nested-lists.md", NULL, OP_SET_LIST, "tags", "indentless|list|more", NULL,
    "- list\n", "- list\n- more\n", NO_ERROR },
  { "nested/remove-list-of-maps", "nested-lists.md", NULL, OP_REMOVE, "speakers", NULL, NULL,
    "speakers:\n  - name: Ada\n    talk: Engines\n  - name: Grace\n    talk: Compilers\n", "", NO_ERROR },
  { "nested/lists-become-strings", "nested-lists.md", NULL, OP_SET_LIST, "matrix", "a|b", NULL,
    "  - [1, 2]\n  - [3, 4]", "  - a\n  - b", NO_ERROR },

  /* Duplicate keys: Jekyll reads the last one. */
  { "duplicates/set-last", "duplicate-keys.md", NULL, OP_SET, "title", "Third", NULL,
    "title: Second title", "title: Third", NO_ERROR },
  { "duplicates/remove-all", "duplicate-keys.md", NULL, OP_REMOVE, "title", NULL, NULL,
    "title: First title\nauthor: someone\ntitle: Second title\n", "author: someone\n", NO_ERROR },

  /* Anchors and aliases. */
  { "anchors/anchor-kept", NULL, "---\nname: &who Kim\nplace: here\n---\n", OP_SET, "name", "Lee", NULL,
    "name: &who Kim", "name: &who Lee", NO_ERROR },
  { "anchors/shared-value-refused", "anchors.md", NULL, OP_SET, "name", "Lee", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/shared-title-refused", NULL, "---\ntitle: &t Old\nog_title: *t\n---\n", OP_SET, "title", "New", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/same-value-allowed", NULL, "---\ntitle: &t Old\nog_title: *t\n---\n", OP_SET, "title", "Old", NULL,
    "", "", NO_ERROR },
  { "anchors/inside-anchored-map-refused", "anchors.md", NULL, OP_SET, "defaults.layout", "page", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/add-to-anchored-map-refused", "anchors.md", NULL, OP_SET, "defaults.image", "a.png", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/remove-from-anchored-map-refused", "anchors.md", NULL, OP_REMOVE, "defaults.author", NULL, NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/rename-in-anchored-map-refused", "anchors.md", NULL, OP_RENAME, "defaults.author", "by", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/anchored-list-refused", NULL, "---\ntags: &t [a, b]\nkeywords: *t\n---\n", OP_SET_LIST, "tags", "a|b|c", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/list-item-refused", NULL, "---\ntags: [a, &b b]\nmain: *b\n---\n", OP_SET_LIST, "tags", "a|c", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/sibling-alias-refused", NULL, "---\nseo:\n  name: &n Recap\n  site: *n\n---\n", OP_SET, "seo.name", "X", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/unaliased-sibling-free", "anchors.md", NULL, OP_SET, "post.title", "Free", NULL,
    "title: Anchored", "title: Free", NO_ERROR },
  { "26dv/value-used-as-key-refused", "anchors-26dv.md", NULL, OP_SET, "top1.key1", "X", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "26dv/second-value-used-as-key-refused", "anchors-26dv.md", NULL, OP_SET, "top2.key2", "X", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "26dv/aliased-mapping-free", "anchors-26dv.md", NULL, OP_SET, "top3", "X", NULL,
    "top3: &node3 \n  *alias1 : scalar3", "top3: &node3 X", NO_ERROR },
  { "26dv/plain-value-free", "anchors-26dv.md", NULL, OP_SET, "top5", "five", NULL,
    "scalar5", "five", NO_ERROR },
  { "26dv/anchored-key-unaliased-free", "anchors-26dv.md", NULL, OP_SET, "top6.key6", "six", NULL,
    "scalar6", "six", NO_ERROR },
  { "anchors/alias-replaced", "anchors.md", NULL, OP_SET, "organizer", "Sam", NULL,
    "organizer: *who", "organizer: Sam", NO_ERROR },
  { "anchors/used-anchor-not-removed", "anchors.md", NULL, OP_REMOVE, "defaults", NULL, NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "anchors/no-edit-through-alias", "anchors.md", NULL, OP_SET, "organizer.x", "y", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },

  /* Jekyll's space-separated tags. */
  { "tags-string/stays-string", "tags-string.md", NULL, OP_SET_LIST, "tags", "python|web", NULL,
    "tags: python web   testing", "tags: python web", NO_ERROR },
  { "tags-string/becomes-list", "tags-string.md", NULL, OP_SET_LIST, "tags", "python|two words", NULL,
    "tags: python web   testing", "tags: [python, two words]", NO_ERROR },
  { "tags-string/same-words-no-op", "tags-string.md", NULL, OP_SET_LIST, "tags", "python|web|testing", NULL,
    "", "", NO_ERROR },

  /* TOML and JSON front matter: read, never edited, never a second block. */
  { "toml/set-refused", "toml-front-matter.md", NULL, OP_SET, "title", "New", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/set-list-refused", "toml-front-matter.md", NULL, OP_SET_LIST, "tags", "a|b", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/add-refused", "toml-front-matter.md", NULL, OP_ADD, "event", "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/new-key-refused", "toml-front-matter.md", NULL, OP_SET, "layout", "post", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/remove-refused", "toml-front-matter.md", NULL, OP_REMOVE, "draft", NULL, NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/rename-refused", "toml-front-matter.md", NULL, OP_RENAME, "draft", "hidden", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/date-refused", "toml-front-matter.md", NULL, OP_DATE, "date", NULL, NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "toml/no-second-block", "toml-front-matter.md", NULL, OP_CREATE, NULL, "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_EXISTS },
  { "json/set-refused", "json-front-matter.md", NULL, OP_SET, "title", "New", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "json/boolean-refused", "json-front-matter.md", NULL, OP_BOOLEAN, "draft", "true", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "json/no-second-block", "json-front-matter.md", NULL, OP_CREATE, NULL, "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_EXISTS },
  { "json/liquid-is-not-json", NULL, "{% include note.html %}\nBody\n", OP_SET, "title", "T", NULL,
    "{% include", "---\ntitle: T\n---\n{% include", NO_ERROR },

  /* Other closings, invalid YAML. */
  { "dots/closing", "dots-end.md", NULL, OP_SET, "title", "Dotted", NULL,
    "title: Closed with dots", "title: Dotted", NO_ERROR },
  { "invalid/read-only", "invalid.md", NULL, OP_SET, "title", "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },

  /* Inline shapes. */
  { "inline/leading-space-quoted", NULL, "---\na: b\n---\n", OP_SET, "a", " padded", NULL,
    "a: b", "a: \" padded\"", NO_ERROR },
  { "inline/number-quoted", NULL, "---\na: b\n---\n", OP_SET, "a", "2019", NULL,
    "a: b", "a: \"2019\"", NO_ERROR },
  { "inline/number-stays-number", NULL, "---\nv: 3\n---\n", OP_SET, "v", "4", NULL,
    "v: 3", "v: 4", NO_ERROR },
  { "inline/backslash-single", NULL, "---\na: b\n---\n", OP_SET, "a", "\"C\" \\ path", NULL,
    "a: b", "a: '\"C\" \\ path'", NO_ERROR },
  { "inline/control-char-escaped", NULL, "---\na: b\n---\n", OP_SET, "a", "bell\a", NULL,
    "a: b", "a: \"bell\\a\"", NO_ERROR },
  { "inline/key-needs-quotes", NULL, "---\na: b\n---\n", OP_ADD, "true", "x", NULL,
    "a: b\n", "a: b\n\"true\": x\n", NO_ERROR },
  { "inline/not-a-mapping", NULL, "---\n- a\n---\n", OP_SET, "a", "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "inline/below-scalar", NULL, "---\na: b\n---\n", OP_SET, "a.c", "x", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_READ_ONLY },
  { "inline/bad-utf8", NULL, "---\na: b\n---\n", OP_SET, "a", "\xff", NULL,
    NULL, NULL, RECAP_FRONT_MATTER_ERROR_INVALID_ARGUMENT },
  { "inline/set-date", NULL, "---\ndate: '2001-01-01'\n---\n", OP_DATE, "date", NULL, NULL,
    "'2001-01-01'", "2022-04-30 18:00:00 +0000", NO_ERROR },
  /* libyaml reads "x"#c as a value and a comment; x#c would be one value. */
  { "inline/date-before-glued-comment", NULL, "---\ndate: ''#c\n---\n", OP_DATE, "date", NULL, NULL,
    "''#c", "2022-04-30 18:00:00 +0000 #c", NO_ERROR },
  { "inline/boolean-before-glued-comment", NULL, "---\ndraft: \"no\"#c\n---\n", OP_BOOLEAN, "draft", "true", NULL,
    "\"no\"#c", "yes #c", NO_ERROR },
  { "inline/boolean-yes-spelling", NULL, "---\ndraft: Yes\n---\n", OP_BOOLEAN, "draft", "false", NULL,
    "draft: Yes", "draft: No", NO_ERROR },
  { "inline/empty-with-comment", NULL, "---\nimage: # later\n---\n", OP_SET, "image", "a.png", NULL,
    "image: # later", "image: a.png # later", NO_ERROR },
  { "inline/empty-parent-becomes-map", NULL, "---\nseo:\nx: 1\n---\n", OP_SET, "seo.type", "Article", NULL,
    "seo:\n", "seo:\n  type: Article\n", NO_ERROR },
};

static char *
case_input (const EditCase *test,
            gsize          *len)
{
  if (test->fixture != NULL)
    return test_util_load_data (test->fixture, len);
  *len = strlen (test->input);
  return g_strdup (test->input);
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2022, 4, 30, 18, 0, 0);
}

static gboolean
run_case (const EditCase        *test,
          const char            *text,
          gsize                  len,
          RecapFrontMatterEdit  *edit,
          GError               **error)
{
  g_auto(GStrv) items = g_strsplit (test->value != NULL ? test->value : "", "|", -1);
  g_autoptr(GDateTime) date = fixed_date ();

  switch (test->op)
    {
    case OP_SET:
      return recap_front_matter_set_string (text, len, test->path, test->value, edit, error);
    case OP_SET_LIST:
      return recap_front_matter_set_list (text, len, test->path, (const char * const *) items, edit, error);
    case OP_ADD:
      return recap_front_matter_add_key (text, len, test->path, test->value, test->after, edit, error);
    case OP_REMOVE:
      return recap_front_matter_remove_key (text, len, test->path, edit, error);
    case OP_RENAME:
      return recap_front_matter_rename_key (text, len, test->path, test->value, edit, error);
    case OP_BOOLEAN:
      return recap_front_matter_set_boolean (text, len, test->path, g_str_equal (test->value, "true"), edit, error);
    case OP_DATE:
      return recap_front_matter_set_date (text, len, test->path, date, edit, error);
    case OP_CREATE:
      return recap_front_matter_create_block (text, len, test->value, date, edit, error);
    default:
      g_assert_not_reached ();
    }
}

/* The one place @fragment stands in @text. */
static gsize
unique_offset (const char *text,
               const char *fragment)
{
  const char *first = strstr (text, fragment);

  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, fragment));
  return first - text;
}

static void
assert_edit_matches (const EditCase             *test,
                     const char                 *text,
                     gsize                       len,
                     const RecapFrontMatterEdit *edit)
{
  gsize at = unique_offset (text, test->old);
  g_autoptr(GString) expected = g_string_new_len (text, len);
  g_autoptr(GString) applied = g_string_new_len (text, len);

  g_string_erase (expected, at, strlen (test->old));
  g_string_insert (expected, at, test->new);
  g_assert_cmpmem (edit->text, edit->len, expected->str, expected->len);

  /* The reported range rebuilds the text and stays inside the fragment. */
  g_string_erase (applied, edit->offset, edit->old_len);
  g_string_insert_len (applied, edit->offset, edit->replacement, edit->replacement_len);
  g_assert_cmpmem (applied->str, applied->len, expected->str, expected->len);
  g_assert_cmpuint (edit->offset, >=, at);
  g_assert_cmpuint (edit->offset + edit->old_len, <=, at + strlen (test->old));
}

static void
test_edit_case (gconstpointer data)
{
  const EditCase *test = data;
  g_auto(RecapFrontMatterEdit) edit = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  gboolean ok;

  text = case_input (test, &len);
  ok = run_case (test, text, len, &edit, &error);

  if (test->error != NO_ERROR)
    {
      g_assert_error (error, RECAP_FRONT_MATTER_ERROR, test->error);
      g_assert_false (ok);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (edit.changed, ==, test->old[0] != '\0');
  if (!edit.changed)
    g_assert_cmpmem (edit.text, edit.len, text, len);
  else
    assert_edit_matches (test, text, len, &edit);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/front-matter/edit/", edit_cases[i].name, NULL);

      g_test_add_data_func (path, &edit_cases[i], test_edit_case);
    }
  return g_test_run ();
}
