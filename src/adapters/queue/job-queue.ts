import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { JobRunner, JobSender } from '../../platform/jobs.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { pgBossQueue } from './pg-boss-queue.ts';
import { tableJobRunner, tableJobSender } from './table-queue.ts';

/** The job queue of one database: a sender for any connection or transaction, and the runner. */
export type JobQueue = {
  senderFor: (db: Kysely<Database>) => JobSender;
  runner: JobRunner;
  /** Where jobs are kept, for the start-up banner. */
  readonly kind: string;
  close(): Promise<void>;
};

export type JobQueueOptions = {
  /** Every job name the application sends or runs. */
  names: readonly string[];
  onError?: (error: unknown) => void;
  /** Embedded queue only: how often the process looks for due jobs. */
  pollMs?: number;
};

/**
 * SQLite: the embedded table queue, on the application's clock. PostgreSQL: pg-boss in the schema
 * `pgboss` (or `<schema>_jobs` when the handle is confined to a schema), on the database's clock.
 */
export function openJobQueue(handle: DatabaseHandle, clock: Clock, options: JobQueueOptions): JobQueue {
  if (handle.dialect === 'postgres') {
    const boss = pgBossQueue(handle.db, {
      schema: handle.schema ? `${handle.schema}_jobs` : 'pgboss',
      names: options.names,
      ...(options.onError ? { onError: options.onError } : {}),
    });
    return { ...boss, kind: 'PostgreSQL (pg-boss)' };
  }
  const runner = tableJobRunner(handle.db, clock, {
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.onError ? { onError: (error: unknown) => options.onError?.(error) } : {}),
  });
  return {
    senderFor: (db) => tableJobSender(db, clock),
    runner,
    kind: 'SQLite (jobs table)',
    close: () => runner.stop(),
  };
}
