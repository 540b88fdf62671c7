import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Hearings and meetings of a major decision (听证会、座谈会, 暂行条例 Art. 17–18): the meeting with its
 * notice, the rule and record of choosing participants and the minutes; the residents' registrations
 * with the contact sealed, a keyed hash of it (one registration per person per meeting) and the keyed
 * hash of the network address for the limits. Both tables feed public pages, so a change bumps the
 * content version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decision_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('major_decisions.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    /** hearing | symposium | argument | other */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('registration_opens_on', 'text', (c) => c.notNull())
    .addColumn('registration_closes_on', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('selection_method', 'text', (c) => c.notNull())
    .addColumn('selection_rule', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('materials_link', 'text', (c) => c.notNull())
    /** draft | announced | closed | held | minuted | cancelled */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text')
    .addColumn('selected_at', 'text')
    .addColumn('selected_how', 'text')
    .addColumn('draw_seed', 'text', (c) => c.notNull())
    .addColumn('selection_reason', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('views_summary', 'text', (c) => c.notNull())
    .addColumn('minutes_published_at', 'text')
    .addColumn('cancel_reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_meetings_decision').on('decision_meetings').columns(['decision_id']).execute();
  await db.schema
    .createTable('meeting_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('decision_meetings.id'))
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text', (c) => c.notNull())
    .addColumn('contact_key', 'text', (c) => c.notNull())
    .addColumn('stakeholder', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    /** registered | selected | not_selected */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('selection_rank', 'integer')
    /** attended | absent, once recorded */
    .addColumn('attendance', 'text')
    .addColumn('sender_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One registration per person per meeting, however close together two arrive.
  await db.schema
    .createIndex('meeting_registrations_contact')
    .on('meeting_registrations')
    .columns(['meeting_id', 'contact_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('meeting_registrations_sender')
    .on('meeting_registrations')
    .columns(['sender_key', 'created_at'])
    .execute();
  await bumpContentVersionOn(db, ['decision_meetings', 'meeting_registrations']);
}
