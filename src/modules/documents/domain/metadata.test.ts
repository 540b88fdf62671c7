import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../../../platform/sanitize.ts';
import {
  bodyAsHtml,
  checkBodyLength,
  isIsoDate,
  MAX_BODY_CHARACTERS,
  normalizeContent,
  parseKeywords,
  type EditionContentInput,
} from './metadata.ts';

const TODAY = '2026-03-02';
const BODY = '<p>正文</p>';
const CHINESE = /\p{Script=Han}/u;

const VALID: EditionContentInput = {
  title: '关于做好2026年春季学期开学工作的通知',
  docNumber: '测教发〔2026〕3号',
  issuer: '测试区教育局',
  writtenOn: '2026-02-20',
  publishedOn: '2026-02-21',
  topic: '科技、教育',
  genre: '通知',
  validity: '有效',
  fieldCode: '24',
  keywords: '开学，教育',
  bodyHtml: BODY,
};

function issuesOf(overrides: Partial<EditionContentInput>, body = BODY) {
  return normalizeContent({ ...VALID, ...overrides }, body, TODAY).issues;
}

describe('isIsoDate', () => {
  it.each([
    { value: '2026-03-01', expected: true },
    { value: '2026-12-31', expected: true },
    { value: '2024-02-29', expected: true, why: 'leap year' },
    { value: '2000-02-29', expected: true, why: 'divisible by 400' },
    { value: '2026-02-29', expected: false, why: 'not a leap year' },
    { value: '1900-02-29', expected: false, why: 'century, not divisible by 400' },
    { value: '2026-04-31', expected: false, why: 'April has 30 days' },
    { value: '2026-02-30', expected: false },
    { value: '2026-00-10', expected: false },
    { value: '2026-13-01', expected: false },
    { value: '2026-03-00', expected: false },
    { value: '2026-3-1', expected: false },
    { value: '2026/03/01', expected: false },
    { value: '2026-03-01T00:00', expected: false },
    { value: '', expected: false },
  ])('is $expected for "$value"', ({ value, expected }) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('parseKeywords', () => {
  it.each([
    { input: '开学，教育、通知;春季；学期 安全', expected: ['开学', '教育', '通知', '春季', '学期', '安全'] },
    { input: '开学,教育', expected: ['开学', '教育'] },
    { input: '开学\u3000教育', expected: ['开学', '教育'], why: 'ideographic space' },
    { input: ' 开学 ，， 教育 、', expected: ['开学', '教育'], why: 'runs of separators' },
    { input: '开学，教育，开学', expected: ['开学', '教育'], why: 'repeat dropped' },
    { input: ['开学', ' 教育 ', '', '开学'], expected: ['开学', '教育'], why: 'array input' },
    { input: '', expected: [] },
    { input: undefined, expected: [] },
  ])('reads $input as $expected', ({ input, expected }) => {
    expect(parseKeywords(input)).toEqual(expected);
  });
});

describe('normalizeContent', () => {
  it('accepts valid content and normalises it', () => {
    const { content, issues } = normalizeContent(
      { ...VALID, title: '  关于  开学的\n通知 ', docNumber: ' 测教发[2026]03号 ', fieldCode: ' 24 ' },
      BODY,
      TODAY,
    );
    expect(issues).toEqual([]);
    expect(content).toEqual({
      title: '关于 开学的 通知',
      docNumber: '测教发〔2026〕3号',
      issuer: '测试区教育局',
      writtenOn: '2026-02-20',
      publishedOn: '2026-02-21',
      topic: '科技、教育',
      genre: '通知',
      isNormative: false,
      validity: '有效',
      validityOn: null,
      fieldCode: '24',
      keywords: ['开学', '教育'],
      audiences: [],
      policyTags: [],
      bodyHtml: BODY,
      changeNote: null,
      isMajor: true,
      catalogEntryKey: null,
      formedOn: null,
    });
  });

  it('requires the formation date of information filed under a catalog entry, and not in the future', () => {
    expect(issuesOf({ catalogEntryKey: 'entrykey00000001' })).toEqual([
      { field: 'formedOn', message: expect.stringMatching(CHINESE) as unknown },
    ]);
    expect(issuesOf({ catalogEntryKey: 'entrykey00000001', formedOn: '2099-01-01' })).toEqual([
      { field: 'formedOn', message: expect.stringMatching(CHINESE) as unknown },
    ]);
    expect(issuesOf({ catalogEntryKey: 'entrykey00000001', formedOn: '2026-02-20' })).toEqual([]);
  });

  it('leaves optional fields empty when they are blank', () => {
    const { content, issues } = normalizeContent(
      {
        title: '通知',
        issuer: '测试区教育局',
        topic: '其他',
        genre: '其他',
        bodyHtml: BODY,
        docNumber: ' ',
        writtenOn: '',
        publishedOn: null,
        fieldCode: '',
        changeNote: '  ',
      },
      BODY,
      TODAY,
    );
    expect(issues).toEqual([]);
    expect(content).toMatchObject({
      docNumber: null,
      writtenOn: null,
      publishedOn: null,
      validity: '有效',
      fieldCode: null,
      keywords: [],
      changeNote: null,
    });
  });

  it.each([
    { field: 'title', why: 'an empty title', input: { title: '   ' } },
    { field: 'title', why: 'a title of only a zero-width space', input: { title: '\u200b' } },
    {
      field: 'title',
      why: 'a title of only invisible controls and ideographic spaces',
      input: { title: '\u202e\u3000\ufeff' },
    },
    { field: 'title', why: 'a title of 201 characters', input: { title: '字'.repeat(201) } },
    { field: 'issuer', why: 'an empty issuer', input: { issuer: '' } },
    { field: 'docNumber', why: 'a 文号 without brackets', input: { docNumber: '测教发20263号' } },
    // The latest year allowed is next year (2027), for documents numbered ahead of publication.
    { field: 'docNumber', why: 'a 文号 from the year after next', input: { docNumber: '测教发〔2028〕3号' } },
    { field: 'writtenOn', why: 'writtenOn on 30 February', input: { writtenOn: '2026-02-30', publishedOn: null } },
    { field: 'writtenOn', why: 'writtenOn written with slashes', input: { writtenOn: '2026/02/20' } },
    { field: 'writtenOn', why: 'writtenOn tomorrow', input: { writtenOn: '2026-03-03', publishedOn: null } },
    { field: 'publishedOn', why: 'publishedOn in month 13', input: { publishedOn: '2026-13-01' } },
    { field: 'publishedOn', why: 'publishedOn before writtenOn', input: { publishedOn: '2026-02-19' } },
    { field: 'topic', why: 'an unknown topic', input: { topic: '教育' } },
    { field: 'genre', why: 'an unknown genre', input: { genre: '新闻' } },
    { field: 'validity', why: 'an unknown validity', input: { validity: '作废' } },
    { field: 'validityOn', why: '失效 without a date', input: { validity: '失效' } },
    { field: 'validityOn', why: '废止 without a date', input: { validity: '废止', validityOn: ' ' } },
    { field: 'validityOn', why: 'an impossible validity date', input: { validityOn: '2026-02-29' } },
    { field: 'fieldCode', why: 'pilot field 27', input: { fieldCode: '27' } },
    { field: 'fieldCode', why: 'pilot field 00', input: { fieldCode: '00' } },
    { field: 'fieldCode', why: 'a one-digit pilot field', input: { fieldCode: '1' } },
    { field: 'fieldCode', why: 'a pilot field name instead of its code', input: { fieldCode: '国土空间规划' } },
    { field: 'keywords', why: '11 keywords', input: { keywords: '一,二,三,四,五,六,七,八,九,十,十一' } },
    { field: 'keywords', why: 'a keyword of 21 characters', input: { keywords: ['字'.repeat(21)] } },
    { field: 'changeNote', why: 'a change note of 501 characters', input: { changeNote: '字'.repeat(501) } },
  ])('refuses $why, with a Chinese message on $field', ({ field, input }) => {
    const issues = issuesOf(input);
    expect(issues).toEqual([{ field, message: expect.stringMatching(CHINESE) as unknown }]);
  });

  it.each([
    { why: 'an empty body', body: '' },
    { why: 'a body of empty paragraphs', body: '<p></p><p> </p>' },
    { why: 'a body of only a line break', body: '<p><br /></p>' },
    { why: 'a body that sanitises to nothing', body: sanitizeRichText('<script>alert(1)</script><p>&nbsp;</p>') },
  ])('refuses $why, with a Chinese message on bodyHtml', ({ body }) => {
    expect(issuesOf({}, body)).toEqual([{ field: 'bodyHtml', message: expect.stringMatching(CHINESE) as unknown }]);
  });

  it('accepts a body that is only an image, as a scanned notice is', () => {
    expect(issuesOf({}, '<p><img src="https://example.gov.cn/notice.png" alt="通知扫描件" /></p>')).toEqual([]);
  });

  it.each([
    { why: 'a title of exactly 200 characters', input: { title: '字'.repeat(200) } },
    { why: 'a 文号 dated next year', input: { docNumber: '测教发〔2027〕3号' } },
    { why: 'writtenOn today', input: { writtenOn: TODAY, publishedOn: TODAY } },
    { why: 'publishedOn on the day it was written', input: { publishedOn: '2026-02-20' } },
    { why: 'publishedOn without writtenOn', input: { writtenOn: null, publishedOn: '2020-01-01' } },
    { why: '失效 with a date', input: { validity: '失效', validityOn: '2026-03-01' } },
    { why: '有效 without a date', input: { validity: '有效', validityOn: null } },
    { why: 'pilot field 01', input: { fieldCode: '01' } },
    { why: 'pilot field 26', input: { fieldCode: '26' } },
    { why: '10 keywords', input: { keywords: '一,二,三,四,五,六,七,八,九,十' } },
    { why: '11 keywords of which one repeats', input: { keywords: '一,二,三,四,五,六,七,八,九,十,一' } },
    { why: 'a keyword of 20 characters', input: { keywords: ['字'.repeat(20)] } },
    { why: 'a change note of 500 characters', input: { changeNote: '字'.repeat(500) } },
  ])('accepts $why', ({ input }) => {
    expect(issuesOf(input)).toEqual([]);
  });

  it('names the missing date after the validity chosen', () => {
    expect(issuesOf({ validity: '废止' })).toEqual([{ field: 'validityOn', message: '请填写废止日期。' }]);
    expect(issuesOf({ validity: '失效' })).toEqual([{ field: 'validityOn', message: '请填写失效日期。' }]);
  });

  it('reports every problem at once, each on its own field', () => {
    const issues = issuesOf({ title: '', issuer: '', topic: 'x', genre: 'y', fieldCode: '99' }, '');
    expect(issues.map((issue) => issue.field)).toEqual(['title', 'issuer', 'topic', 'genre', 'fieldCode', 'bodyHtml']);
    for (const issue of issues) expect(issue.message).toMatch(CHINESE);
  });
});

describe('checkBodyLength', () => {
  it.each([
    { length: 1, ok: true },
    { length: MAX_BODY_CHARACTERS, ok: true },
    { length: MAX_BODY_CHARACTERS + 1, ok: false },
  ])('accepts a body of $length characters: $ok', ({ length, ok }) => {
    expect(checkBodyLength('字'.repeat(length))).toEqual(
      ok ? [] : [{ field: 'bodyHtml', message: expect.stringContaining('50万') as unknown }],
    );
  });
});

describe('bodyAsHtml', () => {
  it.each([
    { body: '第一段\n\n第二段', html: '<p>第一段</p>\n<p>第二段</p>' },
    { body: '<p>已是HTML</p>', html: '<p>已是HTML</p>' },
    { body: '小于 3 < 5 的说明', html: '<p>小于 3 &lt; 5 的说明</p>' },
    { body: '带<br>换行', html: '带<br>换行' },
  ])('reads $body as $html, for the form and the API alike', ({ body, html }) => {
    expect(bodyAsHtml(body)).toBe(html);
  });
});
