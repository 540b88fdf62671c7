import type { Kysely } from 'kysely';

/**
 * Background work: the embedded job queue (a durable table the process polls; PostgreSQL
 * deployments use pg-boss's own tables instead), the record of the deadline reminders already sent
 * (so a reminder goes out once per request, kind and due date, whichever instance runs the sweep),
 * and a work e-mail address on staff accounts for the reminders to go to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** One job per (name, key): recurring jobs use their time slot as the key. */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** queued | active | done | failed */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_name_key').on('jobs').columns(['name', 'key']).unique().execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_after']).execute();

  await db.schema
    .createTable('foi_reminders')
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    /** due_soon | overdue | consultation_due */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The due date the reminder was about: a moved due date earns a new reminder. */
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    /** JSON list of the user ids it went to. */
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('foi_reminders_pk', ['request_id', 'kind', 'due_on'])
    .execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email').execute();
  await db.schema.dropTable('foi_reminders').execute();
  await db.schema.dropTable('jobs').execute();
}
