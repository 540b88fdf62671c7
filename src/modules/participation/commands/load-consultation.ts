import { requirePermission, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { Org } from '../../orgs/index.ts';
import type { Consultation } from '../domain/consultation.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * A consultation and its unit, for a change by `actor` (interaction officers of the unit's subtree).
 * @throws DomainError `not_found`, `unauthenticated`, `forbidden`, `out_of_scope`.
 */
export async function loadForChange(
  stores: Pick<ParticipationStores, 'consultations' | 'orgs'>,
  actor: Actor,
  consultationId: string,
): Promise<{ consultation: Consultation; org: Org }> {
  const consultation = await stores.consultations.get(consultationId);
  const org = consultation ? await stores.orgs.getById(consultation.orgId) : undefined;
  if (!consultation || !org) throw new DomainError('not_found');
  requirePermission(actor, 'interaction.handle', org.path);
  return { consultation, org };
}
