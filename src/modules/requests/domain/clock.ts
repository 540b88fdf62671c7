import { DomainError } from '../../../platform/errors.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../../../platform/working-days.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * The legal clock of a disclosure request (依申请公开), counted in working days (holidays and 调休
 * from the calendar; 民法典 Art. 201: the day of the event itself is not counted).
 *
 * - 条例 Art. 33 ¶1: reply within 20 working days of receipt.
 * - 条例 Art. 33 ¶2: one extension, approved by the head of the disclosure office, of at most 20
 *   working days, with notice to the applicant.
 * - 条例 Art. 33 ¶3: time spent consulting a third party (Art. 32) or another agency (Art. 34) does
 *   not count; 国办函〔2020〕109号: nor does the time from a fee notice to payment.
 * - 条例 Art. 30: a correction notice goes out once, within 7 working days of receipt; the period then
 *   runs afresh from receipt of the corrected application (`correctedOn`).
 *
 * Due dates are computed, never stored, so a corrected calendar moves every open due date.
 */

/** Working days to reply (条例 Art. 33 ¶1). */
export const REPLY_WORKING_DAYS = 20;
/** Most working days one extension may add (条例 Art. 33 ¶2). */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** Working days after receipt within which a correction notice must go out (条例 Art. 30). */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** Working days a consulted third party or agency has to answer (条例 Art. 32, 34). */
export const CONSULTATION_WORKING_DAYS = 15;

/** Why the clock stood still: a third party or another agency consulted, or a fee awaiting payment. */
export type PauseReason = 'third_party' | 'other_agency' | 'fee';

/**
 * A stretch during which the clock stands still: the working days after the day the letter or notice
 * went out (`from`), up to and including the day the answer or payment came (`until`, null while it
 * has not). The clock runs again the day after.
 */
export type ClockPause = {
  reason: PauseReason;
  from: string;
  until: string | null;
  /** Who was consulted, and (for staff only) what they answered. */
  party?: string | undefined;
  summary?: string | undefined;
};

/** The one extension (条例 Art. 33 ¶2), with who approved it. */
export type ClockExtension = { workingDays: number; approvedBy: string; approvedOn: string };

/** What the clock is computed from. */
export type ClockFacts = {
  /** The legal receipt date (条例 Art. 31). */
  receivedOn: string;
  /** Receipt of the corrected application (条例 Art. 30): the period restarts from it. */
  correctedOn: string | null;
  extension: ClockExtension | null;
  pauses: readonly ClockPause[];
};

/** Where a request stands against its clock on a given day. */
export type ReplyDeadline = {
  dueOn: string;
  /** Working days the clock stood still (each day counted once, however many pauses cover it). */
  pausedWorkingDays: number;
  extensionWorkingDays: number;
  /** A pause is still open: the due date moves on by one working day for each more it lasts. */
  isPaused: boolean;
  /** Working days left until `dueOn` (0 on the day itself), or how many it is overdue (negative). */
  workingDaysLeft: number;
  /** Years the count passed through without holiday data (shown as a warning). */
  uncoveredYears: number[];
};

/**
 * The reply deadline of a request on `today`: receipt + 20 working days + the extension + the
 * working days the clock stood still (an open pause counts up to `today`).
 */
export function replyDeadline(facts: ClockFacts, calendar: WorkingCalendar, today: string): ReplyDeadline {
  const extensionWorkingDays = facts.extension?.workingDays ?? 0;
  const pausedDays = new Set<string>();
  for (const pause of facts.pauses) {
    const end = pause.until ?? today;
    for (let day = nextDay(pause.from); day <= end; day = nextDay(day)) {
      if (isWorkingDay(calendar, day)) pausedDays.add(day);
    }
  }
  const due = addWorkingDays(
    calendar,
    facts.correctedOn ?? facts.receivedOn,
    REPLY_WORKING_DAYS + extensionWorkingDays + pausedDays.size,
  );
  return {
    dueOn: due.date,
    pausedWorkingDays: pausedDays.size,
    extensionWorkingDays,
    isPaused: facts.pauses.some((pause) => pause.until === null),
    workingDaysLeft: signedWorkingDays(calendar, today, due.date),
    uncoveredYears: due.uncoveredYears,
  };
}

/** The last day a correction notice may go out (条例 Art. 30: within 7 working days of receipt). */
export function correctionNoticeDueOn(receivedOn: string, calendar: WorkingCalendar): string {
  return addWorkingDays(calendar, receivedOn, CORRECTION_NOTICE_WORKING_DAYS).date;
}

/** The last day a consulted third party or agency may answer (条例 Art. 32, 34: 15 working days). */
export function consultationDueOn(sentOn: string, calendar: WorkingCalendar): string {
  return addWorkingDays(calendar, sentOn, CONSULTATION_WORKING_DAYS).date;
}

/**
 * The extension a request may be given now (条例 Art. 33 ¶2): one only, of 1 to 20 working days, with
 * its approver.
 * @throws DomainError `invalid_transition` for a second extension, `validation_failed` for a length
 *   outside 1–20 working days or no approver.
 */
export function checkExtension(existing: ClockExtension | null, requested: ClockExtension): ClockExtension {
  if (existing) throw new DomainError('invalid_transition', { message: REQUEST_TEXT.secondExtension });
  const issues = [];
  if (
    !Number.isInteger(requested.workingDays) ||
    requested.workingDays < 1 ||
    requested.workingDays > MAX_EXTENSION_WORKING_DAYS
  ) {
    issues.push({ field: 'workingDays', message: REQUEST_TEXT.extensionLength });
  }
  if (requested.approvedBy.trim() === '') issues.push({ field: 'approvedBy', message: REQUEST_TEXT.extensionApprover });
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return requested;
}

/**
 * Whether a correction notice may go out on `sentOn` (条例 Art. 30): only one per request, and within
 * 7 working days of receipt.
 * @throws DomainError `invalid_transition` naming which rule it breaks.
 */
export function checkCorrectionNotice(options: {
  receivedOn: string;
  sentOn: string;
  alreadySent: boolean;
  calendar: WorkingCalendar;
}): void {
  if (options.alreadySent) throw new DomainError('invalid_transition', { message: REQUEST_TEXT.secondCorrection });
  const last = correctionNoticeDueOn(options.receivedOn, options.calendar);
  if (options.sentOn > last) {
    throw new DomainError('invalid_transition', { message: REQUEST_TEXT.correctionTooLate(last) });
  }
}

/** Working days from `from` to `to`: positive ahead, 0 on the day, negative when `to` has passed. */
function signedWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  for (let day = nextDay(start); day <= end; day = nextDay(day)) if (isWorkingDay(calendar, day)) days++;
  return sign * days;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
