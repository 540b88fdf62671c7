import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  checkPasswordStrength,
  isLocked,
  isSessionIdle,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  type LoginStatus,
} from './login-policy.ts';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const minutesFrom = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
const FRESH: LoginStatus = { failedLogins: 0, lockedUntil: null };

describe('the lockout policy', () => {
  it('locks after 5 failures for 15 minutes', () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(15);
  });

  it.each([
    { failures: 1, expected: { failedLogins: 1, lockedUntil: null } },
    { failures: 2, expected: { failedLogins: 2, lockedUntil: null } },
    { failures: 3, expected: { failedLogins: 3, lockedUntil: null } },
    { failures: 4, expected: { failedLogins: 4, lockedUntil: null } },
    { failures: 5, expected: { failedLogins: 5, lockedUntil: new Date('2026-03-02T02:15:00.000Z') } },
  ])('after $failures failure(s) in a row the status is $expected', ({ failures, expected }) => {
    let status = FRESH;
    for (let i = 0; i < failures; i++) status = afterFailedLogin(status, NOW);
    expect(status).toEqual(expected);
  });

  it.each([
    { at: minutesFrom(NOW, 0), locked: true, when: 'at the moment of locking' },
    { at: new Date('2026-03-02T02:14:59.999Z'), locked: true, when: '1 ms before 15 minutes have passed' },
    { at: new Date('2026-03-02T02:15:00.000Z'), locked: false, when: 'exactly 15 minutes later' },
    { at: minutesFrom(NOW, 60), locked: false, when: 'an hour later' },
  ])('the fifth failure holds the lock: locked=$locked $when', ({ at, locked }) => {
    const status = afterFailedLogin({ failedLogins: 4, lockedUntil: null }, NOW);
    expect(isLocked(status, at)).toBe(locked);
  });

  it('never locks an account without a lockedUntil, whatever the count', () => {
    expect(isLocked({ failedLogins: 99, lockedUntil: null }, NOW)).toBe(false);
  });

  it.each([
    { ranOutAt: NOW, why: 'a lock that runs out at this very moment' },
    { ranOutAt: minutesFrom(NOW, -1), why: 'a lock that ran out a minute ago' },
  ])('restarts the count after $why', ({ ranOutAt }) => {
    const status = afterFailedLogin({ failedLogins: 5, lockedUntil: ranOutAt }, NOW);
    expect(status).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it('needs five new failures to lock again once a lock has run out', () => {
    let status: LoginStatus = { failedLogins: 5, lockedUntil: minutesFrom(NOW, -1) };
    for (let i = 1; i <= 4; i++) {
      status = afterFailedLogin(status, NOW);
      expect(status).toEqual({ failedLogins: i, lockedUntil: null });
    }
    status = afterFailedLogin(status, NOW);
    expect(status).toEqual({ failedLogins: 5, lockedUntil: minutesFrom(NOW, 15) });
  });
});

describe('isSessionIdle', () => {
  const lastSeen = new Date('2026-03-02T02:00:00.000Z');
  it.each([
    { now: '2026-03-02T02:00:00.000Z', idle: false, after: 'no time' },
    { now: '2026-03-02T02:29:59.999Z', idle: false, after: '1 ms under 30 minutes' },
    { now: '2026-03-02T02:30:00.000Z', idle: false, after: 'exactly 30 minutes' },
    { now: '2026-03-02T02:30:00.001Z', idle: true, after: '1 ms over 30 minutes' },
    { now: '2026-03-02T05:00:00.000Z', idle: true, after: 'three hours' },
  ])('with a 30-minute timeout, a session is idle=$idle after $after', ({ now, idle }) => {
    expect(isSessionIdle(lastSeen, new Date(now), 30)).toBe(idle);
  });
});

describe('checkPasswordStrength', () => {
  it.each([
    { password: 'abcdefgh12', why: '10 characters with letters and digits' },
    { password: 'Correct horse battery 9', why: 'a passphrase with a digit' },
    { password: '密码密码密码密码a1', why: 'Chinese characters with a Latin letter and a digit' },
  ])('accepts $why', ({ password }) => {
    expect(checkPasswordStrength(password)).toEqual([]);
  });

  it.each([
    { password: '', why: 'an empty password' },
    { password: 'abcdefg12', why: '9 characters' },
    { password: 'abcdefghij', why: 'no digit' },
    { password: '1234567890', why: 'no letter' },
    { password: '密码密码密码密码12', why: 'no Latin letter' },
    { password: 'ａｂｃｄｅｆｇｈ１２', why: 'full-width letters and digits only' },
  ])('refuses $why, on the password field in Chinese', ({ password }) => {
    expect(checkPasswordStrength(password)).toEqual([
      { field: 'password', message: '密码至少10位，且须同时包含字母和数字。' },
    ]);
  });
});
