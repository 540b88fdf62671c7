import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * HTTP bodies signed with a shared secret, for calls between two platforms (the provincial
 * disclosure platform and Gongkai) in both directions. Three headers travel with the body:
 *
 * - `X-Gongkai-Timestamp`: Unix time in seconds when the sender signed, decimal digits;
 * - `X-Gongkai-Nonce`: 16 to 64 characters of `A–Z a–z 0–9 _ -`, new for every request;
 * - `X-Gongkai-Signature`: lowercase hex of HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" +
 *   body), the body as the exact bytes sent.
 *
 * The receiver checks the signature over the raw bytes before it parses anything, refuses a
 * timestamp more than five minutes away from its own clock, and remembers each nonce until its
 * timestamp leaves that window, so a captured request cannot be sent again.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-gongkai-timestamp',
  nonce: 'x-gongkai-nonce',
  signature: 'x-gongkai-signature',
} as const;

/** How far a signed request's timestamp may lie from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const TIMESTAMP = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;

/** The signature of a body: lowercase hex HMAC-SHA256 over `timestamp \n nonce \n body`. */
export function bodySignature(secret: string, timestamp: string, nonce: string, body: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n`).update(body).digest('hex');
}

/** The three headers that sign `body` at `now`, with a fresh random nonce unless one is given. */
export function signedBodyHeaders(
  secret: string,
  body: Buffer,
  now: Date,
  nonce = randomBytes(18).toString('base64url'),
): Record<(typeof SIGNATURE_HEADERS)[keyof typeof SIGNATURE_HEADERS], string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: bodySignature(secret, timestamp, nonce, body),
  };
}

/** What the check of a signed body found: a good signature (with its nonce and time) or why not. */
export type SignatureVerdict =
  { ok: true; nonce: string; signedAt: Date } | { ok: false; reason: 'missing' | 'invalid' | 'stale' };

/**
 * Checks the signature headers against the raw body at `now`: all three present, each once and
 * well formed (else `missing`), the HMAC equal in constant time (else `invalid`), the timestamp
 * within the tolerance (else `stale`). The nonce's novelty is the caller's to check: it needs
 * durable storage.
 */
export function verifySignedBody(options: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  now: Date;
}): SignatureVerdict {
  const one = (name: string) => {
    const value = options.headers[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const timestamp = one(SIGNATURE_HEADERS.timestamp);
  const nonce = one(SIGNATURE_HEADERS.nonce);
  const signature = one(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'missing' };
  if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SIGNATURE.test(signature)) {
    return { ok: false, reason: 'invalid' };
  }
  const expected = Buffer.from(bodySignature(options.secret, timestamp, nonce, options.body), 'hex');
  const given = Buffer.from(signature, 'hex');
  // Both are 32 bytes (the pattern above), so the comparison's time tells nothing.
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const signedAt = new Date(Number(timestamp) * 1000);
  if (Math.abs(options.now.getTime() - signedAt.getTime()) > SIGNATURE_TOLERANCE_SECONDS * 1000) {
    return { ok: false, reason: 'stale' };
  }
  return { ok: true, nonce, signedAt };
}

/** Until when a nonce must be remembered: as long as its timestamp is still accepted. */
export function nonceExpiry(signedAt: Date): Date {
  return new Date(signedAt.getTime() + SIGNATURE_TOLERANCE_SECONDS * 1000);
}
