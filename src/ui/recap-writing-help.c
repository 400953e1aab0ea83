/* recap-writing-help.c: Markdown shortcuts and list keys of the source view
 *
 * Owns what the keys do to the buffer; the Markdown rules (which markers a
 * line has, what comes next) are recap-markdown-edit's. Every edit is one
 * user action, so one undo step, and only ever edits the buffer.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "recap-markdown-edit.h"
#include "recap-writing-help.h"

/* Read-only documents refuse the writing help, with the error bell. */
static gboolean
refuses (GtkTextView *view)
{
  if (gtk_text_view_get_editable (view))
    return FALSE;
  gtk_widget_error_bell (GTK_WIDGET (view));
  return TRUE;
}

/* Selects (or, @delete, deletes) the characters from @start to @end. */
static void
at_offsets (GtkTextBuffer *buffer,
            int            start,
            int            end,
            gboolean       delete)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  if (delete)
    gtk_text_buffer_delete (buffer, &from, &to);
  else
    gtk_text_buffer_select_range (buffer, &from, &to);
}

static void
insert_at_offset (GtkTextBuffer *buffer,
                  int            offset,
                  const char    *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
}

/* How many @mark characters come right before (@forward FALSE) or after
 * @iter, up to three. */
static guint
count_run (const GtkTextIter *iter,
           gunichar           mark,
           gboolean           forward)
{
  GtkTextIter at = *iter;
  guint count = 0;

  while (count < 3)
    {
      if (!forward && !gtk_text_iter_backward_char (&at))
        break;
      if (gtk_text_iter_get_char (&at) != mark)
        break;
      count++;
      if (forward)
        gtk_text_iter_forward_char (&at);
    }
  return count;
}

/* Wraps the selection (or the cursor) in @style's markers, or unwraps it
 * when the markers are already around it. The text stays selected. */
static void
toggle_style (GtkTextView        *view,
              RecapMarkdownStyle  style)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *marker = recap_markdown_style_marker (style);
  int width = strlen (marker);
  GtkTextIter start, end;
  int from, to;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  from = gtk_text_iter_get_offset (&start);
  to = gtk_text_iter_get_offset (&end);

  gtk_text_buffer_begin_user_action (buffer);
  if (recap_markdown_style_is_on (style, count_run (&start, marker[0], FALSE), count_run (&end, marker[0], TRUE)))
    {
      at_offsets (buffer, to, to + width, TRUE);
      at_offsets (buffer, from - width, from, TRUE);
      at_offsets (buffer, from - width, to - width, FALSE);
    }
  else
    {
      insert_at_offset (buffer, to, marker);
      insert_at_offset (buffer, from, marker);
      at_offsets (buffer, from + width, to + width, FALSE);
    }
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
style_activated (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  if (!refuses (GTK_TEXT_VIEW (widget)))
    toggle_style (GTK_TEXT_VIEW (widget), GPOINTER_TO_INT (user_data));
  return TRUE;
}

/* "[selection](url)": the cursor goes where the user types next, the text
 * when there is none, the address when there is none, else after the link. */
static void
insert_link (GtkTextView *view,
             const char  *url)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  GtkTextIter start, end;
  int from, text_len, cursor;

  if (refuses (view))
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  text = gtk_text_iter_get_slice (&start, &end);
  link = g_strdup_printf ("[%s](%s)", text, url);
  from = gtk_text_iter_get_offset (&start);
  text_len = g_utf8_strlen (text, -1);
  if (text_len == 0)
    cursor = from + 1;
  else if (*url == '\0')
    cursor = from + text_len + 3;
  else
    cursor = from + g_utf8_strlen (link, -1);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, link, -1);
  at_offsets (buffer, cursor, cursor, FALSE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
clipboard_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkTextView) view = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  g_autofree char *stripped = text ? g_strstrip (g_strdup (text)) : NULL;

  insert_link (view, recap_markdown_is_url (stripped) ? stripped : "");
}

static gboolean
link_activated (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  if (refuses (GTK_TEXT_VIEW (widget)))
    return TRUE;
  if (!gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING))
    insert_link (GTK_TEXT_VIEW (widget), "");
  else
    gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read, g_object_ref (widget));
  return TRUE;
}

/* The text of @iter's line, without its newline; @line_start is set to
 * the line's first character. */
static char *
line_text (const GtkTextIter *iter,
           GtkTextIter       *line_start)
{
  GtkTextIter line_end = *iter;

  *line_start = *iter;
  gtk_text_iter_set_line_offset (line_start, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  return gtk_text_iter_get_slice (line_start, &line_end);
}

/* Whether @line_start's line is front matter or code, where markers are
 * text: the post up to that line's end tells. */
static gboolean
in_code (const GtkTextIter *line_start)
{
  GtkTextIter start, end = *line_start;
  g_autofree char *text = NULL;
  const char *line;

  gtk_text_buffer_get_start_iter (gtk_text_iter_get_buffer (line_start), &start);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);
  line = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (line_start));
  return recap_markdown_line_is_code (text, -1, line - text);
}

/* Enter in a list item or a quote, after its markers: the next line gets
 * them too, or, on an empty item, the markers go and the list ends. */
static gboolean
continue_line (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *line = NULL;
  g_autofree char *before_cursor = NULL;
  g_autofree char *next = NULL;
  RecapMarkdownLine parsed;
  GtkTextIter cursor, start, end;

  if (gtk_text_buffer_get_has_selection (buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = line_text (&cursor, &start);
  before_cursor = gtk_text_iter_get_slice (&start, &cursor);
  recap_markdown_line_parse (line, -1, &parsed);
  if (parsed.kind == RECAP_MARKDOWN_LINE_TEXT || strlen (before_cursor) < recap_markdown_line_prefix_len (&parsed) ||
      in_code (&start))
    return FALSE;

  gtk_text_buffer_begin_user_action (buffer);
  if (parsed.empty)
    {
      end = start;
      gtk_text_iter_forward_chars (&start, g_utf8_strlen (line, recap_markdown_line_end_len (line, &parsed)));
      gtk_text_iter_forward_chars (&end, g_utf8_strlen (line, -1));
      gtk_text_buffer_delete (buffer, &start, &end);
    }
  else
    {
      next = recap_markdown_line_next_prefix (line, &parsed);
      gtk_text_buffer_insert (buffer, &cursor, "\n", 1);
      gtk_text_buffer_insert (buffer, &cursor, next, -1);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
  return TRUE;
}

/* The lines Tab and Shift+Tab act on: the selection's (or the cursor's),
 * without a last line the selection only reaches the start of. */
static void
selected_lines (GtkTextBuffer *buffer,
                int           *first,
                int           *last)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  *first = gtk_text_iter_get_line (&start);
  *last = gtk_text_iter_get_line (&end);
  if (*last > *first && gtk_text_iter_starts_line (&end))
    (*last)--;
}

/* Moves @line by @delta blanks after its quote markers: spaces in, or
 * (negative) up to -@delta of its blanks out. Blank lines stay empty. */
static void
shift_line (GtkTextBuffer *buffer,
            int            line,
            int            delta)
{
  g_autofree char *text = NULL;
  RecapMarkdownLine parsed;
  GtkTextIter start, end;
  gsize blanks;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  text = line_text (&start, &start);
  recap_markdown_line_parse (text, -1, &parsed);
  blanks = strspn (text + parsed.quote_len, " \t");
  if (text[parsed.quote_len + blanks] == '\0')
    return;

  gtk_text_iter_forward_chars (&start, g_utf8_strlen (text, parsed.quote_len));
  if (delta > 0)
    {
      g_autofree char *spaces = g_strnfill (delta, ' ');
      gtk_text_buffer_insert (buffer, &start, spaces, -1);
    }
  else
    {
      end = start;
      gtk_text_iter_forward_chars (&end, MIN ((gsize) -delta, blanks));
      gtk_text_buffer_delete (buffer, &start, &end);
    }
}

/* Tab and Shift+Tab when the selection starts on a list item: in by the
 * width of its marker, out to the indent of the item above it, and the
 * other selected lines (its sub-items and continuations) by as much. */
static gboolean
indent_items (GtkTextView *view,
              gboolean     outdent)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *line = NULL;
  g_autofree char *above = NULL;
  RecapMarkdownLine parsed;
  GtkTextIter start, line_start;
  int first, last, delta;

  selected_lines (buffer, &first, &last);
  gtk_text_buffer_get_iter_at_line (buffer, &start, first);
  line = line_text (&start, &line_start);
  recap_markdown_line_parse (line, -1, &parsed);
  if (parsed.marker_len == 0 || in_code (&line_start))
    return FALSE;

  if (!outdent)
    delta = parsed.marker_len;
  else
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      above = gtk_text_iter_get_slice (&start, &line_start);
      delta = (int) recap_markdown_outdent_len (above, -1, parsed.indent_len) - (int) parsed.indent_len;
    }
  gtk_text_buffer_begin_user_action (buffer);
  for (int i = first; delta != 0 && i <= last; i++)
    shift_line (buffer, i, delta);
  gtk_text_buffer_end_user_action (buffer);
  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkTextView           *view)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  if (!gtk_text_view_get_editable (view))
    return FALSE;
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && modifiers == 0)
    return continue_line (view);
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && modifiers == 0)
    return indent_items (view, FALSE);
  if (keyval == GDK_KEY_ISO_Left_Tab && modifiers == GDK_SHIFT_MASK)
    return indent_items (view, TRUE);
  return FALSE;
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              GtkShortcutFunc        callback,
              gpointer               data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (callback, data, NULL)));
}

void
recap_writing_help_attach (GtkTextView *view)
{
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  add_shortcut (shortcuts, "<Control>b", style_activated, GINT_TO_POINTER (RECAP_MARKDOWN_BOLD));
  add_shortcut (shortcuts, "<Control>i", style_activated, GINT_TO_POINTER (RECAP_MARKDOWN_ITALIC));
  add_shortcut (shortcuts, "<Control><Shift>k", style_activated, GINT_TO_POINTER (RECAP_MARKDOWN_CODE));
  add_shortcut (shortcuts, "<Control>k", link_activated, NULL);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (shortcuts));

  /* Before the view's own Enter (auto-indent) and Tab handling. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed), view, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}
