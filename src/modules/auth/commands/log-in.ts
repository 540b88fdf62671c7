import type { Clock } from '../../../platform/clock.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newSecretToken, sha256Hex } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import {
  afterAddressFailure,
  afterFailedLogin,
  isAddressThrottled,
  isLocked,
  SESSION_MAX_HOURS,
} from '../domain/login-policy.ts';
import type { LoginThrottleStore, PasswordHasher, SessionStore, UserStore } from '../ports.ts';

/** A hash of a random password, checked when the username is unknown so timing does not tell. */
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bG6w4sYmoH7/8UZV243fEw$cXWRtFf4FV0nygFBTcpBXdTr83dgvqTns+C0GQAiL7o';

export type LogInResult = { sessionToken: string; userId: string; totpRequired: boolean };

/**
 * Checks a username and password and opens a server-side session. Five failures in a row lock the
 * account for 15 minutes, and twenty failures from one client address make it wait 15 minutes;
 * every attempt is in the audit log. An unknown username, a wrong password and a locked account get
 * the same answer, in about the same time, so the answer never tells which usernames exist. When the
 * user has two-factor sign-in on, the session is opened pending the second factor.
 * @throws DomainError `invalid_credentials`, or `login_throttled` for the client address.
 */
export async function logIn(options: {
  uow: UnitOfWork<{ users: UserStore; sessions: SessionStore; loginThrottle: LoginThrottleStore; audit: AuditLog }>;
  clock: Clock;
  hasher: PasswordHasher;
  username: string;
  password: string;
  ip?: string | undefined;
}): Promise<LogInResult> {
  const username = options.username.trim().toLowerCase();
  const now = options.clock.now();
  const who = (id: string | null, name: string) => ({ id, name, ip: options.ip ?? null });
  // The outcome is decided inside the transaction and thrown after it, so a failure is still recorded.
  const clientKey = `ip:${options.ip ?? 'unknown'}`;
  type Outcome = { error: 'invalid_credentials' | 'login_throttled' } | { result: LogInResult };
  const outcome = await options.uow.run(async ({ users, sessions, loginThrottle, audit }): Promise<Outcome> => {
    const addressFailures = await loginThrottle.get(clientKey);
    if (isAddressThrottled(addressFailures, now)) {
      await audit.append(
        authEntry(who(null, username.slice(0, 64)), now, {
          action: 'auth.login_refused_throttled',
          entityType: 'user',
          entityId: null,
          after: { failuresFromAddress: addressFailures?.failures ?? 0 },
        }),
      );
      return { error: 'login_throttled' };
    }
    const failed = async () => loginThrottle.put(clientKey, afterAddressFailure(addressFailures, now));
    const user = await users.getByUsername(username);
    if (!user || !user.isActive) {
      await options.hasher.verify(DECOY_HASH, options.password);
      await failed();
      await audit.append(
        authEntry(who(null, username.slice(0, 64)), now, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          after: { reason: user ? 'inactive' : 'unknown_user' },
        }),
      );
      return { error: 'invalid_credentials' };
    }
    const name = `${user.displayName}(${user.username})`;
    if (isLocked(user, now)) {
      // The same work as a real check, so a locked account answers no faster than any other.
      await options.hasher.verify(DECOY_HASH, options.password);
      await failed();
      await audit.append(
        authEntry(who(user.id, name), now, {
          action: 'auth.login_refused_locked',
          entityType: 'user',
          entityId: user.id,
        }),
      );
      return { error: 'invalid_credentials' };
    }
    const credentials = await users.getCredentials(user.id);
    const passwordOk = credentials ? await options.hasher.verify(credentials.passwordHash, options.password) : false;
    if (!passwordOk) {
      await failed();
      const status = afterFailedLogin(user, now);
      await users.update({ ...user, ...status });
      await audit.append(
        authEntry(who(user.id, name), now, {
          action: status.lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          before: { failedLogins: user.failedLogins },
          after: { failedLogins: status.failedLogins, lockedUntil: status.lockedUntil?.toISOString() ?? null },
        }),
      );
      return { error: 'invalid_credentials' };
    }
    if (user.failedLogins !== 0 || user.lockedUntil) {
      await users.update({ ...user, failedLogins: 0, lockedUntil: null });
    }
    const sessionToken = newSecretToken();
    await sessions.insert({
      id: sha256Hex(sessionToken),
      userId: user.id,
      csrfToken: newSecretToken(24),
      totpPending: user.totpEnabled,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000),
    });
    await audit.append(
      authEntry(who(user.id, name), now, {
        action: 'auth.logged_in',
        entityType: 'user',
        entityId: user.id,
        after: { secondFactorPending: user.totpEnabled },
      }),
    );
    return { result: { sessionToken, userId: user.id, totpRequired: user.totpEnabled } };
  });
  if ('error' in outcome) throw new DomainError(outcome.error);
  return outcome.result;
}
