import { signLink, verifyLink } from '../../../platform/signed-links.ts';

/**
 * The links in a subscriber's mail and SMS (confirm, preferences, unsubscribe) carry a token signed
 * for the subscriber and its token version: no account and no password, and raising the version
 * (after erasing, or when a subscriber asks) makes every earlier link stop working. The links do not
 * expire by date: RFC 8058 expects an unsubscribe link in an old message to work.
 */
const NEVER = new Date('2100-01-01T00:00:00Z');

function subject(subscriber: { id: string; tokenVersion: number }): string {
  return `subscriber:${subscriber.id}:${subscriber.tokenVersion}`;
}

export function subscriberToken(secret: string, subscriber: { id: string; tokenVersion: number }): string {
  return signLink(secret, subject(subscriber), NEVER);
}

export function checkSubscriberToken(
  secret: string,
  subscriber: { id: string; tokenVersion: number },
  token: string,
  now: Date,
): boolean {
  return verifyLink(secret, subject(subscriber), token, now);
}

/** The path of a subscriber's own page (preferences, confirm, unsubscribe, erase). */
export function subscriberPath(subscriber: { id: string }, token: string): string {
  return `/dingyue/s/${subscriber.id}/${token}`;
}

/** The path that unsubscribes with one POST (RFC 8058), or shows a button on GET. */
export function unsubscribePath(subscriber: { id: string }, token: string): string {
  return `${subscriberPath(subscriber, token)}/unsubscribe`;
}
