import { describe, expect, it } from 'vitest';
import { compareVersions, splitParagraphs } from './paragraphs.ts';

describe('splitParagraphs', () => {
  it.each<[string, string[]]>([
    ['第一条\n\n第二条\r\n第三条', ['第一条', '第二条', '第三条']],
    ['  第一条　 有空格  \n   \n', ['第一条 有空格']],
    ['第一条\u2028第二条\u200b', ['第一条', '第二条']],
    ['', []],
  ])('%j', (text, paragraphs) => {
    expect(splitParagraphs(text)).toEqual(paragraphs);
  });
});

describe('compareVersions', () => {
  it('keeps, changes, adds and removes paragraphs in order', () => {
    const before = ['总则', '第一条 甲', '第二条 乙', '第三条 丙', '附则'];
    const after = ['总则', '第一条 甲（修改）', '第三条 丙', '第四条 丁', '附则'];
    expect(compareVersions(before, after)).toEqual([
      { kind: 'same', before: 1, after: 1, text: '总则' },
      { kind: 'changed', before: 2, after: 2, old: '第一条 甲', text: '第一条 甲（修改）' },
      { kind: 'removed', before: 3, old: '第二条 乙' },
      { kind: 'same', before: 4, after: 3, text: '第三条 丙' },
      { kind: 'added', after: 4, text: '第四条 丁' },
      { kind: 'same', before: 5, after: 5, text: '附则' },
    ]);
  });

  it.each<[string[], string[], string[]]>([
    [[], ['甲'], ['added']],
    [['甲'], [], ['removed']],
    [
      ['甲', '乙'],
      ['甲', '乙'],
      ['same', 'same'],
    ],
    [['甲'], ['乙'], ['changed']],
  ])('%j → %j', (before, after, kinds) => {
    expect(compareVersions(before, after).map((row) => row.kind)).toEqual(kinds);
  });

  it('compares 400 paragraphs against 400 quickly', () => {
    const before = Array.from({ length: 400 }, (_, i) => `第${i}条`);
    const after = before.map((p, i) => (i % 7 === 0 ? `${p}（改）` : p));
    const rows = compareVersions(before, after);
    expect(rows.filter((row) => row.kind === 'changed')).toHaveLength(58);
    expect(rows.filter((row) => row.kind === 'same')).toHaveLength(342);
  });
});
