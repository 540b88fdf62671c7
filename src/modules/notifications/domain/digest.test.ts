import { describe, expect, it } from 'vitest';
import { digestMoment, digestPeriod } from './digest.ts';

describe('digestMoment', () => {
  it.each([
    // 2026-03-03 is a Tuesday. China time is UTC+8.
    { frequency: 'daily', now: '2026-03-03T00:05:00Z', at: '2026-03-03T00:00:00.000Z', key: '2026-03-03' },
    { frequency: 'daily', now: '2026-03-02T23:59:00Z', at: '2026-03-02T00:00:00.000Z', key: '2026-03-02' },
    { frequency: 'daily', now: '2026-03-03T15:59:00Z', at: '2026-03-03T00:00:00.000Z', key: '2026-03-03' },
    { frequency: 'daily', now: '2026-03-03T16:00:00Z', at: '2026-03-03T00:00:00.000Z', key: '2026-03-03' },
    { frequency: 'weekly', now: '2026-03-03T05:00:00Z', at: '2026-03-02T00:00:00.000Z', key: '2026-03-02' },
    { frequency: 'weekly', now: '2026-03-01T23:59:00Z', at: '2026-02-23T00:00:00.000Z', key: '2026-02-23' },
    { frequency: 'weekly', now: '2026-03-02T00:00:00Z', at: '2026-03-02T00:00:00.000Z', key: '2026-03-02' },
  ] as const)('$frequency at $now → $key', ({ frequency, now, at, key }) => {
    const moment = digestMoment(frequency, new Date(now));
    expect(moment.at.toISOString()).toBe(at);
    expect(moment.key).toBe(key);
  });

  it.each([
    { frequency: 'daily', key: '2026-03-03', period: '2026-03-02' },
    { frequency: 'weekly', key: '2026-03-02', period: '2026-02-23至2026-03-01' },
  ] as const)('names the period of a $frequency digest', ({ frequency, key, period }) => {
    expect(digestPeriod(frequency, { key })).toBe(period);
  });
});
