import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import { isWholeYear, parseNoticeJson } from '../../../modules/calendar/domain/holiday-notice.ts';

/** Years the bundled holiday data covers completely (State Council notices 2004–2026). */
const SEEDED_YEARS = { from: 2004, to: 2026 };

/**
 * The working-day calendar: statutory holidays and 调休 make-up days per year, seeded from the
 * chinese-days package's data for 2004–2026. Later years are imported from each year's notice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('is_off_day', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('calendar_days_year').on('calendar_days').column('year').execute();
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  const require = createRequire(import.meta.url);
  const file = require.resolve('chinese-days/dist/chinese-days.json');
  const parsed = parseNoticeJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`chinese-days data unreadable: ${parsed.issues.map((i) => i.message).join('; ')}`);
  const raw = db as unknown as Kysely<{
    calendar_days: { date: string; year: number; is_off_day: number; name: string };
    calendar_years: { year: number; source: string; updated_at: string };
  }>;
  const at = new Date().toISOString();
  for (const [year, days] of parsed.notice) {
    if (year < SEEDED_YEARS.from || year > SEEDED_YEARS.to) continue;
    const rows = days.map((d) => ({ date: d.date, year, is_off_day: d.isOffDay ? 1 : 0, name: d.name }));
    for (let i = 0; i < rows.length; i += 200)
      await raw
        .insertInto('calendar_days')
        .values(rows.slice(i, i + 200))
        .execute();
    if (isWholeYear(year, days)) {
      await raw
        .insertInto('calendar_years')
        .values({ year, source: 'chinese-days 1.5.7（国务院办公厅历年节假日安排通知）', updated_at: at })
        .execute();
    }
  }
}
