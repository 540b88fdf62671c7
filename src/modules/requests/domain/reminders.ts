import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { consultationDueOn } from './clock.ts';
import { deadlineOf } from './handling.ts';
import type { FoiRequest } from './request.ts';

/**
 * Reminders to the officers of a request (the "N working days before due, and when
 * overdue"): a reply due within `daysBefore` working days (条例 Art. 33: 20 working days, plus the
 * one extension and the paused days), a reply overdue, and a consultation whose 15 working days
 * have run out (条例 Art. 32: the consulted party answers within 15 working days; after that the
 * agency decides, and its clock runs again only when the consultation is closed).
 */
export const REMINDER_KINDS = ['due_soon', 'overdue', 'consultation_due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The default: reminders go out 5 working days before the reply is due. */
export const DEFAULT_REMINDER_WORKING_DAYS = 5;

/**
 * One reminder that is due: what it is about and the date it is about. Each (request, kind, date)
 * is sent once; a due date that moves (extension, calendar correction) earns a new one.
 */
export type ReminderDue = {
  kind: ReminderKind;
  dueOn: string;
  /** Working days left until `dueOn`, negative when overdue (reply reminders only). */
  workingDaysLeft: number | null;
  /** Who was consulted (consultation reminders only). */
  party: string | null;
};

export function remindersDue(
  request: FoiRequest,
  calendar: WorkingCalendar,
  today: string,
  daysBefore: number,
): ReminderDue[] {
  const due: ReminderDue[] = [];
  const deadline = deadlineOf(request, calendar, today);
  // While the clock stands still the due date moves on every day: nothing to warn about yet.
  if (deadline && !deadline.isPaused) {
    if (deadline.workingDaysLeft < 0) {
      due.push({ kind: 'overdue', dueOn: deadline.dueOn, workingDaysLeft: deadline.workingDaysLeft, party: null });
    } else if (deadline.workingDaysLeft <= daysBefore) {
      due.push({ kind: 'due_soon', dueOn: deadline.dueOn, workingDaysLeft: deadline.workingDaysLeft, party: null });
    }
  }
  if (request.state === 'third_party_consult' || request.state === 'agency_consult') {
    for (const pause of request.pauses) {
      if (pause.until !== null || pause.reason === 'fee') continue;
      const answerBy = consultationDueOn(pause.from, calendar);
      if (answerBy < today) {
        due.push({ kind: 'consultation_due', dueOn: answerBy, workingDaysLeft: null, party: pause.party ?? null });
      }
    }
  }
  return due;
}
