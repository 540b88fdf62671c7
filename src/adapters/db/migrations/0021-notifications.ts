import type { Kysely } from 'kysely';

/**
 * Telling people what was published (the plan's §三.4: push policies to those they concern).
 *
 * - Editions carry the audiences (企业, 个人, 老年人 …) and policy tags (减税降费, 惠企, 民生 …) their
 *   editors set, comma-separated like keywords; subscriptions are matched against them.
 * - A subscriber is one address on one channel (an e-mail address, a mobile number, or a webhook of
 *   another platform) with its choices (units, pilot fields, topics, audiences, policy tags) and how
 *   often it wants to hear (immediately, a daily or a weekly digest). An address is kept only while
 *   its owner wants it; erasing deletes the row and its choices.
 * - A message is what is sent: a publication (one per published edition), a targeted push composed by
 *   staff, or a digest; its `key` makes each of them once.
 * - A delivery is a message for one subscriber. Its id is the message's and the subscriber's ids
 *   together, so fanning out again inserts nothing twice, and the id travels with the message to the
 *   receiving server (Message-ID, Idempotency-Key) so a send repeated after a crash is recognised.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('editions')
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('editions')
    .addColumn('policy_tags', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** email | sms | webhook */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** The e-mail address (lower case), the mobile number (11 digits) or the webhook's URL. */
    .addColumn('address', 'text', (c) => c.notNull())
    /** A webhook's receiving platform, as staff named it. */
    .addColumn('label', 'text')
    /** A webhook's shared secret for the payload signature. */
    .addColumn('secret', 'text')
    /** pending | active | unsubscribed */
    .addColumn('state', 'text', (c) => c.notNull())
    /** immediate | daily | weekly */
    .addColumn('frequency', 'text', (c) => c.notNull())
    /** Raised to make every link sent before it stop working. */
    .addColumn('token_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema
    .createIndex('subscribers_address')
    .on('subscribers')
    .columns(['channel', 'address'])
    .unique()
    .execute();
  await db.schema.createIndex('subscribers_state').on('subscribers').columns(['state', 'frequency']).execute();

  await db.schema
    .createTable('subscriber_choices')
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    /** org | field | topic | audience | policy */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscriber_choices_pk', ['subscriber_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('subscriber_choices_value').on('subscriber_choices').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('notification_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** publication | targeted | digest */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** publication:<edition id>, targeted:<id>, digest:<subscriber id>:<period>: each made once. */
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('edition_id', 'text')
    /** What it is about, for lists, reports and digests. */
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    /** Plain text; the links to preferences and unsubscribing are added per recipient. */
    .addColumn('body', 'text', (c) => c.notNull())
    /** The SMS text (at most 70 characters), for messages that go to mobiles. */
    .addColumn('sms_text', 'text', (c) => c.notNull())
    /** The page it is about, as a path of the public site. */
    .addColumn('link', 'text')
    /** A targeted push's segment: JSON of its choices and channels. */
    .addColumn('segment', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_messages_created')
    .on('notification_messages')
    .columns(['kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    /** <message id>.<subscriber id>: the idempotency key of the send. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('notification_messages.id'))
    /** Null once the subscriber was erased. */
    .addColumn('subscriber_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    /** queued | held | sending | sent | failed | bounced | unsubscribed | digested */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('digest_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_message')
    .on('notification_deliveries')
    .columns(['message_id', 'state'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_subscriber')
    .on('notification_deliveries')
    .columns(['subscriber_id', 'state'])
    .execute();

  await db.schema
    .createTable('sms_codes')
    /** The mobile number the code was sent to. */
    .addColumn('phone', 'text', (c) => c.primaryKey())
    /** SHA-256 of the code. */
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sms_codes').execute();
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notification_messages').execute();
  await db.schema.dropTable('subscriber_choices').execute();
  await db.schema.dropTable('subscribers').execute();
  await db.schema.alterTable('editions').dropColumn('policy_tags').execute();
  await db.schema.alterTable('editions').dropColumn('audiences').execute();
}
