import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import { checkPasswordStrength } from '../domain/login-policy.ts';
import type { ApiTokenStore, PasswordHasher, SessionStore, UserStore } from '../ports.ts';
import { endUserAccess } from './end-user-access.ts';

/**
 * Sets a new password: users change their own (giving the current one), user managers reset
 * others' inside their subtree. Every session and API token of that user ends, and a lockout is
 * lifted.
 * @throws DomainError `validation_failed`, `invalid_credentials`, `not_found`, `out_of_scope`.
 */
export async function setPassword(options: {
  uow: UnitOfWork<{ users: UserStore; orgs: OrgStore; sessions: SessionStore; tokens: ApiTokenStore; audit: AuditLog }>;
  clock: Clock;
  hasher: PasswordHasher;
  actor: Actor;
  userId: string;
  newPassword: string;
  currentPassword?: string | undefined;
}): Promise<void> {
  assertNoFieldIssues(checkPasswordStrength(options.newPassword));
  const passwordHash = await options.hasher.hash(options.newPassword);
  const now = options.clock.now();
  await options.uow.run(async ({ users, orgs, sessions, tokens, audit }) => {
    const user = await users.getById(options.userId);
    if (!user) throw new DomainError('not_found');
    const isSelf = options.actor.kind === 'staff' && options.actor.userId === user.id;
    if (isSelf) {
      const credentials = await users.getCredentials(user.id);
      const ok = credentials && (await options.hasher.verify(credentials.passwordHash, options.currentPassword ?? ''));
      if (!ok)
        throw new DomainError('validation_failed', {
          fields: [{ field: 'currentPassword', message: AUTH_TEXT.currentPasswordWrong }],
        });
    } else {
      const home = await orgs.getById(user.homeOrgId);
      requirePermission(options.actor, 'user.manage', home?.path ?? '/');
    }
    await users.setPassword(user.id, passwordHash, now);
    await users.update({ ...user, failedLogins: 0, lockedUntil: null });
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: isSelf ? 'user.password_changed' : 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        orgId: user.homeOrgId,
      }),
    );
    await endUserAccess(
      { sessions, tokens, audit },
      { actor: options.actor, user, now, reason: isSelf ? 'password_changed' : 'password_reset' },
    );
  });
}
