import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import {
  advanceMeeting,
  allowedMeetingActions,
  checkManualSelection,
  checkMeeting,
  checkRegistration,
  drawParticipants,
  isRegistrationOpen,
  latestHearingCloseOn,
  meetingCounts,
  NEW_MEETING,
  normaliseReceiptCode,
  receiptCodeFrom,
  type Meeting,
  type MeetingInput,
  type MeetingRegistration,
  type View,
} from './hearing.ts';

const INPUT: MeetingInput = {
  kind: 'hearing',
  title: '示范区养老服务补贴标准调整听证会',
  matter: '调整居家养老服务补贴标准',
  place: '示范区政务服务中心三楼会议室',
  startsAt: '2026-05-20T09:30',
  registrationOpensOn: '2026-04-20',
  registrationClosesOn: '2026-05-12',
  seats: '4',
  selectionMethod: 'random',
  selectionRule: '按支持、反对、其他意见分组随机抽选。',
  materials: '决策草案及起草说明',
  materialsLink: '/hdjl/zjyj/abc',
};

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fields.map((f) => `${f.field}: ${f.message}`);
    throw error;
  }
  return [];
};

describe('checkMeeting', () => {
  it.each<{ name: string; overrides: Partial<MeetingInput>; expected: string | null }>([
    { name: 'a hearing closing 8 days before', overrides: {}, expected: null },
    {
      name: 'a hearing closing 7 days before (no time to send the materials)',
      overrides: { registrationClosesOn: '2026-05-13' },
      expected: 'registrationClosesOn: 听证会材料应当于召开听证会7日前送达听证参加人',
    },
    {
      name: 'a symposium closing the day before',
      overrides: { kind: 'symposium', registrationClosesOn: '2026-05-19' },
      expected: null,
    },
    {
      name: 'a symposium closing on the day itself',
      overrides: { kind: 'symposium', registrationClosesOn: '2026-05-20' },
      expected: 'registrationClosesOn: 报名须在会议举行之前截止',
    },
    {
      name: 'registration closing before it opens',
      overrides: { registrationClosesOn: '2026-04-19' },
      expected: 'registrationClosesOn: 报名截止日期不能早于报名开始日期',
    },
    { name: 'a rolled-over date', overrides: { startsAt: '2026-02-30T09:00' }, expected: 'startsAt: 请按' },
    { name: 'no seats', overrides: { seats: '0' }, expected: 'seats: 参加人名额应为1至500' },
    { name: 'no published rule', overrides: { selectionRule: ' \u200b ' }, expected: 'selectionRule: 请公开说明' },
    { name: 'a script link', overrides: { materialsLink: 'javascript:alert(1)' }, expected: 'materialsLink: 材料链接' },
    { name: 'an unknown kind', overrides: { kind: 'party' }, expected: 'kind: 请选择会议类型' },
  ])('$name', ({ overrides, expected }) => {
    const issues = fieldsOf(() => checkMeeting({ ...INPUT, ...overrides }));
    if (expected === null) expect(issues).toEqual([]);
    else expect(issues.join('\n')).toContain(expected);
  });

  it('reads the start in China time', () => {
    expect(checkMeeting(INPUT).startsAt).toBe('2026-05-20T01:30:00.000Z');
    expect(latestHearingCloseOn('2026-05-20T01:30:00.000Z')).toBe('2026-05-12');
    // 00:30 China time on the 20th is still the 20th, though it is the 19th in UTC.
    expect(latestHearingCloseOn('2026-05-19T16:30:00.000Z')).toBe('2026-05-12');
  });
});

const meetingOf = (overrides: Partial<Meeting> = {}): Meeting => ({
  ...checkMeeting(INPUT),
  ...NEW_MEETING,
  id: 'm1',
  decisionId: 'd1',
  orgId: 'o1',
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
  ...overrides,
});

describe('advanceMeeting', () => {
  const AT = (iso: string) => new Date(iso);
  it.each<{
    name: string;
    meeting: Partial<Meeting>;
    action: Parameters<typeof advanceMeeting>[1];
    at: string;
    state: string | null;
    error?: string;
  }>([
    {
      name: 'announces a draft in time',
      meeting: {},
      action: { type: 'announce' },
      at: '2026-04-10T02:00:00Z',
      state: 'announced',
    },
    {
      name: 'announces a hearing on the last day there is time for',
      meeting: { registrationClosesOn: '2026-05-12' },
      action: { type: 'announce' },
      at: '2026-05-12T02:00:00Z',
      state: 'announced',
    },
    {
      name: 'refuses to announce a hearing 7 days before it',
      meeting: {},
      action: { type: 'announce' },
      at: '2026-05-13T02:00:00Z',
      state: null,
      error: 'validation_failed',
    },
    {
      name: 'refuses to close registration before its last day has passed',
      meeting: { state: 'announced' },
      action: { type: 'close' },
      at: '2026-05-12T15:59:00Z',
      state: null,
      error: 'invalid_transition',
    },
    {
      name: 'closes the day after',
      meeting: { state: 'announced' },
      action: { type: 'close' },
      at: '2026-05-12T16:00:00Z',
      state: 'closed',
    },
    {
      name: 'refuses attendance before the choice',
      meeting: { state: 'closed' },
      action: { type: 'attendance' },
      at: '2026-05-20T06:00:00Z',
      state: null,
      error: 'invalid_transition',
    },
    {
      name: 'refuses attendance before the meeting starts',
      meeting: { state: 'closed', selectedAt: '2026-05-13T02:00:00Z' },
      action: { type: 'attendance' },
      at: '2026-05-20T01:29:00Z',
      state: null,
      error: 'invalid_transition',
    },
    {
      name: 'records attendance after the choice',
      meeting: { state: 'closed', selectedAt: '2026-05-13T02:00:00Z' },
      action: { type: 'attendance' },
      at: '2026-05-20T06:00:00Z',
      state: 'held',
    },
    {
      name: 'refuses minutes without text',
      meeting: { state: 'held' },
      action: { type: 'minutes', minutes: '  ', viewsSummary: '' },
      at: '2026-05-21T06:00:00Z',
      state: null,
      error: 'validation_failed',
    },
    {
      name: 'publishes minutes of a held meeting',
      meeting: { state: 'held' },
      action: { type: 'minutes', minutes: '主持人宣布听证会开始。', viewsSummary: '多数支持' },
      at: '2026-05-21T06:00:00Z',
      state: 'minuted',
    },
    {
      name: 'refuses to cancel a held meeting',
      meeting: { state: 'held' },
      action: { type: 'cancel', reason: '场地原因' },
      at: '2026-05-21T06:00:00Z',
      state: null,
      error: 'invalid_transition',
    },
    {
      name: 'refuses a cancellation without a reason',
      meeting: { state: 'announced' },
      action: { type: 'cancel', reason: '' },
      at: '2026-05-01T06:00:00Z',
      state: null,
      error: 'validation_failed',
    },
    {
      name: 'cancels an announced meeting with a reason',
      meeting: { state: 'announced' },
      action: { type: 'cancel', reason: '决策事项调出目录' },
      at: '2026-05-01T06:00:00Z',
      state: 'cancelled',
    },
    {
      name: 'refuses to edit an announced meeting',
      meeting: { state: 'announced' },
      action: { type: 'edit' },
      at: '2026-05-01T06:00:00Z',
      state: null,
      error: 'invalid_transition',
    },
  ])('$name', ({ meeting, action, at, state, error }) => {
    const run = () => advanceMeeting(meetingOf(meeting), action, AT(at));
    if (state === null) {
      expect(run).toThrow(DomainError);
      try {
        run();
      } catch (e) {
        expect((e as DomainError).code).toBe(error);
      }
    } else expect(run().state).toBe(state);
  });

  it('offers every state its actions only', () => {
    const today = '2026-05-13';
    expect(allowedMeetingActions(meetingOf(), today)).toEqual(['edit', 'announce', 'cancel']);
    expect(allowedMeetingActions(meetingOf({ state: 'minuted' }), today)).toEqual([]);
    expect(allowedMeetingActions(meetingOf({ state: 'cancelled' }), today)).toEqual([]);
  });

  it.each([
    ['2026-04-19T15:59:59Z', false],
    ['2026-04-19T16:00:00Z', true],
    ['2026-05-12T15:59:59Z', true],
    ['2026-05-12T16:00:00Z', false],
  ])('registration open at %s: %s (China days, both ends inclusive)', (at, open) => {
    expect(isRegistrationOpen(meetingOf({ state: 'announced' }), new Date(at))).toBe(open);
  });
});

const registrants = (views: View[]): Pick<MeetingRegistration, 'id' | 'createdAt' | 'view'>[] =>
  views.map((view, i) => ({
    id: `r${String(i).padStart(2, '0')}`,
    createdAt: `2026-04-2${i % 10}T00:00:00.000Z`,
    view,
  }));

describe('drawParticipants', () => {
  const MANY: View[] = [
    'support',
    'support',
    'support',
    'support',
    'support',
    'support',
    'oppose',
    'oppose',
    'other',
    'support',
  ];
  it('repeats the same draw from the same seed', () => {
    const first = drawParticipants(registrants(MANY), 4, 'random', 'seed-a');
    expect(drawParticipants(registrants(MANY), 4, 'random', 'seed-a')).toEqual(first);
    expect(first).toHaveLength(4);
  });
  it('gives another draw from another seed', () => {
    const draws = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => drawParticipants(registrants(MANY), 4, 'random', s).join()),
    );
    expect(draws.size).toBeGreaterThan(1);
  });
  it.each<{ seats: number; support: number; oppose: number; other: number }>([
    { seats: 3, support: 1, oppose: 1, other: 1 },
    { seats: 4, support: 2, oppose: 1, other: 1 },
    { seats: 5, support: 2, oppose: 2, other: 1 },
    { seats: 6, support: 3, oppose: 2, other: 1 },
    { seats: 20, support: 7, oppose: 2, other: 1 },
  ])('deals $seats seats to the views in turn (every side represented)', ({ seats, ...expected }) => {
    for (const seed of ['x', 'y', 'z']) {
      const list = registrants(MANY);
      const chosen = drawParticipants(list, seats, 'random', seed);
      const byView = (v: View) => chosen.filter((id) => list.find((r) => r.id === id)!.view === v).length;
      // With 4 seats the fourth goes to whichever view the seed puts first; only supporters have more.
      if (seats === 4) expect(byView('support') + byView('oppose') + byView('other')).toBe(4);
      else expect({ support: byView('support'), oppose: byView('oppose'), other: byView('other') }).toEqual(expected);
    }
  });
  it('takes the earliest registrants of each view when the rule is the order of registration', () => {
    const list = registrants(['support', 'support', 'oppose', 'support', 'oppose']);
    expect(new Set(drawParticipants(list, 4, 'order', 'any'))).toEqual(new Set(['r00', 'r01', 'r02', 'r04']));
  });
});

describe('registrations', () => {
  it.each<{ name: string; input: Partial<Parameters<typeof checkRegistration>[0]>; expected: string | null }>([
    { name: 'a mobile number', input: {}, expected: null },
    { name: 'an e-mail address', input: { contact: 'Wang.Fang@example.cn' }, expected: null },
    {
      name: 'a landline',
      input: { contact: '010-12345678' },
      expected: 'contact: 联系方式应为11位手机号码或电子邮箱地址',
    },
    { name: 'no view', input: { view: '' }, expected: 'view: 请选择您对议题的基本态度' },
    {
      name: 'an unknown kind of stakeholder',
      input: { stakeholder: 'official' },
      expected: 'stakeholder: 请选择您的身份类别',
    },
    {
      name: 'a long statement',
      input: { statement: '长'.repeat(501) },
      expected: 'statement: 内容过长，请控制在500字以内',
    },
  ])('$name', ({ input, expected }) => {
    const issues = fieldsOf(() =>
      checkRegistration({
        name: '王芳',
        contact: '13800000000',
        stakeholder: 'affected',
        view: 'support',
        statement: '赞成',
        ...input,
      }),
    );
    if (expected === null) expect(issues).toEqual([]);
    else expect(issues.join('\n')).toContain(expected);
  });

  it('refuses a manual choice past the seats or without a reason', () => {
    const ids = new Set(['a', 'b', 'c']);
    expect(fieldsOf(() => checkManualSelection(['a', 'b', 'c'], ids, 2, '理由'))).toEqual([
      'chosen: 勾选的人数超过了名额（2人）。',
    ]);
    expect(fieldsOf(() => checkManualSelection(['a', 'z'], ids, 2, '理由'))).toEqual([
      'chosen: 勾选的报名人不属于本次会议。',
    ]);
    expect(fieldsOf(() => checkManualSelection(['a'], ids, 2, ' '))).toEqual(['selectionReason: 请填写理由。']);
    expect(checkManualSelection(['a', 'a', 'b'], ids, 2, '专家名额').chosen).toEqual(['a', 'b']);
  });

  it('counts registrants, chosen and attendees by view', () => {
    const counts = meetingCounts([
      { view: 'support', status: 'selected', attendance: 'attended' },
      { view: 'support', status: 'not_selected', attendance: null },
      { view: 'oppose', status: 'selected', attendance: 'absent' },
    ]);
    expect(counts).toMatchObject({ registrants: 3, selected: 2, attended: 1 });
    expect(counts.byView.oppose).toEqual({ registrants: 1, selected: 1, attended: 0 });
  });

  it('makes and reads back receipt codes', () => {
    const code = receiptCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toBe('TZ-23456-789AB');
    expect(normaliseReceiptCode(' tz23456 789ab ')).toBe(code);
  });
});
