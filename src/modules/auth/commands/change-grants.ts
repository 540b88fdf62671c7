import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { auditActor, canGrant, type Actor, ROLE_LABELS, type Role } from '../../access/index.ts';
import type { ApiTokenStore, SessionStore, UserStore } from '../ports.ts';
import { endUserAccess } from './end-user-access.ts';

type Stores = { users: UserStore; orgs: OrgStore; audit: AuditLog };
type RevokeStores = Stores & { sessions: SessionStore; tokens: ApiTokenStore };

/**
 * Gives a user a role in a unit.
 * @throws DomainError `not_found`, `conflict` (already held), `out_of_scope`.
 */
export async function grantRole(options: {
  uow: UnitOfWork<Stores>;
  clock: Clock;
  actor: Actor;
  userId: string;
  role: Role;
  orgId: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async ({ users, orgs, audit }) => {
    const user = await users.getById(options.userId);
    const org = await orgs.getById(options.orgId);
    if (!user || !org) throw new DomainError('not_found');
    if (!canGrant(options.actor, options.role, org.path)) {
      throw new DomainError('out_of_scope', {
        message: AUTH_TEXT.cannotGrantRole(org.name, ROLE_LABELS[options.role]),
      });
    }
    const existing = await users.grantsOf(user.id);
    if (existing.some((g) => g.role === options.role && g.orgId === org.id)) {
      throw new DomainError('conflict', { message: AUTH_TEXT.roleAlreadyHeld });
    }
    const grant = { id: newId(), userId: user.id, role: options.role, orgId: org.id };
    await users.addGrant(grant, now);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.role_granted',
        entityType: 'user',
        entityId: user.id,
        orgId: org.id,
        after: grant,
      }),
    );
  });
}

/**
 * Takes a role away. Only someone who could grant it may take it away. The user's sessions and API
 * tokens end with it, so nothing signed in under the old roles lingers.
 * @throws DomainError `not_found`, `out_of_scope`.
 */
export async function revokeRole(options: {
  uow: UnitOfWork<RevokeStores>;
  clock: Clock;
  actor: Actor;
  userId: string;
  grantId: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async ({ users, orgs, audit, sessions, tokens }) => {
    const grant = (await users.grantsOf(options.userId)).find((g) => g.id === options.grantId);
    const org = grant && (await orgs.getById(grant.orgId));
    const user = await users.getById(options.userId);
    if (!grant || !org || !user) throw new DomainError('not_found');
    if (!canGrant(options.actor, grant.role, org.path)) throw new DomainError('out_of_scope');
    await users.removeGrant(grant.id);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.role_revoked',
        entityType: 'user',
        entityId: options.userId,
        orgId: org.id,
        before: grant,
      }),
    );
    await endUserAccess({ sessions, tokens, audit }, { actor: options.actor, user, now, reason: 'role_removed' });
  });
}
