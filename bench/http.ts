/**
 * Benchmark of the public site under a traffic spike: `wrk` with 100 connections for a fixed time
 * on a document page, the column page, a list page and the search page, each beside Debian's nginx
 * serving the same HTML as a static file, run on that page just before (so both see the machine
 * alike), with the shared page cache on and off.
 *
 * The documents are written through the document store (the rows publishing writes) into a fresh
 * database and indexed for search as `gongkai search reindex` does (`rebuildPublicIndex`); the server is the real `gongkai start` in its own process at the default log level, so
 * its peak RSS is its own. Run: `npm run bench:http` (1,000,000 documents), `-- --docs 20000` for a
 * quick run; set GONGKAI_BENCH_DATABASE_URL=postgres://… to run on PostgreSQL. Needs `nginx` and
 * `wrk` (apt-get install nginx-light wrk). The last line printed is one JSON object.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { fromDocument, fromEdition } from '../src/adapters/db/document-store.ts';
import type { DocumentRow, EditionRow } from '../src/adapters/db/schema.ts';
import { benchDistrict, benchDocument, corpusArticles } from './district-kit.ts';
import { openDatabase } from '../src/adapters/db/database.ts';
import { rebuildPublicIndex } from '../src/modules/documents/index.ts';
import type { Org } from '../src/modules/orgs/domain/org.ts';
import { openApp, type AppContext } from '../src/app/context.ts';
import { seededRandom } from '../src/demo/content.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { workerCount } from '../src/cli/workers.ts';
import { childrenOf, freePort } from '../test/processes.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '100' },
    threads: { type: 'string', default: '2' },
    // Serving processes (GONGKAI_WORKERS), and nginx's worker_processes alike: a number, or auto (one per processor).
    workers: { type: 'string', default: 'auto' },
    cache: { type: 'string', default: 'both' },
    // One more run with the cache on while a document is published every this many seconds; 0: none.
    'publish-every': { type: 'string', default: '2' },
    // SQLite: keeps the loaded database in this folder and loads it only when it is not there yet.
    data: { type: 'string' },
    // Which pages to run, comma-separated (default all: document,column,list,search).
    pages: { type: 'string', default: 'document,column,list,search' },
  },
});
const DOCS = Number(values.docs);
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const THREADS = Number(values.threads);
const WORKERS = workerCount(values.workers === 'auto' ? 'auto' : Number(values.workers));
const PUBLISH_EVERY_S = Number(values['publish-every']);
/** The server's runs: page cache off, on, and on while documents are being published. */
type Mode = 'off' | 'on' | 'publishing';
const MODES: Mode[] = [
  ...(values.cache === 'both' ? (['off', 'on'] as const) : [values.cache as 'on' | 'off']),
  ...(PUBLISH_EVERY_S > 0 && values.cache !== 'off' ? (['publishing'] as const) : []),
];
const MODE_LABEL: Record<Mode, string> = { off: 'cache off', on: 'cache on', publishing: 'publishing' };
const MODE_KEY: Record<Mode, string> = { off: 'cache_off', on: 'cache_on', publishing: 'publishing' };
const PG_URL = process.env.GONGKAI_BENCH_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function requireTool(name: string): string {
  const found = ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']
    .map((dir) => join(dir, name))
    .find(existsSync);
  if (!found) throw new Error(`${name} is not installed: apt-get install nginx-light wrk`);
  return found;
}

/** The benchmark district and `size` published documents spread over it; returns the middle document's id. */
async function populate(app: AppContext, size: number, texts: string[]): Promise<string> {
  const orgs = await benchDistrict(app);
  const random = seededRandom(size);
  let middle = '';
  const batch = 5000;
  const started = Date.now();
  for (let start = 0; start < size; start += batch) {
    const documentRows: DocumentRow[] = [];
    const editionRows: EditionRow[] = [];
    for (let i = start; i < Math.min(size, start + batch); i++) {
      const { org, document, edition } = benchDocument(i, { orgs, texts, random, indexDigits: 7, paragraphs: 2 });
      if (i === Math.floor(size / 2)) middle = document.id;
      documentRows.push(fromDocument(document));
      editionRows.push({ ...fromEdition(edition), org_id: org.id });
    }
    // The rows `insertDocument` and `insertEdition` write, many to a statement.
    await app.database.db.transaction().execute(async (trx) => {
      for (let at = 0; at < documentRows.length; at += 200) {
        await trx
          .insertInto('documents')
          .values(documentRows.slice(at, at + 200))
          .execute();
      }
      for (let at = 0; at < editionRows.length; at += 100) {
        await trx
          .insertInto('editions')
          .values(editionRows.slice(at, at + 100))
          .execute();
      }
    });
    const done = Math.min(size, start + batch);
    if (done % 50_000 === 0 || done === size) {
      const rate = Math.round(done / ((Date.now() - started) / 1000));
      process.stdout.write(`\r  ${done} / ${size} documents (${rate}/s)   `);
    }
  }
  process.stdout.write('\n');
  return middle;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Started = { child: ChildProcess; origin: string; peakRssMb: () => number; stop: () => Promise<void> };

/** `gongkai start` on its own port, logging at the default level (info) to a file. */
async function startGongkai(dataDir: string, databaseUrl: string | undefined, cache: 'on' | 'off'): Promise<Started> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(dataDir, `server-cache-${cache}.log`));
  const child = spawn(process.execPath, [join(ROOT, 'bin/gongkai.js'), 'start'], {
    env: {
      ...process.env,
      GONGKAI_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGKAI_PUBLIC_URL: origin,
      LOG_LEVEL: 'info',
      GONGKAI_PAGE_CACHE_MB: cache === 'on' ? '64' : '0',
      GONGKAI_WORKERS: String(WORKERS),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitFor(`${origin}/healthz`, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  // The peak of each process (the server and its workers) added up: never less than the peak of the whole.
  const peakRssMb = () => {
    let kb = 0;
    for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return Math.round(kb / 1024);
  };
  return {
    child,
    origin,
    peakRssMb,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's nginx on its own port serving `root`, with as many worker processes as the server has. */
async function startNginx(root: string, work: string): Promise<{ origin: string; stop: () => void }> {
  const nginx = requireTool('nginx');
  const port = await freePort();
  mkdirSync(join(work, 'nginx'), { recursive: true });
  const conf = join(work, 'nginx', 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes ${WORKERS};
pid ${join(work, 'nginx', 'nginx.pid')};
error_log ${join(work, 'nginx', 'error.log')};
daemon on;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log ${join(work, 'nginx', 'access.log')};
  client_body_temp_path ${join(work, 'nginx')};
  proxy_temp_path ${join(work, 'nginx')};
  fastcgi_temp_path ${join(work, 'nginx')};
  uwsgi_temp_path ${join(work, 'nginx')};
  scgi_temp_path ${join(work, 'nginx')};
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    default_type text/html;
  }
}
`,
  );
  const result = spawnSync(nginx, ['-c', conf], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nginx did not start: ${result.stderr}`);
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    spawnSync(nginx, ['-c', conf, '-s', 'stop']);
  };
  try {
    await waitFor(`${origin}/document.html`, 10_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { origin, stop };
}

type WrkResult = { rps: number; p99Ms: number; errors: number };

/** `wrk` in its own process; the event loop stays free meanwhile (for the publisher). */
async function wrk(url: string): Promise<WrkResult> {
  const child = spawn(requireTool('wrk'), [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--latency', url]);
  let out = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (status !== 0) throw new Error(`wrk failed: ${stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99Ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { rps, p99Ms, errors };
}

/** A short run first so both servers have warmed their caches (Gongkai's pages, the OS's file cache). */
function warm(url: string): void {
  spawnSync(requireTool('wrk'), ['-t1', '-c10', '-d2s', url], { encoding: 'utf8' });
}

/**
 * Publishes a document every `everyS` seconds until stopped, the rows publishing writes, through a
 * connection of its own (another process to the server, as a second instance would be): each one
 * moves the content version, so the server's kept pages are rendered again when next asked for.
 */
function startPublisher(
  database: AppContext['config']['database'],
  texts: string[],
  everyS: number,
): { stop: () => Promise<number> } {
  const handle = openDatabase(database);
  const random = seededRandom(7);
  let published = 0;
  // Numbered after every document there is, so each has its own 索引号, however many earlier runs
  // published into a kept database (--data).
  let first: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const publishOne = async () => {
    const orgs = (await handle.db.selectFrom('orgs').select(['id', 'code', 'name']).execute()) as Org[];
    first ??= Number(
      (
        await handle.db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const { org, document, edition } = benchDocument(10_000_000 + first + published, {
      orgs,
      texts,
      random,
      indexDigits: 8,
      paragraphs: 2,
    });
    // Newest of all, so it heads the column's list.
    const today = '2026-11-20';
    const dated = { ...edition, content: { ...edition.content, publishedOn: today, writtenOn: today } };
    await handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(fromDocument(document)).execute();
      await trx
        .insertInto('editions')
        .values({ ...fromEdition(dated), org_id: org.id })
        .execute();
    });
    published++;
  };
  let failure: unknown;
  const timer = setInterval(() => {
    // A failed publication stops the publisher and fails the run when it is stopped, after the
    // benchmark's cleanups have their chance (an unhandled rejection would leave the server running).
    running = running.then(publishOne).catch((error: unknown) => {
      failure ??= error;
      clearInterval(timer);
    });
  }, everyS * 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await handle.close();
      if (failure) throw failure instanceof Error ? failure : new Error('a publication failed', { cause: failure });
      return published;
    },
  };
}

async function main(): Promise<void> {
  requireTool('nginx');
  requireTool('wrk');
  if (values.data && PG_URL) throw new Error('--data keeps a SQLite database; leave it out on PostgreSQL');
  const work = values.data ?? mkdtempSync(join(tmpdir(), 'gongkai-bench-http-'));
  mkdirSync(work, { recursive: true });
  const loadedMark = join(work, 'bench-loaded.json');
  let schema: string | undefined;
  let databaseUrl: string | undefined;
  if (PG_URL) {
    schema = `bench_http_${Date.now()}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  const cleanups: (() => Promise<void> | void)[] = values.data
    ? [() => rmSync(join(work, 'static'), { recursive: true, force: true })]
    : [() => rmSync(work, { recursive: true, force: true })];
  if (PG_URL && schema) {
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    });
  }
  try {
    const texts = corpusArticles();
    console.log(
      `http benchmark: ${DOCS} documents, ${CONNECTIONS} connections × ${DURATION_S} s per run, database ${PG_URL ? 'PostgreSQL' : 'SQLite'}, ` +
        `${WORKERS} serving process${WORKERS > 1 ? 'es' : ''} (GONGKAI_WORKERS) and as many nginx workers`,
    );
    const config = loadConfig({
      GONGKAI_DATA_DIR: work,
      LOG_LEVEL: 'silent',
      GONGKAI_SCHEDULER_SECONDS: '0',
      ...(databaseUrl ? { DATABASE_URL: PG_URL } : {}),
    });
    const database: AppContext['config']['database'] = PG_URL
      ? { kind: 'postgres', url: PG_URL, schema }
      : config.database;
    const app = await openApp(
      { ...config, database },
      {
        clock: new FixedClock('2026-11-20T02:00:00Z'),
      },
    );
    const loaded = existsSync(loadedMark)
      ? (JSON.parse(readFileSync(loadedMark, 'utf8')) as { docs: number; documentId: string })
      : undefined;
    if (loaded && loaded.docs !== DOCS) throw new Error(`${work} holds ${loaded.docs} documents, not ${DOCS}`);
    let documentId = loaded?.documentId ?? '';
    if (!loaded) {
      const started = Date.now();
      documentId = await populate(app, DOCS, texts);
      // Statistics as autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) would keep them after a bulk load.
      await sql`analyze`.execute(app.database.db);
      console.log(`  loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const indexing = Date.now();
      // The merge's transactions (after every entry is written) are timed one by one.
      let merging: number[] | undefined;
      const indexed = await rebuildPublicIndex({
        uow: {
          async run(work) {
            const t0 = performance.now();
            const result = await app.uow.run(work);
            merging?.push(performance.now() - t0);
            return result;
          },
        },
        onProgress: (done, total) => {
          if (done % 50_000 === 0 || done === total) process.stdout.write(`\r  search index ${done} / ${total}   `);
        },
        onFinishing: () => {
          merging = [];
        },
      });
      const seconds = (Date.now() - indexing) / 1000;
      const steps = (merging ?? []).toSorted((a, b) => a - b);
      console.log(
        `\n  ${indexed} documents indexed for search in ${seconds.toFixed(1)} s (${Math.round(indexed / seconds)}/s), ` +
          `of which merging ${(steps.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in ${steps.length} transactions ` +
          `(median ${(steps[Math.floor(steps.length / 2)] ?? 0).toFixed(0)} ms, longest ${(steps.at(-1) ?? 0).toFixed(0)} ms)`,
      );
      if (values.data) writeFileSync(loadedMark, JSON.stringify({ docs: DOCS, documentId }));
    }
    await app.close();

    const pages = [
      { name: 'document', path: `/xxgk/doc/${documentId}` },
      { name: 'column', path: '/xxgk/' },
      { name: 'list', path: '/xxgk/fdzdgknr?org=bd-t3' },
      // A common word, as many people would search it the morning a policy is announced.
      { name: 'search', path: `/search?q=${encodeURIComponent('社会保障')}` },
    ].filter((page) => values.pages.split(',').includes(page.name));
    // The same HTML for nginx, as the server renders it.
    const staticRoot = join(work, 'static');
    mkdirSync(staticRoot, { recursive: true });
    // nginx's workers run as an unprivileged user when started by root: they must read the files.
    chmodSync(work, 0o755);
    chmodSync(staticRoot, 0o755);
    // Each run of the server beside a run of nginx on the same page just before it, so that both see
    // the machine as it is then (a long benchmark on a shared machine drifts).
    type Run = WrkResult & { peakRssMb: number; nginx: WrkResult };
    const results: Record<string, { bytes: number } & Partial<Record<Mode, Run>>> = {};
    const peakRss: Partial<Record<Mode, number>> = {};
    let publications = 0;
    {
      const server = await startGongkai(work, databaseUrl, 'off');
      cleanups.push(() => server.stop());
      for (const page of pages) {
        const response = await fetch(`${server.origin}${page.path}`);
        if (response.status !== 200) throw new Error(`${page.path}: ${response.status}`);
        const html = await response.text();
        writeFileSync(join(staticRoot, `${page.name}.html`), html);
        results[page.name] = { bytes: Buffer.byteLength(html) };
      }
      await server.stop();
      cleanups.pop();
    }
    const nginx = await startNginx(staticRoot, work);
    cleanups.push(() => nginx.stop());
    for (const mode of MODES) {
      const server = await startGongkai(work, databaseUrl, mode === 'off' ? 'off' : 'on');
      cleanups.push(() => server.stop());
      for (const page of pages) {
        warm(`${nginx.origin}/${page.name}.html`);
        const beside = await wrk(`${nginx.origin}/${page.name}.html`);
        warm(`${server.origin}${page.path}`);
        const publisher = mode === 'publishing' ? startPublisher(database, texts, PUBLISH_EVERY_S) : undefined;
        const result = await wrk(`${server.origin}${page.path}`);
        publications += (await publisher?.stop()) ?? 0;
        results[page.name]![mode] = { ...result, peakRssMb: server.peakRssMb(), nginx: beside };
      }
      peakRss[mode] = server.peakRssMb();
      await server.stop();
      cleanups.pop();
    }
    nginx.stop();
    cleanups.pop();

    const header = [
      'page',
      'KB',
      ...MODES.flatMap((m) => ['nginx req/s', `${MODE_LABEL[m]} req/s`, 'ratio', 'p99 ms']),
    ];
    const rows = pages.map((page) => {
      const r = results[page.name]!;
      return [
        page.name,
        (r.bytes / 1024).toFixed(1),
        ...MODES.flatMap((m) => [
          r[m]!.nginx.rps.toFixed(0),
          r[m]!.rps.toFixed(0),
          (r[m]!.rps / r[m]!.nginx.rps).toFixed(3),
          r[m]!.p99Ms.toFixed(1),
        ]),
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(`\n${line(header)}`);
    for (const row of rows) console.log(line(row));
    console.log(
      `\nserver peak RSS: ${MODES.map((m) => `${MODE_LABEL[m]} ${peakRss[m]} MB`).join(', ')}; ` +
        `errors: ${pages.map((p) => `${p.name} ${MODES.map((m) => results[p.name]![m]!.errors).join('/')}`).join(', ')}` +
        (MODES.includes('publishing')
          ? `; publishing: a document every ${PUBLISH_EVERY_S} s, ${publications} in all`
          : ''),
    );
    console.log(
      `load average after the runs: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (${cpus().length} cores)`,
    );
    const summary = {
      docs: DOCS,
      db: PG_URL ? 'postgres' : 'sqlite',
      connections: CONNECTIONS,
      workers: WORKERS,
      duration_s: DURATION_S,
      pages: Object.fromEntries(
        pages.map((page) => {
          const r = results[page.name]!;
          return [
            page.name,
            {
              ...Object.fromEntries(
                MODES.flatMap((m) => [
                  [`${MODE_KEY[m]}_nginx_rps`, Math.round(r[m]!.nginx.rps)],
                  [`${MODE_KEY[m]}_rps`, Math.round(r[m]!.rps)],
                  [`${MODE_KEY[m]}_ratio`, Number((r[m]!.rps / r[m]!.nginx.rps).toFixed(3))],
                  [`${MODE_KEY[m]}_p99_ms`, Number(r[m]!.p99Ms.toFixed(1))],
                ]),
              ),
            },
          ];
        }),
      ),
      ...Object.fromEntries(MODES.map((m) => [`peak_rss_mb_${MODE_KEY[m]}`, peakRss[m]])),
      ...(MODES.includes('publishing') ? { publish_every_s: PUBLISH_EVERY_S, publications } : {}),
      load_average: loadavg().map((n) => Number(n.toFixed(2))),
    };
    console.log(JSON.stringify(summary));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

await main();
