import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import type { Table3, Table3Column, Table4 } from '../../requests/index.ts';
import { assembleReport, describeProblem, requirePublishable, type AssembledReport } from './assembly.ts';
import { reportGrids } from './report-grids.ts';
import { reportBodyHtml } from './report-html.ts';

const COLUMNS: Table3Column[] = ['natural', 'business', 'research', 'nonprofit', 'legal_service', 'other', 'total'];
const ROWS = ['1', '2', '3.1', '3.2', '3.3.1', '3.7', '4'];

/** A table 三 with `values` (row → natural count), the total column following. */
function table3(values: Record<string, number>): Table3 {
  const cells: Table3['cells'] = {};
  for (const row of ROWS) {
    cells[row] = Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<Table3Column, number>;
    cells[row].natural = values[row] ?? 0;
    cells[row].total = values[row] ?? 0;
  }
  return { year: 2025, cells };
}

const noAppeals = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
const TABLE4: Table4 = {
  reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
  suit: noAppeals,
  suit_after_reconsideration: noAppeals,
};

function report(overrides: Partial<AssembledReport> = {}): AssembledReport {
  return assembleReport({
    unitName: '示范区教育局',
    year: 2025,
    isDistrictWide: false,
    sections: { overview: '总体<情况>\n第二段', problems: '问题', other: '无' },
    table2: {
      documents: {
        regulations: { issued: 0, repealed: 0, inForce: 0 },
        normative: { issued: 3, repealed: 1, inForce: 12 },
      },
      figures: { licensing: 126, penalties: 3, enforcement: 0, feesWan: '1.25' },
    },
    table3: table3({ '1': 5, '2': 1, '3.1': 3, '3.3.1': 1, '3.7': 4, '4': 2 }),
    table4: TABLE4,
    problems: [],
    ...overrides,
  });
}

function refusal(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fields.map((f) => `${f.field}: ${f.message}`);
    throw error;
  }
  return [];
}

describe('requirePublishable', () => {
  it('lets a complete, balanced report of a past year through', () => {
    expect(refusal(() => requirePublishable(report(), '2026-01-20'))).toEqual([]);
  });

  it.each([
    {
      name: 'the 勾稽 balance (一 + 二 = 三(七) + 四)',
      problem: { check: 'balance', row: '1+2', column: 'natural', left: 6, right: 5 } as const,
      message: '自然人列：第一项加第二项之和（6）不等于第三项（七）加第四项之和（5）',
    },
    {
      name: 'the results',
      problem: { check: 'results', row: '3.7', column: 'business', left: 2, right: 1 } as const,
      message: '法人或其他组织·商业企业列：第三项（七）总计（2）不等于各项办理结果之和（1）',
    },
    {
      name: 'the total column',
      problem: { check: 'total', row: '3.2', column: 'total', left: 3, right: 2 } as const,
      message: '“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行：总计（3）不等于各类申请人之和（2）',
    },
  ])('refuses a table 三 failing $name, with the equation in Chinese', ({ problem, message }) => {
    expect(describeProblem(problem)).toBe(message);
    const issues = refusal(() => requirePublishable(report({ problems: [problem] }), '2026-01-20'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('table3: 表三核对未通过，不能发布：');
    expect(issues[0]).toContain(message);
  });

  it('refuses a year not yet over and every empty section', () => {
    const issues = refusal(() =>
      requirePublishable(report({ sections: { overview: '', problems: '有', other: ' ' } }), '2025-12-31'),
    );
    expect(issues.map((i) => i.split(':')[0])).toEqual(['year', 'overview', 'other']);
  });
});

describe('reportBodyHtml', () => {
  const html = reportBodyHtml(report());

  it('has the six sections under the format’s titles, in order', () => {
    const titles = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const positions = titles.map((t) => html.indexOf(`<h2>${t}</h2>`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('escapes what the unit wrote and keeps its paragraphs', () => {
    expect(html).toContain('<p>总体&lt;情况&gt;</p>\n<p>第二段</p>');
  });

  it('lays out table 二 by the four items of 条例 Art. 20', () => {
    expect(html).toContain('<th colspan="4" scope="colgroup">第二十条第（一）项</th>');
    expect(html).toContain('<th scope="row">行政规范性文件</th><td>3</td><td>1</td><td>12</td>');
    expect(html).toContain('<th scope="row">行政许可</th><td colspan="3">126</td>');
    expect(html).toContain('<th scope="row">行政事业性收费</th><td colspan="3">1.25</td>');
  });

  it('prints every row of table 三 with its seven columns, and table 四’s fifteen cells', () => {
    expect(html).toContain(
      '<th scope="row">一、本年新收政府信息公开申请数量</th><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td>',
    );
    expect(html).toContain('<th colspan="8" scope="colgroup">（三）不予公开</th>');
    expect(html.match(/<th scope="row">/g)?.length).toBe(6 + 25);
    expect(html).toContain('<tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td><td>0</td>');
  });
});

describe('reportGrids', () => {
  it('gives the three tables under their official titles as text grids', () => {
    const [two, three, four] = reportGrids(report());
    expect(two!.title).toBe('二、主动公开政府信息情况');
    expect(two!.rows).toContainEqual(['行政规范性文件', '3', '1', '12']);
    expect(two!.rows).toContainEqual(['行政事业性收费', '1.25']);
    expect(three!.title).toBe('三、收到和处理政府信息公开申请情况');
    expect(three!.rows).toHaveLength(25);
    expect(three!.rows[0]).toEqual(['一、本年新收政府信息公开申请数量', '5', '0', '0', '0', '0', '0', '5']);
    expect(four!.title).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(four!.header[0]).toHaveLength(15);
    expect(four!.rows[0]!.slice(0, 5)).toEqual(['1', '0', '0', '1', '2']);
  });
});
