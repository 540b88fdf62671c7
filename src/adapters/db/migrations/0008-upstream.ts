import { sql, type Kysely } from 'kysely';

/**
 * The link with the provincial disclosure platform (省级政府信息公开申请平台): the platform's own
 * reference on the requests it forwarded (one request per reference), the nonces of signed calls
 * still inside their time window (a replay finds its nonce taken, on every instance), and the
 * outbox of statuses to send back, written in the same transaction as the change they report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('foi_requests').addColumn('upstream_id', 'text').execute();
  // Several NULLs are allowed by a unique index on both databases: only forwarded requests have one.
  await db.schema.createIndex('foi_requests_upstream').on('foi_requests').column('upstream_id').unique().execute();

  await db.schema
    .createTable('upstream_nonces')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upstream_nonces_expiry').on('upstream_nonces').column('expires_at').execute();

  await db.schema
    .createTable('foi_upstream_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('foi_upstream_outbox_event', ['request_id', 'seq'])
    .execute();
  // What is still to send, request by request in order, without reading what was sent long ago.
  await db.schema
    .createIndex('foi_upstream_outbox_pending')
    .on('foi_upstream_outbox')
    .columns(['request_id', 'seq'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();
}
