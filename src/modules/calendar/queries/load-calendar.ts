import type { Clock } from '../../../platform/clock.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import type { CalendarStore } from '../ports.ts';

const CACHE_MS = 10_000;

/** The working-day calendar of one application, cached briefly. */
export type CalendarCache = {
  get(): Promise<WorkingCalendar>;
  /** Drops the cached calendar (after a change through this application). */
  forget(): void;
};

/**
 * The working-day calendar, read at most every few seconds: deadlines are computed on many pages,
 * and the calendar changes once or twice a year. One cache per application, timed by its clock.
 */
export function createCalendarCache(options: { calendar: CalendarStore; clock: Clock }): CalendarCache {
  let cached: { at: number; value: WorkingCalendar } | undefined;
  return {
    async get() {
      const now = options.clock.now().getTime();
      if (cached && now - cached.at >= 0 && now - cached.at < CACHE_MS) return cached.value;
      const value = await options.calendar.load();
      cached = { at: now, value };
      return value;
    },
    forget() {
      cached = undefined;
    },
  };
}
