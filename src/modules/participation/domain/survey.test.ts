import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import {
  acceptsAnswers,
  allowedSurveyActions,
  assertAcceptsAnswers,
  checkSurveyDefinition,
  checkSurveyPublication,
  closeSurvey,
  duplicateAnswerCheck,
  parseAnswers,
  publishSurvey,
  requireAnswers,
  requireSurveyAction,
  surveyPhase,
  tallySurvey,
  type LimitPolicy,
  type PostedAnswers,
  type PriorAnswers,
  type Survey,
  type SurveyAction,
  type SurveyAnswer,
  type SurveyPhase,
  type SurveyQuestion,
  type SurveyState,
} from './survey.ts';

/** A district's satisfaction survey, open 2026-03-02 00:00 until 2026-03-16 00:00, China time. */
const SURVEY: Survey = {
  id: 's1',
  orgId: 'o1',
  state: 'published',
  title: '2026年示范区政务服务满意度调查',
  description: '为改进政务服务，现开展网络调查。答卷不记录姓名，结果将在本网站公布。',
  opensAt: '2026-03-01T16:00:00.000Z',
  closesAt: '2026-03-15T16:00:00.000Z',
  limit: { kind: 'per_device', perAddressPerDay: 20 },
  questions: [
    {
      id: 'channel',
      kind: 'single',
      title: '您通常通过哪种渠道办理业务？',
      required: true,
      options: ['窗口', '网上', '自助终端'],
    },
    {
      id: 'topics',
      kind: 'multiple',
      title: '您最关注哪些公开内容？',
      required: false,
      options: ['财政预决算', '重大建设项目', '公共资源交易', '教育', '医疗卫生'],
      minSelections: 1,
      maxSelections: 3,
    },
    {
      id: 'rating',
      kind: 'scale',
      title: '您对办事体验的总体评价',
      required: true,
      from: 1,
      to: 5,
      fromLabel: '非常不满意',
      toLabel: '非常满意',
    },
    { id: 'advice', kind: 'text', title: '您的意见和建议', required: false, maxLength: 500 },
  ],
};

const DRAFT: Survey = { ...SURVEY, state: 'draft' };
const BEFORE = new Date('2026-02-20T02:00:00Z');
const DURING = new Date('2026-03-05T02:00:00Z');
const AFTER = new Date('2026-03-20T02:00:00Z');

/** The survey with question `index` changed. */
function withQuestion(index: number, change: Partial<SurveyQuestion>): Survey {
  return {
    ...SURVEY,
    questions: SURVEY.questions.map((q, i) => (i === index ? ({ ...q, ...change } as SurveyQuestion) : q)),
  };
}

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('checkSurveyDefinition', () => {
  it('accepts a complete survey', () => {
    expect(checkSurveyDefinition(SURVEY)).toEqual([]);
  });

  const cases: { name: string; survey: Survey; issues: [string, string][] }[] = [
    {
      name: 'refuses a survey with no title and no question',
      survey: { ...SURVEY, title: ' \u200b ', questions: [] },
      issues: [
        ['title', '请填写调查标题。'],
        ['questions', '请至少添加一个问题。'],
      ],
    },
    {
      name: 'refuses a title and description over their limits',
      survey: { ...SURVEY, title: '调'.repeat(101), description: '说'.repeat(2001) },
      issues: [
        ['title', '调查标题不能超过100个字。'],
        ['description', '调查说明不能超过2000个字。'],
      ],
    },
    {
      name: 'refuses an end not after the start',
      survey: { ...SURVEY, closesAt: SURVEY.opensAt },
      issues: [['closesAt', '结束时间应晚于开始时间。']],
    },
    {
      name: 'refuses instants that are not real or not written as stored (2026-02-30 would roll into March)',
      survey: { ...SURVEY, opensAt: '2026-02-30T00:00:00.000Z', closesAt: '2026-03-15 16:00' },
      issues: [
        ['opensAt', '开始时间无效，请重新选择。'],
        ['closesAt', '结束时间无效，请重新选择。'],
      ],
    },
    {
      name: 'refuses a per-address allowance that is not 1 to 1000',
      survey: { ...SURVEY, limit: { kind: 'per_device', perAddressPerDay: 0 } },
      issues: [['limit.perAddressPerDay', '同一网络地址每天可提交的答卷数应为1至1000之间的整数。']],
    },
    {
      name: 'refuses a fractional per-address allowance',
      survey: { ...SURVEY, limit: { kind: 'per_device', perAddressPerDay: 2.5 } },
      issues: [['limit.perAddressPerDay', '同一网络地址每天可提交的答卷数应为1至1000之间的整数。']],
    },
    {
      name: 'refuses more than 50 questions with one issue, not 51',
      survey: {
        ...SURVEY,
        questions: Array.from({ length: 51 }, (_, i) => ({ ...SURVEY.questions[3]!, id: `q${i}`, title: '' })),
      },
      issues: [['questions', '一次调查最多50个问题，请精简或分成几次调查。']],
    },
    {
      name: 'refuses a question id that is a prototype key, and a repeated id',
      survey: {
        ...SURVEY,
        questions: [
          { ...SURVEY.questions[0]!, id: '__proto__' },
          SURVEY.questions[1]!,
          { ...SURVEY.questions[2]!, id: 'topics' },
        ],
      },
      issues: [
        ['questions.0.id', '第1题的编号无效，请删除该题后重新添加。'],
        ['questions.2.id', '第3题的编号与前面的题目重复，请删除该题后重新添加。'],
      ],
    },
    {
      name: 'refuses a question without a title',
      survey: withQuestion(3, { title: '' }),
      issues: [['questions.3.title', '请填写第4题的题目。']],
    },
    {
      name: 'refuses a choice question with one option',
      survey: withQuestion(0, { options: ['窗口'] }),
      issues: [['questions.0.options', '第1题至少需要两个选项。']],
    },
    {
      name: 'refuses blank and repeated options, compared as a reader sees them',
      survey: withQuestion(0, { options: ['窗口', ' 窗口 ', '', 'APP', 'ＡＰＰ'] }),
      issues: [
        ['questions.0.options.1', '第1题的选项“窗口”重复了。'],
        ['questions.0.options.2', '第1题的第3个选项是空的，请填写或删除。'],
        ['questions.0.options.4', '第1题的选项“ＡＰＰ”重复了。'],
      ],
    },
    {
      name: 'refuses more than 30 options',
      survey: withQuestion(0, { options: Array.from({ length: 31 }, (_, i) => `选项${i + 1}`) }),
      issues: [['questions.0.options', '第1题最多30个选项。']],
    },
    {
      name: 'refuses a multiple choice whose minimum is above its maximum',
      survey: withQuestion(1, { minSelections: 3, maxSelections: 2 }),
      issues: [['questions.1.minSelections', '第2题的“最少选择几项”不能大于“最多选择几项”。']],
    },
    {
      name: 'refuses a multiple choice allowing more choices than it has options',
      survey: withQuestion(1, { minSelections: 1, maxSelections: 6 }),
      issues: [['questions.1.maxSelections', '第2题的“最多选择几项”不能超过选项个数（5个）。']],
    },
    {
      name: 'refuses a minimum of zero and a fractional maximum',
      survey: withQuestion(1, { minSelections: 0, maxSelections: 1.5 }),
      issues: [
        ['questions.1.minSelections', '第2题的“最少选择几项”应为不小于1的整数。'],
        ['questions.1.maxSelections', '第2题的“最多选择几项”应为不小于1的整数。'],
      ],
    },
    {
      name: 'refuses a scale running backwards',
      survey: withQuestion(2, { from: 5, to: 1 }),
      issues: [['questions.2.to', '第3题的量表分值应为整数，起点不小于0，终点大于起点。']],
    },
    {
      name: 'refuses a scale of one point',
      survey: withQuestion(2, { from: 3, to: 3 }),
      issues: [['questions.2.to', '第3题的量表分值应为整数，起点不小于0，终点大于起点。']],
    },
    {
      name: 'refuses a scale below zero or with fractional ends',
      survey: withQuestion(2, { from: -1, to: 4.5 }),
      issues: [
        ['questions.2.from', '第3题的量表分值应为整数，起点不小于0，终点大于起点。'],
        ['questions.2.to', '第3题的量表分值应为整数，起点不小于0，终点大于起点。'],
      ],
    },
    {
      name: 'refuses a scale of 12 points (0 to 11)',
      survey: withQuestion(2, { from: 0, to: 11 }),
      issues: [['questions.2.to', '第3题的量表最多11个分值（例如0至10）。']],
    },
    {
      name: 'refuses a scale whose ends say nothing, or too much',
      survey: withQuestion(2, { fromLabel: ' ', toLabel: '非常非常非常非常非常非常非常非常满意啊啊啊' }),
      issues: [
        ['questions.2.fromLabel', '请填写第3题量表两端的说明（例如“非常不满意”和“非常满意”）。'],
        ['questions.2.toLabel', '第3题量表两端的说明不能超过20个字。'],
      ],
    },
    {
      name: 'refuses a text limit of zero',
      survey: withQuestion(3, { maxLength: 0 }),
      issues: [['questions.3.maxLength', '第4题的字数上限应为1至5000之间的整数。']],
    },
    {
      name: 'refuses a text limit over 5000',
      survey: withQuestion(3, { maxLength: 5001 }),
      issues: [['questions.3.maxLength', '第4题的字数上限应为1至5000之间的整数。']],
    },
  ];

  it.each(cases)('$name', ({ survey, issues }) => {
    expect(checkSurveyDefinition(survey).map((i) => [i.field, i.message])).toEqual(issues);
  });

  it.each([
    [0, 10],
    [1, 5],
    [1, 2],
  ])('accepts a scale of %i to %i', (from, to) => {
    expect(checkSurveyDefinition(withQuestion(2, { from, to }))).toEqual([]);
  });
});

describe('checkSurveyPublication', () => {
  it('accepts a survey whose end is still to come', () => {
    expect(checkSurveyPublication(DRAFT, BEFORE)).toEqual([]);
  });

  it('refuses to publish a survey already over', () => {
    expect(checkSurveyPublication(DRAFT, AFTER)).toEqual([
      { field: 'closesAt', message: '结束时间已过，请修改结束时间后再发布。' },
    ]);
  });

  it('says only once what is wrong with an unreadable end', () => {
    expect(checkSurveyPublication({ ...DRAFT, closesAt: 'x' }, AFTER).map((i) => i.field)).toEqual(['closesAt']);
  });
});

describe('surveyPhase and acceptsAnswers', () => {
  it.each<[SurveyState, string, SurveyPhase, boolean]>([
    ['draft', '2026-03-05T02:00:00Z', 'draft', false],
    ['published', '2026-03-01T15:59:59.999Z', 'upcoming', false],
    // Opening is inclusive: the first instant of 2 March, China time.
    ['published', '2026-03-01T16:00:00.000Z', 'open', true],
    ['published', '2026-03-15T15:59:59.999Z', 'open', true],
    // Closing is exclusive: the first instant of 16 March, China time.
    ['published', '2026-03-15T16:00:00.000Z', 'closed', false],
    ['closed', '2026-03-05T02:00:00Z', 'closed', false],
  ])('%s at %s is %s', (state, now, phase, accepts) => {
    expect(surveyPhase({ ...SURVEY, state }, new Date(now))).toBe(phase);
    expect(acceptsAnswers({ ...SURVEY, state }, new Date(now))).toBe(accepts);
  });

  it('never reads a survey with an unreadable period as open', () => {
    expect(surveyPhase({ ...SURVEY, opensAt: 'x', closesAt: 'y' }, DURING)).toBe('closed');
  });
});

describe('assertAcceptsAnswers', () => {
  it('lets an answer through while the survey is open', () => {
    expect(() => assertAcceptsAnswers(SURVEY, DURING)).not.toThrow();
  });

  it.each<[string, Survey, Date, string]>([
    ['a draft', DRAFT, DURING, '本次调查尚未开始，暂不接收答卷。'],
    ['a survey not yet open', SURVEY, BEFORE, '本次调查将于2026-03-02 00:00开始，请届时参加。'],
    ['a survey past its end', SURVEY, AFTER, '本次调查已于2026-03-16 00:00结束，不再接收答卷。感谢您的关注。'],
    [
      'a survey closed early',
      { ...SURVEY, state: 'closed', closesAt: '2026-03-04T02:30:00.000Z' },
      DURING,
      '本次调查已于2026-03-04 10:30结束，不再接收答卷。感谢您的关注。',
    ],
  ])('refuses an answer to %s, saying when', (_, survey, now, message) => {
    const error = caught(() => assertAcceptsAnswers(survey, now));
    expect([error.code, error.status, error.message]).toEqual(['invalid_transition', 409, message]);
  });
});

describe('survey actions', () => {
  it.each<[SurveyPhase, SurveyAction[]]>([
    ['draft', ['edit', 'publish']],
    ['upcoming', ['edit', 'close']],
    ['open', ['close']],
    ['closed', []],
  ])('%s allows %j', (phase, actions) => {
    expect(allowedSurveyActions(phase)).toEqual(actions);
  });

  it('refuses editing the questions once answers can have been given, naming the phase', () => {
    const error = caught(() => requireSurveyAction(SURVEY, DURING, 'edit'));
    expect([error.code, error.message]).toEqual(['invalid_transition', '该调查当前为“进行中”，不能执行此操作。']);
  });

  it('publishes a draft that passes the checks', () => {
    expect(publishSurvey(DRAFT, BEFORE).state).toBe('published');
  });

  it('refuses to publish a draft with problems, giving the fields', () => {
    const error = caught(() => publishSurvey({ ...DRAFT, questions: [] }, BEFORE));
    expect([error.code, error.fields]).toEqual([
      'validation_failed',
      [{ field: 'questions', message: '请至少添加一个问题。' }],
    ]);
  });

  it('refuses to publish twice', () => {
    expect(caught(() => publishSurvey(SURVEY, BEFORE)).code).toBe('invalid_transition');
  });

  it('closes an open survey early, its end becoming the moment of closing', () => {
    const closed = closeSurvey(SURVEY, DURING);
    expect([closed.state, closed.closesAt]).toEqual(['closed', '2026-03-05T02:00:00.000Z']);
    expect(acceptsAnswers(closed, DURING)).toBe(false);
  });

  it('refuses to close a survey already over', () => {
    expect(caught(() => closeSurvey(SURVEY, AFTER)).code).toBe('invalid_transition');
  });
});

/** A complete answer sheet as the form posts it. */
const POSTED = {
  _csrf: 'token',
  channel: '1',
  topics: ['3', '0'],
  rating: '4',
  advice: '  窗口排队时间长，\r\n建议增加自助终端。  ',
};

describe('parseAnswers', () => {
  it('normalises a complete sheet, in question order, ignoring fields that are not questions', () => {
    expect(parseAnswers(SURVEY, POSTED)).toEqual({
      ok: true,
      answers: [
        { questionId: 'channel', kind: 'single', option: 1 },
        { questionId: 'topics', kind: 'multiple', options: [0, 3] },
        { questionId: 'rating', kind: 'scale', value: 4 },
        { questionId: 'advice', kind: 'text', text: '窗口排队时间长，\n建议增加自助终端。' },
      ],
    });
  });

  it('leaves out optional questions left blank, including the empty field of an unticked group', () => {
    expect(parseAnswers(SURVEY, { channel: '0', topics: [''], rating: '1', advice: ' \u3000\r\n' })).toEqual({
      ok: true,
      answers: [
        { questionId: 'channel', kind: 'single', option: 0 },
        { questionId: 'rating', kind: 'scale', value: 1 },
      ],
    });
  });

  it('takes one ticked box posted as a plain string as that one choice', () => {
    const result = parseAnswers(SURVEY, { ...POSTED, topics: '2' });
    expect(result.ok && result.answers[1]).toEqual({ questionId: 'topics', kind: 'multiple', options: [2] });
  });

  it('takes a single value posted as an array of one', () => {
    const result = parseAnswers(SURVEY, { ...POSTED, channel: ['2'], rating: [' 5 '] });
    expect(result.ok && [result.answers[0], result.answers[2]]).toEqual([
      { questionId: 'channel', kind: 'single', option: 2 },
      { questionId: 'rating', kind: 'scale', value: 5 },
    ]);
  });

  it('never takes prototype keys for answers', () => {
    const posted = JSON.parse('{"__proto__": "1", "constructor": "2", "channel": "0", "rating": "3"}') as PostedAnswers;
    expect(parseAnswers(SURVEY, posted).ok).toBe(true);
    const keyed: Survey = {
      ...SURVEY,
      questions: [
        { ...SURVEY.questions[0]!, id: 'constructor' },
        { ...SURVEY.questions[3]!, id: 'toString' },
      ],
    };
    expect(parseAnswers(keyed, {})).toEqual({
      ok: false,
      issues: [{ field: 'answers.constructor', message: '第1题为必答题，请作答。' }],
    });
  });

  it('counts a line break once, as the textarea’s maxlength does', () => {
    const result = parseAnswers(SURVEY, { ...POSTED, advice: '意\r\n'.repeat(250) });
    expect(result.ok && result.answers[3]).toEqual({
      questionId: 'advice',
      kind: 'text',
      text: '意\n'.repeat(250).trimEnd(),
    });
  });

  it('removes invisible and control characters from text', () => {
    const result = parseAnswers(SURVEY, { ...POSTED, advice: '建议\u0000公开\u202e进度\u200b' });
    expect(result.ok && result.answers[3]).toEqual({ questionId: 'advice', kind: 'text', text: '建议公开进度' });
  });

  it('accepts text of exactly the limit', () => {
    expect(parseAnswers(SURVEY, { ...POSTED, advice: '字'.repeat(500) }).ok).toBe(true);
  });

  const hostile: { name: string; change: Record<string, unknown>; issue: [string, string] }[] = [
    {
      name: 'a required choice missing',
      change: { channel: undefined },
      issue: ['channel', '第1题为必答题，请作答。'],
    },
    { name: 'a required choice blank', change: { channel: '' }, issue: ['channel', '第1题为必答题，请作答。'] },
    { name: 'two values for one choice', change: { channel: ['0', '1'] }, issue: ['channel', '第1题只能选择一项。'] },
    {
      name: 'the same value twice for one choice',
      change: { channel: ['1', '1'] },
      issue: ['channel', '第1题只能选择一项。'],
    },
    {
      name: 'an option not offered',
      change: { channel: '3' },
      issue: ['channel', '第1题的选择不在选项之中，请重新选择。'],
    },
    {
      name: 'an option’s label instead of its position',
      change: { channel: '窗口' },
      issue: ['channel', '第1题的选择不在选项之中，请重新选择。'],
    },
    ...['-1', '01', '1.0', '1e0', '0x1', '１'].map((value) => ({
      name: `a position written ${value}`,
      change: { channel: value },
      issue: ['channel', '第1题的选择不在选项之中，请重新选择。'] as [string, string],
    })),
    {
      name: 'a number, not a string',
      change: { channel: 1 },
      issue: ['channel', '第1题的回答格式不正确，请重新作答。'],
    },
    { name: 'an object', change: { channel: { 0: '1' } }, issue: ['channel', '第1题的回答格式不正确，请重新作答。'] },
    {
      name: 'an array holding a non-string',
      change: { topics: ['0', ['1']] },
      issue: ['topics', '第2题的回答格式不正确，请重新作答。'],
    },
    {
      name: 'a multiple choice repeating an option',
      change: { topics: ['0', '0'] },
      issue: ['topics', '第2题有重复提交的选项，请重新选择。'],
    },
    {
      name: 'a multiple choice over its maximum',
      change: { topics: ['0', '1', '2', '3'] },
      issue: ['topics', '第2题最多选择3项。'],
    },
    {
      name: 'a multiple choice of an option not offered',
      change: { topics: ['0', '5'] },
      issue: ['topics', '第2题的选择不在选项之中，请重新选择。'],
    },
    {
      name: 'a multiple choice of 10,000 values',
      change: { topics: Array.from({ length: 10_000 }, (_, i) => String(i % 5)) },
      issue: ['topics', '第2题有重复提交的选项，请重新选择。'],
    },
    {
      name: 'a scale point of 0 on 1..5',
      change: { rating: '0' },
      issue: ['rating', '第3题请在1至5之间选择一个分值。'],
    },
    {
      name: 'a scale point of 6 on 1..5',
      change: { rating: '6' },
      issue: ['rating', '第3题请在1至5之间选择一个分值。'],
    },
    { name: 'a half point', change: { rating: '3.5' }, issue: ['rating', '第3题请在1至5之间选择一个分值。'] },
    { name: 'two scale points', change: { rating: ['3', '4'] }, issue: ['rating', '第3题只能选择一项。'] },
    {
      name: '10,000 characters of text',
      change: { advice: '长'.repeat(10_000) },
      issue: ['advice', '第4题的回答不能超过500个字（现在是10000个字），请精简后提交。'],
    },
    {
      name: 'two texts for one question',
      change: { advice: ['甲', '乙'] },
      issue: ['advice', '第4题只能填写一段文字。'],
    },
  ];

  it.each(hostile)('refuses $name', ({ change, issue }) => {
    expect(parseAnswers(SURVEY, { ...POSTED, ...change })).toEqual({
      ok: false,
      issues: [{ field: `answers.${issue[0]}`, message: issue[1] }],
    });
  });

  it.each<[number, number, string[], string]>([
    [2, 3, ['0'], '第2题至少选择2项。'],
    [2, 2, ['0'], '第2题须选择2项。'],
    [2, 2, ['0', '1', '2'], '第2题须选择2项。'],
  ])('holds a multiple choice of %i to %i to its bounds (%j)', (minSelections, maxSelections, topics, message) => {
    const survey = withQuestion(1, { minSelections, maxSelections });
    expect(parseAnswers(survey, { ...POSTED, topics })).toEqual({
      ok: false,
      issues: [{ field: 'answers.topics', message }],
    });
  });

  it('gives one issue per question at fault, in question order', () => {
    const result = parseAnswers(SURVEY, { topics: ['9'], rating: '6', advice: '长'.repeat(501) });
    expect(result.ok || result.issues.map((i) => i.field)).toEqual([
      'answers.channel',
      'answers.topics',
      'answers.rating',
      'answers.advice',
    ]);
  });

  it('treats whitespace alone as no answer to a required text', () => {
    const survey = withQuestion(3, { required: true });
    expect(parseAnswers(survey, { ...POSTED, advice: '\u3000 \t' })).toEqual({
      ok: false,
      issues: [{ field: 'answers.advice', message: '第4题为必答题，请作答。' }],
    });
  });

  it('never throws, whatever is posted', () => {
    const values: unknown[] = [null, true, 0, NaN, {}, [[]], [null], ['0', {}], 'x'.repeat(100_000), Symbol('s')];
    for (const value of values) {
      const posted: PostedAnswers = { channel: value, topics: value, rating: value, advice: value };
      expect(() => parseAnswers(SURVEY, posted)).not.toThrow();
    }
  });
});

describe('requireAnswers', () => {
  it('returns the answers of a valid sheet', () => {
    expect(requireAnswers(SURVEY, POSTED)).toHaveLength(4);
  });

  it('throws validation_failed with the fields at fault', () => {
    const error = caught(() => requireAnswers(SURVEY, { ...POSTED, rating: '0' }));
    expect(isDomainError(error, 'validation_failed')).toBe(true);
    expect(error.fields).toEqual([{ field: 'answers.rating', message: '第3题请在1至5之间选择一个分值。' }]);
  });
});

describe('tallySurvey', () => {
  const sheet = (posted: Record<string, unknown>): SurveyAnswer[] => requireAnswers(SURVEY, posted);

  it('counts every option and point in order, zeros included', () => {
    const sheets = [
      sheet({ channel: '0', topics: ['0', '1'], rating: '5', advice: '很好' }),
      sheet({ channel: '0', topics: ['1'], rating: '4' }),
      sheet({ channel: '1', rating: '4', advice: '希望延长办理时间' }),
    ];
    expect(tallySurvey(SURVEY, sheets)).toEqual({
      respondents: 3,
      unmatched: 0,
      questions: [
        {
          questionId: 'channel',
          kind: 'single',
          respondents: 3,
          counts: [
            { option: 0, label: '窗口', count: 2 },
            { option: 1, label: '网上', count: 1 },
            { option: 2, label: '自助终端', count: 0 },
          ],
        },
        {
          questionId: 'topics',
          kind: 'multiple',
          respondents: 2,
          counts: [
            { option: 0, label: '财政预决算', count: 1 },
            { option: 1, label: '重大建设项目', count: 2 },
            { option: 2, label: '公共资源交易', count: 0 },
            { option: 3, label: '教育', count: 0 },
            { option: 4, label: '医疗卫生', count: 0 },
          ],
        },
        {
          questionId: 'rating',
          kind: 'scale',
          respondents: 3,
          counts: [
            { point: 1, count: 0 },
            { point: 2, count: 0 },
            { point: 3, count: 0 },
            { point: 4, count: 2 },
            { point: 5, count: 1 },
          ],
          mean: 4.3,
        },
        { questionId: 'advice', kind: 'text', respondents: 2 },
      ],
    });
  });

  it('tallies no sheets as zeros with no mean', () => {
    const tally = tallySurvey(SURVEY, []);
    expect(tally.respondents).toBe(0);
    expect(tally.questions[2]).toEqual({
      questionId: 'rating',
      kind: 'scale',
      respondents: 0,
      counts: [1, 2, 3, 4, 5].map((point) => ({ point, count: 0 })),
      mean: null,
    });
  });

  it.each<[string, number[], number]>([
    ['1, 2', [1, 2], 1.5],
    ['1, 1, 2', [1, 1, 2], 1.3],
    ['1, 2, 2, 2', [1, 2, 2, 2], 1.8],
    // 23 / 20 = 1.15, which (1.15).toFixed(1) would show as 1.1.
    ['seventeen 1s and three 2s', [...Array<number>(17).fill(1), 2, 2, 2], 1.2],
    ['5, 5, 4', [5, 5, 4], 4.7],
  ])('gives the mean of %s to one decimal, half up', (_, points, mean) => {
    const sheets = points.map((point) => sheet({ channel: '0', rating: String(point) }));
    const rating = tallySurvey(SURVEY, sheets).questions[2];
    expect(rating?.kind === 'scale' && rating.mean).toBe(mean);
  });

  it('leaves out, and counts, answers that fit no question', () => {
    const sheets: SurveyAnswer[][] = [
      [
        { questionId: 'channel', kind: 'single', option: 7 },
        { questionId: 'channel', kind: 'scale', value: 1 },
        { questionId: 'gone', kind: 'text', text: '旧题目' },
        { questionId: 'topics', kind: 'multiple', options: [1, 1] },
        { questionId: 'rating', kind: 'scale', value: 0 },
        { questionId: 'rating', kind: 'scale', value: 3 },
      ],
    ];
    const tally = tallySurvey(SURVEY, sheets);
    expect(tally.unmatched).toBe(5);
    expect(tally.questions.map((q) => q.respondents)).toEqual([0, 0, 1, 0]);
  });

  it('agrees with a count taken directly over the stored answers', () => {
    // 500 sheets from a fixed pseudo-random sequence (Park and Miller's generator, seed 2026).
    let seed = 2026;
    const next = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % n;
    };
    const sheets = Array.from({ length: 500 }, () =>
      sheet({
        channel: String(next(3)),
        topics: next(4) === 0 ? [] : [...new Set([next(5), next(5), next(5)])].map(String),
        rating: String(1 + next(5)),
        advice: next(3) === 0 ? '建议' : '',
      }),
    );
    const answers = sheets.flat();
    const tally = tallySurvey(SURVEY, sheets);
    for (const question of tally.questions) {
      const stored = answers.filter((a) => a.questionId === question.questionId);
      expect(question.respondents).toBe(stored.length);
      if (question.kind === 'single') {
        for (const { option, count } of question.counts) {
          expect(count).toBe(stored.filter((a) => a.kind === 'single' && a.option === option).length);
        }
      }
      if (question.kind === 'multiple') {
        for (const { option, count } of question.counts) {
          expect(count).toBe(stored.filter((a) => a.kind === 'multiple' && a.options.includes(option)).length);
        }
      }
      if (question.kind === 'scale') {
        for (const { point, count } of question.counts) {
          expect(count).toBe(stored.filter((a) => a.kind === 'scale' && a.value === point).length);
        }
        const sum = stored.reduce((total, a) => total + (a.kind === 'scale' ? a.value : 0), 0);
        expect(Math.abs(question.mean! - sum / stored.length)).toBeLessThanOrEqual(0.05);
      }
    }
    expect(tally.respondents).toBe(500);
  });
});

describe('duplicateAnswerCheck', () => {
  const ONE_PER_PERSON: LimitPolicy = { kind: 'one_per_person' };
  const PER_DEVICE: LimitPolicy = { kind: 'per_device', perAddressPerDay: 20 };
  const FIRST: PriorAnswers = { byPerson: 0, byDevice: 0, fromAddressToday: 0 };

  it.each<[string, LimitPolicy, Partial<PriorAnswers>, string | null]>([
    ['a verified person’s first answer', ONE_PER_PERSON, {}, null],
    [
      'an unverified person',
      ONE_PER_PERSON,
      { byPerson: null },
      '本次调查每人限答一次，请先验证您的电子邮箱或手机号码。',
    ],
    ['a person’s second answer', ONE_PER_PERSON, { byPerson: 1 }, '您已参加过本次调查，每人只能提交一次。'],
    ['a person on a busy address and a used device', ONE_PER_PERSON, { byDevice: 3, fromAddressToday: 500 }, null],
    ['a device’s first answer', PER_DEVICE, { byPerson: null }, null],
    ['the 20th answer from an address today', PER_DEVICE, { fromAddressToday: 19 }, null],
    [
      'the 21st answer from an address today',
      PER_DEVICE,
      { fromAddressToday: 20 },
      '同一网络地址每天最多提交20份答卷，请明天再参加。',
    ],
    ['a device’s second answer', PER_DEVICE, { byDevice: 1 }, '这台设备已参加过本次调查，每台设备只能提交一次。'],
    [
      'an address past its own allowance of 5',
      { kind: 'per_device', perAddressPerDay: 5 },
      { fromAddressToday: 5 },
      '同一网络地址每天最多提交5份答卷，请明天再参加。',
    ],
  ])('%s', (_, policy, prior, message) => {
    const check = duplicateAnswerCheck(policy, { ...FIRST, ...prior });
    expect(check.accepted ? null : check.message).toBe(message);
  });

  it.each<[LimitPolicy, Partial<PriorAnswers>, string]>([
    [ONE_PER_PERSON, { byPerson: null }, 'forbidden'],
    [ONE_PER_PERSON, { byPerson: 2 }, 'conflict'],
    [PER_DEVICE, { byDevice: 1 }, 'conflict'],
    [PER_DEVICE, { fromAddressToday: 20 }, 'rate_limited'],
  ])('refuses %j after %j with %s', (policy, prior, code) => {
    const check = duplicateAnswerCheck(policy, { ...FIRST, ...prior });
    expect(check.accepted || check.code).toBe(code);
  });
});
