import { describe, expect, it } from 'vitest';
import { checkSurveyDefinition } from './survey.ts';
import { BLANK_QUESTION, onFormBlocks, readSurveyInput, surveyInputOf, type SurveyInput } from './survey-form.ts';

/** The back office's form as a member of staff fills it: a choice, a blank block between, a scale. */
const INPUT: SurveyInput = {
  orgId: 'o1',
  title: '  2026年示范区政务服务满意度调查 ',
  description: '答卷不记录姓名。',
  opensAt: '2026-03-02T09:00',
  closesAt: '2026-03-16T18:00',
  perAddressPerDay: '',
  questions: [
    {
      ...BLANK_QUESTION,
      kind: 'multiple',
      title: '您通过哪些渠道办事？',
      options: '政务服务大厅\r\n\n 网上办事大厅 \n“浙里办”',
      maxSelections: '2',
    },
    BLANK_QUESTION,
    {
      ...BLANK_QUESTION,
      kind: 'scale',
      title: '总体满意度',
      from: '1',
      to: '5',
      fromLabel: '很不满意',
      toLabel: '很满意',
    },
    { ...BLANK_QUESTION, id: 'old', kind: 'text', title: '删掉的题', remove: true },
  ],
};

let counter = 0;
const ids = () => `new${++counter}`;

describe('readSurveyInput', () => {
  it.each([
    ['one_per_person', { kind: 'one_per_person' }],
    ['per_device', { kind: 'per_device', perAddressPerDay: 20 }],
    ['', { kind: 'per_device', perAddressPerDay: 20 }],
    ['everyone', { kind: 'per_device', perAddressPerDay: 20 }],
  ])('reads the limit policy %j as %j, and writes it back for editing', (limitKind, limit) => {
    const { definition } = readSurveyInput({ ...INPUT, limitKind }, ids);
    expect(definition.limit).toEqual(limit);
    expect(surveyInputOf({ ...definition, orgId: 'o1' }).limitKind).toBe(limit.kind);
  });

  it('reads China-time periods, options one per line, defaults and leaves blank or removed blocks out', () => {
    const { definition, blocks, issues } = readSurveyInput(INPUT, ids);
    expect(issues).toEqual([]);
    expect(blocks).toEqual([0, 2]);
    expect(definition.title).toBe('2026年示范区政务服务满意度调查');
    expect(definition.opensAt).toBe('2026-03-02T01:00:00.000Z');
    expect(definition.closesAt).toBe('2026-03-16T10:00:00.000Z');
    expect(definition.limit).toEqual({ kind: 'per_device', perAddressPerDay: 20 });
    expect(definition.questions[0]).toMatchObject({
      kind: 'multiple',
      options: ['政务服务大厅', '网上办事大厅', '“浙里办”'],
      minSelections: 1,
      maxSelections: 2,
      required: true,
    });
    expect(definition.questions[1]).toMatchObject({ kind: 'scale', from: 1, to: 5, fromLabel: '很不满意' });
    expect(checkSurveyDefinition(definition)).toEqual([]);
  });

  it.each([
    ['an unreadable time', { opensAt: '2026-02-30T09:00' }, 'opensAt'],
    ['a number typed as words', { perAddressPerDay: '二十' }, 'limit.perAddressPerDay'],
  ])('leaves %s for the definition check to name', (_name, change, field) => {
    const { definition } = readSurveyInput({ ...INPUT, ...change }, ids);
    expect(checkSurveyDefinition(definition).map((issue) => issue.field)).toContain(field);
  });

  it('names an unknown question kind at its own block', () => {
    const { issues, definition } = readSurveyInput(
      { ...INPUT, questions: [BLANK_QUESTION, { ...BLANK_QUESTION, kind: 'matrix', title: '矩阵题' }] },
      ids,
    );
    expect(issues).toEqual([{ field: 'questions.1.kind', message: '第2题的题型无效，请重新选择。' }]);
    expect(definition.questions).toEqual([]);
  });

  it('puts the check’s issues beside the form block the question came from, options on the options box', () => {
    const { definition, blocks } = readSurveyInput(
      {
        ...INPUT,
        questions: [
          BLANK_QUESTION,
          { ...BLANK_QUESTION, title: '只有一个选项', options: '是' },
          BLANK_QUESTION,
          { ...BLANK_QUESTION, title: '重复', options: '是\n是' },
        ],
      },
      ids,
    );
    expect(onFormBlocks(checkSurveyDefinition(definition), blocks).map((issue) => issue.field)).toEqual([
      'questions.1.options',
      'questions.3.options',
    ]);
  });

  it('gives a stored survey back to the form as it was typed', () => {
    const { definition } = readSurveyInput(INPUT, ids);
    const again = readSurveyInput(surveyInputOf({ ...definition, orgId: 'o1' }), ids);
    expect(again.definition).toEqual(definition);
  });
});
