/**
 * What the search page's facet counts cost: generates documents from paragraphs of real regulations
 * (seeded) spread over 40 units and the 26 pilot fields, indexes them through the product's
 * `SearchIndex.put`, then for each query times, interleaved: the index's `search` alone (one page of
 * hits, what the page did before facets), the `searchPublic` use case the page and API call (the
 * page of hits and the counts per unit and field, which it skips over FACET_MATCH_LIMIT matches),
 * and the index's `facets` alone, with the match count and whether the counts were given.
 *
 * Run: `npx tsx bench/search-facets.ts --docs 20000` (SQLite in a temporary folder); with
 * GONGKAI_BENCH_DATABASE_URL=postgres://… and `--db postgres` on PostgreSQL (a fresh schema). The
 * last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/adapters/db/database.ts';
import { createStores } from '../src/adapters/db/stores.ts';
import { seededRandom } from '../src/demo/content.ts';
import { FACET_MATCH_LIMIT, parseQuery, searchPublic, type SearchCriteria } from '../src/modules/search/index.ts';
import { PILOT_FIELDS } from '../src/reference/pilot-fields.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { corpus } from './district-kit.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    db: { type: 'string', default: 'sqlite' },
  },
});
const DOCS = Number(values.docs);
const ROUNDS = Number(values.rounds);
const random = seededRandom(14);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const paragraphs = corpus().flatMap((r) => r.text.split(/\n+/).filter((p) => p.length > 20 && !p.startsWith('#')));
const titles = corpus().map((r) => r.title.replace(/\(\d{4}-\d\d-\d\d\)$/, ''));
const UNITS = Array.from({ length: 40 }, (_, i) => ({ id: newId(), name: `基准区第${i + 1}单位` }));
/** From rare to matching nearly everything. */
const QUERIES = ['最低生活保障', '社会保障', '行政处罚', '人民政府', '应当', '政府'];

async function open(): Promise<{ handle: DatabaseHandle; cleanup(): Promise<void> }> {
  if (values.db === 'postgres') {
    const url = process.env.GONGKAI_BENCH_DATABASE_URL;
    if (!url) throw new Error('set GONGKAI_BENCH_DATABASE_URL for --db postgres');
    const schema = `bench_facets_${newId().toLowerCase()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase({ kind: 'postgres', url, schema });
    return {
      handle,
      async cleanup() {
        await handle.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-facets-'));
  const handle = openDatabase({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
  return {
    handle,
    async cleanup() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function main(): Promise<void> {
  const opened = await open();
  const { handle } = opened;
  try {
    await migrateToLatest(handle);
    // The search_entries rows reference nothing since 0014, so no documents are needed.
    const { stores, uow } = createStores(handle, new FixedClock('2026-03-02T02:00:00Z'), () => ({
      send: () => Promise.resolve(),
    }));
    const started = performance.now();
    for (let from = 0; from < DOCS; from += 1000) {
      await uow.run(async (trx) => {
        for (let i = from; i < Math.min(DOCS, from + 1000); i++) {
          const unit = pick(UNITS);
          const id = newId();
          await trx.searchIndex.put({
            kind: 'document',
            documentId: id,
            editionId: newId(),
            href: `/xxgk/doc/${id}`,
            orgId: unit.id,
            orgPath: `/${unit.id}/`,
            orgName: unit.name,
            title: `关于印发${pick(titles)}的通知`,
            docNumber: null,
            indexNumber: null,
            bodyText: Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(paragraphs)).join('\n'),
            fieldCode: pick(PILOT_FIELDS).code,
            genre: '通知',
            topic: '综合政务',
            validity: '有效',
            publishedOn: `20${15 + Math.floor(random() * 11)}-06-15`,
            attachments: [],
          });
        }
      });
    }
    process.stderr.write(`indexed ${DOCS} documents in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

    const rows: {
      query: string;
      matches: number;
      counted: boolean;
      searchP50: number;
      useCaseP50: number;
      useCaseMax: number;
      facetsP50: number;
    }[] = [];
    const deps = {
      index: stores.searchIndex,
      orgs: stores.orgs,
      synonyms: stores.synonyms,
      vocabulary: { validities: ['有效'], topics: ['综合政务'] },
    };
    for (const query of QUERIES) {
      const parsed = parseQuery(query);
      if (!parsed.ok) throw new Error(query);
      const criteria: SearchCriteria = { phrases: [parsed.phrase], sort: 'relevance', offset: 0, limit: 20 };
      const searchTimes: number[] = [];
      const useCaseTimes: number[] = [];
      const facetTimes: number[] = [];
      let matches = 0;
      let counted = false;
      for (let round = 0; round < ROUNDS; round++) {
        let t = performance.now();
        matches = (await stores.searchIndex.search(criteria)).total;
        searchTimes.push(performance.now() - t);
        t = performance.now();
        counted = (await searchPublic(deps, { q: query })).facets !== null;
        useCaseTimes.push(performance.now() - t);
        t = performance.now();
        await stores.searchIndex.facets(criteria);
        facetTimes.push(performance.now() - t);
      }
      for (const times of [searchTimes, useCaseTimes, facetTimes]) times.sort((a, b) => a - b);
      rows.push({
        query,
        matches,
        counted,
        searchP50: percentile(searchTimes, 0.5),
        useCaseP50: percentile(useCaseTimes, 0.5),
        useCaseMax: useCaseTimes.at(-1)!,
        facetsP50: percentile(facetTimes, 0.5),
      });
    }
    process.stdout.write(
      `\n${values.db}, ${DOCS} documents, ${ROUNDS} rounds; facets given up to ${FACET_MATCH_LIMIT} matches\n`,
    );
    process.stdout.write(
      'query          matches  facets   search p50 ms  use case p50 ms  use case max ms  facets alone p50 ms\n',
    );
    for (const row of rows) {
      const ms = (value: number, width: number) => value.toFixed(1).padStart(width);
      process.stdout.write(
        `${row.query.padEnd(10, '　')} ${String(row.matches).padStart(8)}  ${(row.counted ? 'counted' : 'null').padEnd(7)}  ${ms(row.searchP50, 13)}  ${ms(row.useCaseP50, 15)}  ${ms(row.useCaseMax, 15)}  ${ms(row.facetsP50, 19)}\n`,
      );
    }
    process.stdout.write(`${JSON.stringify({ db: values.db, docs: DOCS, rows })}\n`);
  } finally {
    await opened.cleanup();
  }
}

await main();
