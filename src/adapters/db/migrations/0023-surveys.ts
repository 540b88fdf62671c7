import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Online surveys (网络调查, 互动交流): a unit's questions to the public and the answer sheets.
 *
 * - A survey's stored state is what staff decided (draft, published, closed early); whether it is
 *   open follows from `opens_at` and `closes_at`, so it opens and closes on time without a job.
 * - Its questions and its limit policy are JSON text: they are read and written whole, with the
 *   survey, and fixed once it opens (the domain refuses edits then), so every answer sheet answers
 *   the same questions.
 * - An answer sheet keeps the answers (JSON, as the domain normalised them) and only keys for the
 *   limits: a keyed hash of the device cookie, of the verified person, and of the network address
 *   (the address itself is not kept).
 * - The results page reads both tables, so a change bumps the content version (migration 0012) and
 *   the kept results page is rendered again on the next request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** draft | published | closed */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    /** The limit policy, JSON: {"kind":"per_device","perAddressPerDay":20} or {"kind":"one_per_person"}. */
    .addColumn('limit_policy', 'text', (c) => c.notNull())
    /** The questions, a JSON array in the domain's shape. */
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('surveys_org').on('surveys').columns(['org_id', 'opens_at']).execute();
  await db.schema.createIndex('surveys_opens').on('surveys').columns(['state', 'opens_at']).execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    /** The answers, a JSON array in question order. */
    .addColumn('answers', 'text', (c) => c.notNull())
    /** Keyed hash of the device cookie; null when the browser sent none. */
    .addColumn('device_key', 'text')
    /** Keyed hash of the verified e-mail address or mobile number; null when none was verified. */
    .addColumn('person_key', 'text')
    /** Keyed hash of the network address. */
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_answers_of').on('survey_answers').columns(['survey_id', 'created_at']).execute();
  // One sheet per device and per person, even when two arrive at once (the use case checks first and
  // says why; these catch the race). NULLs are distinct in both dialects: a sheet without a key is free.
  await db.schema
    .createIndex('survey_answers_device')
    .on('survey_answers')
    .columns(['survey_id', 'device_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_answers_person')
    .on('survey_answers')
    .columns(['survey_id', 'person_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_answers_address')
    .on('survey_answers')
    .columns(['survey_id', 'address_key', 'created_at'])
    .execute();

  await bumpContentVersionOn(db, ['surveys', 'survey_answers']);
}
