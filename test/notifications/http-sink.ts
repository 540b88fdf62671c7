import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignedBody } from '../../src/platform/signed-body.ts';

/** One request a sink received, with whether its signature verified. */
export type SinkRequest = {
  path: string;
  key: string | undefined;
  body: Record<string, unknown>;
  signature: 'ok' | 'missing' | 'invalid' | 'stale';
  /** The status the sink answered. */
  status: number;
};

/**
 * A real HTTP server on loopback standing for an SMS gateway or another platform's webhook: it checks
 * each request's signature with the shared secret (platform/signed-body.ts), can be told to fail the
 * next requests, and keeps what it took once per Idempotency-Key, as a gateway does.
 */
export async function startHttpSink(options: {
  secret: string;
  delayMs?: number;
  /** The receiver's clock for the timestamp check: the application's own in tests with a fixed clock. */
  now?: () => Date;
}): Promise<{
  url: string;
  requests: SinkRequest[];
  /** Bodies accepted (2xx), the first per idempotency key. */
  accepted: () => SinkRequest[];
  /** Answers the next `count` requests with `status`. */
  failNext: (count: number, status: number) => void;
  waitFor: (count: number, ms?: number) => Promise<void>;
  close: () => Promise<void>;
}> {
  const requests: SinkRequest[] = [];
  const failures: number[] = [];
  const seen = new Set<string>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const verdict = verifySignedBody({
        secret: options.secret,
        headers: request.headers,
        body: raw,
        now: options.now?.() ?? new Date(),
      });
      const key =
        typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : undefined;
      const status = !verdict.ok ? 401 : (failures.shift() ?? 200);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      requests.push({ path: request.url ?? '', key, body, signature: verdict.ok ? 'ok' : verdict.reason, status });
      const answer = () => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: status < 300, duplicate: key !== undefined && seen.has(key) }));
        if (status < 300 && key) seen.add(key);
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accepted = () => {
    const keys = new Set<string>();
    return requests.filter((r) => {
      if (r.status >= 300) return false;
      if (r.key === undefined) return true;
      if (keys.has(r.key)) return false;
      keys.add(r.key);
      return true;
    });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    failNext: (count, status) => failures.push(...Array.from({ length: count }, () => status)),
    async waitFor(count, ms = 5_000) {
      const until = Date.now() + ms;
      while (accepted().length < count) {
        if (Date.now() > until) throw new Error(`only ${accepted().length} of ${count} accepted within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
