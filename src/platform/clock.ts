/** Time as a port, so every rule that depends on "now" is tested with fixed dates. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put; tests and the demo seeder move it by hand. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no daylight saving),
 * which is the date every legal deadline and publication date is counted in.
 */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year of an instant in China Standard Time. */
export function chinaYear(instant: Date): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** Formats an instant as "YYYY-MM-DD HH:mm" in China Standard Time. */
export function chinaDateTime(instant: Date | string): string {
  const shifted = new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** Parses "YYYY-MM-DDTHH:mm" entered in China Standard Time (a datetime-local field) to an instant. */
export function parseChinaDateTime(local: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(local.trim());
  if (!match) return undefined;
  const instant = new Date(`${match[1]}T${match[2]}:00+08:00`);
  // Date parsing rolls 2026-02-30 over into March and reads 24:00 as the next midnight: refuse
  // anything that does not read back as the same wall-clock time.
  if (Number.isNaN(instant.getTime()) || chinaDateTime(instant) !== `${match[1]} ${match[2]}`) return undefined;
  return instant;
}

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
