import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * Policy interpretations (政策解读). An interpretation is government information in its own right:
 * a document of genre 政策解读 whose editions go through the documents' review (two persons) and
 * publication. What only an interpretation has is kept per edition, so a published edition keeps
 * what its reviewer approved while the next one is being written: its kind, the blocks of a graphic
 * interpretation (图解: headings, text, key figures, charts with their data), and the policy
 * documents it interprets, in order. A policy's page lists the interpretations whose live edition
 * links to it (`interpretation_links_policy`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interpretation_editions')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // The blocks as a JSON array (GraphicBlock[]), each chart with the text its data was pasted as.
    .addColumn('blocks', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('interpretation_links')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('policy_document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('interpretation_links_pk', ['edition_id', 'policy_document_id'])
    .execute();
  await db.schema
    .createIndex('interpretation_links_policy')
    .on('interpretation_links')
    .columns(['policy_document_id', 'edition_id'])
    .execute();
  await bumpContentVersionOn(db, ['interpretation_editions', 'interpretation_links']);
}
