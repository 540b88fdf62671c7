import { describe, expect, it } from 'vitest';
import { checkConcern, responseDelay } from './concern.ts';

const NOW = new Date('2026-06-10T02:00:00Z');
const VALID = {
  title: '低保标准调整后是否还需重新申请',
  summary: '多名网民留言询问。',
  source: '网民留言',
  reportedAt: new Date('2026-06-09T01:00:00Z'),
};

describe('checkConcern', () => {
  it('accepts a complete concern, trimmed', () => {
    expect(checkConcern({ ...VALID, title: '  低保标准  ' }, NOW)).toEqual({
      ok: true,
      value: {
        title: '低保标准',
        summary: '多名网民留言询问。',
        source: '网民留言',
        reportedAt: '2026-06-09T01:00:00.000Z',
      },
    });
  });

  it.each([
    [{ title: ' ' }, 'title', '请填写关切事项。'],
    [{ title: '关'.repeat(101) }, 'title', '关切事项不能超过100个字。'],
    [{ summary: '' }, 'summary', '请简要说明公众关切的内容。'],
    [{ source: '朋友圈' }, 'source', '请选择关切的来源。'],
    [{ reportedAt: undefined }, 'reportedAt', '请填写首次发现关切的时间。'],
    [{ reportedAt: new Date('x') }, 'reportedAt', '请填写首次发现关切的时间。'],
    [{ reportedAt: new Date('2026-06-11T00:00:00Z') }, 'reportedAt', '首次发现时间不能晚于现在。'],
  ])('%j is refused on %s', (change, field, message) => {
    expect(checkConcern({ ...VALID, ...change }, NOW)).toEqual({ ok: false, issues: [{ field, message }] });
  });
});

describe('responseDelay', () => {
  it.each([
    ['2026-06-09T01:00:00Z', null, null],
    ['2026-06-09T01:00:00Z', '2026-06-09T01:40:00Z', '40分钟'],
    ['2026-06-09T01:00:00Z', '2026-06-09T04:20:00Z', '3小时20分钟'],
    ['2026-06-09T01:00:00Z', '2026-06-09T05:00:00Z', '4小时'],
    ['2026-06-09T01:00:00Z', '2026-06-11T06:10:00Z', '2天5小时'],
    ['2026-06-09T01:00:00Z', '2026-06-12T01:00:00Z', '3天'],
    // Published before the report was recorded (entered late): no negative time.
    ['2026-06-09T01:00:00Z', '2026-06-09T00:00:00Z', '0分钟'],
  ])('from %s to %s is %s', (reported, first, words) => {
    expect(responseDelay(reported, first)).toBe(words);
  });
});
