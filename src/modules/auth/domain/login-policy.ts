import type { FieldIssue } from '../../../platform/errors.ts';
import { AUTH_TEXT } from '../strings.ts';

/** After this many failed sign-ins in a row the account locks. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCKOUT_MINUTES = 15;
/** An absolute limit on a session, whatever its activity. */
export const SESSION_MAX_HOURS = 12;

/** The state of an account that decides whether it may try to sign in now. */
export type LoginStatus = { failedLogins: number; lockedUntil: Date | null };

/** True while a lockout is in force. */
export function isLocked(status: LoginStatus, now: Date): boolean {
  return status.lockedUntil !== null && status.lockedUntil.getTime() > now.getTime();
}

/** The account's status after one more failed attempt: the fifth failure locks it for 15 minutes. */
export function afterFailedLogin(status: LoginStatus, now: Date): LoginStatus {
  // A lock that has run out starts a fresh count.
  const previous = status.lockedUntil && status.lockedUntil <= now ? 0 : status.failedLogins;
  const failedLogins = previous + 1;
  return failedLogins >= MAX_FAILED_LOGINS
    ? { failedLogins, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
    : { failedLogins, lockedUntil: null };
}

/** Failed sign-ins from one client address, whatever the usernames, before it must wait. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** The window those failures are counted in, and how long the address then waits. */
export const ADDRESS_WINDOW_MINUTES = 15;

/** Failed sign-ins counted for one client address in the current window. */
export type AddressFailures = { failures: number; windowStartedAt: Date };

/** True while an address has used up its failed attempts for the current window. */
export function isAddressThrottled(record: AddressFailures | undefined, now: Date): boolean {
  return (
    record !== undefined &&
    record.failures >= MAX_FAILURES_PER_ADDRESS &&
    now.getTime() - record.windowStartedAt.getTime() < ADDRESS_WINDOW_MINUTES * 60_000
  );
}

/** The address's count after one more failure: a window that has run out starts again at one. */
export function afterAddressFailure(record: AddressFailures | undefined, now: Date): AddressFailures {
  if (!record || now.getTime() - record.windowStartedAt.getTime() >= ADDRESS_WINDOW_MINUTES * 60_000) {
    return { failures: 1, windowStartedAt: now };
  }
  return { failures: record.failures + 1, windowStartedAt: record.windowStartedAt };
}

/** True when a session has been idle longer than the configured idle timeout. */
export function isSessionIdle(lastSeenAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;
}

/** Password rules: at least 10 characters, with letters and digits. */
export function checkPasswordStrength(password: string): FieldIssue[] {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return [{ field: 'password', message: AUTH_TEXT.passwordTooWeak }];
  }
  return [];
}
