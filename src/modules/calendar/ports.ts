import type { CalendarDay } from './domain/holiday-notice.ts';
import type { WorkingCalendar } from '../../platform/working-days.ts';

/** One covered year, for the status page. */
export type CalendarYear = { year: number; offDays: number; workDays: number; source: string; updatedAt: string };

/** The working-day calendar's storage. */
export interface CalendarStore {
  /** The whole calendar (a few thousand rows at most). */
  load(): Promise<WorkingCalendar>;
  years(): Promise<CalendarYear[]>;
  daysOf(year: number): Promise<CalendarDay[]>;
  /** Replaces a year's days and marks it covered. */
  replaceYear(year: number, days: CalendarDay[], source: string, at: Date): Promise<void>;
  /** Sets or clears one day; `null` removes the override (the day is a plain weekday or weekend). */
  setDay(date: string, day: CalendarDay | null): Promise<void>;
  markCovered(year: number, source: string, at: Date): Promise<void>;
}
