/* recap-front-matter-form-private.h: what the form's source files share
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "recap-form-model.h"
#include "recap-front-matter.h"
#include "recap-front-matter-form.h"

G_BEGIN_DECLS

/* What a row edits, attached once to its widget (FORM_ROW_KEY). */
typedef struct {
  char               *path;
  RecapFormFieldKind  kind;
  guint               line;   /* read-only rows: where "Edit in Source" goes */
  guint               column;
  char               *inherited; /* the value _config.yml gives the key, or NULL */
  gboolean            absent;    /* the file lacks the key: the row shows @inherited */
} FormRow;

#define FORM_ROW_KEY "recap-form-row"

struct _RecapFrontMatterForm
{
  GtkWidget         parent_instance;

  RecapDocument    *document;
  RecapSite        *site;
  RecapSpellSession *spell;      /* checks the prose fields */
  GHashTable       *rows;        /* path → row widget */
  char             *signature;   /* paths and kinds of the rows shown */
  guint             sync_source;
  guint             error_line;
  guint             error_column;
  gboolean          updating;    /* rows are being filled from the buffer */
  gboolean          yaml_shown;  /* the source shows the YAML instead */
  char             *summary;     /* "Front matter · 9 fields" while fields are shown */
  char             *title;       /* the title in the buffer's front matter */
  char             *config_name; /* the site's config file, named in placeholders */

  GSettings        *settings;
  GtkToggleButton  *expand_button;
  GtkToggleButton  *form_button;
  GtkToggleButton  *yaml_button;
  GtkImage         *expand_icon;
  GtkRevealer      *body_revealer;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkStack         *body_stack;
  GtkListBox       *fields_list;
  GtkMenuButton    *add_field_button;
  GtkEditable      *new_key_entry;
  GtkLabel         *notice_label;

  GCancellable     *parse_cancellable; /* the parse running in a thread */
};

/* An edit: reads the buffer's text, asks the core for the change. */
typedef struct {
  const char         *path;
  const char         *value;
  const char * const *items;
  gboolean            boolean;
} EditArgs;

typedef gboolean (*EditFunc) (const char *text, gsize len, const EditArgs *args,
                              RecapFrontMatterEdit *out, GError **error);

/* Runs @func on the buffer's text and applies just the span it changes;
 * a refusal goes to the "message" signal. */
void recap_front_matter_form_run_edit           (RecapFrontMatterForm *self,
                                                 EditFunc              func,
                                                 const EditArgs       *args);
/* Builds the row of @field (of @fm, parsed from @text) and adds it under
 * its mapping's row, or at the end. */
void recap_front_matter_form_append_row         (RecapFrontMatterForm *self,
                                                 RecapFrontMatter     *fm,
                                                 const RecapFormField *field,
                                                 const char           *text);
void recap_front_matter_form_clear_rows         (RecapFrontMatterForm *self);
/* Shows @fm's value in @row, unless someone is typing there. */
void recap_front_matter_form_fill_row           (GtkWidget            *row,
                                                 RecapFrontMatter     *fm);
/* Whether @row is focused with typing not yet applied to the buffer. */
gboolean recap_front_matter_form_row_is_typed_in (GtkWidget           *row);
/* Names each button under @root for screen readers. */
void recap_front_matter_form_name_buttons       (GtkWidget            *root);

G_END_DECLS
