import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { transition } from '../domain/workflow.ts';
import {
  loadEditionContext,
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/**
 * Deletes an unpublished draft. When it was the document's only edition the document goes too;
 * the audit log keeps what it was.
 * @throws DomainError `invalid_transition`, `forbidden`, `not_found`.
 */
export async function discardDraft(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
}): Promise<{ documentDeleted: boolean }> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const context = await loadEditionContext(stores, options.editionId);
    requireActionPermission(options.actor, 'discard', context.org);
    transition(context.edition, { type: 'discard' }, { actorId: workflowActorId(options.actor), now });
    const others = (await stores.documents.editionsOf(context.document.id)).filter((e) => e.id !== context.edition.id);
    await recordDocumentChange(
      stores.audit,
      options.actor,
      now,
      'document.draft_discarded',
      context,
      context.edition,
      undefined,
    );
    await stores.documents.deleteEdition(context.edition.id);
    if (others.length === 0) await stores.documents.deleteDocument(context.document.id);
    return { documentDeleted: others.length === 0 };
  });
}
