import type { FastifyReply, FastifyRequest } from 'fastify';
import { signLink, verifyLink } from '../../../platform/signed-links.ts';
import { COLUMN_PATH } from '../views/paths.ts';

/** The cookie that carries a verified person's key and its expiry, signed; never the contact. */
export const VERIFIED_COOKIE = 'gk_verified';

/** A resident whose contact was verified, known by the person key until `until`. */
export type VerifiedPerson = { personKey: string; until: Date };

const VALUE = /^([0-9a-f]{32})\.(\d{1,12}\.[A-Za-z0-9_-]{43})$/;

function subjectOf(personKey: string): string {
  return `verified-person:${personKey}`;
}

/** The cookie's value: `<person key>.<expiry seconds>.<HMAC of both>` (platform/signed-links.ts). */
export function verifiedCookieValue(secret: string, person: VerifiedPerson): string {
  return `${person.personKey}.${signLink(secret, subjectOf(person.personKey), person.until)}`;
}

/** The verified person a cookie value proves at `now`; null when it is missing, forged or expired. */
export function verifiedPersonOfValue(secret: string, value: string | undefined, now: Date): VerifiedPerson | null {
  const match = value === undefined ? null : VALUE.exec(value);
  if (!match) return null;
  const [, personKey, token] = match as unknown as [string, string, string];
  if (!verifyLink(secret, subjectOf(personKey), token, now)) return null;
  return { personKey, until: new Date(Number(token.slice(0, token.indexOf('.'))) * 1000) };
}

/** The verified person of a request, from its cookie. */
export function verifiedPersonOf(request: FastifyRequest, secret: string, now: Date): VerifiedPerson | null {
  return verifiedPersonOfValue(secret, request.cookies[VERIFIED_COOKIE], now);
}

/** Sets the proof on the reply: HttpOnly, SameSite=Lax, for the participation column only. */
export function setVerifiedCookie(
  reply: FastifyReply,
  options: { secret: string; person: VerifiedPerson; now: Date; secure: boolean },
): void {
  void reply.setCookie(VERIFIED_COOKIE, verifiedCookieValue(options.secret, options.person), {
    path: COLUMN_PATH,
    maxAge: Math.max(0, Math.floor((options.person.until.getTime() - options.now.getTime()) / 1000)),
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
  });
}
