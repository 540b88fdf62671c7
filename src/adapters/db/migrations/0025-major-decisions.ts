import type { Kysely } from 'kysely';
import { bumpContentVersionOn } from './0012-content-version.ts';

/**
 * The yearly directory of major administrative decisions (重大行政决策事项目录, 暂行条例 Art. 10): one
 * row per decision item with the participation methods used (a JSON array), its status and the
 * consultation on its draft, if any. The directory is a public page, so a change bumps the content
 * version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('major_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('methods', 'text', (c) => c.notNull())
    /** planned | participation | review | decided | withdrawn */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('planned_time', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.references('consultations.id'))
    .addColumn('decided_on', 'text')
    .addColumn('result_link', 'text', (c) => c.notNull())
    .addColumn('withdrawn_reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('major_decisions_year').on('major_decisions').columns(['year', 'org_id']).execute();
  await bumpContentVersionOn(db, ['major_decisions']);
}
