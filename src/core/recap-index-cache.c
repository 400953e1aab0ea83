/* recap-index-cache.c
 *
 * The cache is one file read through a mapping: a header, the records (the
 * metadata of each post), then the search texts. Loading checks each
 * record's bounds and its short strings, and a post found unchanged is built
 * from its record without copying its body: the post's search text points
 * into the mapping. Texts come after all records so that loading touches
 * only the records' pages; the texts' pages are read in when a search needs
 * them, and the kernel can drop them again. The mapped file is never written
 * in place (a new cache replaces it by rename), so the mapping stays valid
 * while posts use it.
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "recap-index-cache.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>

#include "recap-background.h"
#include "recap-file-util.h"
#include "recap-post-private.h"
#include "recap-search-text.h"

#define CACHE_MAGIC "RECAPIX"
/* Bump when the layout, or what a post reads as, changes: an old cache is
 * then ignored. 6: TOML and JSON front matter give a title and a date.
 * 7: the body's word count. 8: values as Jekyll uses them with _config.yml
 * (whose stamp the header keeps), the collection, inherited keys.
 * 9: folded search texts drop accents. */
#define CACHE_VERSION 9
/* Read back as another number on a machine of the other byte order. */
#define CACHE_BYTE_ORDER 0x01020304u

typedef struct {
  char    magic[8];
  guint32 version;
  guint32 byte_order;
  guint64 n_records;
  guint64 texts_start;  /* where the texts begin, after the records */
  guint64 config_stamp; /* of the _config.yml the posts were read with */
} Header;

/* Followed by the path and the fields, each NUL-terminated, then padding
 * to the next multiple of 8 bytes. */
typedef struct {
  guint64 size;
  gint64  mtime;
  guint32 flags;
  guint32 words;        /* of the body, see recap-text-stats.h */
  guint32 path_len;
  guint32 fields_len;
  guint64 text_offset;  /* from texts_start */
  guint64 text_size;    /* 0: no search text */
} Record;

#define ALIGN8(n) (((n) + 7) & ~(guint64) 7)

struct _RecapIndexCache
{
  GBytes     *bytes;
  guint64     texts_start;
  GHashTable *by_path;  /* relative path (in @bytes) → its Record */
};

char *
recap_index_cache_dup_path (GFile *root)
{
  g_autofree char *uri = g_file_get_uri (root);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  return g_build_filename (g_get_user_cache_dir (), "recap", "index", digest, NULL);
}

static const char *
record_path (const Record *record)
{
  return (const char *) (record + 1);
}

static const char *
record_fields (const Record *record)
{
  return record_path (record) + record->path_len + 1;
}

static gboolean
is_string (const char *text,
           guint32     len)
{
  return text[len] == '\0' && g_utf8_validate_len (text, len, NULL);
}

/* The record at *@offset when it is whole and well formed, its text
 * within the texts; moves past it. The text itself is not looked at here
 * (see recap-search-text.h: its users check its shape). */
static const Record *
next_record (const char *data,
             gsize       records_end,
             gsize       texts_size,
             gsize      *offset)
{
  const Record *record;
  guint64 end;

  if (records_end - *offset < sizeof (Record))
    return NULL;
  record = (const Record *) (data + *offset);
  /* path_len and fields_len are 32-bit: no overflow. */
  end = *offset + sizeof (Record) + (guint64) record->path_len + 1 + record->fields_len + 1;
  if (end > records_end ||
      record->text_offset > texts_size || record->text_size > texts_size - record->text_offset ||
      !is_string (record_path (record), record->path_len) ||
      !is_string (record_fields (record), record->fields_len))
    return NULL;
  *offset = MIN (ALIGN8 (end), records_end);
  return record;
}

static gboolean
index_records (RecapIndexCache *cache,
               guint64          config_stamp)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (cache->bytes, &size);
  const Header *header = (const Header *) data;
  gsize offset = sizeof (Header);

  if (size < sizeof (Header) || memcmp (header->magic, CACHE_MAGIC, sizeof header->magic) != 0 ||
      header->version != CACHE_VERSION || header->byte_order != CACHE_BYTE_ORDER ||
      header->config_stamp != config_stamp ||
      header->texts_start < sizeof (Header) || header->texts_start > size)
    return FALSE;
  cache->texts_start = header->texts_start;
  for (guint64 i = 0; i < header->n_records; i++)
    {
      const Record *record = next_record (data, header->texts_start, size - header->texts_start, &offset);

      if (record == NULL)
        return FALSE;
      g_hash_table_insert (cache->by_path, (gpointer) record_path (record), (gpointer) record);
    }
  return offset == header->texts_start;
}

RecapIndexCache *
recap_index_cache_load (GFile   *root,
                        guint64  config_stamp)
{
  RecapIndexCache *cache = g_new0 (RecapIndexCache, 1);
  g_autofree char *path = recap_index_cache_dup_path (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  cache->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  if (mapped == NULL)
    {
      g_debug ("No index cache: %s", error->message);
      return cache;
    }

  cache->bytes = g_mapped_file_get_bytes (mapped);
  /* A damaged cache is not used at all: every post is read from its file. */
  if (!index_records (cache, config_stamp))
    {
      g_debug ("Index cache %s is damaged, of another version or _config.yml: not used", path);
      g_hash_table_remove_all (cache->by_path);
    }
  else
    g_debug ("Index cache %s: %u posts", path, g_hash_table_size (cache->by_path));
  return cache;
}

void
recap_index_cache_free (RecapIndexCache *cache)
{
  g_clear_pointer (&cache->by_path, g_hash_table_unref);
  g_clear_pointer (&cache->bytes, g_bytes_unref);
  g_free (cache);
}

guint
recap_index_cache_get_size (RecapIndexCache *cache)
{
  return g_hash_table_size (cache->by_path);
}

/* A slice of the mapping: the post holds the mapping, not a copy. */
static GBytes *
dup_record_text (RecapIndexCache *cache,
                 const Record    *record)
{
  if (record->text_size == 0)
    return NULL;
  return g_bytes_new_from_bytes (cache->bytes, cache->texts_start + record->text_offset, record->text_size);
}

static const Record *
find_unchanged (RecapIndexCache *cache,
                const char      *relative_path,
                guint64          size,
                gint64           mtime)
{
  const Record *record = g_hash_table_lookup (cache->by_path, relative_path);

  return record != NULL && record->size == size && record->mtime == mtime ? record : NULL;
}

RecapPost *
recap_index_cache_lookup (RecapIndexCache *cache,
                          GFile           *root,
                          const char      *relative_path,
                          guint64          size,
                          gint64           mtime)
{
  const Record *record = find_unchanged (cache, relative_path, size, mtime);
  g_autoptr(GBytes) text = NULL;
  RecapPostRecord post_record;

  if (record == NULL)
    return NULL;
  text = dup_record_text (cache, record);
  post_record = (RecapPostRecord) {
    .size = record->size,
    .mtime = record->mtime,
    .flags = record->flags,
    .words = record->words,
    .relative_path = record_path (record),
    .fields = record_fields (record),
    .search_text = text,
  };
  return recap_post_new_from_record (root, &post_record);
}

void
recap_index_cache_share_text (RecapIndexCache *cache,
                              RecapPost       *post)
{
  gsize own_size = recap_post_get_search_text_size (post);
  const Record *record = NULL;
  g_autoptr(GBytes) shared = NULL;

  if (own_size > 0)
    record = g_hash_table_lookup (cache->by_path, recap_post_get_relative_path (post));
  if (record == NULL || record->text_size != own_size ||
      !recap_post_has_file_stamp (post, record->size, record->mtime))
    return;
  shared = dup_record_text (cache, record);
  recap_post_share_search_text (post, shared);
}

void
recap_index_cache_share_texts (RecapIndexCache *cache,
                               GListModel      *posts)
{
  guint n = g_list_model_get_n_items (posts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecapPost) post = g_list_model_get_item (posts, i);

      recap_index_cache_share_text (cache, post);
    }
}

static guint64
record_size (const RecapPostRecord *post)
{
  return ALIGN8 (sizeof (Record) + strlen (post->relative_path) + 1 + strlen (post->fields) + 1);
}

/* Writes @post's record at @out, which has record_size() bytes. */
static void
write_record (char                  *out,
              const RecapPostRecord *post,
              guint64                text_offset)
{
  Record record = {
    .size = post->size,
    .mtime = post->mtime,
    .flags = post->flags,
    .words = post->words,
    .path_len = strlen (post->relative_path),
    .fields_len = strlen (post->fields),
    .text_offset = text_offset,
    .text_size = post->search_text_size,
  };
  guint64 len = sizeof record + record.path_len + 1 + record.fields_len + 1;

  memcpy (out, &record, sizeof record);
  memcpy (out + sizeof record, post->relative_path, record.path_len + 1);
  memcpy (out + sizeof record + record.path_len + 1, post->fields, record.fields_len + 1);
  memset (out + len, 0, ALIGN8 (len) - len);
}

/* Making the records and writing their texts, the texts' folding most of
 * all, is done by a thread on each core. */
typedef struct {
  GPtrArray *posts;    /* while the records are made */
  GArray    *records;  /* RecapPostRecord for each post; fields NULL: not cached */
  char      *texts;    /* where the texts go, one after another */
  GArray    *offsets;  /* guint64: where each record's text starts in @texts */
  guint      next;     /* the next item to claim, atomic */
} Builder;

typedef void (*BuildFunc) (Builder *builder,
                           guint    i);

typedef struct {
  Builder   *builder;
  BuildFunc  func;
  guint      n_items;
} BuildStep;

/* Items a thread claims at a time. */
#define BUILD_CHUNK 32

static gpointer
run_build_step (gpointer data)
{
  BuildStep *step = data;
  guint first;

  while ((first = g_atomic_int_add (&step->builder->next, BUILD_CHUNK)) < step->n_items)
    for (guint i = first; i < MIN (first + BUILD_CHUNK, step->n_items); i++)
      step->func (step->builder, i);
  return NULL;
}

/* @func on each of @n_items, from a thread on each core, behind the main thread. */
static void
build_in_parallel (Builder   *builder,
                   BuildFunc  func,
                   guint      n_items)
{
  BuildStep step = { builder, func, n_items };

  builder->next = 0;
  recap_background_run_on_each_core ("recap-cache-writer", run_build_step, &step);
}

/* The record owns what it points to: the post may change, or be freed,
 * while the cache is written. */
static void
make_record (Builder *builder,
             guint    i)
{
  RecapPostRecord *record = &g_array_index (builder->records, RecapPostRecord, i);

  if (!recap_post_to_record (builder->posts->pdata[i], record))
    {
      record->fields = NULL;
      return;
    }
  record->relative_path = g_strdup (record->relative_path);
  if (record->search_text != NULL)
    g_bytes_ref (record->search_text);
  if (record->body != NULL)
    g_bytes_ref (record->body);
}

static void
clear_record (gpointer data)
{
  RecapPostRecord *record = data;

  g_clear_pointer ((char **) &record->relative_path, g_free);
  g_clear_pointer ((char **) &record->fields, g_free);
  g_clear_pointer (&record->search_text, g_bytes_unref);
  g_clear_pointer (&record->body, g_bytes_unref);
}

/* A post read from its file has only its body: its search text is made here. */
static void
write_text (Builder *builder,
            guint    i)
{
  const RecapPostRecord *post = &g_array_index (builder->records, RecapPostRecord, i);
  char *out = builder->texts + g_array_index (builder->offsets, guint64, i);

  if (post->search_text != NULL)
    memcpy (out, g_bytes_get_data (post->search_text, NULL), post->search_text_size);
  else if (post->body != NULL)
    recap_search_text_write (g_bytes_get_data (post->body, NULL), g_bytes_get_size (post->body) - 1, out);
}

/* Drops the records of the posts that are not cached. */
static void
drop_uncached (GArray *records)
{
  guint kept = 0;

  for (guint i = 0; i < records->len; i++)
    if (g_array_index (records, RecapPostRecord, i).fields != NULL)
      g_array_index (records, RecapPostRecord, kept++) = g_array_index (records, RecapPostRecord, i);
  g_array_set_size (records, kept);
}

struct _RecapIndexCacheSnapshot
{
  GArray *records;  /* RecapPostRecord of each cached post, owning what it points to */
};

RecapIndexCacheSnapshot *
recap_index_cache_snapshot_new (GPtrArray *posts)
{
  RecapIndexCacheSnapshot *snapshot = g_new0 (RecapIndexCacheSnapshot, 1);
  Builder builder = { posts, NULL, NULL, NULL, 0 };

  /* Cleared (zeroed) before drop_uncached() moves records: nothing to free twice. */
  snapshot->records = g_array_sized_new (FALSE, TRUE, sizeof (RecapPostRecord), posts->len);
  g_array_set_size (snapshot->records, posts->len);
  builder.records = snapshot->records;
  build_in_parallel (&builder, make_record, posts->len);
  drop_uncached (snapshot->records);
  g_array_set_clear_func (snapshot->records, clear_record);
  return snapshot;
}

void
recap_index_cache_snapshot_free (RecapIndexCacheSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->records, g_array_unref);
  g_free (snapshot);
}

/* The whole cache of @records, in one block of *@size bytes. */
static char *
build_cache (guint64  config_stamp,
             GArray  *records,
             gsize   *size)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  Header header = { CACHE_MAGIC, CACHE_VERSION, CACHE_BYTE_ORDER, 0, sizeof (Header), config_stamp };
  Builder builder = { NULL, records, NULL, offsets, 0 };
  guint64 texts_size = 0, offset = sizeof (Header);
  char *data;

  for (guint i = 0; i < records->len; i++)
    {
      const RecapPostRecord *record = &g_array_index (records, RecapPostRecord, i);

      g_array_append_val (offsets, texts_size);
      header.texts_start += record_size (record);
      texts_size += record->search_text_size;
    }
  header.n_records = records->len;
  *size = header.texts_start + texts_size;
  data = g_malloc (*size);
  memcpy (data, &header, sizeof header);
  for (guint i = 0; i < records->len; i++)
    {
      const RecapPostRecord *post = &g_array_index (records, RecapPostRecord, i);

      write_record (data + offset, post, g_array_index (offsets, guint64, i));
      offset += record_size (post);
    }
  /* The loader refuses a cache whose records do not end where its texts start. */
  g_assert (offset == header.texts_start);
  builder.texts = data + header.texts_start;
  build_in_parallel (&builder, write_text, records->len);
  return data;
}

/* Written to a new file renamed over the old one (recap_file_write_path()):
 * mappings of the old cache stay valid, and a failed write leaves the old
 * cache. Not made durable, as before: a cache lost in a crash is rebuilt. */
gboolean
recap_index_cache_save (GFile                    *root,
                        guint64                   config_stamp,
                        RecapIndexCacheSnapshot  *snapshot,
                        GError                  **error)
{
  g_autofree char *path = recap_index_cache_dup_path (root);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return recap_file_set_errno_error (error, errno, NULL, folder);
  data = build_cache (config_stamp, snapshot->records, &len);
  return recap_file_write_path (path, data, len, RECAP_FILE_WRITE_PRIVATE | RECAP_FILE_WRITE_NOT_DURABLE, error);
}
