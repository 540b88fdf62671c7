import { describe, expect, it } from 'vitest';
import { checkGraphic, MAX_GRAPHIC_BLOCKS, type GraphicBlockInput } from './graphic.ts';

const chart = (more: Partial<Extract<GraphicBlockInput, { kind: 'chart' }>> = {}): GraphicBlockInput => ({
  kind: 'chart',
  chartType: 'bar',
  title: '城乡低保人数',
  unit: '人',
  description: '2025年城乡低保1350人，比上年增加150人。',
  dataText: '项目\t2024年\t2025年\n城乡低保\t1200\t1350',
  ...more,
});

describe('checkGraphic', () => {
  it('reads a graphic of every kind of block', () => {
    const result = checkGraphic([
      { kind: 'heading', text: ' 政策要点 ' },
      { kind: 'text', text: '低保标准提高到每人每月1000元。' },
      { kind: 'figure', value: '１,350', unit: '人', caption: '城乡低保对象' },
      chart(),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.blocks[0]).toEqual({ kind: 'heading', text: '政策要点' });
    expect(result.blocks[2]).toEqual({ kind: 'figure', value: 1350, unit: '人', caption: '城乡低保对象' });
    expect(result.blocks[3]).toMatchObject({ kind: 'chart', data: { series: ['2024年', '2025年'] } });
  });

  it.each([
    ['no blocks', [], [[null, 'blocks', '至少要有一个内容块']]],
    ['only text', [{ kind: 'text', text: '说明' }], [[null, 'blocks', '至少要有一张图表或一个关键数字']]],
    ['an empty heading', [{ kind: 'heading', text: ' ' }, chart()], [[0, 'text', '请填写小标题']]],
    ['a long heading', [{ kind: 'heading', text: '标'.repeat(61) }, chart()], [[0, 'text', '小标题不能超过60个字']]],
    [
      'a figure in words',
      [{ kind: 'figure', value: '约一千', unit: '人', caption: '低保对象' }],
      [[0, 'value', '关键数字「约一千」不是数字']],
    ],
    ['a chart without a title', [chart({ title: '' })], [[0, 'title', '请填写图表标题']]],
    ['a chart described in two words', [chart({ description: '见图' })], [[0, 'description', '请用至少10个字说明']]],
    [
      'a chart with a word in its data',
      [chart({ dataText: '项目\t2025年\n低保\t很多' })],
      [[0, 'dataText', '第2行第2列「很多」不是数字']],
    ],
  ] as const)('says what is wrong with %s, and where', (_name, blocks, expected) => {
    const result = checkGraphic(blocks as readonly GraphicBlockInput[]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.block, i.field])).toEqual(expected.map(([block, field]) => [block, field]));
    expected.forEach(([, , message], i) => expect(result.issues[i]!.message).toContain(message));
  });

  it(`refuses more than ${MAX_GRAPHIC_BLOCKS} blocks`, () => {
    const result = checkGraphic(Array.from({ length: MAX_GRAPHIC_BLOCKS + 1 }, () => chart()));
    expect(result).toEqual({
      ok: false,
      issues: [{ block: null, field: 'blocks', message: '一篇图解最多40个内容块，请精简或拆分为几篇。' }],
    });
  });
});
