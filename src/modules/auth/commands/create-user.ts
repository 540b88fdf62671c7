import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError, assertNoFieldIssues, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { auditActor, canGrant, requirePermission, type Actor, ROLE_LABELS, type Role } from '../../access/index.ts';
import { checkPasswordStrength } from '../domain/login-policy.ts';
import { USERNAME_PATTERN, type User } from '../domain/user.ts';
import type { PasswordHasher, UserStore } from '../ports.ts';
import { normaliseStaffEmail } from './set-user-email.ts';

export type NewUserInput = {
  username: string;
  displayName: string;
  homeOrgId: string;
  password: string;
  /** Work e-mail for reminders; empty for none. */
  email?: string;
  grants: { role: Role; orgId: string }[];
};

/**
 * Creates a staff account in `homeOrgId` with its roles. The actor must manage users there and be
 * allowed to grant each role in each unit (always inside their own subtree).
 * @throws DomainError `validation_failed`, `out_of_scope`/`forbidden`.
 */
export async function createUser(options: {
  uow: UnitOfWork<{ users: UserStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  hasher: PasswordHasher;
  actor: Actor;
  input: NewUserInput;
  /** The demo seeder may use the one configured demo password whatever its strength. */
  skipPasswordStrength?: boolean;
}): Promise<User> {
  const { input, actor } = options;
  const username = input.username.trim().toLowerCase();
  const issues: FieldIssue[] = [];
  if (!USERNAME_PATTERN.test(username)) {
    issues.push({ field: 'username', message: AUTH_TEXT.usernameShape });
  }
  if (input.displayName.trim().length < 2 || input.displayName.length > 40) {
    issues.push({ field: 'displayName', message: AUTH_TEXT.displayNameLength });
  }
  if (!options.skipPasswordStrength) issues.push(...checkPasswordStrength(input.password));
  let email: string | null = null;
  try {
    email = normaliseStaffEmail(input.email ?? '');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    issues.push(...error.fields);
  }
  assertNoFieldIssues(issues);
  const passwordHash = await options.hasher.hash(input.password);
  const now = options.clock.now();
  return options.uow.run(async ({ users, orgs, audit }) => {
    const home = await orgs.getById(input.homeOrgId);
    if (!home)
      throw new DomainError('validation_failed', {
        fields: [{ field: 'homeOrgId', message: AUTH_TEXT.homeOrgMissing }],
      });
    requirePermission(actor, 'user.manage', home.path);
    if (await users.getByUsername(username)) {
      throw new DomainError('validation_failed', { fields: [{ field: 'username', message: AUTH_TEXT.usernameTaken }] });
    }
    const user: User = {
      id: newId(),
      username,
      displayName: input.displayName.trim(),
      homeOrgId: home.id,
      isActive: true,
      failedLogins: 0,
      lockedUntil: null,
      totpEnabled: false,
      email,
      createdAt: now.toISOString(),
    };
    await users.insert(user, passwordHash);
    for (const grant of input.grants) {
      const org = await orgs.getById(grant.orgId);
      if (!org)
        throw new DomainError('validation_failed', {
          fields: [{ field: 'grants', message: AUTH_TEXT.grantOrgMissing }],
        });
      if (!canGrant(actor, grant.role, org.path)) {
        throw new DomainError('out_of_scope', {
          message: AUTH_TEXT.cannotGrantRole(org.name, ROLE_LABELS[grant.role]),
        });
      }
      await users.addGrant({ id: newId(), userId: user.id, role: grant.role, orgId: org.id }, now);
    }
    await audit.append(
      authEntry(auditActor(actor), now, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        orgId: home.id,
        after: { ...user, grants: input.grants },
      }),
    );
    return user;
  });
}
