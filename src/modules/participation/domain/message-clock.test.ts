import { describe, expect, it } from 'vitest';
import { CALENDAR_2025_2026 } from '../../../platform/working-days.fixture.ts';
import {
  addCalendarMonths,
  answeredOnTimeStats,
  answeredOnTimeStatsBy,
  messageAlerts,
  messageDeadline,
  type MessageAlertOptions,
  type MessageFacts,
} from './message-clock.ts';

/** The State Council's 2025 and 2026 arrangements; 2027 is not covered (its notice is not yet loaded). */
const CAL = CALENDAR_2025_2026;
const message = (receivedOn: string, more: Partial<MessageFacts> = {}): MessageFacts => ({
  receivedOn,
  transferredOn: null,
  answeredOn: null,
  ...more,
});

/** Friday before 春节 2026 (02-14 Saturday worked, 02-15…23 off): due Friday 02-27. */
const SPRING_FESTIVAL = message('2026-02-13');
/** Received on the 调休 Saturday 2026-02-28: due Friday 03-06. */
const WORKED_SATURDAY = message('2026-02-28');
/** Received on the 调休 Sunday 2026-09-20, across 中秋 (09-25…27 off): due Monday 09-28. */
const WORKED_SUNDAY = message('2026-09-20');
/**
 * Received Friday 2026-09-18: due 09-24 (the 调休 Sunday 09-20 counts); transferred on that due day,
 * Thursday 09-24: due 10-09 for the receiving unit, across 中秋 and 国庆.
 */
const TRANSFERRED = message('2026-09-18', { transferredOn: '2026-09-24' });
/** Received Tuesday 2026-06-30: due 07-07; 3 months end 09-30; warnings from 08-30 (a Sunday). */
const SUMMER = message('2026-06-30');
/** Received 2026-11-30: due 12-07; 3 months end 2027-02-28 (民法典 Art. 202, month-end). */
const MONTH_END = message('2026-11-30');

/** Every date from `from` to `to`, both included. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * A sender as the contract of `messageAlerts` asks: on each run, send the returned alerts whose key
 * is not yet recorded, and record them. Returns what it sent, as `date recipient key`.
 */
function runSender(
  factsOn: (today: string) => MessageFacts,
  runs: readonly string[],
  options: Partial<MessageAlertOptions> = {},
): string[] {
  const sent = new Set<string>();
  const log: string[] = [];
  for (const today of runs) {
    for (const alert of messageAlerts(factsOn(today), CAL, today, options)) {
      if (sent.has(alert.key)) continue;
      sent.add(alert.key);
      log.push(`${today} ${alert.recipient} ${alert.key}`);
    }
  }
  return log;
}

describe('messageDeadline (5 working days, 民法典 Art. 201)', () => {
  const cases: Array<{
    rule: string;
    facts: MessageFacts;
    today: string;
    limit?: number;
    dueOn: string;
    left: number;
    isOverdue?: boolean;
    isAnsweredOnTime?: boolean | null;
  }> = [
    {
      rule: 'received the Friday before 春节: the 调休 Saturday 02-14 counts, 02-15…23 do not',
      facts: SPRING_FESTIVAL,
      today: '2026-02-13',
      dueOn: '2026-02-27',
      left: 5,
    },
    {
      rule: 'during the 春节 break: only the worked Saturday has gone',
      facts: SPRING_FESTIVAL,
      today: '2026-02-20',
      dueOn: '2026-02-27',
      left: 4,
    },
    { rule: 'on the due day: 0 left', facts: SPRING_FESTIVAL, today: '2026-02-27', dueOn: '2026-02-27', left: 0 },
    {
      rule: 'the 调休 Saturday 02-28 after the due day: overdue by one working day',
      facts: SPRING_FESTIVAL,
      today: '2026-02-28',
      dueOn: '2026-02-27',
      left: -1,
      isOverdue: true,
    },
    {
      rule: 'an ordinary Saturday after a Friday due day: overdue, yet 0 working days past',
      facts: message('2026-03-06'),
      today: '2026-03-14',
      dueOn: '2026-03-13',
      left: 0,
      isOverdue: true,
    },
    {
      rule: 'answered on the due day: on time, counted at the answer, not today',
      facts: { ...SPRING_FESTIVAL, answeredOn: '2026-02-27' },
      today: '2026-03-10',
      dueOn: '2026-02-27',
      left: 0,
      isAnsweredOnTime: true,
    },
    {
      rule: 'answered on Monday 03-02: late by the worked Saturday and the Monday',
      facts: { ...SPRING_FESTIVAL, answeredOn: '2026-03-02' },
      today: '2026-03-10',
      dueOn: '2026-02-27',
      left: -2,
      isAnsweredOnTime: false,
    },
    {
      rule: 'received on the 调休 Saturday 02-28: that day is not counted',
      facts: WORKED_SATURDAY,
      today: '2026-02-28',
      dueOn: '2026-03-06',
      left: 5,
    },
    {
      rule: 'received on the 调休 Sunday 09-20: due after 中秋, on Monday 09-28',
      facts: WORKED_SUNDAY,
      today: '2026-09-20',
      dueOn: '2026-09-28',
      left: 5,
    },
    {
      rule: 'received on a 国庆 holiday (10-03): counting starts 10-08 and counts the worked Saturday 10-10',
      facts: message('2026-10-03'),
      today: '2026-10-03',
      dueOn: '2026-10-13',
      left: 5,
    },
    {
      rule: 'a transfer on 09-24 restarts the 5 working days for the receiving unit (not overdue on 09-29)',
      facts: TRANSFERRED,
      today: '2026-09-29',
      dueOn: '2026-10-09',
      left: 3,
    },
    {
      rule: 'the limit is set per deployment: 10 working days, counting both worked Saturdays of 春节',
      facts: SPRING_FESTIVAL,
      today: '2026-02-13',
      limit: 10,
      dueOn: '2026-03-05',
      left: 10,
    },
  ];

  it.each(cases)('$rule', ({ facts, today, limit, dueOn, left, isOverdue, isAnsweredOnTime }) => {
    const deadline = messageDeadline(facts, CAL, today, limit);
    expect(deadline.dueOn).toBe(dueOn);
    expect(deadline.workingDaysLeft).toBe(left);
    expect(deadline.isOverdue).toBe(isOverdue ?? false);
    expect(deadline.isAnsweredOnTime).toBe(isAnsweredOnTime ?? null);
    expect(deadline.uncoveredYears).toEqual([]);
  });

  it('runs from the transfer, and keeps the 3 months from the original receipt', () => {
    expect(messageDeadline(TRANSFERRED, CAL, '2026-09-29')).toMatchObject({
      startedOn: '2026-09-24',
      threeMonthsOn: '2026-12-18',
    });
  });

  it('flags a deadline that runs into a year without holiday data (2027), counting Monday–Friday there', () => {
    const deadline = messageDeadline(message('2026-12-28'), CAL, '2026-12-28');
    // 12-29, 12-30, 12-31, then 2027-01-01 (a Friday, counted: no 元旦 data) and 01-04.
    expect(deadline).toMatchObject({ dueOn: '2027-01-04', workingDaysLeft: 5, uncoveredYears: [2027] });
  });

  it.each([
    { why: 'a limit of 0', run: () => messageDeadline(SPRING_FESTIVAL, CAL, '2026-02-13', 0) },
    {
      why: 'a transfer before receipt',
      run: () => messageDeadline(message('2026-02-13', { transferredOn: '2026-02-12' }), CAL, '2026-02-13'),
    },
    {
      why: 'an answer before the transfer',
      run: () =>
        messageDeadline(
          message('2026-09-18', { transferredOn: '2026-09-24', answeredOn: '2026-09-23' }),
          CAL,
          '2026-09-29',
        ),
    },
    { why: 'a malformed date', run: () => messageDeadline(message('2026-2-13'), CAL, '2026-02-13') },
  ])('refuses $why', ({ run }) => {
    expect(run).toThrow(RangeError);
  });
});

describe('addCalendarMonths (民法典 Art. 201, 202: corresponding day, else the month-end)', () => {
  it.each([
    { why: 'no 30th in February: the month-end', date: '2026-11-30', months: 3, expected: '2027-02-28' },
    { why: 'a leap February keeps its 29th', date: '2027-11-30', months: 3, expected: '2028-02-29' },
    { why: 'the 31st into a 30-day month', date: '2026-08-31', months: 1, expected: '2026-09-30' },
    { why: 'the 31st two months on, across the year', date: '2026-12-31', months: 2, expected: '2027-02-28' },
    { why: 'a corresponding day across the year', date: '2026-10-31', months: 3, expected: '2027-01-31' },
    { why: 'the corresponding day', date: '2026-05-15', months: 3, expected: '2026-08-15' },
    { why: 'the 30th into a 30-day month', date: '2026-06-30', months: 3, expected: '2026-09-30' },
    { why: 'zero months', date: '2026-06-30', months: 0, expected: '2026-06-30' },
  ])('$why: $date + $months → $expected', ({ date, months, expected }) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each([
    { why: 'a day that does not exist', date: '2026-02-30', months: 1 },
    { why: 'a fraction of a month', date: '2026-02-10', months: 1.5 },
    { why: 'a negative number of months', date: '2026-02-10', months: -1 },
  ])('refuses $why', ({ date, months }) => {
    expect(() => addCalendarMonths(date, months)).toThrow(RangeError);
  });
});

describe('messageAlerts on one day', () => {
  const cases: Array<{
    rule: string;
    facts: MessageFacts;
    today: string;
    options?: Partial<MessageAlertOptions>;
    keys: string[];
  }> = [
    { rule: '2 working days before due: nothing yet', facts: SPRING_FESTIVAL, today: '2026-02-25', keys: [] },
    {
      rule: 'the reminder day: 1 working day before due',
      facts: SPRING_FESTIVAL,
      today: '2026-02-26',
      keys: ['reminder:2026-02-27'],
    },
    {
      rule: 'the due day: the reminder still applies',
      facts: SPRING_FESTIVAL,
      today: '2026-02-27',
      keys: ['reminder:2026-02-27'],
    },
    {
      rule: 'the escalation day is the first working day after due, here the 调休 Saturday 02-28',
      facts: SPRING_FESTIVAL,
      today: '2026-02-28',
      keys: ['escalation:2026-02-27'],
    },
    {
      rule: 'the reminder is configurable: 3 working days before due is 02-24, right after 春节',
      facts: SPRING_FESTIVAL,
      today: '2026-02-24',
      options: { reminderWorkingDaysBefore: 3 },
      keys: ['reminder:2026-02-27'],
    },
    {
      rule: 'a reminder 0 working days before due waits for the due day',
      facts: SPRING_FESTIVAL,
      today: '2026-02-26',
      options: { reminderWorkingDaysBefore: 0 },
      keys: [],
    },
    {
      rule: 'received on the 调休 Saturday 02-28: reminder on 03-05',
      facts: WORKED_SATURDAY,
      today: '2026-03-05',
      keys: ['reminder:2026-03-06'],
    },
    {
      rule: 'the weekend after the due day: overdue, but the escalation waits for Monday 03-09',
      facts: WORKED_SATURDAY,
      today: '2026-03-07',
      keys: [],
    },
    {
      rule: 'received on the 调休 Sunday 09-20: a reminder missed on 09-24 is still sent during 中秋',
      facts: WORKED_SUNDAY,
      today: '2026-09-26',
      keys: ['reminder:2026-09-28'],
    },
    {
      rule: 'received on the 调休 Sunday 09-20: escalated on 09-29',
      facts: WORKED_SUNDAY,
      today: '2026-09-29',
      keys: ['escalation:2026-09-28'],
    },
    {
      rule: 'without its transfer the message would be escalated on 09-28, after 中秋',
      facts: { ...TRANSFERRED, transferredOn: null },
      today: '2026-09-29',
      keys: ['escalation:2026-09-24'],
    },
    {
      rule: 'transferred on 09-24: nothing on 09-29, the receiving unit has until 10-09',
      facts: TRANSFERRED,
      today: '2026-09-29',
      keys: [],
    },
    {
      rule: 'transferred: the receiving unit is reminded on 10-08',
      facts: TRANSFERRED,
      today: '2026-10-08',
      keys: ['reminder:2026-10-09'],
    },
    {
      rule: 'transferred: escalated on the 调休 Saturday 10-10',
      facts: TRANSFERRED,
      today: '2026-10-10',
      keys: ['escalation:2026-10-09'],
    },
    {
      rule: 'an answered message has no alerts, even past 3 months',
      facts: { ...SUMMER, answeredOn: '2026-10-12' },
      today: '2026-10-12',
      keys: [],
    },
    {
      rule: 'before 2 months: the escalation only',
      facts: SUMMER,
      today: '2026-08-28',
      keys: ['escalation:2026-07-07'],
    },
    {
      rule: '2 months are reached on Sunday 08-30: the first warning waits for Monday',
      facts: SUMMER,
      today: '2026-08-30',
      keys: ['escalation:2026-07-07'],
    },
    {
      rule: 'the first 3-month warning, on 08-31',
      facts: SUMMER,
      today: '2026-08-31',
      keys: ['escalation:2026-07-07', 'three_month:2026-08-31'],
    },
    {
      rule: 'between two warnings: the latest that has come',
      facts: SUMMER,
      today: '2026-09-04',
      keys: ['escalation:2026-07-07', 'three_month:2026-08-31'],
    },
    {
      rule: 'a warning falls on the 调休 Sunday 09-20 (5 working days after 09-14)',
      facts: SUMMER,
      today: '2026-09-20',
      keys: ['escalation:2026-07-07', 'three_month:2026-09-20'],
    },
    {
      rule: 'the last day of the 3 months: still the last warning (09-28, after 中秋)',
      facts: SUMMER,
      today: '2026-09-30',
      keys: ['escalation:2026-07-07', 'three_month:2026-09-28'],
    },
    {
      rule: 'past 3 months: breached, on a 国庆 holiday too (calendar months)',
      facts: SUMMER,
      today: '2026-10-01',
      keys: ['escalation:2026-07-07', 'three_month_breached:2026-09-30'],
    },
    {
      rule: 'long after: the same keys, so a sender that recorded them sends nothing',
      facts: SUMMER,
      today: '2027-01-15',
      keys: ['escalation:2026-07-07', 'three_month_breached:2026-09-30'],
    },
    {
      rule: 'warnings every 10 working days: 08-31, 09-14, 09-28',
      facts: SUMMER,
      today: '2026-09-27',
      options: { threeMonthRepeatWorkingDays: 10 },
      keys: ['escalation:2026-07-07', 'three_month:2026-09-14'],
    },
    {
      rule: 'warnings from 1 month (07-30)',
      facts: SUMMER,
      today: '2026-07-30',
      options: { threeMonthWarningAfterMonths: 1 },
      keys: ['escalation:2026-07-07', 'three_month:2026-07-30'],
    },
    {
      rule: 'a transfer after 2 months: the new unit is reminded, the 3 months still run from receipt',
      facts: { ...SUMMER, transferredOn: '2026-09-01' },
      today: '2026-09-07',
      keys: ['reminder:2026-09-08', 'three_month:2026-09-07'],
    },
    {
      rule: 'received 11-30: the last warning on the last day of the 3 months, 2027-02-28',
      facts: MONTH_END,
      today: '2027-02-28',
      keys: ['escalation:2026-12-07', 'three_month:2027-02-22'],
    },
    {
      rule: 'received 11-30: breached on 2027-03-01, not on 03-02 (no 30 February)',
      facts: MONTH_END,
      today: '2027-03-01',
      keys: ['escalation:2026-12-07', 'three_month_breached:2027-02-28'],
    },
  ];

  it.each(cases)('$rule', ({ facts, today, options, keys }) => {
    expect(messageAlerts(facts, CAL, today, options).map((alert) => alert.key)).toEqual(keys);
  });

  it('says whom each alert goes to, what it is about, and the dates to quote', () => {
    expect(messageAlerts(SPRING_FESTIVAL, CAL, '2026-02-26')).toEqual([
      {
        kind: 'reminder',
        recipient: 'unit',
        aboutOn: '2026-02-27',
        key: 'reminder:2026-02-27',
        dueOn: '2026-02-27',
        threeMonthsOn: '2026-05-13',
        uncoveredYears: [],
      },
    ]);
  });

  it('flags warnings scheduled in a year without holiday data (2027 counted Monday–Friday)', () => {
    expect(messageAlerts(MONTH_END, CAL, '2027-02-28')).toEqual([
      {
        kind: 'escalation',
        recipient: 'district',
        aboutOn: '2026-12-07',
        key: 'escalation:2026-12-07',
        dueOn: '2026-12-07',
        threeMonthsOn: '2027-02-28',
        uncoveredYears: [],
      },
      {
        kind: 'three_month',
        recipient: 'district',
        aboutOn: '2027-02-22',
        key: 'three_month:2027-02-22',
        dueOn: '2026-12-07',
        threeMonthsOn: '2027-02-28',
        uncoveredYears: [2027],
      },
    ]);
  });

  it.each([
    { why: 'a reminder as early as the limit', options: { reminderWorkingDaysBefore: 5 } },
    { why: 'warnings starting at 3 months', options: { threeMonthWarningAfterMonths: 3 } },
    { why: 'warnings starting at 0 months', options: { threeMonthWarningAfterMonths: 0 } },
    { why: 'warnings repeated every 0 working days', options: { threeMonthRepeatWorkingDays: 0 } },
    { why: 'a fractional limit', options: { limitWorkingDays: 4.5 } },
  ])('refuses $why', ({ options }) => {
    expect(() => messageAlerts(SUMMER, CAL, '2026-09-01', options)).toThrow(RangeError);
  });
});

describe('messageAlerts with a sender that records what it sent', () => {
  it('running every day sends each alert once, on its day', () => {
    expect(runSender(() => SUMMER, days('2026-06-30', '2026-10-31'))).toEqual([
      '2026-07-06 unit reminder:2026-07-07',
      '2026-07-08 district escalation:2026-07-07',
      '2026-08-31 district three_month:2026-08-31',
      '2026-09-07 district three_month:2026-09-07',
      '2026-09-14 district three_month:2026-09-14',
      '2026-09-20 district three_month:2026-09-20',
      '2026-09-28 district three_month:2026-09-28',
      '2026-10-01 district three_month_breached:2026-09-30',
    ]);
  });

  it('running three times a day sends the same, once each', () => {
    const thrice = days('2026-06-30', '2026-10-31').flatMap((day) => [day, day, day]);
    expect(runSender(() => SUMMER, thrice)).toEqual(runSender(() => SUMMER, days('2026-06-30', '2026-10-31')));
  });

  it('after days without a run: the escalation still goes out, and only the latest repeated warning', () => {
    const runs = [
      ...days('2026-06-30', '2026-07-05'),
      ...days('2026-07-21', '2026-08-31'),
      ...days('2026-09-26', '2026-10-31'),
    ];
    expect(runSender(() => SUMMER, runs)).toEqual([
      '2026-07-21 district escalation:2026-07-07',
      '2026-08-31 district three_month:2026-08-31',
      '2026-09-26 district three_month:2026-09-20',
      '2026-09-28 district three_month:2026-09-28',
      '2026-10-01 district three_month_breached:2026-09-30',
    ]);
  });

  it('a server down over 春节 sends the escalation when it is back, not the stale reminder', () => {
    // Received Monday 02-09: due on the 调休 Saturday 02-14, reminder 02-13, escalation 02-24.
    const runs = [...days('2026-02-09', '2026-02-12'), ...days('2026-02-26', '2026-03-06')];
    expect(runSender(() => message('2026-02-09'), runs)).toEqual(['2026-02-26 district escalation:2026-02-14']);
  });

  it('a transfer after the escalation gives the receiving unit its own limit and alerts', () => {
    // Received 09-18, due 09-24; escalated 09-28 after 中秋; transferred 09-30: due 10-13 across 国庆
    // and the worked Saturday 10-10.
    const factsOn = (today: string) =>
      message('2026-09-18', { transferredOn: today >= '2026-09-30' ? '2026-09-30' : null });
    expect(runSender(factsOn, days('2026-09-18', '2026-10-20'))).toEqual([
      '2026-09-23 unit reminder:2026-09-24',
      '2026-09-28 district escalation:2026-09-24',
      '2026-10-12 unit reminder:2026-10-13',
      '2026-10-14 district escalation:2026-10-13',
    ]);
  });

  it('an answer stops every alert', () => {
    const factsOn = (today: string) => ({ ...SUMMER, answeredOn: today >= '2026-09-01' ? '2026-09-01' : null });
    expect(runSender(factsOn, days('2026-06-30', '2026-10-31'))).toEqual([
      '2026-07-06 unit reminder:2026-07-07',
      '2026-07-08 district escalation:2026-07-07',
      '2026-08-31 district three_month:2026-08-31',
    ]);
  });
});

describe('answeredOnTimeStats (留言办理情况)', () => {
  const UNIT_MESSAGES: MessageFacts[] = [
    { ...SPRING_FESTIVAL, answeredOn: '2026-02-27' }, // on time, 5 working days
    { ...SPRING_FESTIVAL, answeredOn: '2026-02-28' }, // late: the worked Saturday, 6 working days
    { ...WORKED_SUNDAY, answeredOn: '2026-09-21' }, // on time, 1 working day
    { ...TRANSFERRED, answeredOn: '2026-10-09' }, // on time, 5 working days from the transfer (10 from receipt)
    SUMMER, // unanswered
  ];

  it.each([
    {
      why: 'the default limit of 5 working days; (5 + 6 + 1 + 5) / 4 = 4.25 rounds to 4.3',
      items: UNIT_MESSAGES,
      limit: undefined,
      expected: { received: 5, answered: 4, answeredOnTime: 3, averageWorkingDaysToAnswer: 4.3, uncoveredYears: [] },
    },
    {
      why: 'a limit of 3 working days: only the answer after 1 working day is on time',
      items: UNIT_MESSAGES,
      limit: 3,
      expected: { received: 5, answered: 4, answeredOnTime: 1, averageWorkingDaysToAnswer: 4.3, uncoveredYears: [] },
    },
    {
      why: 'no message answered: no average',
      items: [SUMMER],
      limit: undefined,
      expected: { received: 1, answered: 0, answeredOnTime: 0, averageWorkingDaysToAnswer: null, uncoveredYears: [] },
    },
    {
      why: 'no message at all',
      items: [],
      limit: undefined,
      expected: { received: 0, answered: 0, answeredOnTime: 0, averageWorkingDaysToAnswer: null, uncoveredYears: [] },
    },
    {
      why: 'an answer in a year without holiday data is flagged',
      items: [message('2026-12-28', { answeredOn: '2027-01-04' })],
      limit: undefined,
      expected: { received: 1, answered: 1, answeredOnTime: 1, averageWorkingDaysToAnswer: 5, uncoveredYears: [2027] },
    },
  ])('$why', ({ items, limit, expected }) => {
    expect(answeredOnTimeStats(items, CAL, limit)).toEqual(expected);
  });

  it('gives each unit of a mixed list the statistics of its own messages', () => {
    const units = ['民政局', '教育局', '民政局', '城管局', '教育局'];
    const mixed = [...UNIT_MESSAGES, message('2026-12-28', { answeredOn: '2027-01-04' })].map((facts, i) => ({
      ...facts,
      unit: units[i % units.length]!,
    }));
    for (const limit of [1, 3, 5, 10]) {
      const byUnit = answeredOnTimeStatsBy(mixed, (m) => m.unit, CAL, limit);
      expect([...byUnit.keys()].sort()).toEqual(['城管局', '教育局', '民政局']);
      for (const [unit, stats] of byUnit) {
        expect(stats, `${unit}, limit ${limit}`).toEqual(
          answeredOnTimeStats(
            mixed.filter((m) => m.unit === unit),
            CAL,
            limit,
          ),
        );
      }
    }
    expect(answeredOnTimeStatsBy([], () => 'x', CAL)).toEqual(new Map());
    expect(() => answeredOnTimeStatsBy(mixed, () => 'x', CAL, 0)).toThrow(RangeError);
  });
});
