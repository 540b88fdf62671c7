import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { User } from '../domain/user.ts';
import type { ApiTokenStore, SessionStore, UserStore } from '../ports.ts';
import { endUserAccess } from './end-user-access.ts';

/**
 * Disables an account (a person who left or moved) or enables it again, inside the manager's
 * subtree. Disabling ends every session and API token of the account at once; nobody disables
 * their own account.
 * @throws DomainError `not_found`, `out_of_scope`, `forbidden`.
 */
export async function setUserActive(options: {
  uow: UnitOfWork<{ users: UserStore; orgs: OrgStore; sessions: SessionStore; tokens: ApiTokenStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  userId: string;
  active: boolean;
}): Promise<User> {
  const now = options.clock.now();
  return options.uow.run(async ({ users, orgs, sessions, tokens, audit }) => {
    const user = await users.getById(options.userId);
    if (!user) throw new DomainError('not_found');
    if (options.actor.kind !== 'system') {
      const home = await orgs.getById(user.homeOrgId);
      requirePermission(options.actor, 'user.manage', home?.path ?? '/');
    }
    if (!options.active && options.actor.kind === 'staff' && options.actor.userId === user.id) {
      throw new DomainError('forbidden', { message: AUTH_TEXT.cannotDisableSelf });
    }
    if (user.isActive === options.active) return user;
    const after: User = { ...user, isActive: options.active, failedLogins: 0, lockedUntil: null };
    await users.update(after);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: options.active ? 'user.enabled' : 'user.disabled',
        entityType: 'user',
        entityId: user.id,
        orgId: user.homeOrgId,
        before: { isActive: user.isActive },
        after: { isActive: options.active },
      }),
    );
    if (!options.active) {
      await endUserAccess({ sessions, tokens, audit }, { actor: options.actor, user, now, reason: 'account_disabled' });
    }
    return after;
  });
}
