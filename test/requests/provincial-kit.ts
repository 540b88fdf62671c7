import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The secret the provincial platform and the test app share. */
export const UPSTREAM_SECRET = 'provincial-platform-shared-secret-0123456789';

/**
 * Signs a body as the provincial platform does, written out here with node:crypto rather than with
 * the code under test: HMAC-SHA256 over `timestamp \n nonce \n body`, lowercase hex.
 */
export function signAsUpstream(
  body: string | Buffer,
  options: { at: Date; nonce?: string; secret?: string },
): Record<string, string> {
  const timestamp = String(Math.floor(options.at.getTime() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const signature = createHmac('sha256', options.secret ?? UPSTREAM_SECRET)
    .update(`${timestamp}\n${nonce}\n`)
    .update(typeof body === 'string' ? Buffer.from(body) : body)
    .digest('hex');
  return { 'x-gongkai-timestamp': timestamp, 'x-gongkai-nonce': nonce, 'x-gongkai-signature': signature };
}

/** Posts a signed body to the intake as the provincial platform would. */
export function postUpstream(
  server: FastifyInstance,
  body: unknown,
  options: { at: Date; headers?: Record<string, string>; nonce?: string },
) {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return server.inject({
    method: 'POST',
    url: '/api/v1/upstream/foi/applications',
    headers: {
      'content-type': 'application/json',
      ...signAsUpstream(payload, { at: options.at, ...(options.nonce ? { nonce: options.nonce } : {}) }),
      ...options.headers,
    },
    payload,
  });
}

/** One status the stand-in received, with whether its signature and timestamp held. */
export type ReceivedStatus = { body: Record<string, unknown>; signatureValid: boolean; timestampFresh: boolean };

/**
 * A real HTTP server on loopback standing in for the provincial platform's status URL: it checks
 * every push's signature on the raw bytes (independently of the code under test) and keeps what it
 * received. `answer` says how it replies; `stop` and `start` take it off the network and back on
 * the same port (connection refused meanwhile).
 */
export async function startStatusReceiver(now: () => Date) {
  const received: ReceivedStatus[] = [];
  const state = { answer: 200 };
  const handle = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => String(request.headers[name] ?? '');
      const expected = createHmac('sha256', UPSTREAM_SECRET)
        .update(`${header('x-gongkai-timestamp')}\n${header('x-gongkai-nonce')}\n`)
        .update(raw)
        .digest();
      const given = Buffer.from(header('x-gongkai-signature'), 'hex');
      const signatureValid =
        given.length === expected.length &&
        timingSafeEqual(given, expected) &&
        /^[A-Za-z0-9_-]{16,64}$/.test(header('x-gongkai-nonce')) &&
        request.headers['content-type'] === 'application/json; charset=utf-8';
      const timestampFresh = Math.abs(Number(header('x-gongkai-timestamp')) * 1000 - now().getTime()) <= 300_000;
      // 0: never answer (the sender's timeout must end the wait).
      if (state.answer === 0) return;
      if (state.answer === 200) {
        received.push({
          body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
          signatureValid,
          timestampFresh,
        });
      }
      response.writeHead(state.answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  let server: Server = handle;
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}/gongkai/status`,
    received,
    /** The status code it answers with from now on (only 200 keeps the status; 0 never answers). */
    answer(status: number) {
      state.answer = status;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      server = handle;
      await listen(port);
    },
  };
}
