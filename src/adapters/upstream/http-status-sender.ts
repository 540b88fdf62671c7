import type { UpstreamStatusSender } from '../../modules/requests/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { signedBodyHeaders } from '../../platform/signed-body.ts';

/** How long one send may take before it counts as failed. */
const TIMEOUT_MS = 10_000;

/**
 * Statuses POSTed to the provincial platform's status URL as JSON, signed with the shared secret
 * afresh for every attempt (new timestamp and nonce, so a retry an hour later is not stale). Only
 * a 2xx answer counts; redirects are not followed.
 */
export function createHttpStatusSender(options: {
  url: string;
  secret: string;
  clock: Clock;
  timeoutMs?: number;
}): UpstreamStatusSender {
  return {
    destination: options.url,
    async send(body) {
      const bytes = Buffer.from(body, 'utf8');
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...signedBodyHeaders(options.secret, bytes, options.clock.now()),
        },
        body: bytes,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
      // The answer's body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
    },
  };
}
