import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import type { CatalogEntry } from './entry.ts';
import {
  VERSION_ALLOWED_FROM,
  VERSION_STATES,
  diffCatalogs,
  sameContent,
  transitionVersion,
  type CatalogVersion,
  type VersionAction,
  type VersionState,
} from './version.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const UNIT = 'unit-editor';
const OFFICE = 'district-office';

function version(state: VersionState): CatalogVersion {
  return {
    id: 'v2',
    orgId: 'town',
    number: 2,
    state,
    createdBy: UNIT,
    createdAt: '2026-03-01T01:00:00.000Z',
    updatedAt: '2026-03-01T01:00:00.000Z',
    submittedBy: state === 'draft' ? null : UNIT,
    submittedAt: state === 'draft' ? null : '2026-03-01T02:00:00.000Z',
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    publishedAt: state === 'published' ? '2026-03-01T03:00:00.000Z' : null,
    supersededAt: null,
  };
}

const ACTIONS: Record<VersionAction['type'], VersionAction> = {
  edit: { type: 'edit' },
  submit: { type: 'submit' },
  return: { type: 'return', comment: '请补充公开依据', entryComments: 0 },
  approve: { type: 'approve' },
  supersede: { type: 'supersede' },
};

/** The state each action leads to from each state, written out by hand; X where it is refused. */
const X = 'refused';
const TABLE: Record<VersionState, Record<VersionAction['type'], VersionState | typeof X>> = {
  draft: { edit: 'draft', submit: 'submitted', return: X, approve: X, supersede: X },
  submitted: { edit: X, submit: X, return: 'returned', approve: 'published', supersede: X },
  returned: { edit: 'returned', submit: 'submitted', return: X, approve: X, supersede: X },
  published: { edit: X, submit: X, return: X, approve: X, supersede: 'superseded' },
  superseded: { edit: X, submit: X, return: X, approve: X, supersede: X },
};

describe('transitionVersion', () => {
  const cases = VERSION_STATES.flatMap((state) =>
    (Object.keys(ACTIONS) as VersionAction['type'][]).map((action) => ({
      state,
      action,
      expected: TABLE[state][action],
    })),
  );

  it('has a row for every state and a column for every action the catalog workflow knows', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...VERSION_STATES].sort());
    for (const state of VERSION_STATES)
      expect(Object.keys(TABLE[state]).sort(), state).toEqual(Object.keys(VERSION_ALLOWED_FROM).sort());
  });

  it.each(cases)('$action from $state → $expected', ({ state, action, expected }) => {
    const run = () => transitionVersion(version(state), ACTIONS[action], OFFICE, NOW);
    if (expected === X) {
      expect(run).toThrow(DomainError);
      try {
        run();
      } catch (error) {
        expect((error as DomainError).code).toBe('invalid_transition');
      }
    } else {
      expect(run().state).toBe(expected);
    }
  });

  it('records who submitted and when', () => {
    expect(transitionVersion(version('draft'), ACTIONS.submit, UNIT, NOW)).toMatchObject({
      state: 'submitted',
      submittedBy: UNIT,
      submittedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('records the reviewer, the time and the overall comment of a return', () => {
    expect(
      transitionVersion(
        version('submitted'),
        { type: 'return', comment: '  请补充公开依据 ', entryComments: 0 },
        OFFICE,
        NOW,
      ),
    ).toMatchObject({
      state: 'returned',
      reviewedBy: OFFICE,
      reviewedAt: NOW.toISOString(),
      reviewComment: '请补充公开依据',
    });
  });

  it.each([
    { comment: '意见', entryComments: 0, ok: true },
    { comment: '', entryComments: 2, ok: true },
    { comment: '   ', entryComments: 0, ok: false },
  ])('returns with comment $comment and $entryComments entry comments: $ok', ({ comment, entryComments, ok }) => {
    const run = () => transitionVersion(version('submitted'), { type: 'return', comment, entryComments }, OFFICE, NOW);
    if (ok) expect(run().reviewComment).toBe(comment.trim() || null);
    else expect(run).toThrow(expect.objectContaining({ code: 'validation_failed' }) as Error);
  });

  it('publishes on approval and keeps the time of publication', () => {
    expect(transitionVersion(version('submitted'), ACTIONS.approve, OFFICE, NOW)).toMatchObject({
      state: 'published',
      reviewedBy: OFFICE,
      publishedAt: NOW.toISOString(),
    });
  });
});

function entry(key: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: `id-${key}`,
    key,
    position: 1,
    reviewComment: null,
    fieldCode: '20',
    itemL1: '最低生活保障',
    itemL2: '办事指南',
    contentElements: ['申请条件', '办理流程'],
    legalBasis: [{ kind: '行政法规', title: '社会救助暂行办法', docNumber: null, article: null }],
    timeLimit: { kind: 'working_days', days: 20 },
    publisher: '区民政局',
    channels: ['政府网站'],
    otherChannels: [],
    audience: { public: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    levels: ['county'],
    fiveOpen: ['服务'],
    retention: '长期',
    ...overrides,
  };
}

describe('diffCatalogs', () => {
  it('finds added, removed, changed and unchanged entries by key', () => {
    const before = [entry('a'), entry('b'), entry('c', { itemL2: '审批结果' })];
    const after = [
      entry('a'),
      entry('c', { itemL2: '审批结果', timeLimit: { kind: 'working_days', days: 10 } }),
      entry('d'),
    ];
    const diff = diffCatalogs(before, after);
    expect(diff.added.map((e) => e.key)).toEqual(['d']);
    expect(diff.removed.map((e) => e.key)).toEqual(['b']);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.changes).toEqual([
      {
        element: 'timeLimit',
        label: '公开时限',
        before: '信息形成或者变更之日起20个工作日内',
        after: '信息形成或者变更之日起10个工作日内',
      },
    ]);
  });

  it.each([
    { what: 'a content element', change: { contentElements: ['申请条件'] }, element: 'contentElements' },
    { what: 'the publisher', change: { publisher: '区政府办' }, element: 'publisher' },
    {
      what: 'a channel',
      change: { channels: ['政府网站', '政府公报'] as CatalogEntry['channels'] },
      element: 'channels',
    },
    { what: 'the level', change: { levels: ['county', 'township'] as CatalogEntry['levels'] }, element: 'levels' },
    { what: 'the retention', change: { retention: null }, element: 'retention' },
  ])('sees a change of $what, element by element', ({ change, element }) => {
    const diff = diffCatalogs([entry('a')], [entry('a', change)]);
    expect(diff.changed[0]?.changes.map((c) => c.element)).toEqual([element]);
  });

  it('does not count a new position or review comment as a change of content', () => {
    const diff = diffCatalogs([entry('a')], [entry('a', { position: 9, reviewComment: '已修改', id: 'other' })]);
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});

describe('sameContent', () => {
  it.each([
    { other: entry('x'), same: true },
    { other: entry('x', { key: 'y', position: 5 }), same: true },
    { other: entry('x', { itemL1: '特困人员救助供养' }), same: false },
    { other: entry('x', { legalBasis: [] }), same: false },
  ])('compares content element by element: $same', ({ other, same }) => {
    expect(sameContent(entry('x'), other)).toBe(same);
  });
});
