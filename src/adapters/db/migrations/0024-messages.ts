import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Residents' messages to units (政民互动 留言) and the alerts sent about them.
 *
 * - A message keeps what the resident wrote, the contact sealed by the field cipher (never public),
 *   a keyed hash of the sender's network address (for the limits; the address is not kept), its
 *   state and its clock's days (China time, YYYY-MM-DD); due dates are computed from them and the
 *   calendar, never stored, so a corrected calendar moves them.
 * - Transfers are a JSON array on the message; the audit log has each as an entry too.
 * - `message_alerts` records each alert (reminder, escalation, three-month warning) once per
 *   (message, key): the sweep's idempotency, whichever process runs it and however often.
 * - Published answers are on public pages, so a change to messages bumps the content version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text', (c) => c.notNull())
    .addColumn('public_consent', 'integer', (c) => c.notNull())
    /** received | accepted | answered | declined */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('transferred_on', 'text')
    .addColumn('transfers', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text', (c) => c.notNull())
    .addColumn('sender_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_org').on('messages').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('messages_state').on('messages').columns(['state', 'received_on']).execute();
  await db.schema.createIndex('messages_published').on('messages').columns(['published', 'answered_on']).execute();
  await db.schema.createIndex('messages_sender').on('messages').columns(['sender_key', 'created_at']).execute();

  await db.schema
    .createTable('message_alerts')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    /** `${kind}:${aboutOn}` (domain/message-clock.ts). */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    /** The staff it was mailed to, as a JSON array of user ids. */
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_alerts_pk', ['message_id', 'key'])
    .execute();

  await bumpContentVersionOn(db, ['messages']);
}
