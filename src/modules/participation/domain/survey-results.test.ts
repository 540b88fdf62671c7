import { describe, expect, it } from 'vitest';
import { tallySurvey, type SurveyAnswer, type SurveyDefinition } from './survey.ts';
import { percentText, resultRows, resultTable, textAnswers } from './survey-results.ts';

const SURVEY: Pick<SurveyDefinition, 'questions'> = {
  questions: [
    { id: 'a', kind: 'single', title: '是否办理过业务', required: true, options: ['是', '否'] },
    {
      id: 'b',
      kind: 'multiple',
      title: '渠道',
      required: false,
      options: ['大厅', '网上', '电话'],
      minSelections: 1,
      maxSelections: 3,
    },
    { id: 'c', kind: 'scale', title: '满意度', required: true, from: 1, to: 3, fromLabel: '不满意', toLabel: '满意' },
    { id: 'd', kind: 'text', title: '建议', required: false, maxLength: 100 },
  ],
};

const SHEETS: SurveyAnswer[][] = [
  [
    { questionId: 'a', kind: 'single', option: 0 },
    { questionId: 'b', kind: 'multiple', options: [0, 1] },
    { questionId: 'c', kind: 'scale', value: 3 },
    { questionId: 'd', kind: 'text', text: '=1+1 <b>延长时间</b>' },
  ],
  [
    { questionId: 'a', kind: 'single', option: 0 },
    { questionId: 'b', kind: 'multiple', options: [1] },
    { questionId: 'c', kind: 'scale', value: 2 },
  ],
  [
    { questionId: 'a', kind: 'single', option: 1 },
    { questionId: 'c', kind: 'scale', value: 3 },
  ],
];

describe('percentText', () => {
  it.each([
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 8, '12.5%'],
    [1, 16, '6.3%'],
    [0, 0, '0.0%'],
    [5, 5, '100.0%'],
  ])('%i of %i is %s', (count, respondents, text) => {
    expect(percentText(count, respondents)).toBe(text);
  });
});

describe('results', () => {
  const tally = tallySurvey(SURVEY, SHEETS);

  it('gives each option and point its count and its share of the question’s respondents, zeros included', () => {
    expect(resultRows(SURVEY.questions[0]!, tally.questions[0]!)).toEqual([
      { label: '是', count: 2, percent: '66.7%' },
      { label: '否', count: 1, percent: '33.3%' },
    ]);
    // Two people ticked; the shares add up to more than 100%.
    expect(resultRows(SURVEY.questions[1]!, tally.questions[1]!).map((row) => row.percent)).toEqual([
      '50.0%',
      '100.0%',
      '0.0%',
    ]);
    expect(resultRows(SURVEY.questions[2]!, tally.questions[2]!)).toEqual([
      { label: '1（不满意）', count: 0, percent: '0.0%' },
      { label: '2', count: 1, percent: '33.3%' },
      { label: '3（满意）', count: 2, percent: '66.7%' },
    ]);
    expect(resultRows(SURVEY.questions[3]!, tally.questions[3]!)).toEqual([]);
  });

  it('lays the results out as the downloads’ table, texts as written and the number of sheets last', () => {
    const table = resultTable(SURVEY, tally, textAnswers(SHEETS));
    expect(table[0]).toEqual(['题号', '题目', '题型', '选项或回答', '人数', '占比']);
    expect(table).toContainEqual(['1', '是否办理过业务', '单选题', '是', '2', '66.7%']);
    expect(table).toContainEqual(['3', '满意度', '量表题', '平均分 2.7', '', '']);
    expect(table).toContainEqual(['4', '建议', '填空题', '=1+1 <b>延长时间</b>', '', '']);
    expect(table.at(-1)).toEqual(['答卷总数 3 份']);
  });
});
