import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../../platform/working-days.ts';

/**
 * The 3-working-day rule: interpretation material must be online within 3 working days of the
 * document it interprets (国办发〔2016〕19号, as quoted in published standard catalogs). Counted like every clock of the product (民法典 Art. 201): the day the document was
 * published is not counted, so a document published on a Friday before a normal weekend may be
 * interpreted up to the next Wednesday, and holidays and 调休 days come from the calendar.
 */
export const INTERPRETATION_WORKING_DAYS = 3;

export type Timeliness = {
  /** The last day the interpretation may go online. */
  dueOn: string;
  /**
   * on_time: published by `dueOn` (or before the document, published together); late: published
   * after it; pending: not published and `dueOn` not yet passed; overdue: not published, `dueOn` passed.
   */
  state: 'on_time' | 'late' | 'pending' | 'overdue';
  /** Working days past `dueOn` (0 unless late or overdue). */
  workingDaysLate: number;
  /** Years the count passed through without holiday data (show `uncoveredWarning`). */
  uncoveredYears: number[];
};

/**
 * Where an interpretation stands against its document's publication date. `publishedOn` is the
 * interpretation's own publication date, null while it is not published; `today` decides overdue.
 */
export function interpretationTimeliness(
  calendar: WorkingCalendar,
  documentPublishedOn: string,
  publishedOn: string | null,
  today: string,
): Timeliness {
  const due = addWorkingDays(calendar, documentPublishedOn, INTERPRETATION_WORKING_DAYS);
  const end = publishedOn ?? today;
  const after = end > due.date ? workingDaysBetween(calendar, due.date, end) : { days: 0, uncoveredYears: [] };
  const uncoveredYears = [...new Set([...due.uncoveredYears, ...after.uncoveredYears])].sort();
  // A day off after the due date is not a working day late: lateness counts working days only.
  const late = end > due.date;
  const state = publishedOn ? (late ? 'late' : 'on_time') : late ? 'overdue' : 'pending';
  return { dueOn: due.date, state, workingDaysLate: after.days, uncoveredYears };
}
