import { describe, expect, it } from 'vitest';
import { bundleNote, byteBudget, documentFolder, entryName, uniqueName } from './bundle.ts';

describe('bundle names', () => {
  it.each([
    ['关于做好春季开学工作的通知', '关于做好春季开学工作的通知'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['..', '_'],
    ['../../etc/passwd', '__.._etc_passwd'],
    ['  两个\n\t空白  ', '两个 空白'],
    ['', '_'],
  ])('makes %j the entry name %j', (text, expected) => {
    expect(entryName(text)).toBe(expected);
  });

  it('shortens a long name and keeps its extension', () => {
    expect(entryName(`${'附'.repeat(100)}.pdf`, 20)).toBe(`${'附'.repeat(16)}.pdf`);
    expect(documentFolder(7, '通知')).toBe('007-通知');
  });

  it('numbers a name taken already, whatever its case', () => {
    const taken = new Set<string>();
    expect(['表.pdf', '表.PDF', '表.pdf', '说明'].map((name) => uniqueName(taken, name))).toEqual([
      '表.pdf',
      '表(2).PDF',
      '表(3).pdf',
      '说明',
    ]);
  });
});

describe('byte budget', () => {
  it.each([
    { maxBytes: 10, takes: [4, 6, 1], expected: [true, true, false], used: 10 },
    { maxBytes: 10, takes: [11, 3, 8, 7], expected: [false, true, false, true], used: 10 },
    { maxBytes: 0, takes: [0, 1], expected: [true, false], used: 0 },
  ])('takes $takes from $maxBytes as $expected', ({ maxBytes, takes, expected, used }) => {
    const budget = byteBudget(maxBytes);
    expect(takes.map((bytes) => budget.take(bytes))).toEqual(expected);
    expect(budget.used).toBe(used);
  });
});

describe('说明.txt', () => {
  const bounds = { maxDocuments: 100, maxBytes: 200 * 1024 * 1024 };

  it('is not written when the archive holds the whole list', () => {
    expect(bundleNote({ listTitle: '教育局', total: 3, included: 3, bounds, leftOut: [] })).toBeUndefined();
  });

  it.each([
    {
      total: 250,
      included: 100,
      leftOut: [],
      says: ['“教育局”打包下载说明', '本列表共有 250 条信息，本压缩包收入 100 条。', '其余 150 条未收入'],
    },
    {
      total: 3,
      included: 2,
      leftOut: [
        { kind: 'document' as const, title: '甲' },
        { kind: 'attachment' as const, title: '乙', fileName: '大.pdf' },
      ],
      says: ['最多 200 MB', '《甲》（正文及附件）', '《乙》的附件“大.pdf”'],
    },
    {
      total: 1,
      included: 1,
      leftOut: [{ kind: 'missing_file' as const, title: '丙', fileName: '丢失.pdf' }],
      says: ['暂时无法读取', '《丙》的附件“丢失.pdf”'],
    },
  ])('says what was left out of $total', ({ total, included, leftOut, says }) => {
    const note = bundleNote({ listTitle: '教育局', total, included, bounds, leftOut })!;
    expect(note.startsWith('\uFEFF')).toBe(true);
    expect(note).toContain('\r\n');
    for (const sentence of says) expect(note).toContain(sentence);
  });
});
