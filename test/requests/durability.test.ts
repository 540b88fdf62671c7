import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCli } from '../cli/kit.ts';
import { scratchPostgresDatabase, startServe } from '../processes.ts';
import { POSTGRES_URL } from '../environment.ts';

/** Applications fired at once, and the 201 answer on whose arrival the server is killed. */
const BURST = 240;
const KILL_AT = 60;

/** A complete online application to the demo district's education bureau. */
const application = (n: number) => ({
  agency: 'sfq-jyj',
  applicantKind: 'natural',
  name: '压力测试申请人',
  idType: 'resident_id',
  idNumber: '330106199003071236',
  phone: '13800138000',
  description: `示范区2026年学校招生计划（压力测试第${n}份）`,
  form: 'electronic',
  delivery: 'online',
});

const TRACKING_CODE = /^YS-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

/** Where the server keeps its data, and a way to read what it stored without going through it. */
type Store = {
  /** Environment for `gongkai` pointing it at this database. */
  env: Record<string, string>;
  /** The state of every stored application by its tracking code, read straight from `foi_requests`. */
  stored(): Promise<Map<string, string>>;
  drop(): Promise<void>;
};

type Target = { name: 'sqlite' | 'postgres'; open(dataDir: string): Promise<Store> };

/** The SQLite file in the data directory, read straight from disk, read-only. */
const sqlite: Target = {
  name: 'sqlite',
  async open(dataDir) {
    return {
      env: { DATABASE_URL: '' },
      async stored() {
        const db = new SqliteDatabase(join(dataDir, 'gongkai.sqlite'), { readonly: true, fileMustExist: true });
        try {
          const rows = db.prepare('select tracking_code, state from foi_requests').all() as {
            tracking_code: string;
            state: string;
          }[];
          return new Map(rows.map((r) => [r.tracking_code, r.state]));
        } finally {
          db.close();
        }
      },
      drop: () => Promise.resolve(),
    };
  },
};

/** A database of its own on the test server, created here and dropped afterwards. */
const postgres: Target = {
  name: 'postgres',
  async open() {
    const scratch = await scratchPostgresDatabase(POSTGRES_URL!, 'gk_kill');
    return {
      env: { DATABASE_URL: scratch.url },
      async stored() {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ tracking_code: string; state: string }>(
            'select tracking_code, state from foi_requests',
          );
          return new Map(rows.map((r) => [r.tracking_code, r.state]));
        } finally {
          await client.end();
        }
      },
      drop: scratch.drop,
    };
  },
};

const TARGETS: Target[] = POSTGRES_URL ? [sqlite, postgres] : [sqlite];

/** Starts `gongkai serve` with the scheduler off. */
const startServer = (env: NodeJS.ProcessEnv) => startServe({ ...env, GONGKAI_SCHEDULER_SECONDS: '0' });

/** What became of one application: its tracking code, another answer, or a lost connection. */
type Outcome =
  | { kind: 'created'; code: string }
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'failed'; error: string };

/** Reads a JSON answer's tracking code, if it has one. */
function trackingCodeOf(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { trackingCode?: unknown }).trackingCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts one application as JSON and reports what came back; never rejects. `onSent` is called
 * once the whole request has been handed to the operating system.
 */
function postApplication(port: number, agent: http.Agent, body: unknown, onSent: () => void): Promise<Outcome> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/foi/applications',
        method: 'POST',
        agent,
        timeout: 20_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', (error) => resolve({ kind: 'failed', error: error.message }));
        response.on('close', () => {
          if (!response.complete) return resolve({ kind: 'failed', error: 'response cut short' });
          const code = trackingCodeOf(text);
          if (response.statusCode === 201 && code !== undefined) return resolve({ kind: 'created', code });
          resolve({ kind: 'answered', status: response.statusCode ?? 0, body: text.slice(0, 400) });
        });
      },
    );
    request.on('finish', onSent);
    request.on('timeout', () => request.destroy(new Error('no answer within 20 s')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'failed', error: error.code ?? error.message }),
    );
    request.end(payload);
  });
}

/** How many of `outcomes` failed, by error. */
function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.kind === 'failed') counts.set(o.error, (counts.get(o.error) ?? 0) + 1);
  return [...counts].map(([error, count]) => `${error}×${count}`).join(' ') || 'none';
}

/**
 * 条例 Art. 29 and the receipt's promise: a tracking code is shown only once the application is
 * committed. The real server, started by `gongkai serve`, is killed with SIGKILL in the middle of a
 * burst of concurrent online applications; every code it had handed out must be in the database
 * when it is opened again.
 */
describe.each(TARGETS)('applications survive a killed server on $name', (target) => {
  const cli = useCli({ prefix: 'gongkai-kill-' });
  let store: Store | undefined;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    store = await target.open(cli.dataDir());
    const seeded = cli.runWith({ ...store.env, GONGKAI_DEMO_PASSWORD: 'Kill-Test-2026' }, 'seed-demo');
    if (seeded.status !== 0) {
      throw new Error(
        `gongkai seed-demo failed (${seeded.signal ?? seeded.status}): ${seeded.error?.message ?? seeded.stderr}`,
      );
    }
  }, 160_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await store?.drop();
  }, 30_000);

  it(`keeps every application whose tracking code was returned, killed after ${KILL_AT} of ${BURST} concurrent ones`, async () => {
    const storedBefore = (await store!.stored()).size;
    const started = await startServer(cli.env(store!.env));
    server = started.server;
    const exited = new Promise<void>((resolve) => started.server.once('exit', () => resolve()));
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

    const codes: string[] = [];
    let sent = 0;
    let sentAtKill = 0;
    const t0 = performance.now();
    let killedAfterMs = 0;
    const outcomes = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        postApplication(started.port, agent, application(n), () => sent++).then((outcome) => {
          if (outcome.kind === 'created') {
            codes.push(outcome.code);
            // Killed on the spot, while the rest of the burst is still being answered.
            if (codes.length === KILL_AT) {
              started.server.kill('SIGKILL');
              killedAfterMs = performance.now() - t0;
              sentAtKill = sent;
            }
          }
          return outcome;
        }),
      ),
    );
    agent.destroy();
    // Never reached the kill (the server refused or stalled): stop it, and let the checks below say why.
    if (started.server.exitCode === null && started.server.signalCode === null) started.server.kill('SIGKILL');
    await exited;

    // Every request either got its tracking code or lost its connection; none was refused.
    expect(outcomes.filter((o) => o.kind === 'answered')).toEqual([]);
    expect(codes.filter((code) => !TRACKING_CODE.test(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    // The kill came mid-burst: codes had been handed out, at least 200 applications were sent and
    // not all answered, and the rest were cut off by it.
    expect(codes.length, 'the server was not killed: too few tracking codes came back').toBeGreaterThanOrEqual(KILL_AT);
    expect(sentAtKill).toBeGreaterThanOrEqual(200);
    const failed = outcomes.filter((o) => o.kind === 'failed');
    expect(failed.length, 'no request was cut off: the kill came after the burst').toBeGreaterThan(0);

    // The product opens the database again after the crash, and the audit chain is intact.
    const verified = cli.runWith(store!.env, 'audit', 'verify');
    expect(verified.status, verified.stderr).toBe(0);

    // Read straight from the table: every returned code is there, still awaiting receipt. (The
    // demo's own requests were there before the burst and are left out of the count.)
    const stored = await store!.stored();
    const fromBurst = stored.size - storedBefore;
    expect(codes.filter((code) => stored.get(code) !== 'submitted')).toEqual([]);
    console.log(
      `${target.name}: killed ${killedAfterMs.toFixed(0)} ms into a burst of ${BURST} (${sentAtKill} sent); ` +
        `${codes.length} codes returned, ${failed.length} cut off (${tally(outcomes)}), ${fromBurst} stored`,
    );
  }, 60_000);
});
