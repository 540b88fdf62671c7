import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * The public search index: one row per document with a live edition, its metadata for filters, and
 * its fields as application-tokenised text (overlapping CJK bigrams and words joined by spaces, see
 * the search module's domain). SQLite keeps the tokens in an FTS5 table (plain `unicode61` splitting
 * on the spaces), keyed by the entry's rowid; PostgreSQL keeps them in a weighted `tsvector` under a
 * GIN index (`simple` configuration). Neither needs a custom tokenizer or an extension.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('index_number', 'text')
    .addColumn('field_code', 'text')
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    // Last: SQLite reads a row's columns in order, so the filters never walk the body's overflow pages.
    .addColumn('body_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entries_published').on('search_entries').columns(['published_on']).execute();
  await db.schema.createIndex('search_entries_org_path').on('search_entries').columns(['org_path']).execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table search_fts using fts5(title, doc_number, index_number, body, tokenize = 'unicode61 remove_diacritics 0', detail = full)`.execute(
      db,
    );
  } else {
    await sql`alter table search_entries add column tokens text not null`.execute(db);
    await sql`alter table search_entries add column tsv tsvector not null`.execute(db);
    await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
  }
}
