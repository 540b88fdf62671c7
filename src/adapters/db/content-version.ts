import type { Kysely } from 'kysely';
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
