import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Cancels a scheduled publication; the edition goes back to waiting for review.
 * @throws DomainError `invalid_transition`, `forbidden`.
 */
export async function unscheduleEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
}): Promise<Edition> {
  return applyAction({ ...options, action: { type: 'unschedule' }, auditAction: 'document.unscheduled' });
}
