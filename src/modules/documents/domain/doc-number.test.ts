import { describe, expect, it } from 'vitest';
import { normalizeDocNumber } from './doc-number.ts';

const MAX_YEAR = 2027;

describe('normalizeDocNumber', () => {
  // GB/T 9704-2012 §7.2.4: the year sits in 六角括号 〔〕, the serial has no leading zeros and no 第.
  it.each([
    { input: '示政办发〔2020〕12号', expected: '示政办发〔2020〕12号', how: 'the standard form unchanged' },
    { input: '示政办发[2020]12号', expected: '示政办发〔2020〕12号', how: 'square brackets []' },
    { input: '示政办发(2020)12号', expected: '示政办发〔2020〕12号', how: 'round brackets ()' },
    { input: '示政办发（2020）12号', expected: '示政办发〔2020〕12号', how: 'full-width round brackets （）' },
    { input: '示政办发【2020】12号', expected: '示政办发〔2020〕12号', how: 'lenticular brackets 【】' },
    { input: '示政办发［2020］12号', expected: '示政办发〔2020〕12号', how: 'full-width square brackets ［］' },
    { input: '示政办发 [ 2020 ] 12 号', expected: '示政办发〔2020〕12号', how: 'spaces anywhere' },
    {
      input: '  示政办发〔2020〕12号\u3000',
      expected: '示政办发〔2020〕12号',
      how: 'surrounding and ideographic spaces',
    },
    { input: '示政办发〔2020〕012号', expected: '示政办发〔2020〕12号', how: 'a leading zero in the serial' },
    { input: '示政办发〔2020〕0007号', expected: '示政办发〔2020〕7号', how: 'several leading zeros' },
    { input: '示政办发〔2020〕12號', expected: '示政办发〔2020〕12号', how: 'the traditional 號' },
    { input: 'GB〔2020〕3号', expected: 'GB〔2020〕3号', how: 'a Latin 机关代字' },
    { input: '示政办发〔２０２０〕１２号', expected: '示政办发〔2020〕12号', how: 'full-width digits' },
  ])('normalises $how', ({ input, expected }) => {
    expect(normalizeDocNumber(input, MAX_YEAR)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { input: '国务院令第711号', expected: '国务院令第711号' },
    { input: '国务院令 第 711 号', expected: '国务院令第711号' },
    { input: '国务院令第0711号', expected: '国务院令第711号' },
    { input: '示范区人民政府令第3号', expected: '示范区人民政府令第3号' },
  ])('accepts the decree form $input as $expected', ({ input, expected }) => {
    expect(normalizeDocNumber(input, MAX_YEAR)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { input: '示政办发〔1949〕1号', expected: '示政办发〔1949〕1号' },
    { input: '示政办发〔2027〕1号', expected: '示政办发〔2027〕1号' },
    { input: '示政办发〔2020〕99999号', expected: '示政办发〔2020〕99999号' },
  ])('accepts the boundary value $input', ({ input, expected }) => {
    expect(normalizeDocNumber(input, MAX_YEAR)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { why: 'an empty string', input: '', reason: 'empty' },
    { why: 'only spaces', input: ' \u3000 ', reason: 'empty' },
    { why: 'a year without brackets', input: '示政办发202012号', reason: 'shape' },
    { why: 'a bracket on one side only', input: '示政办发2020〕12号', reason: 'shape' },
    { why: 'a missing 号', input: '示政办发〔2020〕12', reason: 'shape' },
    { why: 'a missing 机关代字', input: '〔2020〕12号', reason: 'shape' },
    { why: 'a two-digit year', input: '示政办发〔20〕12号', reason: 'shape' },
    { why: 'a six-digit serial', input: '示政办发〔2020〕123456号', reason: 'shape' },
    { why: 'a decree without 第', input: '国务院令711号', reason: 'shape' },
    { why: 'garbage', input: 'hello, world', reason: 'shape' },
    { why: 'a URL', input: 'https://example.cn/2020/12', reason: 'shape' },
    { why: 'a year before 1949', input: '示政办发〔1948〕12号', reason: 'year' },
    { why: 'a year after maxYear', input: '示政办发〔2028〕12号', reason: 'year' },
    { why: 'serial 0', input: '示政办发〔2020〕0号', reason: 'serial' },
    { why: 'serial 000', input: '示政办发〔2020〕000号', reason: 'serial' },
    { why: 'decree serial 0', input: '国务院令第0号', reason: 'serial' },
  ])('rejects $why', ({ input, reason }) => {
    expect(normalizeDocNumber(input, MAX_YEAR)).toEqual({ ok: false, reason });
  });
});
