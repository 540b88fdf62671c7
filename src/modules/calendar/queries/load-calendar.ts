import type { WorkingCalendar } from '../domain/working-days.ts';
import type { CalendarStore } from '../ports.ts';

const CACHE_MS = 10_000;
let cached: { at: number; store: CalendarStore; value: WorkingCalendar } | undefined;

/**
 * The working-day calendar, read at most every few seconds per store: deadlines are computed on
 * many pages, and the calendar changes once or twice a year.
 */
export async function loadCalendar(options: { calendar: CalendarStore }): Promise<WorkingCalendar> {
  const now = Date.now();
  if (cached && cached.store === options.calendar && now - cached.at < CACHE_MS) return cached.value;
  const value = await options.calendar.load();
  cached = { at: now, store: options.calendar, value };
  return value;
}

/** Drops the cached calendar (after a change in this process). */
export function forgetCalendar(): void {
  cached = undefined;
}
