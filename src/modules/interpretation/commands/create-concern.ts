import { newId } from '../../../platform/ids.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { actorUserId, auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { interpretationEntry } from '../audit-actions.ts';
import { checkConcern, type Concern, type ConcernInput } from '../domain/concern.ts';
import type { ConcernStore } from '../ports.ts';

export type ConcernStores = { concerns: ConcernStore; orgs: OrgStore; audit: AuditLog };

/**
 * Records a public concern for a unit to respond to (回应关切): staff who may draft the unit's
 * documents record it, with where and when it was first reported, so that the time to the first
 * response is measured from the report, not from when someone got round to writing it down.
 * @throws DomainError `validation_failed` (title, summary, source, reportedAt), `not_found`, `forbidden`.
 */
export async function createConcern(options: {
  uow: UnitOfWork<ConcernStores>;
  clock: Clock;
  actor: Actor;
  orgId: string;
  input: ConcernInput;
}): Promise<Concern> {
  const now = options.clock.now();
  const checked = checkConcern(options.input, now);
  if (!checked.ok) throw new DomainError('validation_failed', { fields: checked.issues });
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(options.orgId);
    if (!org) throw new DomainError('not_found');
    requirePermission(options.actor, 'document.draft', org.path);
    const concern: Concern = {
      id: newId(),
      orgId: org.id,
      ...checked.value,
      createdAt: now.toISOString(),
      createdBy: actorUserId(options.actor) ?? 'system',
    };
    await stores.concerns.insert(concern);
    await stores.audit.append(
      interpretationEntry(auditActor(options.actor), now, {
        action: 'concern.created',
        entityType: 'concern',
        entityId: concern.id,
        orgId: org.id,
        after: concern,
      }),
    );
    return concern;
  });
}
