import type { Permission } from '../../access/index.ts';
import {
  ACTION_LABELS,
  ACTION_PERMISSIONS,
  ALLOWED_FROM,
  awaitsRetrospectiveApproval,
  reasonToPreventApproval,
  type Edition,
  type WorkflowActionType,
} from './workflow.ts';

/** What a person may do with an edition from its page; `new_edition` starts the next edition. */
export type EditionPageAction = Exclude<WorkflowActionType, 'publish_scheduled' | 'supersede'> | 'new_edition';

/** Why a reviewer sees no approve button although the edition waits for one. */
export type ApprovalBlock = 'author_may_not_publish' | 'publisher_may_not_approve';

/** One entry of the page's actions: a button (or link) with its label, or a notice why not. */
export type AvailableAction =
  | { kind: 'action'; action: EditionPageAction; label: string; mayOverrideSensitiveData?: boolean }
  | { kind: 'blocked'; block: ApprovalBlock };

/** The label of an action on an edition's page. */
export const PAGE_ACTION_LABELS: Record<EditionPageAction, string> = {
  edit: ACTION_LABELS.edit,
  submit: ACTION_LABELS.submit,
  discard: ACTION_LABELS.discard,
  publish: ACTION_LABELS.publish,
  schedule: ACTION_LABELS.schedule,
  reject: ACTION_LABELS.reject,
  unschedule: ACTION_LABELS.unschedule,
  force_publish: ACTION_LABELS.force_publish,
  approve_retrospectively: ACTION_LABELS.approve_retrospectively,
  withdraw: ACTION_LABELS.withdraw,
  new_edition: '修改（创建新版本）',
};

/**
 * The actions a person may take on an edition now, in the order a page shows them, from the
 * workflow's own rules: the states each action starts from (ALLOWED_FROM), the permissions that
 * allow it (ACTION_PERMISSIONS) and the second pair of eyes (an author never publishes or approves
 * their own edition; whoever force-published does not approve it afterwards).
 * `permissions` are those the person holds at the document's unit.
 */
export function availableActions(options: {
  edition: Edition;
  permissions: ReadonlySet<Permission>;
  actorId: string | null;
  /** The document already has an unpublished edition, so no new one may start. */
  hasDraft: boolean;
}): AvailableAction[] {
  const { edition, permissions, actorId } = options;
  const allowed = (action: WorkflowActionType) =>
    ALLOWED_FROM[action].includes(edition.state) &&
    (ACTION_PERMISSIONS[action] ?? []).some((permission) => permissions.has(permission));
  const act = (action: EditionPageAction, extra: { mayOverrideSensitiveData?: boolean } = {}): AvailableAction => ({
    kind: 'action',
    action,
    label: PAGE_ACTION_LABELS[action],
    ...extra,
  });
  const isAuthor = reasonToPreventApproval(edition, actorId) !== undefined;
  const out: AvailableAction[] = [];

  if (allowed('edit')) out.push(act('edit'));
  if (allowed('submit')) {
    // A reviewer may let personal data through with a reason; an editor may not.
    out.push(act('submit', { mayOverrideSensitiveData: permissions.has('document.review') }));
  }
  if (allowed('discard')) out.push(act('discard'));
  if (allowed('publish')) {
    if (isAuthor) out.push({ kind: 'blocked', block: 'author_may_not_publish' });
    else out.push(act('publish'), act('schedule'));
  }
  if (allowed('reject')) out.push(act('reject'));
  if (allowed('unschedule')) out.push(act('unschedule'));
  if (allowed('force_publish')) out.push(act('force_publish'));
  if (awaitsRetrospectiveApproval(edition) && allowed('approve_retrospectively')) {
    const isPublisher = actorId !== null && actorId === edition.reviewedBy;
    out.push(
      isPublisher || isAuthor
        ? { kind: 'blocked', block: 'publisher_may_not_approve' }
        : act('approve_retrospectively'),
    );
  }
  const mayDraft = permissions.has('document.draft') || permissions.has('document.review');
  if ((edition.state === 'published' || edition.state === 'withdrawn') && mayDraft && !options.hasDraft) {
    out.push(act('new_edition'));
  }
  if (allowed('withdraw')) out.push(act('withdraw'));
  return out;
}
