import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { DocumentAuditAction } from '../audit-actions.ts';
import { transition, type Edition, type WorkflowAction } from '../domain/workflow.ts';
import { announcePublication } from './announce-publication.ts';
import { completePublication } from './complete-publication.ts';
import { syncPublicIndex } from './public-index.ts';
import {
  loadEditionContext,
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/** Actions after which the edition is live. */
const PUBLISHING: ReadonlySet<WorkflowAction['type']> = new Set(['publish', 'publish_scheduled', 'force_publish']);

/**
 * The pipeline every review action shares: load, authorise, apply the state machine, finish a
 * publication, save only if nobody changed the edition meanwhile, update the public search index,
 * record in the audit log.
 */
export async function applyAction(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  action: WorkflowAction;
  auditAction: DocumentAuditAction;
}): Promise<Edition> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const context = await loadEditionContext(stores, options.editionId);
    requireActionPermission(options.actor, options.action.type, context.org);
    let after = transition(context.edition, options.action, { actorId: workflowActorId(options.actor), now });
    if (PUBLISHING.has(options.action.type)) after = await completePublication(stores, context, after, now);
    await stores.documents.updateEdition(after, context.edition.state);
    await syncPublicIndex(stores, context.org, context.edition, after);
    await announcePublication(stores, context.edition, after);
    await recordDocumentChange(stores.audit, options.actor, now, options.auditAction, context, context.edition, after);
    return after;
  });
}
