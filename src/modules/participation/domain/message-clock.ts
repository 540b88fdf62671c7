import {
  addWorkingDays,
  isCovered,
  isWorkingDay,
  workingDayIndex,
  workingDaysBetween,
  type CountedDate,
  type WorkingCalendar,
} from '../../../platform/working-days.ts';

/**
 * The clock of a resident's message to a unit (政民互动 留言: 咨询, 建议, 投诉, 求助), counted like every
 * clock of the product: in working days (holidays and 调休 from the calendar), and 民法典 Art. 201:
 * the day of receipt is not counted, counting starts the next day.
 *
 * - The unit answers within a working-day limit, 5 by default, set per deployment.
 * - A transfer (转办) to another unit, with its reason, restarts the limit from the transfer day for
 *   the receiving unit. That is our rule, not a statute's: the receiving unit gets the whole limit.
 *   With several transfers, `transferredOn` is the latest.
 * - Separately, national inspection (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号, 单项否决
 *   「互动回应差」; /work/shared/reference/disclosure-standards.md §3.3) vetoes a site on which a valid
 *   政务咨询 message has gone unanswered for more than 3 months within the past year. Those 3 months
 *   count in calendar months from the resident's original receipt, never from a transfer: the
 *   resident has waited since then. Which messages are valid (not spam, not from an excluded column
 *   such as 信访 or 举报) the caller decides; every message given here is counted.
 *
 * Due dates are computed, never stored, so a corrected calendar moves every open due date.
 */

/** Working days a unit has to answer a message when the deployment sets nothing else. */
export const DEFAULT_REPLY_WORKING_DAYS = 5;
/**
 * Calendar months after which an unanswered valid message vetoes the site (国办秘函〔2019〕19号,
 * 单项否决「互动回应差」, disclosure-standards.md §3.3). Fixed by the inspection, not configurable.
 */
export const UNANSWERED_LIMIT_MONTHS = 3;

/** What the clock of one message is computed from (dates YYYY-MM-DD). */
export type MessageFacts = {
  /** The day the platform received the message. */
  receivedOn: string;
  /** The day of the latest transfer to another unit, or null: the limit restarts from it. */
  transferredOn: string | null;
  /** The day the answer was given, or null while unanswered. */
  answeredOn: string | null;
};

/** Where a message stands against its limit on a given day. */
export type MessageDeadline = {
  /** The day the limit runs from: receipt, or the latest transfer (not counted, 民法典 Art. 201). */
  startedOn: string;
  /** The last working day on which an answer is on time. */
  dueOn: string;
  /**
   * Working days from the day the clock stopped (the answer day, or `today` while unanswered) to
   * `dueOn`: 0 on the due day, negative when past it. A day off right after `dueOn` is not a
   * working day, so it still reads 0 there while `isOverdue` is already true.
   */
  workingDaysLeft: number;
  /** Unanswered and `today` is after `dueOn`. */
  isOverdue: boolean;
  /** Answered by `dueOn`; null while unanswered. */
  isAnsweredOnTime: boolean | null;
  /** The last day of the 3 calendar months from receipt (see `addCalendarMonths`). */
  threeMonthsOn: string;
  /** Years the count passed through without holiday data (show `uncoveredWarning`). */
  uncoveredYears: number[];
};

/**
 * The answer deadline of a message on `today`: the start (receipt, or the latest transfer) plus
 * `limitWorkingDays` working days.
 * @throws RangeError for a limit that is not a whole number ≥ 1, a malformed date, or facts out of
 *   order (a transfer before receipt, an answer before the transfer or receipt).
 */
export function messageDeadline(
  facts: MessageFacts,
  calendar: WorkingCalendar,
  today: string,
  limitWorkingDays: number = DEFAULT_REPLY_WORKING_DAYS,
): MessageDeadline {
  checkWholeNumber('limitWorkingDays', limitWorkingDays, 1);
  const startedOn = startOf(facts);
  const due = addWorkingDays(calendar, startedOn, limitWorkingDays);
  const stoppedOn = facts.answeredOn ?? today;
  const left = signedWorkingDays(calendar, stoppedOn, due.date);
  return {
    startedOn,
    dueOn: due.date,
    workingDaysLeft: left.days,
    isOverdue: facts.answeredOn === null && today > due.date,
    isAnsweredOnTime: facts.answeredOn === null ? null : facts.answeredOn <= due.date,
    threeMonthsOn: addCalendarMonths(facts.receivedOn, UNANSWERED_LIMIT_MONTHS),
    uncoveredYears: union(due.uncoveredYears, left.uncoveredYears),
  };
}

export const MESSAGE_ALERT_KINDS = ['reminder', 'escalation', 'three_month', 'three_month_breached'] as const;
/**
 * - `reminder`: to the unit, a few working days before the due date.
 * - `escalation`: to the district office (区政务公开办), the message is overdue.
 * - `three_month`: to the district office, repeated, the message nears the 3-month veto.
 * - `three_month_breached`: to the district office, once, the 3 months have passed.
 */
export type MessageAlertKind = (typeof MESSAGE_ALERT_KINDS)[number];

/** Who an alert goes to: the unit answering the message, or the district office (区政务公开办). */
export type AlertRecipient = 'unit' | 'district';

/**
 * One alert whose time has come. `key` (`${kind}:${aboutOn}`) identifies it among the alerts of
 * its message: a sender records (message, key) when it sends, and never sends a recorded one again.
 */
export type MessageAlert = {
  kind: MessageAlertKind;
  recipient: AlertRecipient;
  /**
   * The date the alert is about: the due date (reminder, escalation), the scheduled day of this
   * repetition (three_month), the last day of the 3 months (three_month_breached).
   */
  aboutOn: string;
  key: string;
  /** The current answer due date (after a transfer, the receiving unit's). */
  dueOn: string;
  /** The last day of the 3 calendar months from receipt. */
  threeMonthsOn: string;
  /** Years this alert's dates were counted through without holiday data (show `uncoveredWarning`). */
  uncoveredYears: number[];
};

/** What a deployment may set about message alerts. */
export type MessageAlertOptions = {
  /** Working days the unit has to answer (≥ 1). */
  limitWorkingDays: number;
  /** The unit is reminded this many working days before the due date (0 = on the due day; below the limit). */
  reminderWorkingDaysBefore: number;
  /** Calendar months after receipt at which the district starts to be warned (1 or 2: below 3). */
  threeMonthWarningAfterMonths: number;
  /** Working days between two `three_month` warnings (≥ 1). */
  threeMonthRepeatWorkingDays: number;
};

/**
 * The defaults: 5 working days to answer, a reminder 1 working day before the due date, and from 2
 * calendar months after receipt a warning to the district every 5 working days. Two months leave a
 * month to act before the veto, and is also the age at which the same inspection already deducts
 * points for 留言答复 not updated (disclosure-standards.md §3.3, 扣分 互动交流).
 */
export const DEFAULT_MESSAGE_ALERT_OPTIONS: MessageAlertOptions = {
  limitWorkingDays: DEFAULT_REPLY_WORKING_DAYS,
  reminderWorkingDaysBefore: 1,
  threeMonthWarningAfterMonths: 2,
  threeMonthRepeatWorkingDays: 5,
};

/**
 * The alerts of an unanswered message whose time has come on `today`. An answered message has none.
 *
 * The contract with the sender (a job run daily, several times a day, or after days of not running):
 * call it with today's date, send every returned alert whose (message, key) is not yet recorded, and
 * record it in the same transaction. An alert is returned on every call from its day on for as long
 * as it still applies, so a run that was skipped is made up by the next one, and a run repeated
 * sends nothing twice. What "still applies" means per kind:
 *
 * - `reminder` (to the unit): from `reminderWorkingDaysBefore` working days before the due date up
 *   to the due date itself. Once overdue it is stale and only the escalation is due.
 * - `escalation` (to the district): from the first working day after the due date, for as long as
 *   the message is unanswered, so a job down over 春节 still sends it when it comes back. A transfer
 *   makes a new due date, hence a new reminder and escalation for the receiving unit.
 * - `three_month` (to the district): scheduled on the first working day on or after
 *   `threeMonthWarningAfterMonths` calendar months from receipt, then every
 *   `threeMonthRepeatWorkingDays` working days up to the last day of the 3 months. Only the latest
 *   scheduled day that has come is returned, so a job that missed several sends one, not a burst.
 * - `three_month_breached` (to the district): from the day after the last day of the 3 months
 *   (calendar days: the inspection counts calendar months), replacing the `three_month` warnings.
 *
 * @throws RangeError for options out of range (see `MessageAlertOptions`), a malformed date, or
 *   facts out of order.
 */
export function messageAlerts(
  facts: MessageFacts,
  calendar: WorkingCalendar,
  today: string,
  options: Partial<MessageAlertOptions> = {},
): MessageAlert[] {
  const settings = checkOptions({ ...DEFAULT_MESSAGE_ALERT_OPTIONS, ...options });
  const startedOn = startOf(facts);
  if (facts.answeredOn !== null) return [];
  const due = addWorkingDays(calendar, startedOn, settings.limitWorkingDays);
  const threeMonthsOn = addCalendarMonths(facts.receivedOn, UNANSWERED_LIMIT_MONTHS);
  const alerts: MessageAlert[] = [];
  const alert = (kind: MessageAlertKind, aboutOn: string, uncoveredYears: number[]): void => {
    const recipient: AlertRecipient = kind === 'reminder' ? 'unit' : 'district';
    alerts.push({
      kind,
      recipient,
      aboutOn,
      key: `${kind}:${aboutOn}`,
      dueOn: due.date,
      threeMonthsOn,
      uncoveredYears,
    });
  };

  const remindOn = addWorkingDays(calendar, startedOn, settings.limitWorkingDays - settings.reminderWorkingDaysBefore);
  if (remindOn.date <= today && today <= due.date) {
    alert('reminder', due.date, union(remindOn.uncoveredYears, due.uncoveredYears));
  }

  const escalateOn = addWorkingDays(calendar, due.date, 1);
  if (escalateOn.date <= today) alert('escalation', due.date, union(due.uncoveredYears, escalateOn.uncoveredYears));

  if (today > threeMonthsOn) {
    // Calendar months only: no holiday data involved.
    alert('three_month_breached', threeMonthsOn, []);
  } else {
    const warnFrom = addCalendarMonths(facts.receivedOn, settings.threeMonthWarningAfterMonths);
    let latest = firstWorkingDayFrom(calendar, warnFrom);
    if (latest.date <= today && latest.date <= threeMonthsOn) {
      const uncovered = new Set(latest.uncoveredYears);
      for (;;) {
        const next = addWorkingDays(calendar, latest.date, settings.threeMonthRepeatWorkingDays);
        if (next.date > today || next.date > threeMonthsOn) break;
        next.uncoveredYears.forEach((year) => uncovered.add(year));
        latest = next;
      }
      alert(
        'three_month',
        latest.date,
        [...uncovered].sort((a, b) => a - b),
      );
    }
  }
  return alerts;
}

/** The answer statistics of one unit (留言办理情况), over the messages it had to answer. */
export type AnswerStats = {
  received: number;
  answered: number;
  answeredOnTime: number;
  /**
   * Mean working days from the start (receipt, or the transfer to this unit) to the answer, over
   * the answered messages, rounded half up to one decimal; null when none is answered.
   */
  averageWorkingDaysToAnswer: number | null;
  /** Years the counts passed through without holiday data (show `uncoveredWarning`). */
  uncoveredYears: number[];
};

/**
 * Per-unit statistics: how many messages were received, answered, answered within the limit, and
 * the mean working days to answer. The caller passes the unit's messages, a transferred message
 * counting for the unit it was transferred to (its time runs from the transfer).
 * @throws RangeError for a limit that is not a whole number ≥ 1, a malformed date, or facts out of order.
 */
export function answeredOnTimeStats(
  items: readonly MessageFacts[],
  calendar: WorkingCalendar,
  limitWorkingDays: number = DEFAULT_REPLY_WORKING_DAYS,
): AnswerStats {
  return answeredOnTimeStatsBy(items, () => '', calendar, limitWorkingDays).get('') ?? statsOf(emptySums());
}

/**
 * `answeredOnTimeStats` for many units at once: the items grouped by `unitOf`, each group's
 * statistics, with the working days counted through one `workingDayIndex` over the items' dates.
 * The map holds the units that received something.
 * @throws RangeError as `answeredOnTimeStats` does.
 */
export function answeredOnTimeStatsBy<T extends MessageFacts>(
  items: readonly T[],
  unitOf: (item: T) => string,
  calendar: WorkingCalendar,
  limitWorkingDays: number = DEFAULT_REPLY_WORKING_DAYS,
): Map<string, AnswerStats> {
  checkWholeNumber('limitWorkingDays', limitWorkingDays, 1);
  let first: string | undefined;
  let last: string | undefined;
  for (const facts of items) {
    const startedOn = startOf(facts);
    if (first === undefined || startedOn < first) first = startedOn;
    const end = facts.answeredOn ?? startedOn;
    if (last === undefined || end > last) last = end;
  }
  const sums = new Map<string, Sums>();
  if (first === undefined || last === undefined) return new Map();
  // Room after the last date for the due dates: a limit of n working days spans at most about
  // 2n + 30 calendar days (weekends and the longest holiday); beyond the range the index walks.
  const index = workingDayIndex(calendar, first, shiftDays(last, limitWorkingDays * 2 + 30));
  for (const facts of items) {
    const unit = unitOf(facts);
    let group = sums.get(unit);
    if (!group) sums.set(unit, (group = emptySums()));
    group.received++;
    const startedOn = startOf(facts);
    if (facts.answeredOn === null) continue;
    group.answered++;
    const due = index.addWorkingDays(startedOn, limitWorkingDays);
    if (facts.answeredOn <= due.date) group.answeredOnTime++;
    const taken = index.workingDaysBetween(startedOn, facts.answeredOn);
    group.workingDays += taken.days;
    for (const year of [...due.uncoveredYears, ...taken.uncoveredYears]) group.uncovered.add(year);
  }
  return new Map([...sums].map(([unit, group]) => [unit, statsOf(group)]));
}

type Sums = { received: number; answered: number; answeredOnTime: number; workingDays: number; uncovered: Set<number> };

function emptySums(): Sums {
  return { received: 0, answered: 0, answeredOnTime: 0, workingDays: 0, uncovered: new Set() };
}

function statsOf(sums: Sums): AnswerStats {
  return {
    received: sums.received,
    answered: sums.answered,
    answeredOnTime: sums.answeredOnTime,
    // Whole tenths first, so that 4.25 rounds to 4.3 without floating-point surprises.
    averageWorkingDaysToAnswer: sums.answered === 0 ? null : Math.round((sums.workingDays * 10) / sums.answered) / 10,
    uncoveredYears: [...sums.uncovered].sort((a, b) => a - b),
  };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date `months` calendar months after `date`, as the last day of a period counted in months
 * (民法典 Art. 201: the start day is not counted; Art. 202: the period ends on the corresponding day
 * of the last month, or on that month's last day when it has no such day). So 2026-11-30 + 3 months
 * is 2027-02-28, and 2027-11-30 + 3 months is 2028-02-29. Art. 203 (a last day falling on a holiday
 * moves to the next working day) is deliberately not applied: the inspection counts calendar months,
 * and warning a day early costs nothing.
 * @throws RangeError for a malformed date or a negative or fractional `months`.
 */
export function addCalendarMonths(date: string, months: number): string {
  checkWholeNumber('months', months, 0);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const time = Date.UTC(year, month - 1, day);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a real YYYY-MM-DD date: ${date}`);
  }
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The day the limit runs from, after checking the facts are in order. */
function startOf(facts: MessageFacts): string {
  const startedOn = facts.transferredOn ?? facts.receivedOn;
  if (startedOn < facts.receivedOn) {
    throw new RangeError(`transferred on ${startedOn}, before receipt on ${facts.receivedOn}`);
  }
  if (facts.answeredOn !== null && facts.answeredOn < startedOn) {
    throw new RangeError(`answered on ${facts.answeredOn}, before ${startedOn}`);
  }
  return startedOn;
}

/** `date` itself when it is a working day, otherwise the next working day. */
function firstWorkingDayFrom(calendar: WorkingCalendar, date: string): CountedDate {
  const ownYear = isCovered(calendar, date) ? [] : [Number(date.slice(0, 4))];
  if (isWorkingDay(calendar, date)) return { date, uncoveredYears: ownYear };
  const next = addWorkingDays(calendar, date, 1);
  return { date: next.date, uncoveredYears: union(ownYear, next.uncoveredYears) };
}

/** Working days from `from` to `to`: positive ahead, 0 on the day, negative when `to` has passed. */
function signedWorkingDays(
  calendar: WorkingCalendar,
  from: string,
  to: string,
): { days: number; uncoveredYears: number[] } {
  if (from <= to) return workingDaysBetween(calendar, from, to);
  const past = workingDaysBetween(calendar, to, from);
  // 0, not -0, on a day off right after the due date (Object.is and toBe tell them apart).
  return { days: past.days === 0 ? 0 : -past.days, uncoveredYears: past.uncoveredYears };
}

function checkOptions(options: MessageAlertOptions): MessageAlertOptions {
  checkWholeNumber('limitWorkingDays', options.limitWorkingDays, 1);
  checkWholeNumber('reminderWorkingDaysBefore', options.reminderWorkingDaysBefore, 0);
  if (options.reminderWorkingDaysBefore >= options.limitWorkingDays) {
    throw new RangeError(
      `reminderWorkingDaysBefore must be below limitWorkingDays (${options.limitWorkingDays}), got ${options.reminderWorkingDaysBefore}`,
    );
  }
  checkWholeNumber('threeMonthWarningAfterMonths', options.threeMonthWarningAfterMonths, 1);
  if (options.threeMonthWarningAfterMonths >= UNANSWERED_LIMIT_MONTHS) {
    throw new RangeError(
      `threeMonthWarningAfterMonths must be below ${UNANSWERED_LIMIT_MONTHS}, got ${options.threeMonthWarningAfterMonths}`,
    );
  }
  checkWholeNumber('threeMonthRepeatWorkingDays', options.threeMonthRepeatWorkingDays, 1);
  return options;
}

function checkWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
