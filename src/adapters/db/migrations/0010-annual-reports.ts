import type { Kysely } from 'kysely';

/**
 * Annual reports on government information disclosure (条例 Art. 49–50): per unit and year, the
 * figures staff enter for table 二, the text of sections 一, 五 and 六, and the document in 公开年报
 * that its submissions become editions of.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull())
    .addColumn('penalties', 'integer', (c) => c.notNull())
    .addColumn('enforcement', 'integer', (c) => c.notNull())
    // 万元 as decimal text ("12.5"): exact on both databases.
    .addColumn('fees_wan', 'text', (c) => c.notNull())
    .addColumn('overview', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('other', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_org_year', ['org_id', 'year'])
    .execute();
}
