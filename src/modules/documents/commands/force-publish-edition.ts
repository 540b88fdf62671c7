import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Publishes without a second reviewer, as a unit admin may in an emergency (Whitehall's force
 * publish). The reason is recorded, and the edition stays flagged until someone else approves it.
 * @throws DomainError `validation_failed` (no reason), `invalid_transition`, `forbidden`.
 */
export async function forcePublishEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  reason: string;
}): Promise<Edition> {
  return applyAction({
    ...options,
    action: { type: 'force_publish', reason: options.reason },
    auditAction: 'document.force_published',
  });
}
