import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Search beyond documents' own text:
 *
 * - `search_entries` holds standard-catalog entries too: a `kind` ('document' | 'catalog'), the
 *   public page it links to (`href`), and the attachments' extracted text (JSON, for showing which
 *   attachment matched). Its key no longer references `documents`, since a catalog entry's id is
 *   not a document's.
 * - `attachment_texts`: the text extracted from an attachment's file, once per content (files are
 *   stored by SHA-256, and an edition's copy of an attachment shares its bytes).
 * - `search_synonyms`: the district's synonym groups (医保 = 医疗保障), which widen a query.
 *
 * Both new tables change what the public search page shows, so they bump the site content version
 * like the tables of migration 0012.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await dropSqliteDocumentReference(db);
  else await dropPostgresForeignKeys(db);

  await db.schema
    .alterTable('search_entries')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('document'))
    .execute();
  await db.schema
    .alterTable('search_entries')
    .addColumn('href', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('search_entries')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await sql`update search_entries set href = '/xxgk/doc/' || document_id`.execute(db);
  await db.schema.createIndex('search_entries_kind').on('search_entries').columns(['kind']).execute();

  await db.schema
    .createTable('attachment_texts')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    // 'extracted', or 'failed' (corrupt, encrypted, too large, too slow: nothing is indexed).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('extracted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    // The group's terms as a JSON array, in the order the district wrote them.
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await bumpContentVersionOn(db, ['attachment_texts', 'search_synonyms']);
}

/** PostgreSQL drops a foreign key in place, whatever name it was given. */
async function dropPostgresForeignKeys(db: Kysely<unknown>): Promise<void> {
  const keys = await sql<{ conname: string }>`select conname from pg_constraint
    where conrelid = 'search_entries'::regclass and contype = 'f'`.execute(db);
  for (const key of keys.rows) {
    await sql`alter table search_entries drop constraint ${sql.id(key.conname)}`.execute(db);
  }
}

/**
 * SQLite cannot drop a constraint: the table is rebuilt from its own definition without the
 * reference (https://www.sqlite.org/lang_altertable.html#otheralter), keeping every row's rowid —
 * the full-text table is keyed by it — and recreating its indexes and triggers.
 */
async function dropSqliteDocumentReference(db: Kysely<unknown>): Promise<void> {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql
    from sqlite_master where tbl_name = 'search_entries'`.execute(db);
  const table = objects.rows.find((o) => o.type === 'table')?.sql;
  if (!table) throw new Error('search_entries is missing');
  const definition = table
    .replace(/\s+references\s+"?documents"?\s*\(\s*"?id"?\s*\)/i, '')
    .replace(/^create table\s+"?search_entries"?/i, 'create table "search_entries_rebuilt"');
  const columns = await sql<{ name: string }>`select name from pragma_table_info('search_entries')`.execute(db);
  const list = sql.join(columns.rows.map((c) => sql.id(c.name)));
  await sql.raw(definition).execute(db);
  await sql`insert into search_entries_rebuilt (rowid, ${list}) select rowid, ${list} from search_entries`.execute(db);
  await sql`drop table search_entries`.execute(db);
  await sql`alter table search_entries_rebuilt rename to search_entries`.execute(db);
  for (const object of objects.rows) {
    if ((object.type === 'index' || object.type === 'trigger') && object.sql) await sql.raw(object.sql).execute(db);
  }
}
