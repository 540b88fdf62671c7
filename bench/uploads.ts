/**
 * Benchmark of anonymous uploads: shows that the server's memory does not grow with the size of a
 * multipart body sent where nobody may upload. For each target, 8 clients at once each send one
 * multipart/form-data request of 5 files × 19 MB (≈ 95 MB a client, ≈ 760 MB in all) with no
 * cookie and no token, while the resident memory (VmRSS) of the server process is sampled every
 * 25 ms. The targets:
 *
 * - `POST /admin/login`: the sign-in form takes no files, so a multipart body gets 415 unread;
 * - `POST /admin/editions/…/attachments`: a back-office upload route, anonymous → 303 to sign-in;
 * - `POST /api/v1/staff/editions/…/attachments`: an API upload route, no token → 401.
 *
 * The server is the real product (`node bin/gongkai.js start`) in a child process on a fresh data
 * directory, a fresh process for every measurement. The same clients are also sent to a minimal
 * `node:http` server (a child process too) that answers 415 at once without reading the body: the
 * floor any Node process can reach. Clients use keep-alive connections, as browsers do, and keep
 * sending their whole body after the answer unless the server closes the connection, so the server
 * either drops the connection or has to read (and throw away) all of it. Growth is measured in
 * every round and the verdict takes the worst round.
 *
 * Run: `npx tsx bench/uploads.ts` (options: --clients 8 --files 5 --file-mb 19 --limit-mb 50
 * --rounds 3). Exit code 0 when every target's RSS growth stays under the limit in every round, 1
 * otherwise; a client that got no answer or an unexpected status is printed as a note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '8' },
    files: { type: 'string', default: '5' },
    'file-mb': { type: 'string', default: '19' },
    'limit-mb': { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
  },
});
const CLIENTS = Number(values.clients);
const FILES = Number(values.files);
const FILE_MB = Number(values['file-mb']);
const LIMIT_MB = Number(values['limit-mb']);
const ROUNDS = Number(values.rounds);
const MB = 1024 * 1024;
const SAMPLE_MS = 25;
const TAIL_MS = 500;
const CLIENT_TIMEOUT_MS = 60_000;
/** A client that has its answer and for this long gets nothing more accepted gives up. */
const STALL_MS = 10_000;
const EDITION = '0000000000000000';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Target = { name: string; path: string; expected: number };

const TARGETS: Target[] = [
  { name: 'POST /admin/login (no files here)', path: '/admin/login', expected: 415 },
  { name: 'POST /admin/editions/…/attachments', path: `/admin/editions/${EDITION}/attachments`, expected: 303 },
  {
    name: 'POST /api/v1/staff/editions/…/attachments',
    path: `/api/v1/staff/editions/${EDITION}/attachments`,
    expected: 401,
  },
];

/**
 * The floor: answers 415 to everything at once and never reads a body itself (Node's server then
 * reads the rest of it and throws it away, to keep the keep-alive connection usable).
 */
const BASELINE_SCRIPT = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  res.writeHead(415, { 'content-type': 'application/json; charset=utf-8' });
  res.end('{"code":"unsupported_media_type"}');
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => process.exit(0));
`;

// ——— child processes ———

type Server = { child: ChildProcess; pid: number; origin: string; stop: () => Promise<void> };

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a server process and waits for the URL it prints. */
async function startServer(command: string[], env: NodeJS.ProcessEnv, label: string): Promise<Server> {
  const child = spawn(process.execPath, command, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: no URL printed after 90 s\n${output}`)), 90_000);
    const onData = (data: Buffer) => {
      output += data.toString('utf8');
      const match = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label}: exited (${code ?? signal}) before listening\n${output}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full one; keep the tail for errors.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  const keep = (data: Buffer) => {
    output = (output + data.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    pid: child.pid!,
    origin,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      running.delete(child);
    },
  };
}

function gongkaiEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_DEMO_PASSWORD: 'Bench-uploads-2026',
    GONGKAI_SCHEDULER_SECONDS: '0',
    LOG_LEVEL: 'warn',
  };
}

// ——— measuring ———

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** A small request on a fresh connection; returns the status. */
async function simpleGet(origin: string, path: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function warmUp(origin: string): Promise<void> {
  for (let i = 0; i < 20; i++) await simpleGet(origin, '/healthz');
  await simpleGet(origin, '/admin/login');
}

const CHUNK = Buffer.alloc(
  MB,
  Uint8Array.from({ length: 256 }, (_, i) => i),
);

/** One multipart body of `FILES` files of `FILE_MB` MB, as its head, the parts and its length. */
function multipartPlan(): { boundary: string; parts: Buffer[]; length: number } {
  const boundary = `----gongkai-bench-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  let length = 0;
  for (let f = 0; f < FILES; f++) {
    const head = Buffer.from(
      `${f === 0 ? '' : '\r\n'}--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="upload-${f}.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    parts.push(head);
    length += head.length + FILE_MB * CHUNK.length;
  }
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  parts.push(tail);
  length += tail.length;
  return { boundary, parts, length };
}

/** The chunks of the body in order, reusing one 1 MB chunk for every file's content. */
function* bodyChunks(parts: Buffer[]): Generator<Buffer> {
  for (let f = 0; f < FILES; f++) {
    yield parts[f]!;
    for (let i = 0; i < FILE_MB; i++) yield CHUNK;
  }
  yield parts[FILES]!;
}

/** How a client's upload ended: whole body sent, connection closed by the server, or no progress. */
type Ending = 'complete' | 'closed' | 'stalled' | 'timeout';

type ClientResult = {
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
async function runClient(origin: string, path: string, started: number): Promise<ClientResult> {
  const { boundary, parts, length } = multipartPlan();
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

    const chunks = bodyChunks(parts);
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

type Measurement = {
  beforeBytes: number;
  peakBytes: number;
  afterBytes: number;
  samples: number;
  /** When the last answer came (of those that came). */
  allResponsesMs: number;
  allDoneMs: number;
  results: ClientResult[];
};

/** All clients at once against one path while the server's RSS is sampled. */
async function measure(server: Server, path: string): Promise<Measurement> {
  await warmUp(server.origin);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const beforeBytes = rssBytes(server.pid);
  let peakBytes = beforeBytes;
  let samples = 0;
  const sample = () => {
    const rss = rssBytes(server.pid);
    samples++;
    if (rss > peakBytes) peakBytes = rss;
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: CLIENTS }, () => runClient(server.origin, path, started)));
  const allDoneMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
  clearInterval(sampler);
  sample();
  const afterBytes = rssBytes(server.pid);
  const answered = results.map((r) => r.responseMs).filter((ms): ms is number => ms !== undefined);
  return {
    beforeBytes,
    peakBytes,
    afterBytes,
    samples,
    allResponsesMs: Math.max(0, ...answered),
    allDoneMs,
    results,
  };
}

// ——— report ———

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Counts of a value over the clients, as `8×401` or `6×closed 2×stalled`. */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n}×${v}`).join(' ');
}
const statuses = (results: ClientResult[]) => tally(results.map((r) => String(r.status)));
const endings = (results: ClientResult[]) =>
  tally(results.map((r) => (r.ending === 'closed' && r.error ? `closed(${r.error})` : r.ending)));

type Row = { name: string; expected: number; runs: Measurement[] };

const growths = (row: Row) => row.runs.map((m) => m.peakBytes - m.beforeBytes);
const growthOf = (row: Row) => median(growths(row));
/** The limit holds in every round. */
const passes = (row: Row) => Math.max(...growths(row)) < LIMIT_MB * MB;

function printTable(rows: Row[], baseline: Row): void {
  const baseGrowth = growthOf(baseline);
  const header = [
    'target',
    'statuses',
    'all answered ms',
    'clients done ms',
    'upload ended',
    'sent MB/client',
    'longest pause ms',
    'RSS before MB',
    'peak MB',
    'after MB',
    'growth MB',
    'max growth',
    '×baseline',
    `< ${LIMIT_MB} MB`,
  ];
  const cells = (row: Row, isBaseline: boolean): string[] => {
    const runs = row.runs;
    const results = runs.flatMap((m) => m.results);
    const growth = growthOf(row);
    const expectedOk = results.every((r) => r.status === row.expected);
    return [
      row.name,
      `${statuses(results)}${expectedOk ? '' : ` (expected ${row.expected})`}`,
      median(runs.map((m) => m.allResponsesMs)).toFixed(0),
      median(runs.map((m) => m.allDoneMs)).toFixed(0),
      endings(results),
      mb(median(results.map((r) => r.sentBytes))),
      Math.max(...results.map((r) => r.longestPauseMs)).toFixed(0),
      mb(median(runs.map((m) => m.beforeBytes))),
      mb(median(runs.map((m) => m.peakBytes))),
      mb(median(runs.map((m) => m.afterBytes))),
      mb(growth),
      mb(Math.max(...growths(row))),
      isBaseline ? '1.0' : baseGrowth < 1 * MB ? `n/a (base ${mb(baseGrowth)})` : (growth / baseGrowth).toFixed(1),
      isBaseline ? '—' : passes(row) ? 'PASS' : 'FAIL',
    ];
  };
  const body = [...rows.map((r) => cells(r, false)), cells(baseline, true)];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i <= 1 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}`);
  for (const row of body.slice(0, -1)) console.log(line(row));
  console.log(line(body.at(-1)!));
}

// ——— main ———

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  console.log(`$ npx tsx bench/uploads.ts${args.length > 0 ? ` ${args.join(' ')}` : ''}`);
  const { length } = multipartPlan();
  console.log(
    `uploads benchmark: ${CLIENTS} anonymous clients at once, each one multipart body of ${FILES} files × ${FILE_MB} MB ` +
      `(${mb(length)} MB; ${mb(length * CLIENTS)} MB in all), RSS sampled every ${SAMPLE_MS} ms, ` +
      `${ROUNDS} round(s), fresh server process per measurement, limit ${LIMIT_MB} MB growth`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-uploads-'));
  const rows: Row[] = TARGETS.map((t) => ({ name: t.name, expected: t.expected, runs: [] }));
  const baseline: Row = { name: 'baseline: bare node:http, 415 at once', expected: 415, runs: [] };
  try {
    // First start: migrates and loads the demo district; later starts reuse the database.
    const seeding = performance.now();
    const first = await startServer(['bin/gongkai.js', 'start'], gongkaiEnv(dataDir), 'gongkai');
    await first.stop();
    console.log(`  demo district loaded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, target] of TARGETS.entries()) {
        const server = await startServer(['bin/gongkai.js', 'start'], gongkaiEnv(dataDir), 'gongkai');
        try {
          const m = await measure(server, target.path);
          rows[i]!.runs.push(m);
          console.log(
            `  round ${round + 1}, ${target.name}: growth ${mb(m.peakBytes - m.beforeBytes)} MB (${statuses(m.results)}; ${endings(m.results)}; ${m.samples} samples)`,
          );
        } finally {
          await server.stop();
        }
      }
      const server = await startServer(['-e', BASELINE_SCRIPT], { ...process.env }, 'baseline');
      try {
        const m = await measure(server, TARGETS[0]!.path);
        baseline.runs.push(m);
        console.log(
          `  round ${round + 1}, ${baseline.name}: growth ${mb(m.peakBytes - m.beforeBytes)} MB (${statuses(m.results)}; ${endings(m.results)}; ${m.samples} samples)`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(rows, baseline);
  console.log(
    [
      '',
      `growth = peak RSS − RSS before (after 20 × GET /healthz and one GET /admin/login), median over ${ROUNDS} round(s);`,
      `  max growth = the worst round, which the < ${LIMIT_MB} MB verdict uses; after = RSS ${TAIL_MS} ms after the last client.`,
      `×baseline = growth ÷ the bare server's growth (n/a when that is under 1 MB; compare the absolute figures).`,
      `upload ended: complete = the whole body was sent and the server read it (and threw it away);`,
      `  closed = the server closed the connection (EPIPE/ECONNRESET); stalled = answered, then nothing more`,
      `  accepted for ${STALL_MS / 1000} s (the server neither reads nor closes; the client gives up).`,
      `sent MB/client = body bytes each client's socket accepted (median); longest pause = the longest time any`,
      `  client's socket accepted nothing while its body was unfinished.`,
    ].join('\n'),
  );
  for (const row of [...rows, baseline]) {
    const odd = row.runs.flatMap((m) => m.results).filter((r) => r.status !== row.expected);
    if (odd.length > 0) {
      console.log(
        `\nnote: ${row.name}: ${odd.length} of ${row.runs.length * CLIENTS} clients got ${statuses(odd)} ` +
          `instead of ${row.expected}.`,
      );
    }
  }
  const failed = rows.filter((r) => !passes(r));
  console.log(failed.length === 0 ? '\nPASS' : `\nFAIL: ${failed.map((r) => r.name).join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
