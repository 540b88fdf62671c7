import type { Frequency } from './choices.ts';

/** Digests go out at 08:00 China time: daily every day, weekly on Mondays. */
export const DIGEST_HOUR = 8;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The latest digest moment at or before `now` for a frequency, and its key (the China date of that
 * moment). A digest for that moment gathers what was held before it; the key makes it once.
 */
export function digestMoment(frequency: Exclude<Frequency, 'immediate'>, now: Date): { at: Date; key: string } {
  const china = now.getTime() + CHINA_OFFSET_MS;
  let day = Math.floor(china / DAY_MS) * DAY_MS;
  if (china - day < DIGEST_HOUR * 3_600_000) day -= DAY_MS;
  if (frequency === 'weekly') {
    // 1970-01-01 was a Thursday: days since the last Monday.
    const weekday = (Math.floor(day / DAY_MS) + 3) % 7;
    day -= weekday * DAY_MS;
  }
  const at = new Date(day + DIGEST_HOUR * 3_600_000 - CHINA_OFFSET_MS);
  return { at, key: new Date(day).toISOString().slice(0, 10) };
}

/** What a digest covers, in words: the day before a daily one's moment, the seven days before a weekly one's. */
export function digestPeriod(frequency: Exclude<Frequency, 'immediate'>, moment: { key: string }): string {
  const day = (offset: number) =>
    new Date(Date.parse(`${moment.key}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
  return frequency === 'daily' ? day(-1) : `${day(-7)}至${day(-1)}`;
}
