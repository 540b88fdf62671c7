import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Approves a submitted edition for publication at a later time (two-person rule applies now).
 * @throws DomainError `validation_failed` (time not in the future), `second_pair_of_eyes`, `invalid_transition`.
 */
export async function scheduleEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  at: Date;
}): Promise<Edition> {
  return applyAction({ ...options, action: { type: 'schedule', at: options.at }, auditAction: 'document.scheduled' });
}
