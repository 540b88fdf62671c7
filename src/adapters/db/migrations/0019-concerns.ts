import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Responses to public concerns (回应关切). A concern is a topic the public asks about, recorded by
 * the responding unit with where and when it was first reported. Each response is a document of genre
 * 回应关切 whose editions go through the documents' review; what only a response has is kept per
 * edition: the concern it answers and the documents and interpretations it points to, in order (a
 * JSON array of document ids, read with the edition, never searched by).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('concerns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concerns_org').on('concerns').columns(['org_id', 'reported_at']).execute();
  await db.schema
    .createTable('concern_responses')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id'))
    .addColumn('linked_document_ids', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('concern_responses_concern')
    .on('concern_responses')
    .columns(['concern_id', 'edition_id'])
    .execute();
  await bumpContentVersionOn(db, ['concerns', 'concern_responses']);
}
