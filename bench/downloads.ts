/**
 * Benchmark of a result set's download: indexes documents whose bodies are paragraphs of real
 * regulations (SQLite, through `SearchIndex.put` as publication does), then downloads a search that
 * finds all of them — capped at 5,000 rows — as CSV and as XLSX through the product's own code
 * (`exportSearchResults`, the CSV writer, the exceljs adapter), with a 5,000-row baseline of plain
 * index pages of 20 (what the search page reads, one request each) in the same run. Reports time, the longest stall of
 * the event loop (the longest gap between ticks of a 1 ms timer) and the peak of heap plus Buffers.
 *
 * Run: `npx tsx bench/downloads.ts` (`--docs 6000`). The last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../src/adapters/db/database.ts';
import { createStores } from '../src/adapters/db/stores.ts';
import { openXlsxTable } from '../src/adapters/xlsx/table-stream.ts';
import { seededRandom } from '../src/demo/content.ts';
import { exportSearchResults } from '../src/modules/search/queries/export-search-results.ts';
import { parseQuery, type SearchEntry } from '../src/modules/search/index.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { openCsvTable, type TableWriter } from '../src/platform/table-file.ts';
import { benchRootOrg, corpus } from './district-kit.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '6000' }, seed: { type: 'string', default: '9' } },
});
const DOCS = Number(values.docs);
const random = seededRandom(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const paragraphs = corpus().flatMap((r) => r.text.split(/\n+/).filter((p) => p.length > 20 && !p.startsWith('#')));
const MB = 1024 * 1024;

/** A sink that takes bytes as a socket would, counting them. */
function countingSink(): { stream: Writable; bytes: () => number } {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  return { stream, bytes: () => bytes };
}

/** Runs `work` and measures its time, the longest event-loop stall and the peak of heap plus Buffers above the start. */
async function measure(work: () => Promise<number>) {
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const start = memory();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, memory())), 5);
  // The longest gap between ticks of a 1 ms timer, less the 1 ms: how long other requests could wait.
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const at = performance.now();
    stall = Math.max(stall, at - last - 1);
    last = at;
  }, 1);
  const t0 = performance.now();
  const bytes = await work();
  const ms = performance.now() - t0;
  clearInterval(ticker);
  clearInterval(sampler);
  return {
    ms: Math.round(ms),
    max_stall_ms: Number(stall.toFixed(1)),
    peak_mb: Number(((peak - start) / MB).toFixed(1)),
    bytes,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-downloads-'));
  const handle = openDatabase({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
  await migrateToLatest(handle);
  const clock = new FixedClock('2026-03-02T02:00:00Z');
  const { stores, uow } = createStores(handle, clock, () => ({ send: () => Promise.resolve() }));
  try {
    const { id: orgId } = await benchRootOrg(stores.orgs);
    const now = clock.now().toISOString();
    for (let from = 0; from < DOCS; from += 1000) {
      await uow.run(async (trx) => {
        for (let i = from; i < Math.min(DOCS, from + 1000); i++) {
          const id = newId();
          const indexNumber = `bench/2026-${String(i + 1).padStart(7, '0')}`;
          await trx.documents.insertDocument({
            id,
            orgId,
            indexNumber,
            createdAt: now,
            createdBy: 'bench',
            firstPublishedAt: now,
          });
          const entry: SearchEntry = {
            documentId: id,
            editionId: newId(),
            orgId,
            orgPath: `/${orgId}/`,
            orgName: '基准区人民政府',
            // Every title holds the term, so the search finds every document.
            title: `关于基准导出第${i + 1}号事项的通知`,
            docNumber: `基政发〔2026〕${i + 1}号`,
            indexNumber,
            bodyText: Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(paragraphs)).join('\n'),
            fieldCode: '20',
            genre: '通知',
            topic: '综合政务',
            validity: '有效',
            publishedOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
            kind: 'document',
            href: `/xxgk/doc/${id}`,
            attachments: [],
          };
          await trx.searchIndex.put(entry);
        }
      });
    }
    const deps = {
      index: stores.searchIndex,
      orgs: stores.orgs,
      synonyms: stores.synonyms,
      vocabulary: { validities: [], topics: [] },
    };
    const input = { q: '基准导出', sort: 'date' as const };

    const download = (open: (sink: Writable) => TableWriter) =>
      measure(async () => {
        const sink = countingSink();
        const writer = open(sink.stream);
        const result = await exportSearchResults(deps, input, {
          publicUrl: 'https://example.gov.cn',
        });
        await writer.row(result.header);
        let rows = 0;
        for await (const batch of result.batches) {
          for (const row of batch) await writer.row(row);
          rows += batch.length;
        }
        const ending = result.ending();
        if (ending.note) await writer.row([ending.note]);
        await writer.end();
        if (rows !== 5_000 || !ending.truncated) throw new Error(`expected 5,000 rows cut off, got ${rows}`);
        return sink.bytes();
      });

    const parsed = parseQuery(input.q);
    if (!parsed.ok) throw new Error('the benchmark term does not parse');
    const baseline = await measure(async () => {
      for (let offset = 0; offset < 5_000; offset += 20) {
        await stores.searchIndex.search({ phrases: [parsed.phrase], sort: 'date', offset, limit: 20 });
        // Pages are separate requests: the loop turns between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return 0;
    });
    const csv = await download((sink) => openCsvTable(sink));
    const xlsx = await download((sink) =>
      openXlsxTable(sink, { sheetName: '检索结果', widths: [40, 20, 20, 20, 12, 8, 8, 12, 40] }),
    );
    const result = { docs: DOCS, rows: 5_000, baseline_pages_of_20: baseline, csv, xlsx };
    console.log(`${DOCS} documents; 5,000 rows:`);
    console.log(`  baseline, 250 index pages of 20: ${baseline.ms} ms, longest stall ${baseline.max_stall_ms} ms`);
    console.log(
      `  CSV : ${csv.ms} ms, ${(csv.bytes / MB).toFixed(2)} MB, longest stall ${csv.max_stall_ms} ms, peak +${csv.peak_mb} MB`,
    );
    console.log(
      `  XLSX: ${xlsx.ms} ms, ${(xlsx.bytes / MB).toFixed(2)} MB, longest stall ${xlsx.max_stall_ms} ms, peak +${xlsx.peak_mb} MB`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
