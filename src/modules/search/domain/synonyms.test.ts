import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.ts';
import { expandQuery, formatSynonymGroups, MAX_QUERY_PHRASES, parseSynonymGroups } from './synonyms.ts';

describe('parseSynonymGroups', () => {
  it.each([
    ['医保 = 医疗保障', [['医保', '医疗保障']]],
    ['医保＝医疗保障＝医疗保险', [['医保', '医疗保障', '医疗保险']]],
    [
      '社保，社会保险\n\n低保、最低生活保障',
      [
        ['社保', '社会保险'],
        ['低保', '最低生活保障'],
      ],
    ],
    ['公租房 公共租赁住房 公租房', [['公租房', '公共租赁住房']]],
    ['ＧＤＰ = 地区生产总值', [['ＧＤＰ', '地区生产总值']]],
    ['', []],
  ])('reads %j', (text, groups) => {
    expect(parseSynonymGroups(text)).toEqual({ groups, issues: [] });
  });

  it.each([
    ['医保', '第1行只有一个词'],
    ['医保 = 医疗保障\n医 = 医疗', '第2行：“医”不能用于检索'],
    ['医保 = ，。', '第1行：“。”不能用于检索'],
    [`医保 = ${'很'.repeat(21)}`, '第1行：“很很很很很很很很很很很很很很很很很很很很…”过长'],
    [Array.from({ length: 11 }, (_, i) => `词语${i}`).join(' '), '第1行的词过多'],
    [Array.from({ length: 201 }, (_, i) => `词语${i} = 说法${i}`).join('\n'), '同义词组过多'],
  ])('refuses %j: %s', (text, message) => {
    const { issues } = parseSynonymGroups(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain(message);
  });

  it('writes the groups back one per line', () => {
    expect(
      formatSynonymGroups([
        ['医保', '医疗保障'],
        ['社保', '社会保险'],
      ]),
    ).toBe('医保 = 医疗保障\n社保 = 社会保险');
  });
});

describe('expandQuery', () => {
  const groups = [
    ['医保', '医疗保障', '医疗保险'],
    ['社保', '社会保险'],
  ];
  const phrasesOf = (query: string, with_ = groups) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(query);
    return expandQuery(parsed, with_).phrases.map((phrase) => phrase.join(' '));
  };

  it.each([
    ['医保', ['医保', '医疗 疗保 保障', '医疗 疗保 保险']],
    ['医疗保障', ['医疗 疗保 保障', '医保', '医疗 疗保 保险']],
    ['居民医保', ['居民 民医 医保', '居民 民医 医疗 疗保 保障', '居民 民医 医疗 疗保 保险']],
    [
      '社保和医保',
      [
        '社保 保和 和医 医保',
        '社保 保和 和医 医疗 疗保 保障',
        '社保 保和 和医 医疗 疗保 保险',
        '社会 会保 保险 险和 和医 医保',
      ],
    ],
    ['低保', ['低保']],
  ])('widens %s to %j, its own phrase first', (query, phrases) => {
    expect(phrasesOf(query)).toEqual(phrases);
  });

  it('marks the synonyms too', () => {
    const parsed = parseQuery('医保');
    if (!parsed.ok) throw new Error('parse');
    expect(expandQuery(parsed, groups).terms).toEqual(['医保', '医疗保障', '医疗保险']);
  });

  it(`stops at ${MAX_QUERY_PHRASES} phrases`, () => {
    const many = [Array.from({ length: 20 }, (_, i) => `医保${String.fromCharCode(0x4e00 + i)}`).concat('医保')];
    expect(phrasesOf('医保', many)).toHaveLength(MAX_QUERY_PHRASES);
  });
});
