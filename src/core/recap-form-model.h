/* recap-form-model.h: which fields the front-matter form shows, of what kind, in what order
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "recap-front-matter.h"

G_BEGIN_DECLS

/* More fields than a form can show usefully (and build quickly): the front
 * matter is then edited in the source. Also the most items a list shows as
 * chips. */
#define RECAP_FORM_MAX_FIELDS 300

/* The row a field gets. */
typedef enum {
  RECAP_FORM_FIELD_TEXT,
  RECAP_FORM_FIELD_TEXT_AREA,
  RECAP_FORM_FIELD_DATE,
  RECAP_FORM_FIELD_SWITCH,
  RECAP_FORM_FIELD_CHIPS,
  RECAP_FORM_FIELD_CHOICE,
  RECAP_FORM_FIELD_IMAGE,
  RECAP_FORM_FIELD_MAP,       /* a nested mapping: its fields follow it */
  RECAP_FORM_FIELD_READ_ONLY, /* shown as written, edited in the source */
} RecapFormFieldKind;

/* One key of the front matter, as the form shows it. */
typedef struct {
  char                  *path;          /* "title", "seo.type" */
  char                  *parent;        /* path of the mapping holding it; NULL at the top */
  char                  *key;           /* the last component of @path */
  const char            *label;         /* a known field's untranslated name (N_()), else NULL */
  RecapFormFieldKind     kind;
  gboolean               suggests;      /* offers the values the site already uses */
  char                  *shared_notice; /* why an edit would change an alias too; NULL if none */
  char                  *inherited;     /* the scalar `defaults:` give a top-level key; NULL if none */
  gboolean               absent;        /* not in the file: only @inherited gives the key (a TEXT field) */
  RecapFrontMatterEntry  entry;
} RecapFormField;

typedef struct _RecapFormModel RecapFormModel;

/* The fields of @fm: known fields first, in their order, then the others as
 * written; each mapping's fields right after it. */
RecapFormModel       *recap_form_model_new           (RecapFrontMatter     *fm);
/* The same, each top-level field also knowing its inherited value in
 * @defaults (key → RecapJekyllValue, as recap_jekyll_doc_get_defaults()
 * gives them), and a field for each scalar default the file lacks: the
 * known ones in their place, the others after the file's keys, sorted.
 * @defaults may be NULL. */
RecapFormModel       *recap_form_model_new_with_defaults (RecapFrontMatter *fm,
                                                          GHashTable       *defaults);
void                  recap_form_model_free          (RecapFormModel       *model);
guint                 recap_form_model_get_n_fields  (RecapFormModel       *model);
const RecapFormField *recap_form_model_get_field     (RecapFormModel       *model,
                                                      guint                 index);
/* The fields of keys in the file, inherited ones left out. */
guint                 recap_form_model_get_n_own_fields (RecapFormModel *model);
/* TRUE when the file has more than RECAP_FORM_MAX_FIELDS fields. */
gboolean              recap_form_model_is_too_big    (RecapFormModel       *model);
/* The paths and kinds of the fields: while it stays the same, the rows
 * shown can stay and only their values need refreshing. */
const char           *recap_form_model_get_signature (RecapFormModel       *model);

/* The start of the field's value as written in @text (the document @fm was
 * parsed from), short enough for a row's subtitle. */
char                 *recap_form_field_dup_source    (const RecapFormField *field,
                                                      const char           *text);
/* 1-based line and column (in characters) of the field's key in @text. */
void                  recap_form_field_get_position  (const RecapFormField *field,
                                                      const char           *text,
                                                      guint                *line,
                                                      guint                *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecapFormModel, recap_form_model_free)

G_END_DECLS
