import { sql, type Kysely } from 'kysely';

/** Tokens issued before expiry existed get the default lifetime from their creation. */
const DEFAULT_TOKEN_DAYS = 90;

/**
 * API tokens get an expiry; failed sign-ins are counted per client address as well as per account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  const rows = await sql<{ id: string; created_at: string }>`select id, created_at from api_tokens`.execute(db);
  for (const row of rows.rows) {
    const expires = new Date(new Date(row.created_at).getTime() + DEFAULT_TOKEN_DAYS * 86_400_000).toISOString();
    await sql`update api_tokens set expires_at = ${expires} where id = ${row.id}`.execute(db);
  }
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('client_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute();
}
