import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 as CALENDAR } from './working-days.fixture.ts';
import { addWorkingDays, isWorkingDay, uncoveredWarning, workingDayIndex, workingDaysBetween } from './working-days.ts';

describe('addWorkingDays', () => {
  it.each([
    {
      why: '20 days across 中秋 and 国庆 2026, counting the 调休 Sunday and Saturday',
      from: '2026-09-18',
      n: 20,
      expected: '2026-10-22',
    },
    { why: 'counts a 调休 Sunday as a working day', from: '2026-09-19', n: 1, expected: '2026-09-20' },
    { why: 'counts a 调休 Saturday as a working day', from: '2026-02-13', n: 1, expected: '2026-02-14' },
    { why: 'skips the whole Spring Festival break', from: '2026-02-14', n: 1, expected: '2026-02-24' },
    {
      why: 'starts counting the day after an event that falls on a holiday',
      from: '2026-10-03',
      n: 1,
      expected: '2026-10-08',
    },
    { why: 'skips the eight days of 国庆 and 中秋 2025', from: '2025-09-30', n: 1, expected: '2025-10-09' },
    { why: 'counts the 2025 调休 Sunday before 国庆', from: '2025-09-26', n: 1, expected: '2025-09-28' },
    { why: 'counts the 2025 调休 Sunday before 劳动节', from: '2025-04-25', n: 1, expected: '2025-04-27' },
    { why: 'crosses into 2026 over 元旦 to the 调休 Sunday', from: '2025-12-31', n: 1, expected: '2026-01-04' },
    { why: 'crosses the year boundary with several days', from: '2025-12-30', n: 3, expected: '2026-01-05' },
    { why: 'does not count the event day (民法典 Art. 201)', from: '2026-03-02', n: 1, expected: '2026-03-03' },
    { why: 'returns the day itself for zero days', from: '2026-10-03', n: 0, expected: '2026-10-03' },
    {
      why: 'counts 7 working days for a correction notice over 清明 2026',
      from: '2026-04-01',
      n: 7,
      expected: '2026-04-13',
    },
  ])('$why: $from + $n → $expected', ({ from, n, expected }) => {
    expect(addWorkingDays(CALENDAR, from, n)).toEqual({ date: expected, uncoveredYears: [] });
  });

  it('flags a deadline that runs into a year with no holiday data, counting Monday–Friday there', () => {
    expect(addWorkingDays(CALENDAR, '2026-12-30', 5)).toEqual({ date: '2027-01-06', uncoveredYears: [2027] });
    expect(uncoveredWarning([2027])).toContain('2027年的法定节假日安排尚未导入');
  });

  it('does not flag a deadline that stays inside covered years', () => {
    expect(addWorkingDays(CALENDAR, '2026-12-01', 20).uncoveredYears).toEqual([]);
  });

  it.each([-1, 1.5])('refuses %s working days', (n) => {
    expect(() => addWorkingDays(CALENDAR, '2026-03-02', n)).toThrow(RangeError);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addWorkingDays(CALENDAR, '2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    { from: '2026-09-18', to: '2026-10-22', days: 20 },
    { from: '2026-10-01', to: '2026-10-07', days: 0 },
    { from: '2025-12-31', to: '2026-01-04', days: 1 },
    { from: '2026-03-02', to: '2026-03-02', days: 0 },
    { from: '2026-03-03', to: '2026-03-02', days: 0 },
    { from: '2026-02-13', to: '2026-02-28', days: 6 },
  ])('$from → $to is $days working days', ({ from, to, days }) => {
    expect(workingDaysBetween(CALENDAR, from, to)).toEqual({ days, uncoveredYears: [] });
  });

  it('flags the uncovered years it passes through', () => {
    expect(workingDaysBetween(CALENDAR, '2026-12-31', '2027-01-04')).toEqual({ days: 2, uncoveredYears: [2027] });
  });
});

describe('isWorkingDay', () => {
  it.each([
    { date: '2026-10-10', expected: true, why: 'a 调休 Saturday' },
    { date: '2026-10-05', expected: false, why: 'a National Day Monday' },
    { date: '2026-03-07', expected: false, why: 'an ordinary Saturday' },
    { date: '2026-03-09', expected: true, why: 'an ordinary Monday' },
  ])('$date is $expected ($why)', ({ date, expected }) => {
    expect(isWorkingDay(CALENDAR, date)).toBe(expected);
  });
});

describe('workingDayIndex', () => {
  const dayAfter = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  // Dates before, inside and after the indexed range, across 国庆, 春节 and into 2027 (no holiday data).
  const dates = Array.from({ length: 150 }, (_, i) => dayAfter('2025-11-20', i * 3));

  it.each([
    ['a year with its holidays', '2025-12-01', '2026-12-31'],
    ['a short range, most answers outside it', '2026-09-25', '2026-10-12'],
    ['one day', '2026-10-01', '2026-10-01'],
  ])('answers as addWorkingDays and workingDaysBetween do, over %s', (_name, first, last) => {
    const index = workingDayIndex(CALENDAR, first, last);
    for (const date of dates) {
      for (const n of [0, 1, 2, 5, 7, 15, 20]) {
        expect(index.addWorkingDays(date, n), `${date} + ${n}`).toEqual(addWorkingDays(CALENDAR, date, n));
      }
      for (const to of dates.filter((_, i) => i % 7 === 0)) {
        expect(index.workingDaysBetween(date, to), `${date} → ${to}`).toEqual(workingDaysBetween(CALENDAR, date, to));
      }
    }
  });

  it('refuses what the day-by-day functions refuse', () => {
    const index = workingDayIndex(CALENDAR, '2026-01-01', '2026-12-31');
    expect(() => index.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => index.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => index.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => index.workingDaysBetween('2026-3-2', '2026-03-09')).toThrow(RangeError);
    expect(() => workingDayIndex(CALENDAR, '2026-13-01', '2026-12-31')).toThrow(RangeError);
  });
});
