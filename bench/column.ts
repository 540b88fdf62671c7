/**
 * Benchmark of the public 政府信息公开 column: the list pages people open most (the whole column,
 * one unit's subtree, one pilot field, a title search), a document page and the public API list,
 * at a district's real scale and at ten times it.
 *
 * Each measured request is interleaved with a baseline request (`GET /healthz`: the same server,
 * router, hooks and a database round trip, but no query or page) and reported as a ratio to it, so
 * the figures mean the same on a fast or a slow machine. Run: `npm run bench` (add `-- --sizes
 * 5000,100000` for other sizes; set GONGKAI_BENCH_DATABASE_URL=postgres://… to run on PostgreSQL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { benchDistrict, benchDocument, corpusArticles } from './district-kit.ts';
import { openApp, type AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/app/server.ts';
import { seededRandom } from '../src/demo/content.ts';
import type { Org } from '../src/modules/orgs/domain/org.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4000,40000' },
    rounds: { type: 'string', default: '300' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const ROUNDS = Number(values.rounds);

async function openBenchApp(size: number): Promise<{ app: AppContext; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const pgUrl = process.env.GONGKAI_BENCH_DATABASE_URL;
  let schema: string | undefined;
  if (pgUrl) {
    schema = `bench_${size}_${Date.now()}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', GONGKAI_SCHEDULER_SECONDS: '0' });
  const app = await openApp(pgUrl ? { ...config, database: { kind: 'postgres', url: pgUrl, schema } } : config, {
    clock: new FixedClock('2026-11-20T02:00:00Z'),
  });
  return {
    app,
    async cleanup() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (pgUrl && schema) {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
    },
  };
}

/** The benchmark district and `size` published documents spread over it. */
async function populate(
  app: AppContext,
  size: number,
  texts: string[],
): Promise<{ orgs: Org[]; documentIds: string[] }> {
  const orgs = await benchDistrict(app);
  const random = seededRandom(size);
  const documentIds: string[] = [];
  const batch = 2000;
  for (let start = 0; start < size; start += batch) {
    await app.uow.run(async ({ documents }) => {
      for (let i = start; i < Math.min(size, start + batch); i++) {
        const { document, edition } = benchDocument(i, { orgs, texts, random, indexDigits: 6, paragraphs: 1 });
        documentIds.push(document.id);
        await documents.insertDocument(document);
        await documents.insertEdition(edition);
      }
    });
  }
  return { orgs, documentIds };
}

type Target = { name: string; url: () => string };

/** Median and p95 of interleaved runs of target and baseline, in milliseconds. */
async function measure(
  server: FastifyInstance,
  target: Target,
): Promise<{ median: number; p95: number; baseline: number }> {
  const times: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 20; i++) {
    await server.inject({ method: 'GET', url: target.url() });
    await server.inject({ method: 'GET', url: '/healthz' });
  }
  for (let i = 0; i < ROUNDS; i++) {
    let started = process.hrtime.bigint();
    const response = await server.inject({ method: 'GET', url: target.url() });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.statusCode !== 200)
      throw new Error(`${target.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    started = process.hrtime.bigint();
    await server.inject({ method: 'GET', url: '/healthz' });
    base.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const baseSorted = [...base].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.floor(sorted.length * 0.95)]!,
    baseline: baseSorted[Math.floor(baseSorted.length / 2)]!,
  };
}

async function main(): Promise<void> {
  const texts = corpusArticles();
  console.log(
    `column benchmark: ${texts.length} article texts, ${ROUNDS} rounds, database ${process.env.GONGKAI_BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
  );
  const results: Record<string, Record<number, { median: number; p95: number; baseline: number }>> = {};
  for (const size of SIZES) {
    const { app, cleanup } = await openBenchApp(size);
    const started = Date.now();
    const { orgs, documentIds } = await populate(app, size, texts);
    // Statistics as autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) would keep them after a bulk load.
    await sql`analyze`.execute(app.database.db);
    console.log(`  ${size} documents loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const server = await buildServer(app, { logger: false });
    await server.ready();
    const random = seededRandom(7);
    const word = () => texts[Math.floor(random() * texts.length)]!.slice(5, 7);
    const targets: Target[] = [
      { name: 'column, page 1', url: () => '/xxgk/fdzdgknr' },
      { name: 'column, page 50', url: () => '/xxgk/fdzdgknr?page=50' },
      { name: 'town subtree', url: () => `/xxgk/fdzdgknr?org=bd-t${Math.floor(random() * 10)}` },
      {
        name: 'pilot field',
        url: () => `/xxgk/fdzdgknr?field=${String(1 + Math.floor(random() * 26)).padStart(2, '0')}`,
      },
      { name: 'title search (2 chars)', url: () => `/xxgk/fdzdgknr?q=${encodeURIComponent(word())}` },
      { name: 'document page', url: () => `/xxgk/doc/${documentIds[Math.floor(random() * documentIds.length)]}` },
      { name: 'API list', url: () => '/api/v1/documents?pageSize=50' },
    ];
    void orgs;
    for (const target of targets) {
      (results[target.name] ??= {})[size] = await measure(server, target);
    }
    await server.close();
    await cleanup();
  }
  const header = [
    'target',
    ...SIZES.flatMap((s) => [`${s} median ms`, `×healthz`]),
    `growth ${SIZES.at(-1)}/${SIZES[0]}`,
  ];
  const rows = Object.entries(results).map(([name, bySize]) => {
    const cells = SIZES.flatMap((s) => [
      bySize[s]!.median.toFixed(2),
      (bySize[s]!.median / bySize[s]!.baseline).toFixed(1),
    ]);
    const growth = bySize[SIZES.at(-1)!]!.median / bySize[SIZES[0]!]!.median;
    return [name, ...cells, growth.toFixed(2)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  console.log(
    `\nbaseline GET /healthz median: ${SIZES.map((s) => `${Object.values(results)[0]![s]!.baseline.toFixed(2)} ms @${s}`).join(', ')}`,
  );
}

await main();
