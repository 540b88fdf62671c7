import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../platform/working-days.ts';
import { timelinessOf } from './timeliness.ts';

// 2026: 清明 4–6 April off; no 调休 around it.
const CALENDAR = calendarOf({ years: [2026], offDays: ['2026-04-04', '2026-04-05', '2026-04-06'] });
const TWENTY = { kind: 'working_days', days: 20 } as const;

describe('timelinessOf', () => {
  // Formed Wednesday 2026-03-11; 20 working days later is Thursday 2026-04-09 (清明, 4–6 April, not counted).
  it.each([
    { publishedOn: '2026-04-08', kind: 'on_time' },
    { publishedOn: '2026-04-09', kind: 'on_time' },
    { publishedOn: '2026-04-10', kind: 'late' },
  ])('published $publishedOn against a due date of 2026-04-09 is $kind', ({ publishedOn, kind }) => {
    expect(
      timelinessOf({ limit: TWENTY, formedOn: '2026-03-11', publishedOn, today: '2026-05-01', calendar: CALENDAR }),
    ).toEqual({
      kind,
      dueOn: '2026-04-09',
      uncoveredYears: [],
    });
  });

  it.each([
    { today: '2026-04-09', kind: 'pending' },
    { today: '2026-04-10', kind: 'overdue' },
  ])('unpublished on $today is $kind', ({ today, kind }) => {
    expect(
      timelinessOf({ limit: TWENTY, formedOn: '2026-03-11', publishedOn: null, today, calendar: CALENDAR }).kind,
    ).toBe(kind);
  });

  it.each([
    { why: 'a real-time limit', limit: { kind: 'realtime' } as const, formedOn: '2026-03-11' },
    { why: 'a limit in words', limit: { kind: 'custom', text: '批准后20日内' } as const, formedOn: '2026-03-11' },
    { why: 'no formation date', limit: TWENTY, formedOn: null },
  ])('does not count $why', ({ limit, formedOn }) => {
    expect(
      timelinessOf({ limit, formedOn, publishedOn: '2026-12-01', today: '2026-12-01', calendar: CALENDAR }),
    ).toEqual({ kind: 'not_counted' });
  });
});
