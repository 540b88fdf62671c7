import type { Kysely } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import type { Database } from './schema.ts';

/**
 * The public site's content version and when it last changed (milliseconds, the database's clock):
 * one primary-key read. Triggers bump it in the same transaction as any change to what public
 * pages show, so every instance on the database sees a change on its next read.
 */
export async function readContentVersion(db: Kysely<Database>): Promise<{ version: number; changedAtMs: number }> {
  const row = await db
    .selectFrom('site_content_version')
    .select(['version', 'changed_at_ms'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), changedAtMs: Number(row.changed_at_ms) };
}

type ContentVersion = { version: number; changedAtMs: number };

/**
 * The content version reader public pages use on every cached answer. On SQLite it is one prepared
 * statement run synchronously (a few microseconds, no query building or promise); while a
 * transaction is open on the shared connection it reads through Kysely instead, which waits for the
 * transaction, so an uncommitted bump is never seen.
 */
export function contentVersionReader(
  handle: Pick<DatabaseHandle, 'db' | 'sqlite'>,
): () => ContentVersion | Promise<ContentVersion> {
  const sqlite = handle.sqlite;
  if (!sqlite) return () => readContentVersion(handle.db);
  const statement = sqlite.prepare<[], { version: number | bigint; changed_at_ms: number | bigint }>(
    'select version, changed_at_ms from site_content_version where id = 1',
  );
  return () => {
    if (sqlite.inTransaction) return readContentVersion(handle.db);
    const row = statement.get();
    if (!row) throw new Error('site_content_version has no row');
    return { version: Number(row.version), changedAtMs: Number(row.changed_at_ms) };
  };
}
