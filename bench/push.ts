/**
 * Benchmark of targeted pushes (订阅推送): the acceptance item "a push to 100,000 subscribers is
 * queued in under 10 s and delivered to a loopback SMTP sink at ≥ 200 messages/s".
 *
 * A fresh database (SQLite in a temporary directory, or a PostgreSQL database of its own created on
 * the server of `--database postgres://…` and dropped afterwards) is migrated; the benchmark district
 * (district-kit.ts, through the real use case) and a 信息审核 account of one department are created;
 * then `--subscribers` active e-mail subscribers whose choices fall inside the push's segment (units:
 * none, the district or the department; policy tags among 减税降费/惠企/民生; audiences 企业/个人;
 * daily and weekly digests among them) and a tenth as many outside it (another unit, 住房 or 老年人
 * only, a topic, unsubscribed, pending, SMS) are written straight into `subscribers` and
 * `subscriber_choices` in batches. The expected segment is counted in the process with the domain's
 * `matches`, and the store's count must agree with it.
 *
 * Queue: `checkPush` (the department's reviewer), `previewPush`, then `sendPush` — one INSERT … SELECT
 * — timed, beside the naive path (the store's SELECT of the matching subscribers into the process,
 * then INSERTs of 500 rows in one transaction); a publication's `fanOutPublication` of the same
 * concern is timed too (its deliveries are removed again).
 *
 * Deliver: a loopback SMTP sink (`smtp-server` in a child process, no reverse lookups, counting
 * messages, distinct Message-IDs and recipients, and List-Unsubscribe headers) receives the pushes
 * through the real `deliverDue` with the job's channels (`deliveryChannels`, 8 sends at once), run in
 * the job's 20 s slices until the outbox is empty: (1) the whole push, e-mail limit raised
 * (GONGKAI_PUSH_RATES=email=99999), through the application's own mailer (`createSmtpMailer` from
 * GONGKAI_SMTP_URL: 5 kept connections, TCP_NODELAY) — exactly once checked for every message; (2) a
 * second push at the default 300/s on a sample (`--limited`). Beside the first, the ceiling: the same
 * mails (`deliveryMail`) sent by the same mailer with the same concurrency straight to the sink,
 * without the outbox.
 *
 * Run: `npm run bench:push` (100,000 subscribers on SQLite; `-- --quick` for 5,000; `-- --subscribers
 * N`, `-- --deliver N` to send only the first N of the push, `-- --ceiling N` and `-- --limited N` for
 * the sizes of the ceiling and 300/s samples;
 * `-- --database postgres://postgres@127.0.0.1:5432/test` to run on PostgreSQL). The last line is
 * one JSON object.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { benchDistrict } from './district-kit.ts';
import { dialectQuirks } from '../src/adapters/db/dialect.ts';
import { createNotificationStore } from '../src/adapters/db/notification-store.ts';
import type { Database, SubscriberRow } from '../src/adapters/db/schema.ts';
import { openApp, type AppContext } from '../src/app/context.ts';
import { DELIVERY_SLICE_MS, deliveryChannels, siteIdentity } from '../src/app/jobs.ts';
import { seededRandom } from '../src/demo/content.ts';
import { systemActor, type StaffActor } from '../src/modules/access/index.ts';
import { buildStaffActor, createUser } from '../src/modules/auth/index.ts';
import {
  checkPush,
  deliverDue,
  fanOutPublication,
  matches,
  noChoices,
  previewPush,
  sendPush,
  type Channel,
  type Choices,
  type ClaimedDelivery,
  type DeliveryChannels,
  type DeliveryOutcome,
  type Frequency,
  type NotificationMessage,
  type Publication,
  type SiteIdentity,
  type Subscriber,
  type SubscriberState,
} from '../src/modules/notifications/index.ts';
import { deliveryMail } from '../src/modules/notifications/commands/deliver-due.ts';
import type { CheckedPush } from '../src/modules/notifications/commands/send-push.ts';
import { choiceCatalog } from '../src/modules/notifications/queries/choice-catalog.ts';
import type { Org } from '../src/modules/orgs/index.ts';
import { FixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Mailer } from '../src/platform/mail.ts';
import { newId } from '../src/platform/ids.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string' },
    /** Subscribers outside the segment; a tenth of --subscribers by default. */
    others: { type: 'string' },
    /** Send only the first N deliveries of the push (the rest are postponed); all by default. */
    deliver: { type: 'string' },
    /** Messages of the ceiling run (the mailer alone). */
    ceiling: { type: 'string' },
    /** Messages of the run at the default rate limit (300/s). */
    limited: { type: 'string' },
    /** The raw run's e-mail limit (GONGKAI_PUSH_RATES takes at most 5 digits). */
    rate: { type: 'string', default: '99999' },
    /** postgres://user@host:port/db: the server to create (and drop) a database of its own on. */
    database: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
    /** Internal: run as the SMTP sink (the child process). */
    sink: { type: 'boolean', default: false },
  },
});

const QUICK = values.quick;
const SUBSCRIBERS = Number(values.subscribers ?? (QUICK ? 5_000 : 100_000));
const OTHERS = Number(values.others ?? Math.round(SUBSCRIBERS / 10));
const DELIVER = Math.min(SUBSCRIBERS, Number(values.deliver ?? SUBSCRIBERS));
const CEILING = Math.min(DELIVER, Number(values.ceiling ?? (QUICK ? 2_000 : 20_000)));
const LIMITED = Math.min(SUBSCRIBERS, Number(values.limited ?? (QUICK ? 900 : 3_000)));
const RAW_RATE = Number(values.rate);
/** The acceptance limits. */
const QUEUE_LIMIT_S = 10;
const DELIVERY_GOAL = 200;
const NOW = '2026-11-20T02:00:00Z';
const ORIGIN = 'https://gk.bench.example.gov.cn';
const PASSWORD = 'bench-password-2026';
const POSTPONED = '2099-01-01T00:00:00.000Z';
const TAGS = ['减税降费', '惠企', '民生'];
const AUDIENCES = ['企业', '个人'];

// ---------------------------------------------------------------------------------------------
// The SMTP sink (a child process, so that receiving does not share the sender's event loop).

type SinkStats = {
  messages: number;
  distinctIds: number;
  distinctRecipients: number;
  withoutUnsubscribe: number;
  withoutId: number;
  bytes: number;
  maxRssMb: number;
};

async function runSink(): Promise<void> {
  let stats: SinkStats;
  let ids = new Set<string>();
  let recipients = new Set<string>();
  const reset = () => {
    stats = {
      messages: 0,
      distinctIds: 0,
      distinctRecipients: 0,
      withoutUnsubscribe: 0,
      withoutId: 0,
      bytes: 0,
      maxRssMb: 0,
    };
    ids = new Set();
    recipients = new Set();
  };
  reset();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 100,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        const end = text.search(/\r?\n\r?\n/);
        const head = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
        stats.messages += 1;
        stats.bytes += raw.length;
        if (id) ids.add(id);
        else stats.withoutId += 1;
        if (!/^list-unsubscribe:\s*<https?:\/\/[^>]+>/im.test(head)) stats.withoutUnsubscribe += 1;
        for (const r of session.envelope.rcptTo) recipients.add(r.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (request: { seq: number; op: 'stats' | 'reset' | 'close' }) => {
    if (request.op === 'reset') reset();
    if (request.op === 'close') {
      server.close(() => process.exit(0));
      return;
    }
    stats.distinctIds = ids.size;
    stats.distinctRecipients = recipients.size;
    stats.maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.send?.({ seq: request.seq, stats });
  });
  process.send?.({ port });
}

type Sink = { url: string; stats(): Promise<SinkStats>; reset(): Promise<SinkStats>; close(): Promise<void> };

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--sink'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
    child.once('message', (m: { port: number }) => resolve(m.port));
  });
  let seq = 0;
  const ask = (op: 'stats' | 'reset') =>
    new Promise<SinkStats>((resolve) => {
      const mine = ++seq;
      const listen = (m: { seq?: number; stats?: SinkStats }) => {
        if (m.seq !== mine || !m.stats) return;
        child.off('message', listen);
        resolve(m.stats);
      };
      child.on('message', listen);
      child.send({ seq: mine, op });
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () => ask('stats'),
    reset: () => ask('reset'),
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ seq: 0, op: 'close' });
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The application and its data.

async function openBenchApp(
  smtpUrl: string,
): Promise<{ app: AppContext; dataDir: string; label: string; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-push-'));
  const env: Record<string, string> = {
    GONGKAI_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    GONGKAI_SCHEDULER_SECONDS: '0',
    GONGKAI_PUBLIC_URL: ORIGIN,
    GONGKAI_SMTP_URL: smtpUrl,
    GONGKAI_PUSH_RATES: `email=${RAW_RATE}`,
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  let label = 'SQLite (a file in a temporary directory)';
  if (values.database) {
    const server = values.database;
    const name = `gk_bench_push_${process.pid}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name}`);
    dropDatabase = () => admin(`drop database if exists ${name} with (force)`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    label = `PostgreSQL (database ${name} on ${url.host}, dropped afterwards)`;
  }
  try {
    const app = await openApp(loadConfig(env), { clock: new FixedClock(NOW) });
    return {
      app,
      dataDir,
      label,
      async cleanup() {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
        await dropDatabase?.();
      },
    };
  } catch (error) {
    await dropDatabase?.();
    throw error;
  }
}

/** The district, the department that pushes, and its reviewer (信息审核) as the sender. */
async function buildUnits(
  app: AppContext,
): Promise<{ district: Org; department: Org; others: Org[]; actor: StaffActor }> {
  const orgs = await benchDistrict(app);
  const district = orgs[0]!;
  const department = orgs.find((org) => org.code === 'bd-d3')!;
  const others = orgs.filter((org) => org.type === 'department' && org.id !== department.id);
  const user = await createUser({
    uow: app.uow,
    clock: app.clock,
    hasher: app.hasher,
    actor: systemActor('bench'),
    input: {
      username: 'bench.reviewer',
      displayName: '审核人甲',
      homeOrgId: department.id,
      password: PASSWORD,
      grants: [{ role: 'reviewer', orgId: department.id }],
    },
  });
  return { district, department, others, actor: await buildStaffActor(app.stores, user, '127.0.0.1') };
}

type Generated = { row: SubscriberRow; choices: Choices };

/**
 * The `i`-th subscriber of a seeded run (1-based): inside the segment for i ≤ SUBSCRIBERS, outside
 * it after that, one of seven ways.
 */
function subscriber(
  i: number,
  random: () => number,
  units: { district: Org; department: Org; others: Org[] },
): Generated {
  const at = new Date(Date.parse(NOW) - Math.floor(random() * 400) * 86_400_000).toISOString();
  const choices = noChoices();
  let channel: Channel = 'email';
  let state: SubscriberState = 'active';
  const r = random();
  const frequency: Frequency = r < 0.7 ? 'immediate' : r < 0.9 ? 'daily' : 'weekly';
  if (i <= SUBSCRIBERS) {
    if (random() >= 0.15) {
      choices.policy = TAGS.filter(() => random() < 0.5);
      if (choices.policy.length === 0) choices.policy = [TAGS[Math.floor(random() * TAGS.length)]!];
    }
    const a = random();
    choices.audience = a < 0.35 ? [] : a < 0.65 ? ['企业'] : a < 0.9 ? ['个人'] : [...AUDIENCES];
    const o = random();
    choices.org = o < 0.6 ? [] : o < 0.8 ? [units.district.id] : [units.department.id];
  } else {
    switch (i % 7) {
      case 0:
        choices.org = [units.others[i % units.others.length]!.id];
        break;
      case 1:
        choices.policy = ['住房'];
        break;
      case 2:
        choices.audience = ['老年人'];
        break;
      case 3:
        choices.topic = ['财政、金融、审计'];
        break;
      case 4:
        state = 'unsubscribed';
        break;
      case 5:
        state = 'pending';
        break;
      default:
        channel = 'sms';
    }
  }
  const number = String(i).padStart(6, '0');
  return {
    row: {
      id: newId(),
      channel,
      address: channel === 'sms' ? `139${String(i).padStart(8, '0')}` : `s${number}@bench.example.cn`,
      label: null,
      secret: null,
      state,
      frequency,
      token_version: 1,
      created_at: at,
      updated_at: at,
      confirmed_at: state === 'pending' ? null : at,
      unsubscribed_at: state === 'unsubscribed' ? NOW : null,
    },
    choices,
  };
}

/** Writes every subscriber in batches; returns how many the push's concern matches by the domain's rule. */
async function loadSubscribers(
  db: Kysely<Database>,
  units: { district: Org; department: Org; others: Org[] },
  concern: Choices,
): Promise<{ expected: number; choiceRows: number }> {
  const random = seededRandom(Number(values.seed));
  const total = SUBSCRIBERS + OTHERS;
  let expected = 0;
  let choiceRows = 0;
  const perTransaction = 10_000;
  for (let start = 1; start <= total; start += perTransaction) {
    const batch: Generated[] = [];
    for (let i = start; i < Math.min(total + 1, start + perTransaction); i++) batch.push(subscriber(i, random, units));
    for (const g of batch) {
      if (g.row.state === 'active' && g.row.channel === 'email' && matches(g.choices, concern)) expected += 1;
    }
    const choices = batch.flatMap((g) =>
      (Object.keys(g.choices) as (keyof Choices)[]).flatMap((kind) =>
        g.choices[kind].map((value) => ({ subscriber_id: g.row.id, kind, value })),
      ),
    );
    choiceRows += choices.length;
    await db.transaction().execute(async (trx) => {
      for (let k = 0; k < batch.length; k += 500) {
        await trx
          .insertInto('subscribers')
          .values(batch.slice(k, k + 500).map((g) => g.row))
          .execute();
      }
      for (let k = 0; k < choices.length; k += 1000) {
        await trx
          .insertInto('subscriber_choices')
          .values(choices.slice(k, k + 1000))
          .execute();
      }
    });
  }
  return { expected, choiceRows };
}

// ---------------------------------------------------------------------------------------------
// Queueing.

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * The naive path, as the baseline: the matching subscribers brought into the process (the store's
 * own SELECT), then a message and one delivery row each, inserted 500 rows a statement in one
 * transaction. Its rows are deleted again afterwards.
 */
async function naiveQueue(app: AppContext, push: CheckedPush, site: SiteIdentity): Promise<number> {
  const db = app.database.db;
  const now = app.clock.now().toISOString();
  const recipients = await app.stores.notifications.sampleMatching(
    push.concern,
    push.channels,
    SUBSCRIBERS + OTHERS + 1,
  );
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const store = createNotificationStore(trx, dialectQuirks(app.database.dialect));
    await store.addMessage({
      id,
      kind: 'targeted',
      key: `targeted:${id}`,
      orgId: push.org.id,
      documentId: null,
      editionId: null,
      title: push.title,
      subject: `【${site.name}】${push.title}`,
      body: push.body,
      smsText: push.title,
      link: push.link,
      segment: { concern: push.concern, channels: push.channels },
      createdBy: null,
      createdAt: now,
      recipients: 0,
    });
    for (let k = 0; k < recipients.length; k += 500) {
      await trx
        .insertInto('notification_deliveries')
        .values(
          recipients.slice(k, k + 500).map((s) => ({
            id: `${id}.${s.id}`,
            message_id: id,
            subscriber_id: s.id,
            channel: s.channel,
            state: 'queued',
            attempts: 0,
            next_attempt_at: now,
            locked_until: null,
            last_error: null,
            digest_id: null,
            created_at: now,
            sent_at: null,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('notification_messages')
      .set({ recipients: recipients.length })
      .where('id', '=', id)
      .execute();
  });
  const made = await countDeliveries(app, id);
  await removeMessage(app, id);
  return made;
}

async function countDeliveries(app: AppContext, messageId: string, state?: string): Promise<number> {
  let query = app.database.db
    .selectFrom('notification_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('message_id', '=', messageId);
  if (state) query = query.where('state', '=', state);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}

/** Deletes a message made only to be timed, with its deliveries. */
async function removeMessage(app: AppContext, messageId: string): Promise<void> {
  const db = app.database.db;
  await db.deleteFrom('notification_deliveries').where('message_id', '=', messageId).execute();
  await db.deleteFrom('notification_messages').where('id', '=', messageId).execute();
}

/** Leaves the first `keep` deliveries of a message (by id) due and postpones the rest. */
async function postponeAfter(app: AppContext, messageId: string, keep: number, total: number): Promise<void> {
  if (keep >= total) return;
  await sql`update notification_deliveries set next_attempt_at = ${POSTPONED}
    where message_id = ${messageId} and state = 'queued' and id > (
      select id from notification_deliveries where message_id = ${messageId} order by id limit 1 offset ${keep - 1}
    )`.execute(app.database.db);
}

// ---------------------------------------------------------------------------------------------
// Delivering.

type DeliveryRun = { messages: number; seconds: number; rate: number; outcome: DeliveryOutcome; sink: SinkStats };

/**
 * Runs `deliverDue` in the job's slices until nothing is due, as the delivery job does, or until
 * `budgetS` seconds have passed (what is left is postponed, out of the way of the next run).
 */
async function deliverAll(
  app: AppContext,
  channels: DeliveryChannels,
  site: SiteIdentity,
  sink: Sink,
  label: string,
  budgetS = Infinity,
): Promise<DeliveryRun> {
  await sink.reset();
  const total: DeliveryOutcome = { sent: 0, failed: 0, retried: 0, skipped: 0, more: false };
  const started = performance.now();
  for (;;) {
    const left = budgetS * 1000 - (performance.now() - started);
    const outcome = await deliverDue({
      notifications: app.stores.notifications,
      clock: app.clock,
      site,
      channels,
      leaseSeconds: app.config.push.leaseSeconds,
      maxMs: Math.min(DELIVERY_SLICE_MS, left),
    });
    total.sent += outcome.sent;
    total.failed += outcome.failed;
    total.retried += outcome.retried;
    total.skipped += outcome.skipped;
    if (!outcome.more) break;
    console.log(
      `    ${label}: ${int(total.sent)} sent in ${seconds(started).toFixed(0)} s (${int(total.sent / seconds(started))}/s)`,
    );
    if (seconds(started) >= budgetS) {
      total.more = true;
      break;
    }
  }
  const elapsed = seconds(started);
  if (total.more) {
    await app.database.db
      .updateTable('notification_deliveries')
      .set({ next_attempt_at: POSTPONED })
      .where('state', '=', 'queued')
      .execute();
  }
  return {
    messages: total.sent,
    seconds: elapsed,
    rate: total.sent / elapsed,
    outcome: total,
    sink: await sink.stats(),
  };
}

/**
 * The ceiling: the first `limit` mails the outbox sent of a message, composed the same way
 * (`deliveryMail`), sent by `mailer` with the same concurrency straight to the sink, without the outbox.
 */
async function mailerAlone(
  app: AppContext,
  mailer: Mailer,
  message: NotificationMessage,
  limit: number,
  site: SiteIdentity,
  sink: Sink,
  concurrency: number,
): Promise<DeliveryRun> {
  const rows = await app.database.db
    .selectFrom('notification_deliveries as d')
    .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
    .selectAll('s')
    .select('d.id as delivery_id')
    .where('d.message_id', '=', message.id)
    .where('d.state', '=', 'sent')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  const deliveries: ClaimedDelivery[] = rows.map((row) => ({
    id: row.delivery_id,
    channel: 'email',
    attempts: 1,
    message,
    subscriber: toSubscriber(row),
  }));
  await sink.reset();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let k = next++; k < deliveries.length; k = next++) await mailer.send(deliveryMail(deliveries[k]!, site));
    }),
  );
  const elapsed = seconds(started);
  return {
    messages: deliveries.length,
    seconds: elapsed,
    rate: deliveries.length / elapsed,
    outcome: { sent: deliveries.length, failed: 0, retried: 0, skipped: 0, more: false },
    sink: await sink.stats(),
  };
}

function toSubscriber(row: SubscriberRow): Subscriber {
  return {
    id: row.id,
    channel: row.channel as Channel,
    address: row.address,
    label: row.label,
    secret: row.secret,
    state: row.state as SubscriberState,
    frequency: row.frequency as Frequency,
    tokenVersion: Number(row.token_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}

/** Every message arrived exactly once: as many as sent, each Message-ID and recipient once, each with List-Unsubscribe. */
function exactlyOnce(run: DeliveryRun, expected: number): boolean {
  const s = run.sink;
  return (
    run.messages === expected &&
    s.messages === expected &&
    s.distinctIds === expected &&
    s.distinctRecipients === expected &&
    s.withoutId === 0 &&
    s.withoutUnsubscribe === 0
  );
}

// ---------------------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const sink = await startSink();
  const { app, label, cleanup } = await openBenchApp(sink.url);
  try {
    console.log(
      `push benchmark: ${int(SUBSCRIBERS)} subscribers in the segment + ${int(OTHERS)} outside it; ${label}; ` +
        `node ${process.version}, ${cpus().length} CPUs`,
    );
    const site = await siteIdentity(app);
    const units = await buildUnits(app);
    const { vocabulary } = await choiceCatalog(app.stores.orgs);
    const push = await checkPush(
      app.stores.orgs,
      units.actor,
      {
        orgId: units.department.id,
        title: '关于落实2026年度减税降费和惠企惠民政策的提示',
        body:
          '根据国家和省有关规定，2026年度小规模纳税人增值税减免、社会保险费阶段性降费率等政策继续执行。' +
          '请符合条件的企业和个人及时申报享受，相关办理指南见链接页面。',
        link: '/xxgk/fdzdgknr',
        channels: ['email'],
        choices: { policy: TAGS, audience: AUDIENCES },
      },
      vocabulary,
    );
    let started = performance.now();
    const { expected, choiceRows } = await loadSubscribers(app.database.db, units, push.concern);
    await sql`analyze`.execute(app.database.db);
    console.log(
      `  ${int(SUBSCRIBERS + OTHERS)} subscribers and ${int(choiceRows)} choices loaded and analysed in ` +
        `${seconds(started).toFixed(1)} s; the push's segment by the domain's rule: ${int(expected)}`,
    );
    if (expected !== SUBSCRIBERS) throw new Error(`the generator put ${expected} in the segment, not ${SUBSCRIBERS}`);

    started = performance.now();
    const preview = await previewPush(app.stores.notifications, push);
    const previewSeconds = seconds(started);
    if (preview.count !== expected) throw new Error(`previewPush counts ${preview.count}, the domain ${expected}`);

    started = performance.now();
    const naiveMade = await naiveQueue(app, push, site);
    const naiveSeconds = seconds(started);
    if (naiveMade !== expected) throw new Error(`the naive path made ${naiveMade} deliveries, not ${expected}`);

    started = performance.now();
    const sent = await sendPush({ uow: app.uow, clock: app.clock, actor: units.actor, site, push });
    const queueSeconds = seconds(started);
    if (sent.recipients !== expected) throw new Error(`sendPush queued ${sent.recipients}, not ${expected}`);

    const publication: Publication = {
      documentId: newId(),
      editionId: newId(),
      title: push.title,
      docNumber: '基准财发〔2026〕12号',
      topic: '财政、金融、审计',
      fieldCode: null,
      audiences: ['企业', '个人'],
      policyTags: ['减税降费', '惠企', '民生'],
      orgId: units.department.id,
      orgAncestorIds: [units.district.id, units.department.id],
      orgName: units.department.name,
      publishedOn: '2026-11-20',
      publishedAt: NOW,
      href: '/xxgk/fdzdgknr',
      shortHref: '/d/bench',
      summary: push.body.slice(0, 120),
      isUpdate: false,
      changeNote: null,
    };
    started = performance.now();
    const announced = await fanOutPublication({ uow: app.uow, clock: app.clock, site, publication });
    const publicationSeconds = seconds(started);
    const held = await countDeliveries(app, announced.message.id, 'held');
    await removeMessage(app, announced.message.id);

    // 1. The push through the outbox (the job's channels and mailer, the e-mail limit raised): every
    // delivery, each exactly once.
    const channels = deliveryChannels(app);
    await postponeAfter(app, sent.message.id, DELIVER, sent.recipients);
    console.log(`\n  delivering ${int(DELIVER)} of the push through the outbox (email=${RAW_RATE}/s) …`);
    const raw = await deliverAll(app, channels, site, sink, 'outbox');
    const rawReport = await app.stores.notifications.report(sent.message.id);
    const rawOnce = exactlyOnce(raw, DELIVER) && rawReport.sent === DELIVER;
    console.log(`  the ceiling: ${int(CEILING)} of the same mails by the mailer alone …`);
    const ceiling = await mailerAlone(app, app.mailer, sent.message, CEILING, site, sink, channels.concurrency.email);
    const ceilingOnce = exactlyOnce(ceiling, CEILING);

    // 2. The default limit (300/s), on a second push of the same segment.
    const defaults = loadConfig({ GONGKAI_DATA_DIR: app.config.dataDir }).push.rates;
    started = performance.now();
    const second = await sendPush({ uow: app.uow, clock: app.clock, actor: units.actor, site, push });
    const secondSeconds = seconds(started);
    await postponeAfter(app, second.message.id, LIMITED, second.recipients);
    console.log(`  a second push, ${int(LIMITED)} of it at email=${defaults.email}/s …`);
    const limitedChannels = deliveryChannels({
      ...app,
      config: { ...app.config, push: { ...app.config.push, rates: defaults } },
    });
    const limited = await deliverAll(app, limitedChannels, site, sink, 'limited');
    const limitedOnce = exactlyOnce(limited, LIMITED);

    table(
      ['queue', 'deliveries', 's', 'per s', 'naive s', 'naive per s', '× faster', `< ${QUEUE_LIMIT_S} s`],
      [
        [
          'sendPush (INSERT … SELECT)',
          int(sent.recipients),
          queueSeconds.toFixed(2),
          int(sent.recipients / queueSeconds),
          naiveSeconds.toFixed(2),
          int(naiveMade / naiveSeconds),
          (naiveSeconds / queueSeconds).toFixed(1),
          queueSeconds < QUEUE_LIMIT_S ? 'yes' : 'NO',
        ],
        ...[[`  again, ${int(DELIVER)} sent before`, second, secondSeconds] as const].map(([name, result, s]) => [
          name,
          int(result.recipients),
          s.toFixed(2),
          int(result.recipients / s),
          '-',
          '-',
          '-',
          s < QUEUE_LIMIT_S ? 'yes' : 'NO',
        ]),
        [
          `fanOutPublication (${int(held)} held)`,
          int(announced.recipients),
          publicationSeconds.toFixed(2),
          int(announced.recipients / publicationSeconds),
          '-',
          '-',
          '-',
          publicationSeconds < QUEUE_LIMIT_S ? 'yes' : 'NO',
        ],
      ],
    );
    console.log(
      `previewPush (count and sample) ${previewSeconds.toFixed(2)} s; naive = the store's SELECT of the matching ` +
        `subscribers into the process, then INSERTs of 500 rows in one transaction; the publication also reaches ` +
        `SMS subscribers and holds the digests' deliveries`,
    );

    const row = (name: string, run: DeliveryRun, once: boolean, against?: DeliveryRun) => [
      name,
      int(run.messages),
      run.seconds.toFixed(1),
      int(run.rate),
      against ? int(against.rate) : '-',
      against ? (run.rate / against.rate).toFixed(2) : '-',
      run.rate >= DELIVERY_GOAL ? 'yes' : 'NO',
      once ? 'yes' : 'NO',
    ];
    table(
      [
        'delivery to the loopback sink',
        'messages',
        's',
        'msg/s',
        'ceiling msg/s',
        '× ceiling',
        `≥ ${DELIVERY_GOAL}/s`,
        'exactly once',
      ],
      [
        row(`outbox, email=${RAW_RATE}/s`, raw, rawOnce, ceiling),
        row('  the mailer alone (ceiling)', ceiling, ceilingOnce),
        row(`outbox, email=${defaults.email}/s`, limited, limitedOnce),
      ],
    );
    console.log(
      `outbox = deliverDue in ${DELIVERY_SLICE_MS / 1000} s slices (claims of 100, ${channels.concurrency.email} sends at once) ` +
        `with deliveryChannels and the application's mailer (createSmtpMailer: 5 kept connections, TCP_NODELAY)` +
        `; exactly once = sent, received, distinct Message-IDs and recipients all equal, each with List-Unsubscribe; ` +
        `the ${defaults.email}/s run includes the bucket's first second of burst; ${(raw.sink.bytes / raw.messages / 1024).toFixed(1)} KiB a message`,
    );
    console.log(
      `the first push: ${int(raw.outcome.sent)} sent, ${raw.outcome.failed} failed, ${raw.outcome.retried} retried, ` +
        `${raw.outcome.skipped} skipped; its report: ${JSON.stringify(rawReport)}`,
    );
    const sinkStats = await sink.stats();
    const peak = rssMb();
    console.log(`peak RSS: ${peak.toFixed(0)} MB (this process), ${sinkStats.maxRssMb.toFixed(0)} MB (the SMTP sink)`);
    const dialect = app.database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\nsummary: ${int(SUBSCRIBERS)} subscribers on ${dialect}: push queued in ${queueSeconds.toFixed(2)} s ` +
        `(${int(sent.recipients / queueSeconds)}/s, ${(naiveSeconds / queueSeconds).toFixed(1)}× the naive path's ` +
        `${naiveSeconds.toFixed(1)} s); ${int(raw.messages)} delivered through the outbox at ${int(raw.rate)} msg/s with ` +
        `the application's mailer (${(raw.rate / ceiling.rate).toFixed(2)}× the mailer alone, ${int(ceiling.rate)} msg/s), exactly ` +
        `once: ${rawOnce ? 'yes' : 'NO'}; ${int(limited.rate)} msg/s at the default ${defaults.email}/s; peak RSS ${peak.toFixed(0)} MB`,
    );
    console.log(
      JSON.stringify({
        database: app.database.dialect,
        subscribers: SUBSCRIBERS,
        others: OTHERS,
        queueSeconds: +queueSeconds.toFixed(3),
        queuePerSecond: Math.round(sent.recipients / queueSeconds),
        naiveSeconds: +naiveSeconds.toFixed(3),
        queueSpeedup: +(naiveSeconds / queueSeconds).toFixed(2),
        secondPushSeconds: +secondSeconds.toFixed(3),
        publicationSeconds: +publicationSeconds.toFixed(3),
        delivered: raw.messages,
        deliverSeconds: +raw.seconds.toFixed(1),
        deliverPerSecond: Math.round(raw.rate),
        ceilingPerSecond: Math.round(ceiling.rate),
        ofCeiling: +(raw.rate / ceiling.rate).toFixed(3),
        limitedPerSecond: Math.round(limited.rate),
        exactlyOnce: rawOnce && ceilingOnce && limitedOnce,
        peakRssMb: Math.round(peak),
      }),
    );
  } finally {
    await cleanup();
    await sink.close();
  }
}

if (values.sink) await runSink();
else {
  await main();
  // The mailers' pooled connections would keep the process alive until the sink's idle timeout.
  process.exit(0);
}
