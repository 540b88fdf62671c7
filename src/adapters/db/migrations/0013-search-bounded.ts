import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { tokenizedFields } from '../../search/fields.ts';

/**
 * The search index at a million documents (see adapters/search/bounded.ts):
 *
 * - `search_index_size` counts the live entries, so an estimated total needs no count of them.
 * - SQLite: `search_fts` becomes contentless (`content=''`, `contentless_delete=1`, SQLite 3.43+):
 *   the tokens were stored twice, as content and in the inverted index; now once. A second
 *   contentless table, `search_titles`, indexes title, 文号 and 索引号 alone, for the title tier.
 *   Both are filled again from search_entries, tokenised as the adapter does.
 * - PostgreSQL: `seq` numbers entries in the order they were indexed (the newest highest), with
 *   indexes for walking it and 发布日期 backwards; `title_tsv` with its own GIN index holds the
 *   title tier, built from the title, 文号 and 索引号 parts of the stored tokens.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_index_size')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_index_size (id, entries) select 1, count(*) from search_entries`.execute(db);

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`drop table search_fts`.execute(db);
    const options = sql.raw(
      `tokenize = 'unicode61 remove_diacritics 0', detail = full, content = '', contentless_delete = 1`,
    );
    await sql`create virtual table search_fts using fts5(title, doc_number, index_number, body, ${options})`.execute(
      db,
    );
    await sql`create virtual table search_titles using fts5(title, doc_number, index_number, ${options})`.execute(db);
    // Fewer, larger merges while building (a level merges 8 segments, not 4) and larger first
    // segments (32 MB of pending tokens per flush, not 1 MB): a third less work per document at a
    // million, and a search still walks few segments. Stored in the tables' own configuration.
    for (const table of ['search_fts', 'search_titles']) {
      await sql`insert into ${sql.raw(table)} (${sql.raw(table)}, rank) values ('automerge', ${sql.lit(8)})`.execute(
        db,
      );
      await sql`insert into ${sql.raw(table)} (${sql.raw(table)}, rank) values ('hashsize', ${sql.lit(32 * 1024 * 1024)})`.execute(
        db,
      );
    }
    await refill(db);
    return;
  }
  await sql`alter table search_entries add column seq bigserial`.execute(db);
  await sql`create unique index search_entries_seq on search_entries (seq)`.execute(db);
  await sql`create index search_entries_published_seq on search_entries (published_on, seq)`.execute(db);
  await sql`alter table search_entries add column title_tsv tsvector`.execute(db);
  await sql`update search_entries set title_tsv = to_tsvector('simple',
    split_part(tokens, '|', 1) || ' ' || split_part(tokens, '|', 2) || ' ' || split_part(tokens, '|', 3))`.execute(db);
  await sql`alter table search_entries alter column title_tsv set not null`.execute(db);
  await sql`create index search_entries_title_tsv on search_entries using gin (title_tsv)`.execute(db);
}

/** Indexes every entry again into the new FTS5 tables, a thousand at a time. */
async function refill(db: Kysely<unknown>): Promise<void> {
  type Row = {
    rowid: number;
    title: string;
    doc_number: string | null;
    index_number: string | null;
    body_text: string;
  };
  for (let after = 0; ;) {
    const rows = (
      await sql<Row>`select rowid, title, doc_number, index_number, body_text from search_entries
        where rowid > ${after} order by rowid limit 1000`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    for (const row of rows) {
      const f = tokenizedFields({
        title: row.title,
        docNumber: row.doc_number,
        indexNumber: row.index_number,
        bodyText: row.body_text,
      });
      await sql`insert into search_fts (rowid, title, doc_number, index_number, body)
        values (${row.rowid}, ${f.title}, ${f.docNumber}, ${f.indexNumber}, ${f.body})`.execute(db);
      await sql`insert into search_titles (rowid, title, doc_number, index_number)
        values (${row.rowid}, ${f.title}, ${f.docNumber}, ${f.indexNumber})`.execute(db);
    }
    after = rows.at(-1)!.rowid;
  }
}
