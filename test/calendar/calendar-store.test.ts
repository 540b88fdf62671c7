import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHolidayNotice } from '../../src/modules/calendar/commands/import-holiday-notice.ts';
import { setCalendarDay } from '../../src/modules/calendar/commands/set-calendar-day.ts';
import { addWorkingDays } from '../../src/platform/working-days.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';

/** A 2027 notice as an ICS file, the way published holiday calendars write it (days invented for the test). */
const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦(休)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270206',
  'DTEND;VALUE=DATE:20270214',
  'SUMMARY:春节(休)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270214',
  'SUMMARY:春节(班)',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe.each(DIALECTS)('working-day calendar on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  const deps = () => ({ uow: app.uow, clock: app.clock });

  beforeAll(async () => {
    app = await createTestApp(dialect);
    fixture = await seedFixture(app, [
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'edu' },
    ]);
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('comes seeded with every year from 2004 to 2026', async () => {
    const years = (await app.stores.calendar.years()).map((y) => y.year).sort();
    expect(years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const y2026 = (await app.stores.calendar.years()).find((y) => y.year === 2026)!;
    expect({ off: y2026.offDays, work: y2026.workDays }).toEqual({ off: 33, work: 6 });
  });

  it('counts with the seeded 2026 notice: 2026-09-18 + 20 working days is 2026-10-22', async () => {
    const calendar = await app.calendarCache.get();
    expect(addWorkingDays(calendar, '2026-09-18', 20)).toEqual({ date: '2026-10-22', uncoveredYears: [] });
    expect(addWorkingDays(calendar, '2026-12-30', 5).uncoveredYears).toEqual([2027]);
  });

  it('imports a year from an ICS notice, which then counts and is no longer flagged', async () => {
    const summary = await importHolidayNotice({
      ...deps(),
      actor: fixture.staff('dist.district_admin'),
      fileName: '2027.ics',
      text: ICS_2027,
    });
    expect(summary).toEqual({ coveredYears: [2027], extraDays: 0 });
    const calendar = await app.stores.calendar.load();
    // 2027-02-05 is a Friday: the Spring Festival break runs to the 13th, the 14th (a Sunday) is worked.
    expect(addWorkingDays(calendar, '2027-02-05', 1)).toEqual({ date: '2027-02-14', uncoveredYears: [] });
    const audit = await app.stores.audit.find({ action: 'calendar.imported' }, { offset: 0, limit: 5 });
    expect(audit.total).toBe(1);
  });

  it('imports JSON, refusing a malformed file without changing anything', async () => {
    const bad = importHolidayNotice({
      ...deps(),
      actor: fixture.staff('dist.district_admin'),
      fileName: 'bad.json',
      text: JSON.stringify([
        { date: '2028-01-01', isOffDay: true },
        { date: '2028-02-30', isOffDay: true },
        { date: '2028-03-01' },
      ]),
    });
    await expect(bad).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: '第2项' }, { field: '第3项' }],
    });
    expect((await app.stores.calendar.years()).some((y) => y.year === 2028)).toBe(false);

    await importHolidayNotice({
      ...deps(),
      actor: fixture.staff('dist.district_admin'),
      fileName: '2028.json',
      text: JSON.stringify([{ date: '2028-01-01', isOffDay: true, name: '元旦' }]),
    });
    expect((await app.stores.calendar.years()).some((y) => y.year === 2028)).toBe(true);
  });

  it('lets a calendar manager correct one day, and nobody else', async () => {
    await setCalendarDay({
      ...deps(),
      actor: fixture.staff('dist.district_admin'),
      date: '2027-03-08',
      kind: 'off',
      name: '地方安排',
    });
    const calendar = await app.stores.calendar.load();
    expect(calendar.offDays.has('2027-03-08')).toBe(true);
    await expect(
      setCalendarDay({ ...deps(), actor: fixture.staff('edu.editor'), date: '2027-03-09', kind: 'off', name: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await setCalendarDay({ ...deps(), actor: systemActor('test'), date: '2027-03-08', kind: 'normal', name: '' });
    expect((await app.stores.calendar.load()).offDays.has('2027-03-08')).toBe(false);
  });
});
