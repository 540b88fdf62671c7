import type { Kysely } from 'kysely';
import type { CalendarStore } from '../../modules/calendar/ports.ts';
import { toCount } from './dialect.ts';
import type { Database } from './schema.ts';

export function createCalendarStore(db: Kysely<Database>): CalendarStore {
  return {
    async load() {
      const [days, years] = await Promise.all([
        db.selectFrom('calendar_days').select(['date', 'is_off_day']).execute(),
        db.selectFrom('calendar_years').select('year').execute(),
      ]);
      return {
        coveredYears: new Set(years.map((y) => Number(y.year))),
        offDays: new Set(days.filter((d) => d.is_off_day === 1).map((d) => d.date)),
        workDays: new Set(days.filter((d) => d.is_off_day === 0).map((d) => d.date)),
      };
    },
    async years() {
      const rows = await db
        .selectFrom('calendar_years')
        .leftJoin('calendar_days', 'calendar_days.year', 'calendar_years.year')
        .select([
          'calendar_years.year',
          'calendar_years.source',
          'calendar_years.updated_at',
          (eb) => eb.fn.sum<number>(eb.case().when('calendar_days.is_off_day', '=', 1).then(1).else(0).end()).as('off'),
          (eb) =>
            eb.fn.sum<number>(eb.case().when('calendar_days.is_off_day', '=', 0).then(1).else(0).end()).as('work'),
        ])
        .groupBy(['calendar_years.year', 'calendar_years.source', 'calendar_years.updated_at'])
        .orderBy('calendar_years.year', 'desc')
        .execute();
      return rows.map((r) => ({
        year: Number(r.year),
        source: r.source,
        updatedAt: r.updated_at,
        offDays: toCount(r.off),
        workDays: toCount(r.work),
      }));
    },
    async daysOf(year) {
      const rows = await db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
      return rows.map((r) => ({ date: r.date, isOffDay: r.is_off_day === 1, name: r.name }));
    },
    async replaceYear(year, days, source, at) {
      await db.deleteFrom('calendar_days').where('year', '=', year).execute();
      const rows = days.map((d) => ({ date: d.date, year, is_off_day: d.isOffDay ? 1 : 0, name: d.name }));
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('calendar_days')
          .values(rows.slice(i, i + 200))
          .execute();
      await this.markCovered(year, source, at);
    },
    async setDay(date, day) {
      await db.deleteFrom('calendar_days').where('date', '=', date).execute();
      if (day) {
        await db
          .insertInto('calendar_days')
          .values({ date, year: Number(date.slice(0, 4)), is_off_day: day.isOffDay ? 1 : 0, name: day.name })
          .execute();
      }
    },
    async markCovered(year, source, at) {
      await db
        .insertInto('calendar_years')
        .values({ year, source, updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('year').doUpdateSet({ source, updated_at: at.toISOString() }))
        .execute();
    },
  };
}
