import { CompiledQuery, type Kysely } from 'kysely';
import { createRequire } from 'node:module';
import type PgBoss from 'pg-boss';
import {
  JOB_ATTEMPTS,
  jobRegistry,
  JOB_FIRST_RETRY_SECONDS,
  type JobPayload,
  type JobRunner,
  type JobRunnerStatus,
  type JobSender,
} from '../../platform/jobs.ts';
import type { Database } from '../db/schema.ts';

/**
 * The job queue on PostgreSQL: pg-boss, in its own schema, over the application's own connection
 * pool. Jobs sent inside a use case's transaction go through that transaction's connection, so they
 * exist exactly when the change committed; several app instances fetch with `SKIP LOCKED` and each
 * job runs once. Recurring jobs use pg-boss's throttled send (one job per time slot, enforced by a
 * unique index), so every instance may ask and the slot still runs once.
 */
export type PgBossQueue = {
  senderFor: (db: Kysely<Database>) => JobSender;
  runner: JobRunner;
  close(): Promise<void>;
};

/** pg-boss's database interface over a Kysely connection or transaction. */
function executorOf(db: Kysely<Database>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}

export function pgBossQueue(
  root: Kysely<Database>,
  options: {
    schema: string;
    /** Every job name the application uses: their queues are created at start, never inside a transaction. */
    names: readonly string[];
    pollSeconds?: number;
    onError?: (error: unknown) => void;
  },
): PgBossQueue {
  // Loaded here, on PostgreSQL only: the embedded default never needs it.
  const PgBoss = createRequire(import.meta.url)('pg-boss') as typeof import('pg-boss');
  const boss = new PgBoss({
    db: executorOf(root),
    schema: options.schema,
    // Recurring work is driven by `every` below, not by pg-boss's cron, and maintenance (expiring
    // leased jobs, archiving finished ones) runs only in a process that runs jobs.
    schedule: false,
    supervise: false,
    migrate: true,
  });
  boss.on('error', (error) => options.onError?.(error));
  const { handlers, recurring, work, every } = jobRegistry();
  const timers: NodeJS.Timeout[] = [];
  let started: Promise<void> | undefined;
  let working: PgBoss | undefined;

  /**
   * Installs pg-boss's schema and creates every queue once. Creating a queue attaches a partition to
   * pg-boss's job table, which waits for open transactions that sent jobs; doing it here, before any
   * use case runs, keeps a transaction from ever waiting on a queue it is creating itself.
   */
  function ready(): Promise<void> {
    started ??= (async () => {
      await boss.start();
      for (const name of options.names) {
        await boss.createQueue(name, {
          name,
          retryLimit: JOB_ATTEMPTS - 1,
          retryDelay: JOB_FIRST_RETRY_SECONDS,
          retryBackoff: true,
          expireInSeconds: 600,
        });
      }
    })();
    return started;
  }

  async function queue(name: string): Promise<void> {
    if (!options.names.includes(name)) throw new Error(`job ${name} is not one of the application's job names`);
    await ready();
  }

  async function handle(name: string, jobs: PgBoss.Job<JobPayload>[]): Promise<void> {
    const handler = handlers.get(name)!;
    for (const job of jobs) {
      try {
        await handler(job.data);
      } catch (error) {
        options.onError?.(error);
        throw error;
      }
    }
  }

  const runner: JobRunner = {
    work,
    every,
    async start() {
      for (const name of new Set([...handlers.keys(), ...recurring.keys()])) await queue(name);
      // Maintenance (expire jobs whose process died, archive and delete old ones) in the running
      // process: a second pg-boss instance on the same pool with supervision on.
      working = new PgBoss({
        db: executorOf(root),
        schema: options.schema,
        schedule: false,
        supervise: true,
        migrate: false,
      });
      working.on('error', (error) => options.onError?.(error));
      await working.start();
      for (const name of handlers.keys()) {
        await working.work<JobPayload>(name, { pollingIntervalSeconds: options.pollSeconds ?? 2 }, (jobs) =>
          handle(name, jobs),
        );
      }
      for (const [name, seconds] of recurring) {
        const tick = () => {
          boss.sendThrottled(name, {}, {}, seconds).catch((error: unknown) => options.onError?.(error));
        };
        tick();
        const timer = setInterval(tick, Math.max(1, Math.floor(seconds / 2)) * 1000);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await working?.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
      working = undefined;
    },
    async runDue() {
      let ran = 0;
      for (const [name, seconds] of recurring) {
        await queue(name);
        await boss.sendThrottled(name, {}, {}, seconds);
      }
      for (let more = true; more;) {
        more = false;
        for (const name of handlers.keys()) {
          await queue(name);
          const jobs = await boss.fetch<JobPayload>(name, { batchSize: 1 });
          for (const job of jobs) {
            more = true;
            ran += 1;
            try {
              await handle(name, [job]);
              await boss.complete(name, job.id);
            } catch (error) {
              await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
            }
          }
        }
      }
      return ran;
    },
    async status() {
      const status: JobRunnerStatus = { waiting: {}, failed: {} };
      if (!started) return status;
      await ready();
      for (const queueInfo of await boss.getQueues()) {
        const waiting = await boss.getQueueSize(queueInfo.name);
        if (waiting > 0) status.waiting[queueInfo.name] = waiting;
      }
      return status;
    },
  };

  return {
    senderFor(db) {
      const executor = executorOf(db);
      return {
        async send(name, payload, sendOptions = {}) {
          await queue(name);
          await boss.send(name, payload, {
            db: executor,
            ...(sendOptions.runAfter ? { startAfter: sendOptions.runAfter } : {}),
          });
        },
      };
    },
    runner,
    async close() {
      await runner.stop();
      if (started) await boss.stop({ graceful: false, close: false, wait: true });
    },
  };
}
