import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Withdraws published information; its public page stays, saying when and why it was withdrawn.
 * @throws DomainError `validation_failed` (no reason), `invalid_transition`, `forbidden`.
 */
export async function withdrawEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  reason: string;
}): Promise<Edition> {
  return applyAction({
    ...options,
    action: { type: 'withdraw', reason: options.reason },
    auditAction: 'document.withdrawn',
  });
}
