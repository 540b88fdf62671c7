import { sql, type Kysely } from 'kysely';

/**
 * Disclosure requests (依申请公开): one row per application with the applicant's identity and
 * contact sealed (AES-256-GCM), and the append-only list of what happened to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('foi_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text')
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number_sealed', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text', (c) => c.notNull())
    .addColumn('phone_sealed', 'text', (c) => c.notNull())
    .addColumn('phone_tail', 'text', (c) => c.notNull())
    .addColumn('email_sealed', 'text')
    .addColumn('address_sealed', 'text')
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('info_form', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('corrected_on', 'text')
    .addColumn('extension', 'text')
    .addColumn('pauses', 'text', (c) => c.notNull())
    .addColumn('correction', 'text')
    .addColumn('reply', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('fee', 'text')
    .addColumn('due_on', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('foi_requests_inbox')
    .on('foi_requests')
    .columns(['org_id', 'state', 'submitted_at'])
    .execute();
  // The inbox of a unit with 100,000 requests (bench/foi.ts): newest-first pages straight from an
  // index that also holds the filter columns, own cases, channel totals, due-date filters, and the
  // open requests' counts from a partial index.
  await db.schema
    .createIndex('foi_requests_recent')
    .on('foi_requests')
    .columns(['submitted_at desc', 'id', 'org_id', 'state', 'channel', 'assignee_id'])
    .execute();
  await db.schema
    .createIndex('foi_requests_assignee')
    .on('foi_requests')
    .columns(['assignee_id', 'submitted_at desc', 'id', 'org_id'])
    .execute();
  await db.schema.createIndex('foi_requests_channel').on('foi_requests').columns(['org_id', 'channel']).execute();
  await db.schema.createIndex('foi_requests_due').on('foi_requests').columns(['org_id', 'due_on']).execute();
  await db.schema
    .createIndex('foi_requests_open')
    .on('foi_requests')
    .columns(['org_id', 'state', 'due_on'])
    .where(sql.ref('closed_on'), 'is', null)
    .execute();

  await db.schema
    .createTable('foi_events')
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text')
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('foi_events_pk', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('foi_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('decided_on', 'text')
    .execute();
  await db.schema.createIndex('foi_appeals_request').on('foi_appeals').column('request_id').execute();
  await db.schema.createIndex('foi_appeals_filed').on('foi_appeals').column('filed_on').execute();
}
