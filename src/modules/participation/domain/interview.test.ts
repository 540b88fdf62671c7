import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import {
  checkEntry,
  checkInterview,
  checkMedia,
  checkPhoto,
  checkQuestion,
  checkQuestionRate,
  interviewSection,
  isOpenForQuestions,
  nextInterviewState,
  type InterviewAction,
  type InterviewQuestion,
  type InterviewState,
} from './interview.ts';

const STATES: InterviewState[] = ['draft', 'scheduled', 'live', 'ended', 'cancelled'];
const ACTIONS: InterviewAction[] = [
  'edit',
  'publish',
  'go_live',
  'end',
  'cancel',
  'add_entry',
  'moderate',
  'add_media',
];

/** Every state × action written out: the state it leads to, or null when refused. */
const TABLE: Record<InterviewState, Record<InterviewAction, InterviewState | null>> = {
  draft: {
    edit: 'draft',
    publish: 'scheduled',
    go_live: null,
    end: null,
    cancel: null,
    add_entry: null,
    moderate: null,
    add_media: null,
  },
  scheduled: {
    edit: 'scheduled',
    publish: null,
    go_live: 'live',
    end: null,
    cancel: 'cancelled',
    add_entry: null,
    moderate: 'scheduled',
    add_media: null,
  },
  live: {
    edit: 'live',
    publish: null,
    go_live: null,
    end: 'ended',
    cancel: 'cancelled',
    add_entry: 'live',
    moderate: 'live',
    add_media: null,
  },
  ended: {
    edit: 'ended',
    publish: null,
    go_live: null,
    end: null,
    cancel: null,
    add_entry: 'ended',
    moderate: 'ended',
    add_media: 'ended',
  },
  cancelled: {
    edit: null,
    publish: null,
    go_live: null,
    end: null,
    cancel: null,
    add_entry: null,
    moderate: null,
    add_media: null,
  },
};

const errorCode = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return isDomainError(error) ? error.code : 'other';
  }
};

describe('online interview state machine', () => {
  const cases = STATES.flatMap((state) => ACTIONS.map((action) => ({ state, action, next: TABLE[state][action] })));
  it.each(cases)('$state + $action → $next', ({ state, action, next }) => {
    if (next === null) expect(errorCode(() => nextInterviewState(state, action))).toBe('invalid_transition');
    else expect(nextInterviewState(state, action)).toBe(next);
  });

  it.each([
    { state: 'draft', open: false, section: null },
    { state: 'scheduled', open: true, section: 'upcoming' },
    { state: 'live', open: true, section: 'live' },
    { state: 'ended', open: false, section: 'past' },
    { state: 'cancelled', open: false, section: 'past' },
  ] as const)('takes questions in $state: $open, listed under $section', ({ state, open, section }) => {
    expect(isOpenForQuestions(state)).toBe(open);
    expect(interviewSection(state)).toBe(section);
  });
});

describe('interview fields', () => {
  const valid = {
    orgId: 'org1',
    title: ' 示范区养老服务  政策解读 ',
    summary: '',
    startsAt: '2026-03-10T01:30:00.000Z',
    endsAt: '2026-03-10T03:00:00.000Z',
    guests: [
      { name: '李示范', title: '示范区民政局局长' },
      { name: '', title: '' },
    ],
  };
  it('cleans the title and drops empty guest rows', () => {
    const fields = checkInterview(valid);
    expect(fields.title).toBe('示范区养老服务 政策解读');
    expect(fields.guests).toEqual([{ name: '李示范', title: '示范区民政局局长' }]);
  });
  it.each([
    { name: 'no title', change: { title: ' ' }, field: 'title' },
    { name: 'an unreadable start', change: { startsAt: '' }, field: 'startsAt' },
    { name: 'an end before the start', change: { endsAt: '2026-03-10T01:00:00.000Z' }, field: 'endsAt' },
    { name: 'no guests', change: { guests: [] }, field: 'guests' },
    { name: 'a guest without a position', change: { guests: [{ name: '李示范', title: '' }] }, field: 'guests' },
    { name: 'no unit', change: { orgId: '' }, field: 'orgId' },
  ])('refuses $name', ({ change, field }) => {
    try {
      checkInterview({ ...valid, ...change });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'validation_failed') && error.fields.map((f) => f.field)).toContain(field);
    }
  });
});

describe('residents’ questions', () => {
  it.each([
    { body: '  请问补贴何时发放？ ', name: ' 老张 ', ok: true },
    { body: 'a'.repeat(500), name: '', ok: true },
    { body: '字'.repeat(501), name: '', ok: false },
    { body: '\u200b \n', name: '', ok: false },
    { body: '问题', name: 'n'.repeat(31), ok: false },
  ])('checks a question of $body.length characters named "$name": $ok', ({ body, name, ok }) => {
    if (ok) expect(checkQuestion({ body, name }).body).toBe(body.trim());
    else expect(errorCode(() => checkQuestion({ body, name }))).toBe('validation_failed');
  });
  it.each([
    { lastTenMinutes: 4, interviewToday: 9, code: undefined },
    { lastTenMinutes: 5, interviewToday: 0, code: 'rate_limited' },
    { lastTenMinutes: 0, interviewToday: 10, code: 'rate_limited' },
  ])('limits per address: $lastTenMinutes in ten minutes, $interviewToday today', (recent) => {
    expect(errorCode(() => checkQuestionRate(recent))).toBe(recent.code);
  });
});

describe('transcript entries and media', () => {
  const interview = { guests: [{ name: '李示范', title: '示范区民政局局长' }] };
  const question = (state: InterviewQuestion['state']): InterviewQuestion => ({
    id: 'q1',
    interviewId: 'i1',
    name: '',
    body: '养老补贴怎么申请？',
    senderKey: 'k',
    state,
    hiddenReason: '',
    answered: false,
    shownRevision: 1,
    createdAt: '2026-03-09T00:00:00.000Z',
    moderatedAt: null,
  });
  it.each([
    { speaker: 'host', body: '欢迎各位网友。', quoted: null, expected: '主持人' },
    {
      speaker: 'guest:0',
      body: '到社区服务中心申请。',
      quoted: question('shown'),
      expected: '示范区民政局局长 李示范',
    },
    { speaker: 'question', body: '', quoted: question('shown'), expected: '网友提问' },
  ])('names the speaker $speaker as $expected', ({ speaker, body, quoted, expected }) => {
    const entry = checkEntry(interview, { speaker, body }, quoted);
    expect(entry.speaker).toBe(expected);
    expect(entry.body).toBe(body === '' ? '养老补贴怎么申请？' : body);
  });
  it.each([
    { name: 'an unknown guest', speaker: 'guest:3', quoted: null, field: 'speaker' },
    { name: 'a made-up speaker', speaker: 'mayor', quoted: null, field: 'speaker' },
    { name: 'a question read out without one', speaker: 'question', quoted: undefined, field: 'questionId' },
    { name: 'a pending question quoted', speaker: 'guest:0', quoted: question('pending'), field: 'questionId' },
  ])('refuses $name', ({ speaker, quoted, field }) => {
    try {
      checkEntry(interview, { speaker, body: '内容' }, quoted);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'validation_failed') && error.fields.map((f) => f.field)).toContain(field);
    }
  });
  it.each([
    { url: '/static/ft.png', alt: '嘉宾在演播室', ok: true },
    { url: 'https://img.example/a.jpg', alt: '合影', ok: true },
    { url: 'javascript:alert(1)', alt: '图', ok: false },
    { url: '//evil.example/a.png', alt: '图', ok: false },
    { url: '/static/ft.png', alt: '  ', ok: false },
  ])('media $url with alt "$alt": $ok', ({ url, alt, ok }) => {
    expect(errorCode(() => checkMedia({ url, alt, caption: '' }))).toBe(ok ? undefined : 'validation_failed');
  });
  const MB = 1024 * 1024;
  it.each([
    { name: 'a PNG', sniffed: 'png', size: 100, max: 10 * MB, type: 'image/png', code: undefined },
    { name: 'a JPEG', sniffed: 'jpg', size: 100, max: 10 * MB, type: 'image/jpeg', code: undefined },
    { name: 'a WebP', sniffed: 'webp', size: 100, max: 10 * MB, type: 'image/webp', code: undefined },
    { name: 'a GIF', sniffed: 'gif', size: 100, max: 10 * MB, type: 'image/gif', code: undefined },
    { name: 'a PNG at the limit', sniffed: 'png', size: 10 * MB, max: 10 * MB, type: 'image/png', code: undefined },
    { name: 'a PNG one byte over', sniffed: 'png', size: 10 * MB + 1, max: 10 * MB, code: 'upload_too_large' },
    { name: 'an SVG', sniffed: 'svg', size: 100, max: 10 * MB, code: 'upload_type_not_allowed' },
    { name: 'a PDF', sniffed: 'pdf', size: 100, max: 10 * MB, code: 'upload_type_not_allowed' },
    { name: 'unknown bytes', sniffed: undefined, size: 100, max: 10 * MB, code: 'upload_type_not_allowed' },
    { name: 'an empty file', sniffed: undefined, size: 0, max: 10 * MB, code: 'upload_type_not_allowed' },
  ])('photo: $name', ({ sniffed, size, max, type, code }) => {
    expect(errorCode(() => checkPhoto(sniffed, size, max))).toBe(code);
    if (type) expect(checkPhoto(sniffed, size, max)).toBe(type);
  });
});
