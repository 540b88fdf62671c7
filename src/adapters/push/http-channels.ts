import { SendFailure, type SmsGateway, type WebhookSender } from '../../modules/notifications/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { signedBodyHeaders } from '../../platform/signed-body.ts';

/** How long one send may take before it counts as failed (and is tried again). */
const TIMEOUT_MS = 10_000;

/**
 * POSTs signed JSON and reads the answer: 2xx is done; 408, 429 and 5xx (and no answer) are tried
 * again; any other status is final. The body is signed afresh on every attempt (timestamp, nonce,
 * HMAC-SHA256, see platform/signed-body.ts); `Idempotency-Key` stays the same on every attempt, so
 * the receiver recognises a message it has already taken.
 */
async function postSigned(options: {
  url: string;
  secret: string;
  body: unknown;
  key: string;
  clock: Clock;
  timeoutMs: number;
}): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(options.body), 'utf8');
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': options.key,
        ...signedBodyHeaders(options.secret, bytes, options.clock.now()),
      },
      body: bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new SendFailure(error instanceof Error ? error.message : String(error), false);
  }
  await response.arrayBuffer().catch(() => undefined);
  if (response.status >= 200 && response.status <= 299) return;
  const retry = response.status === 408 || response.status === 429 || response.status >= 500;
  throw new SendFailure(`HTTP ${response.status}`, !retry);
}

/**
 * The SMS gateway over HTTP: `{ "to": "13800000000", "text": "…" }` POSTed as signed JSON. The text
 * is already within 70 characters (domain/compose.ts).
 */
export function createHttpSmsGateway(options: {
  url: string;
  secret: string;
  clock: Clock;
  timeoutMs?: number;
}): SmsGateway {
  return {
    destination: options.url,
    send: (message) =>
      postSigned({
        url: options.url,
        secret: options.secret,
        body: { to: message.to, text: message.text },
        key: message.key,
        clock: options.clock,
        timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      }),
  };
}

/** Webhooks: each registered platform's URL gets the payload signed with its own secret. */
export function createHttpWebhookSender(options: { clock: Clock; timeoutMs?: number }): WebhookSender {
  return {
    post: (target, payload, key) =>
      postSigned({
        url: target.url,
        secret: target.secret,
        body: payload,
        key,
        clock: options.clock,
        timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      }),
  };
}
