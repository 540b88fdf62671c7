import { describe, expect, it } from 'vitest';
import type { Permission } from '../../access/index.ts';
import { availableActions, type AvailableAction } from './available-actions.ts';
import type { EditionContent } from './metadata.ts';
import { newDraftEdition, type Edition, type EditionState } from './workflow.ts';

const EDITOR = 'editor-1';
const REVIEWER = 'reviewer-1';
const OTHER_REVIEWER = 'reviewer-2';

const CONTENT = { title: '关于开学工作的通知', bodyHtml: '<p>正文</p>' } as EditionContent;

function edition(state: EditionState, overrides: Partial<Edition> = {}): Edition {
  return {
    ...newDraftEdition({
      id: 'e1',
      documentId: 'd1',
      number: 1,
      content: CONTENT,
      actorId: EDITOR,
      now: new Date('2026-03-01T01:00:00Z'),
    }),
    state,
    submittedBy: state === 'draft' || state === 'rejected' ? null : EDITOR,
    ...overrides,
  };
}

const EDITOR_PERMS = new Set<Permission>(['document.read', 'document.draft']);
const REVIEWER_PERMS = new Set<Permission>(['document.read', 'document.review']);
const ADMIN_PERMS = new Set<Permission>([
  'document.read',
  'document.draft',
  'document.review',
  'document.force_publish',
]);
const READER_PERMS = new Set<Permission>(['document.read']);

/** The actions as a page lists them: `label` buttons, `!block` notices. */
function shown(actions: AvailableAction[]): string[] {
  return actions.map((a) => (a.kind === 'action' ? a.label : `!${a.block}`));
}

describe('availableActions', () => {
  it.each([
    {
      who: 'its editor',
      state: 'draft',
      perms: EDITOR_PERMS,
      actor: EDITOR,
      expected: ['编辑', '提交审核', '删除草稿'],
    },
    { who: 'a reader', state: 'draft', perms: READER_PERMS, actor: 'reader', expected: [] },
    {
      who: 'a unit admin',
      state: 'draft',
      perms: ADMIN_PERMS,
      actor: OTHER_REVIEWER,
      expected: ['编辑', '提交审核', '删除草稿', '强制发布'],
    },
    {
      who: 'its editor',
      state: 'rejected',
      perms: EDITOR_PERMS,
      actor: EDITOR,
      expected: ['编辑', '提交审核', '删除草稿'],
    },
    { who: 'its editor', state: 'submitted', perms: EDITOR_PERMS, actor: EDITOR, expected: [] },
    {
      who: 'a reviewer who did not write it',
      state: 'submitted',
      perms: REVIEWER_PERMS,
      actor: REVIEWER,
      expected: ['审核发布', '定时发布', '退回修改'],
    },
    {
      who: 'a reviewer who wrote it',
      state: 'submitted',
      perms: REVIEWER_PERMS,
      actor: EDITOR,
      expected: ['!author_may_not_publish', '退回修改'],
    },
    { who: 'a reviewer', state: 'scheduled', perms: REVIEWER_PERMS, actor: REVIEWER, expected: ['取消定时发布'] },
    {
      who: 'a reviewer',
      state: 'published',
      perms: REVIEWER_PERMS,
      actor: REVIEWER,
      expected: ['修改（创建新版本）', '撤回'],
    },
    { who: 'its editor', state: 'published', perms: EDITOR_PERMS, actor: EDITOR, expected: ['修改（创建新版本）'] },
    { who: 'its editor', state: 'withdrawn', perms: EDITOR_PERMS, actor: EDITOR, expected: ['修改（创建新版本）'] },
    { who: 'a reviewer', state: 'superseded', perms: REVIEWER_PERMS, actor: REVIEWER, expected: [] },
  ] as const)('offers $who of a $state edition $expected', ({ state, perms, actor, expected }) => {
    expect(
      shown(availableActions({ edition: edition(state), permissions: perms, actorId: actor, hasDraft: false })),
    ).toEqual(expected);
  });

  it('offers no new edition while one is already being drafted', () => {
    const actions = availableActions({
      edition: edition('published'),
      permissions: REVIEWER_PERMS,
      actorId: REVIEWER,
      hasDraft: true,
    });
    expect(shown(actions)).toEqual(['撤回']);
  });

  it.each([
    { who: 'another reviewer', actor: OTHER_REVIEWER, expected: ['事后审核确认', '修改（创建新版本）', '撤回'] },
    {
      who: 'whoever force-published it',
      actor: REVIEWER,
      expected: ['!publisher_may_not_approve', '修改（创建新版本）', '撤回'],
    },
    { who: 'its author', actor: EDITOR, expected: ['!publisher_may_not_approve', '修改（创建新版本）', '撤回'] },
  ])('lets $who approve a force-published edition afterwards only when not involved', ({ actor, expected }) => {
    const forced = edition('published', { forcePublished: true, reviewedBy: REVIEWER });
    expect(
      shown(availableActions({ edition: forced, permissions: REVIEWER_PERMS, actorId: actor, hasDraft: false })),
    ).toEqual(expected);
  });

  it('lets a reviewer, not an editor, let personal data through on submission', () => {
    const submitOf = (perms: ReadonlySet<Permission>) =>
      availableActions({ edition: edition('draft'), permissions: perms, actorId: EDITOR, hasDraft: false }).find(
        (a) => a.kind === 'action' && a.action === 'submit',
      );
    expect(submitOf(REVIEWER_PERMS)).toMatchObject({ mayOverrideSensitiveData: true });
    expect(submitOf(EDITOR_PERMS)).toMatchObject({ mayOverrideSensitiveData: false });
  });
});
