import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import type { EditionContent } from './metadata.ts';
import {
  ALLOWED_FROM,
  EDITION_STATES,
  awaitsRetrospectiveApproval,
  newDraftEdition,
  nextVersion,
  transition,
  type Edition,
  type EditionState,
  type WorkflowAction,
  type WorkflowActionType,
} from './workflow.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const EDITOR = 'editor-1';
const REVIEWER = 'reviewer-1';

const CONTENT: EditionContent = {
  title: '关于做好2026年春季学期开学工作的通知',
  docNumber: '测教发〔2026〕3号',
  issuer: '测试区教育局',
  writtenOn: '2026-02-20',
  publishedOn: null,
  topic: '科技、教育',
  genre: '通知',
  isNormative: false,
  validity: '有效',
  validityOn: null,
  fieldCode: '24',
  keywords: [],
  audiences: [],
  policyTags: [],
  bodyHtml: '<p>正文</p>',
  changeNote: null,
  isMajor: true,
  catalogEntryKey: null,
  formedOn: null,
};

function edition(state: EditionState, overrides: Partial<Edition> = {}): Edition {
  const draft = newDraftEdition({
    id: 'e1',
    documentId: 'd1',
    number: 1,
    content: CONTENT,
    actorId: EDITOR,
    now: new Date('2026-03-01T01:00:00Z'),
  });
  return {
    ...draft,
    state,
    submittedBy: state === 'draft' || state === 'rejected' ? null : EDITOR,
    reviewedBy: state === 'scheduled' ? REVIEWER : null,
    // A scheduled edition whose time has come, so publish_scheduled is allowed from it.
    scheduledAt: state === 'scheduled' ? '2026-03-02T01:00:00.000Z' : null,
    ...overrides,
  };
}

const ACTIONS: Record<WorkflowActionType, WorkflowAction> = {
  edit: { type: 'edit' },
  submit: { type: 'submit' },
  reject: { type: 'reject', reason: '请补充附件' },
  publish: { type: 'publish' },
  schedule: { type: 'schedule', at: new Date('2026-03-05T00:00:00Z') },
  unschedule: { type: 'unschedule' },
  publish_scheduled: { type: 'publish_scheduled' },
  force_publish: { type: 'force_publish', reason: '紧急发布' },
  approve_retrospectively: { type: 'approve_retrospectively' },
  withdraw: { type: 'withdraw', reason: '内容有误' },
  supersede: { type: 'supersede' },
  discard: { type: 'discard' },
};

/** Who does each action in the table: reviews are done by someone other than the author. */
const ACTOR: Record<WorkflowActionType, string | null> = {
  edit: EDITOR,
  submit: EDITOR,
  reject: REVIEWER,
  publish: REVIEWER,
  schedule: REVIEWER,
  unschedule: REVIEWER,
  publish_scheduled: null,
  force_publish: 'unit-admin',
  approve_retrospectively: REVIEWER,
  withdraw: REVIEWER,
  supersede: null,
  discard: EDITOR,
};

const X = 'invalid_transition';
/** Every state × every action: the state it leads to, or the error it raises. Written out by hand. */
const TABLE: Record<EditionState, Record<WorkflowActionType, EditionState | typeof X>> = {
  draft: {
    edit: 'draft',
    submit: 'submitted',
    reject: X,
    publish: X,
    schedule: X,
    unschedule: X,
    publish_scheduled: X,
    force_publish: 'published',
    approve_retrospectively: X,
    withdraw: X,
    supersede: X,
    discard: 'draft',
  },
  rejected: {
    edit: 'rejected',
    submit: 'submitted',
    reject: X,
    publish: X,
    schedule: X,
    unschedule: X,
    publish_scheduled: X,
    force_publish: 'published',
    approve_retrospectively: X,
    withdraw: X,
    supersede: X,
    discard: 'rejected',
  },
  submitted: {
    edit: X,
    submit: X,
    reject: 'rejected',
    publish: 'published',
    schedule: 'scheduled',
    unschedule: X,
    publish_scheduled: X,
    force_publish: 'published',
    approve_retrospectively: X,
    withdraw: X,
    supersede: X,
    discard: X,
  },
  scheduled: {
    edit: X,
    submit: X,
    reject: X,
    publish: X,
    schedule: X,
    unschedule: 'submitted',
    publish_scheduled: 'published',
    force_publish: X,
    approve_retrospectively: X,
    withdraw: X,
    supersede: X,
    discard: X,
  },
  published: {
    edit: X,
    submit: X,
    reject: X,
    publish: X,
    schedule: X,
    unschedule: X,
    publish_scheduled: X,
    // Only a force-published edition awaits approval afterwards; this one was reviewed normally.
    force_publish: X,
    approve_retrospectively: X,
    withdraw: 'withdrawn',
    supersede: 'superseded',
    discard: X,
  },
  superseded: {
    edit: X,
    submit: X,
    reject: X,
    publish: X,
    schedule: X,
    unschedule: X,
    publish_scheduled: X,
    force_publish: X,
    approve_retrospectively: X,
    withdraw: X,
    supersede: X,
    discard: X,
  },
  withdrawn: {
    edit: X,
    submit: X,
    reject: X,
    publish: X,
    schedule: X,
    unschedule: X,
    publish_scheduled: X,
    force_publish: X,
    approve_retrospectively: X,
    withdraw: X,
    supersede: 'superseded',
    discard: X,
  },
};

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('edition workflow', () => {
  const cases = EDITION_STATES.flatMap((state) =>
    (Object.keys(ACTIONS) as WorkflowActionType[]).map((action) => ({ state, action, expected: TABLE[state][action] })),
  );

  it.each(cases)('$state --$action--> $expected', ({ state, action, expected }) => {
    const run = () => transition(edition(state), ACTIONS[action], { actorId: ACTOR[action], now: NOW });
    if (expected === X) {
      expect(errorCode(run)).toBe('invalid_transition');
    } else {
      expect(run().state).toBe(expected);
    }
  });

  it('has a row for every state and a column for every action the workflow knows', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...EDITION_STATES].sort());
    for (const state of EDITION_STATES) {
      expect(Object.keys(TABLE[state]).sort(), state).toEqual(Object.keys(ALLOWED_FROM).sort());
    }
    expect(cases).toHaveLength(EDITION_STATES.length * Object.keys(ALLOWED_FROM).length);
  });

  describe('two-person rule', () => {
    const submitted = edition('submitted', { createdBy: 'a', updatedBy: 'b', submittedBy: 'c' });
    it.each([
      { who: 'the creator', actorId: 'a', action: 'publish' as const },
      { who: 'the last editor', actorId: 'b', action: 'publish' as const },
      { who: 'the submitter', actorId: 'c', action: 'publish' as const },
      { who: 'the creator', actorId: 'a', action: 'schedule' as const },
      { who: 'the submitter', actorId: 'c', action: 'schedule' as const },
    ])('refuses $action by $who', ({ actorId, action }) => {
      expect(errorCode(() => transition(submitted, ACTIONS[action], { actorId, now: NOW }))).toBe(
        'second_pair_of_eyes',
      );
    });

    it('lets a different reviewer publish and records them', () => {
      const after = transition(submitted, ACTIONS.publish, { actorId: 'd', now: NOW });
      expect(after).toMatchObject({ state: 'published', reviewedBy: 'd', publishedAt: NOW.toISOString() });
      expect(after.content.publishedOn).toBe('2026-03-02');
    });

    it('lets an author reject (sending back is not approval)', () => {
      expect(transition(submitted, ACTIONS.reject, { actorId: 'a', now: NOW }).state).toBe('rejected');
    });
  });

  describe('force publish', () => {
    it('publishes from a draft without a second person, flagged for approval afterwards', () => {
      const after = transition(edition('draft'), ACTIONS.force_publish, { actorId: EDITOR, now: NOW });
      expect(after).toMatchObject({
        state: 'published',
        forcePublished: true,
        forcePublishReason: '紧急发布',
        reviewedBy: EDITOR,
      });
      expect(awaitsRetrospectiveApproval(after)).toBe(true);
    });

    it('requires a reason', () => {
      expect(
        errorCode(() =>
          transition(edition('draft'), { type: 'force_publish', reason: '  ' }, { actorId: EDITOR, now: NOW }),
        ),
      ).toBe('validation_failed');
    });

    const forced = edition('published', {
      forcePublished: true,
      reviewedBy: 'admin',
      createdBy: EDITOR,
      updatedBy: EDITOR,
      submittedBy: EDITOR,
    });
    it.each([
      { who: 'the person who force-published', actorId: 'admin', code: 'second_pair_of_eyes' },
      { who: 'the author', actorId: EDITOR, code: 'second_pair_of_eyes' },
    ])('refuses retrospective approval by $who', ({ actorId, code }) => {
      expect(errorCode(() => transition(forced, ACTIONS.approve_retrospectively, { actorId, now: NOW }))).toBe(code);
    });

    it('clears the flag when someone else approves it', () => {
      const approved = transition(forced, ACTIONS.approve_retrospectively, { actorId: REVIEWER, now: NOW });
      expect(approved).toMatchObject({ retroApprovedBy: REVIEWER, retroApprovedAt: NOW.toISOString() });
      expect(awaitsRetrospectiveApproval(approved)).toBe(false);
      expect(
        errorCode(() => transition(approved, ACTIONS.approve_retrospectively, { actorId: 'other', now: NOW })),
      ).toBe('invalid_transition');
    });
  });

  describe('guards', () => {
    it('refuses a schedule time in the past', () => {
      const past = { type: 'schedule', at: new Date('2026-03-01T00:00:00Z') } as const;
      expect(errorCode(() => transition(edition('submitted'), past, { actorId: REVIEWER, now: NOW }))).toBe(
        'validation_failed',
      );
    });

    it('does not publish a scheduled edition before its time', () => {
      const early = edition('scheduled', { scheduledAt: '2026-03-03T00:00:00.000Z' });
      expect(errorCode(() => transition(early, ACTIONS.publish_scheduled, { actorId: null, now: NOW }))).toBe(
        'invalid_transition',
      );
    });

    it('publishes a scheduled edition exactly at its time, crediting the reviewer who scheduled it', () => {
      const due = edition('scheduled', { scheduledAt: NOW.toISOString(), reviewedBy: REVIEWER });
      expect(transition(due, ACTIONS.publish_scheduled, { actorId: null, now: NOW })).toMatchObject({
        state: 'published',
        reviewedBy: REVIEWER,
      });
    });

    it('requires a change note to submit a major change to published information', () => {
      const second = edition('draft', { number: 2 });
      expect(errorCode(() => transition(second, ACTIONS.submit, { actorId: EDITOR, now: NOW }))).toBe(
        'validation_failed',
      );
      const minor = edition('draft', { number: 2, content: { ...CONTENT, isMajor: false } });
      expect(transition(minor, ACTIONS.submit, { actorId: EDITOR, now: NOW }).state).toBe('submitted');
    });

    it.each(['reject', 'withdraw'] as const)('requires a reason to %s', (type) => {
      const from = type === 'reject' ? edition('submitted') : edition('published');
      expect(errorCode(() => transition(from, { type, reason: '' }, { actorId: REVIEWER, now: NOW }))).toBe(
        'validation_failed',
      );
    });
  });
});

describe('nextVersion', () => {
  it.each([
    { previous: undefined, isMajor: true, expected: { versionMajor: 1, versionMinor: 0 } },
    { previous: undefined, isMajor: false, expected: { versionMajor: 1, versionMinor: 0 } },
    { previous: { versionMajor: 1, versionMinor: 0 }, isMajor: true, expected: { versionMajor: 2, versionMinor: 0 } },
    { previous: { versionMajor: 1, versionMinor: 0 }, isMajor: false, expected: { versionMajor: 1, versionMinor: 1 } },
    { previous: { versionMajor: 2, versionMinor: 3 }, isMajor: false, expected: { versionMajor: 2, versionMinor: 4 } },
  ])('after $previous, major=$isMajor gives $expected', ({ previous, isMajor, expected }) => {
    expect(nextVersion(previous, isMajor)).toEqual(expected);
  });
});
