import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Online interviews (在线访谈): the interview with its guests (a JSON array) and a revision counter
 * the live page follows; residents' questions (moderated); the transcript entries added while live;
 * photos and media afterwards (links with alt text). Every table is shown on public pages, so a
 * change bumps the content version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('guests', 'text', (c) => c.notNull())
    /** draft | scheduled | live | ended | cancelled */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text', (c) => c.notNull())
    /** Raised by every change the live page shows; entries and shown questions carry the revision they came at. */
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interviews_state').on('interviews').columns(['state', 'starts_at']).execute();
  await db.schema
    .createTable('interview_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sender_key', 'text', (c) => c.notNull())
    /** pending | shown | hidden */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hidden_reason', 'text', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull())
    .addColumn('shown_revision', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema
    .createIndex('interview_questions_interview')
    .on('interview_questions')
    .columns(['interview_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('interview_questions_sender')
    .on('interview_questions')
    .columns(['sender_key', 'created_at'])
    .execute();
  await db.schema
    .createTable('interview_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
    /** host | guest | question */
    .addColumn('speaker_kind', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.references('interview_questions.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('said_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_entries_interview')
    .on('interview_entries')
    .columns(['interview_id', 'revision'])
    .execute();
  await db.schema
    .createTable('interview_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interview_media_interview').on('interview_media').columns(['interview_id']).execute();
  await bumpContentVersionOn(db, ['interviews', 'interview_questions', 'interview_entries', 'interview_media']);
}
