import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import { CALENDAR_2025_2026 } from '../../../platform/working-days.fixture.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import {
  checkCorrectionNotice,
  checkExtension,
  consultationDueOn,
  correctionNoticeDueOn,
  replyDeadline,
  type ClockFacts,
  type ClockPause,
} from './clock.ts';

const CAL = CALENDAR_2025_2026;
const facts = (receivedOn: string, more: Partial<ClockFacts> = {}): ClockFacts => ({
  receivedOn,
  correctedOn: null,
  extension: null,
  pauses: [],
  ...more,
});
const extension = (workingDays: number) => ({
  workingDays,
  approvedBy: '示范区政务公开办 负责人',
  approvedOn: '2026-10-09',
});
const pause = (reason: ClockPause['reason'], from: string, until: string | null): ClockPause => ({
  reason,
  from,
  until,
});

/** The calendar as corrected after a notice changed: 2026-10-12 (Monday) made a day off. */
const CORRECTED: WorkingCalendar = { ...CAL, offDays: new Set([...CAL.offDays, '2026-10-12']) };

describe('replyDeadline', () => {
  const cases: Array<{
    rule: string;
    facts: ClockFacts;
    calendar?: WorkingCalendar;
    today: string;
    dueOn: string;
    paused?: number;
    left?: number;
    isPaused?: boolean;
  }> = [
    {
      rule: 'Art. 33 ¶1: 20 working days, counting the 调休 Sunday 2026-09-20 and Saturday 2026-10-10 worked',
      facts: facts('2026-09-18'),
      today: '2026-09-18',
      dueOn: '2026-10-22',
      left: 20,
    },
    {
      rule: 'Art. 31 with 民法典 Art. 201: received on a holiday (2026-10-03), counting starts at the next working day',
      facts: facts('2026-10-03'),
      today: '2026-10-03',
      dueOn: '2026-11-03',
    },
    {
      rule: 'Art. 33 ¶1 over the Spring Festival 2026 (02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked)',
      facts: facts('2026-02-06'),
      today: '2026-02-06',
      dueOn: '2026-03-12',
    },
    {
      rule: 'Art. 30: the period restarts from receipt of the corrected application (2026-03-16), across 清明',
      facts: facts('2026-03-02', { correctedOn: '2026-03-16' }),
      today: '2026-03-16',
      dueOn: '2026-04-14',
    },
    {
      rule: 'Art. 32, 33 ¶3: a third party consulted from 2026-09-22 to 2026-10-09 pauses 7 working days across 中秋 and 国庆',
      facts: facts('2026-09-01', { pauses: [pause('third_party', '2026-09-22', '2026-10-09')] }),
      today: '2026-10-09',
      dueOn: '2026-10-14',
      paused: 7,
      left: 4,
    },
    {
      rule: 'Art. 33 ¶3: an open consultation keeps pausing up to today',
      facts: facts('2026-09-01', { pauses: [pause('other_agency', '2026-09-22', null)] }),
      today: '2026-09-30',
      dueOn: '2026-10-12',
      paused: 5,
      isPaused: true,
    },
    {
      rule: 'Art. 33 ¶3 and 国办函〔2020〕109号: overlapping consultation and fee pauses count each working day once',
      facts: facts('2026-09-01', {
        pauses: [pause('third_party', '2026-09-22', '2026-10-09'), pause('fee', '2026-09-28', '2026-10-12')],
      }),
      today: '2026-10-12',
      dueOn: '2026-10-16',
      paused: 9,
    },
    {
      rule: 'Art. 33 ¶2: one extension of 20 working days on top of the 20',
      facts: facts('2026-09-18', { extension: extension(20) }),
      today: '2026-10-22',
      dueOn: '2026-11-19',
      left: 20,
    },
    {
      rule: 'Art. 33 ¶1: two working days left two days before the due date',
      facts: facts('2026-09-18'),
      today: '2026-10-20',
      dueOn: '2026-10-22',
      left: 2,
    },
    {
      rule: 'Art. 33 ¶1: overdue by 2 working days (10-23 and 10-26) on 2026-10-26',
      facts: facts('2026-09-18'),
      today: '2026-10-26',
      dueOn: '2026-10-22',
      left: -2,
    },
    {
      rule: 'Art. 33 ¶1: a corrected calendar (2026-10-12 made a day off) moves the open due date a day later',
      facts: facts('2026-09-18'),
      calendar: CORRECTED,
      today: '2026-10-09',
      dueOn: '2026-10-23',
    },
  ];

  it.each(cases)('$rule', ({ facts: f, calendar, today, dueOn, paused, left, isPaused }) => {
    const deadline = replyDeadline(f, calendar ?? CAL, today);
    expect(deadline.dueOn).toBe(dueOn);
    expect(deadline.pausedWorkingDays).toBe(paused ?? 0);
    if (left !== undefined) expect(deadline.workingDaysLeft).toBe(left);
    expect(deadline.isPaused).toBe(isPaused ?? false);
    expect(deadline.uncoveredYears).toEqual([]);
  });

  it('flags a deadline that runs into a year without holiday data (2027)', () => {
    const deadline = replyDeadline(facts('2026-12-21'), CAL, '2026-12-21');
    expect(deadline.uncoveredYears).toEqual([2027]);
    // 2026-12-22…31 is 8 working days, then 12 Monday–Friday days of 2027 (no holidays known).
    expect(deadline.dueOn).toBe('2027-01-18');
  });
});

describe('correction and consultation periods', () => {
  it.each([
    {
      rule: 'Art. 30: correction notice within 7 working days (across 中秋)',
      from: '2026-09-18',
      fn: correctionNoticeDueOn,
      due: '2026-09-29',
    },
    {
      rule: 'Art. 32: the third party has 15 working days (across 国庆)',
      from: '2026-09-22',
      fn: consultationDueOn,
      due: '2026-10-20',
    },
  ])('$rule', ({ from, fn, due }) => {
    expect(fn(from, CAL)).toBe(due);
  });
});

describe('checkExtension (条例 Art. 33 ¶2)', () => {
  it.each([
    { label: 'accepts 1 working day', existing: null, asked: extension(1), code: null },
    { label: 'accepts the cap of 20 working days', existing: null, asked: extension(20), code: null },
    {
      label: 'refuses 21 working days (over the cap)',
      existing: null,
      asked: extension(21),
      code: 'validation_failed',
    },
    { label: 'refuses 0 working days', existing: null, asked: extension(0), code: 'validation_failed' },
    { label: 'refuses a fraction of a day', existing: null, asked: extension(2.5), code: 'validation_failed' },
    {
      label: 'refuses an extension without its approver',
      existing: null,
      asked: { ...extension(10), approvedBy: '  ' },
      code: 'validation_failed',
    },
    { label: 'refuses a second extension', existing: extension(5), asked: extension(5), code: 'invalid_transition' },
  ])('$label', ({ existing, asked, code }) => {
    if (code === null) {
      expect(checkExtension(existing, asked)).toEqual(asked);
      return;
    }
    let thrown: unknown;
    try {
      checkExtension(existing, asked);
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown) && thrown.code).toBe(code);
    expect(isDomainError(thrown) && thrown.message + thrown.fields.map((f) => f.message).join('')).toContain(
      '第三十三条',
    );
  });
});

describe('checkCorrectionNotice (条例 Art. 30)', () => {
  it.each([
    { label: 'allows a notice on the 7th working day', sentOn: '2026-09-29', alreadySent: false, refused: null },
    {
      label: 'refuses a notice on the 8th working day',
      sentOn: '2026-09-30',
      alreadySent: false,
      refused: '2026-09-29',
    },
    { label: 'refuses a second notice', sentOn: '2026-09-21', alreadySent: true, refused: '一次性' },
  ])('$label', ({ sentOn, alreadySent, refused }) => {
    const check = () => checkCorrectionNotice({ receivedOn: '2026-09-18', sentOn, alreadySent, calendar: CAL });
    if (refused === null) expect(check).not.toThrow();
    else expect(check).toThrow(refused);
  });
});
