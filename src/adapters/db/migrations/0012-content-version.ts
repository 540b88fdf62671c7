import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * What the public site shows comes from these tables; any change to one of them (publish,
 * supersede, withdraw, scheduled publication, catalog publication, site settings, organisations)
 * bumps one counter in the same transaction, so every application instance sharing the database
 * can tell with one primary-key read whether its cached public pages are still current.
 */
export const PUBLIC_CONTENT_TABLES = [
  'documents',
  'editions',
  'attachments',
  'orgs',
  'settings',
  'catalog_versions',
  'catalog_entries',
  'catalog_negative_items',
  'catalog_local_fields',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('site_content_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    // Milliseconds since the epoch of the last change, by the database's clock: pages' Last-Modified.
    .addColumn('changed_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`insert into site_content_version (id, version, changed_at_ms)
      values (1, 1, (extract(epoch from clock_timestamp()) * 1000)::bigint)`.execute(db);
    await sql`create function bump_site_content_version() returns trigger language plpgsql as $$
      begin
        update site_content_version
          set version = version + 1, changed_at_ms = (extract(epoch from clock_timestamp()) * 1000)::bigint
          where id = 1;
        return null;
      end $$`.execute(db);
  } else {
    await sql`insert into site_content_version (id, version, changed_at_ms)
      values (1, 1, cast((julianday('now') - 2440587.5) * 86400000 as integer))`.execute(db);
  }
  await bumpContentVersionOn(db, PUBLIC_CONTENT_TABLES);
}

/**
 * Triggers that bump the content version on any insert, update or delete of these tables: on
 * PostgreSQL once per statement (a bulk load of a million editions is one update of the counter),
 * on SQLite once per row (it has no statement triggers). Later migrations add their public tables
 * through this too.
 */
export async function bumpContentVersionOn(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of tables) {
    if (postgres) {
      await sql`create trigger ${sql.raw(`${table}_content_version`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function bump_site_content_version()`.execute(db);
      continue;
    }
    for (const event of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_content_version_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin
          update site_content_version
            set version = version + 1,
                changed_at_ms = cast((julianday('now') - 2440587.5) * 86400000 as integer)
            where id = 1;
        end`.execute(db);
    }
  }
}
