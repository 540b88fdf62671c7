/** How many times a delivery is tried before it is kept as failed, and the first retry's delay. */
export const DELIVERY_ATTEMPTS = 6;
export const DELIVERY_FIRST_RETRY_SECONDS = 30;

/** Backoff: 30 s, 1, 2, 4, 8 min after the first to fifth failure. */
export function deliveryRetrySeconds(failedAttempts: number): number {
  return DELIVERY_FIRST_RETRY_SECONDS * 2 ** Math.max(0, failedAttempts - 1);
}

/**
 * Why a send failed, as the channel adapter says: `permanent` (the address does not exist, the
 * receiver refused the message for good: an SMTP 5xx, an HTTP 4xx other than 408 and 429) ends the
 * delivery; `temporary` (a timeout, a 4xx SMTP reply, an HTTP 5xx) is tried again.
 */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** Where a delivery goes after a failed attempt. */
export function afterFailure(
  error: unknown,
  attempts: number,
  now: Date,
): { state: 'queued' | 'failed' | 'bounced'; nextAttemptAt: Date } {
  if (error instanceof SendFailure && error.permanent) return { state: 'bounced', nextAttemptAt: now };
  if (attempts >= DELIVERY_ATTEMPTS) return { state: 'failed', nextAttemptAt: now };
  return { state: 'queued', nextAttemptAt: new Date(now.getTime() + deliveryRetrySeconds(attempts) * 1000) };
}
