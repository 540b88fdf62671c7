import type { Role } from '../../access/index.ts';

/** A staff account. The password hash and TOTP secret never leave the auth module's stores. */
export type User = {
  id: string;
  username: string;
  displayName: string;
  homeOrgId: string;
  isActive: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  totpEnabled: boolean;
  /** Work e-mail for deadline reminders and notices; optional. */
  email: string | null;
  createdAt: string;
};

/** The secrets of an account, read only when signing in. */
export type UserCredentials = {
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
};

/** A role grant as stored: the role and the unit it is held in. */
export type StoredGrant = { id: string; userId: string; role: Role; orgId: string };

/** A staff session kept on the server; the browser holds only a random token. */
export type Session = {
  id: string;
  userId: string;
  csrfToken: string;
  /** Password accepted, second factor still owed. */
  totpPending: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** A personal API token (only its hash is stored). */
export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** After this instant the token no longer works (default 90 days after it was issued). */
  expiresAt: string;
};

/** Whether a token may still be used: not revoked and not past its expiry. */
export function isTokenUsable(token: ApiToken, now: Date): boolean {
  return token.revokedAt === null && new Date(token.expiresAt).getTime() > now.getTime();
}

/** Usernames: 3–32 lowercase letters, digits, dot, hyphen or underscore. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
