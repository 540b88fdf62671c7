import { describe, expect, it } from 'vitest';
import { MAX_CHART_ROWS, parseChartData, type ChartDataResult, sheetAsChartText } from './chart-data.ts';

const ok = (result: ChartDataResult) => {
  if (!result.ok) throw new Error(result.issues.join(' '));
  return result.data;
};

describe('parseChartData', () => {
  it.each([
    ['tabs, as a spreadsheet copies them', '项目\t2024年\t2025年\n城乡低保\t1200\t1350\n特困供养\t300\t320\n'],
    ['commas', '项目,2024年,2025年\n城乡低保,1200,1350\n特困供养,300,320'],
    [
      'full-width commas and digits, Windows line ends',
      '项目，2024年，2025年\r\n城乡低保，１２００，１３５０\r\n特困供养，300，320',
    ],
    [
      'thousands separators with tabs, trailing empty cells',
      '项目\t2024年\t2025年\t\n城乡低保\t1,200\t1,350\t\n特困供养\t300\t320\t\n\n',
    ],
  ])('reads %s', (_name, text) => {
    expect(ok(parseChartData(text, 'bar'))).toEqual({
      categoryName: '项目',
      series: ['2024年', '2025年'],
      rows: [
        { label: '城乡低保', values: [1200, 1350] },
        { label: '特困供养', values: [300, 320] },
      ],
    });
  });

  it('reads decimals, signs and percentages', () => {
    expect(ok(parseChartData('月份\t增长率\n1月\t-2.5\n2月\t+3\n3月\t12.5%', 'line')).rows).toEqual([
      { label: '1月', values: [-2.5] },
      { label: '2月', values: [3] },
      { label: '3月', values: [12.5] },
    ]);
  });

  const tenThousand = ['类别\t数值', ...Array.from({ length: 10_000 }, (_, i) => `第${i + 1}项\t${i}`)].join('\n');
  it.each([
    ['nothing', '  \n ', 'bar', ['请粘贴或填写图表数据']],
    ['a header with one column', '项目\n低保', 'bar', ['表头至少要有两列']],
    ['a header alone', '项目\t2025年', 'bar', ['只有表头，没有数据行']],
    ['a word where a number belongs', '项目\t2025年\n低保\t约五十', 'bar', ['第2行第2列「约五十」不是数字']],
    ['an empty row between rows', '项目\t2025年\n低保\t50\n\n特困\t20', 'bar', ['第3行是空行']],
    ['an empty cell', '项目\t2024年\t2025年\n低保\t\t50', 'bar', ['第2行第2列为空']],
    ['a row with too many cells', '项目\t2025年\n低保\t50\t60', 'bar', ['第2行有3列，表头有2列']],
    ['a row without its label', '项目\t2025年\n\t50', 'bar', ['第2行第1列（类别名称）为空']],
    ['a pie with two series', '项目\t2024年\t2025年\n低保\t1\t2', 'pie', ['饼图只能有一个数据系列']],
    ['a pie with a negative value', '项目\t2025年\n低保\t-1', 'pie', ['饼图的数值不能为负数（第2行）']],
    ['10,000 rows', tenThousand, 'bar', [`一张图最多${MAX_CHART_ROWS}行数据（不含表头），粘贴的有10000行`]],
    ['text too long to read', 'x'.repeat(600_000), 'bar', ['图表数据不能超过500000个字符']],
  ] as const)('says what is wrong with %s', (_name, text, type, expected) => {
    const result = parseChartData(text, type);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(result.issues[i]).toContain(start));
  });

  it('lists five issues and counts the rest', () => {
    const text = ['项目\t数值', ...Array.from({ length: 8 }, (_, i) => `第${i}项\t无`)].join('\n');
    const result = parseChartData(text, 'bar');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(6);
    expect(result.issues[5]).toBe('另有3处问题，请先修改以上各处。');
  });
});

describe('sheetAsChartText', () => {
  it.each([
    [
      [
        ['项目', '2025年'],
        ['低保', '1350'],
      ],
      '项目\t2025年\n低保\t1350',
    ],
    // Trailing empty cells and rows of the used range dropped; a short row padded to the table's width.
    [[['项目', '甲', '乙', ''], ['低保', '1', ''], [], ['', '']], '项目\t甲\t乙\n低保\t1\t'],
    // Tabs and line breaks inside a cell would break the table apart: they become spaces.
    [
      [
        ['项目\t名称', '数\n量'],
        ['低保', '1'],
      ],
      '项目 名称\t数 量\n低保\t1',
    ],
    [[], ''],
  ])('%j reads as %j', (rows, text) => {
    expect(sheetAsChartText(rows)).toBe(text);
  });
});
