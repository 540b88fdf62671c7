import { chinaDateTime } from '../../../platform/clock.ts';
import { lastDayOf } from '../domain/consultation.ts';

/** 2026-03-02 至 2026-03-31: the days comments are taken, both included, China time. */
export function periodText(c: { opensAt: string; closesAt: string }): string {
  return `${chinaDateTime(c.opensAt).slice(0, 10)} 至 ${lastDayOf(c.closesAt)}`;
}

/** When a comment was made, to the minute, China time. */
export function commentTime(at: string): string {
  return chinaDateTime(at);
}
