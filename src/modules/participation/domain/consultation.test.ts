import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import {
  allowedActions,
  checkConsultation,
  phaseOf,
  requireAction,
  requireOpenForComments,
  type Consultation,
  type ConsultationPhase,
} from './consultation.ts';

const base: Consultation = {
  id: 'c1',
  orgId: 'o1',
  title: '示范区养老服务条例（征求意见稿）',
  summary: '',
  major: true,
  shortReason: '',
  state: 'published',
  // 2026-03-02 to 2026-03-31 inclusive, China time: 30 days.
  opensAt: '2026-03-01T16:00:00.000Z',
  closesAt: '2026-03-31T16:00:00.000Z',
  version: 1,
  finalLink: null,
  reportSummary: '',
  createdAt: '2026-02-20T02:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-02-20T02:00:00.000Z',
  publishedAt: '2026-02-25T02:00:00.000Z',
  completedAt: null,
};

describe('phaseOf', () => {
  it.each<[Consultation['state'], string, ConsultationPhase]>([
    ['draft', '2026-03-10T00:00:00Z', 'draft'],
    ['published', '2026-03-01T15:59:59Z', 'scheduled'],
    ['published', '2026-03-01T16:00:00Z', 'open'],
    ['published', '2026-03-31T15:59:59Z', 'open'],
    // Closing is the clock's: the first instant of 1 April, China time.
    ['published', '2026-03-31T16:00:00Z', 'closed'],
    ['completed', '2026-03-10T00:00:00Z', 'completed'],
  ])('%s at %s is %s', (state, now, phase) => {
    expect(phaseOf({ ...base, state }, new Date(now))).toBe(phase);
  });
});

describe('allowedActions', () => {
  it.each<[ConsultationPhase, string[]]>([
    ['draft', ['edit', 'publish']],
    ['scheduled', ['revise']],
    ['open', ['revise', 'moderate']],
    ['closed', ['moderate', 'dispose', 'complete']],
    ['completed', []],
  ])('%s allows %j', (phase, actions) => {
    expect(allowedActions(phase)).toEqual(actions);
  });

  it('refuses completing while open, with the phase in the message', () => {
    try {
      requireAction(base, new Date('2026-03-10T00:00:00Z'), 'complete');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'invalid_transition')).toBe(true);
      expect((error as Error).message).toContain('正在征集');
    }
  });
});

describe('requireOpenForComments', () => {
  it.each([
    ['2026-03-01T00:00:00Z', '尚未开始'],
    ['2026-04-01T00:00:00Z', '已经结束'],
  ])('at %s says %s', (now, words) => {
    expect(() => requireOpenForComments(base, new Date(now))).toThrow(words);
  });
  it('takes comments while open', () => {
    expect(() => requireOpenForComments(base, new Date('2026-03-15T00:00:00Z'))).not.toThrow();
  });
});

describe('checkConsultation', () => {
  const fields = (overrides: Partial<Consultation>, paragraphs = ['第一条']) =>
    checkConsultation({ ...base, ...overrides }, paragraphs).map((issue) => issue.field);

  it.each<[string, Partial<Consultation>, string[], string[]]>([
    ['a complete draft', {}, ['第一条'], []],
    ['no title', { title: '  ' }, ['第一条'], ['title']],
    ['no text', {}, [], ['text']],
    ['a paragraph too long', {}, ['长'.repeat(4001)], ['text']],
    ['closing before opening', { closesAt: '2026-03-01T00:00:00Z' }, ['第一条'], ['closesOn']],
    ['an unreadable date', { opensAt: 'soon' }, ['第一条'], ['opensOn']],
    // 暂行条例 Art. 15: 29 days for a major decision need the reason.
    ['29 days, major, no reason', { closesAt: '2026-03-30T16:00:00.000Z' }, ['第一条'], ['shortReason']],
    [
      '29 days, major, with a reason',
      { closesAt: '2026-03-30T16:00:00.000Z', shortReason: '防汛紧急' },
      ['第一条'],
      [],
    ],
    ['29 days, not major', { closesAt: '2026-03-30T16:00:00.000Z', major: false }, ['第一条'], []],
  ])('%s', (_name, overrides, paragraphs, expected) => {
    expect(fields(overrides, paragraphs)).toEqual(expected);
  });
});
