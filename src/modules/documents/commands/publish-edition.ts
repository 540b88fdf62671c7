import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { Edition } from '../domain/workflow.ts';
import { applyAction } from './apply-action.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * Publishes a submitted edition. The reviewer must not be one of its authors (two-person rule).
 * @throws DomainError `second_pair_of_eyes`, `invalid_transition`, `forbidden`, `not_found`.
 */
export async function publishEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
}): Promise<Edition> {
  return applyAction({ ...options, action: { type: 'publish' }, auditAction: 'document.published' });
}
