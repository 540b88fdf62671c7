import { describe, expect, it } from 'vitest';
import { FixedClock, chinaDate, chinaDateTime, chinaYear, parseChinaDateTime } from './clock.ts';

describe('chinaDate', () => {
  it.each([
    { instant: '2026-03-01T15:59:59.999Z', expected: '2026-03-01', why: 'one millisecond before midnight in China' },
    { instant: '2026-03-01T16:00:00.000Z', expected: '2026-03-02', why: 'midnight in China, still 1 March in UTC' },
    { instant: '2026-03-01T00:00:00.000Z', expected: '2026-03-01', why: 'UTC midnight, 08:00 in China' },
    { instant: '2025-12-31T16:00:00.000Z', expected: '2026-01-01', why: 'new year in China first' },
    { instant: '2028-02-28T16:30:00.000Z', expected: '2028-02-29', why: 'a leap day' },
  ])('is $expected at $instant ($why)', ({ instant, expected }) => {
    expect(chinaDate(new Date(instant))).toBe(expected);
  });

  it.each([
    { instant: '2025-12-31T15:59:59.999Z', expected: 2025 },
    { instant: '2025-12-31T16:00:00.000Z', expected: 2026 },
  ])('chinaYear is $expected at $instant', ({ instant, expected }) => {
    expect(chinaYear(new Date(instant))).toBe(expected);
  });
});

describe('chinaDateTime', () => {
  it.each([
    { instant: '2026-03-01T16:05:00.000Z', expected: '2026-03-02 00:05' },
    { instant: '2026-03-01T02:00:59.999Z', expected: '2026-03-01 10:00' },
  ])('shows $instant as $expected', ({ instant, expected }) => {
    expect(chinaDateTime(instant)).toBe(expected);
    expect(chinaDateTime(new Date(instant))).toBe(expected);
  });
});

describe('parseChinaDateTime', () => {
  it.each([
    { local: '2026-03-02T00:05', expected: '2026-03-01T16:05:00.000Z' },
    { local: '2026-03-02 00:05', expected: '2026-03-01T16:05:00.000Z' },
    { local: ' 2026-03-02T10:00 ', expected: '2026-03-02T02:00:00.000Z' },
    { local: '2026-01-01T07:59', expected: '2025-12-31T23:59:00.000Z' },
    { local: '2028-02-29T12:00', expected: '2028-02-29T04:00:00.000Z' },
  ])('reads $local in China time as $expected', ({ local, expected }) => {
    expect(parseChinaDateTime(local)?.toISOString()).toBe(expected);
  });

  it.each([
    { local: '', why: 'empty' },
    { local: '2026-03-02', why: 'a date without a time' },
    { local: '2026-03-02T10:00:00', why: 'seconds' },
    { local: '2026-03-02T10:00Z', why: 'a zone designator' },
    { local: '2026/03/02 10:00', why: 'slashes' },
    { local: '2026-3-2T10:00', why: 'unpadded month and day' },
    { local: '2026-13-01T10:00', why: 'month 13' },
    { local: '2026-02-30T10:00', why: '30 February' },
    { local: '2026-02-29T10:00', why: '29 February in a common year' },
    { local: '2026-04-31T10:00', why: '31 April' },
    { local: '2026-03-02T24:00', why: 'hour 24' },
    { local: '2026-03-02T10:60', why: 'minute 60' },
  ])('refuses $why ("$local")', ({ local }) => {
    expect(parseChinaDateTime(local)).toBeUndefined();
  });

  it('reads back what chinaDateTime wrote', () => {
    const instant = new Date('2026-03-01T16:05:00.000Z');
    expect(parseChinaDateTime(chinaDateTime(instant))).toEqual(instant);
  });
});

describe('FixedClock', () => {
  it('stays where it is put and moves only when told', () => {
    const clock = new FixedClock('2026-03-02T02:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
    clock.advanceMinutes(90);
    expect(clock.now().toISOString()).toBe('2026-03-02T03:30:00.000Z');
    clock.set(new Date('2026-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by changing the Date it got', () => {
    const clock = new FixedClock(new Date('2026-03-02T02:00:00.000Z'));
    clock.now().setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });
});
