import cluster, { type Address, type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { listenOrigin } from '../platform/config.ts';

/** How many serving processes a GONGKAI_WORKERS setting asks for: `auto` is one per processor. */
export function workerCount(setting: number | 'auto', processors = availableParallelism()): number {
  return setting === 'auto' ? Math.max(1, processors) : setting;
}

/** Workers that died this recently after one another are restarted at most this many times. */
const RESTARTS_PER_MINUTE = 5;
/** A worker that has not ended this long after being asked to is killed. */
const STOP_GRACE_MS = 10_000;

export type Supervisor = {
  /** Where the workers listen (all on the same port). */
  origin: string;
  /** Resolves when the workers can no longer be kept running (restarted too often); never rejects. */
  failed: Promise<string>;
  /** Asks every worker to finish its requests and end, and waits for them. */
  stop(): Promise<void>;
};

/**
 * Starts `count` copies of this command as cluster workers, which share the listening port; each
 * serves on the one database, and the page caches stay right because every change bumps the
 * content version in the database (see `createPageCache`). A worker that dies is started again,
 * unless workers die more than five times a minute. Resolves once every worker listens; rejects
 * when one ends before that (a port in use, a database that cannot be opened).
 */
export async function superviseWorkers(count: number, log: (line: string) => void): Promise<Supervisor> {
  let stopping = false;
  let listening = false;
  const restarts: number[] = [];
  // Held (not unref'd): when every worker has died at once, the pending restart keeps this process alive.
  let restart: NodeJS.Timeout | undefined;
  let fail: (reason: string) => void = () => {};
  const failed = new Promise<string>((resolve) => (fail = resolve));

  function fork(): Worker {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping || !listening) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0]! > 60_000) restarts.shift();
      if (restarts.length > RESTARTS_PER_MINUTE) {
        fail(`服务进程一分钟内退出超过 ${RESTARTS_PER_MINUTE} 次（最近一次 ${howEnded(code, signal)}），不再重启`);
        return;
      }
      log(`服务进程 ${worker.process.pid} 已退出（${howEnded(code, signal)}），正在重启`);
      restart = setTimeout(() => {
        if (!stopping) fork();
      }, 1000);
    });
    return worker;
  }

  const started = Promise.all(
    Array.from({ length: count }, () => {
      const worker = fork();
      return new Promise<Address>((resolve, reject) => {
        worker.once('listening', resolve);
        worker.once('exit', (code, signal) => reject(new Error(`服务进程启动失败（${howEnded(code, signal)}）`)));
      });
    }),
  );

  async function stop(): Promise<void> {
    stopping = true;
    clearTimeout(restart);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  }

  try {
    const [first] = await started;
    listening = true;
    return { origin: listenOrigin(first!.address ?? '0.0.0.0', first!.port), failed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** How a worker ended, as the messages say it: the signal that ended it, or its exit code. */
function howEnded(code: number, signal: string | null): string {
  return signal ?? `退出码 ${code}`;
}
