import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/context.ts';
import { buildStaffActor } from '../../src/modules/auth/index.ts';
import { checkPush, noChoices, sendPush } from '../../src/modules/notifications/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { useCli } from '../cli/kit.ts';
import { POSTGRES_URL } from '../environment.ts';
import { startSmtpServer, type ReceivedMail } from '../mail/smtp-kit.ts';
import { scratchPostgresDatabase, startServe } from '../processes.ts';

const ORIGIN = 'https://gk.example.gov.cn';
/** Subscribers the push goes to, and how many must have arrived when the sending process is killed. */
const SUBSCRIBERS = 300;
const KILL_AT = 90;
/**
 * E-mail deliveries a process sends at once (`deliveryChannels` in src/app/jobs.ts): at most this many
 * may have reached the mail server without being marked sent when the process dies.
 */
const IN_FLIGHT = 8;

/** Where the server keeps its data, and a way to add subscribers to it without going through it. */
type Store = {
  env: Record<string, string>;
  addSubscribers(rows: { id: string; address: string }[], at: string): Promise<void>;
  drop(): Promise<void>;
};
type Target = { name: 'sqlite' | 'postgres'; instances: number; open(dataDir: string): Promise<Store> };

const SUBSCRIBER_SQL =
  "insert into subscribers (id, channel, address, label, secret, state, frequency, token_version, created_at, updated_at, confirmed_at, unsubscribed_at) values ($1, 'email', $2, null, null, 'active', 'immediate', 1, $3, $3, $3, null)";
const CHOICE_SQL = "insert into subscriber_choices (subscriber_id, kind, value) values ($1, 'policy', '减税降费')";

const sqlite: Target = {
  name: 'sqlite',
  instances: 1,
  async open(dataDir) {
    return {
      env: { DATABASE_URL: '' },
      async addSubscribers(rows, at) {
        const db = new SqliteDatabase(join(dataDir, 'gongkai.sqlite'), { fileMustExist: true });
        try {
          const subscriber = db.prepare(SUBSCRIBER_SQL.replace(/\$\d/g, '?'));
          const choice = db.prepare(CHOICE_SQL.replace('$1', '?'));
          db.transaction(() => {
            for (const row of rows) {
              subscriber.run(row.id, row.address, at, at, at);
              choice.run(row.id);
            }
          })();
        } finally {
          db.close();
        }
      },
      drop: () => Promise.resolve(),
    };
  },
};

const postgres: Target = {
  name: 'postgres',
  instances: 2,
  async open() {
    const scratch = await scratchPostgresDatabase(POSTGRES_URL!, 'gk_push');
    return {
      env: { DATABASE_URL: scratch.url },
      async addSubscribers(rows, at) {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        try {
          await client.query('begin');
          for (const row of rows) {
            await client.query(SUBSCRIBER_SQL, [row.id, row.address, at]);
            await client.query(CHOICE_SQL, [row.id]);
          }
          await client.query('commit');
        } finally {
          await client.end();
        }
      },
      drop: scratch.drop,
    };
  },
};

const TARGETS: Target[] = POSTGRES_URL ? [sqlite, postgres] : [sqlite];

const startServer = async (env: NodeJS.ProcessEnv) => (await startServe(env)).server;

function messageIdOf(mail: ReceivedMail): string {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return /^message-id: (.*)$/im.exec(head)?.[1]?.trim() ?? '';
}

async function until(condition: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await delay(50);
  }
}

/**
 * A push survives the death of the process sending it. The real server (`gongkai serve`) sends a
 * push to 300 subscribers through a real SMTP server on loopback and is killed with SIGKILL a third
 * of the way through; started again (on PostgreSQL, two instances sharing the queue, before and
 * after the kill), every subscriber gets the message, and a message is repeated
 * on the wire only when it was in flight at the moment of the kill, with the same Message-ID, so the
 * receiving server recognises it.
 */
describe.each(TARGETS)('a push survives a killed sender on $name', (target) => {
  const cli = useCli({ prefix: 'gongkai-push-kill-' });
  let store: Store | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    store = await target.open(cli.dataDir());
    const seeded = cli.runWith({ ...store.env, GONGKAI_DEMO_PASSWORD: 'Push-Kill-2026' }, 'seed-demo');
    if (seeded.status !== 0) throw new Error(`gongkai seed-demo failed: ${seeded.stderr}`);
    smtp = await startSmtpServer({ delayMs: 15 });
  }, 160_000);

  afterAll(async () => {
    for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await smtp?.close();
    await store?.drop();
  }, 30_000);

  it(`delivers to all ${SUBSCRIBERS} exactly once per person after a SIGKILL at ${KILL_AT}`, async () => {
    const env = cli.env({
      ...store!.env,
      GONGKAI_SMTP_URL: smtp!.url,
      GONGKAI_PUBLIC_URL: ORIGIN,
      GONGKAI_PUSH_LEASE_SECONDS: '3',
      GONGKAI_PUSH_RATES: 'email=120',
      GONGKAI_SCHEDULER_SECONDS: '1',
    });
    const at = new Date().toISOString();
    await store!.addSubscribers(
      Array.from({ length: SUBSCRIBERS }, (_, n) => ({
        id: `crash${String(n).padStart(11, '0')}`,
        address: `push${n}@example.cn`,
      })),
      at,
    );
    for (let i = 0; i < target.instances; i++) servers.push(await startServer(env));

    // The push, sent as the product sends one (in this process, on the same database).
    const ctx = await openApp(loadConfig(env), { migrate: false });
    try {
      const user = (await ctx.stores.users.getByUsername('jyj.reviewer'))!;
      const actor = await buildStaffActor(ctx.stores, user, '127.0.0.1');
      const org = (await ctx.stores.orgs.getByCode('sfq-jyj'))!;
      const push = await checkPush(
        ctx.stores.orgs,
        actor,
        {
          orgId: org.id,
          title: '小微企业减税降费政策申报提醒',
          body: '请符合条件的企业在3月31日前申报。',
          link: '',
          channels: ['email'],
          choices: { policy: ['减税降费'] },
        },
        { ...noChoices(), policy: ['减税降费'] },
      );
      const { recipients } = await sendPush({
        uow: ctx.uow,
        clock: ctx.clock,
        actor,
        site: { name: '示范区', publicUrl: ORIGIN, secret: ctx.secret },
        push,
      });
      // The demo's own subscribers to 减税降费 get it too; the checks below count this test's.
      expect(recipients).toBeGreaterThanOrEqual(SUBSCRIBERS);
    } finally {
      await ctx.close();
    }

    const received = smtp!.received;
    const pushes = () =>
      received.filter((m) => m.subject.includes('减税降费政策申报提醒') && /^push\d+@example\.cn$/.test(m.to[0] ?? ''));
    await until(
      () => pushes().length >= KILL_AT,
      60_000,
      () => `${pushes().length} pushes arrived`,
    );
    // Every instance dies at once, so whichever was sending is killed mid-send.
    for (const server of servers) server.kill('SIGKILL');
    const atKill = pushes().length;
    expect(atKill, 'the kill came after the push had been sent').toBeLessThan(SUBSCRIBERS);
    // Started again: the dead processes' leased deliveries are taken up once their lease runs out.
    for (let i = 0; i < target.instances; i++) servers.push(await startServer(env));

    const distinct = () => new Set(pushes().map(messageIdOf)).size;
    await until(
      () => distinct() >= SUBSCRIBERS,
      90_000,
      () => `${distinct()} of ${SUBSCRIBERS} arrived`,
    );
    await delay(4_000);

    const all = pushes();
    const ids = all.map(messageIdOf);
    // Nobody missed: one distinct message for every subscriber, each to its own address.
    const byRecipient = new Map<string, Set<string>>();
    for (const mail of all) {
      const set = byRecipient.get(mail.to[0]!) ?? new Set<string>();
      set.add(messageIdOf(mail));
      byRecipient.set(mail.to[0]!, set);
    }
    expect(byRecipient.size).toBe(SUBSCRIBERS);
    expect([...byRecipient.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set(ids).size).toBe(SUBSCRIBERS);
    // Repeated on the wire: only what was in flight when the process died, under the same Message-ID.
    const repeats = ids.length - SUBSCRIBERS;
    expect(repeats).toBeLessThanOrEqual(IN_FLIGHT * target.instances);
    console.info(
      `${target.name}: killed after ${atKill} of ${SUBSCRIBERS}; ${repeats} repeated on the wire (same Message-ID), ${SUBSCRIBERS} distinct delivered`,
    );
  }, 240_000);
});
