import { chinaDate } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { Permission } from '../../access/index.ts';
import type { EditionContent } from './metadata.ts';

/**
 * The life of one edition of a document, after GOV.UK Whitehall's edition workflow
 * (`app/models/edition/workflow.rb`): draft → submitted → scheduled/published → superseded or
 * withdrawn; a rejection returns it to the editor with a reason. A document has at most one
 * unpublished edition and one live (published or withdrawn) edition at a time.
 */
export const EDITION_STATES = [
  'draft',
  'rejected',
  'submitted',
  'scheduled',
  'published',
  'superseded',
  'withdrawn',
] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export const EDITION_STATE_LABELS: Record<EditionState, string> = {
  draft: '草稿',
  rejected: '已退回',
  submitted: '待审核',
  scheduled: '定时发布',
  published: '已发布',
  superseded: '已被新版本取代',
  withdrawn: '已撤回',
};

/** States in which an edition can still be edited and is not yet public. */
export const UNPUBLISHED_STATES: readonly EditionState[] = ['draft', 'rejected', 'submitted', 'scheduled'];

/** One edition of a document: its content plus everything the workflow records about it. */
export type Edition = {
  id: string;
  documentId: string;
  number: number;
  state: EditionState;
  content: EditionContent;
  versionMajor: number | null;
  versionMinor: number | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  forcePublished: boolean;
  forcePublishReason: string | null;
  retroApprovedBy: string | null;
  retroApprovedAt: string | null;
  rejectionReason: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  supersededAt: string | null;
  sensitiveOverrideReason: string | null;
  sensitiveOverrideBy: string | null;
};

/** A piece of government information (政府信息), published by one unit, with its editions. */
export type GovDocument = {
  id: string;
  orgId: string;
  /** 索引号, given at first publication. */
  indexNumber: string | null;
  createdAt: string;
  createdBy: string;
  firstPublishedAt: string | null;
};

/** A new draft edition with no workflow history: the first of a document, or the next one. */
export function newDraftEdition(fields: {
  id: string;
  documentId: string;
  number: number;
  content: EditionContent;
  actorId: string;
  now: Date;
}): Edition {
  const at = fields.now.toISOString();
  return {
    id: fields.id,
    documentId: fields.documentId,
    number: fields.number,
    state: 'draft',
    // The first edition has nothing to note a change against; later ones start as major changes.
    content: { ...fields.content, changeNote: null, isMajor: true },
    versionMajor: null,
    versionMinor: null,
    createdBy: fields.actorId,
    createdAt: at,
    updatedBy: fields.actorId,
    updatedAt: at,
    submittedBy: null,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    publishedAt: null,
    scheduledAt: null,
    forcePublished: false,
    forcePublishReason: null,
    retroApprovedBy: null,
    retroApprovedAt: null,
    rejectionReason: null,
    withdrawnAt: null,
    withdrawalReason: null,
    supersededAt: null,
    sensitiveOverrideReason: null,
    sensitiveOverrideBy: null,
  };
}

/** Everything that can happen to an edition. */
export type WorkflowAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'reject'; reason: string }
  | { type: 'publish' }
  | { type: 'schedule'; at: Date }
  | { type: 'unschedule' }
  | { type: 'publish_scheduled' }
  | { type: 'force_publish'; reason: string }
  | { type: 'approve_retrospectively' }
  | { type: 'withdraw'; reason: string }
  | { type: 'supersede' }
  | { type: 'discard' };
export type WorkflowActionType = WorkflowAction['type'];

/** The states each action may start from. */
export const ALLOWED_FROM: Record<WorkflowActionType, readonly EditionState[]> = {
  edit: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  reject: ['submitted'],
  publish: ['submitted'],
  schedule: ['submitted'],
  unschedule: ['scheduled'],
  publish_scheduled: ['scheduled'],
  // Whitehall's force_publish: straight from draft or submitted, logged, approved afterwards.
  force_publish: ['draft', 'rejected', 'submitted'],
  approve_retrospectively: ['published'],
  withdraw: ['published'],
  // A newer edition replaces the live one, whether it is published or was withdrawn.
  supersede: ['published', 'withdrawn'],
  discard: ['draft', 'rejected'],
};

/**
 * The permissions that allow each action (any one suffices); null means only the system may do
 * it (the scheduler, or the publication of a newer edition).
 */
export const ACTION_PERMISSIONS: Record<WorkflowActionType, readonly Permission[] | null> = {
  edit: ['document.draft', 'document.review'],
  submit: ['document.draft', 'document.review'],
  reject: ['document.review'],
  publish: ['document.review'],
  schedule: ['document.review'],
  unschedule: ['document.review'],
  publish_scheduled: null,
  force_publish: ['document.force_publish'],
  approve_retrospectively: ['document.review', 'document.force_publish'],
  withdraw: ['document.review'],
  supersede: null,
  discard: ['document.draft', 'document.review'],
};

export const ACTION_LABELS: Record<WorkflowActionType, string> = {
  edit: '编辑',
  submit: '提交审核',
  reject: '退回修改',
  publish: '审核发布',
  schedule: '定时发布',
  unschedule: '取消定时发布',
  publish_scheduled: '到点发布',
  force_publish: '强制发布',
  approve_retrospectively: '事后审核确认',
  withdraw: '撤回',
  supersede: '被新版本取代',
  discard: '删除草稿',
};

/** Who acts and when. `actorId` is null for the system. */
export type TransitionContext = { actorId: string | null; now: Date };

/** The people who wrote an edition: none of them may approve it (the second pair of eyes). */
export function authorsOf(edition: Edition): Set<string> {
  return new Set([edition.createdBy, edition.updatedBy, edition.submittedBy].filter((id): id is string => id !== null));
}

/** The reason a given person may not approve an edition, or undefined when they may. */
export function reasonToPreventApproval(edition: Edition, actorId: string | null): string | undefined {
  if (actorId !== null && authorsOf(edition).has(actorId)) return 'not_second_pair_of_eyes';
  return undefined;
}

/**
 * Applies one action to an edition and returns the edition as it is afterwards.
 * @throws DomainError `invalid_transition` when the action is not allowed from the current state,
 *   `second_pair_of_eyes` when an author tries to approve their own edition, and
 *   `validation_failed` when a required reason or change note is missing.
 */
export function transition(edition: Edition, action: WorkflowAction, ctx: TransitionContext): Edition {
  if (!ALLOWED_FROM[action.type].includes(edition.state)) {
    throw new DomainError('invalid_transition', {
      message: DOCUMENT_TEXT.actionNotAllowed(EDITION_STATE_LABELS[edition.state], ACTION_LABELS[action.type]),
      details: { state: edition.state, action: action.type },
    });
  }
  const now = ctx.now.toISOString();
  switch (action.type) {
    case 'edit':
      return { ...edition, updatedBy: ctx.actorId ?? edition.updatedBy, updatedAt: now };
    case 'submit':
      requireChangeNote(edition);
      return { ...edition, state: 'submitted', submittedBy: ctx.actorId, submittedAt: now, rejectionReason: null };
    case 'reject':
      return {
        ...edition,
        state: 'rejected',
        rejectionReason: requireReason(action.reason, 'reason', '请填写退回原因。'),
        reviewedBy: ctx.actorId,
        reviewedAt: now,
      };
    case 'publish':
      requireSecondPairOfEyes(edition, ctx.actorId);
      requireChangeNote(edition);
      return published(edition, ctx.actorId, now);
    case 'schedule': {
      requireSecondPairOfEyes(edition, ctx.actorId);
      requireChangeNote(edition);
      if (action.at.getTime() <= ctx.now.getTime()) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'scheduledAt', message: DOCUMENT_TEXT.scheduleInPast }],
        });
      }
      return {
        ...edition,
        state: 'scheduled',
        scheduledAt: action.at.toISOString(),
        reviewedBy: ctx.actorId,
        reviewedAt: now,
      };
    }
    case 'unschedule':
      return { ...edition, state: 'submitted', scheduledAt: null, reviewedBy: null, reviewedAt: null };
    case 'publish_scheduled':
      // Whitehall's scheduled_publishing: never before the time the reviewer chose.
      if (edition.scheduledAt === null || new Date(edition.scheduledAt).getTime() > ctx.now.getTime()) {
        throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.notYetDue });
      }
      return { ...published(edition, edition.reviewedBy, now), reviewedAt: edition.reviewedAt };
    case 'force_publish': {
      const reason = requireReason(action.reason, 'reason', '强制发布须填写原因。');
      requireChangeNote(edition);
      return {
        ...published(edition, ctx.actorId, now),
        forcePublished: true,
        forcePublishReason: reason,
        submittedBy: edition.submittedBy ?? ctx.actorId,
        submittedAt: edition.submittedAt ?? now,
      };
    }
    case 'approve_retrospectively':
      if (!edition.forcePublished || edition.retroApprovedBy !== null) {
        throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.nothingToApprove });
      }
      requireSecondPairOfEyes(edition, ctx.actorId);
      if (ctx.actorId !== null && ctx.actorId === edition.reviewedBy) {
        throw new DomainError('second_pair_of_eyes', { message: DOCUMENT_TEXT.publisherMayNotApproveOwn });
      }
      return { ...edition, retroApprovedBy: ctx.actorId, retroApprovedAt: now };
    case 'withdraw':
      return {
        ...edition,
        state: 'withdrawn',
        withdrawnAt: now,
        withdrawalReason: requireReason(action.reason, 'reason', '请填写撤回原因，公众页面将显示该原因。'),
      };
    case 'supersede':
      return { ...edition, state: 'superseded', supersededAt: now };
    case 'discard':
      return edition;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** The version an edition gets when it is published after `previousLive` (GOV.UK major.minor numbering). */
export function nextVersion(
  previousLive: Pick<Edition, 'versionMajor' | 'versionMinor'> | undefined,
  isMajor: boolean,
): { versionMajor: number; versionMinor: number } {
  if (!previousLive || previousLive.versionMajor === null) return { versionMajor: 1, versionMinor: 0 };
  return isMajor
    ? { versionMajor: previousLive.versionMajor + 1, versionMinor: 0 }
    : { versionMajor: previousLive.versionMajor, versionMinor: (previousLive.versionMinor ?? 0) + 1 };
}

/** True when a published edition was force-published and nobody has approved it since. */
export function awaitsRetrospectiveApproval(edition: Edition): boolean {
  return edition.forcePublished && edition.retroApprovedBy === null && edition.state !== 'superseded';
}

function published(edition: Edition, actorId: string | null, now: string): Edition {
  return {
    ...edition,
    state: 'published',
    publishedAt: now,
    reviewedBy: actorId,
    reviewedAt: now,
    scheduledAt: edition.state === 'scheduled' ? edition.scheduledAt : null,
    // 发布日期 defaults to the day of publication, in China time.
    content: { ...edition.content, publishedOn: edition.content.publishedOn ?? chinaDate(new Date(now)) },
  };
}

function requireSecondPairOfEyes(edition: Edition, actorId: string | null): void {
  if (reasonToPreventApproval(edition, actorId)) throw new DomainError('second_pair_of_eyes');
}

/** GOV.UK: a major change to published content needs a change note; the first edition does not. */
function requireChangeNote(edition: Edition): void {
  if (edition.number > 1 && edition.content.isMajor && !edition.content.changeNote) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'changeNote', message: DOCUMENT_TEXT.changeNoteRequired }],
    });
  }
}

function requireReason(reason: string, field: string, message: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw new DomainError('validation_failed', { fields: [{ field, message }] });
  return trimmed;
}
