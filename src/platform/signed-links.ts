import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived links that prove what was shown to whom: a page that checked the applicant's second
 * factor gives links to their letters, valid for a while, without a session. A token reads
 * `<expiry seconds>.<HMAC-SHA-256 of the subject and expiry>`.
 */
export function signLink(secret: string, subject: string, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${expiry}.${mac(secret, subject, expiry)}`;
}

/** True when the token was signed for this subject and has not expired at `now`. */
export function verifyLink(secret: string, subject: string, token: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expiry = Number(match[1]);
  if (expiry * 1000 < now.getTime()) return false;
  const expected = Buffer.from(mac(secret, subject, expiry));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function mac(secret: string, subject: string, expiry: number): string {
  return createHmac('sha256', secret).update(`link:${subject}:${expiry}`).digest('base64url');
}
