import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import {
  JOB_ATTEMPTS,
  jobRegistry,
  retryDelaySeconds,
  type JobPayload,
  type JobRunner,
  type JobRunnerStatus,
  type JobSender,
} from '../../platform/jobs.ts';
import type { Database, JobRow } from '../db/schema.ts';

/**
 * The embedded job queue: jobs are rows of `jobs`, written in the caller's transaction and polled
 * by the serving process. A claimed job is leased (`locked_until`), so a job whose process died is
 * taken up again when the lease runs out. Recurring jobs are inserted once per time slot under a
 * unique (name, key), so two processes on one file still run each slot once.
 */
export function tableJobSender(db: Kysely<Database>, clock: Clock): JobSender {
  return {
    async send(name, payload, options = {}) {
      const now = clock.now();
      const id = newId();
      await db
        .insertInto('jobs')
        .values(jobRow(id, name, id, payload, options.runAfter ?? now, now))
        .execute();
    },
  };
}

function jobRow(id: string, name: string, key: string, payload: JobPayload, runAfter: Date, now: Date): JobRow {
  return {
    id,
    name,
    key,
    payload: JSON.stringify(payload),
    state: 'queued',
    run_after: runAfter.toISOString(),
    attempts: 0,
    locked_until: null,
    last_error: null,
    created_at: now.toISOString(),
    finished_at: null,
  };
}

export type TableQueueOptions = {
  /** How often the process looks for due jobs. */
  pollMs?: number;
  /** How long a claimed job is leased before another poll may take it up again. */
  leaseSeconds?: number;
  /** Finished jobs are deleted after this many days. */
  keepDays?: number;
  onError?: (error: unknown, job: { name: string; id: string; attempts: number }) => void;
};

export function tableJobRunner(db: Kysely<Database>, clock: Clock, options: TableQueueOptions = {}): JobRunner {
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = (options.leaseSeconds ?? 600) * 1000;
  const keepMs = (options.keepDays ?? 7) * 86_400_000;
  const { handlers, recurring, work, every } = jobRegistry();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let lastPrune = 0;

  async function enqueueRecurring(now: Date): Promise<void> {
    for (const [name, seconds] of recurring) {
      const slot = Math.floor(now.getTime() / (seconds * 1000));
      await db
        .insertInto('jobs')
        .values(jobRow(newId(), name, `every:${seconds}:${slot}`, {}, now, now))
        .onConflict((oc) => oc.columns(['name', 'key']).doNothing())
        .execute();
    }
  }

  /** Takes the oldest due job of a known name, or a leased one whose lease ran out. */
  async function claim(now: Date): Promise<JobRow | undefined> {
    const names = [...handlers.keys()];
    if (names.length === 0) return undefined;
    const at = now.toISOString();
    const due = sql<boolean>`(state = 'queued' and run_after <= ${at}) or (state = 'active' and locked_until < ${at})`;
    const next = db.selectFrom('jobs').select('id').where('name', 'in', names).where(due).orderBy('run_after').limit(1);
    const rows = await db
      .updateTable('jobs')
      .set({
        state: 'active',
        attempts: sql<number>`attempts + 1`,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      })
      .where('id', '=', (eb) => eb.selectFrom(next.as('n')).select('n.id'))
      .where(due)
      .returningAll()
      .execute();
    return rows[0];
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.name)!;
    try {
      await handler(JSON.parse(job.payload) as JobPayload);
      await db
        .updateTable('jobs')
        .set({ state: 'done', locked_until: null, last_error: null, finished_at: clock.now().toISOString() })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      options.onError?.(error, { name: job.name, id: job.id, attempts: job.attempts });
      const permanent = job.attempts >= JOB_ATTEMPTS;
      const now = clock.now();
      await db
        .updateTable('jobs')
        .set({
          state: permanent ? 'failed' : 'queued',
          locked_until: null,
          last_error: error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000),
          run_after: new Date(now.getTime() + retryDelaySeconds(job.attempts) * 1000).toISOString(),
          finished_at: permanent ? now.toISOString() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }

  async function runDue(): Promise<number> {
    const now = clock.now();
    await enqueueRecurring(now);
    let ran = 0;
    for (let job = await claim(now); job; job = await claim(clock.now())) {
      await runOne(job);
      ran += 1;
    }
    if (now.getTime() - lastPrune > 3_600_000) {
      lastPrune = now.getTime();
      await db
        .deleteFrom('jobs')
        .where('state', '=', 'done')
        .where('finished_at', '<', new Date(now.getTime() - keepMs).toISOString())
        .execute();
    }
    return ran;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runDue()
        .catch((error: unknown) => options.onError?.(error, { name: '(poll)', id: '', attempts: 0 }))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    work,
    every,
    async start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    runDue,
    status: () => queueStatus(db),
  };
}

async function queueStatus(db: Kysely<Database>): Promise<JobRunnerStatus> {
  const rows = await db
    .selectFrom('jobs')
    .select(['name', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['queued', 'active', 'failed'])
    .groupBy(['name', 'state'])
    .execute();
  const status: JobRunnerStatus = { waiting: {}, failed: {} };
  for (const row of rows) {
    const bucket = row.state === 'failed' ? status.failed : status.waiting;
    bucket[row.name] = (bucket[row.name] ?? 0) + Number(row.n);
  }
  return status;
}
