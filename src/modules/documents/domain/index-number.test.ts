import { describe, expect, it } from 'vitest';
import { formatIndexNumber, parseIndexNumber } from './index-number.ts';

describe('formatIndexNumber', () => {
  it.each([
    { orgCode: '990101-001', year: 2026, serial: 12, expected: '990101-001/2026-00012' },
    { orgCode: 'edu', year: 2026, serial: 1, expected: 'edu/2026-00001' },
    { orgCode: 'edu', year: 2025, serial: 99999, expected: 'edu/2025-99999' },
    // A sixth digit is added rather than wrapping round or truncating.
    { orgCode: 'edu', year: 2025, serial: 100000, expected: 'edu/2025-100000' },
  ])('writes $orgCode, $year, serial $serial as $expected', ({ orgCode, year, serial, expected }) => {
    expect(formatIndexNumber(orgCode, year, serial)).toBe(expected);
  });
});

describe('parseIndexNumber', () => {
  it.each([
    { value: '990101-001/2026-00012', expected: { orgCode: '990101-001', year: 2026, serial: 12 } },
    { value: 'ab/2020-00001', expected: { orgCode: 'ab', year: 2020, serial: 1 } },
    { value: 'edu/2025-100000', expected: { orgCode: 'edu', year: 2025, serial: 100000 } },
  ])('splits $value', ({ value, expected }) => {
    expect(parseIndexNumber(value)).toEqual(expected);
  });

  it.each([
    { value: '', why: 'empty' },
    { value: 'edu-2026-00012', why: 'no slash' },
    { value: 'edu/2026-0012', why: 'a four-digit serial' },
    { value: 'edu/26-00012', why: 'a two-digit year' },
    { value: 'a/2026-00012', why: 'a one-character unit code' },
    { value: '教育局/2026-00012', why: 'a unit code in Chinese' },
    { value: 'edu/2026-00012 ', why: 'a trailing space' },
    { value: 'edu/2026/00012', why: 'a slash before the serial' },
  ])('refuses $why ($value)', ({ value }) => {
    expect(parseIndexNumber(value)).toBeUndefined();
  });

  it.each([
    { orgCode: '990101-001', year: 2026, serial: 12 },
    { orgCode: 'town-3', year: 1999, serial: 54321 },
  ])('reads back what formatIndexNumber wrote for $orgCode', ({ orgCode, year, serial }) => {
    expect(parseIndexNumber(formatIndexNumber(orgCode, year, serial))).toEqual({ orgCode, year, serial });
  });
});
