import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Government services (办事服务): service guides (办事指南) and 一件事 bundles. Each is a document
 * (genre 办事指南 or 一件事) whose editions go through the documents' review and publication; what
 * only a guide or a bundle has is kept per edition, so a published edition keeps what its reviewer
 * approved while the next is written: the elements as JSON, and beside them the columns the public
 * directory filters by (audience, and for a guide its life events in their own table; for a bundle
 * its one event).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_guide_editions')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('for_person', 'integer', (c) => c.notNull())
    .addColumn('for_corp', 'integer', (c) => c.notNull())
    // The guide's elements (ServiceGuide) as JSON.
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_guide_editions_document')
    .on('service_guide_editions')
    .column('document_id')
    .execute();
  await db.schema
    .createTable('service_guide_events')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_guide_events_pk', ['edition_id', 'event'])
    .execute();
  await db.schema
    .createIndex('service_guide_events_event')
    .on('service_guide_events')
    .columns(['event', 'edition_id'])
    .execute();
  await db.schema
    .createTable('service_bundle_editions')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('for_person', 'integer', (c) => c.notNull())
    .addColumn('for_corp', 'integer', (c) => c.notNull())
    // The bundle's elements (ServiceBundle) as JSON: its guides in order, steps, time limit.
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await bumpContentVersionOn(db, ['service_guide_editions', 'service_guide_events', 'service_bundle_editions']);
}
