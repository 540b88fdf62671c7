import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens. A signed-in page carries its session's random token (synchronizer token). Before
 * sign-in, a random value in a cookie is paired with its HMAC in the form, so a token planted in
 * the cookie alone is useless (signed double-submit).
 */
export function anonymousCsrfToken(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

/** Compares two tokens in constant time. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
