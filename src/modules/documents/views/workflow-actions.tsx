import { Csrf } from '../../../platform/web/components.tsx';
import type { ApprovalBlock, AvailableAction, EditionPageAction } from '../domain/available-actions.ts';
import { DOCUMENT_TEXT } from '../strings.ts';

const BLOCK_TEXT: Record<ApprovalBlock, string> = {
  author_may_not_publish: DOCUMENT_TEXT.authorMayNotPublish,
  publisher_may_not_approve: DOCUMENT_TEXT.publisherMayNotApprove,
};

/** Where each action's form posts, under /admin/editions/:id (a new edition under its document). */
const ACTION_PATHS: Record<Exclude<EditionPageAction, 'edit' | 'new_edition'>, string> = {
  submit: 'submit',
  discard: 'discard',
  publish: 'publish',
  schedule: 'schedule',
  reject: 'reject',
  unschedule: 'unschedule',
  force_publish: 'force-publish',
  approve_retrospectively: 'approve',
  withdraw: 'withdraw',
};

/** Actions that change what the public sees or cannot be undone: shown as dangerous. */
const DANGEROUS: readonly EditionPageAction[] = ['discard', 'force_publish', 'withdraw'];
const PRIMARY: readonly EditionPageAction[] = ['submit', 'publish', 'approve_retrospectively'];

/** The actions the domain says the actor may take on the edition now, each a small form. */
export function WorkflowActions(props: {
  actions: AvailableAction[];
  editionId: string;
  documentId: string;
  csrfToken: string;
}) {
  if (props.actions.length === 0) return null;
  const base = `/admin/editions/${props.editionId}`;
  return (
    <section class="panel workflow-actions" aria-label={DOCUMENT_TEXT.actionsHeading}>
      <h2>{DOCUMENT_TEXT.actionsHeading}</h2>
      <div class="action-row">
        {props.actions.map((item) => {
          if (item.kind === 'blocked') return <p class="notice">{BLOCK_TEXT[item.block]}</p>;
          if (item.action === 'edit') {
            return (
              <a class="button" href={`${base}/edit`}>
                {item.label}
              </a>
            );
          }
          const action =
            item.action === 'new_edition'
              ? `/admin/documents/${props.documentId}/new-edition`
              : `${base}/${ACTION_PATHS[item.action]}`;
          const style = DANGEROUS.includes(item.action)
            ? 'button danger'
            : PRIMARY.includes(item.action)
              ? 'button primary'
              : 'button';
          return (
            <form method="post" action={action} class="action-form">
              <Csrf token={props.csrfToken} />
              <ActionInputs item={item} />
              <button type="submit" class={style}>
                {item.label}
              </button>
            </form>
          );
        })}
      </div>
    </section>
  );
}

/** The fields an action asks for: a reason, a time, or a reviewer's reason to let personal data through. */
function ActionInputs(props: { item: Extract<AvailableAction, { kind: 'action' }> }) {
  switch (props.item.action) {
    case 'submit':
      return props.item.mayOverrideSensitiveData ? (
        <details>
          <summary>{DOCUMENT_TEXT.sensitiveOverrideSummary}</summary>
          <label for="overrideReason">{DOCUMENT_TEXT.sensitiveOverrideLabel}</label>
          <textarea id="overrideReason" name="overrideReason" rows={2} />
        </details>
      ) : null;
    case 'schedule':
      return (
        <>
          <label for="scheduledAt">{DOCUMENT_TEXT.scheduledAtLabel}</label>
          <input id="scheduledAt" name="scheduledAt" type="datetime-local" required />
        </>
      );
    case 'reject':
      return <ReasonField id="rejectReason" label={DOCUMENT_TEXT.rejectReasonLabel} />;
    case 'force_publish':
      return <ReasonField id="forceReason" label={DOCUMENT_TEXT.forceReasonLabel} />;
    case 'withdraw':
      return <ReasonField id="withdrawReason" label={DOCUMENT_TEXT.withdrawReasonLabel} />;
    case 'edit':
    case 'discard':
    case 'publish':
    case 'unschedule':
    case 'approve_retrospectively':
    case 'new_edition':
      return null;
    default: {
      const unreachable: never = props.item.action;
      return unreachable;
    }
  }
}

function ReasonField(props: { id: string; label: string }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} name="reason" rows={2} required />
    </>
  );
}
