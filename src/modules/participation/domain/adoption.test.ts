import { describe, expect, it } from 'vitest';
import { adoptionReport, checkCompletion, isFinalLink } from './adoption.ts';
import { checkCommentInput, checkDisposition, maskName, type ConsultationComment } from './comment.ts';

const comment = (id: string, overrides: Partial<ConsultationComment>): ConsultationComment => ({
  id,
  consultationId: 'c1',
  version: 1,
  paragraph: null,
  body: `意见${id}`,
  name: '',
  senderKey: 'k',
  personKey: null,
  state: 'shown',
  hiddenReason: '',
  disposition: null,
  dispositionReason: '',
  dispositionGroup: '',
  createdAt: '2026-03-05T02:00:00.000Z',
  moderatedAt: null,
  disposedAt: null,
  ...overrides,
});

describe('adoptionReport', () => {
  const comments = [
    comment('a', { disposition: 'adopted' }),
    comment('b', { disposition: 'rejected', dispositionReason: '超出本条例调整范围', dispositionGroup: '收费标准' }),
    comment('c', { disposition: 'rejected', dispositionReason: '', dispositionGroup: '收费标准' }),
    comment('d', { disposition: 'partly', dispositionReason: '部分已吸收' }),
    comment('e', { state: 'hidden', hiddenReason: '广告' }),
    comment('f', {}),
  ];
  const report = adoptionReport(comments);

  it('counts every comment once', () => {
    expect(report).toMatchObject({
      received: 6,
      hidden: 1,
      undisposed: 1,
      counts: { adopted: 1, partly: 1, rejected: 2 },
    });
  });
  it('answers a group of like comments in one row with its reason', () => {
    expect(report.rows.map((row) => [row.group, row.disposition, row.reason, row.comments.map((c) => c.id)])).toEqual([
      ['', 'adopted', '', ['a']],
      ['收费标准', 'rejected', '超出本条例调整范围', ['b', 'c']],
      ['', 'partly', '部分已吸收', ['d']],
    ]);
  });
  it('cannot complete while a shown comment has no disposition', () => {
    expect(checkCompletion(report, '/d/abc').map((issue) => issue.field)).toEqual(['dispositions']);
    expect(checkCompletion(adoptionReport(comments.slice(0, 5)), '/d/abc')).toEqual([]);
  });
});

describe('isFinalLink', () => {
  it.each<[string, boolean]>([
    ['/d/0123456789abcdef', true],
    ['https://www.gov.cn/zhengce/a.htm', true],
    ['http://example.cn/a', false],
    ['//evil.example/a', false],
    ['/\\evil.example', false],
    ['javascript:alert(1)', false],
    ['/a b', false],
    ['', false],
  ])('%s → %s', (link, ok) => {
    expect(isFinalLink(link)).toBe(ok);
  });
});

describe('checkCommentInput', () => {
  it.each<[string, { body: string; name: string; paragraph: number | null }, string[]]>([
    ['a comment', { body: ' 建议增加社区食堂 ', name: '张三', paragraph: 2 }, []],
    ['empty', { body: ' \u200b ', name: '', paragraph: null }, ['body']],
    ['too long', { body: '长'.repeat(2001), name: '', paragraph: null }, ['body']],
    ['long name', { body: '好', name: '名'.repeat(31), paragraph: null }, ['name']],
    ['unknown paragraph', { body: '好', name: '', paragraph: 9 }, ['paragraph']],
  ])('%s', (_name, input, fields) => {
    try {
      const cleaned = checkCommentInput(input, 3);
      expect(fields).toEqual([]);
      expect(cleaned.body).toBe(input.body.trim());
    } catch (error) {
      expect((error as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(fields);
    }
  });
  it('keeps script as text (the page escapes it)', () => {
    expect(checkCommentInput({ body: '<script>alert(1)</script>', name: '', paragraph: null }, 1).body).toBe(
      '<script>alert(1)</script>',
    );
  });
});

describe('maskName and checkDisposition', () => {
  it.each([
    ['', '匿名'],
    ['张', '张*'],
    ['欧阳修文', '欧***'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
  it.each<[Parameters<typeof checkDisposition>[0], string[]]>([
    [{ commentId: 'a', disposition: 'adopted', reason: '', group: '' }, []],
    [{ commentId: 'a', disposition: 'rejected', reason: '', group: '' }, ['reason.a']],
    [{ commentId: 'a', disposition: 'partly', reason: ' ', group: '' }, ['reason.a']],
    [{ commentId: 'a', disposition: null, reason: '', group: '组'.repeat(61) }, ['group.a']],
  ])('%j', (input, fields) => {
    expect(checkDisposition(input).map((issue) => issue.field)).toEqual(fields);
  });
});
