import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Returns a submitted edition to its editor with a reason.
 * @throws DomainError `validation_failed` (no reason), `invalid_transition`, `forbidden`.
 */
export async function rejectEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  reason: string;
}): Promise<Edition> {
  return applyAction({
    ...options,
    action: { type: 'reject', reason: options.reason },
    auditAction: 'document.rejected',
  });
}
