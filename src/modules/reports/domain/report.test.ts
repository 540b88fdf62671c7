import { describe, expect, it } from 'vitest';
import { missingSections, parseFigures, parseSections, reportPermission, reportTitle } from './report.ts';

describe('parseFigures (table 二, 条例 Art. 20 (5), (6), (8))', () => {
  it.each([
    { input: {}, figures: { licensing: 0, penalties: 0, enforcement: 0, feesWan: '0' }, fields: [] },
    {
      input: { licensing: '1,842', penalties: ' 367 ', enforcement: '２１', feesWan: '35.6' },
      figures: { licensing: 1842, penalties: 367, enforcement: 21, feesWan: '35.6' },
      fields: [],
    },
    {
      input: { feesWan: '007.50' },
      figures: { licensing: 0, penalties: 0, enforcement: 0, feesWan: '7.50' },
      fields: [],
    },
    {
      input: { feesWan: '０．５' },
      figures: { licensing: 0, penalties: 0, enforcement: 0, feesWan: '0.5' },
      fields: [],
    },
    { input: { licensing: '-1' }, fields: ['licensing'] },
    { input: { penalties: '1.5' }, fields: ['penalties'] },
    { input: { enforcement: '1e3' }, fields: ['enforcement'] },
    { input: { licensing: '1234567890' }, fields: ['licensing'] },
    { input: { feesWan: '-2' }, fields: ['feesWan'] },
    { input: { feesWan: '1.23456' }, fields: ['feesWan'] },
    { input: { feesWan: '十万' }, fields: ['feesWan'] },
    { input: { licensing: 'x', feesWan: 'y' }, fields: ['licensing', 'feesWan'] },
  ])('reads $input', ({ input, figures, fields }) => {
    const result = parseFigures(input);
    expect(result.issues.map((i) => i.field)).toEqual(fields);
    for (const issue of result.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
    if (figures) expect(result.figures).toEqual(figures);
  });
});

describe('parseSections', () => {
  it('unifies line ends, removes invisible controls and trims', () => {
    const { sections, issues } = parseSections({ overview: ' 第一段\r\n第二段\u200b ', problems: '问题', other: '' });
    expect(issues).toEqual([]);
    expect(sections).toEqual({ overview: '第一段\n第二段', problems: '问题', other: '' });
  });

  it('refuses a section longer than 20,000 characters', () => {
    expect(parseSections({ other: '字'.repeat(20_001) }).issues.map((i) => i.field)).toEqual(['other']);
  });

  it('names every empty section a published report needs', () => {
    expect(missingSections({ overview: '有', problems: ' ', other: '' }).map((i) => i.field)).toEqual([
      'problems',
      'other',
    ]);
  });
});

describe('reportPermission', () => {
  it('asks the district office for the district-wide report, the unit’s officers for a unit’s', () => {
    expect(reportPermission({ parentId: null })).toBe('report.district');
    expect(reportPermission({ parentId: 'dist' })).toBe('report.edit');
  });

  it('titles the report as units publish it', () => {
    expect(reportTitle('示范区教育局', 2025)).toBe('示范区教育局2025年政府信息公开工作年度报告');
  });
});
