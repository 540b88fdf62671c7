/**
 * Benchmark of the 依申请公开 inbox of a busy unit: the acceptance item "the inbox of a unit with
 * 100,000 requests in the database lists, filters and counts in under 100 ms".
 *
 * A district of 1 government, 30 departments (five schools under the education bureau) and 10
 * towns with 8 villages each is created through the real use case; then `--size` requests
 * (default 100 000) for 基准区教育局 and 6 % as many again for the other units are written straight
 * into `foi_requests` (and their first `foi_events` row) in batched multi-row inserts: three years
 * of applications, 3 % of them open (awaiting receipt, registered, in handling, paused for a
 * consultation or a fee, awaiting a correction) with receipt dates and stored due dates around
 * "today" (a fixed clock, Friday 2026-11-20) so that some are overdue and some due within five
 * working days, the rest closed (replied or archived with their reply letter, withdrawn, not
 * handled, abandoned), channels mixed, most assigned to one of six officers. Then ANALYZE.
 *
 * The education bureau's 依申请公开经办人 signs in through /admin/login, and each case (first page,
 * overdue, due soon, one open state, one channel, "mine", page 200) is timed twice: the whole page
 * `GET /admin/ysqgk?…` through the real server (guards, session, query, page rendering), and the
 * query `listInbox` alone (list, total and counts). Each measured run is interleaved with
 * `GET /healthz` (same server and hooks, one database round trip) and reported as a ratio to it.
 * The three SQL statements behind each case (the page of rows, its total, the counts) are also
 * timed one by one, and their plans printed for any case over 100 ms (or every case with
 * `--explain`). Four more cases show the district government's officer (whose scope is every unit)
 * and a town's officer (a small unit in the same table). `--index "create index …"` tries an index
 * on the loaded data before it goes into a migration.
 *
 * Run: `npm run bench:foi` (SQLite in a temporary directory; `-- --size 20000 --rounds 50` for
 * another size or number of rounds, `-- --explain` for every plan, `-- --keep` to keep the loaded
 * database); set GONGKAI_BENCH_DATABASE_URL=postgres://… to run on PostgreSQL (in a schema of its
 * own, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { dialectQuirks } from '../src/adapters/db/dialect.ts';
import { createRequestStore, requestRow } from '../src/adapters/db/request-store.ts';
import type { FoiEventRow } from '../src/adapters/db/schema.ts';
import { openApp, type AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/app/server.ts';
import { seededRandom } from '../src/demo/content.ts';
import { scopeFor, systemActor, type StaffActor } from '../src/modules/access/index.ts';
import { buildStaffActor, createUser } from '../src/modules/auth/index.ts';
import { createOrg } from '../src/modules/orgs/commands/create-org.ts';
import type { Org, OrgType } from '../src/modules/orgs/domain/org.ts';
import { storedDueOn } from '../src/modules/requests/domain/handling.ts';
import { informationProcessingFee } from '../src/modules/requests/domain/fees.ts';
import { composeReplyLetter } from '../src/modules/requests/domain/letter.ts';
import type { Outcome } from '../src/modules/requests/domain/outcomes.ts';
import {
  trackingCodeFrom,
  type Channel,
  type FoiRequest,
  type RequestState,
} from '../src/modules/requests/domain/request.ts';
import { DUE_SOON_WORKING_DAYS, listInbox, type InboxQuery } from '../src/modules/requests/queries/inbox.ts';
import { chinaDate, FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { newId } from '../src/platform/ids.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../src/platform/working-days.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '100' },
    explain: { type: 'boolean', default: false },
    /** An index to try before it goes into a migration: `--index "create index … on foi_requests (…)"`, repeatable. */
    index: { type: 'string', multiple: true, default: [] },
    /** Keep the loaded database (the SQLite file or the PostgreSQL schema) to look into by hand. */
    keep: { type: 'boolean', default: false },
  },
});
const SIZE = Number(values.size);
const ROUNDS = Number(values.rounds);
const WARM_UP = 10;
/** The acceptance limit, in milliseconds. */
const LIMIT_MS = 100;
/** Friday 2026-11-20, 10:00 in Beijing: "today" for every due date. */
const NOW = '2026-11-20T02:00:00Z';
const TODAY = chinaDate(new Date(NOW));
/** The inbox's page size (`PAGE_SIZE` of the admin routes). */
const PAGE_SIZE = 50;
const PASSWORD = 'bench-password-2026';
/** The deep page: page 200 (offset 9 950), or the last page of a smaller inbox. */
const DEEP_PAGE = Math.min(200, Math.ceil(SIZE / PAGE_SIZE));
const pgUrl = process.env.GONGKAI_BENCH_DATABASE_URL;

const DEPARTMENTS = [
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安分局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划分局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '信访局',
  '数据资源管理局',
  '机关事务管理局',
  '林业局',
  '体育局',
];
/** How many requests each department gets relative to the others (land, housing and police lead). */
const DEPARTMENT_WEIGHT: Record<string, number> = {
  自然资源和规划分局: 10,
  住房和城乡建设局: 9,
  公安分局: 6,
  人力资源和社会保障局: 5,
  市场监督管理局: 4,
  生态环境分局: 4,
  农业农村局: 3,
  交通运输局: 3,
};
const TOWNS = [
  '城关街道',
  '东城街道',
  '西城街道',
  '南湖街道',
  '北山镇',
  '青石镇',
  '柳河镇',
  '白沙镇',
  '黄龙镇',
  '新桥镇',
];

/** Weighted choice: `[value, weight]` pairs. */
function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table.at(-1)![0];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const OPEN_STATES: [RequestState, number][] = [
  ['submitted', 6],
  ['registered', 20],
  ['processing', 35],
  ['awaiting_correction', 8],
  ['third_party_consult', 5],
  ['agency_consult', 3],
  ['fee_pending', 2],
  ['excessive_review', 2],
  ['decision_review', 19],
];
const CLOSED_STATES: [RequestState, number][] = [
  ['replied', 50],
  ['archived', 38],
  ['not_handled', 2],
  ['withdrawn', 4],
  ['closed_abandoned', 5],
  ['closed_fee_unpaid', 1],
];
const CHANNEL_MIX: [Channel, number][] = [
  ['online', 62],
  ['in_person', 14],
  ['post', 14],
  ['email', 8],
  ['fax', 2],
];
const REPLY_OUTCOMES: [Outcome, number][] = [
  ['3.1', 40],
  ['3.2', 12],
  ['3.3.4', 3],
  ['3.3.5', 2],
  ['3.3.6', 3],
  ['3.4.1', 22],
  ['3.4.2', 5],
  ['3.5.1', 3],
  ['3.5.3', 3],
  ['3.5.4', 4],
  ['3.5.5', 3],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明'];
const COMPANIES = ['某某科技有限公司', '某某建设工程有限公司', '某某律师事务所', '某某环保咨询有限公司', '某某研究院'];
const SUBJECTS = [
  '2025年义务教育阶段学校招生计划及学区划分方案',
  '某小学改扩建工程的立项批复及建设用地审批文件',
  '2024年度教育经费执行情况及专项资金分配明细',
  '民办学校年度检查结果及办学许可证核发情况',
  '校外培训机构审批及年检名单',
  '某中学食堂食品安全检查记录及整改情况',
  '教师招聘考试成绩、录用名单及递补规则',
  '学生营养改善计划资金使用情况',
  '某地块征收补偿安置方案及相关批复文件',
  '某路段道路改造工程的招标文件及中标结果',
  '某小区规划许可证及规划总平面图',
  '2023年以来本单位行政处罚决定书',
  '某企业环境影响评价批复及验收文件',
  '最低生活保障对象认定标准及审批流程',
];
const REASONS = [
  '经检索，本机关未制作或获取该信息。',
  '所申请信息涉及第三方商业秘密，经征求意见，第三方不同意公开。',
  '所申请信息属于内部事务信息。',
  '所申请内容属于咨询性质，不作为政府信息公开申请处理。',
];

type Unit = { org: Org; officers: string[] };
/** Whose inbox: the busy unit's officer, the district government's (all units) or a town's (a small unit). */
type Viewer = 'busy' | 'district' | 'town';
const USERNAMES: Record<Viewer, string> = { busy: 'bench.foi0', district: 'bench.district', town: 'bench.town' };

async function openBenchApp(): Promise<{ app: AppContext; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-foi-'));
  let schema: string | undefined;
  if (pgUrl) {
    schema = `bench_foi_${Date.now()}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const config = loadConfig({ GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', GONGKAI_SCHEDULER_SECONDS: '0' });
  const app = await openApp(pgUrl ? { ...config, database: { kind: 'postgres', url: pgUrl, schema } } : config, {
    clock: new FixedClock(NOW),
  });
  return {
    app,
    async cleanup() {
      await app.close();
      if (values.keep) {
        console.log(
          `\nkept: ${app.config.database.kind === 'sqlite' ? app.config.database.file : `schema ${schema} in ${pgUrl}`}`,
        );
        return;
      }
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

/** The district's units; the busy unit's officers (`bench.foi0` … `bench.foi5`), the district's and a town's as accounts. */
async function buildDistrict(app: AppContext): Promise<{
  district: Unit;
  busy: Unit;
  others: { unit: Unit; weight: number }[];
  officers: Record<Viewer, StaffActor>;
}> {
  const clock = new FixedClock(NOW);
  const actor = systemActor('bench');
  const make = (parentId: string | null, type: OrgType, code: string, name: string) =>
    createOrg({ uow: app.uow, clock, actor, parentId, input: { type, code, name } });
  const fakeOfficers = (n: number) => Array.from({ length: n }, () => newId());
  const districtOrg = await make(null, 'district', 'bd', '基准区人民政府');
  const district: Unit = { org: districtOrg, officers: fakeOfficers(3) };
  const others: { unit: Unit; weight: number }[] = [{ unit: district, weight: 6 }];
  let busy: Unit | undefined;
  for (const [i, name] of DEPARTMENTS.entries()) {
    const org = await make(districtOrg.id, 'department', `bd-d${i}`, `基准区${name}`);
    if (name === '教育局') {
      busy = { org, officers: [] };
      for (let s = 0; s < 5; s++) await make(org.id, 'utility', `bd-d${i}-s${s}`, `基准区第${s + 1}中学`);
    } else {
      others.push({ unit: { org, officers: fakeOfficers(2) }, weight: DEPARTMENT_WEIGHT[name] ?? 1 });
    }
  }
  for (const [t, name] of TOWNS.entries()) {
    const org = await make(
      districtOrg.id,
      'town',
      `bd-t${t}`,
      `基准区${name}${name.endsWith('镇') ? '人民政府' : '办事处'}`,
    );
    others.push({ unit: { org, officers: fakeOfficers(1) }, weight: 2 });
    for (let v = 0; v < 8; v++) await make(org.id, 'village', `bd-t${t}-v${v}`, `${name}第${v + 1}村村民委员会`);
  }
  const account = async (username: string, org: Org) => {
    const user = await createUser({
      uow: app.uow,
      clock,
      hasher: app.hasher,
      actor,
      input: {
        username,
        displayName: `经办人${username.slice(-1)}`,
        homeOrgId: org.id,
        password: PASSWORD,
        grants: [{ role: 'foi_officer', orgId: org.id }],
      },
    });
    return buildStaffActor(app.stores, user, '127.0.0.1');
  };
  // Six officers have handled the bureau's requests over the years; the first is the one measured.
  const officers: StaffActor[] = [];
  for (let k = 0; k < 6; k++) officers.push(await account(`bench.foi${k}`, busy!.org));
  busy!.officers = officers.map((o) => o.userId);
  const town = others.find(({ unit }) => unit.org.type === 'town')!.unit.org;
  return {
    district,
    busy: busy!,
    others,
    officers: {
      busy: officers[0]!,
      district: await account('bench.district', districtOrg),
      town: await account('bench.town', town),
    },
  };
}

/** `date` moved by whole calendar days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The working day `n` working days before `date` (n = 0: `date` itself, or the working day before it). */
function workingDaysBefore(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = addDays(day, -1);
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

/** The first working day on or after `date`. */
function workingDayFrom(calendar: WorkingCalendar, date: string): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = addDays(day, 1);
  return day;
}

/** An instant on `date` in Beijing office hours (or at any hour for online applications). */
function instantOn(random: () => number, date: string, anyHour: boolean): string {
  const minutes = anyHour ? Math.floor(random() * 24 * 60) : 8.5 * 60 + Math.floor(random() * 8 * 60);
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000).toISOString();
}

/** A few hundred sealed values to reuse: real AES-GCM text of realistic length, never opened by the inbox. */
function sealedPool(app: AppContext, random: () => number) {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  return {
    idNumbers: Array.from({ length: 100 }, () => app.cipher.seal(`3301061990${digits(8)}`)),
    phones: Array.from({ length: 100 }, () => app.cipher.seal(`138${digits(8)}`)),
    emails: Array.from({ length: 50 }, () => app.cipher.seal(`applicant${digits(4)}@example.cn`)),
    addresses: Array.from({ length: 50 }, () => app.cipher.seal(`基准区城关街道人民路${digits(3)}号`)),
  };
}

/** A fee notice for 15 items (条例 Art. 42) sent on `noticeOn`, unpaid. */
function feeNotice(calendar: WorkingCalendar, noticeOn: string): NonNullable<FoiRequest['fee']> {
  return {
    ...informationProcessingFee('item', 15),
    noticeOn,
    dueOn: addWorkingDays(calendar, noticeOn, 20).date,
    paidOn: null,
  };
}

/** One request of `unit`, open or closed, as the use cases would have left it. */
function makeRequest(options: {
  random: () => number;
  calendar: WorkingCalendar;
  unit: Unit;
  open: boolean;
  sealed: ReturnType<typeof sealedPool>;
  districtName: string;
}): FoiRequest {
  const { random, calendar, unit, open, sealed } = options;
  const state = open ? weighted(random, OPEN_STATES) : weighted(random, CLOSED_STATES);
  const channel: Channel = state === 'submitted' ? 'online' : weighted(random, CHANNEL_MIX);
  const legal = random() < 0.15;
  const name = legal ? `基准区${pick(random, COMPANIES)}` : `${pick(random, SURNAMES)}${pick(random, GIVEN)}`;
  let submittedOn: string;
  let receivedOn: string | null;
  let extension: FoiRequest['extension'] = null;
  let pauses: FoiRequest['pauses'] = [];
  let correction: FoiRequest['correction'] = null;
  let fee: FoiRequest['fee'] = null;
  let closedOn: string | null = null;
  let assigneeId: string | null = null;
  const officer = () => (unit.officers.length > 0 ? pick(random, unit.officers) : null);
  if (open) {
    // Most open requests were received within the reply period; a tenth are older (overdue unless extended).
    const age = random() < 0.9 ? Math.floor(random() * 20) : 20 + Math.floor(random() * 25);
    if (state === 'submitted') {
      receivedOn = null;
      submittedOn = workingDaysBefore(calendar, TODAY, Math.floor(random() * 3));
    } else {
      receivedOn = workingDaysBefore(calendar, TODAY, age);
      submittedOn = channel === 'post' ? addDays(receivedOn, -1 - Math.floor(random() * 3)) : receivedOn;
      if (age >= 18 && random() < 0.4) {
        extension = {
          workingDays: 20,
          approvedBy: '办公室主任',
          approvedOn: addWorkingDays(calendar, receivedOn, 18).date,
        };
      }
      if (state === 'third_party_consult' || state === 'agency_consult' || state === 'fee_pending') {
        const from = workingDaysBefore(calendar, TODAY, Math.floor(random() * Math.min(age + 1, 10)));
        const reason = state === 'fee_pending' ? 'fee' : state === 'agency_consult' ? 'other_agency' : 'third_party';
        pauses = [{ reason, from, until: null, ...(reason === 'fee' ? {} : { party: '相关单位' }) }];
        if (reason === 'fee') fee = feeNotice(calendar, from);
      }
      if (state === 'awaiting_correction') {
        const sentOn = workingDaysBefore(calendar, TODAY, Math.floor(random() * Math.min(age + 1, 7)));
        correction = {
          sentOn,
          items: '请明确所需政府信息的名称、文号或者便于查询的其他特征性描述。',
          dueOn: addWorkingDays(calendar, sentOn, 15).date,
        };
      }
      assigneeId = state === 'registered' ? (random() < 0.6 ? officer() : null) : officer();
    }
  } else {
    submittedOn = addDays(TODAY, -10 - Math.floor(random() * 1085));
    receivedOn =
      channel === 'post' ? workingDayFrom(calendar, addDays(submittedOn, 2)) : workingDayFrom(calendar, submittedOn);
    if (random() < 0.04) extension = { workingDays: 15, approvedBy: '办公室主任', approvedOn: receivedOn };
    closedOn = addWorkingDays(calendar, receivedOn, 2 + Math.floor(random() * 19)).date;
    if (closedOn >= TODAY) closedOn = workingDaysBefore(calendar, addDays(TODAY, -1), 0);
    assigneeId = random() < 0.85 ? officer() : null;
    if (state === 'closed_fee_unpaid') fee = feeNotice(calendar, receivedOn);
  }
  // Archiving (条例 Art. 45) comes a while after the reply.
  const closedState = state === 'archived' && closedOn && closedOn > addDays(TODAY, -60) ? 'replied' : state;
  const at = instantOn(random, submittedOn, channel === 'online' || channel === 'email');
  const code = trackingCodeFrom(Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256)));
  const request: FoiRequest = {
    id: newId(),
    trackingCode: code,
    orgId: unit.org.id,
    channel,
    state: closedState,
    applicant: {
      kind: legal ? 'legal' : 'natural',
      organisationKind: legal ? 'business' : null,
      name,
      idType: legal ? 'credit_code' : 'resident_id',
      idNumberSealed: pick(random, sealed.idNumbers),
      idNumberMasked: legal ? '91330106********3X' : '330106********1236',
      contactPerson: legal ? `${pick(random, SURNAMES)}${pick(random, GIVEN)}` : '',
      phoneSealed: pick(random, sealed.phones),
      phoneTail: String(1000 + Math.floor(random() * 9000)),
      emailSealed: random() < 0.4 ? pick(random, sealed.emails) : null,
      addressSealed: channel === 'post' || random() < 0.2 ? pick(random, sealed.addresses) : null,
      postcode: random() < 0.3 ? '311100' : '',
    },
    description: pick(random, SUBJECTS),
    documentNumber: random() < 0.2 ? `基教发〔2025〕${1 + Math.floor(random() * 60)}号` : '',
    purpose: random() < 0.3 ? '了解政策' : '',
    form: random() < 0.7 ? 'electronic' : 'paper',
    delivery: channel === 'online' ? 'online' : random() < 0.5 ? 'post' : 'email',
    submittedAt: at,
    receivedOn,
    correctedOn: null,
    extension,
    pauses,
    correction,
    reply: null,
    fee,
    closedOn,
    service: null,
    dueOn: null,
    assigneeId,
    updatedAt: closedOn ? instantOn(random, closedOn, false) : at,
    upstreamId: null,
  };
  if (closedOn) {
    const outcome: Outcome =
      closedState === 'withdrawn'
        ? '3.6.3'
        : closedState === 'closed_abandoned'
          ? '3.6.1'
          : closedState === 'closed_fee_unpaid'
            ? '3.6.2'
            : closedState === 'not_handled'
              ? '3.5.2'
              : weighted(random, REPLY_OUTCOMES);
    const byLetter = closedState === 'replied' || closedState === 'archived' || closedState === 'not_handled';
    const reply: NonNullable<FoiRequest['reply']> = {
      outcome,
      repliedOn: closedOn,
      reason: byLetter && outcome !== '3.1' ? pick(random, REASONS) : '',
      withheld: outcome === '3.2' ? [{ part: '个人身份信息及联系方式', reason: '涉及个人隐私（条例第十五条）' }] : [],
      letter: null,
    };
    if (byLetter) {
      const replied = { ...request, reply };
      reply.letter = composeReplyLetter(replied, { type: unit.org.type, name: unit.org.name }, options.districtName);
    }
    request.reply = reply;
  }
  request.dueOn = storedDueOn(request, calendar, TODAY);
  return request;
}

/** Writes the busy unit's `SIZE` requests and 6 % as many for the others, 400 rows a statement, in one transaction. */
async function loadRequests(
  app: AppContext,
  district: Awaited<ReturnType<typeof buildDistrict>>,
): Promise<{ busy: number; others: number; open: number }> {
  const random = seededRandom(SIZE);
  const calendar = await app.calendarCache.get();
  const sealed = sealedPool(app, random);
  const otherCount = Math.round(SIZE * 0.06);
  const otherTable = district.others.map(({ unit, weight }) => [unit, weight] as const);
  let open = 0;
  const batch = 400;
  await app.database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < SIZE + otherCount; start += batch) {
      const requests: FoiRequest[] = [];
      for (let i = start; i < Math.min(SIZE + otherCount, start + batch); i++) {
        const unit = i < SIZE ? district.busy : weighted(random, otherTable);
        const isOpen = random() < 0.03;
        if (isOpen) open++;
        requests.push(
          makeRequest({ random, calendar, unit, open: isOpen, sealed, districtName: district.district.org.name }),
        );
      }
      await trx.insertInto('foi_requests').values(requests.map(requestRow)).execute();
      const events: FoiEventRow[] = requests.map((r) => ({
        request_id: r.id,
        seq: 1,
        kind: 'submitted',
        at: r.submittedAt,
        on_date: r.channel === 'online' ? null : r.receivedOn,
        by_name: r.applicant.name,
        note: '',
      }));
      await trx.insertInto('foi_events').values(events).execute();
    }
  });
  return { busy: SIZE, others: otherCount, open };
}

/** Signs in through the login form as a browser does; returns the session cookies. */
async function signIn(server: FastifyInstance, username: string): Promise<Record<string, string>> {
  const cookiesOf = (response: { cookies: { name: string; value: string }[] }, jar: Record<string, string>) => {
    for (const c of response.cookies) jar[c.name] = c.value;
    return jar;
  };
  const form = await server.inject({ method: 'GET', url: '/admin/login' });
  const jar = cookiesOf(form, {});
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  if (!csrf) throw new Error('the sign-in page has no _csrf field');
  const response = await server.inject({
    method: 'POST',
    url: '/admin/login',
    cookies: jar,
    payload: { _csrf: csrf, username, password: PASSWORD, next: '/admin/' },
  });
  cookiesOf(response, jar);
  if (response.statusCode !== 303 || !jar.gk_session) throw new Error(`sign-in of ${username}: ${response.statusCode}`);
  return jar;
}

type Stats = { median: number; p95: number; baseline: number };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

/** Median and p95 of `run`, interleaved with `GET /healthz`, in milliseconds, after a warm-up. */
async function measure(server: FastifyInstance, run: () => Promise<unknown>): Promise<Stats> {
  const healthz = async () => {
    const response = await server.inject({ method: 'GET', url: '/healthz' });
    if (response.statusCode !== 200) throw new Error(`/healthz: ${response.statusCode}`);
  };
  for (let i = 0; i < WARM_UP; i++) {
    await run();
    await healthz();
  }
  const times: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    await healthz();
    base.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), baseline: quantile(base, 0.5) };
}

/** Median of `run` alone, in milliseconds (a diagnosis, so fewer rounds). */
async function medianOf(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < Math.min(ROUNDS, 20); i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

type Case = { name: string; actor: Viewer; params: string; query: InboxQuery; page: number };

const CASES: Case[] = [
  { name: 'page 1, no filter', actor: 'busy', params: '', query: {}, page: 1 },
  { name: 'due=overdue', actor: 'busy', params: 'due=overdue', query: { due: 'overdue' }, page: 1 },
  { name: 'due=soon', actor: 'busy', params: 'due=soon', query: { due: 'soon' }, page: 1 },
  { name: 'state=registered', actor: 'busy', params: 'state=registered', query: { states: ['registered'] }, page: 1 },
  { name: 'channel=post', actor: 'busy', params: 'channel=post', query: { channel: 'post' }, page: 1 },
  { name: 'mine=1', actor: 'busy', params: 'mine=1', query: { mine: true }, page: 1 },
  { name: `page ${DEEP_PAGE}, no filter`, actor: 'busy', params: `page=${DEEP_PAGE}`, query: {}, page: DEEP_PAGE },
  { name: 'district officer, page 1', actor: 'district', params: '', query: {}, page: 1 },
  { name: 'district officer, overdue', actor: 'district', params: 'due=overdue', query: { due: 'overdue' }, page: 1 },
  { name: 'town officer, page 1', actor: 'town', params: '', query: {}, page: 1 },
  { name: 'town officer, channel=post', actor: 'town', params: 'channel=post', query: { channel: 'post' }, page: 1 },
];

/** Which of the three statements of `listInbox` a compiled query is. */
function kindOf(query: CompiledQuery): 'rows' | 'total' | 'counts' | 'units' {
  // PostgreSQL's store looks the subtree's units up first (dialect.ts, subtreeFilter).
  if (!/foi_requests/.test(query.sql)) return 'units';
  if (/\blimit\b/i.test(query.sql)) return 'rows';
  return /sum\(case/i.test(query.sql) ? 'counts' : 'total';
}

async function main(): Promise<void> {
  console.log(
    `FOI inbox benchmark: ${SIZE} requests in the busy unit, ${ROUNDS} rounds, database ${pgUrl ? 'PostgreSQL' : 'SQLite'}`,
  );
  const { app, cleanup } = await openBenchApp();
  try {
    const district = await buildDistrict(app);
    const started = Date.now();
    const loaded = await loadRequests(app, district);
    const loadSeconds = (Date.now() - started) / 1000;
    for (const statement of values.index) {
      await sql.raw(statement).execute(app.database.db);
      console.log(`  tried: ${statement}`);
    }
    const analyzeStarted = Date.now();
    // Statistics as autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) would keep them after a bulk load.
    if (app.database.dialect === 'postgres') {
      await sql`vacuum (analyze) foi_requests, foi_events, orgs, users, role_grants, sessions`.execute(app.database.db);
    } else {
      await sql`analyze`.execute(app.database.db);
    }
    const analyzeSeconds = (Date.now() - analyzeStarted) / 1000;
    const bytes =
      app.database.dialect === 'postgres'
        ? await sql<{ n: string }>`select pg_total_relation_size('foi_requests') as n`.execute(app.database.db)
        : await sql<{
            n: number;
          }>`select sum(pgsize) as n from dbstat where name like 'foi_requests%' or name like 'sqlite_autoindex_foi_requests%'`.execute(
            app.database.db,
          );
    console.log(
      `  ${loaded.busy + loaded.others} requests (${loaded.busy} for ${district.busy.org.name}, ${loaded.others} for ` +
        `${district.others.length} other units, ${loaded.open} open) loaded in ${loadSeconds.toFixed(1)} s, ` +
        `analysed in ${analyzeSeconds.toFixed(1)} s; foi_requests with its indexes: ` +
        `${Math.round(Number(bytes.rows[0]?.n ?? 0) / 1e6)} MB`,
    );

    const server = await buildServer(app, { logger: false });
    await server.ready();
    const jars = {} as Record<Viewer, Record<string, string>>;
    for (const viewer of Object.keys(USERNAMES) as Viewer[]) jars[viewer] = await signIn(server, USERNAMES[viewer]);
    const actors = district.officers;
    const calendar = () => app.calendarCache.get();
    const inbox = (c: Case, requests = app.stores.requests) =>
      listInbox({
        requests,
        calendar,
        clock: app.clock,
        actor: actors[c.actor],
        query: c.query,
        page: { limit: PAGE_SIZE, offset: (c.page - 1) * PAGE_SIZE },
      });

    // A request store over the same connection that keeps each statement it sends, to time and explain them one by one.
    let captured: CompiledQuery[] = [];
    const executor = app.database.db.getExecutor();
    const capture: KyselyPlugin = {
      transformQuery(args) {
        captured.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const capturingStore = createRequestStore(app.database.db.withPlugin(capture), dialectQuirks(app.database.dialect));

    type Result = {
      c: Case;
      matched: number;
      page: Stats;
      query: Stats;
      statements: Record<string, { query: CompiledQuery; median: number }>;
    };
    const results: Result[] = [];
    for (const c of CASES) {
      const url = `/admin/ysqgk${c.params ? `?${c.params}` : ''}`;
      const first = await inbox(c);
      const page = await measure(server, async () => {
        const response = await server.inject({ method: 'GET', url, cookies: jars[c.actor] });
        if (response.statusCode !== 200 || !response.body.includes('共 '))
          throw new Error(`${c.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      });
      const query = await measure(server, () => inbox(c));
      captured = [];
      await inbox(c, capturingStore);
      const statements: Result['statements'] = {};
      for (const compiled of captured) {
        const kind = kindOf(compiled);
        if (kind === 'units') continue;
        statements[kind] = {
          query: compiled,
          median: await medianOf(() => app.database.db.executeQuery(compiled)),
        };
      }
      results.push({ c, matched: first.total, page, query, statements });
      console.log(`  measured ${c.name}`);
    }

    const busyScope = scopeFor(district.officers.busy, 'request.handle');
    const countsCalendar = await calendar();
    const soonUntil = addWorkingDays(countsCalendar, TODAY, DUE_SOON_WORKING_DAYS).date;
    const counts = await app.stores.requests.inboxCounts(busyScope, { today: TODAY, soonUntil });
    const countsStats = await measure(server, () =>
      app.stores.requests.inboxCounts(busyScope, { today: TODAY, soonUntil }),
    );

    const header = [
      'case',
      'matched',
      'page ms',
      'p95',
      '×healthz',
      'listInbox ms',
      'p95',
      '×healthz',
      'rows SQL',
      'total SQL',
      'counts SQL',
      `< ${LIMIT_MS} ms`,
    ];
    const ms = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(2));
    const rows = results.map((r) => [
      r.c.name,
      String(r.matched),
      ms(r.page.median),
      ms(r.page.p95),
      (r.page.median / r.page.baseline).toFixed(1),
      ms(r.query.median),
      ms(r.query.p95),
      (r.query.median / r.query.baseline).toFixed(1),
      ms(r.statements.rows?.median),
      ms(r.statements.total?.median),
      ms(r.statements.counts?.median),
      r.page.p95 < LIMIT_MS ? 'yes' : 'NO',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(`\n${line(header)}`);
    for (const row of rows) console.log(line(row));
    console.log(
      `\ninboxCounts alone (${district.busy.org.name}: ${counts.open} open, ${counts.submitted} awaiting receipt, ` +
        `${counts.overdue} overdue, ${counts.dueSoon} due by ${soonUntil}): median ${ms(countsStats.median)} ms, ` +
        `p95 ${ms(countsStats.p95)} ms, ×healthz ${(countsStats.median / countsStats.baseline).toFixed(1)}`,
    );
    const baselines = results.map((r) => r.page.baseline).sort((a, b) => a - b);
    console.log(`baseline GET /healthz median: ${ms(quantile(baselines, 0.5))} ms`);
    console.log(
      `page = GET /admin/ysqgk through the server (session, guards, query, rendering); listInbox = the query alone ` +
        `(page of rows, total and counts); the SQL columns time each statement alone (median); "< ${LIMIT_MS} ms" judges the page's p95.`,
    );

    for (const r of results) {
      if (!values.explain && r.page.p95 < LIMIT_MS && r.query.p95 < LIMIT_MS) continue;
      console.log(`\n--- plans for ${r.c.name} ---`);
      for (const [kind, { query }] of Object.entries(r.statements)) {
        const explain = pgUrl ? 'explain (analyze, buffers)' : 'explain query plan';
        const plan = await app.database.db.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
        );
        console.log(`[${kind}] ${query.sql}\n  parameters: ${JSON.stringify(query.parameters)}`);
        // SQLite's plan is a tree of (id, parent, detail) rows; PostgreSQL's is already indented text.
        const depth = new Map<number, number>([[0, 0]]);
        for (const row of plan.rows) {
          if (pgUrl) {
            console.log(`  ${String(row['QUERY PLAN'])}`);
            continue;
          }
          const level = (depth.get(Number(row.parent)) ?? 0) + 1;
          depth.set(Number(row.id), level);
          console.log(`${'  '.repeat(level)}${String(row.detail)}`);
        }
      }
    }
    await server.close();
  } finally {
    await cleanup();
  }
}

await main();
