/**
 * Benchmark of the public participation pages (互动交流, `/hdjl/`): the column's front page, a
 * consultation with its comments and its adoption report, the residents' messages list (first and a
 * deep page), one message, the per-unit statistics over 12 months, a survey's results counted from
 * every stored answer sheet, and the directory of major decisions — at a district's scale and at ten
 * times it.
 *
 * Two ways of reading each page:
 * - rendered: `inject` into a server built with the shared page cache off, so every request runs the
 *   route, its queries and the page (what a request costs after the content changed);
 * - served: real HTTP on loopback with keep-alive to the server as deployed, page cache on.
 * Each measured request is interleaved with a baseline request the same way (`GET /healthz`: the same
 * server and hooks and one database round trip, no page) and reported as a ratio to it, so the
 * figures mean the same on a fast or a slow machine. Run: `npm run bench:participation` (add
 * `-- --scales 1,10 --rounds 200`; set GONGKAI_BENCH_DATABASE_URL=postgres://… for PostgreSQL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { benchDistrict, corpusArticles } from './district-kit.ts';
import { openApp, type AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/app/server.ts';
import { seededRandom } from '../src/demo/content.ts';
import { systemActor, type Actor } from '../src/modules/access/index.ts';
import type { Org } from '../src/modules/orgs/domain/org.ts';
import {
  publishConsultation,
  publishSurvey,
  saveDecision,
  saveDraft,
  saveSurvey,
  submitComment,
  submitSurveyAnswers,
  type Message,
} from '../src/modules/participation/index.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { newId } from '../src/platform/ids.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10' },
    rounds: { type: 'string', default: '200' },
    pages: { type: 'string', default: '' },
  },
});
const SCALES = values.scales.split(',').map(Number);
const ROUNDS = Number(values.rounds);
/** Only the pages whose names contain one of these words (comma-separated); all when empty. */
const PAGES = values.pages.split(',').filter((word) => word !== '');
/** What one district has in a year at scale 1. */
const PER_SCALE = { messages: 5000, comments: 300, sheets: 1000, decisions: 20 };
const NOW = '2026-11-20T02:00:00Z';

async function openBenchApp(
  scale: number,
): Promise<{ app: AppContext; clock: FixedClock; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const pgUrl = process.env.GONGKAI_BENCH_DATABASE_URL;
  let schema: string | undefined;
  if (pgUrl) {
    schema = `bench_hdjl_${scale}_${Date.now()}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', GONGKAI_SCHEDULER_SECONDS: '0' });
  const clock = new FixedClock(NOW);
  const app = await openApp(pgUrl ? { ...config, database: { kind: 'postgres', url: pgUrl, schema } } : config, {
    clock,
  });
  return {
    app,
    clock,
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

/** A documentation-style private address per resident, so no per-address limit is reached. */
const residentOf = (n: number): Actor => ({ kind: 'public', ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });

type Loaded = { consultationId: string; surveyId: string; messageIds: string[] };

/** The participation of a district's year, `scale` times over, through the use cases where residents act. */
async function populate(app: AppContext, clock: FixedClock, scale: number, texts: string[]): Promise<Loaded> {
  const orgs = await benchDistrict(app);
  const random = seededRandom(scale);
  const officer = systemActor('bench');
  const base = { uow: app.uow, clock, actor: officer };
  const secret = 'bench-participation';
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  // A consultation on a 40-paragraph draft, open since October, with its comments.
  clock.set('2026-10-01T02:00:00Z');
  const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 ${pick(texts).slice(0, 180)}`);
  const draft = await saveDraft({
    ...base,
    consultationId: null,
    input: {
      orgId: orgs[1]!.id,
      title: '基准区城市更新条例（征求意见稿）',
      summary: pick(texts).slice(0, 200),
      major: false,
      shortReason: '',
      opensOn: '2026-10-02',
      closesOn: '2026-11-30',
      text: paragraphs.join('\n'),
    },
  });
  await publishConsultation({ ...base, consultationId: draft.id });
  const comments = PER_SCALE.comments * scale;
  for (let i = 0; i < comments; i++) {
    clock.set(new Date(Date.parse('2026-10-02T02:00:00Z') + i * 60_000).toISOString());
    await submitComment({
      uow: app.uow,
      clock,
      actor: residentOf(i),
      secret,
      consultationId: draft.id,
      input: {
        body: pick(texts).slice(0, 120 + (i % 200)),
        name: i % 3 === 0 ? '' : `居民${i}`,
        paragraph: i % 4 === 0 ? null : 1 + (i % 40),
      },
    });
  }

  // A survey of five questions, its answer sheets from as many devices.
  clock.set('2026-10-01T03:00:00Z');
  const question = (kind: string, title: string, options = '') => ({
    id: '',
    kind,
    title,
    required: kind !== 'text',
    remove: false,
    options,
    minSelections: kind === 'multiple' ? '1' : '',
    maxSelections: kind === 'multiple' ? '3' : '',
    maxLength: '',
    from: '1',
    to: '5',
    fromLabel: kind === 'scale' ? '很不满意' : '',
    toLabel: kind === 'scale' ? '很满意' : '',
  });
  const survey = await saveSurvey({
    ...base,
    surveyId: null,
    input: {
      orgId: orgs[2]!.id,
      title: '基准区公共服务满意度调查',
      description: '基准数据',
      opensAt: '2026-10-02T09:00',
      closesAt: '2026-12-31T18:00',
      perAddressPerDay: '',
      questions: [
        question('single', '您的年龄段', '18岁以下\n18—35岁\n36—60岁\n60岁以上'),
        question('multiple', '您常用的服务', '医疗\n教育\n交通\n养老\n文体\n政务'),
        question('scale', '总体满意度'),
        question('single', '您是否在网上办过事', '是\n否'),
        question('text', '意见和建议'),
      ],
    },
  });
  const published = await publishSurvey({ ...base, surveyId: survey.id });
  const sheets = PER_SCALE.sheets * scale;
  for (let i = 0; i < sheets; i++) {
    clock.set(new Date(Date.parse('2026-10-02T02:00:00Z') + i * 30_000).toISOString());
    const [single, multiple, scaleQ, yesNo, text] = published.questions.map((q) => q.id);
    await submitSurveyAnswers({
      uow: app.uow,
      clock,
      actor: residentOf(i),
      secret,
      surveyId: survey.id,
      deviceId: `bench-device-${i}`,
      personKey: null,
      posted: {
        [single!]: String(i % 4),
        [multiple!]: [String(i % 6), String((i + 2) % 6)],
        [scaleQ!]: String(1 + (i % 5)),
        [yesNo!]: String(i % 2),
        ...(i % 5 === 0 ? { [text!]: pick(texts).slice(0, 80) } : {}),
      },
    });
  }

  // The directory of major decisions.
  clock.set('2026-10-01T04:00:00Z');
  for (let i = 0; i < PER_SCALE.decisions * scale; i++) {
    await saveDecision({
      ...base,
      decisionId: null,
      input: {
        orgId: pick(orgs).id,
        year: '2026',
        title: `基准区重大行政决策事项第${i + 1}项`,
        summary: pick(texts).slice(0, 100),
        basis: '',
        methods: ['consultation', 'hearing'],
        status: 'planned',
        plannedTime: '2026年第四季度',
        decidedOn: '',
        resultLink: '',
        withdrawnReason: '',
        consultationId: '',
      },
    });
  }

  // Residents' messages over the last 13 months, seven in ten answered and published, written to the
  // store in batches as the use cases would have left them.
  const messages = PER_SCALE.messages * scale;
  const messageIds: string[] = [];
  const day0 = Date.parse('2025-10-20T00:00:00Z');
  for (let start = 0; start < messages; start += 2000) {
    await app.uow.run(async (stores) => {
      for (let i = start; i < Math.min(messages, start + 2000); i++) {
        const received = new Date(day0 + Math.floor((i / messages) * 395) * 86_400_000).toISOString().slice(0, 10);
        const answered = i % 10 < 7;
        const answeredOn = new Date(Date.parse(received) + (1 + (i % 9)) * 86_400_000).toISOString().slice(0, 10);
        const org: Org = orgs[i % orgs.length]!;
        const id = newId();
        const message: Message = {
          id,
          trackingCode: `LY-${String(i).padStart(5, '0').slice(-5)}-${String(scale * 100000 + i).slice(-5)}`,
          orgId: org.id,
          kind: (['consult', 'suggest', 'complain', 'help'] as const)[i % 4]!,
          title: pick(texts).slice(0, 24),
          body: pick(texts).slice(0, 400),
          name: `居民${i}`,
          contactSealed: app.cipher.seal(`139${String(i).padStart(8, '0')}`),
          publicConsent: true,
          state: answered ? 'answered' : i % 10 === 7 ? 'accepted' : 'received',
          receivedOn: received,
          acceptedOn: answered || i % 10 === 7 ? received : null,
          transferredOn: null,
          transfers: [],
          answer: answered ? pick(texts).slice(0, 300) : '',
          answeredOn: answered ? answeredOn : null,
          answeredBy: answered ? 'bench' : '',
          declineReason: '',
          published: answered,
          rating: null,
          ratingComment: '',
          senderKey: `bench-${i}`,
          createdAt: `${received}T02:00:00.000Z`,
          updatedAt: `${answered ? answeredOn : received}T02:00:00.000Z`,
        };
        await stores.messages.insert(message);
        if (answered) messageIds.push(id);
      }
    });
  }
  clock.set(NOW);
  return { consultationId: draft.id, surveyId: survey.id, messageIds };
}

type Target = { name: string; url: () => string };
type Timing = { median: number; baseline: number };

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Median of interleaved runs of target and baseline, in milliseconds, through `get`. */
async function measure(get: (url: string) => Promise<number>, target: Target): Promise<Timing> {
  const times: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 10; i++) {
    await get(target.url());
    await get('/healthz');
  }
  for (let i = 0; i < ROUNDS; i++) {
    let started = process.hrtime.bigint();
    const status = await get(target.url());
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 200) throw new Error(`${target.name}: ${status}`);
    started = process.hrtime.bigint();
    await get('/healthz');
    base.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { median: median(times), baseline: median(base) };
}

/** A GET over a kept-alive loopback connection; the body is read to the end. */
function httpGetter(server: FastifyInstance): (url: string) => Promise<number> {
  const { port } = server.server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (url) =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: url, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
}

async function main(): Promise<void> {
  const texts = corpusArticles();
  const dialect = process.env.GONGKAI_BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  console.log(`participation benchmark: ${ROUNDS} rounds, database ${dialect}`);
  const results: Record<string, Record<number, { rendered: Timing; served: Timing }>> = {};
  for (const scale of SCALES) {
    const { app, clock, cleanup } = await openBenchApp(scale);
    const started = Date.now();
    const loaded = await populate(app, clock, scale, texts);
    await sql`analyze`.execute(app.database.db);
    console.log(
      `  scale ${scale}: ${PER_SCALE.messages * scale} messages, ${PER_SCALE.comments * scale} comments, ` +
        `${PER_SCALE.sheets * scale} survey sheets, ${PER_SCALE.decisions * scale} decisions loaded in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // The same application twice: as deployed (the shared page cache on), and with the cache off so
    // that every request runs the route, its queries and the page.
    const server = await buildServer(app, { logger: false });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const uncached = await buildServer(
      { ...app, config: { ...app.config, pageCache: { maxBytes: 0, checkMs: 0 } } },
      {
        logger: false,
      },
    );
    await uncached.ready();
    const random = seededRandom(7);
    const deepPage = Math.max(2, Math.floor(loaded.messageIds.length / 20 / 2));
    const targets: Target[] = [
      { name: 'column /hdjl/', url: () => '/hdjl/' },
      { name: 'consultation page', url: () => `/hdjl/zjyj/${loaded.consultationId}` },
      { name: 'comment form', url: () => `/hdjl/zjyj/${loaded.consultationId}/yijian?p=3` },
      { name: 'messages, page 1', url: () => '/hdjl/liuyan/' },
      { name: `messages, middle page`, url: () => `/hdjl/liuyan/?page=${deepPage}` },
      {
        name: 'one message',
        url: () => `/hdjl/liuyan/${loaded.messageIds[Math.floor(random() * loaded.messageIds.length)]}`,
      },
      { name: 'message statistics', url: () => '/hdjl/liuyan/tongji' },
      { name: 'survey results', url: () => `/hdjl/wldc/${loaded.surveyId}/jieguo` },
      { name: 'decisions directory', url: () => '/hdjl/zdjc/?year=2026' },
    ];
    const inject = async (url: string) => (await uncached.inject({ method: 'GET', url })).statusCode;
    const overHttp = httpGetter(server);
    for (const target of targets.filter((t) => PAGES.length === 0 || PAGES.some((word) => t.name.includes(word)))) {
      (results[target.name] ??= {})[scale] = {
        rendered: await measure(inject, target),
        served: await measure(overHttp, target),
      };
    }
    await uncached.close();
    await server.close();
    await cleanup();
  }
  const header = [
    'page',
    ...SCALES.flatMap((s) => [`×${s} rendered ms`, '×healthz', 'served ms', '×healthz']),
    ...(SCALES.length > 1 ? [`rendered growth ×${SCALES.at(-1)}/×${SCALES[0]}`] : []),
  ];
  const rows = Object.entries(results).map(([name, byScale]) => {
    const cells = SCALES.flatMap((s) => {
      const { rendered, served } = byScale[s]!;
      return [
        rendered.median.toFixed(2),
        (rendered.median / rendered.baseline).toFixed(1),
        served.median.toFixed(2),
        (served.median / served.baseline).toFixed(1),
      ];
    });
    const growth =
      SCALES.length > 1
        ? [(byScale[SCALES.at(-1)!]!.rendered.median / byScale[SCALES[0]!]!.rendered.median).toFixed(2)]
        : [];
    return [name, ...cells, ...growth];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  const first = Object.values(results)[0]!;
  console.log(
    `\nbaseline GET /healthz median: ${SCALES.map((s) => `rendered ${first[s]!.rendered.baseline.toFixed(2)} ms, served ${first[s]!.served.baseline.toFixed(2)} ms @×${s}`).join('; ')}`,
  );
}

await main();
