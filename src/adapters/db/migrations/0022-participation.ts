import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Public participation (互动交流, the plan's §三.5): consultations on drafts (意见征集) with their
 * versions and comments.
 *
 * - A consultation's stored state is what staff decided (draft, published, completed); whether it
 *   is open follows from `opens_at` and `closes_at`, so it closes on time without a job.
 * - A version is the draft's text as paragraphs (a JSON array); a comment names the version and the
 *   paragraph it was made on, so a later version never moves it.
 * - A comment keeps what the resident typed, an optional signature and a keyed hash of the sender's
 *   network address (for rate limits; the address itself is not kept), its moderation (hidden with
 *   a reason) and its disposition (采纳, 部分采纳, 未采纳 with a reason, and a group of like comments).
 * - Public pages show all three tables, so a change bumps the content version (migration 0012).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('short_reason', 'text', (c) => c.notNull())
    /** draft | published | completed */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('final_link', 'text')
    .addColumn('report_summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('consultations_org').on('consultations').columns(['org_id', 'opens_at']).execute();
  await db.schema.createIndex('consultations_opens').on('consultations').columns(['state', 'opens_at']).execute();

  await db.schema
    .createTable('consultation_versions')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    /** The paragraphs, as a JSON array of strings. */
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_versions_pk', ['consultation_id', 'number'])
    .execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** 1-based paragraph of that version; null for the whole draft. */
    .addColumn('paragraph', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sender_key', 'text', (c) => c.notNull())
    /** shown | hidden */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text', (c) => c.notNull())
    /** adopted | partly | rejected, or null while undecided. */
    .addColumn('disposition', 'text')
    .addColumn('disposition_reason', 'text', (c) => c.notNull())
    .addColumn('disposition_group', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .addColumn('disposed_at', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_comments_of')
    .on('consultation_comments')
    .columns(['consultation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('consultation_comments_sender')
    .on('consultation_comments')
    .columns(['sender_key', 'created_at'])
    .execute();

  await bumpContentVersionOn(db, ['consultations', 'consultation_versions', 'consultation_comments']);
}
