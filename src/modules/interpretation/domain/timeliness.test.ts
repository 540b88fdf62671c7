import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from '../../../platform/working-days.fixture.ts';
import { calendarOf } from '../../../platform/working-days.ts';
import { interpretationTimeliness } from './timeliness.ts';

describe('interpretationTimeliness (3 working days, 国办发〔2016〕19号)', () => {
  // rule, document published, interpretation published, today → due, state, working days late
  it.each([
    [
      'an ordinary week: Monday → Thursday, published on the last day',
      '2026-03-02',
      '2026-03-05',
      '2026-03-20',
      '2026-03-05',
      'on_time',
      0,
    ],
    [
      'the weekend is not counted: Friday → Wednesday',
      '2026-03-06',
      '2026-03-11',
      '2026-03-20',
      '2026-03-11',
      'on_time',
      0,
    ],
    ['published the same day as its document', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-05', 'on_time', 0],
    ['one working day late', '2026-03-02', '2026-03-06', '2026-03-20', '2026-03-05', 'late', 1],
    [
      'across the National Day holiday (10-01 to 10-07 off): Tuesday 09-29 → 09-30, 10-08, 10-09',
      '2026-09-29',
      '2026-10-09',
      '2026-10-20',
      '2026-10-09',
      'on_time',
      0,
    ],
    [
      'a 调休 Saturday counts: 2026-10-09 (Friday) → 10-10 (worked Saturday), 10-12, 10-13',
      '2026-10-09',
      '2026-10-14',
      '2026-10-20',
      '2026-10-13',
      'late',
      1,
    ],
    [
      'days off after the due date are not working days late (due 09-30; 10-01..07 off)',
      '2026-09-24',
      '2026-10-08',
      '2026-10-20',
      '2026-09-30',
      'late',
      1,
    ],
    ['not yet published, within the time', '2026-03-02', null, '2026-03-05', '2026-03-05', 'pending', 0],
    ['not published and past the due date: overdue', '2026-03-02', null, '2026-03-10', '2026-03-05', 'overdue', 3],
  ] as const)('%s', (_rule, document, published, today, dueOn, state, workingDaysLate) => {
    const result = interpretationTimeliness(CALENDAR_2025_2026, document, published, today);
    expect(result).toEqual({ dueOn, state, workingDaysLate, uncoveredYears: [] });
  });

  it('says which years it counted without holiday data', () => {
    const result = interpretationTimeliness(calendarOf({ years: [2026] }), '2026-12-30', '2027-01-05', '2027-01-10');
    expect(result.uncoveredYears).toEqual([2027]);
    expect(result.state).toBe('late');
  });
});
