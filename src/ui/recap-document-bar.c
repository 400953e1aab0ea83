/* recap-document-bar.c
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "recap-a11y.h"
#include "recap-document-bar.h"

/* Most pressing first: one notice shows at a time. */
typedef enum {
  NOTICE_NONE,
  NOTICE_DELETED,
  NOTICE_CHANGED,
  NOTICE_DRAFT,
  NOTICE_LONG_LINES,
  NOTICE_READ_ONLY,
  NOTICE_LARGE,
  NOTICE_ENCODING,
  N_NOTICES
} Notice;

typedef struct {
  const char *style_class;     /* NULL, "warning-notice" or "error-notice" */
  const char *primary_label;
  const char *primary_action;
  const char *secondary_label; /* NULL: a single button */
  const char *secondary_action;
} NoticeButtons;

static const NoticeButtons notice_buttons[N_NOTICES] = {
  [NOTICE_DELETED] = { "error-notice", N_("_Save"), "win.save", N_("Save _As…"), "win.save-as" },
  /* Keeping is the safe answer; reloading drops the unsaved changes. */
  [NOTICE_CHANGED] = { "warning-notice", N_("_Keep Mine"), "bar.keep-mine", N_("_Reload"), "bar.reload" },
  [NOTICE_DRAFT] = { NULL, N_("_Restore"), "bar.restore", N_("_Discard"), "bar.discard" },
  [NOTICE_LONG_LINES] = { "warning-notice", N_("Save _As…"), "win.save-as", NULL, NULL },
  [NOTICE_READ_ONLY] = { "warning-notice", N_("Save _As…"), "win.save-as", NULL, NULL },
  [NOTICE_LARGE] = { NULL, N_("_OK"), "bar.dismiss", NULL, NULL },
  [NOTICE_ENCODING] = { NULL, N_("_OK"), "bar.dismiss", NULL, NULL },
};

/* The document properties the notices depend on. */
static const char * const watched_properties[] = {
  "notify::deleted", "notify::externally-modified", "notify::has-draft",
  "notify::read-only", "notify::large", "notify::cut", "notify::encoding",
};

struct _RecapDocumentBar
{
  AdwBin         parent_instance;

  RecapDocument *document;
  GSignalGroup  *document_signals;
  Notice         shown;
  guint          dismissed; /* bits of the notices closed for this document */

  GtkRevealer   *revealer;
  GtkWidget     *box;
  GtkLabel      *label;
  GtkButton     *primary_button;
  GtkButton     *secondary_button;
};

G_DEFINE_FINAL_TYPE (RecapDocumentBar, recap_document_bar, ADW_TYPE_BIN)

static gboolean
is_dismissed (RecapDocumentBar *self,
              Notice            notice)
{
  return (self->dismissed & (1u << notice)) != 0;
}

static Notice
current_notice (RecapDocumentBar *self)
{
  RecapDocument *document = self->document;

  if (document == NULL)
    return NOTICE_NONE;
  if (recap_document_get_deleted (document))
    return NOTICE_DELETED;
  if (recap_document_get_externally_modified (document))
    return NOTICE_CHANGED;
  if (recap_document_get_draft (document) != NULL)
    return NOTICE_DRAFT;
  if (recap_document_get_cut (document))
    return NOTICE_LONG_LINES;
  if (recap_document_get_read_only (document))
    return NOTICE_READ_ONLY;
  if (recap_document_get_large (document) && !is_dismissed (self, NOTICE_LARGE))
    return NOTICE_LARGE;
  if (recap_document_get_encoding (document) != gtk_source_encoding_get_utf8 () &&
      !is_dismissed (self, NOTICE_ENCODING))
    return NOTICE_ENCODING;
  return NOTICE_NONE;
}

static char *
describe_draft (RecapDocumentBar *self)
{
  const RecapDraft *draft = recap_document_get_draft (self->document);
  /* Translators: when a recovered draft was written, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (draft->saved, _("%-d %B %Y, %H:%M"));

  return g_strdup_printf (_("Recap closed before these changes were saved: unsaved changes from %s were recovered."),
                          when);
}

static char *
describe (RecapDocumentBar *self,
          Notice            notice)
{
  g_autofree char *size = NULL;
  g_autofree char *encoding = NULL;

  switch (notice)
    {
    case NOTICE_DELETED:
      return g_strdup (_("This file was deleted or moved by another program. "
                         "Your text is still here: save it to keep it."));
    case NOTICE_CHANGED:
      return g_strdup (_("Another program changed this file. Reload it and drop your unsaved changes, "
                         "or keep yours and overwrite it on the next save."));
    case NOTICE_DRAFT:
      return describe_draft (self);
    case NOTICE_LONG_LINES:
      return g_strdup (_("This file has lines too long to edit here (over 64 KB). They are shown cut "
                         "short, and the file is open read-only so that it stays as it is."));
    case NOTICE_READ_ONLY:
      return g_strdup (_("Some bytes of this file are not valid text in any encoding Recap knows. "
                         "It is open read-only so that they stay as they are."));
    case NOTICE_LARGE:
      size = g_format_size (RECAP_DOCUMENT_LARGE_SIZE);
      return g_strdup_printf (_("This file is larger than %s: the live preview is paused."), size);
    case NOTICE_ENCODING:
      encoding = gtk_source_encoding_to_string (recap_document_get_encoding (self->document));
      return g_strdup_printf (_("This file is not UTF-8: it was opened as %s and is saved back in that encoding."),
                              encoding);
    case NOTICE_NONE:
    case N_NOTICES:
    default:
      return NULL;
    }
}

static void
set_button (GtkButton  *button,
            const char *label,
            const char *action_name)
{
  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  gtk_button_set_label (button, label ? _(label) : "");
  recap_a11y_name_button (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
}

static void
announce (RecapDocumentBar *self,
          const char       *message)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

static void
update (RecapDocumentBar *self)
{
  Notice notice = current_notice (self);
  const NoticeButtons *buttons = &notice_buttons[notice];
  g_autofree char *message = describe (self, notice);
  gboolean is_new = notice != self->shown;

  self->shown = notice;
  gtk_revealer_set_reveal_child (self->revealer, notice != NOTICE_NONE);
  if (notice == NOTICE_NONE)
    return;

  gtk_label_set_label (self->label, message);
  gtk_widget_remove_css_class (self->box, "warning-notice");
  gtk_widget_remove_css_class (self->box, "error-notice");
  if (buttons->style_class != NULL)
    gtk_widget_add_css_class (self->box, buttons->style_class);
  set_button (self->primary_button, buttons->primary_label, buttons->primary_action);
  set_button (self->secondary_button, buttons->secondary_label, buttons->secondary_action);
  if (is_new)
    announce (self, message);
}

static void
notice_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RecapDocumentBar *self = RECAP_DOCUMENT_BAR (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "bar.reload"))
    recap_document_reload (self->document);
  else if (g_str_equal (action_name, "bar.keep-mine"))
    recap_document_keep_mine (self->document);
  else if (g_str_equal (action_name, "bar.restore"))
    recap_document_restore_draft (self->document);
  else if (g_str_equal (action_name, "bar.discard"))
    recap_document_discard_draft (self->document);
  else if (g_str_equal (action_name, "bar.dismiss"))
    {
      self->dismissed |= 1u << self->shown;
      update (self);
    }
}

static void
recap_document_bar_dispose (GObject *object)
{
  RecapDocumentBar *self = RECAP_DOCUMENT_BAR (object);

  g_clear_object (&self->document_signals); /* disconnects from the document */
  g_clear_object (&self->document);

  G_OBJECT_CLASS (recap_document_bar_parent_class)->dispose (object);
}

static void
recap_document_bar_class_init (RecapDocumentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = { "bar.reload", "bar.keep-mine", "bar.restore", "bar.discard", "bar.dismiss" };

  object_class->dispose = recap_document_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/recapnotes/Recap/recap-document-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RecapDocumentBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, RecapDocumentBar, box);
  gtk_widget_class_bind_template_child (widget_class, RecapDocumentBar, label);
  gtk_widget_class_bind_template_child (widget_class, RecapDocumentBar, primary_button);
  gtk_widget_class_bind_template_child (widget_class, RecapDocumentBar, secondary_button);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, notice_action);
}

static void
recap_document_bar_init (RecapDocumentBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (RECAP_TYPE_DOCUMENT);
  for (guint i = 0; i < G_N_ELEMENTS (watched_properties); i++)
    g_signal_group_connect_object (self->document_signals, watched_properties[i],
                                   G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

void
recap_document_bar_set_document (RecapDocumentBar *self,
                                 RecapDocument    *document)
{
  g_return_if_fail (RECAP_IS_DOCUMENT_BAR (self));
  g_return_if_fail (!document || RECAP_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_signal_group_set_target (self->document_signals, document);
  self->dismissed = 0;
  update (self);
}

const char *
recap_document_bar_get_message (RecapDocumentBar *self)
{
  g_return_val_if_fail (RECAP_IS_DOCUMENT_BAR (self), NULL);
  return self->shown != NOTICE_NONE ? gtk_label_get_label (self->label) : NULL;
}
