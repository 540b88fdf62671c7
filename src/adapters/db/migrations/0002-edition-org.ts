import { sql, type Kysely } from 'kysely';

/**
 * Each edition carries its document's unit (a document never changes unit), so lists narrowed to a
 * unit's subtree read one index range per unit instead of visiting every document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('editions').addColumn('org_id', 'text').execute();
  await sql`update editions set org_id = (select documents.org_id from documents where documents.id = editions.document_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('editions_org_state_date')
    .on('editions')
    .columns(['org_id', 'state', 'published_on'])
    .execute();
}
