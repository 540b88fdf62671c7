import type { Clock } from '../../../platform/clock.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { afterFailedLogin, isLocked } from '../domain/login-policy.ts';
import { verifyTotp } from '../domain/totp.ts';
import type { SessionStore, UserStore } from '../ports.ts';

/**
 * Completes a sign-in that is waiting for the second factor. Wrong codes count towards the same
 * lockout as wrong passwords; a used code cannot be used again.
 * @throws DomainError `unauthenticated`, `totp_invalid` or `account_locked`.
 */
export async function verifySecondFactor(options: {
  uow: UnitOfWork<{ users: UserStore; sessions: SessionStore; audit: AuditLog }>;
  clock: Clock;
  sessionId: string;
  code: string;
  ip?: string | undefined;
}): Promise<void> {
  const now = options.clock.now();
  const outcome = await options.uow.run(async ({ users, sessions, audit }) => {
    const session = await sessions.get(options.sessionId);
    if (!session || !session.totpPending) return 'unauthenticated' as const;
    const user = await users.getById(session.userId);
    const credentials = user && (await users.getCredentials(user.id));
    if (!user || !credentials?.totpSecret) return 'unauthenticated' as const;
    const who = { id: user.id, name: `${user.displayName}(${user.username})`, ip: options.ip ?? null };
    if (isLocked(user, now)) {
      await sessions.delete(session.id);
      return 'account_locked' as const;
    }
    const step = verifyTotp(credentials.totpSecret, options.code, now, credentials.totpLastStep);
    if (step === undefined) {
      const status = afterFailedLogin(user, now);
      await users.update({ ...user, ...status });
      if (status.lockedUntil) await sessions.delete(session.id);
      await audit.append(
        authEntry(who, now, {
          action: status.lockedUntil ? 'auth.account_locked' : 'auth.second_factor_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: status.failedLogins },
        }),
      );
      return status.lockedUntil ? ('account_locked' as const) : ('totp_invalid' as const);
    }
    await users.setTotpLastStep(user.id, step);
    if (user.failedLogins !== 0) await users.update({ ...user, failedLogins: 0, lockedUntil: null });
    await sessions.markTotpPassed(session.id);
    await audit.append(
      authEntry(who, now, { action: 'auth.second_factor_passed', entityType: 'user', entityId: user.id }),
    );
    return 'ok' as const;
  });
  if (outcome !== 'ok') throw new DomainError(outcome);
}
