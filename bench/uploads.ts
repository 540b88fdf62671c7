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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { multipartPlan, STALL_MS } from './uploads-client.ts';
import {
  endings,
  gongkaiEnv,
  killAll,
  mb,
  measure,
  passes,
  printTable,
  SAMPLE_MS,
  startServer,
  statuses,
  TAIL_MS,
  type Row,
} from './uploads-kit.ts';

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
/** An edition that does not exist: nobody gets past the door anyway. */
const EDITION = '0000000000000000';

/** A route the clients upload to, and the status it must answer. */
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

// ——— main ———

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  console.log(`$ npx tsx bench/uploads.ts${args.length > 0 ? ` ${args.join(' ')}` : ''}`);
  const load = { clients: CLIENTS, files: FILES, fileMb: FILE_MB };
  const { length } = multipartPlan(load);
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
          const m = await measure(server, target.path, load);
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
        const m = await measure(server, TARGETS[0]!.path, load);
        baseline.runs.push(m);
        console.log(
          `  round ${round + 1}, ${baseline.name}: growth ${mb(m.peakBytes - m.beforeBytes)} MB (${statuses(m.results)}; ${endings(m.results)}; ${m.samples} samples)`,
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(rows, baseline, LIMIT_MB);
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
  const failed = rows.filter((r) => !passes(r, LIMIT_MB));
  console.log(failed.length === 0 ? '\nPASS' : `\nFAIL: ${failed.map((r) => r.name).join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
