/**
 * Benchmark of the public search: generates Chinese government documents with a seeded generator
 * (paragraphs of real regulations: the full corpus in ../shared when present, else the bundled
 * sample), builds the index through the product's own adapter as `gongkai search reindex` does
 * (`startBulkLoad`, `putMany` in one transaction per batch of 1,000, `finishBulkLoad`, then `compactStep` until the index is one piece), runs half 2-character and half
 * longer queries — including compound-internal and very common terms — and compares each with an
 * exact substring scan over the same rows.
 *
 * Latency is the first page exactly as the site asks for it (`search()`, 20 by relevance, whose total
 * may be an estimate). Recall is the index's exact count (`matchCount`, not timed) against the scan's.
 * `--scan N` scans only the first N queries (the fixed common terms come first) when scanning every
 * query would take too long; the output says how many were scanned.
 *
 * Run: `npm run bench:search -- --docs 20000` (default 1,000,000; `--db postgres` with
 * GONGKAI_BENCH_DATABASE_URL=postgres://… runs on PostgreSQL; `--data DIR` keeps a SQLite build for
 * later runs). The last line is one JSON object.
 */
import { benchRootOrg, corpus } from './district-kit.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/adapters/db/database.ts';
import { createStores } from '../src/adapters/db/stores.ts';
import { seededRandom } from '../src/demo/content.ts';
import { parseQuery, type SearchEntry } from '../src/modules/search/index.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    db: { type: 'string', default: 'sqlite' },
    seed: { type: 'string', default: '9' },
    scan: { type: 'string' },
    // SQLite: keeps the built database in this folder; a later run with the same --docs and --seed
    // skips the build (and prints no build rate).
    data: { type: 'string' },
  },
});
const DOCS = Number(values.docs);
const QUERIES = Number(values.queries);
const SCANNED = values.scan === undefined ? QUERIES : Number(values.scan);
const random = seededRandom(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const regulations = corpus();
const paragraphs = regulations.flatMap((r) => r.text.split(/\n+/).filter((p) => p.length > 20 && !p.startsWith('#')));
const titles = regulations.map((r) => r.title.replace(/\(\d{4}-\d\d-\d\d\)$/, ''));
const GENRES = ['通知', '公告', '意见', '办法', '规定', '方案', '报告'];

/** A generated document: a real title with a unit's prefix, and 3–12 real paragraphs. */
function generate(i: number): { title: string; body: string; docNumber: string; publishedOn: string } {
  const count = 3 + Math.floor(random() * 10);
  const body = Array.from({ length: count }, () => pick(paragraphs)).join('\n');
  const year = 2015 + Math.floor(random() * 12);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  return {
    title: `关于印发${pick(titles)}的通知`,
    body,
    docNumber: `余政办发〔${year}〕${(i % 300) + 1}号`,
    publishedOn: `${year}-${month}-15`,
  };
}

async function openBenchDatabase(): Promise<{
  handle: DatabaseHandle;
  built: boolean;
  size: () => Promise<number>;
  cleanup: () => Promise<void>;
}> {
  if (values.db === 'postgres') {
    const url = process.env.GONGKAI_BENCH_DATABASE_URL;
    if (!url) throw new Error('--db postgres needs GONGKAI_BENCH_DATABASE_URL=postgres://…');
    const schema = `bench_search_${Date.now()}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    const handle = openDatabase({ kind: 'postgres', url, schema });
    await migrateToLatest(handle);
    return {
      handle,
      built: false,
      size: async () =>
        Number(
          (await sql<{ n: string }>`select pg_total_relation_size('search_entries') as n`.execute(handle.db)).rows[0]!
            .n,
        ),
      cleanup: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = values.data ?? mkdtempSync(join(tmpdir(), 'gongkai-bench-search-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench.sqlite');
  const mark = join(dir, 'built.json');
  const wanted = JSON.stringify({ docs: DOCS, seed: values.seed });
  const built = existsSync(mark) && readFileSync(mark, 'utf8') === wanted;
  if (!built) rmSync(file, { force: true });
  const handle = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(handle);
  return {
    handle,
    built,
    size: async () => {
      await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
      return statSync(file).size;
    },
    cleanup: async () => {
      await handle.close();
      if (values.data) writeFileSync(mark, wanted);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Milliseconds of CPU (user and system) this process spent since `since`. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  const { handle, built, size, cleanup } = await openBenchDatabase();
  const clock = new FixedClock('2026-03-02T02:00:00Z');
  const { stores, uow } = createStores(handle, clock, () => ({ send: () => Promise.resolve() }));
  try {
    const now = clock.now().toISOString();
    if (built) {
      // The same draws as the build, so that the queries are the same.
      for (let i = 0; i < DOCS; i++) {
        generate(i);
        pick(GENRES);
      }
    }
    const orgId = built ? '' : (await benchRootOrg(stores.orgs)).id;

    // Build: the documents rows the index refers to, then the index through the rebuild's calls, in
    // batches of one transaction each. The index's share (putMany and the commit, and the bulk load's
    // start and finish, which merges the index) is timed apart.
    const started = performance.now();
    let indexMs = 0;
    let indexCpuMs = 0;
    const BATCH = 1000;
    const bulk = async (step: 'startBulkLoad' | 'finishBulkLoad' | 'compactStep') => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const more: unknown = await uow.run((trx): Promise<unknown> => trx.searchIndex[step]());
      indexMs += performance.now() - t0;
      indexCpuMs += cpuMs(cpu0);
      return more === true;
    };
    if (!built) await bulk('startBulkLoad');
    for (let from = 0; from < (built ? 0 : DOCS); from += BATCH) {
      let indexStarted = 0;
      let indexCpu = process.cpuUsage();
      await uow.run(async (trx) => {
        const entries: SearchEntry[] = [];
        for (let i = from; i < Math.min(DOCS, from + BATCH); i++) {
          const doc = generate(i);
          const id = newId();
          await trx.documents.insertDocument({
            id,
            orgId,
            indexNumber: `bench/2026-${String(i + 1).padStart(7, '0')}`,
            createdAt: now,
            createdBy: 'bench',
            firstPublishedAt: now,
          });
          const entry: SearchEntry = {
            kind: 'document',
            documentId: id,
            editionId: newId(),
            href: `/xxgk/doc/${id}`,
            orgId,
            orgPath: `/${orgId}/`,
            orgName: '基准区人民政府',
            title: doc.title,
            docNumber: doc.docNumber,
            indexNumber: `bench/2026-${String(i + 1).padStart(7, '0')}`,
            bodyText: doc.body,
            fieldCode: null,
            genre: pick(GENRES),
            topic: '综合政务',
            validity: '有效',
            publishedOn: doc.publishedOn,
            attachments: [],
          };
          entries.push(entry);
        }
        indexStarted = performance.now();
        indexCpu = process.cpuUsage();
        await trx.searchIndex.putMany(entries);
      });
      indexMs += performance.now() - indexStarted;
      indexCpuMs += cpuMs(indexCpu);
      if (from % 10_000 === 0) process.stderr.write(`\rbuilding ${Math.min(DOCS, from + BATCH)}/${DOCS}`);
    }
    if (!built) {
      process.stderr.write('\nmerging the index');
      await bulk('finishBulkLoad');
      // The rebuild's merge: bounded steps, a transaction each, until one piece is left.
      // Each step's time is kept: a step is one transaction that publishing waits behind.
      const steps: number[] = [];
      for (;;) {
        const t0 = performance.now();
        const more = await bulk('compactStep');
        steps.push(performance.now() - t0);
        process.stderr.write(steps.at(-1)! > 1000 ? `[${(steps.at(-1)! / 1000).toFixed(1)} s]` : '.');
        if (!more) break;
      }
      const sortedSteps = steps.toSorted((a, b) => a - b);
      process.stderr.write(
        `\nmerged in ${steps.length} steps, ${(steps.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s; ` +
          `step median ${percentile(sortedSteps, 0.5).toFixed(0)} ms, max ${sortedSteps.at(-1)!.toFixed(0)} ms`,
      );
    }
    const loadSeconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');

    // Queries: the common and compound terms, then random 2-character and longer substrings of the text.
    const fixed = ['政府', '公开', '应当', '社会', '低保', '医保', '征收', '人民政府', '社会保障', '国务院'];
    const queries: string[] = [...fixed];
    while (queries.length < QUERIES) {
      const wantShort = queries.filter((q) => [...q].length === 2).length < QUERIES / 2;
      const para = [...pick(paragraphs)];
      const length = wantShort ? 2 : 3 + Math.floor(random() * 6);
      const at = Math.floor(random() * Math.max(1, para.length - length));
      const q = para.slice(at, at + length).join('');
      if (/^\p{Script=Han}+$/u.test(q) && [...q].length === length) queries.push(q);
    }

    // Latency: the first page as the site asks for it, every query once (a warm-up pass first).
    const criteria = (phrase: string[]) => ({ phrases: [phrase], sort: 'relevance' as const, offset: 0, limit: 20 });
    const parsedQueries = queries.flatMap((q) => {
      const parsed = parseQuery(q);
      return parsed.ok ? [{ q, phrase: parsed.phrase }] : [];
    });
    for (const { phrase } of parsedQueries.slice(0, 20)) await stores.searchIndex.search(criteria(phrase));
    const timed: { q: string; ms: number; cpuMs: number; exact: boolean }[] = [];
    for (const { q, phrase } of parsedQueries) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const top = await stores.searchIndex.search(criteria(phrase));
      timed.push({ q, ms: performance.now() - t0, cpuMs: cpuMs(cpu0), exact: top.totalExact });
    }
    // Recall: the index's exact count against the scan, which reads every row and tests the
    // substring, as a LIKE filter would.
    let scanMs = 0;
    let found = 0;
    let expected = 0;
    const scanned = parsedQueries.slice(0, SCANNED);
    for (const [i, { q, phrase }] of scanned.entries()) {
      const t1 = performance.now();
      const position = values.db === 'postgres' ? sql`strpos` : sql`instr`;
      const scan = await sql<{ n: string | number }>`select count(*) as n from search_entries
        where ${position}(title || ' ' || coalesce(doc_number, '') || ' ' || body_text, ${q}) > 0`.execute(handle.db);
      scanMs += performance.now() - t1;
      const hits = Number(scan.rows[0]!.n);
      const exact = await stores.searchIndex.matchCount(criteria(phrase));
      expected += hits;
      found += Math.min(exact, hits);
      if (exact !== hits) process.stderr.write(`recall differs for ${q}: index ${exact}, scan ${hits}\n`);
      if (i % 10 === 9) process.stderr.write(`\rscanned ${i + 1}/${scanned.length}`);
    }
    process.stderr.write('\n');
    const ms = (list: typeof timed) => list.map((t) => t.ms).sort((a, b) => a - b);
    const latencies = ms(timed);
    const mean = (list: number[]) => list.reduce((s, v) => s + v, 0) / list.length;
    const p95Of = (list: typeof timed) => Number(percentile(ms(list), 0.95).toFixed(2));
    const result = {
      docs: DOCS,
      db: values.db,
      queries: latencies.length,
      p50_ms: Number(percentile(latencies, 0.5).toFixed(2)),
      p95_ms: Number(percentile(latencies, 0.95).toFixed(2)),
      max_ms: Number(latencies.at(-1)!.toFixed(2)),
      // On SQLite the database works in this process: its CPU time per query does not grow with the
      // machine's load the way the wall-clock time does.
      p95_cpu_ms: Number(
        percentile(
          timed.map((t) => t.cpuMs).sort((a, b) => a - b),
          0.95,
        ).toFixed(2),
      ),
      p95_short_ms: p95Of(timed.filter((t) => [...t.q].length === 2)),
      p95_long_ms: p95Of(timed.filter((t) => [...t.q].length > 2)),
      estimated_totals: timed.filter((t) => !t.exact).length,
      recall: expected === 0 ? 1 : Number((found / expected).toFixed(4)),
      scanned_queries: scanned.length,
      speedup_vs_scan: Number((scanMs / scanned.length / mean(latencies)).toFixed(1)),
      build_docs_per_s: built ? null : Math.round(DOCS / (indexMs / 1000)),
      build_docs_per_cpu_s: built ? null : Math.round(DOCS / (indexCpuMs / 1000)),
      load_docs_per_s: built ? null : Math.round(DOCS / loadSeconds),
      index_bytes: await size(),
    };
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`slowest: ${slowest.map((t) => `${t.q} ${t.ms.toFixed(1)} ms`).join(', ')}`);
    console.log(
      `docs ${DOCS} (${values.db}), ${result.queries} queries: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (2 characters ${result.p95_short_ms}, longer ${result.p95_long_ms}), max ${result.max_ms} ms; CPU p95 ${result.p95_cpu_ms} ms; ${result.estimated_totals} totals estimated`,
    );
    console.log(
      `recall ${result.recall} against an exact substring scan (${result.scanned_queries} queries scanned); ${result.speedup_vs_scan}× faster than the scan`,
    );
    console.log(
      built
        ? `build skipped (${values.data} holds the index); database ${(result.index_bytes / 1e6).toFixed(1)} MB`
        : `build ${result.build_docs_per_s} documents/s (index; ${result.build_docs_per_cpu_s} per CPU second), ${result.load_docs_per_s} documents/s with the documents rows; database ${(result.index_bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await cleanup();
  }
}

await main();
