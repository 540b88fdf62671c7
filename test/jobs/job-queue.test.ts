import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/adapters/db/stores.ts';
import { openJobQueue, type JobQueue } from '../../src/adapters/queue/job-queue.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import type { JobPayload } from '../../src/platform/jobs.ts';
import { DIALECTS, type TestDatabase } from '../databases.ts';

const NAMES = ['count', 'flaky', 'tick'] as const;

/**
 * The job queue port on both adapters: the embedded table queue on SQLite and pg-boss on
 * PostgreSQL. A job exists exactly when its transaction commits; a failure is retried, never lost;
 * two instances on one database run each job, and each slot of a recurring job, once.
 */
describe.each(DIALECTS)('job queue on $name', (dialect) => {
  let db: TestDatabase;
  const clock = new FixedClock('2026-11-02T02:00:00Z');
  const queues: JobQueue[] = [];
  const open = () => {
    const queue = openJobQueue(db.handle, clock, { names: NAMES });
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    db = await dialect.open();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.close();
    await db?.drop();
  });

  it('keeps a job sent in a transaction that rolled back out, and runs a committed one once', async () => {
    const queue = open();
    const { uow } = createStores(db.handle, clock, queue.senderFor);
    const seen: JobPayload[] = [];
    queue.runner.work('count', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    await expect(
      uow.run(async ({ jobs }) => {
        await jobs.send('count', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await uow.run(({ jobs }) => jobs.send('count', { n: 2, text: '示范区' }));
    expect(await queue.runner.runDue()).toBe(1);
    expect(await queue.runner.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 2, text: '示范区' }]);
  });

  it('keeps a failed job for a retry with backoff instead of dropping it', async () => {
    const queue = open();
    let calls = 0;
    queue.runner.work('flaky', () => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('the mail server is down')) : Promise.resolve();
    });
    await queue.senderFor(db.handle.db).send('flaky', {});
    expect(await queue.runner.runDue()).toBe(1);
    // Not due again at once: the first retry waits 30 seconds.
    expect(await queue.runner.runDue()).toBe(0);
    expect((await queue.runner.status()).waiting).toEqual({ flaky: 1 });
    if (dialect.name === 'sqlite') {
      // The embedded queue runs on the application's clock: 31 seconds on, the retry succeeds.
      clock.set(new Date(clock.now().getTime() + 31_000));
      expect(await queue.runner.runDue()).toBe(1);
      expect(calls).toBe(2);
      expect((await queue.runner.status()).waiting).toEqual({});
    }
  });

  it('runs each of 40 jobs once when two instances take them at the same time', async () => {
    const [a, b] = [open(), open()];
    const runs = new Map<number, number>();
    for (const queue of [a, b]) {
      queue.runner.work('count', async (payload) => {
        const n = payload.n as number;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1));
      });
    }
    const sender = a.senderFor(db.handle.db);
    for (let n = 0; n < 40; n++) await sender.send('count', { n });
    const [ranA, ranB] = await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    expect(ranA + ranB).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(40);
  });

  it('runs a recurring job once per period, however many instances ask', async () => {
    const [a, b] = [open(), open()];
    let ticks = 0;
    for (const queue of [a, b]) {
      queue.runner.work('tick', () => {
        ticks++;
        return Promise.resolve();
      });
      queue.runner.every('tick', 3600);
    }
    await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    await a.runner.runDue();
    await b.runner.runDue();
    expect(ticks).toBe(1);
  });
});
