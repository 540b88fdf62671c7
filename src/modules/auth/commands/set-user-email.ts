import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { isEmailAddress } from '../../../platform/text.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { authEntry } from '../audit-actions.ts';
import type { User } from '../domain/user.ts';
import type { UserStore } from '../ports.ts';
import { AUTH_TEXT } from '../strings.ts';

/** The address as kept: trimmed and lower-cased, or null for none. */
export function normaliseStaffEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  if (email === '') return null;
  if (!isEmailAddress(email)) {
    throw new DomainError('validation_failed', { fields: [{ field: 'email', message: AUTH_TEXT.emailShape }] });
  }
  return email;
}

/**
 * Sets or clears the work e-mail address of an account, where deadline reminders go. People set
 * their own; user managers set it for accounts inside their subtree.
 * @throws DomainError `validation_failed`, `not_found`, `out_of_scope`/`forbidden`.
 */
export async function setUserEmail(options: {
  uow: UnitOfWork<{ users: UserStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  userId: string;
  email: string;
}): Promise<User> {
  const email = normaliseStaffEmail(options.email);
  const now = options.clock.now();
  return options.uow.run(async ({ users, orgs, audit }) => {
    const user = await users.getById(options.userId);
    if (!user) throw new DomainError('not_found');
    const own = options.actor.kind === 'staff' && options.actor.userId === user.id;
    if (!own) {
      const home = await orgs.getById(user.homeOrgId);
      requirePermission(options.actor, 'user.manage', home?.path ?? '/');
    }
    if (user.email === email) return user;
    const after: User = { ...user, email };
    await users.update(after);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.email_changed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.homeOrgId,
        before: { email: user.email },
        after: { email },
      }),
    );
    return after;
  });
}
