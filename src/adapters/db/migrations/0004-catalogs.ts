import type { Kysely } from 'kysely';

/**
 * Standard disclosure catalogs: versions per unit, their entries with the ten elements, the
 * negative list, the district's local fields; and on editions, the catalog entry a document is
 * filed under and the day its information was formed or changed (for the time limit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('published_at', 'text')
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('catalog_versions_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('catalog_versions_state').on('catalog_versions').columns(['state', 'org_id']).execute();

  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('catalog_versions.id').onDelete('cascade'))
    .addColumn('entry_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('field_code', 'text', (c) => c.notNull())
    .addColumn('item_l1', 'text', (c) => c.notNull())
    .addColumn('item_l2', 'text', (c) => c.notNull())
    .addColumn('content_elements', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('time_limit', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('other_channels', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('five_open', 'text', (c) => c.notNull())
    .addColumn('retention', 'text')
    .addColumn('review_comment', 'text')
    .addUniqueConstraint('catalog_entries_key', ['version_id', 'entry_key'])
    .execute();
  await db.schema
    .createIndex('catalog_entries_version')
    .on('catalog_entries')
    .columns(['version_id', 'position'])
    .execute();
  await db.schema.createIndex('catalog_entries_key_idx').on('catalog_entries').column('entry_key').execute();

  await db.schema
    .createTable('catalog_negative_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('catalog_versions.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('catalog_negative_version').on('catalog_negative_items').column('version_id').execute();

  await db.schema
    .createTable('catalog_local_fields')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('editions').addColumn('catalog_entry_key', 'text').execute();
  await db.schema.alterTable('editions').addColumn('formed_on', 'text').execute();
  await db.schema
    .createIndex('editions_catalog_entry')
    .on('editions')
    .columns(['catalog_entry_key', 'state'])
    .execute();
}
