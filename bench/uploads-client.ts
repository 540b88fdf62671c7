import { randomBytes } from 'node:crypto';
import { Agent, request, type IncomingMessage } from 'node:http';

/**
 * The clients of the uploads benchmark (`bench/uploads.ts`): multipart bodies of many megabytes
 * generated from one reused 1 MB chunk, and a client that sends one such body with backpressure,
 * keeps sending after the answer as a browser does, and records how the upload ended.
 */

const MB = 1024 * 1024;
/** A client that gets no answer and no end within this long gives up. */
const CLIENT_TIMEOUT_MS = 60_000;
/** A client that has its answer and for this long gets nothing more accepted gives up. */
export const STALL_MS = 10_000;

/** How big each client's body is: `files` files of `fileMb` MB each. */
export type BodySize = { files: number; fileMb: number };

const CHUNK = Buffer.alloc(
  MB,
  Uint8Array.from({ length: 256 }, (_, i) => i),
);

/** One multipart body of `size.files` files of `size.fileMb` MB, as its heads and tail, and its length. */
export function multipartPlan(size: BodySize): { boundary: string; parts: Buffer[]; length: number } {
  const boundary = `----gongkai-bench-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  let length = 0;
  for (let f = 0; f < size.files; f++) {
    const head = Buffer.from(
      `${f === 0 ? '' : '\r\n'}--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="upload-${f}.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    parts.push(head);
    length += head.length + size.fileMb * CHUNK.length;
  }
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  parts.push(tail);
  length += tail.length;
  return { boundary, parts, length };
}

/** The chunks of the body in order, reusing one 1 MB chunk for every file's content. */
function* bodyChunks(parts: Buffer[], size: BodySize): Generator<Buffer> {
  for (let f = 0; f < size.files; f++) {
    yield parts[f]!;
    for (let i = 0; i < size.fileMb; i++) yield CHUNK;
  }
  yield parts[size.files]!;
}

/** How a client's upload ended: whole body sent, connection closed by the server, or no progress. */
export type Ending = 'complete' | 'closed' | 'stalled' | 'timeout';

/** What one client saw. */
export type ClientResult = {
  status: number | string;
  responseMs: number | undefined;
  doneMs: number;
  /** Body bytes the client's socket accepted (flushed to the kernel). */
  sentBytes: number;
  ending: Ending;
  error: string | undefined;
  /** Longest time the socket accepted no body bytes while the body was unfinished. */
  longestPauseMs: number;
};

/**
 * One client: sends the whole multipart body (with backpressure) and records what came back. Once
 * answered it sends on, as a browser does, until the body is done, the server closes the
 * connection, or nothing more is accepted for STALL_MS (the server neither reads nor closes).
 */
export async function runClient(origin: string, path: string, started: number, size: BodySize): Promise<ClientResult> {
  const { boundary, parts, length } = multipartPlan(size);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<ClientResult>((resolve) => {
    let status: number | string | undefined;
    let responseMs: number | undefined;
    let responseEnded = false;
    let fullySent = false;
    let settled = false;
    let sentBytes = 0;
    let lastProgress = performance.now();
    let longestPauseMs = 0;
    let error: string | undefined;
    const req = request(`${origin}${path}`, {
      method: 'POST',
      agent,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) },
    });
    const finish = (ending: Ending) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      req.destroy();
      agent.destroy();
      resolve({
        status: status ?? `no answer (${error ?? ending})`,
        responseMs,
        doneMs: performance.now() - started,
        sentBytes,
        ending,
        error,
        longestPauseMs: fullySent ? longestPauseMs : Math.max(longestPauseMs, performance.now() - lastProgress),
      });
    };
    const timer = setTimeout(() => finish('timeout'), CLIENT_TIMEOUT_MS);
    const watchdog = setInterval(() => {
      if (status !== undefined && !fullySent && performance.now() - lastProgress > STALL_MS) {
        finish('stalled');
      }
    }, 250);
    req.on('response', (res: IncomingMessage) => {
      status = res.statusCode ?? 0;
      responseMs = performance.now() - started;
      res.resume();
      const ended = () => {
        responseEnded = true;
        if (fullySent) finish('complete');
      };
      res.on('end', ended);
      res.on('error', ended);
    });
    // EPIPE / ECONNRESET after the answer: the server closed the connection instead of reading on.
    req.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
      finish('closed');
    });
    req.on('close', () => setImmediate(() => finish(fullySent && responseEnded ? 'complete' : 'closed')));

    const chunks = bodyChunks(parts, size);
    const flushed = (size: number) => (writeError?: Error | null) => {
      if (writeError) return;
      sentBytes += size;
      const now = performance.now();
      longestPauseMs = Math.max(longestPauseMs, now - lastProgress);
      lastProgress = now;
    };
    // Node's client stops passing the socket's 'drain' on to the request once the answer has come on
    // a keep-alive connection, so wait for whichever of the two comes first.
    let waiting = false;
    const wake = () => {
      if (!waiting) return;
      waiting = false;
      req.off('drain', wake);
      req.socket?.off('drain', wake);
      pump();
    };
    const pump = () => {
      while (!settled && !req.destroyed && !req.writableEnded) {
        const next = chunks.next();
        if (next.done) {
          req.end(() => {
            fullySent = true;
            if (responseEnded) finish('complete');
          });
          return;
        }
        if (!req.write(next.value, flushed(next.value.length))) {
          waiting = true;
          req.once('drain', wake);
          req.socket?.once('drain', wake);
          return;
        }
      }
    };
    pump();
  });
}
