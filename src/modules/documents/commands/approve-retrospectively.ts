import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Approves a force-published edition afterwards, which clears its flag. The approver must be
 * neither an author nor the person who force-published it.
 * @throws DomainError `second_pair_of_eyes`, `invalid_transition`, `forbidden`.
 */
export async function approveRetrospectively(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
}): Promise<Edition> {
  return applyAction({
    ...options,
    action: { type: 'approve_retrospectively' },
    auditAction: 'document.retrospectively_approved',
  });
}
