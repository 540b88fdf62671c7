import { addWorkingDays, type WorkingCalendar } from '../../../platform/working-days.ts';
import type { TimeLimit } from './entry.ts';

/**
 * Whether a document met its catalog entry's time limit: due = the day the information was formed
 * or changed + N working days (条例 Art. 26: 20 working days unless a law says otherwise), the
 * formation day itself not counted. Published on the due date is on time; a day later is late.
 */
export type Timeliness =
  | { kind: 'not_counted' }
  | { kind: 'on_time' | 'late' | 'pending' | 'overdue'; dueOn: string; uncoveredYears: number[] };

export function dueDate(
  limit: TimeLimit,
  formedOn: string,
  calendar: WorkingCalendar,
): { dueOn: string; uncoveredYears: number[] } | undefined {
  if (limit.kind !== 'working_days') return undefined;
  const { date, uncoveredYears } = addWorkingDays(calendar, formedOn, limit.days);
  return { dueOn: date, uncoveredYears };
}

/**
 * The standing of one document: published on time or late, or, not yet published, still within
 * its limit (pending) or past it (overdue) on `today`.
 */
export function timelinessOf(options: {
  limit: TimeLimit;
  formedOn: string | null;
  publishedOn: string | null;
  today: string;
  calendar: WorkingCalendar;
}): Timeliness {
  if (!options.formedOn) return { kind: 'not_counted' };
  const due = dueDate(options.limit, options.formedOn, options.calendar);
  if (!due) return { kind: 'not_counted' };
  if (options.publishedOn) return { kind: options.publishedOn <= due.dueOn ? 'on_time' : 'late', ...due };
  return { kind: options.today <= due.dueOn ? 'pending' : 'overdue', ...due };
}

export const TIMELINESS_LABELS: Record<Timeliness['kind'], string> = {
  not_counted: '不计时限',
  on_time: '按时公开',
  late: '逾期公开',
  pending: '待公开',
  overdue: '已逾期未公开',
};
