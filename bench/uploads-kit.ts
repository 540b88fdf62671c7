import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { runClient, type BodySize, type ClientResult } from './uploads-client.ts';

/**
 * The machinery of the uploads benchmark (`bench/uploads.ts`): server child processes, sampling
 * their resident memory (VmRSS) while the clients send, and the table of results.
 */

/** One megabyte. */
const MB = 1024 * 1024;
/** How often the server's RSS is sampled. */
export const SAMPLE_MS = 25;
/** How long after the last client the RSS is read once more. */
export const TAIL_MS = 500;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ——— child processes ———

/** A server child process and where it listens. */
export type Server = { child: ChildProcess; pid: number; origin: string; stop: () => Promise<void> };

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Kills every server process still running. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts a server process and waits for the URL it prints. */
export async function startServer(command: string[], env: NodeJS.ProcessEnv, label: string): Promise<Server> {
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

/** The environment of a product server on a fresh data directory: any port, the demo district, no scheduler. */
export function gongkaiEnv(dataDir: string): NodeJS.ProcessEnv {
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

/** The resident memory of a process, from /proc. */
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

/** A few small requests, so the server has loaded what it needs before it is measured. */
async function warmUp(origin: string): Promise<void> {
  for (let i = 0; i < 20; i++) await simpleGet(origin, '/healthz');
  await simpleGet(origin, '/admin/login');
}

/** One measurement: the RSS before, at its peak and after, and what every client saw. */
export type Measurement = {
  beforeBytes: number;
  peakBytes: number;
  afterBytes: number;
  samples: number;
  /** When the last answer came (of those that came). */
  allResponsesMs: number;
  allDoneMs: number;
  results: ClientResult[];
};

/** All clients (`load.clients`, each sending a body of `load`'s size) at once against one path while the server's RSS is sampled. */
export async function measure(
  server: Server,
  path: string,
  load: BodySize & { clients: number },
): Promise<Measurement> {
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
  const results = await Promise.all(
    Array.from({ length: load.clients }, () => runClient(server.origin, path, started, load)),
  );
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

/** Bytes as megabytes with one decimal. */
export const mb = (bytes: number) => (bytes / MB).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Counts of a value over the clients, as `8×401` or `6×closed 2×stalled`. */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n}×${v}`).join(' ');
}
/** The statuses the clients got, as `8×401`. */
export const statuses = (results: ClientResult[]) => tally(results.map((r) => String(r.status)));
/** How the clients' uploads ended, as `6×closed 2×stalled`. */
export const endings = (results: ClientResult[]) =>
  tally(results.map((r) => (r.ending === 'closed' && r.error ? `closed(${r.error})` : r.ending)));

/** One line of the table: a target and its measurements, one a round. */
export type Row = { name: string; expected: number; runs: Measurement[] };

const growths = (row: Row) => row.runs.map((m) => m.peakBytes - m.beforeBytes);
const growthOf = (row: Row) => median(growths(row));
/** The limit (`limitMb` of growth) holds in every round. */
export const passes = (row: Row, limitMb: number) => Math.max(...growths(row)) < limitMb * MB;

/** Prints the table of results, the baseline last, with the verdict against `limitMb`. */
export function printTable(rows: Row[], baseline: Row, limitMb: number): void {
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
    `< ${limitMb} MB`,
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
      isBaseline ? '—' : passes(row, limitMb) ? 'PASS' : 'FAIL',
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
